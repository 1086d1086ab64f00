// The citizen flow state machine, driven by intents and a manual clock: no screen involved.
#include "kiosk/flow/app_state.hpp"
#include "kiosk/flow/screen_id.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>

using namespace kiosk;

TEST_CASE("a visit goes attract → language → catalogue → lesson → QR → thanks → attract")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    CHECK(app.state().screen == Screen::Attract);
    app.apply(intent::Start{});
    CHECK(app.state().screen == Screen::Language);
    app.apply(intent::ChooseLanguage{Lang::En});
    CHECK(app.state().screen == Screen::Catalogue);
    CHECK(app.state().lang == Lang::En);

    const Lesson& lesson = rt.catalogue.lessons.front();
    app.apply(intent::OpenLesson{lesson.id});
    REQUIRE(app.state().screen == Screen::Lesson);
    CHECK(app.state().step == 0);
    app.apply(intent::PrevStep{});   // on the first step, back goes to the catalogue
    CHECK(app.state().screen == Screen::Catalogue);
    app.apply(intent::OpenLesson{lesson.id});
    for (size_t i = 1; i < lesson.steps.size(); ++i) {
        app.apply(intent::NextStep{});
        CHECK(app.state().step == static_cast<int>(i));
    }
    app.apply(intent::PrevStep{});
    CHECK(app.state().step == static_cast<int>(lesson.steps.size()) - 2);
    app.apply(intent::NextStep{});
    app.apply(intent::NextStep{});   // past the last step: the quiz
    REQUIRE(app.state().screen == Screen::Quiz);
    REQUIRE_FALSE(lesson.quiz.empty());
    for (size_t q = 0; q < lesson.quiz.size(); ++q) {
        CHECK(app.state().question == static_cast<int>(q));
        app.apply(intent::NextQuestion{});   // no answer yet: stays
        CHECK(app.state().question == static_cast<int>(q));
        int right = lesson.quiz[q].answer - 1;
        int pick = q == 0 ? (right + 1) % static_cast<int>(lesson.quiz[q].choices.size()) : right;   // first one wrong
        app.apply(intent::ChooseAnswer{pick});
        CHECK(app.state().chosen == pick);
        app.apply(intent::ChooseAnswer{right});   // an answer cannot be changed
        CHECK(app.state().chosen == pick);
        app.apply(intent::NextQuestion{});
    }
    REQUIRE(app.state().screen == Screen::LessonDone);
    CHECK(app.state().correct == static_cast<int>(lesson.quiz.size()) - 1);
    app.apply(intent::Rate{"good"});
    app.apply(intent::Rate{"good"});   // the same face twice counts once
    app.apply(intent::Rate{"bad"});
    CHECK(app.state().rating == "bad");
    app.apply(intent::OpenHandoff{lesson.handoff});
    CHECK(app.state().screen == Screen::Handoff);
    CHECK(app.state().handoff == lesson.handoff);
    app.apply(intent::Finish{});
    CHECK(app.state().screen == Screen::Thanks);

    clock.advanceSeconds(rt.config.thanksSeconds - 1);
    app.tick();
    CHECK(app.state().screen == Screen::Thanks);
    clock.advanceSeconds(1.5);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK(app.state().lang == Lang::Vi);   // nothing of the visit is left

    auto events = app.takeEvents();
    std::vector<std::string> kinds;
    for (auto& e : events) kinds.push_back(e.kind);
    CHECK(kinds.front() == "visit_started");
    CHECK(std::count(kinds.begin(), kinds.end(), "lesson_completed") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "handoff_shown") == 1);
    CHECK(std::count(kinds.begin(), kinds.end(), "quiz_answered") == static_cast<long>(lesson.quiz.size()));
    CHECK(std::count(kinds.begin(), kinds.end(), "rating") == 2);
    for (auto& e : events)
        if (e.kind == "quiz_completed") CHECK(e.detail == std::to_string(lesson.quiz.size() - 1) + "/" + std::to_string(lesson.quiz.size()));
    CHECK(kinds.back() == "visit_ended");
    CHECK(events.back().detail == "finished");
}

