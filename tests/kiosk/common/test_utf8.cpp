// The one definition of valid UTF-8 (RFC 3629), and the sites that used to disagree with it.
#include "kiosk/common/utf8.hpp"
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("utf8: Vietnamese with diacritics decodes, counts and encodes back")
{
    const std::string name = "Nguyễn Thị Thuỷ";
    CHECK(utf8::isValid(name));
    const std::u32string cps = utf8::decode(name);
    CHECK(cps == U"Nguyễn Thị Thuỷ");
    CHECK(utf8::length(name) == 15);
    CHECK(utf8::encode(cps) == name);
    size_t i = 0;
    CHECK(utf8::decodeOne("ễ", i) == char32_t(0x1EC5));
    CHECK(i == 3);
    i = 0;
    CHECK(utf8::decodeOne("\xF0\x9F\x98\x80", i) == char32_t(0x1F600));   // 4 bytes
    CHECK(i == 4);
}

TEST_CASE("utf8: overlong forms are not valid")
{
    for (std::string_view bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF"}) {
        CAPTURE(bad);
        CHECK_FALSE(utf8::isValid(bad));
        CHECK(utf8::firstInvalid(bad) == 0);
    }
    CHECK(utf8::decode("a\xC0\xAF") == U"a\uFFFD\uFFFD");
}

TEST_CASE("utf8: surrogates are not valid, decoded or encoded")
{
    CHECK_FALSE(utf8::isValid("\xED\xA0\x80"));   // U+D800
    CHECK_FALSE(utf8::isValid("\xED\xBF\xBF"));   // U+DFFF
    CHECK(utf8::isValid("\xED\x9F\xBF"));         // U+D7FF, the last before them
    CHECK(utf8::decode("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");
    std::string out;
    utf8::append(out, char32_t(0xD800));
    CHECK(out == utf8::kReplacementText);
}

TEST_CASE("utf8: nothing past U+10FFFF")
{
    CHECK(utf8::isValid("\xF4\x8F\xBF\xBF"));   // U+10FFFF
    CHECK_FALSE(utf8::isValid("\xF4\x90\x80\x80"));
    CHECK_FALSE(utf8::isValid("\xF5\x80\x80\x80"));
    CHECK_FALSE(utf8::isValid("\xFF"));
    std::string out;
    utf8::append(out, char32_t(0x110000));
    CHECK(out == utf8::kReplacementText);
}

TEST_CASE("utf8: a cut sequence or a stray continuation byte is not valid")
{
    CHECK_FALSE(utf8::isValid("Nguy\xE1\xBB"));   // "ễ" cut after two of its three bytes
    CHECK(utf8::firstInvalid("Nguy\xE1\xBB") == 4);
    CHECK_FALSE(utf8::isValid("\x80"));
    CHECK_FALSE(utf8::isValid("\xC3"));
    CHECK_FALSE(utf8::isValid("\xE1\xBB" "a"));
    size_t i = 4;
    CHECK_FALSE(utf8::decodeOne("Nguy\xE1\xBB", i));
    CHECK(i == 4);   // unchanged
    CHECK(utf8::decode("x\xE1\xBB", U'?') == U"x??");
    CHECK(utf8::isValid(""));
}

TEST_CASE("utf8: typed text follows the one definition (surrogates were once decoded as letters)")
{
    Composer c(InputMethod::Plain);
    c.type("a\xED\xA0\x80");
    CHECK(c.text() == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}
