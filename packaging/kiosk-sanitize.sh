#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer at each
# process's exit), built with the project's usual compiler into build-asan/. Safe to run again;
# any report fails the test that triggered it, and so the script.
#   bash packaging/kiosk-sanitize.sh [ctest arguments, e.g. -R upload]
# Environment: KIOSK_ASAN_BUILD_DIR (default build-asan/), KIOSK_JOBS (default nproc).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KIOSK_ASAN_BUILD_DIR:-$here/build-asan}"
jobs="${KIOSK_JOBS:-$(nproc 2>/dev/null || echo 2)}"

bash "$here/packaging/kiosk-dev.sh" deps

# halt_on_error / -fno-sanitize-recover: the first report stops the process, so ctest sees it.
# detect_stack_use_after_return catches a dangling reference to a local (a lambda capture, a
# string_view of a temporary) that plain ASan misses. The LSan suppressions name third-party
# libraries only (see the file); the project's own leaks always fail.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/packaging/lsan.supp:print_suppressions=0}"

start=$(date +%s)
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_SANITIZE=ON >/dev/null
# The build runs each test binary once to list its tests (doctest_discover_tests): under the
# sanitizers too, with the options above.
cmake --build "$build" -j"$jobs"
built=$(date +%s)
cd "$build"
status=0
ctest --output-on-failure -j"$jobs" "$@" || status=$?
end=$(date +%s)
echo "== ASan+UBSan: build $(( built - start )) s, tests $(( end - built )) s"
exit $status
