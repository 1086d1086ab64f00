// Periods and local dates for reports and imports, in fixed UTC+7 arithmetic (std::chrono calendar).
#include "kiosk/report/report_period.hpp"
#include <ctime>
#include <cstdio>

namespace kiosk {

namespace {

using namespace std::chrono;

// Digits only, exactly `width` of them.
std::optional<int> number(std::string_view s, size_t width)
{
    if (s.size() != width) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// 1 or 2 digits (a day or month typed by hand).
std::optional<int> smallNumber(std::string_view s)
{
    if (s.empty() || s.size() > 2) return std::nullopt;
    return number(s, s.size());
}

std::optional<LocalDate> realDate(int y, int m, int d)
{
    // Outside these years a date in a commune's records is a typing slip.
    if (y < 1900 || y > 2199) return std::nullopt;
    LocalDate date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

const char* kRoman[] = {"I", "II", "III", "IV"};

} // namespace

int64_t localMidnight(LocalDate date)
{
    return int64_t(sys_days{date}.time_since_epoch().count()) * 86400 - kVietnamUtcOffset;
}

LocalDate localDate(int64_t unixSeconds)
{
    return LocalDate{floor<days>(sys_seconds{seconds{unixSeconds + kVietnamUtcOffset}})};
}

int localYear(int64_t unixSeconds) { return int(localDate(unixSeconds).year()); }

ReportPeriod makePeriod(LocalDate first, LocalDate last, std::string label)
{
    ReportPeriod p;
    p.first = first;
    p.last = last;
    p.begin = localMidnight(first);
    p.end = localMidnight(LocalDate{sys_days{last} + days{1}});
    p.label = std::move(label);
    return p;
}

std::optional<ReportPeriod> quarterPeriod(std::string_view text, std::string& error)
{
    auto y = text.size() == 7 ? number(text.substr(0, 4), 4) : std::nullopt;
    const bool shape = y && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && text[6] >= '1' && text[6] <= '4';
    if (!shape || *y < 2000 || *y > 2199) {
        error = "Quý \"" + std::string(text) + "\" không hợp lệ: viết năm-Q và số quý từ 1 đến 4, ví dụ 2026-Q1.";
        return std::nullopt;
    }
    const int q = text[6] - '0';
    const LocalDate first{year{*y}, month{unsigned(3 * q - 2)}, day{1}};
    const LocalDate last{year_month_day_last{year{*y}, month_day_last{month{unsigned(3 * q)}}}};
    return makePeriod(first, last, std::string("Quý ") + kRoman[q - 1] + "/" + std::to_string(*y));
}

std::optional<ReportPeriod> monthPeriod(std::string_view text, std::string& error)
{
    auto y = text.size() == 7 ? number(text.substr(0, 4), 4) : std::nullopt;
    auto m = text.size() == 7 ? number(text.substr(5, 2), 2) : std::nullopt;
    if (!y || !m || text[4] != '-' || *m < 1 || *m > 12 || *y < 2000 || *y > 2199) {
        error = "Tháng \"" + std::string(text) + "\" không hợp lệ: viết năm-tháng, ví dụ 2026-03.";
        return std::nullopt;
    }
    const LocalDate first{year{*y}, month{unsigned(*m)}, day{1}};
    const LocalDate last{year_month_day_last{year{*y}, month_day_last{month{unsigned(*m)}}}};
    return makePeriod(first, last, "Tháng " + std::to_string(*m) + "/" + std::to_string(*y));
}

std::optional<ReportPeriod> rangePeriod(std::string_view from, std::string_view to, std::string& error)
{
    auto a = parseIsoDate(from), b = parseIsoDate(to);
    if (!a || !b) {
        error = "Ngày \"" + std::string(!a ? from : to) + "\" không hợp lệ: viết năm-tháng-ngày, ví dụ 2026-03-31.";
        return std::nullopt;
    }
    if (*b < *a) {
        error = "Ngày kết thúc " + std::string(to) + " đứng trước ngày bắt đầu " + std::string(from) + ": xin đổi lại.";
        return std::nullopt;
    }
    return makePeriod(*a, *b, "Từ " + dmyDate(*a) + " đến " + dmyDate(*b));
}

std::optional<ReportPeriod> periodFromArguments(std::string_view quarter, std::string_view month, std::string_view from,
                                                std::string_view to, std::string& error)
{
    const int forms = int(!quarter.empty()) + int(!month.empty()) + int(!from.empty() || !to.empty());
    if (forms != 1) {
        error = "Chọn đúng một kỳ báo cáo: --quarter 2026-Q1, hoặc --month 2026-03, hoặc --from 2026-01-01 --to 2026-03-31.";
        return std::nullopt;
    }
    if (!quarter.empty()) return quarterPeriod(quarter, error);
    if (!month.empty()) return monthPeriod(month, error);
    if (from.empty() || to.empty()) {
        error = "Cần cả --from và --to (ngày đầu và ngày cuối, tính cả hai ngày), ví dụ --from 2026-01-01 --to 2026-03-31.";
        return std::nullopt;
    }
    return rangePeriod(from, to, error);
}

std::optional<LocalDate> parseIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = number(s.substr(0, 4), 4), m = number(s.substr(5, 2), 2), d = number(s.substr(8, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    return realDate(*y, *m, *d);
}

std::optional<LocalDate> parseDmyDate(std::string_view s)
{
    const size_t a = s.find('/'), b = a == std::string_view::npos ? a : s.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    auto d = smallNumber(s.substr(0, a)), m = smallNumber(s.substr(a + 1, b - a - 1)), y = number(s.substr(b + 1), 4);
    if (!d || !m || !y) return std::nullopt;
    return realDate(*y, *m, *d);
}

std::optional<int64_t> parseLocalDateTime(std::string_view s)
{
    if (s.size() != 16 && s.size() != 19) return std::nullopt;
    auto date = parseIsoDate(s.substr(0, 10));
    if (!date || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    auto h = number(s.substr(11, 2), 2), mi = number(s.substr(14, 2), 2);
    std::optional<int> sec = 0;
    if (s.size() == 19) sec = s[16] == ':' ? number(s.substr(17, 2), 2) : std::nullopt;
    if (!h || !mi || !sec || *h > 23 || *mi > 59 || *sec > 59) return std::nullopt;
    return localMidnight(*date) + *h * 3600 + *mi * 60 + *sec;
}

std::string isoDate(LocalDate d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buf;
}

std::string dmyDate(LocalDate d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
    return buf;
}

std::string localIsoDateTime(int64_t unixSeconds)
{
    const int64_t local = unixSeconds + kVietnamUtcOffset;
    const int64_t secs = ((local % 86400) + 86400) % 86400;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    return isoDate(localDate(unixSeconds)) + buf;
}

std::string localTimeText(int64_t unixSeconds, const char* format)
{
    std::time_t t = static_cast<std::time_t>(unixSeconds + 7 * 3600);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[48];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::string dmyTime(int64_t unixSeconds) { return localTimeText(unixSeconds, "%d/%m/%Y %H:%M"); }

} // namespace kiosk
