#!/usr/bin/env bash
# Fails when a ctest entry ran no test case. doctest_discover_tests makes one ctest entry per
# test case and runs it as `--test-case=<name>`: a name that the filter no longer matches (doctest
# splits filters at ';', for example) runs nothing and still passes. This reads the log of the
# ctest run that just ended and names every entry whose doctest summary says "test cases: 0".
#   bash packaging/check-test-counts.sh BUILD_DIR
set -euo pipefail
log="${1:?usage: check-test-counts.sh BUILD_DIR}/Testing/Temporary/LastTest.log"
[ -r "$log" ] || { echo "check-test-counts: no ctest log at $log" >&2; exit 2; }
empty="$(awk '
  /^[0-9]+\/[0-9]+ Test: / { sub(/^[0-9]+\/[0-9]+ Test: /, ""); name = $0; next }
  /\[doctest\] test cases: *0 *\|/ { if (name != "") print "  " name; name = "" }
' "$log")"
if [ -n "$empty" ]; then
  echo "Các mục ctest sau không chạy ca kiểm thử nào / these ctest entries ran no test case:" >&2
  echo "$empty" >&2
  exit 1
fi
