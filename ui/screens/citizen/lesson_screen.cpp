// Header (topic, lesson title, progress), body (text | phone), footer (back, dots, next).
#include "ui/screens/citizen/lesson_screen.hpp"
#include "ui/widgets/phone_illustration.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// The footer's three buttons share a row; each grows to two lines before the row does.
void layoutFooter(const Context& ctx, const kiosk::Lesson& lesson, int step, const PageArea& a, LessonLayout& L)
{
    const int n = static_cast<int>(lesson.steps.size());
    const std::string labels[3] = {step == 0 ? ctx.tr("lesson_to_catalogue") : ctx.tr("lesson_back"), "▶ " + ctx.tr("lesson_listen"),
                                   step + 1 < n ? ctx.tr("lesson_next") : ctx.tr("lesson_finish")};
    const float gap = ctx.px(32);
    if (ctx.portrait) {
        const float w = (a.width() - 2 * gap) / 3.0f;
        L.backX = a.min.x, L.backW = w * 0.95f;
        L.listenX = L.backX + L.backW + gap, L.listenW = w * 0.9f;
        L.nextX = L.listenX + L.listenW + gap, L.nextW = a.max.x - L.nextX;
    } else {
        L.backW = ctx.px(380), L.listenW = ctx.px(340), L.nextW = ctx.px(440);
        L.backX = a.min.x;
        L.nextX = a.max.x - L.nextW;
        L.listenX = a.min.x + L.backW + (a.width() - L.backW - L.nextW - L.listenW) * 0.5f;
    }
    const float widths[3] = {L.backW, L.listenW, L.nextW};
    float tallest = 0;
    for (int i = 0; i < 3; ++i) tallest = std::max(tallest, measureText(ctx.fonts.button, labels[i], widths[i] - ctx.px(32)).y);
    L.footH = std::max(ctx.px(112), tallest + ctx.px(40));
    L.footY = a.max.y - L.footH;
}

} // namespace

LessonLayout LessonScreen::layout(const Context& ctx, const kiosk::Lesson& lesson, int step)
{
    LessonLayout L{};
    PageArea a = pageArea(ctx);
    const kiosk::Step& s = lesson.steps[static_cast<size_t>(std::clamp(step, 0, static_cast<int>(lesson.steps.size()) - 1))];
    std::string stepOf = ctx.fmt("lesson_step_of", {std::to_string(step + 1), std::to_string(lesson.steps.size())});
    const float stepH = measureText(ctx.fonts.heading, stepOf).y;
    const float top = a.min.y - ctx.px(8);
    layoutFooter(ctx, lesson, step, a, L);
    const float gap = ctx.px(48), pad = ctx.px(48);
    const float bodyBottom = L.footY - ctx.px(32);
    if (ctx.portrait) {
        // One column: the lesson's title, where we are, the step's words, the phone, the buttons.
        L.titleWidth = a.width();
        const float titleH = measureText(ctx.fonts.heading, lesson.title.in(ctx.lang), L.titleWidth).y;
        L.progressW = a.width() * 0.5f;
        L.stepOfPos = ImVec2(a.min.x, top + titleH + ctx.px(16));
        L.progressPos = ImVec2(a.max.x - L.progressW, L.stepOfPos.y + (stepH - ctx.px(12)) * 0.5f);
        L.headerBottom = L.stepOfPos.y + stepH + ctx.px(28);
        L.wrapWidth = a.width() - pad * 2.2f;
        const float need = measureText(ctx.fonts.title, s.title.in(ctx.lang), L.wrapWidth).y + ctx.px(kTitleGap) +
                           measureText(ctx.fonts.reading, s.text.in(ctx.lang), L.wrapWidth).y + pad * 1.25f + ctx.px(8);
        // The words come first; the phone keeps at least 560 px (at 1080p) of the rest.
        const float room = bodyBottom - L.headerBottom;
        const float cardH = std::min(need, std::max(room - ctx.px(560) - gap, room * 0.35f));
        L.cardMin = ImVec2(a.min.x, L.headerBottom);
        L.cardMax = ImVec2(a.max.x, L.headerBottom + cardH);
        L.textPos = ImVec2(L.cardMin.x + pad, L.cardMin.y + pad * 0.75f);
        L.textSize = ImVec2(a.width() - pad * 1.5f, cardH - pad * 1.25f);
        L.phonePos = ImVec2(a.min.x, L.cardMax.y + gap * 0.75f);
        L.phoneSize = ImVec2(a.width(), bodyBottom - L.phonePos.y);
        return L;
    }
    // Side by side: the words in a card on the left, the phone on the right.
    L.progressW = ctx.px(420);
    L.titleWidth = a.width() - L.progressW - ctx.px(40);
    const float titleH = measureText(ctx.fonts.heading, lesson.title.in(ctx.lang), L.titleWidth).y;
    L.stepOfPos = ImVec2(a.max.x - measureText(ctx.fonts.heading, stepOf).x, top);
    L.progressPos = ImVec2(a.max.x - L.progressW, top + stepH + ctx.px(14));
    L.headerBottom = top + std::max(titleH, stepH + ctx.px(26)) + ctx.px(28);
    const float phoneW = ctx.px(520);
    const float textW = a.width() - phoneW - gap;
    L.cardMin = ImVec2(a.min.x, L.headerBottom);
    L.cardMax = ImVec2(a.min.x + textW, bodyBottom);
    L.textPos = ImVec2(L.cardMin.x + pad, L.cardMin.y + pad * 0.75f);
    L.textSize = ImVec2(textW - pad * 1.5f, L.cardMax.y - L.cardMin.y - pad * 1.25f);
    L.wrapWidth = textW - pad * 2.2f;
    L.phonePos = ImVec2(a.max.x - phoneW, L.headerBottom - ctx.px(8));
    L.phoneSize = ImVec2(phoneW, bodyBottom - L.headerBottom + ctx.px(16));
    return L;
}

