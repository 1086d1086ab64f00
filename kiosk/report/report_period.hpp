// Report periods and local time: Vietnam is UTC+7 all year (no daylight saving), computed here
// rather than read from the machine's TZ (a Debian image often runs in UTC).
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr int64_t kVietnamUtcOffset = 7 * 3600;

using LocalDate = std::chrono::year_month_day;

// A reporting period: inclusive local dates, and the half-open range of unix seconds a session's
// start must fall in (a session belongs to the period in which it started).
struct ReportPeriod {
    LocalDate first{}, last{};
    int64_t begin = 0, end = 0;     // begin <= started_at < end
    std::string label;              // Vietnamese: "Quý I/2026", "Tháng 3/2026", "Từ 01/02/2026 đến 15/03/2026"
    bool contains(int64_t unixSeconds) const { return unixSeconds >= begin && unixSeconds < end; }
};

// Each parser returns nullopt with a Vietnamese message (naming the expected form) on bad input.
std::optional<ReportPeriod> quarterPeriod(std::string_view text, std::string& error);   // "2026-Q1"
std::optional<ReportPeriod> monthPeriod(std::string_view text, std::string& error);     // "2026-03"
std::optional<ReportPeriod> rangePeriod(std::string_view from, std::string_view to, std::string& error);   // "YYYY-MM-DD", inclusive
// The period a command line names (`--quarter`, `--month`, or `--from` with `--to`): exactly one
// form, else nullopt with a Vietnamese message showing the three.
std::optional<ReportPeriod> periodFromArguments(std::string_view quarter, std::string_view month, std::string_view from,
                                                std::string_view to, std::string& error);
// first..last inclusive with the given label.
ReportPeriod makePeriod(LocalDate first, LocalDate last, std::string label);

// 00:00 local time of that date, as unix seconds.
int64_t localMidnight(LocalDate date);
LocalDate localDate(int64_t unixSeconds);
int localYear(int64_t unixSeconds);

std::optional<LocalDate> parseIsoDate(std::string_view text);       // "2026-03-31", a real date
std::optional<LocalDate> parseDmyDate(std::string_view text);       // "31/03/2026" (also d/m/yyyy)
// "2026-02-03T09:15:00" local time (a space instead of T, and no seconds, are accepted too: a
// spreadsheet often writes them that way); unix seconds.
std::optional<int64_t> parseLocalDateTime(std::string_view text);

std::string isoDate(LocalDate date);         // "2026-03-31"
std::string dmyDate(LocalDate date);         // "31/03/2026"
// Vietnam's clock time of a Unix time, "31/03/2026 14:05" (UTC+7 whatever the machine's zone).
std::string dmyTime(int64_t unixSeconds);
// The same clock time in any strftime `format` ("%Y-%m-%dT%H:%M:%S" for JSON).
std::string localTimeText(int64_t unixSeconds, const char* format);
std::string localIsoDateTime(int64_t unixSeconds);   // "2026-03-31T23:59:00" (local)

} // namespace kiosk
