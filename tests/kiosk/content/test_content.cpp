// Lessons as data: the shipped curriculum loads clean; a broken file is named and left out alone.
#include "kiosk/content/content.hpp"
#include "kiosk/content/runtime.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <set>

using namespace kiosk;

namespace {
std::filesystem::path copyAssets(const test::TempDir& dir)
{
    std::filesystem::path dst = dir / "assets";
    std::filesystem::copy(test::assetsDir(), dst, std::filesystem::copy_options::recursive);
    return dst;
}
bool mentions(const std::vector<Problem>& ps, const std::string& file, const std::string& words)
{
    for (const Problem& p : ps)
        if (p.file == file && p.message.find(words) != std::string::npos) return true;
    return false;
}
} // namespace

TEST_CASE("the shipped lessons load without a problem, each in Vietnamese and English")
{
    kiosk::RuntimeOptions o;
    o.assetsDir = test::assetsDir();
    o.province = "";
    Runtime rt = Runtime::load(o);
    for (const Problem& p : rt.problems) INFO(p.str());
    CHECK(rt.problems.empty());
    CHECK(rt.catalogue.lessons.size() >= 14);
    std::set<std::string> topics;
    for (const Lesson& l : rt.catalogue.lessons) {
        INFO(l.file);
        topics.insert(l.topic);
        CHECK(l.file == "lessons/" + l.id + ".toml");
        CHECK_FALSE(l.title.vi.empty());
        CHECK_FALSE(l.title.en.empty());
        CHECK(l.steps.size() >= 5);
        CHECK(l.steps.size() <= 12);
        for (const Step& s : l.steps) {
            CHECK_FALSE(s.text.vi.empty());
            CHECK_FALSE(s.text.en.empty());
        }
    }
    CHECK(topics.size() >= 8);
    REQUIRE(rt.catalogue.find("vneid-kich-hoat-muc-2"));
    CHECK(rt.catalogue.find("vneid-kich-hoat-muc-2")->title.vi == "Kích hoạt tài khoản định danh điện tử VNeID mức 2");
}

TEST_CASE("the province profile picks the province's own app lesson")
{
    Runtime th = test::loadRuntime("thanh-hoa");
    Runtime hp = test::loadRuntime("hai-phong");
    CHECK(th.catalogue.find("app-thanhhoa-phan-anh-hien-truong"));
    CHECK_FALSE(th.catalogue.find("smart-haiphong"));
    CHECK(hp.catalogue.find("smart-haiphong"));
    CHECK_FALSE(hp.catalogue.find("app-thanhhoa-phan-anh-hien-truong"));
}

TEST_CASE("a broken lesson file is left out and named with its line, every other lesson still shows")
{
    test::TempDir dir;
    auto assets = copyAssets(dir);
    Runtime good = test::loadRuntime("");
    const size_t all = good.catalogue.lessons.size();

    SUBCASE("not TOML at all")
    {
        test::writeFile(assets / "lessons/vneid-kich-hoat-muc-2.toml", "id = \"x\"\ntitle = \"thiếu dấu ngoặc\n");
        RuntimeOptions o{assets, std::nullopt, std::string()};
        Runtime rt = Runtime::load(o);
        CHECK(rt.catalogue.lessons.size() == all - 1);
        CHECK_FALSE(rt.catalogue.find("vneid-kich-hoat-muc-2"));
        REQUIRE(rt.skippedLessons.size() == 1);
        CHECK(rt.skippedLessons[0] == "lessons/vneid-kich-hoat-muc-2.toml");
        REQUIRE_FALSE(rt.problems.empty());
        CHECK(rt.problems[0].file == "lessons/vneid-kich-hoat-muc-2.toml");
        CHECK(rt.problems[0].line == 2);
    }
    SUBCASE("a quiz answer out of range, an unknown topic, a missing translation")
    {
        std::string text = test::readFile(assets / "lessons/zalo-nhom-thon.toml");
        auto pos = text.find("\nanswer = ");
        REQUIRE(pos != std::string::npos);
        text.replace(pos, text.find('\n', pos + 1) - pos, "\nanswer = 7");
        pos = text.find("topic = \"");
        text.replace(pos, text.find('\n', pos) - pos, "topic = \"khong-co\"");
        pos = text.find("\ntitle_en = ");
        text.erase(pos, text.find('\n', pos + 1) - pos);
        test::writeFile(assets / "lessons/zalo-nhom-thon.toml", text);
        RuntimeOptions o{assets, std::nullopt, std::string()};
        Runtime rt = Runtime::load(o);
        CHECK(rt.catalogue.lessons.size() == all - 1);
        CHECK(mentions(rt.problems, "lessons/zalo-nhom-thon.toml", "answer"));
        CHECK(mentions(rt.problems, "lessons/zalo-nhom-thon.toml", "khong-co"));
        CHECK(mentions(rt.problems, "lessons/zalo-nhom-thon.toml", "title_en"));
        for (const Problem& p : rt.problems) CHECK(p.line > 0);
    }
    SUBCASE("a missing picture and a tap beyond the items")
    {
        std::string text = test::readFile(assets / "lessons/thanh-toan-vietqr.toml");
        auto pos = text.find("[steps.screen]");
        REQUIRE(pos != std::string::npos);
        text.insert(text.find('\n', pos) + 1, "image = \"images/khong-co.png\"\n");
        pos = text.find("tap = ");
        REQUIRE(pos != std::string::npos);
        text.replace(pos, text.find('\n', pos) - pos, "tap = 40");
        test::writeFile(assets / "lessons/thanh-toan-vietqr.toml", text);
        RuntimeOptions o{assets, std::nullopt, std::string()};
        Runtime rt = Runtime::load(o);
        CHECK_FALSE(rt.catalogue.find("thanh-toan-vietqr"));
        CHECK(mentions(rt.problems, "lessons/thanh-toan-vietqr.toml", "images/khong-co.png"));
        CHECK(mentions(rt.problems, "lessons/thanh-toan-vietqr.toml", "tap"));
    }
}
