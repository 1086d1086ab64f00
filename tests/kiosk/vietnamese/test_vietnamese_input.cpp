// Telex and VNI composition: tables of keys → text, tone placement in both styles, undo by a doubled
// key, capitals, words left as typed, and the incremental Composer the on-screen keyboard uses.
#include "kiosk/common/toml_util.hpp"
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include <doctest/doctest.h>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace kiosk;

namespace {

struct Case {
    std::string keys;
    std::string text;
};

void checkTelex(const std::vector<Case>& cases, ToneStyle style = ToneStyle::Old)
{
    for (const Case& c : cases) {
        INFO("telex keys: " << c.keys);
        const std::string out = composeTelex(c.keys, style);
        CHECK(out == c.text);
        CHECK_FALSE(hasCombiningMarks(out));   // NFC: precomposed letters only
    }
}

void checkVni(const std::vector<Case>& cases, ToneStyle style = ToneStyle::Old)
{
    for (const Case& c : cases) {
        INFO("vni keys: " << c.keys);
        const std::string out = composeVni(c.keys, style);
        CHECK(out == c.text);
        CHECK_FALSE(hasCombiningMarks(out));
    }
}

// The twelve vowels, each written out with no tone, sắc, huyền, hỏi, ngã, nặng (by hand, from the
// Vietnamese alphabet), with the keys that type the bare vowel in Telex and in VNI.
struct VowelLine {
    const char* telex;
    const char* vni;
    std::vector<const char*> toned;
};
const std::vector<VowelLine> kVowelLines = {
    {"a", "a", {"a", "á", "à", "ả", "ã", "ạ"}},
    {"aw", "a8", {"ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"}},
    {"aa", "a6", {"â", "ấ", "ầ", "ẩ", "ẫ", "ậ"}},
    {"e", "e", {"e", "é", "è", "ẻ", "ẽ", "ẹ"}},
    {"ee", "e6", {"ê", "ế", "ề", "ể", "ễ", "ệ"}},
    {"i", "i", {"i", "í", "ì", "ỉ", "ĩ", "ị"}},
    {"o", "o", {"o", "ó", "ò", "ỏ", "õ", "ọ"}},
    {"oo", "o6", {"ô", "ố", "ồ", "ổ", "ỗ", "ộ"}},
    {"ow", "o7", {"ơ", "ớ", "ờ", "ở", "ỡ", "ợ"}},
    {"u", "u", {"u", "ú", "ù", "ủ", "ũ", "ụ"}},
    {"uw", "u7", {"ư", "ứ", "ừ", "ử", "ữ", "ự"}},
    {"y", "y", {"y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"}},
};
const char* kTelexTones = "sfrxj";

} // namespace

TEST_CASE("every vowel takes every tone, in Telex and in VNI, alone and inside a word")
{
    for (const VowelLine& v : kVowelLines) {
        for (int t = 0; t < 6; ++t) {
            const std::string telex = std::string(v.telex) + (t ? std::string(1, kTelexTones[t - 1]) : "");
            const std::string vni = std::string(v.vni) + (t ? std::to_string(t) : "");
            INFO(telex << " / " << vni);
            CHECK(composeTelex(telex) == v.toned[size_t(t)]);
            CHECK(composeVni(vni) == v.toned[size_t(t)]);
            // After an initial consonant and before a final one the tone still lands on the vowel.
            CHECK(composeTelex("t" + std::string(v.telex) + "n" + (t ? std::string(1, kTelexTones[t - 1]) : "")) ==
                  "t" + std::string(v.toned[size_t(t)]) + "n");
            CHECK(composeVni("t" + std::string(v.vni) + "n" + (t ? std::to_string(t) : "")) == "t" + std::string(v.toned[size_t(t)]) + "n");
        }
    }
}

