// What `kiosk report` and `kiosk-collector report` share: the report's input from a deployment's
// files, and writing the result in the format asked for.
#pragma once
#include "kiosk/report/report.hpp"
#include "kiosk/content/runtime.hpp"
#include <string>

namespace kiosk {

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
