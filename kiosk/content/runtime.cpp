// Loads configuration, strings and lessons; problems are collected, never fatal.
#include "kiosk/content/runtime.hpp"
#include "kiosk/common/paths.hpp"

namespace kiosk {

Runtime Runtime::load(const RuntimeOptions& o)
{
    Runtime rt;
    rt.assetsDir = o.assetsDir.empty() ? bundledAssetsDir() : o.assetsDir;
    // The bundled kiosk.toml holds the defaults even when another assets folder is used.
    std::filesystem::path defaults = rt.assetsDir / "kiosk.toml";
    if (!std::filesystem::exists(defaults)) defaults = bundledAssetsDir() / "kiosk.toml";
    // An installed kiosk reads /etc/kiosk/kiosk.toml unless --config names another file.
    rt.configFile = o.configFile ? o.configFile : deploymentConfigFile();
    ConfigLoad cl = loadConfig(defaults, rt.configFile);
    rt.config = std::move(cl.config);
    rt.problems = std::move(cl.problems);
    if (o.province) rt.config.province = *o.province;

    std::vector<std::string> strProblems;
    std::filesystem::path strings = rt.assetsDir / "strings.toml";
    if (!std::filesystem::exists(strings)) strings = bundledAssetsDir() / "strings.toml";
    rt.strings.load(strings, strProblems);
    for (auto& p : strProblems) rt.problems.push_back({"strings.toml", 0, std::move(p)});

    ContentLoad content = loadContent(rt.assetsDir, rt.config, rt.config.province);
    rt.catalogue = std::move(content.catalogue);
    for (auto& p : content.problems) rt.problems.push_back(std::move(p));
    rt.skippedLessons = std::move(content.skipped);
    return rt;
}

} // namespace kiosk