TEST_CASE("idle: the prompt after the timeout, a countdown, then the start screen with nothing left")
{
    Runtime rt = test::loadRuntime();
    rt.config.idleTimeoutSeconds = 90;
    rt.config.idleCountdownSeconds = 10;
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::En});
    app.apply(intent::SetTextSize{TextSize::Large});
    app.apply(intent::OpenLesson{rt.catalogue.lessons.front().id});
    app.apply(intent::NextStep{});

    clock.advanceSeconds(89);
    app.tick();
    CHECK_FALSE(app.state().idlePrompt);
    CHECK(app.nextWakeMs() == clock.nowMs() + 1000);
    clock.advanceSeconds(1);
    app.tick();
    CHECK(app.state().idlePrompt);
    CHECK(app.state().idleSecondsLeft == 10);

    SUBCASE("a touch keeps the visit")
    {
        clock.advanceSeconds(4);
        app.tick();
        CHECK(app.state().idleSecondsLeft == 6);
        app.apply(intent::StillHere{});
        CHECK_FALSE(app.state().idlePrompt);
        CHECK(app.state().screen == Screen::Lesson);
        CHECK(app.state().step == 1);
        clock.advanceSeconds(60);
        app.tick();
        CHECK_FALSE(app.state().idlePrompt);   // the timeout starts again from the touch
    }
    SUBCASE("silence ends it")
    {
        for (int i = 0; i < 9; ++i) {
            clock.advanceSeconds(1);
            app.tick();
            CHECK(app.state().screen == Screen::Lesson);
        }
        clock.advanceSeconds(1);
        app.tick();
        CHECK(app.state().screen == Screen::Attract);
        CHECK_FALSE(app.state().idlePrompt);
        CHECK(app.state().lang == Lang::Vi);
        CHECK(app.state().textSize == TextSize::Normal);
        CHECK(app.state().lessonId.empty());
        auto events = app.takeEvents();
        CHECK(events.back().kind == "visit_ended");
        CHECK(events.back().detail == "idle");
    }
}

TEST_CASE("the attract screen never times out and changes slide on schedule")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    int64_t wake = app.nextWakeMs();
    CHECK(wake == clock.nowMs() + rt.config.attractSlideSeconds * 1000);
    clock.advanceSeconds(rt.config.attractSlideSeconds);
    auto v = app.state().version;
    app.tick();
    CHECK(app.state().attractSlide == 1);
    CHECK(app.state().version != v);
    clock.advanceSeconds(3600);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK_FALSE(app.state().idlePrompt);
}

TEST_CASE("unknown lessons and hand-offs are refused without changing screen")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    app.openScreen(Screen::Catalogue);
    CHECK_FALSE(app.openLesson("khong-co-bai-nay", 0));
    CHECK_FALSE(app.openLesson(rt.catalogue.lessons.front().id, 99));
    CHECK_FALSE(app.openHandoff("khong-co"));
    CHECK(app.state().screen == Screen::Catalogue);
}

TEST_CASE("accessibility settings hold for the visit, read aloud on request, and reset on idle")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::Vi});
    app.apply(intent::OpenAccessibility{});
    CHECK(app.state().accessibilityOpen);
    app.apply(intent::SetTextSize{TextSize::ExtraLarge});
    app.apply(intent::ToggleContrast{});
    app.apply(intent::ToggleSlowMotion{});
    app.apply(intent::CloseAccessibility{});
    CHECK_FALSE(app.state().accessibilityOpen);

    app.apply(intent::OpenLesson{rt.catalogue.lessons.front().id});
    (void)app.takeEffects();
    app.apply(intent::Speak{});
    CHECK(effectsOf<effect::SpeakStep>(app.takeEffects()).size() == 1);
    app.apply(intent::NextStep{});
    CHECK(app.takeEffects().empty());   // narration off: nothing read on its own
    app.apply(intent::ToggleNarration{});
    app.apply(intent::NextStep{});
    const auto read = effectsOf<effect::SpeakStep>(app.takeEffects());   // on: each new step is read
    REQUIRE(read.size() == 1);
    CHECK(read[0].step == 2);
    CHECK(read[0].lessonId == rt.catalogue.lessons.front().id);
    CHECK(app.state().textSize == TextSize::ExtraLarge);
    CHECK(app.state().highContrast);

    clock.advanceSeconds(rt.config.idleTimeoutSeconds);
    app.tick();
    clock.advanceSeconds(rt.config.idleCountdownSeconds);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK(app.state().textSize == TextSize::Normal);
    CHECK_FALSE(app.state().highContrast);
    CHECK_FALSE(app.state().narration);
    CHECK_FALSE(app.state().slowMotion);
}

