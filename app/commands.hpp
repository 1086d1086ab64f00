// The subcommands of the `kiosk` executable (wired to the command line in main.cpp).
#pragma once
#include "kiosk/runtime.hpp"
#include <string>

namespace app {

struct GlobalOptions {
    std::string dataDir;      // --data (default: kiosk::defaultDataDir())
    std::string configFile;   // --config
    kiosk::RuntimeOptions runtimeOptions(const std::string& assetsDir = {}) const;
};

struct RunOptions {
    bool windowed = false;
    int width = 1920;
    int height = 1080;
    std::string startScreen;
    long long exitAfterFrames = 0;
};

struct ScreenshotOptions {
    bool list = false;
    std::string screen;
    std::string out;
    std::string lang = "vi";
    std::string textSize = "normal";
    int width = 1920;
    int height = 1080;
    std::string assetsDir;
    bool highContrast = false;
};

int runKiosk(const GlobalOptions& g, const RunOptions& o);
int screenshotCommand(const GlobalOptions& g, const ScreenshotOptions& o);
int contentCheckCommand(const GlobalOptions& g, const std::string& assetsDir);
int contentListCommand(const GlobalOptions& g, const std::string& assetsDir, bool json);
// Writes what would be spoken for a step (numbered from 1) to a WAV file; `voice` empty = configured.
int narrateCommand(const GlobalOptions& g, const std::string& lessonId, int step1, const std::string& lang, const std::string& out, const std::string& voice);

// Parses "1920x1080".
bool parseSize(const std::string& s, int& w, int& h);

} // namespace app
