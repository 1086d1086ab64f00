// Touch behaviour: every quick tap lands, drags scroll instead of tapping, targets are finger-sized.
#include "tests/support/test_support.hpp"
#include "tests/ui/ui_harness.hpp"
#include <doctest/doctest.h>

TEST_CASE("ten quick taps in a row each advance one step (no tap is swallowed)")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.app().openLesson("vneid-kich-hoat-muc-2", 0);
    h.frames(2);
    const ui::HitBox* next = h.hit("lesson.next");
    REQUIRE(next);
    ImVec2 p = next->center();
    int steps = static_cast<int>(rt.catalogue.find("vneid-kich-hoat-muc-2")->steps.size());
    for (int i = 1; i < steps; ++i) {
        h.tapAt(p);
        CHECK(h.app().state().step == i);
    }
}

TEST_CASE("dragging the catalogue scrolls it and opens nothing")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.app().openScreen(kiosk::Screen::Catalogue);
    h.app().apply(kiosk::intent::SetTextSize{kiosk::TextSize::ExtraLarge});   // a list longer than its area
    h.frames(3);
    const std::string first = "topic." + rt.catalogue.topics.front().id;
    REQUIRE(h.hit(first));
    const ui::HitBox card = *h.hit(first);   // a copy: the hit list is rebuilt every frame
    float y0 = card.min.y;
    ImVec2 start = card.center();
    h.drag(start, ImVec2(start.x, start.y - 100));
    CHECK(h.app().state().screen == kiosk::Screen::Catalogue);   // the drag was not a tap
    CHECK(h.app().state().topic.empty());
    const ui::HitBox* moved = h.hit(first);
    REQUIRE(moved);   // still partly visible after 100 px
    CHECK(moved->max.y < card.max.y - 50);                      // it moved up with the finger
    CHECK(moved->min.y == doctest::Approx(y0));                 // its top hidden under the list's edge
    CHECK_FALSE(moved->whole);                                  // and is cut at the list's edge
    // The last topic, out of sight at first, can be dragged into view and opened.
    const std::string last = "topic." + rt.catalogue.topics.back().id;
    for (int i = 0; i < 20 && !(h.hit(last) && h.hit(last)->whole); ++i) h.drag(ImVec2(start.x, 900), ImVec2(start.x, 500));
    REQUIRE(h.visible(last));
    REQUIRE(h.tap(last));
    CHECK(h.app().state().topic == rt.catalogue.topics.back().id);
}

TEST_CASE("Xem thêm: a button brings the rest of a long list into view, and another goes back to its top")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.app().openScreen(kiosk::Screen::Catalogue);
    h.app().apply(kiosk::intent::SetTextSize{kiosk::TextSize::ExtraLarge});
    h.frames(3);
    const std::string first = "topic." + rt.catalogue.topics.front().id, last = "topic." + rt.catalogue.topics.back().id;
    REQUIRE(h.visible("catalogue.more"));
    CHECK_FALSE(h.visible(last));
    for (int i = 0; i < 10 && !(h.hit(last) && h.hit(last)->whole); ++i) REQUIRE(h.tap("catalogue.more"));
    CHECK(h.hit(last)->whole);
    CHECK_FALSE(h.visible(first));
    CHECK(h.app().state().topic.empty());   // the button scrolls, it opens nothing
    REQUIRE(h.tap("catalogue.more"));        // now "↑ Về đầu danh sách"
    h.frames(2);
    REQUIRE(h.visible(first));
    CHECK(h.hit(first)->whole);
    // Inside a topic, its lessons and "← Tất cả chủ đề".
    REQUIRE(h.tap(first));
    const auto lessons = rt.catalogue.lessonsIn(rt.catalogue.topics.front().id);
    REQUIRE_FALSE(lessons.empty());
    CHECK(h.visible("lesson." + lessons.front()->id));
    REQUIRE(h.tap("catalogue.topics"));
    CHECK(h.app().state().topic.empty());
    CHECK(h.visible(first));
}

TEST_CASE("the next visitor finds the catalogue at the top, not where the last one left it")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    h.app().openScreen(kiosk::Screen::Catalogue);
    h.app().apply(kiosk::intent::SetTextSize{kiosk::TextSize::ExtraLarge});
    h.frames(3);
    const std::string first = "topic." + rt.catalogue.topics.front().id;
    REQUIRE(h.hit(first));
    const float top = h.hit(first)->min.y;
    const ImVec2 start = h.hit(first)->center();
    for (int i = 0; i < 5; ++i) h.drag(ImVec2(start.x, 900), ImVec2(start.x, 400));
    CHECK_FALSE(h.visible(first));   // scrolled far down
    // Back within the same visit: the list stays where the citizen left it.
    h.app().openScreen(kiosk::Screen::Language);
    h.frames(2);
    h.app().openScreen(kiosk::Screen::Catalogue);
    h.frames(3);
    CHECK_FALSE(h.visible(first));
    // The visit ends (home, or the idle reset), and the next one starts at the top, with the topics.
    h.app().apply(kiosk::intent::GoHome{});
    h.frames(2);
    CHECK(h.app().state().topic.empty());
    h.app().openScreen(kiosk::Screen::Catalogue);
    h.app().apply(kiosk::intent::SetTextSize{kiosk::TextSize::ExtraLarge});
    h.frames(3);
    REQUIRE(h.visible(first));
    CHECK(h.hit(first)->min.y == doctest::Approx(top));
}

TEST_CASE("every touch target on every screen is at least 64 px at 1080p")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    auto checkAll = [&](const char* screen) {
        h.frames(3);
        for (const ui::HitBox& b : h.context().hits) {
            INFO(screen << " " << b.id);
            // Scrolled cards may be cut by their area's edge: only whole ones are measured.
            if (!b.whole) continue;
            CHECK(b.max.x - b.min.x >= 64);
            CHECK(b.max.y - b.min.y >= 64);
        }
    };
    checkAll("attract");
    h.app().openScreen(kiosk::Screen::Language);
    checkAll("language");
    h.app().openScreen(kiosk::Screen::Catalogue);
    checkAll("catalogue");
    h.app().openLesson(rt.catalogue.lessons.front().id, 0);
    checkAll("lesson");
    h.app().openHandoff("vneid");
    checkAll("handoff");
    h.app().openScreen(kiosk::Screen::Thanks);
    checkAll("thanks");
    h.app().showIdlePrompt();
    checkAll("idle");
}
