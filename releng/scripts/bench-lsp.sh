#!/usr/bin/env bash
# The language server's latency, in figures (not a test): `pearl lsp --bench` on a 2,000-line
# NodeMCU file, generated from releng/bench/lsp/block.lua with its names numbered so that each
# copy defines its own functions; the file must lint without a syntax error (checked). Prints the median time from an edit to its diagnostics, and of
# completion requests. Usage: releng/scripts/bench-lsp.sh [LINES]   (default 2000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-2000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
block="$root/releng/bench/lsp/block.lua"
block_lines=$(wc -l < "$block")
# each copy in its own do ... end: Lua 5.1 allows a function (the main chunk too) 200 locals
for ((i = 1; i * (block_lines + 2) <= lines; i++)); do
  echo "do"
  sed "s/_N\b/_$i/g" "$block"
  echo "end"
done > "$work/app.lua"
if "$root/pearl" lint "$work/app.lua" | grep -q '\[syntax\]'; then
  echo "bench-lsp: the generated file has a syntax error" >&2
  exit 1
fi
"$root/pearl" lsp --bench "$work/app.lua"
