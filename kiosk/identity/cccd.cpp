// CCCD QR parsing: the 2021 card's `|`-separated layout (DOMAIN.md), checked field by field.
// Sections: [provinces] [messages] [text helpers] [dates] [gender] [names] [parse] [json]
#include "kiosk/identity/cccd.hpp"
#include "kiosk/common/utf8.hpp"
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

// No chip card (and so no card QR code) existed before 2021: a clock showing an earlier year is
// wrong (a board without a battery-backed clock), and must not make every card "from the future".
constexpr int kFirstCardYear = 2021;

// [messages] Each opens with what happened and ends with what to do; the bracketed detail is for
// staff. They never repeat the card's content: the screen is public and stderr may end up in a log.
constexpr std::string_view kNotIdCardLead = "Đây không phải mã QR của thẻ căn cước công dân";
constexpr std::string_view kNotIdCardAdvice = "Xin đưa mã QR in trên thẻ căn cước vào khung đọc.";
constexpr std::string_view kTornLead = "Mã QR trên thẻ mới đọc được một phần";
constexpr std::string_view kTornAdvice = "Xin đưa thẻ lại gần, giữ yên và quét lại.";
constexpr std::string_view kInconsistentLead = "Thông tin trong mã QR của thẻ không hợp lệ hoặc mâu thuẫn nhau";
constexpr std::string_view kInconsistentAdvice = "Thẻ chưa được ghi nhận; xin cán bộ xem lại thẻ.";

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
        const auto cp = utf8::decodeOne(s, i);
        if (!cp || isControl(*cp)) return false;
        letter = letter || isLetter(*cp);
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
enum class GenderField { Male, Female, Other };

// "Nam" / "Nữ" in any letter case, with "ữ" precomposed (NFC) or decomposed (NFD: u + horn +
// tilde, or ư + tilde): scanners and older encoders do not agree on a normal form.
GenderField parseGender(std::string_view s)
{
    std::u32string cps;
    for (size_t i = 0; i < s.size() && cps.size() < 8;) {
        const auto decoded = utf8::decodeOne(s, i);
        if (!decoded) return GenderField::Other;
        char32_t cp = *decoded;
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        if (cp == 0x1EEE) cp = 0x1EEF;   // Ữ
        if (cp == 0x01AF) cp = 0x01B0;   // Ư
        if (cp == 0x031B && !cps.empty() && cps.back() == 'u') { cps.back() = 0x01B0; continue; }
        if (cp == 0x0303 && !cps.empty() && cps.back() == 0x01B0) { cps.back() = 0x1EEF; continue; }
        cps.push_back(cp);
    }
    if (cps == U"nam") return GenderField::Male;
    if (cps == U"n\u1EEF") return GenderField::Female;
    return GenderField::Other;
}

// [names] Letters (NFC or NFD: combining marks), spaces, and the apostrophe and hyphen of
// Central Highlands names (H'Hen Niê). Digits or symbols mean the field is not a name.
bool isNameChar(char32_t cp)
{
    return isLetter(cp) || (cp >= 0x300 && cp <= 0x36F) || cp == ' ' || cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.';
}

const char* nameProblem(std::string_view s)
{
    if (s.empty()) return "thiếu họ tên";
    bool letter = false;
    for (size_t i = 0; i < s.size();) {
        const auto cp = utf8::decodeOne(s, i);
        if (!cp || !isNameChar(*cp)) return "họ tên có ký tự không phải chữ cái";
        letter = letter || isLetter(*cp);
    }
    return letter ? nullptr : "họ tên không có chữ cái";
}

