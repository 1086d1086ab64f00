#!/usr/bin/env bash
# kiosk-bench, the one command (issue 7): installs what is missing (the project's packages, Xvfb,
# Debian's chromium for the side-by-side rows), builds kiosk, kiosk-collector and kiosk-bench, and
# runs the bench under its own Xvfb at 1920x1080. Prints the table; never fails on a timing.
#   bash packaging/kiosk-bench.sh                 the full run (~15 min on 2 cores)
#   bash packaging/kiosk-bench.sh --quick         a shortened check (~2 min), marked as such
#   bash packaging/kiosk-bench.sh --json --only first_frame,save
# Environment: KIOSK_BENCH_BUILD_DIR (default build-bench/), KIOSK_JOBS (build jobs, default nproc),
# KIOSK_BENCH_NO_CHROMIUM=1 (do not install chromium; its rows are then skipped).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_BENCH_BUILD_DIR:-$here/build-bench}"
jobs="${KIOSK_JOBS:-$(nproc 2>/dev/null || echo 2)}"

bash "$here/packaging/kiosk-dev.sh" deps
extra=(xvfb xauth)
[ "${KIOSK_BENCH_NO_CHROMIUM:-0}" = 1 ] || extra+=(chromium)
missing=()
for p in "${extra[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Cài các gói còn thiếu / installing missing packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # chromium is optional: if it cannot be installed the bench says so and skips its rows.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    echo "!! không cài được ${missing[*]}; the bench runs without them" >&2
fi
command -v chromium >/dev/null || echo "!! Không có chromium / chromium is absent: the side-by-side rows will be skipped" >&2

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs" --target kiosk kiosk-collector kiosk-bench >&2

# Our own X server on a free display number, stopped on exit by its pid.
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "Không tìm được số màn hình X trống / no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.05; done

# The kiosk prefers Wayland when WAYLAND_DISPLAY is set (a desktop session): the bench watches Xvfb.
env -u WAYLAND_DISPLAY DISPLAY="$display" "$build/bin/kiosk-bench" "$@"
