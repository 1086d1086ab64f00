// `kiosk session import FILE.csv`: sessions a team logged on paper or in a spreadsheet, imported
// all or nothing (kiosk/import/session_import.cpp); the message names every bad line.
#include "app/commands.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/import/session_import.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace app {

namespace {

int importCommand(const GlobalOptions& g, const std::string& file)
{
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions());
    std::vector<kiosk::Problem> problems;
    std::vector<std::string> codes;
    for (const kiosk::ServiceDef& s : kiosk::loadServices(rt.assetsDir / "services.toml", rt.config.province, problems)) codes.push_back(s.code);

    kiosk::SteadyClock clock;
    auto records = openRecords(g, clock);
    if (!records) return 1;
    kiosk::SessionImporter importer(*records->db, *records->vault, clock, *records->sessions, *records->staff, *records->audit, codes);
    const kiosk::ImportResult r = importer.importFile(file, "cli");
    if (!r.error.empty()) {
        std::cerr << r.error << "\n";
        return 1;
    }
    if (!r.problems.empty()) {
        std::cerr << "Chưa nhập gì: tệp " << file << " có " << r.problems.size()
                  << " lỗi. Sửa các dòng dưới đây rồi nhập lại cả tệp (những dòng đã đúng không bị nhập hai lần):\n";
        for (const kiosk::ImportProblem& p : r.problems) std::cerr << "  " << p.str() << "\n";
        return 1;
    }
    std::cout << "Đã nhập " << r.added << " lượt hỗ trợ từ " << file << " (" << r.rows << " dòng";
    if (r.alreadyThere > 0) std::cout << "; " << r.alreadyThere << " dòng đã có từ trước, không thêm lại";
    std::cout << ").\n";
    if (r.newStaff > 0)
        std::cout << "Đã tạo " << r.newStaff << " tài khoản cộng tác viên mới cho người hỗ trợ chưa có trong danh sách; "
                  << "họ chưa có mã PIN (xem: kiosk staff list).\n";
    return 0;
}

} // namespace

void addSessionCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto file = std::make_shared<std::string>();
    auto* session = cli.add_subcommand("session", "lượt hỗ trợ / assisted sessions");
    session->require_subcommand(1);
    auto* import = session->add_subcommand("import", "nhập lượt hỗ trợ từ tệp CSV / import sessions from a CSV file");
    import->add_option("FILE", *file, "tệp CSV UTF-8 / a UTF-8 CSV file")->required()->check(CLI::ExistingFile);
    set.add(import, [&g, file] { return importCommand(g, *file); });
}

} // namespace app
