// `kiosk db backup FILE` and `kiosk db backup --rotate`: a consistent copy of the running kiosk's
// database (SQLite online backup), checked before it replaces anything. Also owns the `db` group.
#include "app/commands.hpp"
#include "kiosk/store/backup.hpp"
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <ctime>
#include <iostream>
#include <memory>

namespace app {

CLI::App& dbCommand(CLI::App& cli)
{
    auto found = cli.get_subcommands([](CLI::App* a) { return a->get_name() == "db"; });
    if (!found.empty()) return *found.front();
    CLI::App* db = cli.add_subcommand("db", "cơ sở dữ liệu: sao lưu, kiểm tra / database: backup, check");
    db->require_subcommand(1);
    return *db;
}

namespace {

int backupCommand(const GlobalOptions& g, const std::string& file, bool rotate, int keep)
{
    if (rotate == !file.empty()) {
        std::cerr << "Cần đúng một trong hai: kiosk db backup TỆP, hoặc kiosk db backup --rotate.\n";
        return 2;
    }
    std::string error;
    if (!rotate) {
        if (!kiosk::backupDatabase(kiosk::databaseFile(g.dataDir), file, error)) {
            std::cerr << error << "\n";
            return 1;
        }
        std::cout << "Đã sao lưu cơ sở dữ liệu vào " << file << " (đã kiểm tra toàn vẹn).\n";
        return 0;
    }
    std::vector<std::filesystem::path> removed;
    auto dest = kiosk::rotateBackup(g.dataDir, static_cast<int64_t>(std::time(nullptr)), keep, removed, error);
    // The nightly job's lines, for the journal (stderr); paths only, no personal data.
    if (!dest) {
        spdlog::error("sao lưu hằng ngày thất bại: {}", error);
        return 1;
    }
    spdlog::info("đã sao lưu vào {} (đã kiểm tra toàn vẹn; xoá {} bản cũ, giữ {} bản gần nhất)", dest->string(), removed.size(), keep);
    for (const auto& r : removed) spdlog::info("đã xoá bản sao lưu cũ {}", r.string());
    return 0;
}

} // namespace

void addDbBackupCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    struct Options {
        std::string file;
        bool rotate = false;
        int keep = 7;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = dbCommand(cli).add_subcommand("backup", "sao lưu cơ sở dữ liệu / back up the database");
    cmd->add_option("FILE", o->file, "tệp sao lưu / backup file");
    cmd->add_flag("--rotate", o->rotate, "sao lưu hằng ngày vào <data>/backups/kiosk-YYYY-MM-DD.sqlite / daily backup with rotation");
    cmd->add_option("--keep", o->keep, "số bản giữ lại khi --rotate / backups kept with --rotate (default 7)")->check(CLI::Range(1, 365));
    set.add(cmd, [&g, o] { return backupCommand(g, o->file, o->rotate, o->keep); });
}

} // namespace app
