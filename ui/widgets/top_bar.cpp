// Brand on the left; "English"/"Tiếng Việt" and "Trang đầu" on the right.
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

float topBarHeight(const Context& ctx) { return ctx.px(112); }

void drawTopBar(Context& ctx, const kiosk::AppState& state, std::vector<kiosk::Intent>& intents)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    float h = topBarHeight(ctx);
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ds.x, h), ctx.theme.primary);
    // A small emblem: a rounded square with a check, the movement's name beside it.
    float m = ctx.px(48), e = ctx.px(60);
    ImVec2 e0(m, (h - e) * 0.5f);
    fillRoundRect(dl, e0, ImVec2(e0.x + e, e0.y + e), IM_COL32_WHITE, ctx.px(14));
    drawTextCentered(dl, ctx.fonts.chrome, e0.x, e0.y + (e - ctx.fonts.chrome->FontSize) * 0.5f, e, ctx.theme.primary, "✓");
    float tx = e0.x + e + ctx.px(20);
    drawText(dl, ctx.fonts.chrome, ImVec2(tx, h * 0.5f - ctx.fonts.chrome->FontSize * 0.85f), ctx.theme.onPrimary, ctx.tr("app_name"));
    if (!ctx.config.commune.empty())
    {
        std::string place = ctx.fmt("top_place", {ctx.config.commune});
        drawText(dl, ctx.fonts.chromeSmall, ImVec2(tx, h * 0.5f + ctx.px(6)), mix(ctx.theme.onPrimary, ctx.theme.primary, 0.2f), place);
    }

    float bh = ctx.px(76), bw = ctx.px(250), gap = ctx.px(20);
    float y = (h - bh) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(ds.x - m - bw, y));
    // The bar keeps its size whatever the text size, so it always fits.
    ImFont* f = ctx.fonts.chrome;
    if (touchButton(ctx, "top.home", ctx.tr("top_home"), ImVec2(bw, bh), ButtonStyle::OnDark, f)) intents.push_back(kiosk::intent::GoHome{});
    ImGui::SetCursorScreenPos(ImVec2(ds.x - m - 2 * bw - gap, y));
    const std::string& other = ctx.strings.get("top_language", state.lang == kiosk::Lang::Vi ? kiosk::Lang::En : kiosk::Lang::Vi);
    if (touchButton(ctx, "top.language", other, ImVec2(bw, bh), ButtonStyle::OnDark, f)) intents.push_back(kiosk::intent::ToggleLanguage{});
    ImGui::SetCursorScreenPos(ImVec2(ds.x - m - 3 * bw - 2 * gap - ctx.px(40), y));
    if (touchButton(ctx, "top.access", ctx.tr("access_button"), ImVec2(bw + ctx.px(40), bh), ButtonStyle::OnDark, f))
        intents.push_back(kiosk::intent::OpenAccessibility{});
}

} // namespace ui
