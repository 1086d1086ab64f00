// Brand on the left; "Chữ to, đọc to", "English"/"Tiếng Việt" and "Về trang đầu" on the right, in
// the citizen's text size. When brand and buttons do not share one row (portrait, or large text
// on a narrow screen) the buttons take a second row of their own, across the whole width.
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <numeric>

namespace ui {

namespace {

struct BarLayout {
    float height = 0;
    float brandY = 0, brandH = 0;   // the emblem and the two lines of names
    float buttonsY = 0, buttonH = 0;
    float x[3] = {}, w[3] = {};     // access, language, home
};

std::string otherLanguage(const Context& ctx)
{
    return ctx.strings.get("top_language", ctx.lang == kiosk::Lang::Vi ? kiosk::Lang::En : kiosk::Lang::Vi);
}

BarLayout layoutBar(const Context& ctx)
{
    BarLayout L;
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    const float m = ctx.px(48), gap = ctx.px(20), pad = ctx.px(32), e = ctx.px(60);
    ImFont* f = ctx.fonts.button;
    const std::string labels[3] = {ctx.tr("access_button"), otherLanguage(ctx), ctx.tr("top_home")};
    float natural[3];
    for (int i = 0; i < 3; ++i) natural[i] = std::max(ctx.px(200), measureText(f, labels[i]).x + 2 * pad);
    const float buttonsW = natural[0] + natural[1] + natural[2] + 2 * gap;
    const float nameW = std::max(measureText(ctx.fonts.bodyBold, ctx.tr("app_name")).x,
                                 ctx.config.commune.empty() ? 0.0f : measureText(ctx.fonts.small, ctx.fmt("top_place", {ctx.config.commune})).x);
    L.brandH = std::max(e, ctx.fonts.bodyBold->FontSize + (ctx.config.commune.empty() ? 0.0f : ctx.fonts.small->FontSize + ctx.px(4)));
    const float oneRowH = std::max(ctx.px(76), f->FontSize + ctx.px(32));
    const bool oneRow = !ctx.portrait && m + e + ctx.px(20) + nameW + ctx.px(40) + buttonsW + m <= ds.x;
    if (oneRow) {
        L.buttonH = oneRowH;
        L.height = std::max(ctx.px(112), std::max(L.brandH, L.buttonH) + ctx.px(36));
        L.brandY = (L.height - L.brandH) * 0.5f;
        L.buttonsY = (L.height - L.buttonH) * 0.5f;
        float x = ds.x - m;
        for (int i = 2; i >= 0; --i) {
            L.w[i] = natural[i];
            x -= L.w[i];
            L.x[i] = x;
            x -= gap;
        }
        return L;
    }
    // Two rows: the buttons share the width in proportion to their words; a label that no
    // longer fits one line wraps between words and the row grows.
    const float avail = ds.x - 2 * m - 2 * gap;
    const float sum = natural[0] + natural[1] + natural[2];
    float x = m, tallest = 0;
    for (int i = 0; i < 3; ++i) {
        L.w[i] = sum <= avail ? natural[i] + (avail - sum) / 3.0f : avail * natural[i] / sum;
        L.x[i] = x;
        x += L.w[i] + gap;
        tallest = std::max(tallest, measureText(f, labels[i], L.w[i] - pad).y);
    }
    L.buttonH = std::max(oneRowH, tallest + ctx.px(32));
    L.brandY = ctx.px(20);
    L.buttonsY = L.brandY + L.brandH + ctx.px(20);
    L.height = L.buttonsY + L.buttonH + ctx.px(20);
    return L;
}

} // namespace

float topBarHeight(const Context& ctx) { return layoutBar(ctx).height; }

void drawTopBar(Context& ctx, const kiosk::AppState& state, std::vector<kiosk::Intent>& intents)
{
    (void)state;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    const BarLayout L = layoutBar(ctx);
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ds.x, L.height), ctx.theme.primary);
    // A small emblem: a rounded square with a check, the movement's name beside it.
    const float m = ctx.px(48), e = ctx.px(60);
    ImVec2 e0(m, L.brandY + (L.brandH - e) * 0.5f);
    fillRoundRect(dl, e0, ImVec2(e0.x + e, e0.y + e), IM_COL32_WHITE, ctx.px(14));
    drawTextCentered(dl, ctx.fonts.chrome, e0.x, e0.y + (e - ctx.fonts.chrome->FontSize) * 0.5f, e, ctx.theme.primary, "✓");
    const float tx = e0.x + e + ctx.px(20);
    const float namesH = ctx.fonts.bodyBold->FontSize + (ctx.config.commune.empty() ? 0.0f : ctx.fonts.small->FontSize + ctx.px(4));
    float ty = L.brandY + (L.brandH - namesH) * 0.5f;
    drawText(dl, ctx.fonts.bodyBold, ImVec2(tx, ty), ctx.theme.onPrimary, ctx.tr("app_name"));
    if (!ctx.config.commune.empty())   // near-white on the blue: readable, quieter than the name
        drawText(dl, ctx.fonts.small, ImVec2(tx, ty + ctx.fonts.bodyBold->FontSize + ctx.px(4)), mix(ctx.theme.onPrimary, ctx.theme.primary, 0.08f),
                 ctx.fmt("top_place", {ctx.config.commune}));

    // "Chữ to, đọc to" is what a citizen who cannot read the rest needs: the one solid button.
    // "Về trang đầu" ends the visit: outlined, at the far end, away from it.
    ImFont* f = ctx.fonts.button;
    ImGui::SetCursorScreenPos(ImVec2(L.x[0], L.buttonsY));
    if (touchButton(ctx, "top.access", ctx.tr("access_button"), ImVec2(L.w[0], L.buttonH), ButtonStyle::OnDarkSolid, f))
        intents.push_back(kiosk::intent::OpenAccessibility{});
    ImGui::SetCursorScreenPos(ImVec2(L.x[1], L.buttonsY));
    if (touchButton(ctx, "top.language", otherLanguage(ctx), ImVec2(L.w[1], L.buttonH), ButtonStyle::OnDark, f)) intents.push_back(kiosk::intent::ToggleLanguage{});
    ImGui::SetCursorScreenPos(ImVec2(L.x[2], L.buttonsY));
    if (touchButton(ctx, "top.home", ctx.tr("top_home"), ImVec2(L.w[2], L.buttonH), ButtonStyle::OnDark, f)) intents.push_back(kiosk::intent::GoHome{});
}

} // namespace ui