TEST_CASE("capitals keep their case, the tone and the marks too")
{
    const std::vector<std::pair<const char*, const char*>> upper = {
        {"AW", "Ă"}, {"AA", "Â"}, {"EE", "Ê"}, {"OO", "Ô"}, {"OW", "Ơ"}, {"UW", "Ư"}, {"W", "Ư"}, {"DD", "Đ"},
        {"AS", "Á"}, {"OWF", "Ờ"}, {"UWJ", "Ự"}, {"YX", "Ỹ"}, {"EER", "Ể"},
    };
    for (const auto& [keys, text] : upper) {
        INFO(keys);
        CHECK(composeTelex(keys) == text);
    }
    checkTelex({
        {"Nguyeenx", "Nguyễn"},
        {"DDaij", "Đại"},
        {"Ddaij", "Đại"},
        {"VIEETJ NAM", "VIỆT NAM"},
        {"DDUWOWNGF", "ĐƯỜNG"},
        {"Thuowngf", "Thường"},
        {"Quangr Ngocj", "Quảng Ngọc"},
    });
    checkVni({{"Nguye6n4", "Nguyễn"}, {"D9a5i", "Đại"}, {"VIE65T", "VIỆT"}, {"D9U7O7NG2", "ĐƯỜNG"}});
}

TEST_CASE("tone placement: old style by default, new style for oa, oe, uy without a final consonant")
{
    // keys, old style, new style
    const std::vector<std::tuple<const char*, const char*, const char*>> cases = {
        {"hoas", "hóa", "hoá"},        {"hoaf", "hòa", "hoà"},         {"khoer", "khỏe", "khoẻ"},
        {"thuys", "thúy", "thuý"},     {"tuyf", "tùy", "tuỳ"},         {"hoaj", "họa", "hoạ"},
        {"hoanf", "hoàn", "hoàn"},     {"toans", "toán", "toán"},      {"khuyeens", "khuyến", "khuyến"},
        {"huyeenf", "huyền", "huyền"}, {"thuowngf", "thường", "thường"}, {"nguwowif", "người", "người"},
        {"truowngf", "trường", "trường"}, {"thuowr", "thuở", "thuở"},  {"ngoaif", "ngoài", "ngoài"},
        {"xoays", "xoáy", "xoáy"},     {"khuyur", "khuỷu", "khuỷu"},  {"muaf", "mùa", "mùa"},
        {"mias", "mía", "mía"},        {"caos", "cáo", "cáo"},         {"maays", "mấy", "mấy"},
        {"hoawcj", "hoặc", "hoặc"},    {"tuaanf", "tuần", "tuần"},     {"cuoocj", "cuộc", "cuộc"},
        {"ruowuj", "rượu", "rượu"},    {"guiwr", "gửi", "gửi"},        {"huwux", "hữu", "hữu"},
        {"yeeus", "yếu", "yếu"},       {"khoef", "khòe", "khoè"},      {"quys", "quý", "quý"},
    };
    for (const auto& [keys, oldStyle, newStyle] : cases) {
        INFO(keys);
        CHECK(composeTelex(keys) == oldStyle);
        CHECK(composeTelex(keys, ToneStyle::Old) == oldStyle);
        CHECK(composeTelex(keys, ToneStyle::New) == newStyle);
    }
    checkVni({{"hoa1", "hóa"}, {"tho2a", "thòa"}, {"khoe3", "khỏe"}, {"thuy1", "thúy"}}, ToneStyle::Old);
    checkVni({{"hoa1", "hoá"}, {"tho2a", "thoà"}, {"khoe3", "khoẻ"}, {"thuy1", "thuý"}}, ToneStyle::New);
}

TEST_CASE("the tone key may come anywhere in the word: it moves to the right vowel as letters arrive")
{
    checkTelex({
        {"hosa", "hóa"},
        {"hoasn", "hoán"},      // the final consonant moves it to the second vowel
        {"nguyeexn", "nguyễn"},
        {"nguyexen", "nguyễn"},
        {"tieens", "tiến"},
        {"tiene", "tiên"},      // the doubled vowel can follow the final consonant
        {"truowfng", "trường"},
    });
    checkVni({{"nguye4n6", "nguyễn"}, {"truong72", "trường"}, {"vie6t5", "việt"}, {"vie5t6", "việt"}});
}

