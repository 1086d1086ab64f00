// Header (topic, lesson title, progress), body (text | phone), footer (back, dots, next).
#include "ui/screens/citizen/lesson_screen.hpp"
#include "ui/widgets/phone_illustration.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

LessonLayout LessonScreen::layout(const Context& ctx, const kiosk::Lesson& lesson, int step)
{
    LessonLayout L{};
    PageArea a = pageArea(ctx);
    const float progressW = ctx.px(420);
    L.titleWidth = a.width() - progressW - ctx.px(40);
    std::string stepOf = ctx.fmt("lesson_step_of", {std::to_string(step + 1), std::to_string(lesson.steps.size())});
    float titleH = measureText(ctx.fonts.heading, lesson.title.in(ctx.lang), L.titleWidth).y;
    float stepH = measureText(ctx.fonts.heading, stepOf).y;
    L.headerBottom = a.min.y - ctx.px(8) + std::max(titleH, stepH + ctx.px(26)) + ctx.px(28);
    L.footH = ctx.px(112);
    L.footY = a.max.y - L.footH;
    const float phoneW = ctx.px(520), gap = ctx.px(48), pad = ctx.px(48);
    const float textW = a.width() - phoneW - gap;
    const float bodyBottom = L.footY - ctx.px(32);
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
    float y = a.min.y - ctx.px(8);
    const float progressW = ctx.px(420);
    drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, y), th.text, lesson.title.in(ctx.lang), L.titleWidth);
    std::string stepOf = ctx.fmt("lesson_step_of", {std::to_string(step + 1), std::to_string(n)});
    ImVec2 ssz = measureText(ctx.fonts.heading, stepOf);
    drawText(dl, ctx.fonts.heading, ImVec2(a.max.x - ssz.x, y), color, stepOf);
    // Segmented progress bar: one segment per step.
    float segY = y + ssz.y + ctx.px(14), segGap = ctx.px(8);
    float segW = (progressW - segGap * float(n - 1)) / float(n);
    for (int i = 0; i < n; ++i) {
        float x0 = a.max.x - progressW + float(i) * (segW + segGap);
        fillRoundRect(dl, ImVec2(x0, segY), ImVec2(x0 + segW, segY + ctx.px(12)), i <= step ? color : mix(th.background, th.textMuted, 0.3f), ctx.px(6));
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

    const float footY = L.footY, footH = L.footH;
    const float bw = ctx.px(380);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, footY));
    const std::string& back = step == 0 ? ctx.tr("lesson_to_catalogue") : ctx.tr("lesson_back");
    if (touchButton(ctx, "lesson.back", back, ImVec2(bw, footH), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::PrevStep{});
    // "Nghe đọc": read this step aloud (the run loop hands it to the narrator).
    const float lw = ctx.px(340);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + bw + (a.width() - bw * 2 - ctx.px(60) - lw) * 0.5f, footY));
    if (touchButton(ctx, "lesson.listen", "▶ " + ctx.tr("lesson_listen"), ImVec2(lw, footH), ButtonStyle::Quiet)) intents.push_back(kiosk::intent::Speak{});
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - bw - ctx.px(60), footY));
    const std::string& next = step + 1 < n ? ctx.tr("lesson_next") : ctx.tr("lesson_finish");
    if (touchButton(ctx, "lesson.next", next, ImVec2(bw + ctx.px(60), footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::NextStep{});
}

} // namespace ui
