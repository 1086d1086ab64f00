// Who was read from the card (name, masked number), the purpose, and two equal answers.
#include "ui/screens/staff/consent_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void StaffConsentScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginStaffPage(ctx, state, intents, ctx.tr("staff_consent_title"), 12);
    y += drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, y), th.primary, state.citizenName + "   ·   " + state.citizenIdMasked).y + ctx.px(32);

    // The text the citizen hears, on a card, in the large reading size.
    const float pad = ctx.px(40), w = a.width();
    float ty = y + pad;
    const ImVec2 lead = measureText(ctx.fonts.body, ctx.tr("staff_consent_lead"), w - 2 * pad);
    const ImVec2 body = measureText(ctx.fonts.reading, ctx.tr("staff_consent_text"), w - 2 * pad);
    const float cardH = lead.y + ctx.px(16) + body.y + 2 * pad;
    fillRoundRect(dl, ImVec2(a.min.x, y), ImVec2(a.max.x, y + cardH), th.surface, ctx.px(24));
    dl->AddRect(ImVec2(a.min.x, y), ImVec2(a.max.x, y + cardH), th.border, ctx.px(24), 0, ctx.px(2));
    ty += drawText(dl, ctx.fonts.body, ImVec2(a.min.x + pad, ty), th.textMuted, ctx.tr("staff_consent_lead"), w - 2 * pad).y + ctx.px(16);
    drawText(dl, ctx.fonts.reading, ImVec2(a.min.x + pad, ty), th.text, ctx.tr("staff_consent_text"), w - 2 * pad);
    y += cardH + ctx.px(48);

    // Two answers of equal weight: saying no must be as easy as saying yes.
    const float gap = ctx.px(32), bw = (w - gap) / 2, bh = ctx.px(120);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    if (touchButton(ctx, "consent.yes", "✓  " + ctx.tr("staff_consent_yes"), ImVec2(bw, bh), ButtonStyle::Primary, ctx.fonts.heading))
        intents.push_back(kiosk::staff_intent::ConsentYes{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + bw + gap, y));
    if (touchButton(ctx, "consent.no", ctx.tr("staff_consent_no"), ImVec2(bw, bh), ButtonStyle::Secondary, ctx.fonts.heading))
        intents.push_back(kiosk::staff_intent::ConsentNo{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - ctx.px(80)));
    if (touchButton(ctx, "staff.back", "←  " + ctx.tr("staff_back"), ImVec2(ctx.px(280), ctx.px(80)), ButtonStyle::Quiet)) intents.push_back(kiosk::staff_intent::Back{});
}

} // namespace ui