TEST_CASE("uơ and ươ, qu and gi")
{
    checkTelex({
        {"thuowr", "thuở"}, {"huow", "huơ"},     {"thuowng", "thương"}, {"nguwowif", "người"}, {"truwowngf", "trường"},
        {"truwongf", "trường"},   // "ưo" before more letters is always "ươ"
        {"muwa", "mưa"},    {"muaw", "mưa"},     {"uw", "ư"},           {"w", "ư"},            {"tw", "tư"},
        {"nhw", "như"},     {"dduwowcj", "được"}, {"ruouwj", "rượu"},
        {"quas", "quá"},    {"quys", "quý"},     {"quyeenf", "quyền"},  {"quoocs", "quốc"},    {"quawng", "quăng"},
        {"quow", "quơ"},    {"gif", "gì"},       {"ginf", "gìn"},       {"giaf", "già"},       {"giuwx", "giữ"},
        {"gioongs", "giống"}, {"giuwowngf", "giường"}, {"gieengs", "giếng"},
    });
    checkVni({{"thuo73", "thuở"}, {"thu7o7ng2", "thường"}, {"truong72", "trường"}, {"mu7a", "mưa"}, {"qua1", "quá"}, {"gi2", "gì"},
              {"gia2", "già"}, {"d9u7o7c5", "được"}});
}

TEST_CASE("đ from dd and d9")
{
    checkTelex({{"dd", "đ"}, {"ddi", "đi"}, {"ddaauf", "đầu"}, {"ddoongf", "đồng"}, {"ddieenj", "điện"}});
    checkVni({{"d9", "đ"}, {"d9i", "đi"}, {"da6u29", "đầu"}, {"d9o6ng2", "đồng"}});
}

TEST_CASE("a doubled key undoes what the first did and types the letter")
{
    checkTelex({
        {"aaa", "aa"},   {"eee", "ee"},   {"ooo", "oo"},   {"aww", "aw"},   {"oww", "ow"}, {"uww", "uw"},
        {"ww", "w"},     {"ddd", "dd"},   {"ass", "as"},   {"aff", "af"},   {"arr", "ar"}, {"axx", "ax"},
        {"ajj", "aj"},   {"hoaff", "hoaf"}, {"tieeen", "tieen"}, {"muaww", "muaw"},
        {"asss", "ass"},  // after an undo the word stays as typed
    });
    checkVni({{"a11", "a1"}, {"a66", "a6"}, {"a88", "a8"}, {"o77", "o7"}, {"d99", "d9"}, {"hoa22", "hoa2"}});
}

TEST_CASE("z and 0 take the tone off")
{
    checkTelex({{"asz", "a"}, {"hoafz", "hoa"}, {"nguyeenxz", "nguyên"}, {"az", "az"}, {"Zalo", "Zalo"}});
    checkVni({{"a10", "a"}, {"hoa20", "hoa"}, {"nguye6n40", "nguyên"}, {"a0", "a0"}});
}

TEST_CASE("a tone changes when another tone key follows")
{
    checkTelex({{"asf", "à"}, {"hoasj", "họa"}, {"tieensx", "tiễn"}});
    checkVni({{"a12", "à"}, {"vie6t15", "việt"}});
}

TEST_CASE("words that are not Vietnamese are left as typed")
{
    checkTelex({
        {"email", "email"},   {"Zalo", "Zalo"},         {"VNeID", "VNeID"},     {"Facebook", "Facebook"},
        {"Google", "Google"}, {"Internet", "Internet"}, {"https", "https"},     {"gmail.com", "gmail.com"},
        {"zalo.me", "zalo.me"}, {"Wifi", "Wifi"},       {"iPhone", "iPhone"},   {"OTP", "OTP"},
        {"0912345678", "0912345678"}, {"038123456789", "038123456789"},   // digits in Telex
        {"CCCD 2024", "CCCD 2024"},
        {"mawtf", "mawtf"},   // c, ch, p, t endings take only sắc or nặng
    });
    checkVni({{"email", "email"}, {"Zalo", "Zalo"}, {"VNeID", "VNeID"}, {"2024", "2024"}, {"0912345678", "0912345678"}});
}

