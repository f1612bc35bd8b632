#!/usr/bin/env bash
# Measures structures.lua on Debian's i386 Lua 5.1, the nearest real Lua to the ESP8266's float
# build (12-byte values), run under qemu-i386 because these machines cannot execute 32-bit
# binaries. Writes i386-lua5.1.txt beside this script. Run by hand, not in CI: it adds the i386
# architecture to apt and removes it again (see ../../../../shared/build/luaj-notes.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg --add-architecture i386
apt-get update -q || true # a mirror mid-sync for i386 fails part of the update; the packages below still install
DEBIAN_FRONTEND=noninteractive apt-get install -y -q qemu-user libc6:i386 libreadline8:i386
(cd "$work" && apt-get download lua5.1:i386 liblua5.1-0:i386 && for deb in *.deb; do dpkg-deb -x "$deb" root; done)
LD_LIBRARY_PATH="$work/root/usr/lib/i386-linux-gnu" qemu-i386 -L / "$work/root/usr/bin/lua5.1" "$here/structures.lua" \
  > "$here/i386-lua5.1.txt"
# leave no foreign architecture behind: a later apt-get update could fail while its mirror syncs
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --allow-remove-essential $(dpkg -l | awk '/:i386/ {print $2}') || true
dpkg --remove-architecture i386 || true
cat "$here/i386-lua5.1.txt"
