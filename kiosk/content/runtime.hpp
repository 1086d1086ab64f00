// Everything the kiosk reads at start-up from its assets and configuration, loaded once,
// shared by the GUI, the CLI subcommands and the tests.
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/content/strings.hpp"
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct RuntimeOptions {
    std::filesystem::path assetsDir;                     // empty = bundled
    std::optional<std::filesystem::path> configFile;     // the deployment's kiosk.toml
    std::optional<std::string> province;                 // overrides the configured profile
};

struct Runtime {
    std::filesystem::path assetsDir;
    std::optional<std::filesystem::path> configFile;   // the deployment file overlaid, if any
    Config config;
    Catalogue catalogue;
    Strings strings;
    std::vector<Problem> problems;        // configuration, strings and content problems
    std::vector<std::string> skippedLessons;

    static Runtime load(const RuntimeOptions& options);
};

} // namespace kiosk