TEST_CASE("sentences: each word composes on its own, spaces and punctuation separate words")
{
    checkTelex({
        {"Tooi teen laf Nguyeenx Vaawn An", "Tôi tên là Nguyễn Văn An"},
        {"Xin chaof, tooi muoons hocj VNeID.", "Xin chào, tôi muốn học VNeID."},
        {"Binhf daan hocj vuj soos", "Bình dân học vụ số"},
        {"Thoon 3, xax Quangr Ngocj, tirnh Thanh Hoas", "Thôn 3, xã Quảng Ngọc, tỉnh Thanh Hóa"},
        {"Hari Phongf", "Hải Phòng"},
        {"ddax dduwowcj giuwx gifn", "đã được giữ gìn"},
        {"Cawn cuwowcs coong daan", "Căn cước công dân"},
    });
    CHECK(composeTelex("Thanh Hoas", ToneStyle::New) == "Thanh Hoá");
    checkVni({
        {"To6i te6n la2 Nguye64n Va8n An", "Tôi tên là Nguyễn Văn An"},
        {"Bi2nh da6n ho5c vu5 so61", "Bình dân học vụ số"},
        {"Tho6n 3, xa4 Qua3ng Ngo5c", "Thôn 3, xã Quảng Ngọc"},
    });
    // Vietnamese already typed (a pasted or scanned text) passes through untouched.
    CHECK(composeTelex("Đã học xong") == "Đã học xong");
}

TEST_CASE("the Composer shows each key as it lands and matches the whole-string functions")
{
    Composer c;
    const std::vector<std::pair<char, const char*>> steps = {
        {'N', "N"}, {'g', "Ng"}, {'u', "Ngu"}, {'y', "Nguy"}, {'e', "Nguye"}, {'e', "Nguyê"}, {'n', "Nguyên"}, {'x', "Nguyễn"},
    };
    for (const auto& [k, text] : steps) {
        c.key(char32_t(k));
        CHECK(c.text() == text);
    }
    CHECK(c.length() == 6);
    for (const char* keys : {"Tooi teen laf Nguyeenx Vaawn An", "thuowr", "hoaff", "email Zalo", "Quangr Ngocj"}) {
        Composer d;
        d.type(keys);
        CHECK(d.text() == composeTelex(keys));
    }
}

TEST_CASE("backspace removes the last letter the user sees")
{
    Composer c;
    c.type("Nguyeenx");
    REQUIRE(c.text() == "Nguyễn");
    c.backspace();
    CHECK(c.text() == "Nguyễ");    // the tone stays on its vowel
    c.backspace();
    CHECK(c.text() == "Nguy");     // ễ goes with its tone
    c.type("eenx");
    CHECK(c.text() == "Nguyễn");

    c.clear();
    CHECK(c.empty());
    CHECK(c.text().empty());
    c.type("truowngf");
    const std::vector<const char*> down = {"trườn", "trườ", "trư", "tr", "t", ""};
    for (const char* text : down) {
        c.backspace();
        CHECK(c.text() == text);
    }
    c.backspace();   // nothing left: nothing happens
    CHECK(c.text().empty());

    // The tone sat on the removed vowel (new style "hoá"), or on an earlier one (old style "hóa").
    Composer oldStyle(InputMethod::Telex, ToneStyle::Old), newStyle(InputMethod::Telex, ToneStyle::New);
    oldStyle.type("hoas");
    newStyle.type("hoas");
    oldStyle.backspace();
    newStyle.backspace();
    CHECK(oldStyle.text() == "hó");
    CHECK(newStyle.text() == "ho");

    // A word shown as typed loses its last key.
    c.type("Facebook");
    c.backspace();
    CHECK(c.text() == "Faceboo");

    // After an undo: the visible "as" loses its s; a tone key then works again.
    c.clear();
    c.type("ass");
    REQUIRE(c.text() == "as");
    c.backspace();
    CHECK(c.text() == "a");
    c.type("s");
    CHECK(c.text() == "á");
}

