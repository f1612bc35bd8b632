#!/usr/bin/env bash
# Emulator speed, measured (not a test): wall time of CPU-bound Lua programs under lua5.1 and under
# `pearl run` (whole process, JVM start included, watchdog and heap limits lifted), and the wall
# time of 24 hours of virtual time of a 1-second timer app. Prints one line per figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="$root/releng/bench/emulator"
"$root/releng/scripts/ensure-packages.sh" lua5.1 bc
[[ -f "$root/bundles/pearl.cli/target/pearl.cli-0.1.0-SNAPSHOT-all.jar" ]] || "$root/pearl" --version >/dev/null

seconds() { # command...: wall seconds of one run
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "program      lua5.1 s   pearl run s"
for program in "$bench"/cpu/*.lua; do
  name=$(basename "$program" .lua)
  mkdir -p "$work/$name"
  cp "$program" "$work/$name/init.lua"
  reference=$(seconds lua5.1 "$program")
  emulated=$(seconds "$root/pearl" run --no-watchdog --heap 1000000000 --for 1d "$work/$name")
  printf '%-12s %8.2f   %8.2f\n' "$name" "$reference" "$emulated"
done
day=$(seconds "$root/pearl" run --for 24h "$bench/timer-day")
printf '24 h of a 1 s ALARM_AUTO timer: %.2f s wall\n' "$day"
