// The chip ID card's QR payload: accepted layouts, and each kind of refusal with its Vietnamese
// message, which must never repeat the card's content.
#include "kiosk/identity/cccd.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <ctime>

using namespace kiosk;

namespace {

const CivilDate kToday{2025, 6, 15};

// A made-up citizen. Fields as on the card: number, old CMND, name, birth, gender, address, issue.
struct Card {
    std::string id = "038195001234";
    std::string oldId = "173456789";
    std::string name = "Nguyễn Thị Hồng Nhung";
    std::string birth = "15031995";
    std::string gender = "Nữ";
    std::string address = "Thôn Yên Lạc, Xã Quảng Ngọc, Huyện Quảng Xương, Tỉnh Thanh Hóa";
    std::string issue = "20042021";
    std::string payload() const { return id + "|" + oldId + "|" + name + "|" + birth + "|" + gender + "|" + address + "|" + issue; }
};

// The message is for a public screen and stderr: none of the card's own content may appear in it.
void checkNoPersonalData(const CccdParse& r, const Card& c)
{
    CAPTURE(r.message);
    CHECK_FALSE(r.message.empty());
    for (const std::string& secret : {c.id, c.oldId, c.name, c.address, c.birth, c.issue, std::string("Nhung"), std::string("Yên Lạc")})
        if (secret.size() >= 4) CHECK(r.message.find(secret) == std::string::npos);
    // Nor the birth year alone or the number's distinctive tail.
    if (c.birth.size() == 8) CHECK(r.message.find(c.birth.substr(4)) == std::string::npos);
    if (c.id.size() >= 12) CHECK(r.message.find(c.id.substr(6)) == std::string::npos);
}

CccdParse refused(const Card& c, CccdError kind)
{
    const CccdParse r = parseCccd(c.payload(), kToday);
    CAPTURE(r.message);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error == kind);
    checkNoPersonalData(r, c);
    return r;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("a 2021 card payload is parsed field by field")
{
    const Card card;
    const CccdParse r = parseCccd(card.payload(), kToday);
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(r.warnings.empty());
    const CitizenId& c = *r.citizen;
    CHECK(c.id == "038195001234");
    CHECK(c.oldId == "173456789");
    CHECK(c.fullName == "Nguyễn Thị Hồng Nhung");
    CHECK(c.birthDateIso() == "1995-03-15");
    CHECK(c.gender == "female");
    CHECK(c.address == card.address);
    CHECK(c.issueDateIso() == "2021-04-20");
    CHECK(provinceName(c.id) == "Thanh Hóa");

    const auto j = nlohmann::json::parse(toJson(c));
    CHECK(j.size() == 7);
    CHECK(j["id"] == "038195001234");
    CHECK(j["old_id"] == "173456789");
    CHECK(j["full_name"] == "Nguyễn Thị Hồng Nhung");
    CHECK(j["birth_date"] == "1995-03-15");
    CHECK(j["gender"] == "female");
    CHECK(j["address"] == card.address);
    CHECK(j["issue_date"] == "2021-04-20");
}

TEST_CASE("a man born in 2004, no old CMND, extra trailing fields and scanner line ending")
{
    Card card;
    card.id = "031204009876";
    card.oldId = "";
    card.name = "Trần Văn Đức";
    card.birth = "29022004";   // a leap day in a leap year
    card.gender = "Nam";
    card.address = "Tổ dân phố 3, Phường Mao Điền, Thành phố Hải Phòng";
    card.issue = "01032022";
    const CccdParse r = parseCccd("\xEF\xBB\xBF" + card.payload() + "|Căn cước|01012031|thêm\r\n", kToday);
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(r.citizen->id == "031204009876");
    CHECK(r.citizen->oldId.empty());
    CHECK(r.citizen->gender == "male");
    CHECK(r.citizen->birthDateIso() == "2004-02-29");
    CHECK(r.citizen->issueDateIso() == "2022-03-01");
    CHECK(r.citizen->address == card.address);
    CHECK(nlohmann::json::parse(toJson(*r.citizen))["old_id"] == "");
}

TEST_CASE("gender field in capitals or decomposed Unicode, a 12-digit old number, a highland name")
{
    Card card;
    card.id = "066185004321";
    card.oldId = "066185004000";
    card.name = "H'Hen Niê";
    card.birth = "02091985";
    card.gender = "NU\xCC\x9B\xCC\x83";   // N U + combining horn + combining tilde = "NỮ" in NFD
    card.address = "Buôn Ko Sier, Phường Tân Lợi, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk";
    card.issue = "10102021";
    const CccdParse r = parseCccd(card.payload(), kToday);
    REQUIRE_MESSAGE(r.ok(), r.message);
    CHECK(r.citizen->gender == "female");
    CHECK(r.citizen->fullName == "H'Hen Niê");
    CHECK(r.citizen->oldId == "066185004000");
    CHECK(provinceName(r.citizen->id) == "Đắk Lắk");

    card.gender = "NAM";
    card.id = "066085004321";
    CHECK(parseCccd(card.payload(), kToday).ok());
}

TEST_CASE("an unknown province code is accepted with a warning that repeats no number")
{
    Card card;
    card.id = "099195001234";
    const CccdParse r = parseCccd(card.payload(), kToday);
    REQUIRE_MESSAGE(r.ok(), r.message);
    REQUIRE(r.warnings.size() == 1);
    CHECK(contains(r.warnings[0], "Mã tỉnh"));
    CHECK_FALSE(contains(r.warnings[0], "099"));
    CHECK(provinceName(r.citizen->id).empty());
}

TEST_CASE("a clock set before 2021 does not turn every card away")
{
    const Card card;
    const CccdParse r = parseCccd(card.payload(), CivilDate{1970, 1, 1});
    REQUIRE_MESSAGE(r.ok(), r.message);
    REQUIRE(r.warnings.size() == 1);
    CHECK(contains(r.warnings[0], "Đồng hồ"));
}

TEST_CASE("the one-argument parse uses today's date in Vietnam")
{
    const CivilDate now = vietnamDate(std::time(nullptr));
    CHECK(now.year >= 2025);
    Card card;
    CHECK(parseCccd(card.payload()).ok());
    // Born tomorrow (Vietnam time) is refused by the wall-clock form as well.
    const CivilDate tomorrow = vietnamDate(std::time(nullptr) + 86400);
    char birth[48];
    std::snprintf(birth, sizeof birth, "%02d%02d%04d", tomorrow.day, tomorrow.month, tomorrow.year);
    card.birth = birth;
    // A woman: digit 4 is 1 for 1900–1999, 3 for 2000–2099, and so on; digits 5–6 the year's end.
    char id[48];
    std::snprintf(id, sizeof id, "038%d%02d001234", (tomorrow.year / 100 - 19) * 2 + 1, tomorrow.year % 100);
    card.id = id;
    card.issue = birth;
    const CccdParse r = parseCccd(card.payload());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error == CccdError::Inconsistent);
    CHECK(contains(r.message, "ngày sinh ở sau ngày hôm nay"));
}

