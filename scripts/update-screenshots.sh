#!/usr/bin/env bash
# `npm run screenshots`: takes the README's pictures from the all-services e2e run (simulators,
# the real keychain in a private session) and copies them into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${TOKENDESK_BUILD_DIR:-out}/screenshots"
rm -rf "$shots"
npx electron-vite build
dbus-run-session -- bash scripts/with-test-keyring.sh npx playwright test e2e/all-services.spec.ts
cp "$shots"/*.png docs/
ls "$shots"
