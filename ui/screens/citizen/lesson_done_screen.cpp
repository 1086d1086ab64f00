// Score and praise; three faces drawn from circles and arcs (no image files); the way on.
#include "ui/screens/citizen/lesson_done_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <cmath>

namespace ui {

namespace {
// mood: 1 smile, 0 flat, -1 frown.
void drawFace(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 ink, int mood, float line)
{
    fillDisc(dl, c, r, fill);
    dl->AddCircle(c, r, ink, 48, line);
    dl->AddCircleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.22f), r * 0.10f, ink, 16);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.35f, c.y - r * 0.22f), r * 0.10f, ink, 16);
    if (mood == 0) {
        dl->AddLine(ImVec2(c.x - r * 0.38f, c.y + r * 0.35f), ImVec2(c.x + r * 0.38f, c.y + r * 0.35f), ink, line);
        return;
    }
    const float pi = 3.14159265f;
    if (mood > 0) dl->PathArcTo(ImVec2(c.x, c.y + r * 0.05f), r * 0.45f, pi * 0.2f, pi * 0.8f, 20);
    else dl->PathArcTo(ImVec2(c.x, c.y + r * 0.75f), r * 0.45f, pi * 1.2f, pi * 1.8f, 20);
    dl->PathStroke(ink, 0, line);
}
} // namespace

void LessonDoneScreen::draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginPage(ctx, state, intents);
    y += ctx.px(8);
    y += drawTextCentered(dl, ctx.fonts.title, a.min.x, y, a.width(), th.text, ctx.tr("done_title")).y + ctx.px(8);
    y += drawTextCentered(dl, ctx.fonts.heading, a.min.x + ctx.px(100), y, a.width() - ctx.px(200), th.textMuted, lesson.title.in(ctx.lang)).y + ctx.px(24);
    if (!lesson.quiz.empty()) {
        int n = static_cast<int>(lesson.quiz.size());
        y += drawTextCentered(dl, ctx.fonts.heading, a.min.x, y, a.width(), th.primary,
                              ctx.fmt("done_score", {std::to_string(state.correct), std::to_string(n)})).y + ctx.px(6);
        y += drawTextCentered(dl, ctx.fonts.reading, a.min.x + ctx.px(100), y, a.width() - ctx.px(200), th.text,
                              ctx.tr(state.correct == n ? "done_praise_all" : 2 * state.correct >= n ? "done_praise_some" : "done_praise_retry")).y;
    }
    y += ctx.px(40);

    // The rating card.
    const float footH = ctx.px(112), footY = a.max.y - footH;
    float cardW = std::min(a.width(), ctx.px(1200)), cx = (a.min.x + a.max.x) * 0.5f;
    ImVec2 c0(cx - cardW * 0.5f, y), c1(cx + cardW * 0.5f, footY - ctx.px(36));
    // The card's height depends on the faces: draw it behind them once it is known.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    float ry = c0.y + ctx.px(24);
    ry += drawTextCentered(dl, ctx.fonts.heading, c0.x, ry, cardW, th.text,
                           state.rating.empty() ? ctx.tr("done_rate") : ctx.tr("done_rate_thanks")).y + ctx.px(16);
    struct Face { const char* key; const char* label; int mood; uint32_t color; };
    const Face faces[] = {{"good", "done_rate_good", 1, 0x2E9E5B}, {"ok", "done_rate_ok", 0, 0xE8A317}, {"bad", "done_rate_bad", -1, 0xD9534F}};
    float fw = (cardW - ctx.px(80)) / 3.0f;
    float fh = std::max(ctx.px(120), std::min(c1.y - ry - ctx.px(20), ctx.px(330)));
    c1.y = ry + fh + ctx.px(20);
    float r = std::min(fw, fh - ctx.fonts.bodyBold->FontSize * 2.2f) * 0.36f;
    for (int i = 0; i < 3; ++i) {
        const Face& f = faces[i];
        ImVec2 p(c0.x + ctx.px(40) + fw * float(i), ry);
        ImGui::SetCursorScreenPos(p);
        bool pressed = false;
        std::string id = std::string("done.rate.") + f.key;
        if (touchArea(ctx, id.c_str(), ImVec2(fw, fh), &pressed)) intents.push_back(kiosk::intent::Rate{f.key});
        bool chosen = state.rating == f.key;
        if (chosen || pressed) fillRoundRect(dl, p, ImVec2(p.x + fw, p.y + fh), mix(th.surface, rgb(f.color), 0.15f), ctx.px(20));
        if (chosen) dl->AddRect(p, ImVec2(p.x + fw, p.y + fh), rgb(f.color), ctx.px(20), 0, ctx.px(4));
        bool dim = !state.rating.empty() && !chosen;
        ImU32 fill = dim ? mix(th.surface, rgb(f.color), 0.35f) : rgb(f.color);
        drawFace(dl, ImVec2(p.x + fw * 0.5f, p.y + ctx.px(16) + r), r, fill, IM_COL32(30, 30, 30, 255), f.mood, ctx.px(5));
        drawTextCentered(dl, ctx.fonts.bodyBold, p.x, p.y + ctx.px(30) + 2 * r, fw, th.text, ctx.tr(f.label));
    }
    dl->ChannelsSetCurrent(0);
    fillRoundRect(dl, c0, c1, th.surface, ctx.px(24));
    dl->AddRect(c0, c1, th.border, ctx.px(24), 0, ctx.px(1.5f));
    dl->ChannelsMerge();

    const float bw = ctx.px(560);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, footY));
    if (touchButton(ctx, "done.catalogue", ctx.tr("done_catalogue"), ImVec2(ctx.px(420), footH), ButtonStyle::Secondary))
        intents.push_back(kiosk::intent::OpenCatalogue{});
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - bw, footY));
    if (touchButton(ctx, "done.qr", ctx.tr("done_qr"), ImVec2(bw, footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::OpenHandoff{lesson.handoff});
}

} // namespace ui
