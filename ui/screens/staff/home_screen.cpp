// The greeting, the main action, and (for admins) the way out to the desktop.
#include "ui/screens/staff/home_screen.hpp"
#include "kiosk/content/lesson_checks.hpp"
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

// The height drawDashboard's content needs at `width` (portrait gives the card that much).
float dashboardNeed(const Context& ctx, const kiosk::StaffState& state, float width)
{
    const kiosk::Dashboard& d = state.dashboard;
    const float pad = ctx.px(36), w = width - 2 * pad;
    float h = 2 * pad + measureText(ctx.fonts.bodyBold, ctx.fmt("staff_quarter", {d.quarterLabel}), w).y + ctx.px(12) + ctx.fonts.display->FontSize + ctx.px(4) +
              ctx.fonts.body->FontSize + ctx.px(20);
    const std::string due = ctx.fmt("staff_due", {std::to_string(d.daysUntilDue), d.dueDate});
    h += measureText(ctx.fonts.bodyBold, due, w).y + ctx.px(28) + ctx.fonts.bodyBold->FontSize + ctx.px(12);
    int bars = 0;
    for (const kiosk::DashboardBar& b : d.bars) bars += b.target && bars < 4 ? 1 : 0;
    h += bars > 0 ? float(bars) * (ctx.fonts.small->FontSize + ctx.px(8 + 14 + 16)) : measureText(ctx.fonts.small, ctx.tr("staff_no_targets"), w).y + ctx.px(16);
    h += ctx.px(12) + ctx.fonts.bodyBold->FontSize + 3 * (ctx.fonts.small->FontSize + ctx.px(6)) + ctx.px(16) + ctx.px(88);
    return h;
}

// The right-hand card: this quarter's figures, target bars, the deadline, the upload.
// A white card with its border, and where its content goes.
struct Card {
    ImVec2 max;
    float x, w, y, pad;
};
Card card(const Context& ctx, ImDrawList* dl, ImVec2 pos, ImVec2 size)
{
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    fillRoundRect(dl, pos, max, ctx.theme.surface, ctx.px(24));
    dl->AddRect(pos, max, ctx.theme.border, ctx.px(24), 0, ctx.px(2));
    const float pad = ctx.px(36);
    return {max, pos.x + pad, size.x - 2 * pad, pos.y + pad, pad};
}

void drawDashboard(Context& ctx, const kiosk::StaffState& state, ImVec2 pos, ImVec2 size, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    const kiosk::Dashboard& d = state.dashboard;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Card c = card(ctx, dl, pos, size);
    const ImVec2 max = c.max;
    const float pad = c.pad, x = c.x, w = c.w;
    float y = c.y;
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

    // The upload, at the bottom of the card: its lines measured, the button under them.
    const kiosk::UploadStatus& u = d.upload;
    const std::string last = u.lastSuccess ? ctx.fmt("staff_upload_last", {localTime(u.lastSuccess)}) : ctx.tr("staff_upload_never");
    const std::string waiting = ctx.fmt("staff_upload_waiting", {std::to_string(u.waiting.total())});
    const float linesH = measureText(ctx.fonts.bodyBold, ctx.tr("staff_upload"), w).y + ctx.px(6) + measureText(ctx.fonts.small, last, w).y + ctx.px(6) +
                         measureText(ctx.fonts.small, waiting, w).y + ctx.px(6) +
                         (u.lastError.empty() ? 0.0f : measureText(ctx.fonts.small, ctx.tr("staff_upload_error"), w).y + ctx.px(6));
    float uy = std::max(max.y - pad - ctx.px(88) - ctx.px(16) - linesH, y + ctx.px(12));
    dl->AddLine(ImVec2(x, uy - ctx.px(12)), ImVec2(x + w, uy - ctx.px(12)), th.border, ctx.px(2));
    uy += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, uy), th.text, ctx.tr("staff_upload"), w).y + ctx.px(6);
    uy += drawText(dl, ctx.fonts.small, ImVec2(x, uy), th.textMuted, last, w).y + ctx.px(6);
    uy += drawText(dl, ctx.fonts.small, ImVec2(x, uy), th.textMuted, waiting, w).y + ctx.px(6);
    if (!u.lastError.empty())   // the detail (an address, a server's words) is in the kiosk's log
        drawText(dl, ctx.fonts.small, ImVec2(x, uy), rgb(0x912018), ctx.tr("staff_upload_error"), w);
    ImGui::SetCursorScreenPos(ImVec2(x, max.y - pad - ctx.px(88)));
    if (touchButton(ctx, "staff.upload", state.uploading ? "…" : ctx.tr("staff_upload_now"), ImVec2(w, ctx.px(88)), ButtonStyle::Secondary))
        intents.push_back(kiosk::staff_intent::UploadNow{});
}

// The household register's villages, furthest behind first: households reached this year against
// 90 % of the village's households, and the share where one person has VNeID level 2 and an
// online public service. As many as fit; the rest counted.
float villagesHeight(const Context& ctx, size_t shown, float width)
{
    const float row = ctx.fonts.bodyBold->FontSize + ctx.px(8) + ctx.px(14) + ctx.px(6) + ctx.fonts.small->FontSize + ctx.px(18);
    return ctx.px(36) * 2 + measureText(ctx.fonts.bodyBold, ctx.tr("staff_villages_title"), width - ctx.px(72)).y + ctx.px(16) + float(shown) * row +
           ctx.fonts.small->FontSize + ctx.px(8);
}

