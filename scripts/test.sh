#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, integration and e2e tests. The keychain tests run against
# a private GNOME Keyring in a private D-Bus session, so they never touch the user's keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run lint
npm run typecheck
npx electron-vite build
exec dbus-run-session -- bash scripts/with-test-keyring.sh bash -c '
  set -euo pipefail
  npx vitest run --project unit --project renderer
  npx vitest run --project integration
  npx playwright test
'
