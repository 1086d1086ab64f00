// A drawn ID card with its QR corner highlighted, the instruction, the scanners' messages, and
// the two other ways on.
#include "ui/screens/staff/identify_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

namespace {
// The back of a chip ID card, simplified: a rounded card, text lines, the QR square top right.
void drawCardBack(Context& ctx, ImVec2 pos, ImVec2 size)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = ctx.theme;
    const float r = ctx.px(24);
    fillRoundRect(dl, ImVec2(pos.x, pos.y + ctx.px(8)), ImVec2(pos.x + size.x, pos.y + size.y + ctx.px(8)), th.shadow, r);
    fillRoundRect(dl, pos, ImVec2(pos.x + size.x, pos.y + size.y), ctx.highContrast ? IM_COL32(30, 30, 30, 255) : rgb(0xE8F1FB), r);
    dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), th.border, r, 0, ctx.px(2));
    const float q = size.y * 0.46f;
    const ImVec2 q0(pos.x + size.x - q - ctx.px(36), pos.y + ctx.px(36));
    fillRoundRect(dl, q0, ImVec2(q0.x + q, q0.y + q), IM_COL32_WHITE, ctx.px(6));
    // A few modules so it reads as a QR code, not a grey box.
    const float m = q / 9;
    for (int yy = 0; yy < 9; ++yy)
        for (int xx = 0; xx < 9; ++xx) {
            const bool finder = (xx < 3 && yy < 3) || (xx > 5 && yy < 3) || (xx < 3 && yy > 5);
            if (finder ? !(xx % 6 == 1 && yy % 6 == 1) : ((xx * 7 + yy * 3) % 5 < 2))
                dl->AddRectFilled(ImVec2(q0.x + xx * m, q0.y + yy * m), ImVec2(q0.x + (xx + 1) * m, q0.y + (yy + 1) * m), IM_COL32(20, 20, 20, 255));
        }
    dl->AddRect(ImVec2(q0.x - ctx.px(12), q0.y - ctx.px(12)), ImVec2(q0.x + q + ctx.px(12), q0.y + q + ctx.px(12)), th.accent, ctx.px(12), 0, ctx.px(6));
    for (int i = 0; i < 4; ++i) {
        const float ly = pos.y + ctx.px(48) + i * ctx.px(40);
        fillRoundRect(dl, ImVec2(pos.x + ctx.px(40), ly), ImVec2(pos.x + ctx.px(40) + (size.x - q) * (0.55f - i * 0.07f), ly + ctx.px(14)), th.border, ctx.px(7));
    }
    // The chip's fingerprint area at the bottom.
    fillRoundRect(dl, ImVec2(pos.x + ctx.px(40), pos.y + size.y - ctx.px(90)), ImVec2(pos.x + size.x - ctx.px(40), pos.y + size.y - ctx.px(40)), th.border, ctx.px(10));
}
} // namespace

void StaffIdentifyScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginStaffPage(ctx, state, intents, ctx.tr("staff_identify_title"), 32);

    // The card's picture beside the words (landscape) or above them (portrait).
    const float cardW = ctx.px(640), cardH = ctx.px(400);
    drawCardBack(ctx, ImVec2(a.min.x, y), ImVec2(cardW, cardH));
    const float rx = ctx.portrait ? a.min.x : a.min.x + cardW + ctx.px(72), rw = a.max.x - rx;
    float ry = ctx.portrait ? y + cardH + ctx.px(40) : y;
    const float cardBottom = ctx.portrait ? y : y + cardH;
    ry += drawText(dl, ctx.fonts.reading, ImVec2(rx, ry), th.text, ctx.tr("staff_identify_lead"), rw).y + ctx.px(28);
    if (state.message.empty()) {
        // A slow breathing dot says the scanners are listening.
        const float pulse = 0.5f + 0.5f * float(std::sin(ctx.time * 3.0));
        dl->AddCircleFilled(ImVec2(rx + ctx.px(14), ry + ctx.fonts.body->FontSize * 0.55f), ctx.px(10), mix(th.border, th.accent, pulse), 24);
        ry += drawText(dl, ctx.fonts.body, ImVec2(rx + ctx.px(40), ry), th.textMuted, ctx.tr("staff_identify_waiting"), rw - ctx.px(40)).y + ctx.px(28);
        ctx.frameAgainIn(0.2);
    } else {
        ry += drawStaffMessage(ctx, state, ImVec2(rx, ry), rw) + ctx.px(28);
    }

    const float by = std::max(cardBottom + ctx.px(56), ry + ctx.px(24)), bh = ctx.px(104), bw = (a.width() - ctx.px(32)) / 2;
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, by));
    if (touchButton(ctx, "staff.type", ctx.tr("staff_identify_type"), ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::staff_intent::StartTyping{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + bw + ctx.px(32), by));
    if (touchButton(ctx, "staff.anonymous", ctx.tr("staff_identify_anonymous"), ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::staff_intent::Anonymous{});
    drawText(dl, ctx.fonts.small, ImVec2(a.min.x + bw + ctx.px(32), by + bh + ctx.px(12)), th.textMuted, ctx.tr("staff_identify_anonymous_hint"), bw);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - ctx.px(80)));
    if (touchButton(ctx, "staff.back", "←  " + ctx.tr("staff_back"), ImVec2(ctx.px(280), ctx.px(80)), ButtonStyle::Quiet)) intents.push_back(kiosk::staff_intent::Back{});
}

} // namespace ui
