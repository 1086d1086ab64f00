// The greeting, the main action, and (for admins) the way out to the desktop.
#include "ui/screens/staff/home_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <ctime>

namespace ui {

namespace {

std::string localTime(int64_t unixSeconds)
{
    std::time_t t = static_cast<std::time_t>(unixSeconds + 7 * 3600);   // Vietnam, whatever the machine's zone
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%H:%M %d/%m/%Y", &tm);
    return buf;
}

// The right-hand card: this quarter's figures, target bars, the deadline, the upload.
void drawDashboard(Context& ctx, const kiosk::StaffState& state, ImVec2 pos, ImVec2 size, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    const kiosk::Dashboard& d = state.dashboard;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    fillRoundRect(dl, pos, max, th.surface, ctx.px(24));
    dl->AddRect(pos, max, th.border, ctx.px(24), 0, ctx.px(2));
    const float pad = ctx.px(36), x = pos.x + pad, w = size.x - 2 * pad;
    float y = pos.y + pad;
    // The first figures of this sign-in are still being counted (off the frame thread): say so
    // rather than show zeros.
    const bool counting = state.dashboardLoading && d.quarterLabel.empty();
    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), th.textMuted,
                  counting ? ctx.tr("staff_dashboard_counting") : ctx.fmt("staff_quarter", {d.quarterLabel}), w).y + ctx.px(12);
    // Two big numbers side by side.
    const std::string sessions = counting ? "…" : std::to_string(d.sessions), citizens = counting ? "…" : std::to_string(d.citizens);
    drawText(dl, ctx.fonts.display, ImVec2(x, y), th.primary, sessions);
    drawText(dl, ctx.fonts.display, ImVec2(x + w * 0.5f, y), th.primary, citizens);
    y += ctx.fonts.display->FontSize + ctx.px(4);
    drawText(dl, ctx.fonts.body, ImVec2(x, y), th.textMuted, ctx.tr("staff_quarter_sessions"));
    drawText(dl, ctx.fonts.body, ImVec2(x + w * 0.5f, y), th.textMuted, ctx.tr("staff_quarter_citizens"));
    y += ctx.fonts.body->FontSize + ctx.px(20);
    if (counting) return;   // the deadline, targets and upload come with the figures
    const std::string due = d.daysUntilDue >= 0 ? ctx.fmt("staff_due", {std::to_string(d.daysUntilDue), d.dueDate}) : ctx.fmt("staff_due_past", {d.dueDate});
    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), d.daysUntilDue >= 0 && d.daysUntilDue <= 7 ? rgb(0xB54708) : th.text, due, w).y + ctx.px(28);

    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), th.text, ctx.tr("staff_targets")).y + ctx.px(12);
    int shown = 0;
    for (const kiosk::DashboardBar& b : d.bars) {
        if (!b.target || shown >= 4) continue;
        ++shown;
        const std::string figure = std::to_string(b.achieved) + " / " + std::to_string(*b.target);
        const float fw = measureText(ctx.fonts.small, figure).x;
        drawText(dl, ctx.fonts.small, ImVec2(x, y), th.text, b.label, w - fw - ctx.px(16));
        drawText(dl, ctx.fonts.small, ImVec2(x + w - fw, y), th.textMuted, figure);
        y += ctx.fonts.small->FontSize + ctx.px(8);
        fillRoundRect(dl, ImVec2(x, y), ImVec2(x + w, y + ctx.px(14)), th.border, ctx.px(7));
        fillRoundRect(dl, ImVec2(x, y), ImVec2(x + std::max(ctx.px(14), w * float(b.fraction())), y + ctx.px(14)), th.primary, ctx.px(7));
        y += ctx.px(14) + ctx.px(16);
    }
    if (shown == 0) y += drawText(dl, ctx.fonts.small, ImVec2(x, y), th.textMuted, ctx.tr("staff_no_targets"), w).y + ctx.px(16);

    // The upload, at the bottom of the card.
    float uy = max.y - pad - ctx.px(88) - ctx.px(16) - 3 * (ctx.fonts.small->FontSize + ctx.px(6));
    uy = std::max(uy, y + ctx.px(12));
    dl->AddLine(ImVec2(x, uy - ctx.px(12)), ImVec2(x + w, uy - ctx.px(12)), th.border, ctx.px(2));
    const kiosk::UploadStatus& u = d.upload;
    uy += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, uy), th.text, ctx.tr("staff_upload")).y + ctx.px(6);
    const std::string last = u.lastSuccess ? ctx.fmt("staff_upload_last", {localTime(u.lastSuccess)}) : ctx.tr("staff_upload_never");
    uy += drawText(dl, ctx.fonts.small, ImVec2(x, uy), th.textMuted, last, w).y + ctx.px(6);
    uy += drawText(dl, ctx.fonts.small, ImVec2(x, uy), th.textMuted, ctx.fmt("staff_upload_waiting", {std::to_string(u.waiting.total())}), w).y + ctx.px(6);
    if (!u.lastError.empty())   // the detail (an address, a server's words) is in the kiosk's log
        drawText(dl, ctx.fonts.small, ImVec2(x, uy), rgb(0x912018), ctx.tr("staff_upload_error"), w);
    ImGui::SetCursorScreenPos(ImVec2(x, max.y - pad - ctx.px(88)));
    if (touchButton(ctx, "staff.upload", state.uploading ? "…" : ctx.tr("staff_upload_now"), ImVec2(w, ctx.px(88)), ButtonStyle::Secondary))
        intents.push_back(kiosk::staff_intent::UploadNow{});
}

} // namespace

void StaffHomeScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginStaffPage(ctx, state, intents);
    // Landscape: the greeting and the main action on the left, the figures in a card on the right.
    // Portrait: one column, the card under the action.
    const float cardW = ctx.portrait ? a.width() : ctx.px(640);
    const float leftW = ctx.portrait ? a.width() : a.width() - cardW - ctx.px(72);
    y += ctx.px(ctx.portrait ? 8 : 40);
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.fmt("staff_home_hello", {state.memberName}), leftW).y + ctx.px(16);
    y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_home_lead"), leftW).y + ctx.px(ctx.portrait ? 28 : 48);
    const float newW = std::min(ctx.px(760), leftW), newH = ctx.px(140);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    if (touchButton(ctx, "staff.new", ctx.tr("staff_new_session"), ImVec2(newW, newH), ButtonStyle::Primary, ctx.fonts.heading))
        intents.push_back(kiosk::staff_intent::NewSession{});
    y += newH + ctx.px(ctx.portrait ? 28 : 40);
    const float msgH = drawStaffMessage(ctx, state, ImVec2(a.min.x, y), newW);
    y += msgH > 0 ? msgH + ctx.px(28) : 0.0f;
    const bool admin = state.role == kiosk::StaffRole::Admin;
    const float exitH = ctx.px(88), exitW = std::min(ctx.px(560), leftW);
    if (ctx.portrait)
        drawDashboard(ctx, state, ImVec2(a.min.x, y), ImVec2(cardW, a.max.y - y - (admin ? exitH + ctx.px(28) : 0.0f)), intents);
    else
        drawDashboard(ctx, state, ImVec2(a.max.x - cardW, a.min.y), ImVec2(cardW, a.height()), intents);
    if (admin) {
        ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - exitH));
        if (touchButton(ctx, "staff.exit", ctx.tr("staff_exit_desktop"), ImVec2(exitW, exitH), ButtonStyle::Quiet))
            intents.push_back(kiosk::staff_intent::ExitToDesktop{});
    }
}

} // namespace ui
