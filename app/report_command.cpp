// `kiosk report`: the commune's report for a quarter, a month or two dates, as JSON, CSV or the
// XLSX workbook an officer hands in (kiosk/report/report*.cpp does the work).
#include "app/commands.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/report/report_run.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

namespace app {

namespace {

int reportCommand(const GlobalOptions& g, kiosk::ReportArguments o)
{
    std::string error;
    const std::optional<kiosk::ReportPeriod> period = kiosk::checkReportArguments(o, error);
    if (!period) {
        std::cerr << error << "\n";
        return 2;
    }

    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions());
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";
    const kiosk::ReportInput in = kiosk::reportInputFor(rt, *period);

    // A mistyped --data must not give an empty report (nor leave a new database behind).
    if (!std::filesystem::exists(kiosk::Records::databaseFile(g.dataDir))) {
        std::cerr << "Không có cơ sở dữ liệu ở " << kiosk::Records::databaseFile(g.dataDir).string()
                  << ": kiểm tra lại --data (thư mục dữ liệu của ki-ốt).\n";
        return 1;
    }
    kiosk::SteadyClock clock;
    auto records = kiosk::Records::open(g.dataDir, clock, error);
    if (!records) {
        std::cerr << error << "\n";
        return 1;
    }
    const std::optional<kiosk::Report> report = kiosk::buildAuditedReport(*records->db, *records->vault, *records->audit, in, o.format, error);
    if (!report) {
        std::cerr << error << "\n";
        return 1;
    }
    if (!kiosk::writeReport(*report, o.format, o.out, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    if (!o.out.empty() && o.out != "-")
        std::cerr << "Đã ghi báo cáo " << period->label << " vào " << o.out << ": " << report->sessions << " lượt hỗ trợ, " << report->citizens
                  << " người dân.\n";
    return 0;
}

} // namespace

void addReportCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto o = std::make_shared<kiosk::ReportArguments>();
    auto* cmd = cli.add_subcommand("report", "báo cáo theo quý, tháng hoặc khoảng ngày / the commune's report for a period");
    cli::addReportOptions(*cmd, *o);
    set.add(cmd, [&g, o] { return reportCommand(g, *o); });
}

} // namespace app
