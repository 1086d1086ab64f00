#!/usr/bin/env bash
# Build every libFuzzer target under fuzz/ with clang (AddressSanitizer + UBSan) in build-fuzz/ and
# run each one for RUNS inputs (default 1000000). Safe to run again; a found crash fails the script.
#   bash packaging/kiosk-fuzz.sh [RUNS] [TARGET...]     (no TARGET: every one in fuzz/CMakeLists.txt)
# Environment: KIOSK_FUZZ_BUILD_DIR (default build-fuzz/), KIOSK_JOBS (build jobs, default nproc),
# KIOSK_FUZZ_MAX_LEN (longest input, default 4096 bytes; fuzz/NAME.options may raise it).
# Per target, beside fuzz_NAME.cpp: corpus/NAME/ (seeds), NAME.dict (dictionary), NAME.seeds (more
# seed folders of the repository, one per line, e.g. assets/lessons), NAME.options (libFuzzer
# flags, one per line, e.g. -max_len=16384).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${KIOSK_JOBS:-$(nproc 2>/dev/null || echo 2)}"
runs="${1:-1000000}"
case "$runs" in
  ''|*[!0-9]*) echo "Số lần chạy không hợp lệ: $runs / RUNS must be a number" >&2; exit 2 ;;
esac
[ $# -gt 0 ] && shift
only=("$@")

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
if [ ${#only[@]} -gt 0 ]; then
  for name in "${only[@]}"; do
    grep -qx "$name" "$build/fuzz/targets.txt" ||
      { echo "Không có đích fuzz \"$name\" / no such target; có / there are: $(tr '\n' ' ' < "$build/fuzz/targets.txt")" >&2; exit 2; }
  done
  cmake --build "$build" -j"$jobs" --target "${only[@]/#/fuzz_}"
else
  cmake --build "$build" -j"$jobs" --target fuzzers
fi

# A smaller quarantine than ASan's 256 MB: freed memory is reused sooner, so a million inputs fault
# in far fewer fresh pages (about 2x faster here); a use-after-free within one input is still caught.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=64}"

failed=()
summary=()
while read -r name; do
  [ -n "$name" ] || continue
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qx "$name"; then continue; fi
  # New inputs go to the build dir's corpus; the repository's seeds (fuzz/corpus/NAME) stay as they are.
  work="$build/corpus/$name"
  mkdir -p "$work" "$build/artifacts"
  args=(-runs="$runs" -max_len="${KIOSK_FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$build/artifacts/$name-")
  [ -f "$here/fuzz/$name.dict" ] && args+=(-dict="$here/fuzz/$name.dict")
  if [ -f "$here/fuzz/$name.options" ]; then
    while read -r opt; do
      case "$opt" in -*) args+=("$opt") ;; esac   # later flags win: the target's own max_len
    done < "$here/fuzz/$name.options"
  fi
  seeds=()
  [ -d "$here/fuzz/corpus/$name" ] && seeds+=("$here/fuzz/corpus/$name")
  if [ -f "$here/fuzz/$name.seeds" ]; then
    while read -r dir; do
      case "$dir" in ''|'#'*) continue ;; esac
      [ -d "$here/$dir" ] && seeds+=("$here/$dir")
    done < "$here/fuzz/$name.seeds"
  fi
  echo "== fuzz_$name: $runs lần chạy / runs"
  start=$(date +%s)
  # Standard input is /dev/null: an input naming /dev/stdin as a file must not wait for a terminal.
  if "$build/bin/fuzz_$name" "${args[@]}" "$work" "${seeds[@]}" 2> "$build/fuzz_$name.log" < /dev/null; then
    secs=$(( $(date +%s) - start ))
    units=$(grep -E '^stat::number_of_executed_units' "$build/fuzz_$name.log" | awk '{print $2}')
    rss=$(grep -E '^stat::peak_rss_mb' "$build/fuzz_$name.log" | awk '{print $2}')
    cov=$(grep -E '^#[0-9]+' "$build/fuzz_$name.log" | tail -n 1 | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    echo "   OK sau $secs giây / s: $units inputs, $cov coverage edges, $rss MB peak RSS," \
         "$(find "$work" -type f | wc -l) in corpus (log: $build/fuzz_$name.log)"
    summary+=("fuzz_$name: $units inputs in $secs s, cov $cov, peak RSS $rss MB")
  else
    echo "   LỖI / FAILED: xem / see $build/fuzz_$name.log and $build/artifacts/" >&2
    tail -n 30 "$build/fuzz_$name.log" >&2
    failed+=("$name")
  fi
done < "$build/fuzz/targets.txt"

if [ ${#summary[@]} -gt 0 ]; then
  echo "== Tóm tắt / summary"
  printf '   %s\n' "${summary[@]}"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "Các đích fuzz bị lỗi / failing fuzz targets: ${failed[*]}" >&2
  exit 1
fi