TEST_CASE("vietnamDate is UTC+7")
{
    // 2024-12-31 17:00 UTC is already 1 January 2025 in Hà Nội.
    const CivilDate d = vietnamDate(1735664400);
    CHECK(d.year == 2025);
    CHECK(d.month == 1);
    CHECK(d.day == 1);
    const CivilDate before = vietnamDate(1735664399);
    CHECK(before.year == 2024);
    CHECK(before.day == 31);
}

TEST_CASE("codes that are not an ID card")
{
    for (const char* payload : {
             "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
             // A VietQR (EMVCo) bank transfer code.
             "00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA53037045802VN63041D3F",
             "WIFI:S:UBND xa;T:WPA;P:matkhau;;",
             "a|b|c",
             "https://example.vn/?q=1|2|3|4|5|6|7",
             "",
             "  \r\n",
         }) {
        CAPTURE(payload);
        const CccdParse r = parseCccd(payload, kToday);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error == CccdError::NotIdCard);
        CHECK(contains(r.message, "không phải mã QR của thẻ căn cước"));
        CHECK(contains(r.message, "Xin đưa mã QR"));
    }
}

TEST_CASE("a payload cut short is a torn read")
{
    const Card card;
    const std::string full = card.payload();
    // Cut after the whole number, inside the name (even inside a multi-byte letter), inside the
    // address, at the last bar, and inside the issue date.
    const size_t nameAt = full.find("Nguy");
    for (size_t cut : {size_t(7), size_t(12), size_t(13), nameAt + 6, full.find("Nữ") + 1, full.find("Xã"), full.size() - 8,
                       full.size() - 3}) {
        const std::string torn = full.substr(0, cut);
        CAPTURE(torn.size());
        const CccdParse r = parseCccd(torn, kToday);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error == CccdError::Torn);
        CHECK(contains(r.message, "mới đọc được một phần"));
        CHECK(contains(r.message, "quét lại"));
        checkNoPersonalData(r, card);
    }
}

