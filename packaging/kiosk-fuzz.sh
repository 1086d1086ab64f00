#!/usr/bin/env bash
# Build every libFuzzer target under fuzz/ with clang (AddressSanitizer + UBSan) in build-fuzz/ and
# run each one for RUNS inputs (default 1000000). Safe to run again; a found crash fails the script.
#   bash packaging/kiosk-fuzz.sh [RUNS]
# Environment: KIOSK_FUZZ_BUILD_DIR (default build-fuzz/), KIOSK_JOBS (build jobs, default nproc),
# KIOSK_FUZZ_MAX_LEN (longest input, default 4096 bytes).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${KIOSK_JOBS:-$(nproc 2>/dev/null || echo 2)}"
runs="${1:-1000000}"
case "$runs" in
  ''|*[!0-9]*) echo "Số lần chạy không hợp lệ: $runs / RUNS must be a number" >&2; exit 2 ;;
esac

# The project's own packages (CMake configures the whole tree), then Debian 12's clang, whose
# libFuzzer runtime comes in libclang-rt-14-dev.
bash "$here/packaging/kiosk-dev.sh" deps
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Cài các gói còn thiếu / installing missing packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

CC=clang CXX=clang++ cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKIOSK_FUZZ=ON -DKIOSK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target fuzzers

failed=()
while read -r name; do
  [ -n "$name" ] || continue
  # New inputs go to the build dir's corpus; the repository's seeds (fuzz/corpus/NAME) stay as they are.
  work="$build/corpus/$name"
  mkdir -p "$work" "$build/artifacts"
  args=(-runs="$runs" -max_len="${KIOSK_FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$build/artifacts/$name-")
  [ -f "$here/fuzz/$name.dict" ] && args+=(-dict="$here/fuzz/$name.dict")
  seeds=()
  [ -d "$here/fuzz/corpus/$name" ] && seeds+=("$here/fuzz/corpus/$name")
  echo "== fuzz_$name: $runs lần chạy / runs"
  start=$(date +%s)
  if "$build/bin/fuzz_$name" "${args[@]}" "$work" "${seeds[@]}" 2> "$build/fuzz_$name.log"; then
    echo "   OK sau $(( $(date +%s) - start )) giây / s: $(grep -E '^stat::number_of_executed_units' "$build/fuzz_$name.log" | awk '{print $2}') inputs," \
         "$(find "$work" -type f | wc -l) in corpus (log: $build/fuzz_$name.log)"
  else
    echo "   LỖI / FAILED: xem / see $build/fuzz_$name.log and $build/artifacts/" >&2
    tail -n 30 "$build/fuzz_$name.log" >&2
    failed+=("$name")
  fi
done < "$build/fuzz/targets.txt"

if [ ${#failed[@]} -gt 0 ]; then
  echo "Các đích fuzz bị lỗi / failing fuzz targets: ${failed[*]}" >&2
  exit 1
fi