// [parse]
CccdParse refuse(CccdError kind, std::string_view detail)
{
    CccdParse r;
    r.error = kind;
    const std::string d(detail);
    switch (kind) {
    case CccdError::NotIdCard: r.message = std::string(kNotIdCardLead) + " (" + d + "). " + std::string(kNotIdCardAdvice); break;
    case CccdError::Torn: r.message = std::string(kTornLead) + " (" + d + "). " + std::string(kTornAdvice); break;
    case CccdError::Inconsistent: r.message = std::string(kInconsistentLead) + ": " + d + ". " + std::string(kInconsistentAdvice); break;
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
    case DateField::Short:
    case DateField::Malformed: return std::string(what) + " không phải 8 chữ số dạng ngày tháng năm (ddmmyyyy)";
    case DateField::NotReal: return std::string(what) + " không phải một ngày có thật";
    case DateField::Ok: break;
    }
    return {};
}

// Defined below parseCccd, whose shape checks come first.
CccdParse checkFields(const std::array<std::string_view, kFieldCount>& f, const CivilDate& today);

} // namespace

std::string CitizenId::birthDateIso() const { return isoDate(birthYear, birthMonth, birthDay); }
// Details typed by hand have no issue date: "" (the protocol's "unknown"), never "0000-00-00",
// which the collector refuses as a date.
std::string CitizenId::issueDateIso() const { return issueYear == 0 ? std::string() : isoDate(issueYear, issueMonth, issueDay); }

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

// Three outcomes besides success, decided in this order:
//   torn          a prefix of a card payload: a keyboard-wedge scanner or a typist stopped early.
//                 Only the end can be missing, so only a short payload or a short last field is torn.
//   not a card    a payload without the card's shape (a URL, a VietQR payment code, a product code).
//   inconsistent  the card's shape with an impossible or contradictory field: forged, damaged or
//                 misprinted; there is no checksum to blame, so staff must look at the card.
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
        if (count == 1 && allDigits(f[0]) && f[0].size() <= 12) return refuse(CccdError::Torn, "chỉ đọc được một phần số căn cước");
        if (count > 1 && idShape) return refuse(CccdError::Torn, "chỉ đọc được " + std::to_string(count) + " trong 7 trường");
        if (count == 1) return refuse(CccdError::NotIdCard, "không có dấu phân cách |");
        return refuse(CccdError::NotIdCard, "có " + std::to_string(count) + " trường, thẻ căn cước có 7");
    }

    const GenderField gender = parseGender(f[4]);
    if (!idShape && gender == GenderField::Other && !(isDigits(f[3], 8) && isDigits(f[6], 8)))
        return refuse(CccdError::NotIdCard, "các trường không giống mã QR của thẻ căn cước");
    // The payload stops inside its last field (ngày cấp): read again.
    if (count == kFieldCount && f[6].size() < 8 && allDigits(f[6])) return refuse(CccdError::Torn, "ngày cấp bị cắt ngắn");
    return checkFields(f, today);
}