TEST_CASE("fewer than 7 fields")
{
    Card card;
    // Six fields with a whole number: the read stopped before the issue date.
    const std::string six = card.id + "|" + card.oldId + "|" + card.name + "|" + card.birth + "|" + card.gender + "|" + card.address;
    const CccdParse r = parseCccd(six, kToday);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error == CccdError::Torn);
    CHECK(contains(r.message, "6 trong 7 trường"));
    // Six fields that are not a card at all.
    CHECK(parseCccd("x|y|z|1|2|3", kToday).error == CccdError::NotIdCard);
}

TEST_CASE("the number must be exactly 12 digits")
{
    for (const char* id : {"03819500123", "0381950012345", "03819500123A", "O38195001234", ""}) {
        Card card;
        card.id = id;
        CAPTURE(id);
        const CccdParse r = refused(card, CccdError::Inconsistent);
        CHECK(contains(r.message, "số căn cước không phải đúng 12 chữ số"));
        CHECK(contains(r.message, "xin cán bộ xem lại thẻ"));
    }
}

TEST_CASE("impossible dates")
{
    struct Bad {
        const char* birth;
        const char* issue;
        const char* expected;
    };
    for (const Bad& b : {Bad{"30021995", "20042021", "ngày sinh không phải một ngày có thật"},
                         Bad{"31041995", "20042021", "ngày sinh không phải một ngày có thật"},
                         Bad{"29021995", "20042021", "ngày sinh không phải một ngày có thật"},   // 1995 is not a leap year
                         Bad{"00011995", "20042021", "ngày sinh không phải một ngày có thật"},
                         Bad{"15131995", "20042021", "ngày sinh không phải một ngày có thật"},
                         Bad{"15031995", "29022023", "ngày cấp không phải một ngày có thật"},
                         Bad{"15031995", "31062021", "ngày cấp không phải một ngày có thật"},
                         Bad{"1503199", "20042021", "ngày sinh không phải 8 chữ số"},
                         Bad{"15-03-1995", "20042021", "ngày sinh không phải 8 chữ số"},
                         Bad{"15031995", "20/04/2021", "ngày cấp không phải 8 chữ số"}}) {
        Card card;
        card.birth = b.birth;
        card.issue = b.issue;
        CAPTURE(b.birth);
        CAPTURE(b.issue);
        const CccdParse r = refused(card, CccdError::Inconsistent);
        CHECK(contains(r.message, b.expected));
    }
    // 2000 was a leap year (divisible by 400): 29/02/2000 is real.
    Card leap;
    leap.id = "038300001234";
    leap.birth = "29022000";
    CHECK(parseCccd(leap.payload(), kToday).ok());
}

