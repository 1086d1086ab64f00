// CCCD QR parsing: the 2021 card's `|`-separated layout (DOMAIN.md), checked field by field.
// Sections: [provinces] [text helpers] [dates] [gender] [parse] [json]
#include "kiosk/cccd.hpp"
#include <nlohmann/json.hpp>
#include <array>
#include <chrono>
#include <cstdio>

namespace kiosk {
namespace {

// [provinces] Circular 07/2016/TT-BCA, appendix 1: where the birth was registered. Cards keep these
// codes after the 2025 province mergers; a newer or unknown code only earns a warning.
struct Province {
    std::string_view code;
    std::string_view name;
};
constexpr std::array<Province, 63> kProvinces = {{
    {"001", "Hà Nội"}, {"002", "Hà Giang"}, {"004", "Cao Bằng"}, {"006", "Bắc Kạn"}, {"008", "Tuyên Quang"},
    {"010", "Lào Cai"}, {"011", "Điện Biên"}, {"012", "Lai Châu"}, {"014", "Sơn La"}, {"015", "Yên Bái"},
    {"017", "Hòa Bình"}, {"019", "Thái Nguyên"}, {"020", "Lạng Sơn"}, {"022", "Quảng Ninh"}, {"024", "Bắc Giang"},
    {"025", "Phú Thọ"}, {"026", "Vĩnh Phúc"}, {"027", "Bắc Ninh"}, {"030", "Hải Dương"}, {"031", "Hải Phòng"},
    {"033", "Hưng Yên"}, {"034", "Thái Bình"}, {"035", "Hà Nam"}, {"036", "Nam Định"}, {"037", "Ninh Bình"},
    {"038", "Thanh Hóa"}, {"040", "Nghệ An"}, {"042", "Hà Tĩnh"}, {"044", "Quảng Bình"}, {"045", "Quảng Trị"},
    {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"}, {"049", "Quảng Nam"}, {"051", "Quảng Ngãi"}, {"052", "Bình Định"},
    {"054", "Phú Yên"}, {"056", "Khánh Hòa"}, {"058", "Ninh Thuận"}, {"060", "Bình Thuận"}, {"062", "Kon Tum"},
    {"064", "Gia Lai"}, {"066", "Đắk Lắk"}, {"067", "Đắk Nông"}, {"068", "Lâm Đồng"}, {"070", "Bình Phước"},
    {"072", "Tây Ninh"}, {"074", "Bình Dương"}, {"075", "Đồng Nai"}, {"077", "Bà Rịa - Vũng Tàu"}, {"079", "Hồ Chí Minh"},
    {"080", "Long An"}, {"082", "Tiền Giang"}, {"083", "Bến Tre"}, {"084", "Trà Vinh"}, {"086", "Vĩnh Long"},
    {"087", "Đồng Tháp"}, {"089", "An Giang"}, {"091", "Kiên Giang"}, {"092", "Cần Thơ"}, {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"}, {"095", "Bạc Liêu"}, {"096", "Cà Mau"},
}};

constexpr size_t kFieldCount = 7;   // the 2021 card; the 2024 card may append more

// The messages open with the sentence the citizen needs; the bracketed detail is for staff. They
// never repeat the card's content: the screen is public and stderr may end up in a log.
constexpr std::string_view kNotIdCardLead = "Đây không phải mã QR trên căn cước công dân";
constexpr std::string_view kNotIdCardAdvice = "Xin đưa mã QR in trên thẻ căn cước vào khung đọc.";
constexpr std::string_view kTornLead = "Mã QR đọc chưa trọn, xin đưa thẻ lại gần và giữ yên trong giây lát";
constexpr std::string_view kInconsistentLead = "Thông tin trong mã QR của thẻ không khớp nhau";
constexpr std::string_view kInconsistentAdvice = "Xin nhờ cán bộ kiểm tra thẻ.";

// [text helpers]
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view s)
{
    for (char c : s)
        if (!isDigit(c)) return false;
    return true;
}

bool isDigits(std::string_view s, size_t n) { return s.size() == n && allDigits(s); }

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Decodes one UTF-8 sequence at s[i]. Strict (no overlong forms, surrogates or cut sequences), as
// nlohmann-json is when it writes the string out.
bool decodeUtf8(std::string_view s, size_t& i, char32_t& cp)
{
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    char32_t min = 0;
    if (c < 0x80) {
        cp = c;
        ++i;
        return true;
    }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (s.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
    return true;
}

bool isControl(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

// Vietnamese names are Latin script: ASCII, Latin-1, Extended-A/B and Extended Additional (ạ…ỹ).
bool isLetter(char32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x1E00 && cp <= 0x1EFF;
}

// Valid UTF-8 without control characters: what may go to the screen and into JSON.
bool isCleanText(std::string_view s, bool* hasLetter = nullptr)
{
    bool letter = false;
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        if (!decodeUtf8(s, i, cp) || isControl(cp)) return false;
        letter = letter || isLetter(cp);
    }
    if (hasLetter) *hasLetter = letter;
    return true;
}

// [dates]
bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : kDays[m - 1];
}

int twoDigits(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

enum class DateField { Ok, Short, Malformed, NotReal };

// ddmmyyyy. A run of fewer than 8 digits is a read cut short, not a different kind of code.
DateField parseDate(std::string_view s, CivilDate& out)
{
    if (s.size() < 8 && allDigits(s)) return DateField::Short;
    if (!isDigits(s, 8)) return DateField::Malformed;
    out.day = twoDigits(s, 0);
    out.month = twoDigits(s, 2);
    out.year = twoDigits(s, 4) * 100 + twoDigits(s, 6);
    if (out.year < 1 || out.month < 1 || out.month > 12 || out.day < 1 || out.day > daysInMonth(out.year, out.month))
        return DateField::NotReal;
    return DateField::Ok;
}

int compareDates(const CivilDate& a, const CivilDate& b)
{
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

std::string isoDate(int y, int m, int d)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// [gender]
enum class GenderField { Male, Female, Prefix, Other };

// "Nam" / "Nữ" in any letter case, with "ữ" precomposed (NFC) or decomposed (NFD: u + horn +
// tilde, or ư + tilde): scanners and older encoders do not agree on a normal form.
GenderField parseGender(std::string_view s)
{
    std::u32string cps;
    for (size_t i = 0; i < s.size() && cps.size() < 8;) {
        char32_t cp = 0;
        if (!decodeUtf8(s, i, cp)) return GenderField::Other;
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        if (cp == 0x1EEE) cp = 0x1EEF;   // Ữ
        if (cp == 0x01AF) cp = 0x01B0;   // Ư
        if (cp == 0x031B && !cps.empty() && cps.back() == 'u') { cps.back() = 0x01B0; continue; }
        if (cp == 0x0303 && !cps.empty() && cps.back() == 0x01B0) { cps.back() = 0x1EEF; continue; }
        cps.push_back(cp);
    }
    if (cps == U"nam") return GenderField::Male;
    if (cps == U"n\u1EEF") return GenderField::Female;
    // What is left of either word when the read stops early (NFD "Nữ" can lose its horn or tilde).
    for (std::u32string_view start : {U"", U"n", U"na", U"nu", U"n\u01B0"})
        if (cps == start) return GenderField::Prefix;
    return GenderField::Other;
}

// [parse]
CccdParse refuse(CccdError kind, std::string_view detail)
{
    CccdParse r;
    r.error = kind;
    switch (kind) {
    case CccdError::NotIdCard:
        r.message = std::string(kNotIdCardLead) + " (" + std::string(detail) + "). " + std::string(kNotIdCardAdvice);
        break;
    case CccdError::Torn:
        r.message = std::string(kTornLead) + " (" + std::string(detail) + ").";
        break;
    case CccdError::Inconsistent:
        r.message = std::string(kInconsistentLead) + ": " + std::string(detail) + ". " + std::string(kInconsistentAdvice);
        break;
    }
    return r;
}

// Scanners add CR/LF (keyboard-wedge ones a BOM or stray spaces too); none belong to the payload.
std::string_view trimPayload(std::string_view s)
{
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (s.substr(0, kBom.size()) == kBom) s.remove_prefix(kBom.size());
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string dateDetail(std::string_view what, DateField state)
{
    switch (state) {
    case DateField::Short: return std::string(what) + " bị cắt ngắn";
    case DateField::Malformed: return std::string(what) + " không phải 8 chữ số ngàythángnăm";
    case DateField::NotReal: return std::string(what) + " không phải một ngày có thật";
    case DateField::Ok: break;
    }
    return {};
}

} // namespace

std::string CitizenId::birthDateIso() const { return isoDate(birthYear, birthMonth, birthDay); }
std::string CitizenId::issueDateIso() const { return isoDate(issueYear, issueMonth, issueDay); }

CivilDate vietnamDate(int64_t unixSeconds)
{
    using namespace std::chrono;
    const sys_days day = floor<days>(sys_seconds{seconds{unixSeconds + 7 * 3600}});
    const year_month_day ymd{day};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

std::string_view provinceName(std::string_view id)
{
    if (id.size() < 3) return {};
    for (const Province& p : kProvinces)
        if (p.code == id.substr(0, 3)) return p.name;
    return {};
}

CccdParse parseCccd(std::string_view payload)
{
    using namespace std::chrono;
    return parseCccd(payload, vietnamDate(duration_cast<seconds>(system_clock::now().time_since_epoch()).count()));
}

CccdParse parseCccd(std::string_view payload, const CivilDate& today)
{
    payload = trimPayload(payload);
    if (payload.empty()) return refuse(CccdError::NotIdCard, "mã rỗng");

    // Only the first seven fields are read; the rest are counted, never stored (a fuzzer's
    // megabyte of `|` costs no memory).
    std::array<std::string_view, kFieldCount> f;
    size_t count = 0;
    for (size_t start = 0;;) {
        const size_t bar = payload.find('|', start);
        const std::string_view field = payload.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        if (count < kFieldCount) f[count] = trimSpaces(field);
        ++count;
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }

    const bool idShape = isDigits(f[0], 12);
    if (count < kFieldCount) {
        if (idShape) return refuse(CccdError::Torn, "chỉ đọc được " + std::to_string(count) + " trong 7 trường");
        if (count == 1) return refuse(CccdError::NotIdCard, "không có dấu phân cách |");
        return refuse(CccdError::NotIdCard, "có " + std::to_string(count) + " trường, thẻ căn cước có 7");
    }
    if (!idShape) return refuse(CccdError::NotIdCard, "trường đầu không phải số căn cước 12 chữ số");

    CitizenId c;
    c.id = f[0];

    // The old CMND had 9 digits, or 12 for those issued 2012–2016; many cards leave it empty.
    const std::string_view oldId = f[1];
    if (!oldId.empty() && !isDigits(oldId, 9) && !isDigits(oldId, 12)) {
        if (allDigits(oldId) && oldId.size() < 9) return refuse(CccdError::Torn, "số CMND cũ bị cắt ngắn");
        return refuse(CccdError::NotIdCard, "số CMND cũ không phải 9 chữ số");
    }
    c.oldId = oldId;

    bool nameHasLetter = false;
    if (!isCleanText(f[2], &nameHasLetter)) return refuse(CccdError::NotIdCard, "họ tên có ký tự lạ");
    if (f[2].empty()) return refuse(CccdError::NotIdCard, "thiếu họ tên");
    if (!nameHasLetter) return refuse(CccdError::NotIdCard, "họ tên không có chữ cái");
    c.fullName = f[2];

    CivilDate birth;
    const DateField birthState = parseDate(f[3], birth);
    if (birthState == DateField::Short) return refuse(CccdError::Torn, dateDetail("ngày sinh", birthState));
    if (birthState == DateField::Malformed) return refuse(CccdError::NotIdCard, dateDetail("ngày sinh", birthState));

    switch (parseGender(f[4])) {
    case GenderField::Male: c.gender = "male"; break;
    case GenderField::Female: c.gender = "female"; break;
    case GenderField::Prefix: return refuse(CccdError::Torn, "ô giới tính bị cắt ngắn");
    case GenderField::Other: return refuse(CccdError::NotIdCard, "ô giới tính không phải Nam hay Nữ");
    }

    if (!isCleanText(f[5])) return refuse(CccdError::NotIdCard, "địa chỉ có ký tự lạ");
    if (f[5].empty()) return refuse(CccdError::NotIdCard, "thiếu địa chỉ thường trú");
    c.address = f[5];

    CivilDate issue;
    const DateField issueState = parseDate(f[6], issue);
    if (issueState == DateField::Short) return refuse(CccdError::Torn, dateDetail("ngày cấp", issueState));
    if (issueState == DateField::Malformed) return refuse(CccdError::NotIdCard, dateDetail("ngày cấp", issueState));

    // The payload has the shape of a card; from here on, a contradiction means a forged, damaged or
    // misprinted card, which staff must see (there is no checksum to blame).
    std::vector<std::string> clash;
    if (birthState == DateField::NotReal) clash.push_back(dateDetail("ngày sinh", birthState));
    if (issueState == DateField::NotReal) clash.push_back(dateDetail("ngày cấp", issueState));
    const bool datesReal = birthState == DateField::Ok && issueState == DateField::Ok;
    if (birthState == DateField::Ok) {
        if (compareDates(birth, today) > 0) clash.push_back("ngày sinh ở sau ngày hôm nay");
        const int digit4 = c.id[3] - '0';
        const int centuryStart = 1900 + digit4 / 2 * 100;
        if (birth.year < centuryStart || birth.year > centuryStart + 99)
            clash.push_back("chữ số thứ 4 của số căn cước chỉ người sinh trong các năm " + std::to_string(centuryStart) + "–" +
                            std::to_string(centuryStart + 99) + ", khác với năm sinh");
        if (twoDigits(c.id, 4) != birth.year % 100) clash.push_back("chữ số thứ 5–6 của số căn cước khác hai số cuối của năm sinh");
        if ((digit4 % 2 == 0) != (c.gender == "male")) clash.push_back("giới tính theo chữ số thứ 4 của số căn cước khác với ô giới tính");
    }
    if (issueState == DateField::Ok && compareDates(issue, today) > 0) clash.push_back("ngày cấp ở sau ngày hôm nay");
    if (datesReal && compareDates(issue, birth) < 0) clash.push_back("ngày cấp ở trước ngày sinh");
    if (!clash.empty()) {
        std::string detail;
        for (const std::string& s : clash) detail += (detail.empty() ? "" : "; ") + s;
        return refuse(CccdError::Inconsistent, detail);
    }

    c.birthYear = birth.year;
    c.birthMonth = birth.month;
    c.birthDay = birth.day;
    c.issueYear = issue.year;
    c.issueMonth = issue.month;
    c.issueDay = issue.day;

    CccdParse r;
    if (provinceName(c.id).empty())
        r.warnings.push_back("Mã tỉnh " + c.id.substr(0, 3) +
                             " ở đầu số căn cước không có trong danh sách 63 tỉnh, thành phố (Thông tư 07/2016/TT-BCA); vẫn nhận thẻ.");
    r.citizen = std::move(c);
    return r;
}

// [json]
std::string toJson(const CitizenId& c)
{
    nlohmann::ordered_json j;
    j["id"] = c.id;
    j["old_id"] = c.oldId;
    j["full_name"] = c.fullName;
    j["birth_date"] = c.birthDateIso();
    j["gender"] = c.gender;
    j["address"] = c.address;
    j["issue_date"] = c.issueDateIso();
    // parseCccd only accepts valid UTF-8; a hand-built CitizenId must not make dump() throw either.
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace kiosk
