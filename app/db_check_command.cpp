// `kiosk db check`: one ✓/✗ line per check of the database (kiosk/store/db_check.cpp); exit status 1
// when any check fails.
#include "app/commands.hpp"
#include "kiosk/store/db_check.hpp"
#include "kiosk/records/records.hpp"
#include <CLI/CLI.hpp>
#include <iostream>

namespace app {

namespace {

int dbCheckCommand(const GlobalOptions& g)
{
    if (!std::filesystem::exists(kiosk::Records::databaseFile(g.dataDir))) {
        std::cout << "✗ Không có cơ sở dữ liệu ở " << kiosk::Records::databaseFile(g.dataDir).string()
                  << ": kiểm tra lại --data (thư mục dữ liệu của ki-ốt).\n";
        return 1;
    }
    kiosk::SteadyClock clock;
    std::string error;
    auto records = kiosk::Records::open(g.dataDir, clock, error);
    if (!records) {
        std::cout << "✗ Mở cơ sở dữ liệu: " << error << "\n";
        return 1;
    }
    int failed = 0;
    for (const kiosk::CheckResult& c : kiosk::checkDatabase(*records->db, *records->vault)) {
        if (c.ok) {
            std::cout << "✓ " << c.name << "\n";
        } else {
            ++failed;
            std::cout << "✗ " << c.name << ": " << c.detail << "\n";
        }
    }
    if (failed > 0) {
        std::cout << "Có " << failed << " mục kiểm tra không đạt. Xin báo cán bộ kỹ thuật, kèm các dòng ✗ ở trên.\n";
        return 1;
    }
    std::cout << "Cơ sở dữ liệu " << kiosk::Records::databaseFile(g.dataDir).string() << " không có lỗi nào.\n";
    return 0;
}

} // namespace

void addDbCheckCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto* cmd = dbCommand(cli).add_subcommand("check", "kiểm tra cơ sở dữ liệu / check the database (integrity and invariants)");
    set.add(cmd, [&g] { return dbCheckCommand(g); });
}

} // namespace app
