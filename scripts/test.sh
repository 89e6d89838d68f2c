#!/usr/bin/env bash
# The whole test suite, as CI runs it: typecheck, lint, format, then vitest and Playwright against a real
# throwaway keychain (scripts/with-keychain.sh). Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .reports && rm -f .reports/*.json  # a crashed runner must not pass on an old report
status=0
step() { echo; echo "== $1"; shift; "$@" || status=1; }

step "typecheck" node_modules/.bin/tsc -p tsconfig.json --noEmit
step "lint" node_modules/.bin/eslint --max-warnings 0 .
step "format" node_modules/.bin/prettier --check . --log-level warn
step "build the renderer" node_modules/.bin/vite build --config vite.renderer.config.ts --logLevel warn
step "Electronegativity (src/ and the built out/; fails on HIGH)" scripts/electronegativity.sh
step "unit and integration tests (vitest)" scripts/with-keychain.sh node_modules/.bin/vitest run \
  --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
step "end-to-end tests (Playwright, Chromium, browser host)" env PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json \
  scripts/with-keychain.sh node_modules/.bin/playwright test --reporter=list,json

echo
[[ -d e2e/artifacts ]] && echo "screenshots: $(pwd)/e2e/artifacts"
node scripts/test-summary.js .reports/vitest.json .reports/playwright.json || status=1
exit $status
