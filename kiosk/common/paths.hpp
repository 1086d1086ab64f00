// Where things live: the data folder (database, keys) and the bundled assets folder.
#pragma once
#include <filesystem>
#include <optional>

namespace kiosk {

// $XDG_DATA_HOME/kiosk, else $HOME/.local/share/kiosk, else ./kiosk-data.
std::filesystem::path defaultDataDir();

// The bundled assets: <exe>/../share/kiosk/assets when installed, else the source tree's assets/.
std::filesystem::path bundledAssetsDir();

// The deployment's configuration an installed kiosk reads when no --config is given:
// /etc/kiosk/kiosk.toml, when it exists and this executable runs from its installed place (so a
// build tree's binary and its tests never pick up a machine's deployment file).
std::optional<std::filesystem::path> deploymentConfigFile();

// The running executable's folder (from /proc/self/exe).
std::filesystem::path executableDir();

} // namespace kiosk
