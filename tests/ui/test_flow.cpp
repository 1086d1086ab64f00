// Whole citizen flows through the real screens, by tapping widgets: attract → lesson → QR → idle reset.
#include "tests/support/test_support.hpp"
#include "tests/ui/ui_harness.hpp"
#include <doctest/doctest.h>

using kiosk::Screen;

TEST_CASE("a citizen walks from the start screen through a whole lesson to its QR code and back")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.frames(2);
    REQUIRE(h.visible("attract.start"));
    REQUIRE(h.tap("attract.start"));
    CHECK(h.app().state().screen == Screen::Language);
    REQUIRE(h.tap("language.vi"));
    CHECK(h.app().state().screen == Screen::Catalogue);
    CHECK(h.app().state().lang == kiosk::Lang::Vi);

    const std::string id = "vneid-kich-hoat-muc-2";
    const kiosk::Lesson* lesson = rt.catalogue.find(id);
    REQUIRE(lesson);
    // Topics first: the lesson is inside its topic's tile.
    CHECK_FALSE(h.visible("lesson." + id));
    REQUIRE(h.tap("topic." + lesson->topic));
    CHECK(h.app().state().topic == lesson->topic);
    REQUIRE(h.tap("lesson." + id));
    REQUIRE(h.app().state().screen == Screen::Lesson);
    CHECK(h.app().state().lessonId == id);
    for (size_t i = 1; i < lesson->steps.size(); ++i) {
        REQUIRE(h.tap("lesson.next"));
        CHECK(h.app().state().step == static_cast<int>(i));
    }
    REQUIRE(h.tap("lesson.back"));
    CHECK(h.app().state().step == static_cast<int>(lesson->steps.size()) - 2);
    REQUIRE(h.tap("lesson.next"));
    REQUIRE(h.tap("lesson.next"));
    REQUIRE(h.app().state().screen == Screen::Quiz);

    // The quiz: answer each question with the choice the lesson taught, read the explanation.
    for (size_t q = 0; q < lesson->quiz.size(); ++q) {
        CHECK(h.app().state().question == static_cast<int>(q));
        CHECK_FALSE(h.visible("quiz.next"));   // nothing to go on to before answering
        REQUIRE(h.tap("quiz.choice." + std::to_string(lesson->quiz[q].answer - 1)));
        CHECK(h.app().state().chosen == lesson->quiz[q].answer - 1);
        REQUIRE(h.tap("quiz.next"));
    }
    REQUIRE(h.app().state().screen == Screen::LessonDone);
    CHECK(h.app().state().correct == static_cast<int>(lesson->quiz.size()));
    REQUIRE(h.tap("done.rate.good"));
    CHECK(h.app().state().rating == "good");
    REQUIRE(h.tap("done.qr"));
    CHECK(h.app().state().screen == Screen::Handoff);
    CHECK(h.app().state().handoff == "vneid");
    REQUIRE(h.tap("handoff.done"));
    CHECK(h.app().state().screen == Screen::Thanks);
    REQUIRE(h.tap("thanks.end"));
    CHECK(h.app().state().screen == Screen::Attract);
}

TEST_CASE("the language switch and the way home work from every citizen screen")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.frames(2);
    h.tap("attract.start");
    h.tap("language.en");
    CHECK(h.app().state().lang == kiosk::Lang::En);
    REQUIRE(h.tap("top.language"));
    CHECK(h.app().state().lang == kiosk::Lang::Vi);
    REQUIRE(h.tap("catalogue.qr.binhdanhocvuso"));
    CHECK(h.app().state().screen == Screen::Handoff);
    REQUIRE(h.tap("handoff.back"));
    CHECK(h.app().state().screen == Screen::Catalogue);
    REQUIRE(h.tap("top.home"));
    CHECK(h.app().state().screen == Screen::Attract);
    CHECK(h.app().state().lang == kiosk::Lang::Vi);
}

TEST_CASE("left alone mid-lesson, the kiosk asks, counts down, and returns to the start with nothing kept")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.frames(2);
    h.tap("attract.start");
    h.tap("language.en");
    h.tap("topic.vneid");
    h.tap("lesson.vneid-kich-hoat-muc-2");
    h.tap("lesson.next");
    REQUIRE(h.app().state().step == 1);

    h.clock().advanceSeconds(rt.config.idleTimeoutSeconds);
    h.frames(2);
    REQUIRE(h.app().state().idlePrompt);
    REQUIRE(h.visible("idle.stay"));

    SUBCASE("tapping \"Tôi vẫn ở đây\" keeps the place")
    {
        REQUIRE(h.tap("idle.stay"));
        CHECK_FALSE(h.app().state().idlePrompt);
        CHECK(h.app().state().screen == Screen::Lesson);
        CHECK(h.app().state().step == 1);
        CHECK(h.app().state().lang == kiosk::Lang::En);
    }
    SUBCASE("while the question is up, the page underneath does not react")
    {
        CHECK_FALSE(h.visible("lesson.next"));   // not a touch target while the question is up
        h.tapAt(ImVec2(1700, 1000));              // where "Tiếp theo" lies underneath
        CHECK(h.app().state().step == 1);
        CHECK_FALSE(h.app().state().idlePrompt);   // but the touch answered the question
    }
    SUBCASE("nobody answers")
    {
        h.clock().advanceSeconds(rt.config.idleCountdownSeconds);
        h.frames(2);
        CHECK(h.app().state().screen == Screen::Attract);
        CHECK(h.app().state().lang == kiosk::Lang::Vi);
        CHECK(h.app().state().lessonId.empty());
        CHECK(h.visible("attract.start"));
    }
}

TEST_CASE("the accessibility panel changes the text size and contrast from a lesson, and everything still fits")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.app().openLesson("an-toan-lua-dao-truc-tuyen", 0);
    h.frames(2);
    REQUIRE(h.tap("top.access"));
    REQUIRE(h.app().state().accessibilityOpen);
    CHECK_FALSE(h.visible("lesson.next"));   // modal: the page underneath takes no touch
    REQUIRE(h.tap("access.size.extra-large"));
    CHECK(h.app().state().textSize == kiosk::TextSize::ExtraLarge);
    REQUIRE(h.tap("access.contrast.on"));
    CHECK(h.app().state().highContrast);
    REQUIRE(h.tap("access.contrast.on"));   // the choice already made: nothing flips
    CHECK(h.app().state().highContrast);
    REQUIRE(h.tap("access.narration.off"));
    CHECK_FALSE(h.app().state().narration);
    REQUIRE(h.tap("access.done"));
    CHECK_FALSE(h.app().state().accessibilityOpen);
    CHECK(h.app().state().screen == kiosk::Screen::Lesson);
    // At the largest size the lesson's buttons are still on screen and work.
    REQUIRE(h.tap("lesson.next"));
    CHECK(h.app().state().step == 1);
    REQUIRE(h.tap("lesson.listen"));
    const auto spoken = kiosk::effectsOf<kiosk::effect::SpeakStep>(h.effects());
    REQUIRE(spoken.size() == 1);
    CHECK(spoken.back().step == 1);
}
