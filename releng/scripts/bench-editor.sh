#!/usr/bin/env bash
# The Lua editor's speed, in figures (not a test): in the real workbench (under Xvfb when there is
# no screen), opens a 2,000-line NodeMCU file (made by bench-file.sh) and times the opening, then
# times keystrokes to the annotation they bring. Usage: releng/scripts/bench-editor.sh [LINES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lines="${1:-2000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/releng/scripts/bench-file.sh" "$lines" "$work/app.lua"
modules=target-platform,bundles/pearl.thirdparty.luaj,bundles/pearl.thirdparty.jssc,bundles/pearl.lua,bundles/pearl.lua.ide,bundles/pearl.ui,bundles/pearl.lua.ui,features/pearl.platform.feature,tests/pearl.ui.tests
run=(./mvnw -B -ntp -q -f "$root/pom.xml" -pl "$modules" verify -Dtest=EditorBenchmark -Dsurefire.failIfNoSpecifiedTests=false
  -Dpearl.bench.file="$work/app.lua" -DtrimStackTrace=false)
if [[ -z "${DISPLAY:-}" ]]; then
  run=(xvfb-run -a -s "-screen 0 1280x1024x24" "${run[@]}")
fi
cd "$root"
"${run[@]}" | grep -E "^(open|keystroke)"
