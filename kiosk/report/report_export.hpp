// Writing a Report out: JSON (machines, comparisons with the collector), a flat CSV (any
// spreadsheet), and the XLSX workbook a commune officer hands in (report_xlsx.cpp).
#pragma once
#include "kiosk/report/report.hpp"
#include <filesystem>
#include <string>

namespace kiosk {

// Keys: commune, period {from, to, label}, sessions, anonymous_sessions, citizens, staff_active,
// indicators [{code, label, sessions, citizens}], lists {code: [{full_name, birth_year, village}]},
// by_village, by_staff, by_gender, by_age_band, lessons {available, visits, items}, targets
// {year, from, to, adult_population, households, population, items}, warnings.
std::string reportJson(const Report& report);

// UTF-8 with a byte-order mark (Excel then reads Vietnamese right), CRLF, RFC 4180 quoting. One
// table, every row with the columns section,code,label,metric,value,full_name,birth_year,village:
// figures fill the first five, list rows (section "list") the code, label and the last three.
std::string reportCsv(const Report& report);

// The workbook: a summary sheet ("Tổng hợp") and one sheet per indicator's list. False with a
// Vietnamese message when the file cannot be written.
bool writeReportXlsx(const Report& report, const std::filesystem::path& file, std::string& error);

// Writes `bytes` to `file` through a fresh 0600 temporary file and a rename (never a half-written
// report, never a file another user created): kiosk/common/private_file.hpp.
bool writeFileAtomically(const std::filesystem::path& file, const std::string& bytes, std::string& error);

} // namespace kiosk
