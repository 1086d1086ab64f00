// The subcommands of the `kiosk` executable (wired to the command line in main.cpp).
#pragma once
#include "kiosk/runtime.hpp"
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace CLI { class App; }

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

// Subcommands that live in their own file register here: each add*Commands() declares its options
// (kept alive by the lambda it hands over) and what to run when the command line chose it.
class CommandSet {
public:
    void add(CLI::App* command, std::function<int()> run) { m_commands.emplace_back(command, std::move(run)); }
    // Runs the command the parsed command line chose; -1 when none of these was chosen.
    int dispatch() const;

private:
    std::vector<std::pair<CLI::App*, std::function<int()>>> m_commands;
};

// `kiosk narrate --lesson ID --step N --out FILE.wav [--lang vi|en] [--voice V]`
void addNarrateCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
void addUploadCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);   // `kiosk upload [--url URL] [--token TOKEN]`
// `kiosk type --telex KEYS | --vni KEYS [--new-style]`: the composed Vietnamese text, one line
void addTypeCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);

// Parses "1920x1080".
bool parseSize(const std::string& s, int& w, int& h);

} // namespace app
