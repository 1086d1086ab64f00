// Screen names for screenshots and --start-screen.
#include "kiosk/flow/screen_id.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>

using namespace kiosk;

TEST_CASE("the list names the fixed screens, every hand-off and every lesson step from 1")
{
    Runtime rt = test::loadRuntime();
    auto names = listScreenNames(rt.catalogue, rt.config);
    auto has = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
    for (const char* n : {"attract", "catalogue", "qr-binhdanhocvuso", "qr-vneid", "qr-dichvucong", "language", "thanks", "idle-prompt"})
        CHECK_MESSAGE(has(n), n);
    size_t steps = 0;
    for (const Lesson& l : rt.catalogue.lessons) {
        steps += l.steps.size() + l.quiz.size() + 1;   // steps, questions, the result page
        CHECK(has("quiz:" + l.id + ":1"));
        CHECK(has("lesson-done:" + l.id));
        CHECK(has("lesson:" + l.id + ":1"));
        CHECK(has("lesson:" + l.id + ":" + std::to_string(l.steps.size())));
        CHECK_FALSE(has("lesson:" + l.id + ":0"));
    }
    size_t topics = 0;   // each topic with lessons has its list: catalogue:<topic>
    for (const Topic& t : rt.catalogue.topics)
        if (!rt.catalogue.lessonsIn(t.id).empty()) {
            ++topics;
            CHECK(has("catalogue:" + t.id));
        }
    CHECK(topics >= 2);
    CHECK(names.size() == 6 + topics + rt.config.handoffs.size() + steps);
}

TEST_CASE("opening by name reaches the screen, a wrong name explains itself")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    std::string error;
    const Lesson& l = rt.catalogue.lessons.front();
    REQUIRE(openScreenByName(app, "lesson:" + l.id + ":3", rt.catalogue, rt.config, error));
    CHECK(app.state().screen == Screen::Lesson);
    CHECK(app.state().step == 2);
    REQUIRE(openScreenByName(app, "catalogue:" + l.topic, rt.catalogue, rt.config, error));
    CHECK(app.state().screen == Screen::Catalogue);
    CHECK(app.state().topic == l.topic);
    CHECK_FALSE(openScreenByName(app, "catalogue:khong-co", rt.catalogue, rt.config, error));
    CHECK(error.find("khong-co") != std::string::npos);
    REQUIRE(openScreenByName(app, "qr-vneid", rt.catalogue, rt.config, error));
    CHECK(app.state().screen == Screen::Handoff);
    REQUIRE(openScreenByName(app, "idle-prompt", rt.catalogue, rt.config, error));
    CHECK(app.state().idlePrompt);

    CHECK_FALSE(openScreenByName(app, "lesson:" + l.id + ":0", rt.catalogue, rt.config, error));
    CHECK(error.find("1 đến") != std::string::npos);
    CHECK_FALSE(openScreenByName(app, "lesson:khong-co:1", rt.catalogue, rt.config, error));
    CHECK_FALSE(openScreenByName(app, "qr-khong-co", rt.catalogue, rt.config, error));
    REQUIRE(openScreenByName(app, "quiz:" + l.id + ":2", rt.catalogue, rt.config, error));
    CHECK(app.state().screen == Screen::Quiz);
    CHECK(app.state().question == 1);
    CHECK_FALSE(openScreenByName(app, "quiz:" + l.id + ":99", rt.catalogue, rt.config, error));
    CHECK(error.find("câu hỏi từ 1") != std::string::npos);
    REQUIRE(openScreenByName(app, "lesson-done:" + l.id, rt.catalogue, rt.config, error));
    CHECK(app.state().screen == Screen::LessonDone);
    REQUIRE(openScreenByName(app, "accessibility", rt.catalogue, rt.config, error));
    CHECK(app.state().accessibilityOpen);
    CHECK_FALSE(openScreenByName(app, "trang-chu", rt.catalogue, rt.config, error));
    CHECK(error.find("--list") != std::string::npos);
}
