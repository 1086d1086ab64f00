// The report commands' shared steps (see report_run.hpp).
#include "kiosk/report/report_run.hpp"
#include "kiosk/report/report_export.hpp"
#include "kiosk/content/services.hpp"
#include <filesystem>
#include <iostream>

namespace kiosk {

ReportInput reportInputFor(const Runtime& rt, const ReportPeriod& period)
{
    std::vector<Problem> problems;   // a broken services.toml was already reported when the runtime loaded
    const auto configured = loadServices(rt.assetsDir / "services.toml", rt.config.province, problems);
    const auto everyService = loadServices(rt.assetsDir / "services.toml", "", problems);
    ReportInput in;
    in.period = period;
    in.commune = rt.config.commune;
    in.indicators = reportIndicators(configured);
    for (const ServiceDef& s : everyService) in.otherLabels[s.code] = s.title.vi;
    in.targets = rt.config.targets;
    for (const Lesson& l : rt.catalogue.lessons) in.lessonTitles[l.id] = l.title.vi;
    return in;
}

std::optional<ReportPeriod> checkReportArguments(ReportArguments& a, std::string& error)
{
    std::optional<ReportPeriod> period = periodFromArguments(a.quarter, a.month, a.from, a.to, error);
    if (!period) return std::nullopt;
    a.format = reportFormatFor(a.format, a.out, error);
    if (!error.empty()) return std::nullopt;
    return period;
}

std::optional<Report> buildAuditedReport(Database& db, const Vault& vault, AuditLog& audit, const ReportInput& in,
                                         const std::string& format, std::string& error)
{
    std::optional<Report> report = buildReport(db, vault, in, error);
    if (!report) return std::nullopt;
    for (const std::string& w : report->warnings) std::cerr << "cảnh báo: " << w << "\n";
    audit.record("cli", "report_exported", in.period.label, format);
    return report;
}

std::string reportFormatFor(const std::string& format, const std::string& out, std::string& error)
{
    std::string f = format;
    if (f.empty()) {
        const std::string ext = std::filesystem::path(out).extension().string();
        f = ext == ".csv" ? "csv" : ext == ".xlsx" ? "xlsx" : "json";
    }
    if (f == "xlsx" && (out.empty() || out == "-")) error = "Tệp XLSX cần --out TÊN_TỆP.xlsx (không in ra màn hình được).";
    return f;
}

bool writeReport(const Report& report, const std::string& format, const std::string& out, std::string& error)
{
    if (format == "xlsx") return writeReportXlsx(report, out, error);
    const std::string text = format == "csv" ? reportCsv(report) : reportJson(report);
    if (!out.empty() && out != "-") return writeFileAtomically(out, text, error);
    std::cout << text << std::flush;
    return true;
}

} // namespace kiosk