void LessonScreen::draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginPage(ctx, state, intents);
    const kiosk::Topic* topic = ctx.catalogue.topic(lesson.topic);
    ImU32 color = ctx.topicColor(topic);
    const int n = static_cast<int>(lesson.steps.size());
    const int step = std::clamp(state.step, 0, n - 1);
    const kiosk::Step& s = lesson.steps[static_cast<size_t>(step)];
    const LessonLayout L = layout(ctx, lesson, step);

    std::string key = lesson.id + ":" + std::to_string(step);
    if (key != m_shownKey) {
        m_text.resetToTop();
        m_shownKey = key;
        m_shownAt = ctx.time;
    }
    // Three slow pulses of the ring around the touch point when a step appears, then stillness
    // (each frame of a 1080p software render costs ~10 ms of a core: animation stays short).
    const double period = ctx.slowMotion ? 2.0 : 1.2, fps = ctx.slowMotion ? 3.0 : 5.0;
    const double since = ctx.time - m_shownAt;
    float pulse = 0.0f;
    if (s.screen.tap > 0 && since < 3 * period) {
        pulse = static_cast<float>(std::fmod(since, period) / period);
        ctx.frameAgainIn(1.0 / fps);
    }

    // Header: the lesson's title and where we are in it.
    drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, a.min.y - ctx.px(8)), th.text, lesson.title.in(ctx.lang), L.titleWidth);
    std::string stepOf = ctx.fmt("lesson_step_of", {std::to_string(step + 1), std::to_string(n)});
    drawText(dl, ctx.fonts.heading, L.stepOfPos, color, stepOf);
    // Segmented progress bar: one segment per step.
    float segGap = ctx.px(8);
    float segW = (L.progressW - segGap * float(n - 1)) / float(n);
    for (int i = 0; i < n; ++i) {
        float x0 = L.progressPos.x + float(i) * (segW + segGap);
        fillRoundRect(dl, ImVec2(x0, L.progressPos.y), ImVec2(x0 + segW, L.progressPos.y + ctx.px(12)), i <= step ? color : mix(th.background, th.textMuted, 0.3f), ctx.px(6));
    }

    // Body: text on the left in a card, the phone on the right.
    fillRoundRect(dl, L.cardMin, L.cardMax, th.surface, ctx.px(24));
    dl->AddRect(L.cardMin, L.cardMax, th.border, ctx.px(24), 0, ctx.px(1.5f));
    ImGui::SetCursorScreenPos(L.textPos);
    m_text.setFadeColor(th.surface);
    m_text.begin(ctx, "lesson.text", L.textSize);
    {
        ImDrawList* tdl = ImGui::GetWindowDrawList();
        ImVec2 o = ImGui::GetCursorScreenPos();
        float ty = o.y;
        ty += drawText(tdl, ctx.fonts.title, ImVec2(o.x, ty), th.text, s.title.in(ctx.lang), L.wrapWidth).y + ctx.px(kTitleGap);
        ty += drawText(tdl, ctx.fonts.reading, ImVec2(o.x, ty), th.text, s.text.in(ctx.lang), L.wrapWidth).y;
        ImGui::SetCursorScreenPos(ImVec2(o.x, ty));
        ImGui::Dummy(ImVec2(1, ctx.px(8)));
    }
    m_text.end(ctx);
    drawPhone(ctx, dl, s.screen, topic ? rgb(topic->color) : th.primary, L.phonePos, L.phoneSize, pulse);

    ImGui::SetCursorScreenPos(ImVec2(L.backX, L.footY));
    const std::string& back = step == 0 ? ctx.tr("lesson_to_catalogue") : ctx.tr("lesson_back");
    if (touchButton(ctx, "lesson.back", back, ImVec2(L.backW, L.footH), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::PrevStep{});
    // "Nghe đọc": read this step aloud (the run loop hands it to the narrator).
    ImGui::SetCursorScreenPos(ImVec2(L.listenX, L.footY));
    if (touchButton(ctx, "lesson.listen", "▶ " + ctx.tr("lesson_listen"), ImVec2(L.listenW, L.footH), ButtonStyle::Quiet)) intents.push_back(kiosk::intent::Speak{});
    ImGui::SetCursorScreenPos(ImVec2(L.nextX, L.footY));
    const std::string& next = step + 1 < n ? ctx.tr("lesson_next") : ctx.tr("lesson_finish");
    if (touchButton(ctx, "lesson.next", next, ImVec2(L.nextW, L.footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::NextStep{});
}

} // namespace ui
