#!/usr/bin/env bash
# The language server's latency, in figures (not a test): `pearl lsp --bench` on a 2,000-line
# NodeMCU file (made by bench-file.sh). Prints the median time from an edit to its diagnostics, and of
# completion requests. Usage: releng/scripts/bench-lsp.sh [LINES]   (default 2000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-2000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/releng/scripts/bench-file.sh" "$lines" "$work/app.lua"
"$root/pearl" lsp --bench "$work/app.lua"
