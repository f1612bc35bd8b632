#!/usr/bin/env bash
# The linter's speed, in figures: whole-process `./pearl lint` against luacheck on the same
# corpus of several thousand files (Debian's Lua sources, copied COPIES times under distinct
# names), then `pearl lint --bench` for warm throughput and the time to revalidate a 2,000-line
# file after a one-character edit. Prints figures; asserts nothing.
# Usage: releng/scripts/bench-lint.sh [COPIES] [RUNS]   (defaults 3 and 3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
copies="${1:-3}"
runs="${2:-3}"
"$root/releng/scripts/ensure-packages.sh" bc $(cat "$root/releng/scripts/lua-corpus.packages")

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
for ((c = 1; c <= copies; c++)); do
  for dir in /usr/share/lua /usr/lib/x86_64-linux-gnu/lua; do
    [[ -d $dir ]] && mkdir -p "$corpus/$c$dir" && cp -r "$dir/." "$corpus/$c$dir/"
  done
done
files=$(find "$corpus" -name '*.lua' | wc -l)
lines=$(find "$corpus" -name '*.lua' -print0 | xargs -0 cat | wc -l)
echo "corpus: $files files, $lines lines ($copies copies of Debian's Lua sources)"

"$root/pearl" --version >/dev/null # builds the command line if it is missing

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # command... -> seconds of wall time
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000000" | bc
}
pearl_times=(); luacheck_times=()
for ((r = 1; r <= runs; r++)); do
  pearl_times+=("$(timed "$root/pearl" lint "$corpus")")
  luacheck_times+=("$(timed luacheck --no-config -q "$corpus")")
done
p=$(printf '%s\n' "${pearl_times[@]}" | median)
l=$(printf '%s\n' "${luacheck_times[@]}" | median)
echo "whole process, median of $runs: pearl lint $p s (${pearl_times[*]}), luacheck $l s (${luacheck_times[*]})"
echo "pearl lint: $(echo "scale=0; $files / $p" | bc) files/s, $(echo "scale=0; $lines / $p" | bc) lines/s; $(echo "scale=2; $l / $p" | bc)x luacheck's speed"
echo
"$root/pearl" lint --bench "$corpus/1"
