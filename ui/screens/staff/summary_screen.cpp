// A green tick, who and what was recorded, the time spent; "In phiếu" top right.
#include "ui/screens/staff/summary_screen.hpp"
#include "ui/widgets/slip_panel.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void StaffSummaryScreen::draw(Context& ctx, const kiosk::StaffState& state, const kiosk::SlipStatus* slip, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginStaffPage(ctx, state, intents);
    // The slip's column on the right; the record's text wraps before it.
    // In portrait the slip takes a row of its own under the title.
    const bool printer = slip && slip->available;
    const float slipW = ctx.portrait ? a.width() : ctx.px(640);
    const float slipH = ctx.px(112);
    // A failed print shows its message (220 px) and "In lại" under it.
    const float slipTall = slip && slip->phase == kiosk::SlipStatus::Phase::Failed ? ctx.px(220 + 16 + 96) : slipH;
    const float textW = printer && !ctx.portrait ? a.width() - slipW - ctx.px(48) : a.width();
    auto drawSlip = [&](ImVec2 at) {
        // A plain sentence saying what to check; the device's own words go to the log.
        const SlipPanel panel{"summary.print", ctx.tr("slip_failed_staff"), true, ctx.px(220)};
        if (drawSlipPanel(ctx, panel, *slip, at, ImVec2(slipW, slipH))) intents.push_back(kiosk::staff_intent::PrintSlip{});
    };
    if (printer && !ctx.portrait) drawSlip(ImVec2(a.max.x - slipW, a.min.y));
    float y = a.min.y;
    const float r = ctx.px(40);
    fillDisc(dl, ImVec2(a.min.x + r, y + r), r, ctx.highContrast ? th.primary : rgb(0x067647));
    dl->AddLine(ImVec2(a.min.x + r * 0.55f, y + r * 1.02f), ImVec2(a.min.x + r * 0.9f, y + r * 1.38f), IM_COL32_WHITE, ctx.px(8));
    dl->AddLine(ImVec2(a.min.x + r * 0.88f, y + r * 1.38f), ImVec2(a.min.x + r * 1.48f, y + r * 0.66f), IM_COL32_WHITE, ctx.px(8));
    drawText(dl, ctx.fonts.title, ImVec2(a.min.x + 2 * r + ctx.px(24), y + r - ctx.fonts.title->FontSize * 0.6f), th.text, ctx.tr("staff_summary_saved"));
    y += 2 * r + ctx.px(24);
    if (printer && ctx.portrait) {
        drawSlip(ImVec2(a.min.x, y));
        y += slipTall + ctx.px(24);
    }
    y += drawStaffMessage(ctx, state, ImVec2(a.min.x, y), std::min(textW, a.width() * 0.6f)) + ctx.px(24);

    const std::string who = state.haveCitizen ? state.citizenName + "  ·  " + state.citizenIdMasked : ctx.tr("staff_citizen_anonymous");
    y += drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, y), th.primary, who + (state.village.empty() ? "" : "  ·  " + state.village), textW).y + ctx.px(8);
    const int64_t minutes = std::max<int64_t>(1, (state.endedAt - state.startedAt + 30) / 60);
    y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x, y), th.textMuted, ctx.fmt("staff_summary_duration", {std::to_string(minutes)})).y + ctx.px(24);
    for (const kiosk::ServiceTick& t : state.services) {
        if (!t.outcome) continue;
        const std::string line = "✓  " + t.title.in(ctx.lang) + "  —  " + ctx.tr(outcomeKey(*t.outcome));
        y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x + ctx.px(8), y), th.text, line, textW).y + ctx.px(10);
    }
    if (!state.notes.empty())
        y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x + ctx.px(8), y + ctx.px(8)), th.textMuted, ctx.tr("staff_notes") + ": " + state.notes, textW).y;

    const float bh = ctx.px(112), gap = ctx.px(32), bw = std::min(ctx.px(440), (a.width() - 2 * gap) / 3.0f);
    const float by = a.max.y - bh;
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, by));
    if (touchButton(ctx, "summary.next", ctx.tr("staff_summary_next"), ImVec2(bw, bh), ButtonStyle::Primary)) intents.push_back(kiosk::staff_intent::NewSession{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + bw + gap, by));
    if (touchButton(ctx, "summary.edit", ctx.tr("staff_summary_edit"), ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::staff_intent::EditSaved{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + 2 * (bw + gap), by));
    if (touchButton(ctx, "summary.done", ctx.tr("staff_summary_done"), ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::staff_intent::Done{});
}

} // namespace ui
