#!/bin/sh
# ctest: the boot path of a kiosk PC. Builds the .deb with cpack, unpacks it (dpkg-deb -x) into a
# temporary root and runs kiosk.service's ExecStart as systemd would: as the `kiosk` user, under
# cage on wlroots' headless backend, with a private XDG_RUNTIME_DIR and a NOTIFY_SOCKET this script
# listens on. The kiosk must draw on native Wayland (no Xwayland started), send READY=1 after its
# first frame and feed the watchdog. Exit 77 (skipped) only when cage cannot run at all here.
# Run as root, it makes the `kiosk` user with the package's own postinst when the user is missing
# (a real change to this machine, as installing the package would make); as another user, the
# kiosk runs as that user. Usage: check_boot.sh BUILD_DIR
set -eu
build="$1"
tmp="$(mktemp -d)"
listener=""
cleanup() {
  [ -z "$listener" ] || kill "$listener" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ ! -f "$tmp/session.log" ] || { echo "--- cage and kiosk:"; cat "$tmp/session.log"; }; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

command -v cage >/dev/null || skip "cage is not installed (bash packaging/kiosk-dev.sh deps installs it)"
command -v socat >/dev/null || fail "socat is needed to listen on the notify socket (bash packaging/kiosk-dev.sh deps)"
chmod 0755 "$tmp"   # the kiosk user reads the unpacked package here

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack"; }
deb="$(ls "$tmp"/deb/kiosk_*.deb)"
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$tmp/control"

if [ "$(id -u)" -eq 0 ]; then
  # cage refuses to run as root: the unit runs it as User=kiosk, which the postinst makes.
  user="$(sed -n 's/^User=//p' "$root/lib/systemd/system/kiosk.service")"
  [ "$user" = kiosk ] || fail "kiosk.service does not run as the kiosk user (User=$user)"
  if ! getent passwd kiosk >/dev/null; then
    echo "making the kiosk user with the package's postinst (a real change to this machine)"
    "$tmp/control/postinst" configure || fail "postinst configure"
    getent passwd kiosk >/dev/null || fail "the postinst made no kiosk user"
  fi
  as_user() { runuser -u kiosk -- "$@"; }
  # cage reserves an X display there even when Xwayland never runs: make it as systemd-tmpfiles
  # does (root, 1777), lest the kiosk user make it its own and later X servers refuse it.
  [ -d /tmp/.X11-unix ] || mkdir -m 1777 /tmp/.X11-unix
else
  user="$(id -un)"
  as_user() { "$@"; }
fi

# What systemd and logind give the service: a clean environment, a private runtime folder (0700,
# the user's own), the notify socket and the watchdog period. WATCHDOG_PID names the main process
# (cage), as under systemd, and the kiosk still has to ping.
mkdir -m 0700 "$tmp/run" "$tmp/data"
mkdir -m 0755 "$tmp/notify"
[ "$(id -u)" -ne 0 ] || chown kiosk:kiosk "$tmp/run" "$tmp/data"
# Xwayland must never start: cage runs it only when an X11 client connects, through this spy.
printf '#!/bin/sh\necho started >"%s"\nexec /usr/bin/Xwayland "$@"\n' "$tmp/xwayland-started" >"$tmp/xwayland-spy"
chmod 0755 "$tmp/xwayland-spy"
session() {
  as_user env -i PATH=/usr/bin:/bin HOME="$tmp/data" USER="$user" LOGNAME="$user" LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$tmp/run" XDG_SESSION_TYPE=wayland \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 WLR_XWAYLAND="$tmp/xwayland-spy" \
    "$@"
}

# cage itself, with `true` for a kiosk: when even this fails the machine cannot run cage.
if ! session timeout 20 cage -- true >"$tmp/probe.log" 2>&1; then
  grep -q 'Xwayland binary' "$tmp/probe.log" && { cat "$tmp/probe.log"; fail "cage needs the Xwayland binary (package xwayland)"; }
  cat "$tmp/probe.log"
  skip "cage cannot start a headless Wayland session on this machine"
fi

(umask 0; exec socat -u UNIX-RECV:"$tmp/notify/notify.sock" OPEN:"$tmp/notify.txt",creat,append) &
listener=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -S "$tmp/notify/notify.sock" ] && break; sleep 0.2; done
[ -S "$tmp/notify/notify.sock" ] || fail "socat made no notify socket"

# The unit's command, pointed at the unpacked package and a temporary data folder. Three frames:
# the start screen, its settling frame and the next slide (6 s later), with idle pings between.
exec_start="$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/kiosk.service")"
echo "ExecStart=$exec_start"
cmd="$(echo "$exec_start" | sed -e "s#/usr/bin/kiosk #$root/usr/bin/kiosk --config $root/etc/kiosk/kiosk.toml #" \
                                -e "s#--data /var/lib/kiosk #--data $tmp/data #")"
[ "$cmd" != "$exec_start" ] && echo "$cmd" | grep -q "^/usr/bin/cage .*$tmp/data run" || fail "unexpected ExecStart: $exec_start"
# shellcheck disable=SC2086  # the unit's command line, split into words as systemd does
session NOTIFY_SOCKET="$tmp/notify/notify.sock" WATCHDOG_USEC=1000000 \
  timeout -s KILL 60 sh -c 'export WATCHDOG_PID=$$; exec "$@"' sh $cmd --exit-after-frames 3 >"$tmp/session.log" 2>&1 \
  || fail "the kiosk under cage exited with status $?"

grep -q 'SDL driver "wayland"' "$tmp/session.log" || fail "SDL did not use its wayland video driver"
first="$(sed -n 's/.*khung hình đầu tiên sau \([0-9]*\) ms.*/\1/p' "$tmp/session.log")"
[ -n "$first" ] || fail "the kiosk logged no first frame"
[ ! -e "$tmp/xwayland-started" ] || fail "Xwayland was started"
notes="$(cat "$tmp/notify.txt" 2>/dev/null || true)"
echo "$notes" | grep -q 'READY=1' || fail "no READY=1 on the notify socket: $notes"
pings="$(echo "$notes" | grep -o 'WATCHDOG=1' | wc -l)"
[ "$pings" -ge 3 ] || fail "the watchdog was fed $pings times in ~6 s (every 500 ms expected): $notes"
echo "first frame under cage (headless, native Wayland) after $first ms; READY=1 and $pings watchdog pings"
echo "OK"
