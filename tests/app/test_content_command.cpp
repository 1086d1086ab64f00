// `kiosk content check` through the real binary: provenance and quiz-length warnings are printed
// with file and line and never fail the check; `content list --json` carries each lesson's provenance.
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <cstdlib>
#include <vector>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out;
};

// Standard output, and standard error too when `withErrors`.
Run runKiosk(const test::TempDir& dir, const std::string& args, bool withErrors = true)
{
    const auto out = dir / "stdout.txt";
    const std::string cmd = "\"" KIOSK_BIN "\" " + args + " > \"" + out.string() + (withErrors ? "\" 2>&1" : "\" 2>/dev/null");
    const int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, test::readFile(out)};
}

} // namespace

TEST_CASE("kiosk content check warns about a lesson checked long ago and a give-away quiz, and still passes")
{
    test::TempDir dir;
    const auto assets = dir / "assets";
    std::filesystem::copy(test::assetsDir(), assets, std::filesystem::copy_options::recursive);
    // A shipped lesson, last checked in 2000 (always more than six months ago), its right answers made the longest.
    const auto file = assets / "lessons/zalo-nhom-thon.toml";
    std::string text = test::readFile(file);
    const auto at = text.find("checked_on = ");
    REQUIRE(at != std::string::npos);
    text.replace(at, text.find('\n', at) - at, "checked_on = \"2000-01-31\"");
    // Every wrong choice becomes "Không": the right one is then strictly the longest everywhere.
    for (size_t q = text.find("\nanswer = "); q != std::string::npos; q = text.find("\nanswer = ", q + 1)) {
        const int answer = text[q + 10] - '0';
        const size_t open = text.rfind("\nchoices = [", q) + 12, close = text.find("]\n", open);
        std::vector<std::string> choices;
        for (size_t at = open; at < close;) {
            const size_t from = text.find('"', at) + 1, to = text.find('"', from);
            choices.push_back(text.substr(from, to - from));
            at = to + 1;
        }
        REQUIRE(answer >= 1);
        REQUIRE(answer <= static_cast<int>(choices.size()));
        std::string list;
        for (size_t i = 0; i < choices.size(); ++i)
            list += (i ? ", \"" : "\"") + (static_cast<int>(i) + 1 == answer ? choices[i] : std::string("Không")) + "\"";
        text.replace(open, close - open, list);
        q = text.find("\nanswer = ", open) ;
    }
    test::writeFile(file, text);

    Run r = runKiosk(dir, "content check \"" + assets.string() + "\"");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("cảnh báo: lessons/zalo-nhom-thon.toml:") != std::string::npos);
    CHECK(r.out.find("2000-01-31") != std::string::npos);
    CHECK(r.out.find("câu trả lời đúng là lựa chọn dài nhất") != std::string::npos);
    CHECK(r.out.find("Nội dung hợp lệ") != std::string::npos);
    CHECK(r.out.find("cảnh báo.") != std::string::npos);

    Run list = runKiosk(dir, "content list --json --assets \"" + assets.string() + "\"", false);
    REQUIRE(list.status == 0);
    const auto json = nlohmann::json::parse(list.out);
    bool found = false;
    for (const auto& l : json["lessons"]) {
        if (l["id"] != "zalo-nhom-thon") continue;
        found = true;
        CHECK(l["checked_on"] == "2000-01-31");
        CHECK(l["due_for_check"] == true);
        CHECK_FALSE(l["sources"].empty());
        CHECK_FALSE(l["checked_against"].get<std::string>().empty());
    }
    CHECK(found);
}
