#!/bin/sh
# ctest: builds the .deb with cpack into a temporary folder and checks what a technician's apt
# would install: the files, the conffile, the maintainer scripts and the Depends line.
# Usage: check_deb.sh BUILD_DIR
set -eu
build="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack"; }
deb="$(ls "$tmp"/kiosk_*.deb)"
[ -f "$deb" ] || fail "no kiosk_*.deb"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$tmp/files"

for f in /usr/bin/kiosk /usr/share/kiosk/assets/kiosk.toml /usr/share/kiosk/assets/strings.toml \
         /usr/share/kiosk/assets/topics.toml /etc/kiosk/kiosk.toml \
         /lib/systemd/system/kiosk.service /lib/systemd/system/kiosk-upload.service \
         /lib/systemd/system/kiosk-upload.timer /lib/systemd/system/kiosk-collector.service \
         /usr/share/doc/kiosk/copyright /usr/share/doc/kiosk/changelog.Debian.gz \
         /usr/share/doc/kiosk/docs/operator-guide.md /usr/share/doc/kiosk/docs/upload-protocol.md \
         /usr/share/man/man1/kiosk.1.gz /lib/systemd/system-generators/kiosk-upload-generator; do
  grep -qx "$f" "$tmp/files" || fail "missing $f"
done
grep -q '^/usr/share/kiosk/assets/lessons/.*\.toml$' "$tmp/files" || fail "no lessons"
# The collector is in the package exactly when the build made it.
if [ -x "$build/bin/kiosk-collector" ]; then
  grep -qx /usr/bin/kiosk-collector "$tmp/files" || fail "kiosk-collector built but not packaged"
fi
# The installed kiosk finds its assets at <exe>/../share/kiosk/assets (kiosk/common/paths.cpp).
dpkg-deb -x "$deb" "$tmp/root"
[ -f "$tmp/root/usr/bin/../share/kiosk/assets/kiosk.toml" ] || fail "assets not beside the executable"

dpkg-deb -e "$deb" "$tmp/control"
grep -qx /etc/kiosk/kiosk.toml "$tmp/control/conffiles" || fail "kiosk.toml is not a conffile"
for s in postinst prerm postrm; do [ -x "$tmp/control/$s" ] || fail "no executable $s"; done
grep -q 'adduser --system' "$tmp/control/postinst" || fail "postinst makes no kiosk user"
grep -q 'chmod 0700 /var/lib/kiosk' "$tmp/control/postinst" || fail "postinst does not protect /var/lib/kiosk"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for p in libsdl2-2.0-0 libsqlite3-0 libqrencode4 libzxing libespeak-ng1 libsystemd0 libsodium \
         cage xwayland libegl1 libgles2 libgl1-mesa-dri espeak-ng-data fonts-noto-core fonts-dejavu-core adduser; do
  echo "$depends" | grep -q "$p" || fail "Depends lacks $p"
done
# kiosk-collector serves with libmicrohttpd (found by dpkg-shlibdeps).
echo "$depends" | grep -q libmicrohttpd12 || fail "Depends lacks libmicrohttpd12"
echo "OK"