namespace {

// The card's seven fields, each already cut out and trimmed: every field's own rule and the
// cross-checks between them. Shared by a scanned payload and details typed by staff.
CccdParse checkFields(const std::array<std::string_view, kFieldCount>& f, const CivilDate& today)
{
    const bool idShape = isDigits(f[0], 12);
    const GenderField gender = parseGender(f[4]);
    // Every problem is listed, so staff see at once all that is wrong with the card.
    std::vector<std::string> problems;
    if (!idShape) problems.push_back("số căn cước không phải đúng 12 chữ số");

    // The old CMND had 9 digits, or 12 for those issued 2012–2016; many cards leave it empty.
    const std::string_view oldId = f[1];
    if (!oldId.empty() && !isDigits(oldId, 9) && !isDigits(oldId, 12)) problems.push_back("số CMND cũ không phải 9 hay 12 chữ số");

    if (const char* p = nameProblem(f[2])) problems.push_back(p);

    CivilDate birth, issue;
    const DateField birthState = parseDate(f[3], birth);
    const DateField issueState = parseDate(f[6], issue);
    if (birthState != DateField::Ok) problems.push_back(dateDetail("ngày sinh", birthState));
    if (gender == GenderField::Other) problems.push_back("ô giới tính không phải Nam hay Nữ");

    bool addressHasLetter = false;
    if (f[5].empty()) problems.push_back("thiếu địa chỉ thường trú");
    else if (!isCleanText(f[5], &addressHasLetter)) problems.push_back("địa chỉ có ký tự lạ");
    else if (!addressHasLetter) problems.push_back("địa chỉ không có chữ cái");

    if (issueState != DateField::Ok) problems.push_back(dateDetail("ngày cấp", issueState));

    // Cross-checks (DOMAIN.md): digit 4 is gender and century, digits 5–6 the birth year's last two.
    const bool clockTrusted = today.year >= kFirstCardYear;
    if (idShape && birthState == DateField::Ok) {
        const int digit4 = f[0][3] - '0';
        const int centuryStart = 1900 + digit4 / 2 * 100;
        if (birth.year < centuryStart || birth.year > centuryStart + 99)
            problems.push_back("chữ số thứ 4 của số căn cước (thế kỷ sinh) không khớp với năm sinh");
        if (twoDigits(f[0], 4) != birth.year % 100) problems.push_back("chữ số thứ 5–6 của số căn cước khác hai số cuối của năm sinh");
    }
    if (idShape && gender != GenderField::Other && ((f[0][3] - '0') % 2 == 0) != (gender == GenderField::Male))
        problems.push_back("giới tính theo chữ số thứ 4 của số căn cước khác với ô giới tính");
    if (clockTrusted && birthState == DateField::Ok && compareDates(birth, today) > 0) problems.push_back("ngày sinh ở sau ngày hôm nay");
    if (clockTrusted && issueState == DateField::Ok && compareDates(issue, today) > 0) problems.push_back("ngày cấp ở sau ngày hôm nay");
    if (birthState == DateField::Ok && issueState == DateField::Ok && compareDates(issue, birth) < 0)
        problems.push_back("ngày cấp ở trước ngày sinh");

    if (!problems.empty()) {
        std::string detail;
        for (const std::string& p : problems) detail += (detail.empty() ? "" : "; ") + p;
        return refuse(CccdError::Inconsistent, detail);
    }

    CitizenId c;
    c.id = f[0];
    c.oldId = oldId;
    c.fullName = f[2];
    c.birthYear = birth.year;
    c.birthMonth = birth.month;
    c.birthDay = birth.day;
    c.gender = gender == GenderField::Male ? "male" : "female";
    c.address = f[5];
    c.issueYear = issue.year;
    c.issueMonth = issue.month;
    c.issueDay = issue.day;

    CccdParse r;
    if (provinceName(c.id).empty())
        r.warnings.push_back("Mã tỉnh ở đầu số căn cước không có trong danh sách 63 tỉnh, thành phố (Thông tư 07/2016/TT-BCA); "
                             "thẻ vẫn được nhận, xin cán bộ xem lại số trên thẻ.");
    if (!clockTrusted)
        r.warnings.push_back("Đồng hồ của máy đang chỉ trước năm 2021, nên chưa kiểm tra được ngày sinh, ngày cấp có ở tương lai "
                             "không; xin cán bộ chỉnh lại giờ của máy.");
    r.citizen = std::move(c);
    return r;
}

} // namespace

CccdParse checkTypedCitizen(std::string_view number, std::string_view fullName, std::string_view birth, const CivilDate& today)
{
    // Each typed detail is one field: nothing typed can become another field (a '|' in the name
    // stays in the name, where the name rule refuses it). The card's address and issue date are
    // not asked for: placeholders satisfy the rules and are cleared afterwards.
    number = trimSpaces(number);
    const bool odd = number.size() == 12 && number[3] >= '0' && number[3] <= '9' && (number[3] - '0') % 2 == 1;
    const std::string_view gender = odd ? "Nữ" : "Nam";
    const std::array<std::string_view, kFieldCount> f = {number, "", trimSpaces(fullName), trimSpaces(birth), gender, "a", trimSpaces(birth)};
    CccdParse p = checkFields(f, today);
    if (p.citizen) {
        p.citizen->address.clear();
        p.citizen->issueYear = p.citizen->issueMonth = p.citizen->issueDay = 0;
    }
    return p;
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