TEST_CASE("dates in the wrong order or in the future")
{
    Card card;
    card.id = "038325001234";
    card.birth = "16062025";   // the day after kToday
    card.issue = "16062025";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "ngày sinh ở sau ngày hôm nay"));

    card = {};
    card.issue = "14031995";   // the day before birth
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "ngày cấp ở trước ngày sinh"));

    card = {};
    card.issue = "01072025";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "ngày cấp ở sau ngày hôm nay"));

    // Born and issued today is fine (the 2024 card is issued from birth).
    card.id = "038325001234";
    card.birth = "15062025";
    card.issue = "15062025";
    CHECK(parseCccd(card.payload(), kToday).ok());
}

TEST_CASE("names must be letters")
{
    for (const char* name : {"", "   ", "12345", "Nguyễn Văn 2", "<script>", "--", "Nguy\xE1\xBB", "Nguyễn\tVăn"}) {
        Card card;
        card.name = name;
        CAPTURE(name);
        const CccdParse r = refused(card, CccdError::Inconsistent);
        CHECK(contains(r.message, "họ tên"));
    }
}

TEST_CASE("other fields that break the card's layout")
{
    Card card;
    card.oldId = "17345678X";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "số CMND cũ"));
    card = {};
    card.gender = "Khác";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "ô giới tính không phải Nam hay Nữ"));
    card = {};
    card.address = "";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "thiếu địa chỉ thường trú"));
    card = {};
    card.address = "Thôn 1\x01";
    CHECK(contains(refused(card, CccdError::Inconsistent).message, "địa chỉ có ký tự lạ"));
}

TEST_CASE("the number's century and gender digit and year digits must agree with the card")
{
    struct Clash {
        const char* id;
        const char* birth;
        const char* gender;
        const char* expected;
    };
    for (const Clash& c : {
             // Digit 4 = 1: a woman born 1900–1999; the card says 2005.
             Clash{"038105001234", "15032005", "Nữ", "thế kỷ sinh"},
             // Digit 4 = 2: a man born 2000–2099; the card says 1995.
             Clash{"038295001234", "15031995", "Nam", "thế kỷ sinh"},
             // Digits 5–6 = 96, the card says 1995.
             Clash{"038196001234", "15031995", "Nữ", "chữ số thứ 5–6"},
             // Digit 4 = 0 (male), the card says Nữ.
             Clash{"038095001234", "15031995", "Nữ", "giới tính theo chữ số thứ 4"},
             // Digit 4 = 3 (female, 2000s), the card says Nam.
             Clash{"038305001234", "15032005", "Nam", "giới tính theo chữ số thứ 4"},
         }) {
        Card card;
        card.id = c.id;
        card.birth = c.birth;
        card.gender = c.gender;
        CAPTURE(c.id);
        const CccdParse r = refused(card, CccdError::Inconsistent);
        CHECK(contains(r.message, c.expected));
        CHECK(contains(r.message, "không hợp lệ hoặc mâu thuẫn"));
    }
}

TEST_CASE("every problem of a bad card is listed in one message")
{
    Card card;
    card.id = "038095001234";   // male, 1995
    card.gender = "Nữ";
    card.issue = "31042021";
    const CccdParse r = refused(card, CccdError::Inconsistent);
    CHECK(contains(r.message, "giới tính theo chữ số thứ 4"));
    CHECK(contains(r.message, "ngày cấp không phải một ngày có thật"));
}

TEST_CASE("toJson escapes and never throws on a hand-built record")
{
    CitizenId c;
    c.id = "001190000001";
    c.fullName = "Lê \"Bé\" Ba";
    c.address = std::string("Số 1\\2, Hà Nội ") + "\xFF";
    c.gender = "male";
    c.birthYear = 1990, c.birthMonth = 1, c.birthDay = 2;
    c.issueYear = 2021, c.issueMonth = 12, c.issueDay = 31;
    const auto j = nlohmann::json::parse(toJson(c));
    CHECK(j["full_name"] == "Lê \"Bé\" Ba");
    CHECK(j["birth_date"] == "1990-01-02");
    CHECK(j["issue_date"] == "2021-12-31");
    CHECK(toJson(c).find('\n') == std::string::npos);
}
