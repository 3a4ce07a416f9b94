#!/usr/bin/env bash
# `npm run test:reliability`: the security and reliability guarantees, each proven by its tests,
# then one line per guarantee with its figures. Exits non-zero on any violation or failed test.
# The tests run here only (the integration project does not include test/reliability); the crash
# harness runs in the integration project and its figures are read from that run's log when
# TOKENDESK_CRASH_LOG names it (scripts/test.sh does).
set -uo pipefail
cd "$(dirname "$0")/.."

export TOKENDESK_RELIABILITY_DIR="${TOKENDESK_RELIABILITY_DIR:-$(mktemp -d -t tokendesk-reliability.XXXXXX)}"
status=0
node scripts/reliability-electronegativity.mjs || status=1
dbus-run-session -- bash scripts/with-test-keyring.sh \
  npx vitest run --config test/reliability/vitest.config.mts || status=1
npx tsx scripts/reliability-summary.ts || status=1
exit "$status"
