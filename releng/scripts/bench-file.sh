#!/usr/bin/env bash
# Writes a NodeMCU Lua file of about LINES lines to OUT for the benchmarks: copies of
# releng/bench/lsp/block.lua, its names numbered per copy so that each defines its own functions,
# each copy in its own do ... end (Lua 5.1 allows a function, the main chunk too, 200 locals).
# Usage: releng/scripts/bench-file.sh LINES OUT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="$1"
out="$2"
block="$root/releng/bench/lsp/block.lua"
block_lines=$(wc -l < "$block")
for ((i = 1; i * (block_lines + 2) <= lines; i++)); do
  echo "do"
  sed "s/_N\b/_$i/g" "$block"
  echo "end"
done > "$out"
if "$root/pearl" lint "$out" | grep -q '\[syntax\]'; then
  echo "bench-file: the generated file has a syntax error" >&2
  exit 1
fi