TEST_CASE("backspace always removes exactly one visible character, whatever was typed")
{
    // Random key sequences (a fixed seed: the same every run), with backspaces mixed in, in both
    // methods and styles; then backspace down to nothing, one character at a time.
    std::mt19937 rng(20260101);
    const std::string keys = "aeiouywdsfrxjzqgnhtcp AEOUWDSF.,-0123456789";
    for (int run = 0; run < 4000; ++run) {
        Composer c(run % 2 ? InputMethod::Vni : InputMethod::Telex, run % 3 ? ToneStyle::Old : ToneStyle::New);
        std::string typed;
        for (int i = 0, n = int(rng() % 18); i < n; ++i) {
            if (rng() % 6 == 0) {
                c.backspace();
                typed += "<";
            } else {
                const char k = keys[rng() % keys.size()];
                c.key(char32_t(k));
                typed += k;
            }
        }
        INFO("keys " << typed << " gave " << c.text());
        REQUIRE_FALSE(hasCombiningMarks(c.text()));
        for (size_t left = c.length(); left > 0; --left) {
            c.backspace();
            REQUIRE(c.length() == left - 1);
        }
        CHECK(c.text().empty());
    }
}

TEST_CASE("backspace over a space goes back into the word before, which takes a tone again")
{
    Composer c;
    c.type("Xin chao ");
    c.backspace();
    CHECK(c.text() == "Xin chao");
    c.key('f');
    CHECK(c.text() == "Xin chào");
    c.type(", ");
    c.backspace();
    c.backspace();
    CHECK(c.text() == "Xin chào");
}

TEST_CASE("the Composer's settings: tone style redraws, VNI and plain keys")
{
    Composer c;
    c.type("hoaf");
    CHECK(c.text() == "hòa");
    c.setToneStyle(ToneStyle::New);
    CHECK(c.toneStyle() == ToneStyle::New);
    CHECK(c.text() == "hoà");

    c.clear();
    c.setMethod(InputMethod::Vni);
    CHECK(c.method() == InputMethod::Vni);
    c.type("Vie65t Nam");
    CHECK(c.text() == "Việt Nam");

    // Plain: an ID number or a PIN, every key as typed.
    Composer digits(InputMethod::Plain);
    digits.type("038123456789");
    CHECK(digits.text() == "038123456789");
    digits.backspace();
    CHECK(digits.text() == "03812345678");
    CHECK(digits.length() == 11);
    Composer plainLetters(InputMethod::Plain);
    plainLetters.type("aas");
    CHECK(plainLetters.text() == "aas");
}

TEST_CASE("existing text can be corrected: its Vietnamese words can be edited again")
{
    Composer c;
    c.setText("Nguyễn Văn An, VNeID");
    CHECK(c.text() == "Nguyễn Văn An, VNeID");
    CHECK(c.length() == 20);
    for (int i = 0; i < 7; ++i) c.backspace();
    CHECK(c.text() == "Nguyễn Văn An");
    c.key('h');
    CHECK(c.text() == "Nguyễn Văn Anh");
    c.key('f');
    CHECK(c.text() == "Nguyễn Văn Ành");
    c.setText("hoà");   // new-style text in an old-style composer is kept exactly as it was written
    CHECK(c.text() == "hoà");
    c.backspace();
    CHECK(c.text() == "ho");
}

TEST_CASE("input method and tone style names")
{
    InputMethod m = InputMethod::Telex;
    CHECK(parseInputMethod("vni", m));
    CHECK(m == InputMethod::Vni);
    CHECK(parseInputMethod("telex", m));
    CHECK(m == InputMethod::Telex);
    CHECK_FALSE(parseInputMethod("VIQR", m));
    CHECK_FALSE(parseInputMethod("plain", m));
    ToneStyle s = ToneStyle::Old;
    CHECK(parseToneStyle("new", s));
    CHECK(s == ToneStyle::New);
    CHECK(parseToneStyle("old", s));
    CHECK(s == ToneStyle::Old);
    CHECK_FALSE(parseToneStyle("moi", s));
}
