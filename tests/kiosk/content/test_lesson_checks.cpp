// Provenance and quiz checks: real lesson files in a copy of the assets, loaded as the kiosk loads
// them; a stale, missing or unreadable check date and a quiz whose right answers are the longest
// are warnings that never keep a lesson off the screen.
#include "kiosk/content/lesson_checks.hpp"
#include "kiosk/content/runtime.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

namespace {

const CalendarDate kToday{2026, 12, 4};

// A lesson that loads: one step, the given provenance lines and quiz blocks.
std::string lessonText(const std::string& id, const std::string& provenance, const std::string& quiz)
{
    return "id = \"" + id + "\"\ntopic = \"vneid\"\norder = 90\ntitle = \"Bài thử\"\ntitle_en = \"Test\"\n"
           "summary = \"Tóm tắt\"\nsummary_en = \"Summary\"\nhandoff = \"vneid\"\n" + provenance +
           "\n[[steps]]\ntitle = \"Bước\"\ntitle_en = \"Step\"\ntext = \"Bác chạm “Đăng nhập”.\"\ntext_en = \"Tap “Đăng nhập”.\"\n" + quiz;
}

std::string question(std::vector<std::string> choices, int answer)
{
    std::string list;
    for (const std::string& c : choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
    return "\n[[quiz]]\nquestion = \"Bác làm gì?\"\nquestion_en = \"What do you do?\"\nchoices = [" + list + "]\nchoices_en = [" + list +
           "]\nanswer = " + std::to_string(answer) + "\nexplain = \"Vì vậy.\"\nexplain_en = \"Because.\"\n";
}

const std::string kFullProvenance = "checked_against = \"VNeID 2.1\"\nsources = [\"https://vneid.gov.vn\"]\n";

// Copies the shipped assets, adds the lesson files and loads them all.
Runtime loadWith(const test::TempDir& dir, const std::vector<std::pair<std::string, std::string>>& lessons)
{
    std::filesystem::copy(test::assetsDir(), dir / "assets", std::filesystem::copy_options::recursive);
    for (const auto& [id, text] : lessons) test::writeFile(dir / "assets/lessons" / (id + ".toml"), text);
    return Runtime::load(RuntimeOptions{dir / "assets", std::nullopt, std::string()});
}

bool says(const std::vector<Problem>& ps, const std::string& words)
{
    for (const Problem& p : ps)
        if (p.message.find(words) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("calendar dates: only real days are read, six months back ends on the month's last day")
{
    CHECK(parseCalendarDate("2026-12-04") == CalendarDate{2026, 12, 4});
    CHECK(parseCalendarDate("2024-02-29"));
    CHECK_FALSE(parseCalendarDate("2026-02-29"));
    CHECK_FALSE(parseCalendarDate("2026-13-01"));
    CHECK_FALSE(parseCalendarDate("4/12/2026"));
    CHECK_FALSE(parseCalendarDate("2026-12-4"));
    CHECK(monthsBefore({2026, 12, 4}, 6) == CalendarDate{2026, 6, 4});
    CHECK(monthsBefore({2026, 8, 31}, 6) == CalendarDate{2026, 2, 28});
    CHECK(monthsBefore({2026, 3, 15}, 6) == CalendarDate{2025, 9, 15});
    CHECK(calendarDateText({2026, 6, 4}) == "2026-06-04");
}

TEST_CASE("a lesson last checked more than six months ago, or never, is warned about and still loads")
{
    test::TempDir dir;
    Runtime rt = loadWith(dir, {
        {"thu-vua-kiem", lessonText("thu-vua-kiem", "checked_on = \"2026-06-04\"\n" + kFullProvenance, "")},   // exactly six months: fresh
        {"thu-qua-han", lessonText("thu-qua-han", "checked_on = \"2026-06-03\"\n" + kFullProvenance, "")},     // one day more: due
        {"thu-ngay-toml", lessonText("thu-ngay-toml", "checked_on = 2026-11-20\n" + kFullProvenance, "")},     // a TOML date works too
        {"thu-thieu-ngay", lessonText("thu-thieu-ngay", kFullProvenance, "")},
        {"thu-ngay-sai", lessonText("thu-ngay-sai", "checked_on = \"tháng trước\"\n" + kFullProvenance, "")},
        {"thu-tuong-lai", lessonText("thu-tuong-lai", "checked_on = \"2062-12-04\"\n" + kFullProvenance, "")},
        {"thu-thieu-nguon", lessonText("thu-thieu-nguon", "checked_on = \"2026-12-01\"\n", "")},
    });
    for (const Problem& p : rt.problems) INFO(p.str());
    CHECK(rt.problems.empty());   // provenance never makes a lesson unusable
    auto warningsFor = [&](const std::string& id) {
        const Lesson* l = rt.catalogue.find(id);
        REQUIRE(l);
        return lessonWarnings(*l, kToday);
    };

    CHECK(warningsFor("thu-vua-kiem").empty());
    CHECK_FALSE(dueForCheck(*rt.catalogue.find("thu-vua-kiem"), kToday));
    CHECK(warningsFor("thu-ngay-toml").empty());
    CHECK(rt.catalogue.find("thu-ngay-toml")->provenance.checkedOnText == "2026-11-20");

    auto due = warningsFor("thu-qua-han");
    REQUIRE(due.size() == 1);
    CHECK(due[0].file == "lessons/thu-qua-han.toml");
    CHECK(due[0].line == 9);   // the checked_on line
    CHECK(due[0].message.find("2026-06-03") != std::string::npos);
    CHECK(due[0].message.find("6 tháng") != std::string::npos);
    CHECK(dueForCheck(*rt.catalogue.find("thu-qua-han"), kToday));

    auto missing = warningsFor("thu-thieu-ngay");
    REQUIRE(missing.size() == 1);
    CHECK(says(missing, "thiếu checked_on"));
    CHECK(dueForCheck(*rt.catalogue.find("thu-thieu-ngay"), kToday));

    auto unreadable = warningsFor("thu-ngay-sai");
    CHECK(says(unreadable, "YYYY-MM-DD"));
    CHECK(dueForCheck(*rt.catalogue.find("thu-ngay-sai"), kToday));

    CHECK(says(warningsFor("thu-tuong-lai"), "tương lai"));

    auto noSources = warningsFor("thu-thieu-nguon");
    CHECK(says(noSources, "thiếu sources"));
    CHECK(says(noSources, "thiếu checked_against"));
    CHECK_FALSE(says(noSources, "checked_on"));

    // The whole catalogue's warnings name each of these files, in order, and no other problem.
    auto all = contentWarnings(rt.catalogue, kToday);
    CHECK(says(all, "2026-06-03"));
}

TEST_CASE("a quiz whose right answer is strictly the longest in more than half of at least two questions is warned about")
{
    const std::string longest = question({"Không", "Tắt máy, gọi lại người thân", "Có"}, 2);
    const std::string notLongest = question({"Chuyển tiền ngay cho họ", "Tắt máy, gọi người thân", "Đọc mã OTP cho họ"}, 2);
    const std::string tie = question({"Tắt máy ngay", "Gọi lại ngay", "Chờ"}, 1);   // equal length: not strictly longest
    test::TempDir dir;
    Runtime rt = loadWith(dir, {
        {"thu-lech-2-3", lessonText("thu-lech-2-3", "checked_on = \"2026-12-01\"\n" + kFullProvenance, longest + longest + notLongest)},
        {"thu-nua-2-4", lessonText("thu-nua-2-4", "checked_on = \"2026-12-01\"\n" + kFullProvenance, longest + longest + notLongest + tie)},
        {"thu-mot-cau", lessonText("thu-mot-cau", "checked_on = \"2026-12-01\"\n" + kFullProvenance, longest)},
    });
    for (const Problem& p : rt.problems) INFO(p.str());
    REQUIRE(rt.problems.empty());

    const Lesson& biased = *rt.catalogue.find("thu-lech-2-3");
    CHECK(answerLengths(biased).questions == 3);
    CHECK(answerLengths(biased).rightLongest == 2);
    CHECK(answerLengths(biased).biased());
    auto w = lessonWarnings(biased, kToday);
    REQUIRE(w.size() == 1);
    CHECK(w[0].line == biased.quiz.front().line);
    CHECK(w[0].message.find("2 trên 3") != std::string::npos);

    const Lesson& half = *rt.catalogue.find("thu-nua-2-4");   // exactly half is not "more than half"
    CHECK(answerLengths(half).rightLongest == 2);
    CHECK_FALSE(answerLengths(half).biased());
    CHECK(lessonWarnings(half, kToday).empty());

    const Lesson& one = *rt.catalogue.find("thu-mot-cau");     // one question says nothing systematic
    CHECK(answerLengths(one).rightLongest == 1);
    CHECK_FALSE(answerLengths(one).biased());
    CHECK(lessonWarnings(one, kToday).empty());
}

TEST_CASE("every shipped lesson says when and against what it was checked, and no quiz gives its answers away by length")
{
    Runtime rt = test::loadRuntime("");
    REQUIRE_FALSE(rt.catalogue.lessons.empty());
    for (const Lesson& l : rt.catalogue.lessons) {
        INFO(l.file);
        const Provenance& p = l.provenance;
        CHECK(p.unreadable.empty());
        REQUIRE(p.checkedOn);
        CHECK_FALSE(p.checkedAgainst.empty());
        CHECK_FALSE(p.sources.empty());
        for (const std::string& s : p.sources) CHECK((s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0));
        // Due or not depends on today; the check date itself is never in the future of the clock.
        CHECK_FALSE(todayInVietnam() < *p.checkedOn);
        const AnswerLengths a = answerLengths(l);
        CAPTURE(a.rightLongest);
        CAPTURE(a.questions);
        CHECK_FALSE(a.biased());
    }
}

TEST_CASE("the shipped lessons give no warning on the day they were last checked, and smartphone basics come first")
{
    Runtime rt = test::loadRuntime("");
    CalendarDate latest;
    for (const Lesson& l : rt.catalogue.lessons)
        if (l.provenance.checkedOn && latest < *l.provenance.checkedOn) latest = *l.provenance.checkedOn;
    auto warnings = contentWarnings(rt.catalogue, latest);
    for (const Problem& p : warnings) INFO(p.str());
    CHECK(warnings.empty());

    REQUIRE_FALSE(rt.catalogue.topics.empty());
    CHECK(rt.catalogue.topics.front().id == "dienthoai");
    CHECK(rt.catalogue.lessonsIn("dienthoai").size() >= 3);
    CHECK(rt.catalogue.lessons.front().topic == "dienthoai");
}
