#!/usr/bin/env bash
# Build and run the torture tests for the records (tests/torture/, issue 7 item 3) in their own
# build folder, configured with KIOSK_TORTURE=ON so that ctest knows them (label `torture`; the
# default build leaves them out of `ctest`). Safe to run again; any failure fails the script.
#   bash packaging/kiosk-torture.sh [ctest arguments, e.g. -R collector]
# Environment: KIOSK_TORTURE_BUILD_DIR (default build-torture/), KIOSK_JOBS (build jobs, default
# nproc), KIOSK_TORTURE_SEED (repeat a run's random kill moments: each test prints its seed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_TORTURE_BUILD_DIR:-$here/build-torture}"
jobs="${KIOSK_JOBS:-$(nproc 2>/dev/null || echo 2)}"

bash "$here/packaging/kiosk-dev.sh" deps
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_TORTURE=ON >/dev/null
cmake --build "$build" -j"$jobs" --target torture

echo "== Torture tests / các bài thử khắc nghiệt (a few minutes)"
start=$(date +%s)
# The quick ones (label torture-quick) also run in the default suite; here they run with the rest.
# One at a time: they kill processes and fill disks, and timing is theirs to randomise.
status=0
ctest --test-dir "$build" -L 'torture' --output-on-failure "$@" || status=$?
# What each torture did (seeds, kills, counts, which way the disk was filled), from ctest's log.
log="$build/Testing/Temporary/LastTest.log"
[ -f "$log" ] && grep -o 'MESSAGE: .*' "$log" | sed 's/^MESSAGE: /   /' || true
[ "$status" -eq 0 ] || { echo "LỖI / FAILED (log: $log)" >&2; exit "$status"; }
echo "== OK sau $(( $(date +%s) - start )) giây / s"
