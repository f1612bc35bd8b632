#!/usr/bin/env bash
# Measures the time from `./pearl ide` to the Pearl workbench window, on a virtual display, over
# several starts with a fresh workspace each. Prints one line per start and the median.
# Usage: releng/scripts/bench-ide-startup.sh [RUNS]   (default 5; builds the IDE first if missing)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
"$root/releng/scripts/ensure-packages.sh" xvfb xauth x11-utils libgtk-3-0

display=99
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
scratch="$(mktemp -d)"
trap 'kill $xvfb 2>/dev/null; rm -rf "$scratch"' EXIT
export DISPLAY=":$display"
sleep 1

"$root/pearl" ide --help >/dev/null # builds the command line if it is missing
times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  setsid "$root/pearl" ide --workspace "$scratch/ws$i" >"$scratch/out$i" 2>&1 &
  pid=$!
  title=""
  until [[ -n "$title" ]]; do
    kill -0 $pid 2>/dev/null || { cat "$scratch/out$i"; echo "bench: ./pearl ide ended before its window opened" >&2; exit 1; }
    title=$(xwininfo -root -tree 2>/dev/null | grep -o '"[^"]*Pearl"' | head -1 || true)
    [[ -n "$title" ]] || sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  printf 'start %d: window %s after %d.%03d s\n' "$i" "$title" $((ms / 1000)) $((ms % 1000))
  kill -- -$pid 2>/dev/null || true # the script, the command line and the IDE: one process group
  wait $pid 2>/dev/null || true
  while xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*Pearl"'; do sleep 0.1; done
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median of %d starts: %d.%03d s\n' "$runs" $((median / 1000)) $((median % 1000))
