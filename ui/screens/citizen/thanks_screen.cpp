// A large tick, the thanks, where to find help, and two ways on.
#include "ui/screens/citizen/thanks_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void ThanksScreen::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginPage(ctx, state, intents);
    float cx = (a.min.x + a.max.x) * 0.5f, y = a.min.y + ctx.px(60);
    float r = ctx.px(90);
    fillDisc(dl, ImVec2(cx, y + r), r, rgb(0x067647));
    // The tick, drawn as two strokes.
    dl->AddLine(ImVec2(cx - r * 0.45f, y + r * 1.02f), ImVec2(cx - r * 0.1f, y + r * 1.38f), IM_COL32_WHITE, ctx.px(16));
    dl->AddLine(ImVec2(cx - r * 0.12f, y + r * 1.38f), ImVec2(cx + r * 0.48f, y + r * 0.66f), IM_COL32_WHITE, ctx.px(16));
    y += 2 * r + ctx.px(48);
    y += drawTextCentered(dl, ctx.fonts.title, a.min.x, y, a.width(), th.text, ctx.tr("thanks_title")).y + ctx.px(20);
    y += drawTextCentered(dl, ctx.fonts.heading, a.min.x + ctx.px(200), y, a.width() - ctx.px(400), th.textMuted, ctx.tr("thanks_text")).y + ctx.px(64);
    float bw = ctx.px(480), bh = ctx.px(112), gap = ctx.px(40);
    ImGui::SetCursorScreenPos(ImVec2(cx - bw - gap * 0.5f, y));
    if (touchButton(ctx, "thanks.more", ctx.tr("thanks_more"), ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenCatalogue{});
    ImGui::SetCursorScreenPos(ImVec2(cx + gap * 0.5f, y));
    if (touchButton(ctx, "thanks.end", ctx.tr("thanks_end"), ImVec2(bw, bh), ButtonStyle::Primary)) intents.push_back(kiosk::intent::GoHome{});
}

} // namespace ui
