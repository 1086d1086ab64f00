#!/bin/sh
# ctest: kiosk-upload-generator moves the nightly timer to `[upload] hour` from kiosk.toml, and
# leaves it at 02:00 (writes nothing) when the value is missing or out of range.
# Usage: test_upload_generator.sh GENERATOR
set -eu
gen="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
run() { printf "$2" > "$tmp/$1.toml"; KIOSK_GENERATOR_CONFIG="$tmp/$1.toml" sh "$gen" "$tmp/$1" "$tmp/early" "$tmp/late"; }
dropin() { cat "$tmp/$1/kiosk-upload.timer.d/50-upload-hour.conf" 2>/dev/null || true; }

run evening '[deployment]\ncommune = "xã Quảng Ngọc"\n[upload]\nurl = "https://x.example/api/v1/upload" # hour = 3\nhour = 21   # nightly\n[idle]\nhour = 5\n'
dropin evening | grep -qx 'OnCalendar=\*-\*-\* 21:00:00' || fail "hour 21 not applied: $(dropin evening)"
dropin evening | grep -qx 'OnCalendar=' || fail "the unit's own OnCalendar is not reset"
run early '[upload]\nhour=0\n'
dropin early | grep -qx 'OnCalendar=\*-\*-\* 00:00:00' || fail "hour 0 not applied"
run missing '[upload]\nurl = "https://x.example/api/v1/upload"\n[idle]\nhour = 5\n'
[ -z "$(dropin missing)" ] || fail "a drop-in without [upload] hour"
run wrong '[upload]\nhour = 24\n'
[ -z "$(dropin wrong)" ] || fail "a drop-in for hour 24"
run text '[upload]\nhour = "two"\n'
[ -z "$(dropin text)" ] || fail "a drop-in for a string"
KIOSK_GENERATOR_CONFIG="$tmp/none.toml" sh "$gen" "$tmp/none" || fail "no config file must not fail"
echo OK
