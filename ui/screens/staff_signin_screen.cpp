// Names on the left (large buttons), PIN dots and a 3x4 pad on the right.
#include "ui/screens/staff_signin_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"

namespace ui {

void StaffSignInScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    using K = kiosk::StaffIntent::Kind;
    const Theme& th = ctx.theme;
    drawStaffBar(ctx, state, intents);
    PageArea a = staffPage(ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = a.min.y;
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.tr("staff_signin_title")).y + ctx.px(32);

    const float gap = ctx.px(64), leftW = (a.width() - gap) * 0.5f;
    // 1. Who: one button per active account.
    float ly = y;
    ly += drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, ly), th.textMuted, ctx.tr("staff_signin_who")).y + ctx.px(20);
    const float nameH = ctx.px(88), nameGap = ctx.px(16);
    for (size_t i = 0; i < state.staffNames.size() && ly + nameH < a.max.y; ++i) {
        const std::string& name = state.staffNames[i];
        ImGui::SetCursorScreenPos(ImVec2(a.min.x, ly));
        const bool chosen = name == state.chosenName;
        const std::string id = "staff.name." + std::to_string(i);
        if (touchButton(ctx, id.c_str(), (chosen ? "✓  " : "") + name, ImVec2(leftW, nameH), chosen ? ButtonStyle::Primary : ButtonStyle::Secondary))
            intents.push_back({K::ChooseStaff, name});
        ly += nameH + nameGap;
    }

    // 2. The PIN: dots for what was typed, then the pad.
    const float rx = a.min.x + leftW + gap, rw = a.width() - leftW - gap;
    float ry = y;
    ry += drawText(dl, ctx.fonts.heading, ImVec2(rx, ry), th.textMuted, ctx.tr("staff_signin_pin")).y + ctx.px(20);
    const float dot = ctx.px(22), dotGap = ctx.px(28);
    const int shown = std::max(4, state.pinLength);
    float dx = rx + (rw - (shown * dot * 2 + (shown - 1) * dotGap)) * 0.5f;
    for (int i = 0; i < shown; ++i) {
        ImVec2 c(dx + dot + i * (2 * dot + dotGap), ry + dot);
        if (i < state.pinLength) dl->AddCircleFilled(c, dot, th.primary, 32);
        else dl->AddCircle(c, dot, th.border, 32, ctx.px(3));
    }
    ry += 2 * dot + ctx.px(28);
    ry += drawStaffMessage(ctx, state, ImVec2(rx, ry), rw);
    if (!state.message.empty()) ry += ctx.px(20);

    const float keyW = std::min(ctx.px(200), (rw - 2 * ctx.px(20)) / 3), keyH = ctx.px(96), kg = ctx.px(20);
    const float px0 = rx + (rw - (3 * keyW + 2 * kg)) * 0.5f;
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(px0 + (i % 3) * (keyW + kg), ry + (i / 3) * (keyH + kg)));
        const std::string k = keys[i];
        if (k == "del") {
            if (touchButton(ctx, "pin.backspace", "← " + ctx.tr("staff_pin_clear"), ImVec2(keyW, keyH), ButtonStyle::Quiet))
                intents.push_back({K::PinBackspace});
        } else if (k == "ok") {
            if (touchButton(ctx, "pin.ok", ctx.tr("staff_signin_ok"), ImVec2(keyW, keyH), ButtonStyle::Primary)) intents.push_back({K::PinSubmit});
        } else if (touchButton(ctx, ("pin." + k).c_str(), k, ImVec2(keyW, keyH), ButtonStyle::Secondary, ctx.fonts.title)) {
            intents.push_back({K::PinDigit, k});
        }
    }
}

} // namespace ui
