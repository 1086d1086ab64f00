// kiosk-collector's subcommands that live in their own file register here (as the kiosk's do in
// app/commands.hpp): each declares its options and what to run when chosen.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace CLI { class App; }

namespace collector {

class CommandSet {
public:
    using Run = std::function<int(const std::filesystem::path& dataDir)>;
    void add(CLI::App* command, Run run) { m_commands.emplace_back(command, std::move(run)); }
    // Runs the chosen command; -1 when none of these was chosen.
    int dispatch(const std::filesystem::path& dataDir) const;

private:
    std::vector<std::pair<CLI::App*, Run>> m_commands;
};

// `kiosk-collector report (--quarter Q | --month M | --from D --to D) --format json|csv|xlsx --out FILE [--config FILE]`
void addReportCommand(CLI::App& cli, const std::string& dataOption, CommandSet& set);

} // namespace collector
