// The subcommands of the `kiosk` executable (wired to the command line in main.cpp).
#pragma once
#include "cli/command_set.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/sync/uploader.hpp"
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace CLI { class App; }
namespace kiosk { struct Records; class Clock; }

namespace app {

struct GlobalOptions {
    std::string dataDir;      // --data (default: kiosk::defaultDataDir())
    std::string configFile;   // --config
    kiosk::RuntimeOptions runtimeOptions(const std::string& assetsDir = {}) const;
};

struct RunOptions {
    bool windowed = false;
    int width = 1920;
    int height = 1080;
    std::string startScreen;
    long long exitAfterFrames = 0;
    long long testFreezeAfterFrames = 0;   // hidden: the loop hangs after N frames (watchdog test)
    bool devExit = false;                  // Ctrl+Shift+Q quits (audited); without it the keys are refused (audited)
    long long testKeyAfterFrames = 0;      // hidden: SDL gets a Ctrl+Shift+Q key press after N frames
};

struct ScreenshotOptions {
    bool list = false;
    std::string screen;
    std::string out;
    std::string lang = "vi";
    std::string textSize = "normal";
    int width = 1920;
    int height = 1080;
    std::string assetsDir;
    bool highContrast = false;
};

// `kiosk layout-check`: every option may repeat; empty lists mean all three shapes, normal and
// extra-large text, Vietnamese and English, and the CI sample of screens (--all: every screen).
struct LayoutCheckOptions {
    bool all = false;
    std::vector<std::string> screens;
    std::vector<std::string> sizes;
    std::vector<std::string> textSizes;
    std::vector<std::string> langs;
    std::string outDir;      // PNGs of the views with problems
    std::string assetsDir;
};
int layoutCheckCommand(const GlobalOptions& g, const LayoutCheckOptions& o);

int runKiosk(const GlobalOptions& g, const RunOptions& o);
int screenshotCommand(const GlobalOptions& g, const ScreenshotOptions& o);
int contentCheckCommand(const GlobalOptions& g, const std::string& assetsDir);
int contentListCommand(const GlobalOptions& g, const std::string& assetsDir, bool json);

// The kiosk's records in --data; nullptr after printing the store's message (app/staff_command.cpp).
std::unique_ptr<kiosk::Records> openRecords(const GlobalOptions& g, const kiosk::Clock& clock);

// Subcommands that live in their own file register here (cli/command_set.hpp).
using CommandSet = cli::CommandSet<>;

// `kiosk narrate --lesson ID --step N --out FILE.wav [--lang vi|en] [--voice V]`
void addNarrateCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
void addUploadCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);   // `kiosk upload [--url URL] [--token TOKEN]`
// `kiosk doctor`: one ✓/!/✗/– line per check; exit 1 when citizens would notice (app/doctor_command.cpp)
void addDoctorCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk db backup FILE | --rotate [--keep N]` (app/db_backup_command.cpp)
void addDbBackupCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// The `kiosk db` group (created on first use): add `check` etc. with dbCommand(cli).add_subcommand(...)
CLI::App& dbCommand(CLI::App& cli);
// `kiosk type --telex KEYS | --vni KEYS [--new-style]`: the composed Vietnamese text, one line
void addTypeCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk staff add|list|disable`, `kiosk citizen show|erase`
void addStaffCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk report (--quarter Q | --month M | --from D --to D) [--format json|csv|xlsx] [--out FILE]` (app/report_command.cpp)
void addReportCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk session import FILE.csv`: paper or spreadsheet sessions, all or nothing (app/session_command.cpp)
void addSessionCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk household import FILE.csv`, `kiosk household list [--village NAME] [--json]` (app/household_command.cpp)
void addHouseholdCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk db check`: integrity and the records' invariants, one line per check (app/db_check_command.cpp)
void addDbCheckCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set);
// `kiosk id parse TEXT|-` and `kiosk id scan IMAGE`: a chip ID card's QR code as JSON (app/id_command.cpp)
void addIdCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set);

// The upload settings from [upload] and the token file, for "Tải lên ngay" (app/upload_command.cpp).
bool uploadOptionsFromConfig(const GlobalOptions& g, const kiosk::Config& config, kiosk::UploadOptions& o, std::string& error);

// Parses "1920x1080".
bool parseSize(const std::string& s, int& w, int& h);

} // namespace app
