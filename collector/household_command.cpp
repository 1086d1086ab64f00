// `kiosk-collector household import FILE.csv`: the commune's household register on the commune's
// server (one register per commune), the same file and rules as `kiosk household import`, so the
// collector's report counts households by village exactly as a kiosk's does.
#include "collector/collector_store.hpp"
#include "collector/commands.hpp"
#include "kiosk/households/household_import.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace collector {

namespace {

int householdImport(const std::filesystem::path& dataDir, const std::string& file)
{
    std::string error;
    auto store = CollectorStore::open(dataDir, error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    kiosk::HouseholdRegister reg(store->db(), store->vault(), store->clock());
    kiosk::HouseholdImporter importer(store->db(), reg, store->audit());
    return kiosk::printHouseholdImport(importer.importFile(file, "cli"), reg, file, std::cout, std::cerr);
}

} // namespace

void addHouseholdCommand(CLI::App& cli, CommandSet& set)
{
    auto file = std::make_shared<std::string>();
    auto* household = cli.add_subcommand("household", "sổ hộ gia đình của xã / the commune's household register");
    household->require_subcommand(1);
    auto* import = household->add_subcommand("import", "nhập sổ hộ từ tệp CSV / import the register from a CSV file");
    import->add_option("FILE", *file, "tệp CSV UTF-8: village,household_code,head_name,address[,members]")->required()->check(CLI::ExistingFile);
    set.add(import, [file](const std::filesystem::path& dataDir) { return householdImport(dataDir, *file); });
}

} // namespace collector
