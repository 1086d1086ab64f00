// A lesson's provenance (assets/README.md): when it was last checked (`checked_on`), against what
// (`checked_against`: an app version or a source) and its `sources` (URLs). Read leniently: a
// missing or malformed value never makes a lesson unusable, `kiosk content check` warns instead.
#pragma once
#include <toml++/toml.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct CalendarDate {
    int year = 0;
    int month = 0;   // 1–12
    int day = 0;     // 1–31
};
bool operator<(const CalendarDate& a, const CalendarDate& b);
bool operator==(const CalendarDate& a, const CalendarDate& b);

// "YYYY-MM-DD" naming a real day of the Gregorian calendar (2026-02-29 is not one), else nullopt.
std::optional<CalendarDate> parseCalendarDate(std::string_view s);
std::string calendarDateText(const CalendarDate& d);
// The same day `months` months earlier; a day the earlier month lacks becomes its last day
// (31 August minus six months is 28 or 29 February).
CalendarDate monthsBefore(const CalendarDate& d, int months);
// Today in Vietnam (UTC+7 all year, computed rather than read from the machine's TZ, as the
// report does: a Debian image often runs in UTC).
CalendarDate todayInVietnam();

struct Provenance {
    std::optional<CalendarDate> checkedOn;   // nullopt: missing or unreadable
    std::string checkedOnText;               // as written; empty when missing
    std::string checkedAgainst;
    std::vector<std::string> sources;
    int line = 0;                            // checked_on's line; 0 when missing
    std::vector<std::pair<int, std::string>> unreadable;   // (line, why): wrong types, told as warnings
};

// Reads checked_on (a string "YYYY-MM-DD" or a TOML date), checked_against and sources from a lesson's top table.
Provenance readProvenance(const toml::table& lesson);

} // namespace kiosk
