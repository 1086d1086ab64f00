// The shared page geometry of the citizen screens, and the bar every page begins with.
#include "ui/screens/screen.hpp"
#include "ui/widgets/top_bar.hpp"

namespace ui {

PageArea pageArea(const Context& ctx)
{
    ImVec2 ds = ImGui::GetIO().DisplaySize;
    float m = ctx.px(64);
    return {ImVec2(m, topBarHeight(ctx) + ctx.px(40)), ImVec2(ds.x - m, ds.y - ctx.px(40))};
}

Page beginPage(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    drawTopBar(ctx, state, intents);
    const PageArea a = pageArea(ctx);
    return {a, ImGui::GetWindowDrawList(), a.min.y};
}

} // namespace ui