TEST_CASE("with auto_read configured every visit starts with narration on, and idle restores it")
{
    Runtime rt = test::loadRuntime();
    rt.config.narrationAutoRead = true;
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    CHECK(app.state().narration);
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::Vi});
    (void)app.takeEffects();
    app.apply(intent::OpenLesson{rt.catalogue.lessons.front().id});
    CHECK(effectsOf<effect::SpeakStep>(app.takeEffects()).size() == 1);   // the first step is read as it opens
    app.apply(intent::ToggleNarration{});                 // this visitor prefers silence
    app.apply(intent::NextStep{});
    CHECK(app.takeEffects().empty());

    clock.advanceSeconds(rt.config.idleTimeoutSeconds);
    app.tick();
    clock.advanceSeconds(rt.config.idleCountdownSeconds);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK(app.state().narration);                    // the next visitor gets the deployment's setting
}

TEST_CASE("effects are asked once and the end of a visit neither repeats nor makes one")
{
    // Request counters compared by the run loop once did: zeroing one at the end of a visit
    // looked like a new request (a slip printed, or staff mode opened, for the next citizen).
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    const Lesson& lesson = rt.catalogue.lessons.front();
    app.apply(intent::Start{});
    REQUIRE(app.openLessonDone(lesson.id));
    app.apply(intent::OpenHandoff{lesson.handoff});
    REQUIRE(app.slipOffered());
    app.apply(intent::PrintSlip{});
    app.apply(intent::OpenLesson{lesson.id});
    app.apply(intent::Speak{});
    app.apply(intent::OpenStaff{});
    const Effects asked = app.takeEffects();
    REQUIRE(effectsOf<effect::PrintLessonSlip>(asked).size() == 1);
    CHECK(effectsOf<effect::PrintLessonSlip>(asked)[0].lessonId == lesson.id);
    REQUIRE(effectsOf<effect::SpeakStep>(asked).size() == 1);
    REQUIRE(effectsOf<effect::OpenStaffMode>(asked).size() == 1);
    CHECK(std::holds_alternative<effect::OpenStaffMode>(asked.back()));   // in the order asked
    app.apply(intent::GoHome{});
    clock.advanceSeconds(3600);
    app.tick();
    CHECK(app.takeEffects().empty());
}

TEST_CASE("a quiz answer out of range is no answer, not the first choice")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    const Lesson& lesson = rt.catalogue.lessons.front();
    REQUIRE_FALSE(lesson.quiz.empty());
    REQUIRE(app.openQuiz(lesson.id, 0));
    // The choice is a number in the intent (atoi once read "x" or "1x" as an answer).
    for (int bad : {-1, -100, int(lesson.quiz[0].choices.size()), 1 << 30}) {
        INFO(bad);
        app.apply(intent::ChooseAnswer{bad});
        CHECK(app.state().chosen == -1);
    }
    app.apply(intent::ChooseAnswer{1});
    CHECK(app.state().chosen == 1);
}

TEST_CASE("a quiz screen name needs a whole question number")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    const Lesson& lesson = rt.catalogue.lessons.front();
    std::string error;
    CHECK(openScreenByName(app, "quiz:" + lesson.id + ":1", rt.catalogue, rt.config, error));
    CHECK(app.state().question == 0);
    for (const char* bad : {"1x", "", "x1", "1.0"}) {
        INFO(bad);
        error.clear();
        CHECK_FALSE(openScreenByName(app, "quiz:" + lesson.id + ":" + bad, rt.catalogue, rt.config, error));
        CHECK(error.find("có các câu hỏi từ 1 đến") != std::string::npos);
    }
}

TEST_CASE("the catalogue opens on its topics, a topic shows its lessons, a lesson returns to its topic, a new visit starts on the topics")
{
    Runtime rt = test::loadRuntime();
    ManualClock clock;
    App app(rt.catalogue, rt.config, clock);
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::Vi});
    CHECK(app.state().topic.empty());
    const Lesson& lesson = rt.catalogue.lessons.back();
    app.apply(intent::OpenTopic{lesson.topic});
    CHECK(app.state().topic == lesson.topic);
    app.apply(intent::OpenTopic{"khong-co-chu-de-nay"});   // unknown: nothing changes
    CHECK(app.state().topic == lesson.topic);
    app.apply(intent::OpenTopic{});
    CHECK(app.state().topic.empty());
    app.apply(intent::OpenLesson{lesson.id});   // reached another way (a hand-off, staff): still its topic on the way back
    app.apply(intent::PrevStep{});
    CHECK(app.state().screen == Screen::Catalogue);
    CHECK(app.state().topic == lesson.topic);
    app.apply(intent::GoHome{});
    CHECK(app.state().topic.empty());
}
