// `kiosk`: the command line. Global options come before the subcommand:
//   kiosk [--data DIR] [--config FILE] <run|screenshot|content> ...
#include "app/commands.hpp"
#include "kiosk/common/paths.hpp"
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <clocale>
#include <cstdlib>
#include <iostream>

namespace app {

kiosk::RuntimeOptions GlobalOptions::runtimeOptions(const std::string& assetsDir) const
{
    kiosk::RuntimeOptions o;
    if (!assetsDir.empty()) o.assetsDir = assetsDir;
    if (!configFile.empty()) o.configFile = configFile;
    return o;
}

bool parseSize(const std::string& s, int& w, int& h)
{
    int a = 0, b = 0;
    char x = 0, extra = 0;
    if (std::sscanf(s.c_str(), "%d%c%d%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X')) return false;
    if (a < 320 || b < 240 || a > 7680 || b > 4320) return false;
    w = a;
    h = b;
    return true;
}

} // namespace app

int main(int argc, char** argv)
{
    std::setlocale(LC_ALL, "C.UTF-8");
    // Logs on stderr (the journal under systemd, which stamps the time itself); stdout is for output.
    spdlog::set_default_logger(spdlog::stderr_color_mt("kiosk"));
    spdlog::set_pattern(std::getenv("JOURNAL_STREAM") ? "%l %v" : "%Y-%m-%d %H:%M:%S %^%l%$ %v");
    CLI::App cli{"Ki-ốt Bình dân học vụ số — the Bình dân học vụ số kiosk"};
    cli.require_subcommand(1);
    app::GlobalOptions g;
    cli.add_option("--data", g.dataDir, "thư mục dữ liệu / data folder (default: $XDG_DATA_HOME/kiosk)");
    cli.add_option("--config", g.configFile, "tệp cấu hình / configuration file (kiosk.toml)")->check(CLI::ExistingFile);

    app::RunOptions run;
    std::string runSize;
    auto* runCmd = cli.add_subcommand("run", "chạy ki-ốt / run the kiosk");
    runCmd->add_flag("--windowed", run.windowed, "cửa sổ thường thay vì toàn màn hình / a window instead of full screen");
    runCmd->add_option("--size", runSize, "kích thước cửa sổ / window size WxH (default 1920x1080)");
    runCmd->add_option("--start-screen", run.startScreen, "mở ngay màn hình này / open on this screen (see screenshot --list)");
    runCmd->add_option("--exit-after-frames", run.exitAfterFrames, "thoát sau N khung hình / exit after N presented frames")->check(CLI::PositiveNumber);
    runCmd->add_flag("--dev-exit", run.devExit,
                     "cho phép Ctrl+Shift+Q thoát ki-ốt (máy phát triển; ghi nhật ký) / let Ctrl+Shift+Q quit (developers; audited)");
    runCmd->add_option("--test-freeze-after-frames", run.testFreezeAfterFrames)->group("");   // watchdog test only
    runCmd->add_option("--test-key-after-frames", run.testKeyAfterFrames)->group("");         // Ctrl+Shift+Q test only

    app::ScreenshotOptions shot;
    std::string shotSize;
    auto* shotCmd = cli.add_subcommand("screenshot", "chụp một màn hình ra PNG / render a screen to PNG");
    shotCmd->add_flag("--list", shot.list, "liệt kê tên các màn hình / list screen names");
    shotCmd->add_option("--screen", shot.screen, "tên màn hình / screen name");
    shotCmd->add_option("--out", shot.out, "tệp PNG / output PNG file");
    shotCmd->add_option("--lang", shot.lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
    shotCmd->add_option("--size", shotSize, "WxH (default 1920x1080)");
    shotCmd->add_option("--text-size", shot.textSize, "normal | large | extra-large")->check(CLI::IsMember({"normal", "large", "extra-large"}));
    shotCmd->add_flag("--high-contrast", shot.highContrast, "màu tương phản cao / high-contrast theme");
    shotCmd->add_option("--assets", shot.assetsDir, "thư mục nội dung / assets folder")->check(CLI::ExistingDirectory);

    app::LayoutCheckOptions layout;
    auto* layoutCmd = cli.add_subcommand("layout-check", "kiểm tra bố cục mọi màn hình / check every screen's layout");
    layoutCmd->add_flag("--all", layout.all, "mọi màn hình, mọi bước bài học / every screen and lesson step");
    layoutCmd->add_option("--screen", layout.screens, "chỉ màn hình này (lặp lại được) / only this screen (repeatable)");
    layoutCmd->add_option("--size", layout.sizes, "WxH (lặp lại được; mặc định 1920x1080 1366x768 1080x1920)");
    layoutCmd->add_option("--text-size", layout.textSizes, "normal | large | extra-large (mặc định normal, extra-large)")
        ->check(CLI::IsMember({"normal", "large", "extra-large"}));
    layoutCmd->add_option("--lang", layout.langs, "vi | en (mặc định cả hai)")->check(CLI::IsMember({"vi", "en"}));
    layoutCmd->add_option("--out", layout.outDir, "thư mục ghi ảnh các màn hình có lỗi / folder for PNGs of failing views");
    layoutCmd->add_option("--assets", layout.assetsDir, "thư mục nội dung / assets folder")->check(CLI::ExistingDirectory);

    auto* contentCmd = cli.add_subcommand("content", "kiểm tra, liệt kê bài học / check and list lessons");
    contentCmd->require_subcommand(1);
    std::string checkDir, listDir;
    bool listJson = false;
    auto* checkCmd = contentCmd->add_subcommand("check", "kiểm tra nội dung / check the content");
    checkCmd->add_option("DIR", checkDir, "thư mục như assets/ / a folder laid out like assets/")->check(CLI::ExistingDirectory);
    auto* listCmd = contentCmd->add_subcommand("list", "liệt kê bài học / list the lessons");
    listCmd->add_flag("--json", listJson, "JSON");
    listCmd->add_option("--assets", listDir, "thư mục nội dung / assets folder")->check(CLI::ExistingDirectory);

    // Commands registered from their own files (one line each).
    app::CommandSet commands;
    app::addNarrateCommand(cli, g, commands);
    app::addReportCommand(cli, g, commands);
    app::addSessionCommands(cli, g, commands);
    app::addHouseholdCommands(cli, g, commands);
    app::addDbCheckCommand(cli, g, commands);
    app::addUploadCommand(cli, g, commands);
    app::addDoctorCommand(cli, g, commands);
    app::addDbBackupCommand(cli, g, commands);
    app::addTypeCommand(cli, g, commands);
    app::addStaffCommands(cli, g, commands);
    app::addIdCommands(cli, g, commands);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    if (g.dataDir.empty()) g.dataDir = kiosk::defaultDataDir().string();

    if (*runCmd) {
        if (!runSize.empty() && !app::parseSize(runSize, run.width, run.height)) {
            std::cerr << "Kích thước không hợp lệ: " << runSize << " (ví dụ: 1920x1080)\n";
            return 2;
        }
        return app::runKiosk(g, run);
    }
    if (*shotCmd) {
        if (!shotSize.empty() && !app::parseSize(shotSize, shot.width, shot.height)) {
            std::cerr << "Kích thước không hợp lệ: " << shotSize << " (ví dụ: 1920x1080)\n";
            return 2;
        }
        return app::screenshotCommand(g, shot);
    }
    if (*layoutCmd) return app::layoutCheckCommand(g, layout);
    if (*checkCmd) return app::contentCheckCommand(g, checkDir);
    if (*listCmd) return app::contentListCommand(g, listDir, listJson);
    if (int rc = commands.dispatch(); rc >= 0) return rc;
    return 2;
}
