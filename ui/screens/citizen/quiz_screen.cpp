// Question, answers (A, B, C), then "Đúng rồi!" or the right answer with the lesson's explanation.
#include "ui/screens/citizen/quiz_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

bool QuizScreen::choiceButton(Context& ctx, int index, const std::string& text, float width, const kiosk::AppState& state, int answer)
{
    const Theme& th = ctx.theme;
    const bool answered = state.chosen >= 0;
    const bool isRight = index == answer, isChosen = index == state.chosen;
    ImFont* f = ctx.fonts.bodyBold;
    float badge = ctx.px(64), pad = ctx.px(24);
    float textW = width - badge - 3 * pad;
    float h = std::max(ctx.px(104), measureText(f, text, textW).y + 2 * pad);
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = false;
    std::string id = "quiz.choice." + std::to_string(index);
    bool clicked = touchArea(ctx, id.c_str(), ImVec2(width, h), &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = pressed && !answered ? th.surfacePressed : th.surface, edge = th.border, mark = th.primary;
    float edgeW = ctx.px(2);
    if (answered && isRight) { edge = th.right; mark = th.right; edgeW = ctx.px(5); fill = mix(th.surface, th.right, 0.10f); }
    else if (answered && isChosen) { edge = th.wrong; mark = th.wrong; edgeW = ctx.px(5); fill = mix(th.surface, th.wrong, 0.08f); }
    fillRoundRect(dl, p, ImVec2(p.x + width, p.y + h), fill, ctx.px(20));
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), edge, ctx.px(20), 0, edgeW);
    ImVec2 c(p.x + pad + badge * 0.5f, p.y + h * 0.5f);
    dl->AddCircleFilled(c, badge * 0.5f, mark, 32);
    std::string letter = answered && isRight ? "✓" : answered && isChosen ? "✗" : std::string(1, char('A' + index));
    drawTextCentered(dl, ctx.fonts.heading, c.x - badge * 0.5f, c.y - ctx.fonts.heading->FontSize * 0.5f, badge, th.onPrimary, letter);
    ImVec2 ts = measureText(f, text, textW);
    drawText(dl, f, ImVec2(p.x + badge + 2 * pad, p.y + (h - ts.y) * 0.5f), th.text, text, textW);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ctx.px(20)));
    return clicked && !answered;
}

void QuizScreen::draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginPage(ctx, state, intents);
    const int n = static_cast<int>(lesson.quiz.size());
    const int qi = std::clamp(state.question, 0, n - 1);
    const kiosk::QuizQuestion& q = lesson.quiz[static_cast<size_t>(qi)];
    if (qi != m_shownQuestion) {
        m_scroll.resetToTop();
        m_shownQuestion = qi;
    }

    // Header: which lesson, which question.
    std::string of = ctx.fmt("quiz_question_of", {std::to_string(qi + 1), std::to_string(n)});
    ImVec2 osz = measureText(ctx.fonts.heading, of);
    float y = a.min.y - ctx.px(8);
    ImVec2 tsz = drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, y), th.textMuted,
                          ctx.tr("quiz_title") + " · " + lesson.title.in(ctx.lang), a.width() - osz.x - ctx.px(40));
    drawText(dl, ctx.fonts.heading, ImVec2(a.max.x - osz.x, y), th.primary, of);
    y += std::max(tsz.y, osz.y) + ctx.px(24);

    const float footH = ctx.px(112), footY = a.max.y - footH;
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    m_scroll.begin(ctx, "quiz.body", ImVec2(a.width(), footY - ctx.px(24) - y));
    {
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        ImVec2 o = ImGui::GetCursorScreenPos();
        float w = a.width() - ctx.px(32), cy = o.y;
        cy += drawText(cdl, ctx.fonts.title, ImVec2(o.x, cy), th.text, q.question.in(ctx.lang), w).y + ctx.px(10);
        if (state.chosen < 0) cy += drawText(cdl, ctx.fonts.body, ImVec2(o.x, cy), th.textMuted, ctx.tr("quiz_pick"), w).y;
        cy += ctx.px(24);
        ImGui::SetCursorScreenPos(ImVec2(o.x, cy));
        for (size_t i = 0; i < q.choices.size(); ++i)
            if (choiceButton(ctx, static_cast<int>(i), q.choices[i].in(ctx.lang), w, state, q.answer - 1))
                intents.push_back(kiosk::intent::ChooseAnswer{static_cast<int>(i)});
        if (state.chosen >= 0) {
            // The explanation, kind either way.
            cy = ImGui::GetCursorScreenPos().y + ctx.px(4);
            bool right = state.chosen + 1 == q.answer;
            float pad = ctx.px(28);
            std::string head = right ? ctx.tr("quiz_right") : ctx.tr("quiz_wrong") + " " + q.choices[static_cast<size_t>(q.answer - 1)].in(ctx.lang);
            float hh = measureText(ctx.fonts.heading, head, w - 2 * pad).y, eh = measureText(ctx.fonts.reading, q.explain.in(ctx.lang), w - 2 * pad).y;
            ImVec2 b0(o.x, cy), b1(o.x + w, cy + hh + eh + 2 * pad + ctx.px(12));
            ImU32 tone = right ? th.right : th.wrong;
            fillRoundRect(cdl, b0, b1, mix(th.surface, tone, 0.08f), ctx.px(20));
            fillRoundRect(cdl, b0, ImVec2(b0.x + ctx.px(10), b1.y), tone, ctx.px(20), ImDrawFlags_RoundCornersLeft);
            drawText(cdl, ctx.fonts.heading, ImVec2(b0.x + pad, b0.y + pad), tone, head, w - 2 * pad);
            drawText(cdl, ctx.fonts.reading, ImVec2(b0.x + pad, b0.y + pad + hh + ctx.px(12)), th.text, q.explain.in(ctx.lang), w - 2 * pad);
            ImGui::SetCursorScreenPos(ImVec2(o.x, b1.y));
        }
        ImGui::Dummy(ImVec2(1, ctx.px(24)));
    }
    m_scroll.end(ctx);

    const float bw = ctx.px(440);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, footY));
    if (touchButton(ctx, "quiz.review", ctx.tr("quiz_review"), ImVec2(bw, footH), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::ReviewLesson{});
    if (state.chosen >= 0) {
        ImGui::SetCursorScreenPos(ImVec2(a.max.x - bw, footY));
        const std::string& label = qi + 1 < n ? ctx.tr("quiz_next") : ctx.tr("quiz_result");
        if (touchButton(ctx, "quiz.next", label, ImVec2(bw, footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::NextQuestion{});
    }
}

} // namespace ui
