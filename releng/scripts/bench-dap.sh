#!/usr/bin/env bash
# Debug adapter speed, measured (not a test): the round trip of a DAP 'next' request over a real
# loopback connection, and the slowdown of a CPU-bound run with ten breakpoints set, none hit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$root/pearl" dap --bench
