#!/usr/bin/env bash
# Runs a command with a fresh, unlocked GNOME Keyring whose files live in a temporary folder.
# Call it inside `dbus-run-session` so the keyring's D-Bus name is private to this run.
set -euo pipefail
keyring_home=$(mktemp -d -t tokendesk-keyring.XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data"
export XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'tokendesk-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
