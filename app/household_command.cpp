// `kiosk household import FILE.csv` and `kiosk household list [--village NAME] [--json]`: the
// commune's household register (kiosk/households/). Listing shows heads' names and addresses, so
// it is audited like `kiosk citizen show`.
#include "app/commands.hpp"
#include "kiosk/households/household_import.hpp"
#include "kiosk/records/records.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

namespace app {

namespace {

int householdImport(const GlobalOptions& g, const std::string& file)
{
    kiosk::SteadyClock clock;
    auto records = openRecords(g, clock);
    if (!records) return 1;
    kiosk::HouseholdRegister reg(*records->db, *records->vault, clock);
    kiosk::HouseholdImporter importer(*records->db, reg, *records->audit);
    return kiosk::printHouseholdImport(importer.importFile(file, "cli"), reg, file, std::cout, std::cerr);
}

int householdList(const GlobalOptions& g, const std::string& village, bool json)
{
    kiosk::SteadyClock clock;
    auto records = openRecords(g, clock);
    if (!records) return 1;
    kiosk::HouseholdRegister reg(*records->db, *records->vault, clock);
    const auto list = reg.list(village);
    if (!list) {
        std::cerr << "Không đọc được sổ hộ (có hộ bị sửa ngoài ki-ốt hoặc cơ sở dữ liệu lỗi). Xin chạy `kiosk db check`.\n";
        return 1;
    }
    records->audit->record("cli", "households_viewed", village, std::to_string(list->size()) + " hộ");
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const kiosk::Household& h : *list)
            out.push_back({{"village", h.village}, {"household_code", h.code}, {"head_name", h.headName}, {"address", h.address},
                           {"members", h.members > 0 ? nlohmann::json(h.members) : nlohmann::json()}});
        std::cout << nlohmann::json{{"households", out}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (list->empty()) {
        std::cout << (village.empty() ? "Sổ hộ còn trống. Nhập bằng: kiosk household import SO-HO.csv\n"
                                      : "Không có hộ nào ở thôn này trong sổ hộ.\n");
        return 0;
    }
    for (const kiosk::Household& h : *list)
        std::cout << h.village << "\t" << h.code << "\t" << h.headName << "\t" << h.address
                  << (h.members > 0 ? "\t" + std::to_string(h.members) + " người" : "") << "\n";
    return 0;
}

} // namespace

void addHouseholdCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto file = std::make_shared<std::string>();
    auto village = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* household = cli.add_subcommand("household", "sổ hộ gia đình của xã / the commune's household register");
    household->require_subcommand(1);
    auto* import = household->add_subcommand("import", "nhập sổ hộ từ tệp CSV / import the register from a CSV file");
    import->add_option("FILE", *file, "tệp CSV UTF-8: village,household_code,head_name,address[,members]")->required()->check(CLI::ExistingFile);
    set.add(import, [&g, file] { return householdImport(g, *file); });
    auto* list = household->add_subcommand("list", "liệt kê các hộ / list the households");
    list->add_option("--village", *village, "chỉ một thôn / one village only");
    list->add_flag("--json", *json, "JSON");
    set.add(list, [&g, village, json] { return householdList(g, *village, *json); });
}

} // namespace app
