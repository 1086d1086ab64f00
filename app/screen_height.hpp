// The full screen's layout height as the kiosk last saw it (1080 for 1920x1080 and for a portrait
// 1080x1920: Frontend::screenHeight()), kept in the data folder (`screen-height`,
// one number): the next start builds its font atlas for that height before the display has even
// opened. Nothing personal; a missing or unreadable file only means 1080 is assumed.
#pragma once
#include <filesystem>

namespace app {

int rememberedScreenHeight(const std::filesystem::path& dataDir);                 // 0 when unknown
void rememberScreenHeight(const std::filesystem::path& dataDir, int height);      // best effort

} // namespace app
