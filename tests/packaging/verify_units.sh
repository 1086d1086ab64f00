#!/bin/sh
# ctest: `systemd-analyze verify` on every unit in packaging/systemd/, failing on any complaint
# (it exits 0 on unknown keys, so its output must be empty too). The units name /usr/bin/...,
# which a build machine has not installed: copies point at the build's binaries, or at stubs.
# Usage: verify_units.sh UNIT_DIR BUILD_BIN_DIR. Exit 77 (skipped) without systemd-analyze.
set -u
units="$1"
bindir="$(cd "$2" 2>/dev/null && pwd || echo "$2")"
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze not installed: skipped"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/units"
for name in kiosk kiosk-collector cage; do
  if [ -x "$bindir/$name" ]; then ln -s "$bindir/$name" "$tmp/bin/$name"
  elif [ -x "/usr/bin/$name" ]; then ln -s "/usr/bin/$name" "$tmp/bin/$name"
  else printf '#!/bin/sh\nexit 0\n' > "$tmp/bin/$name"; chmod +x "$tmp/bin/$name"
  fi
done
for u in "$units"/*.service "$units"/*.timer; do
  sed -e "s#/usr/bin/\(kiosk-collector\|kiosk\|cage\)\([ \t]\|\$\)#$tmp/bin/\1\2#g" "$u" > "$tmp/units/$(basename "$u")"
done
# Every executable the copies name must be one of ours (a path typo would otherwise go unseen).
if grep -h '^Exec' "$tmp/units"/* | grep -q '/usr/bin/'; then
  echo "a unit runs an unexpected /usr/bin program:"; grep -h '^Exec' "$tmp/units"/*; exit 1
fi
cd "$tmp/units"
out="$(systemd-analyze verify --man=no ./*.service ./*.timer 2>&1)"
rc=$?
[ -n "$out" ] && printf '%s\n' "$out"
[ $rc -eq 0 ] && [ -z "$out" ] || { echo "systemd-analyze verify: rc=$rc"; exit 1; }
echo "systemd-analyze verify: $(ls | tr '\n' ' ')OK"
