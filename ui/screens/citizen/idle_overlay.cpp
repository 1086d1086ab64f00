// A dimmed page, a card with the question, the seconds left in large digits, one big button.
#include "ui/screens/citizen/idle_overlay.hpp"
#include "ui/imgui_scope.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void IdleOverlay::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    const Theme& th = ctx.theme;
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    // The overlay sits on top of everything: drawn in its own window so it takes the touches.
    FullScreenWindow window("##idle", ImGuiWindowFlags_NoBackground, /*takeFocus=*/true);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ds, th.scrim);
    // The card grows with the text size (never off the screen), its button well inside it.
    const float w = std::min(ds.x - ctx.px(80), ctx.px(1000) * std::max(1.0f, ctx.fonts.body->FontSize / ctx.px(32)));
    std::string secs = std::to_string(state.idleSecondsLeft);
    const float bw = std::min(w - ctx.px(120), std::max(ctx.px(560), measureText(ctx.fonts.button, ctx.tr("idle_stay")).x + ctx.px(96)));
    const float bh = std::max(ctx.px(112), measureText(ctx.fonts.button, ctx.tr("idle_stay"), bw - ctx.px(32)).y + ctx.px(40));
    const float h = ctx.px(56) + measureText(ctx.fonts.title, ctx.tr("idle_title"), w).y + ctx.px(24) + ctx.fonts.display->FontSize + ctx.px(16) +
                    measureText(ctx.fonts.body, ctx.fmt("idle_text", {secs}), w - ctx.px(160)).y + ctx.px(36) + bh + ctx.px(56);
    ImVec2 c0((ds.x - w) * 0.5f, (ds.y - h) * 0.5f);
    fillRoundRect(dl, c0, ImVec2(c0.x + w, c0.y + h), th.surface, ctx.px(32));
    float y = c0.y + ctx.px(56);
    y += drawTextCentered(dl, ctx.fonts.title, c0.x, y, w, th.text, ctx.tr("idle_title")).y + ctx.px(24);
    y += drawTextCentered(dl, ctx.fonts.display, c0.x, y, w, th.primary, secs).y + ctx.px(16);
    y += drawTextCentered(dl, ctx.fonts.body, c0.x + ctx.px(80), y, w - ctx.px(160), th.textMuted, ctx.fmt("idle_text", {secs})).y + ctx.px(36);
    ImGui::SetCursorScreenPos(ImVec2(c0.x + (w - bw) * 0.5f, y));
    if (touchButton(ctx, "idle.stay", ctx.tr("idle_stay"), ImVec2(bw, bh), ButtonStyle::Primary)) intents.push_back(kiosk::intent::StillHere{});
    // Any touch on the dimmed page also counts as "still here" (submitted last: the button above
    // keeps its own press feedback).
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (touchArea(ctx, "idle.backdrop", ds)) intents.push_back(kiosk::intent::StillHere{});
}

} // namespace ui