void drawVillages(Context& ctx, const kiosk::Dashboard& d, ImVec2 pos, ImVec2 size)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Card c = card(ctx, dl, pos, size);
    const Theme& th = ctx.theme;
    const float x = c.x, w = c.w, last = c.max.y - c.pad;
    float y = c.y;
    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), th.text, ctx.tr("staff_villages_title"), w).y + ctx.px(16);
    const float row = ctx.fonts.bodyBold->FontSize + ctx.px(8) + ctx.px(14) + ctx.px(6) + ctx.fonts.small->FontSize + ctx.px(18);
    size_t shown = 0;
    for (const kiosk::DashboardVillage& v : d.villages) {
        if (y + row > last - ctx.fonts.small->FontSize - ctx.px(8)) break;
        ++shown;
        const std::string figure = ctx.fmt("staff_village_reached", {std::to_string(v.reached), std::to_string(v.goal())});
        const float fw = measureText(ctx.fonts.body, figure).x;
        drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), th.text, v.village, w - fw - ctx.px(16));
        drawText(dl, ctx.fonts.body, ImVec2(x + w - fw, y), th.textMuted, figure);
        y += ctx.fonts.bodyBold->FontSize + ctx.px(8);
        const bool met = v.reached >= v.goal();
        const ImU32 bar = ctx.highContrast ? th.primary : met ? rgb(0x067647) : v.reachedFraction() < 0.5 ? rgb(0xB54708) : th.primary;
        fillRoundRect(dl, ImVec2(x, y), ImVec2(x + w, y + ctx.px(14)), th.border, ctx.px(7));
        fillRoundRect(dl, ImVec2(x, y), ImVec2(x + std::max(ctx.px(14), w * float(v.reachedFraction())), y + ctx.px(14)), bar, ctx.px(7));
        y += ctx.px(14) + ctx.px(6);
        const int share = static_cast<int>(v.vneidDvcShare() * 100.0 + 0.5);
        drawText(dl, ctx.fonts.small, ImVec2(x, y), th.textMuted,
                 ctx.fmt("staff_village_vneid_dvc", {std::to_string(v.vneidDvc), std::to_string(v.households), std::to_string(share)}), w);
        y += ctx.fonts.small->FontSize + ctx.px(18);
    }
    if (shown < d.villages.size())
        drawText(dl, ctx.fonts.small, ImVec2(x, y), th.textMuted, ctx.fmt("staff_villages_more", {std::to_string(d.villages.size() - shown)}), w);
}

// Lessons whose facts were last checked against the real apps more than six months ago (or never):
// staff pass the list to whoever maintains the content.
std::vector<std::string> lessonsDue(const Context& ctx, const kiosk::Dashboard& d)
{
    std::vector<std::string> out;
    if (d.today.year == 0) return out;
    for (const kiosk::Lesson& l : ctx.catalogue.lessons)
        if (kiosk::dueForCheck(l, d.today)) out.push_back(l.title.in(ctx.lang));
    return out;
}

float dueHeight(const Context& ctx, const std::vector<std::string>& due, float width)
{
    float h = ctx.px(24) * 2 + measureText(ctx.fonts.bodyBold, ctx.fmt("staff_lessons_due", {std::to_string(due.size())}), width - ctx.px(48)).y;
    for (size_t i = 0; i < due.size() && i < 3; ++i) h += ctx.px(6) + measureText(ctx.fonts.small, "• " + due[i], width - ctx.px(48)).y;
    return h;
}

void drawDue(Context& ctx, const std::vector<std::string>& due, ImVec2 pos, float width)
{
    const Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = dueHeight(ctx, due, width), pad = ctx.px(24), w = width - 2 * pad;
    const ImU32 ink = ctx.highContrast ? th.text : rgb(0x93370D), bg = ctx.highContrast ? th.surface : rgb(0xFFFAEB);
    fillRoundRect(dl, pos, ImVec2(pos.x + width, pos.y + h), bg, ctx.px(16));
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), ink, ctx.px(16), 0, ctx.px(2));
    float y = pos.y + pad;
    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(pos.x + pad, y), ink, ctx.fmt("staff_lessons_due", {std::to_string(due.size())}), w).y;
    for (size_t i = 0; i < due.size() && i < 3; ++i)
        y += ctx.px(6) + drawText(dl, ctx.fonts.small, ImVec2(pos.x + pad, y + ctx.px(6)), th.text, "• " + due[i], w).y;
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
    // The villages of the household register (when the commune imported one): under the main
    // action in the left column (landscape), or between it and the figures (portrait).
    if (!state.dashboard.villages.empty()) {
        // Portrait: as many villages as leave the figures' card its room.
        const float limit = ctx.portrait ? a.max.y - (admin ? exitH + ctx.px(28) : 0.0f) - ctx.px(28) - dashboardNeed(ctx, state, cardW)
                                         : a.max.y - (admin ? exitH + ctx.px(28) : 0.0f);
        size_t rows = std::min<size_t>(8, state.dashboard.villages.size());
        while (rows > 1 && y + villagesHeight(ctx, rows, leftW) > limit) --rows;
        const float bottom = y + villagesHeight(ctx, rows, leftW);
        if (bottom <= limit) {
            drawVillages(ctx, state.dashboard, ImVec2(a.min.x, y), ImVec2(leftW, bottom - y));
            if (ctx.portrait) y = bottom + ctx.px(28);
        }
    }
    // Lessons due for a check against the real apps, in the left column when there is room.
    const std::vector<std::string> due = lessonsDue(ctx, state.dashboard);
    if (!due.empty() && !ctx.portrait) {
        const float dh = dueHeight(ctx, due, leftW);
        if (y + dh <= a.max.y - (admin ? exitH + ctx.px(28) : 0.0f)) {
            drawDue(ctx, due, ImVec2(a.min.x, y), leftW);
            y += dh + ctx.px(28);
        }
    }
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
