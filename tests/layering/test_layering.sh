#!/bin/sh
# ctest layering: the source tree passes check_layering.sh, and a copy of it with one forbidden
# include in each layer fails, each named.
#   test_layering.sh SOURCE_DIR
set -eu
src="$1"; check="$src/tests/layering/check_layering.sh"
sh "$check" "$src"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-layering.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
for d in kiosk ui drivers collector; do cp -r "$src/$d" "$tmp/$d"; done
echo '#include <SDL.h>' >> "$tmp/kiosk/common/types.hpp"
echo '#include "kiosk/flow/app_state.hpp"' >> "$tmp/kiosk/store/database.hpp"
echo '#include "kiosk/store/database.hpp"' >> "$tmp/ui/theme.hpp"
echo '#include <imgui.h>' >> "$tmp/drivers/display/png_image.hpp"
echo '#include "kiosk/flow/staff_flow.hpp"' >> "$tmp/collector/collector_store.hpp"
if out="$(sh "$check" "$tmp" 2>&1)"; then echo "FAIL: forbidden includes passed"; echo "$out"; exit 1; fi
for f in kiosk/common/types.hpp kiosk/store/database.hpp ui/theme.hpp drivers/display/png_image.hpp collector/collector_store.hpp; do
  echo "$out" | grep -q "$f" || { echo "FAIL: $f not named"; echo "$out"; exit 1; }
done
echo "ok: five forbidden includes named"
