#!/bin/sh
# The house's layers, checked on every source file's #include lines:
#   kiosk/   no SDL, no ImGui, nothing from ui/, drivers/, app/ or collector/; and each domain
#            includes only the domains below it (the table mirrors kiosk/CMakeLists.txt)
#   ui/      no SDL, no SQLite, none of the core's store, identity, records, import, report or sync
#   drivers/ no ImGui, nothing from ui/ or app/
#   cli/     the command-line pieces both programs share: CLI11 and the report's arguments only
#   collector/ no SDL, no ImGui, nothing from ui/, drivers/, app/, or the core's flow and output
# Prints each offending line as file:line: include, and exits 1 if there is any.
#   check_layering.sh SOURCE_DIR
set -eu
cd "$1"
bad=0
report() {   # report FILE_GLOB_LIST REGEX WHY
  files="$1"; regex="$2"; why="$3"
  # shellcheck disable=SC2086
  hits="$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($regex)" $files 2>/dev/null || true)"
  if [ -n "$hits" ]; then
    echo "$why:"; echo "$hits" | sed 's/^/  /'; bad=1
  fi
}
src() { find "$1" -name '*.cpp' -o -name '*.hpp' | sort | tr '\n' ' '; }

report "$(src kiosk)" 'SDL|imgui|ui/|drivers/|app/|collector/|cli/' "kiosk/ includes SDL, ImGui or an outer layer"
report "$(src cli)" 'SDL|imgui|ui/|drivers/|app/|collector/|kiosk/(flow|output|store|records|identity)/' "cli/ includes more than the report's arguments"
report "$(src ui)" 'SDL|sqlite3|kiosk/(store|identity|records|import|report|sync)/' "ui/ includes SDL, SQLite or the store"
report "$(src drivers)" 'imgui|ui/|app/' "drivers/ includes ImGui or an outer layer"
report "$(src collector)" 'SDL|imgui|ui/|drivers/|app/|kiosk/(flow|output)/' "collector/ includes SDL, ImGui or the kiosk's flow"

# Each domain of the core and the domains it may include (besides itself).
allowed() {
  case "$1" in
    common|ports) echo "" ;;
    vietnamese) echo "common" ;;
    content)  echo "common vietnamese sync/upload_protocol" ;;
    store)    echo "common ports content" ;;
    identity) echo "common ports content store" ;;
    records)  echo "common ports content store identity" ;;
    report)   echo "common ports content store vietnamese" ;;
    households) echo "common ports store vietnamese" ;;
    import)   echo "common ports content store vietnamese identity records households report" ;;
    sync)     echo "common ports content store identity records" ;;
    output)   echo "common ports content" ;;
    flow)     echo "common ports content store identity records households report import sync output vietnamese" ;;
    *)        echo "?" ;;
  esac
}
for dir in kiosk/*/; do
  domain="$(basename "$dir")"
  ok="$(allowed "$domain")"
  if [ "$ok" = "?" ]; then echo "kiosk/$domain/: a domain missing from tests/layering/check_layering.sh"; bad=1; continue; fi
  for f in $(src "$dir"); do
    grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"kiosk/' "$f" | while IFS= read -r line; do
      # file names may hold digits (common/utf8)
      target="$(echo "$line" | sed -E 's/.*"kiosk\/([a-z_]+)\/([a-z0-9_]+)\.hpp".*/\1 \1\/\2/')"
      dom="${target% *}"; file="${target#* }"
      [ "$dom" = "$domain" ] && continue
      case " $ok " in *" $dom "*|*" $file "*) continue ;; esac
      echo "kiosk/$domain may not include kiosk/$dom: $f:$line"
      echo x >> "${TMPDIR:-/tmp}/layering.$$"
    done
  done
done
if [ -e "${TMPDIR:-/tmp}/layering.$$" ]; then rm -f "${TMPDIR:-/tmp}/layering.$$"; bad=1; fi
[ "$bad" -eq 0 ] && echo "ok: every include respects the layers"
exit "$bad"
