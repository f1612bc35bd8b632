#!/usr/bin/env bash
# Upload speed, measured (not a test): `pearl upload` of a 16 KB binary file and a 16 KB Lua file
# to an emulated board on a pseudo-terminal, once paced to 115200 baud 8N1 as a real board's
# USB-serial line (`pearl run --pty --pty-baud 115200`) and once unpaced. Prints KB/s and the
# share of the line's raw 11.25 KB/s that carries payload.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
board_pid=
trap '[[ -n "$board_pid" ]] && kill "$board_pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/board"
echo 'print("ready")' > "$work/board/init.lua"
head -c 16384 /dev/urandom > "$work/bench.bin"
while [[ $(stat -c %s "$work/bench.lua" 2>/dev/null || echo 0) -lt 16384 ]]; do
  n=$((RANDOM))
  printf 'local function f%d(a, b)\n  -- joins its arguments\n  return a .. "x" .. b\nend\n' "$n" >> "$work/bench.lua"
done

for baud in 115200 0; do
  pace=(); label="unpaced pty"
  if [[ $baud -gt 0 ]]; then pace=(--pty-baud "$baud"); label="$baud baud"; fi
  "$root/pearl" run --pty "${pace[@]}" --for 1h "$work/board" > /dev/null 2> "$work/run.err" &
  board_pid=$!
  for _ in $(seq 100); do grep -q "UART on" "$work/run.err" && break; sleep 0.1; done
  dev="$(sed -n 's/.*UART on \(\S*\).*/\1/p' "$work/run.err")"
  [[ -n "$dev" ]] || { cat "$work/run.err" >&2; exit 1; }
  for file in bench.bin bench.lua; do
    size=$(stat -c %s "$work/$file")
    start=$(date +%s.%N)
    "$root/pearl" upload --port "$dev" "$work/$file" > /dev/null 2> "$work/upload.err"
    end=$(date +%s.%N)
    # the progress bar's last figure: the transfer alone, from the first chunk to the rename
    transfer=$(tr '\r' '\n' < "$work/upload.err" | sed -n 's/.* \([0-9.]*\) KB\/s$/\1/p' | tail -1)
    awk -v s="$size" -v a="$start" -v b="$end" -v f="$file" -v l="$label" -v baud="$baud" -v x="$transfer" 'BEGIN {
      t = b - a
      line = baud > 0 ? sprintf(" (%.0f%% of the line'"'"'s %.2f KB/s)", 100 * x / (baud / 10 / 1024), baud / 10 / 1024) : ""
      printf "%-12s %-10s %6d bytes: transfer %5.2f KB/s%s; whole command %5.2f s\n", l, f, s, x, line, t }'
  done
  kill "$board_pid"; wait "$board_pid" 2>/dev/null || true; board_pid=
done
