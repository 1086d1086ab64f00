// kiosk-collector's subcommands that live in their own file register here (as the kiosk's do in
// app/commands.hpp): each declares its options and what to run when chosen.
#pragma once
#include "cli/command_set.hpp"
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace CLI { class App; }

namespace collector {

using CommandSet = cli::CommandSet<const std::filesystem::path& /* dataDir */>;

// `kiosk-collector report (--quarter Q | --month M | --from D --to D) --format json|csv|xlsx --out FILE [--config FILE]`
void addReportCommand(CLI::App& cli, const std::string& dataOption, CommandSet& set);
// `kiosk-collector household import FILE.csv` (collector/household_command.cpp)
void addHouseholdCommand(CLI::App& cli, CommandSet& set);
// `kiosk-collector officer add --name NAME --role viewer|officer|admin | list [--json] | disable --name NAME`
// (collector/officer_command.cpp)
void addOfficerCommand(CLI::App& cli, CommandSet& set);

} // namespace collector
