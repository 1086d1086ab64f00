// Names on the left (large buttons) with the badge hint under them, PIN dots and a 3x4 pad on
// the right. The code readers run meanwhile (kiosk::ReaderPump): a badge needs no tap at all.
#include "ui/screens/staff/signin_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

namespace {

// A badge with a QR code on it, drawn from rectangles: three finder squares and a few modules.
void drawBadgeIcon(ImDrawList* dl, ImVec2 p, float s, ImU32 ink, ImU32 card)
{
    fillRoundRect(dl, p, ImVec2(p.x + s, p.y + s * 1.3f), card, s * 0.1f);
    dl->AddRect(p, ImVec2(p.x + s, p.y + s * 1.3f), ink, s * 0.1f, 0, s * 0.04f);
    const float m = s * 0.09f, q0x = p.x + s * 0.16f, q0y = p.y + s * 0.16f;
    auto finder = [&](float x, float y) {
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 3 * m, y + 3 * m), ink);
        dl->AddRectFilled(ImVec2(x + m * 0.6f, y + m * 0.6f), ImVec2(x + m * 2.4f, y + m * 2.4f), card);
        dl->AddRectFilled(ImVec2(x + m, y + m), ImVec2(x + 2 * m, y + 2 * m), ink);
    };
    finder(q0x, q0y);
    finder(q0x + 4.5f * m, q0y);
    finder(q0x, q0y + 4.5f * m);
    dl->AddRectFilled(ImVec2(q0x + 5 * m, q0y + 5 * m), ImVec2(q0x + 6 * m, q0y + 6 * m), ink);
    dl->AddRectFilled(ImVec2(q0x + 6.5f * m, q0y + 6.5f * m), ImVec2(q0x + 7.5f * m, q0y + 7.5f * m), ink);
    dl->AddRectFilled(ImVec2(q0x + 4.5f * m, q0y + 7 * m), ImVec2(q0x + 5.5f * m, q0y + 7.5f * m), ink);
    // The holder's name, as two lines under the code.
    dl->AddRectFilled(ImVec2(p.x + s * 0.16f, p.y + s * 0.98f), ImVec2(p.x + s * 0.84f, p.y + s * 1.04f), ink);
    dl->AddRectFilled(ImVec2(p.x + s * 0.16f, p.y + s * 1.12f), ImVec2(p.x + s * 0.6f, p.y + s * 1.17f), ink);
}

} // namespace

void StaffSignInScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginStaffPage(ctx, state, intents, ctx.tr("staff_signin_title"), 32);

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
            intents.push_back(kiosk::staff_intent::ChooseStaff{name});
        ly += nameH + nameGap;
    }

    // Or a badge, when there is a camera or scanner to read it.
    const kiosk::DevicesConfig& dev = ctx.config.devices;
    if (!dev.camera.empty() || !dev.scanner.empty() || !dev.serialScanner.empty()) {
        const float icon = ctx.px(64), pad = ctx.px(24), tw = leftW - icon - 3 * pad;
        const std::string& hint = ctx.tr("staff_signin_badge");
        const float h = std::max(icon * 1.3f, measureText(ctx.fonts.body, hint, tw).y) + 2 * pad;
        const ImVec2 b0(a.min.x, std::max(ly + ctx.px(16), a.max.y - h)), b1(a.min.x + leftW, b0.y + h);
        if (b1.y <= a.max.y + 1) {
            fillRoundRect(dl, b0, b1, th.surface, ctx.px(16));
            dl->AddRect(b0, b1, th.border, ctx.px(16), 0, ctx.px(1.5f));
            drawBadgeIcon(dl, ImVec2(b0.x + pad, b0.y + (h - icon * 1.3f) * 0.5f), icon, th.text, th.surface);
            const ImVec2 ts = measureText(ctx.fonts.body, hint, tw);
            drawText(dl, ctx.fonts.body, ImVec2(b0.x + icon + 2 * pad, b0.y + (h - ts.y) * 0.5f), th.text, hint, tw);
        }
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
                intents.push_back(kiosk::staff_intent::PinBackspace{});
        } else if (k == "ok") {
            if (touchButton(ctx, "pin.ok", ctx.tr("staff_signin_ok"), ImVec2(keyW, keyH), ButtonStyle::Primary)) intents.push_back(kiosk::staff_intent::PinSubmit{});
        } else if (touchButton(ctx, ("pin." + k).c_str(), k, ImVec2(keyW, keyH), ButtonStyle::Secondary, ctx.fonts.title)) {
            intents.push_back(kiosk::staff_intent::PinDigit{k[0]});
        }
    }
}

} // namespace ui
