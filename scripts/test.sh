#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, integration and e2e tests, then the reliability suite with
# its summary. The keychain tests run against a private GNOME Keyring in a private D-Bus session,
# so they never touch the user's keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

# Where the e2e leak scan and the reliability tests leave their figures, and where the summary
# finds the crash harness's totals (it runs in the integration project, not a second time).
TOKENDESK_RELIABILITY_DIR=$(mktemp -d -t tokendesk-reliability.XXXXXX)
export TOKENDESK_RELIABILITY_DIR
export TOKENDESK_CRASH_LOG="$TOKENDESK_RELIABILITY_DIR/integration.log"
export TOKENDESK_RELIABILITY_CI=1

npm run lint
npm run typecheck
npx electron-vite build
dbus-run-session -- bash scripts/with-test-keyring.sh bash -c '
  set -euo pipefail
  npx vitest run --project unit --project renderer
  npx vitest run --project integration 2>&1 | tee "$TOKENDESK_CRASH_LOG"
  npx playwright test
'
npm run test:reliability
