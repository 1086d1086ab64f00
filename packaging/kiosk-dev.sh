#!/usr/bin/env bash
# Set up, build, run and test the kiosk on Debian 12. Safe to run again: it installs only what is
# missing and rebuilds only what changed.
#   bash packaging/kiosk-dev.sh run     install, build, start the kiosk (window if a display is there)
#   bash packaging/kiosk-dev.sh test    install, build, run every test
#   bash packaging/kiosk-dev.sh build   install and build only
#   bash packaging/kiosk-dev.sh deps    install the missing packages only (used by kiosk-fuzz.sh)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

# Build and run dependencies, all from Debian 12 (nothing is downloaded at build time).
packages=(
  build-essential cmake pkg-config
  libsdl2-dev libimgui-dev libstb-dev libqrencode-dev libzxing-dev libsqlite3-dev
  doctest-dev libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev libsodium-dev
  libxlsxwriter-dev libtomlplusplus-dev libspdlog-dev libespeak-ng-dev espeak-ng
  fonts-noto-core fonts-dejavu-core xvfb xauth
  libmicrohttpd-dev zlib1g-dev
  unzip
  libsystemd-dev dpkg-dev systemd   # sd_notify; cpack's dpkg-shlibdeps; systemd-analyze verify (tests)
  file                              # cpack's DEB generator finds the executables with it
  libxtst-dev libxdamage-dev        # kiosk-bench: injected taps (XTest), frames seen on the screen (XDamage)
  # The kiosk PC's session (tests: packaging.boot_under_cage): cage, which needs Xwayland to start;
  # EGL/GLES and Mesa's drivers for SDL's Wayland window; socat listens as systemd's notify socket;
  # adduser for the package's postinst.
  cage xwayland libegl1 libgles2 libgl1-mesa-dri socat adduser
)

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== Cài ${#missing[@]} gói còn thiếu / installing ${#missing[@]} missing packages (a few minutes the first time)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Cần quyền root để cài gói (chạy bằng root hoặc cài sudo)." >&2; exit 1; }
    sudo="sudo"
  fi
  # apt and dpkg talk a lot: their output goes to a log, shown only when they fail.
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/kiosk-dev-apt.XXXXXX")"
  if ! { $sudo apt-get update -qq -o Dpkg::Use-Pty=0 &&
         $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           -o Dpkg::Use-Pty=0 "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Cài gói thất bại / apt-get failed (log: $log): ${missing[*]}" >&2
    exit 1
  fi
  rm -f "$log"
}

build() {
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE="${KIOSK_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  cmake --build "$build" -j"$jobs"
}

case "${1:-}" in
  deps)
    install_deps ;;
  build)
    install_deps; build ;;
  run)
    install_deps; build
    shift
    exec "$build/bin/kiosk" run "$@" ;;
  test)
    install_deps; build
    cd "$build"
    # Screens render through SDL's offscreen driver: no X server needed.
    ctest --output-on-failure -j"$jobs"
    # doctest entries whose filter matches nothing pass ctest silently: refuse them.
    bash "$here/packaging/check-test-counts.sh" "$build" ;;
  *)
    echo "usage: bash packaging/kiosk-dev.sh run|test|build|deps" >&2; exit 2 ;;
esac
