// The staff bar, page and message line shared by the staff screens.
#include "ui/screens/staff/staff_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

namespace {
float staffBarHeight(const Context& ctx) { return ctx.px(100); }
} // namespace

PageArea staffPage(const Context& ctx)
{
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    return {ImVec2(ctx.px(72), staffBarHeight(ctx) + ctx.px(40)), ImVec2(ds.x - ctx.px(72), ds.y - ctx.px(40))};
}

float drawStaffBar(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    const float h = staffBarHeight(ctx);
    // Slate, not the citizen screens' blue: nobody mistakes staff mode for a lesson.
    const ImU32 bar = ctx.highContrast ? IM_COL32(0, 0, 0, 255) : rgb(0x1F2A37);
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ds.x, h), bar);
    if (ctx.highContrast) dl->AddLine(ImVec2(0, h - 1), ImVec2(ds.x, h - 1), ctx.theme.text, ctx.px(3));
    const std::string title = state.memberName.empty() ? ctx.tr("staff_bar") : ctx.fmt("staff_bar_user", {state.memberName});
    drawText(dl, ctx.fonts.chrome, ImVec2(ctx.px(48), (h - ctx.fonts.chrome->FontSize) * 0.5f), IM_COL32_WHITE, title);
    const float bw = ctx.px(240), bh = ctx.px(72);
    ImGui::SetCursorScreenPos(ImVec2(ds.x - ctx.px(48) - bw, (h - bh) * 0.5f));
    const std::string& label = ctx.tr(state.memberName.empty() ? "staff_close" : "staff_sign_out");
    if (touchButton(ctx, "staff.close", label, ImVec2(bw, bh), ButtonStyle::OnDark, ctx.fonts.chrome)) intents.push_back(kiosk::staff_intent::Close{});
    return h;
}

Page beginStaffPage(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    drawStaffBar(ctx, state, intents);
    const PageArea a = staffPage(ctx);
    return {a, ImGui::GetWindowDrawList(), a.min.y};
}

Page beginStaffPage(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents, const std::string& title, float gapBelow)
{
    Page page = beginStaffPage(ctx, state, intents);
    page.y += drawText(page.dl, ctx.fonts.title, ImVec2(page.area.min.x, page.y), ctx.theme.text, title, page.area.width()).y + ctx.px(gapBelow);
    return page;
}

const char* outcomeKey(kiosk::Outcome o)
{
    switch (o) {
    case kiosk::Outcome::Partial: return "staff_outcome_partial";
    case kiosk::Outcome::Referred: return "staff_outcome_referred";
    default: return "staff_outcome_done";
    }
}

float drawStaffMessage(Context& ctx, const kiosk::StaffState& state, ImVec2 pos, float width)
{
    if (state.message.empty()) return 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fg = state.messageIsError ? (ctx.highContrast ? ctx.theme.text : rgb(0x912018)) : (ctx.highContrast ? ctx.theme.text : rgb(0x05603A));
    const ImU32 bg = state.messageIsError ? (ctx.highContrast ? IM_COL32(0, 0, 0, 255) : rgb(0xFEF3F2)) : (ctx.highContrast ? IM_COL32(0, 0, 0, 255) : rgb(0xECFDF3));
    const float pad = ctx.px(24);
    const ImVec2 size = measureText(ctx.fonts.body, state.message, width - 2 * pad);
    const ImVec2 max(pos.x + width, pos.y + size.y + 2 * pad);
    fillRoundRect(dl, pos, max, bg, ctx.px(16));
    dl->AddRect(pos, max, fg, ctx.px(16), 0, ctx.px(2));
    drawText(dl, ctx.fonts.body, ImVec2(pos.x + pad, pos.y + pad), fg, state.message, width - 2 * pad);
    return max.y - pos.y;
}

} // namespace ui
