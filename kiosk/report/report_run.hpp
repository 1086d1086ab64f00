// What `kiosk report` and `kiosk-collector report` share: the report's input from a deployment's
// files, and writing the result in the format asked for.
#pragma once
#include "kiosk/report/report.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/store/audit.hpp"
#include <optional>
#include <string>

namespace kiosk {

// The command line of both report commands: one period (a quarter, a month or two dates), a
// format and where to write.
struct ReportArguments {
    std::string quarter, month, from, to, format, out;
};

// The period asked for, and `a.format` settled (reportFormatFor); nullopt with a Vietnamese message
// for a missing, doubled or malformed period or an XLSX without a file.
std::optional<ReportPeriod> checkReportArguments(ReportArguments& a, std::string& error);

// The report over `db`, its warnings printed on standard error and the export recorded in the
// audit trail (the lists hold names: who exported which period stays on record).
std::optional<Report> buildAuditedReport(Database& db, const Vault& vault, AuditLog& audit, const ReportInput& in,
                                         const std::string& format, std::string& error);

// The deployment's checklist (in its order; every known code's label for codes found in the data),
// its targets and the lesson titles, for `period`.
ReportInput reportInputFor(const Runtime& runtime, const ReportPeriod& period);

// The format: as given, else from the output file's extension (.csv, .xlsx), else JSON. Empty
// `error` when it can be written there; an XLSX needs a file.
std::string reportFormatFor(const std::string& format, const std::string& out, std::string& error);

// JSON or CSV to standard output when `out` is empty or "-", else every format to the file
// (atomically, readable by its owner only). False with a Vietnamese message.
bool writeReport(const Report& report, const std::string& format, const std::string& out, std::string& error);

} // namespace kiosk
