#!/usr/bin/env bash
# Installs what Storebridge needs on a fresh Debian/Ubuntu machine: system packages (the keychain's
# libsecret headers, gnome-keyring and D-Bus for tests; Chromium with --with-browser), then `npm ci`.
# Electron's binary download is skipped: where it cannot be fetched, `npm start` serves the console in a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsecret-1-dev gnome-keyring dbus-x11 python3 make g++)
[[ " $* " == *" --with-browser "* ]] && packages+=(chromium)

missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Native addons (better-sqlite3, keytar) build from source against the installed Node headers, offline.
if [[ -d /usr/include/node ]]; then export npm_config_nodedir=/usr; fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
echo "setup: npm ci"
npm ci --no-audit --no-fund
