#!/bin/sh
# The test command's guard (packaging/check-test-counts.sh) against a real ctest run: an entry
# whose doctest filter matches a test case passes the guard; an entry whose filter matches nothing
# (as a name cut at ';' did) passes ctest but fails the guard, which names it.
#   test_check_test_counts.sh GUARD TEST_BINARY
set -eu
guard="$1"; bin="$2"
dir="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-test-counts.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A test case that exists in the binary, taken from its own list.
name="$("$bin" --list-test-cases --no-version 2>/dev/null | grep -v '^\[doctest\]' | grep -v '^=' | sed -n 's/^ *//; 1p')"
[ -n "$name" ] || fail "no test case listed by $bin"
esc="$(printf '%s' "$name" | sed 's/,/\\,/g')"

# Only entries that run something: the guard is quiet and succeeds.
mkdir "$dir/good"
printf 'add_test(one_case "%s" "--test-case=%s")\n' "$bin" "$esc" >"$dir/good/CTestTestfile.cmake"
(cd "$dir/good" && ctest -Q) || fail "ctest of a real test case failed"
out="$(bash "$guard" "$dir/good" 2>&1)" || fail "guard refused an entry that ran a test case: $out"
[ -z "$out" ] || fail "guard printed on success: $out"

# One entry that runs nothing: ctest passes, the guard fails and names it.
mkdir "$dir/bad"
{ printf 'add_test(one_case "%s" "--test-case=%s")\n' "$bin" "$esc"
  printf 'add_test(runs_nothing "%s" "--test-case=a name that no test case has")\n' "$bin"; } >"$dir/bad/CTestTestfile.cmake"
(cd "$dir/bad" && ctest -Q) || fail "ctest failed where it passes today (the reason for the guard)"
if out="$(bash "$guard" "$dir/bad" 2>&1)"; then fail "guard passed an entry that ran no test case"; fi
echo "$out" | grep -q '^  runs_nothing$' || fail "guard did not name the empty entry: $out"
echo "$out" | grep -q 'one_case' && fail "guard named an entry that ran a test case: $out"
echo "ok: a run of real test cases accepted, the empty entry named"
