#!/usr/bin/env bash
# Runs a command against a real, throwaway Secret Service: a private D-Bus session with gnome-keyring
# unlocked, under a fresh HOME (so no login keyring prompts). Use it for tests only: npm's own settings live
# in the real HOME, and native builds need them. Usage: scripts/with-keychain.sh CMD [ARGS...]
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keychain: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus-x11 gnome-keyring)" >&2
  exit 1
fi
export HOME="$(mktemp -d -t storebridge-home.XXXXXX)"
trap 'rm -rf "$HOME"' EXIT
# The inner shell unlocks a fresh login keyring (password from stdin, no newline), then runs the command.
dbus-run-session -- sh -c 'printf storebridge | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@" 2> >(grep -v -E "Failed to set fd limit|dbus-daemon\[" >&2)
