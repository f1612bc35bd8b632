#!/usr/bin/env bash
# Runs all of Pearl's tests: the whole Maven build (unit, OSGi, workbench, install and launch
# tests) on a virtual display. Installs what a fresh machine lacks first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# xvfb/xauth: the workbench tests' display; libgtk-3-0: SWT; x11-utils: the launch test looks for
# the IDE window; socat: pseudo-terminal pairs for the serial tests; neovim: the LSP client that
# tests `pearl lsp`; lua-corpus.packages: luac5.1
# and Debian's Lua libraries, the reference compiler and corpus of the parser's conformance test;
# make, gcc-xtensa-lx106, qemu-system-misc: the ESP8266 flasher stub is compiled (and compared with the
# committed one) and run on an emulated lx106 core by the flasher tests (tests/pearl.device.tests).
# node, npm: the TextMate engine that checks the Lua grammar (tests/pearl.textmate.tests) and VS Code's
# debug adapter test client (tests/pearl.debug.vscode.tests); any Node on the PATH will do, so only a
# machine without one gets Debian's.
command -v node >/dev/null && command -v npm >/dev/null || releng/scripts/ensure-packages.sh nodejs npm
releng/scripts/ensure-packages.sh xvfb xauth libgtk-3-0 x11-utils socat neovim mosquitto mosquitto-clients make gcc-xtensa-lx106 qemu-system-misc $(cat releng/scripts/lua-corpus.packages)
xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B -ntp clean verify "$@"
