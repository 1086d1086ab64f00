// Touch targets over ImGui::InvisibleButton.
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

float dragThreshold(const Context& ctx) { return ctx.px(18.0f); }

bool touchArea(Context& ctx, const char* id, ImVec2 size, bool* pressed)
{
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, size);
    const ImGuiIO& io = ImGui::GetIO();
    float t = dragThreshold(ctx);
    bool dragged = io.MouseDragMaxDistanceSqr[0] > t * t;
    if (clicked && dragged) clicked = false;
    if (pressed) *pressed = ImGui::IsItemActive() && ImGui::IsItemHovered() && !dragged;
    // Only what a finger can reach is recorded: items scrolled out of their area are not hits.
    ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin(), clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    ImVec2 a(std::max(pos.x, clipMin.x), std::max(pos.y, clipMin.y));
    ImVec2 b(std::min(pos.x + size.x, clipMax.x), std::min(pos.y + size.y, clipMax.y));
    const bool whole = pos.x >= clipMin.x && pos.y >= clipMin.y && pos.x + size.x <= clipMax.x && pos.y + size.y <= clipMax.y;
    if (b.x > a.x && b.y > a.y) ctx.addHit(id, a, b, whole);
    return clicked;
}

bool touchButton(Context& ctx, const char* id, const std::string& label, ImVec2 size, ButtonStyle style, ImFont* font)
{
    size.x = std::max(size.x, ctx.px(64));
    size.y = std::max(size.y, ctx.px(64));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = false;
    bool clicked = touchArea(ctx, id, size, &pressed);
    const Theme& th = ctx.theme;
    ImU32 fill, text, border = 0;
    switch (style) {
    case ButtonStyle::Primary:
        fill = pressed ? th.primaryPressed : th.primary;
        text = th.onPrimary;
        break;
    case ButtonStyle::Secondary:
        fill = pressed ? th.secondaryPressed : th.surface;
        text = th.primary;
        border = th.primary;
        break;
    case ButtonStyle::OnDark:
        fill = pressed ? IM_COL32(255, 255, 255, 60) : IM_COL32(255, 255, 255, 28);
        text = th.onPrimary;
        border = IM_COL32(255, 255, 255, 150);
        break;
    case ButtonStyle::OnDarkSolid:
        fill = pressed ? mix(IM_COL32_WHITE, th.primary, 0.2f) : IM_COL32_WHITE;
        text = th.primary;
        break;
    case ButtonStyle::Quiet:
    default:
        fill = pressed ? th.secondaryPressed : th.secondary;
        text = th.text;
        break;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = ctx.px(18);
    ImVec2 off = pressed ? ImVec2(0, ctx.px(2)) : ImVec2(0, 0);   // pressed buttons sink a little
    if (!pressed && style == ButtonStyle::Primary)
        fillRoundRect(dl, ImVec2(pos.x, pos.y + ctx.px(4)), ImVec2(pos.x + size.x, pos.y + size.y + ctx.px(4)), th.shadow, r);
    fillRoundRect(dl, ImVec2(pos.x + off.x, pos.y + off.y), ImVec2(pos.x + size.x + off.x, pos.y + size.y + off.y), fill, r);
    if (border) dl->AddRect(ImVec2(pos.x, pos.y + off.y), ImVec2(pos.x + size.x, pos.y + size.y + off.y), border, r, 0, ctx.px(3));
    // The label in the button's font; when the words cannot fit (a narrow screen at the largest
    // text size) in a smaller one rather than across the button's edge.
    ImFont* want = font ? font : ctx.fonts.button;
    const ImVec2 box(size.x - ctx.px(32), size.y - ctx.px(12));
    ImFont* f = want;
    if (measureText(want, label, box.x).y > box.y || measureText(want, label, box.x).x > box.x + 1) {
        f = fitFont({want, ctx.fonts.bodyBold, ctx.fonts.body, ctx.fonts.small}, label, box);
        if (f->FontSize > want->FontSize) f = want;
    }
    ImVec2 ts = measureText(f, label, size.x - ctx.px(32));
    drawTextCentered(dl, f, pos.x + ctx.px(16), pos.y + off.y + (size.y - ts.y) * 0.5f, size.x - ctx.px(32), text, label);
    return clicked;
}

} // namespace ui
