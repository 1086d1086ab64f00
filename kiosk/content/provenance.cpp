// Provenance of a lesson: read without ever rejecting the lesson; dates on the Gregorian calendar.
#include "kiosk/content/provenance.hpp"
#include "kiosk/common/toml_util.hpp"
#include <cstdio>
#include <ctime>
#include <tuple>

namespace kiosk {

bool operator<(const CalendarDate& a, const CalendarDate& b)
{
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

bool operator==(const CalendarDate& a, const CalendarDate& b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

namespace {

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool realDay(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

std::optional<int> digits(std::string_view s)
{
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace

std::optional<CalendarDate> parseCalendarDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = digits(s.substr(0, 4)), m = digits(s.substr(5, 2)), d = digits(s.substr(8, 2));
    if (!y || !m || !d || !realDay(*y, *m, *d)) return std::nullopt;
    return CalendarDate{*y, *m, *d};
}

std::string calendarDateText(const CalendarDate& d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

CalendarDate monthsBefore(const CalendarDate& d, int months)
{
    int index = d.year * 12 + (d.month - 1) - months;
    CalendarDate out{index / 12, index % 12 + 1, d.day};
    if (out.day > daysInMonth(out.year, out.month)) out.day = daysInMonth(out.year, out.month);
    return out;
}

CalendarDate todayInVietnam()
{
    const std::time_t now = std::time(nullptr) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&now, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Provenance readProvenance(const toml::table& lesson)
{
    Provenance p;
    auto lineOf = [](const toml::node* n) { return TomlReader::lineOf(n); };
    if (const toml::node* n = lesson.get("checked_on")) {
        p.line = lineOf(n);
        if (auto s = n->value<std::string>()) {
            p.checkedOnText = *s;
            p.checkedOn = parseCalendarDate(*s);
        } else if (const toml::value<toml::date>* d = n->as_date()) {
            const toml::date& v = d->get();
            p.checkedOnText = calendarDateText({v.year, v.month, v.day});
            if (realDay(v.year, v.month, v.day)) p.checkedOn = CalendarDate{v.year, v.month, v.day};
        } else {
            p.checkedOnText = "?";
        }
        if (!p.checkedOn) p.unreadable.push_back({p.line, "checked_on phải là một ngày dạng YYYY-MM-DD, ví dụ \"2026-12-04\""});
    }
    if (const toml::node* n = lesson.get("checked_against")) {
        if (auto s = n->value<std::string>()) p.checkedAgainst = *s;
        else p.unreadable.push_back({lineOf(n), "checked_against phải là chuỗi chữ"});
    }
    if (const toml::node* n = lesson.get("sources")) {
        if (const toml::array* a = n->as_array()) {
            for (const toml::node& e : *a) {
                if (auto s = e.value<std::string>()) p.sources.push_back(*s);
                else p.unreadable.push_back({lineOf(&e), "mỗi phần tử của sources phải là một địa chỉ (chuỗi chữ)"});
            }
        } else {
            p.unreadable.push_back({lineOf(n), "sources phải là danh sách địa chỉ, ví dụ [\"https://…\"]"});
        }
    }
    return p;
}

} // namespace kiosk
