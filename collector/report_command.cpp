// `kiosk-collector report`: the commune's report over every kiosk's sessions, with the same
// periods and formats as `kiosk report`: the collector's tables have the kiosk's names and columns,
// so the kiosk's report engine (kiosk/report/report.hpp) runs over them unchanged.
#include "collector/collector_store.hpp"
#include "collector/commands.hpp"
#include "collector/terminal_text.hpp"
#include "kiosk/report/report_export.hpp"
#include "kiosk/report/report_run.hpp"
#include "kiosk/report/report_period.hpp"
#include "kiosk/content/runtime.hpp"
#include <CLI/CLI.hpp>
#include <unistd.h>
#include <iostream>
#include <memory>

namespace collector {

namespace {

struct ReportOptions : kiosk::ReportArguments {
    std::string config;
};

int reportCommand(const std::filesystem::path& dataDir, ReportOptions o)
{
    std::string error;
    const std::optional<kiosk::ReportPeriod> period = kiosk::checkReportArguments(o, error);
    if (!period) {
        std::cerr << error << "\n";
        return 2;
    }
    // The commune's name, targets, checklist and lesson titles: the same files a kiosk reads (the
    // bundled defaults, overlaid by --config), so both reports label and count alike.
    kiosk::RuntimeOptions ro;
    if (!o.config.empty()) ro.configFile = o.config;
    kiosk::Runtime rt = kiosk::Runtime::load(ro);
    for (const kiosk::Problem& p : rt.problems)
        if (std::filesystem::path(p.file).filename() == "kiosk.toml" || p.file == o.config) std::cerr << "cảnh báo: " << p.str() << "\n";
    const kiosk::ReportInput in = kiosk::reportInputFor(rt, *period);

    auto store = CollectorStore::open(dataDir, error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    const std::optional<kiosk::Report> report = kiosk::buildAuditedReport(store->db(), store->vault(), store->audit(), in, o.format, error);
    if (!report) {
        std::cerr << error << "\n";
        return 1;
    }
    if ((o.out.empty() || o.out == "-") && o.format == "csv" && ::isatty(STDOUT_FILENO)) {
        // Villages and staff names come from the kiosks: on a terminal, none of their control
        // characters is let through (a file or a pipe gets the CSV as it is).
        const std::string csv = kiosk::reportCsv(*report);
        for (size_t at = 0; at < csv.size();) {
            size_t end = csv.find("\r\n", at);
            if (end == std::string::npos) end = csv.size();
            std::cout << forTerminal(std::string_view(csv).substr(at, end - at)) << "\n";
            at = end + 2;
        }
        std::cout << std::flush;
    } else if (!kiosk::writeReport(*report, o.format, o.out, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    if (!o.out.empty() && o.out != "-")
        std::cerr << "Đã ghi báo cáo của xã " << period->label << " (mọi ki-ốt) vào " << o.out << ": " << report->sessions << " lượt hỗ trợ, "
                  << report->citizens << " người dân.\n";
    return 0;
}

} // namespace

void addReportCommand(CLI::App& cli, const std::string&, CommandSet& set)
{
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = cli.add_subcommand("report", "báo cáo của xã từ mọi ki-ốt / the commune's report over all kiosks");
    cli::addReportOptions(*cmd, *o);
    cmd->add_option("--config", o->config, "cấu hình xã (kiosk.toml: chỉ tiêu, tên xã) / the commune's kiosk.toml")->check(CLI::ExistingFile);
    set.add(cmd, [o](const std::filesystem::path& dataDir) { return reportCommand(dataDir, *o); });
}

} // namespace collector
