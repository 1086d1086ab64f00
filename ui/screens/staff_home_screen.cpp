// The greeting, the main action, and (for admins) the way out to the desktop.
#include "ui/screens/staff_home_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"

namespace ui {

void StaffHomeScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    using K = kiosk::StaffIntent::Kind;
    const Theme& th = ctx.theme;
    drawStaffBar(ctx, state, intents);
    PageArea a = staffPage(ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = a.min.y + ctx.px(40);
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.fmt("staff_home_hello", {state.memberName})).y + ctx.px(16);
    y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_home_lead"), a.width() * 0.7f).y + ctx.px(48);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    if (touchButton(ctx, "staff.new", ctx.tr("staff_new_session"), ImVec2(ctx.px(760), ctx.px(140)), ButtonStyle::Primary, ctx.fonts.heading))
        intents.push_back({K::NewSession});
    y += ctx.px(140) + ctx.px(40);
    y += drawStaffMessage(ctx, state, ImVec2(a.min.x, y), ctx.px(760));
    if (state.role == kiosk::StaffRole::Admin) {
        ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - ctx.px(88)));
        if (touchButton(ctx, "staff.exit", ctx.tr("staff_exit_desktop"), ImVec2(ctx.px(560), ctx.px(88)), ButtonStyle::Quiet))
            intents.push_back({K::ExitToDesktop});
    }
}

} // namespace ui
