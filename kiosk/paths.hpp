// Where things live: the data folder (database, keys) and the bundled assets folder.
#pragma once
#include <filesystem>

namespace kiosk {

// $XDG_DATA_HOME/kiosk, else $HOME/.local/share/kiosk, else ./kiosk-data.
std::filesystem::path defaultDataDir();

// The bundled assets: <exe>/../share/kiosk/assets when installed, else the source tree's assets/.
std::filesystem::path bundledAssetsDir();

// The running executable's folder (from /proc/self/exe).
std::filesystem::path executableDir();

} // namespace kiosk
