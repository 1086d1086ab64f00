// A modal card: one row per setting, big choices, "Xong".
#include "ui/screens/citizen/accessibility_panel.hpp"
#include "ui/imgui_scope.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void AccessibilityPanel::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    const Theme& th = ctx.theme;
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    FullScreenWindow window("##access", ImGuiWindowFlags_NoBackground, /*takeFocus=*/true);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ds, th.scrim);

    // Sizes follow the chosen text size, but the card never leaves the screen.
    const float w = std::min(ds.x - ctx.px(80), ctx.px(1400)), pad = ctx.px(48);
    const float rowH = std::max(ctx.px(96), ctx.fonts.bodyBold->FontSize * 2.2f);
    const float titleH = measureText(ctx.fonts.title, ctx.tr("access_title"), w - 2 * pad).y;
    const float h = std::min(ds.y - ctx.px(60), pad * 2 + titleH + ctx.px(24) + 4 * (rowH + ctx.px(20)) + rowH + ctx.px(24));
    ImVec2 c0((ds.x - w) * 0.5f, (ds.y - h) * 0.5f);
    fillRoundRect(dl, c0, ImVec2(c0.x + w, c0.y + h), th.surface, ctx.px(32));
    if (state.highContrast) dl->AddRect(c0, ImVec2(c0.x + w, c0.y + h), th.border, ctx.px(32), 0, ctx.px(3));
    float x = c0.x + pad, y = c0.y + pad, inner = w - 2 * pad;
    y += drawText(dl, ctx.fonts.title, ImVec2(x, y), th.text, ctx.tr("access_title"), inner).y + ctx.px(24);

    const float labelW = inner * 0.42f, choicesW = inner - labelW - ctx.px(24);
    auto label = [&](const std::string& text) {
        ImVec2 ts = measureText(ctx.fonts.bodyBold, text, labelW);
        drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y + (rowH - ts.y) * 0.5f), th.text, text, labelW);
    };
    // Text size: three choices, the current one filled.
    label(ctx.tr("access_text_size"));
    const kiosk::TextSize sizes[] = {kiosk::TextSize::Normal, kiosk::TextSize::Large, kiosk::TextSize::ExtraLarge};
    const char* sizeKeys[] = {"access_size_normal", "access_size_large", "access_size_xlarge"};
    const char* sizeIds[] = {"access.size.normal", "access.size.large", "access.size.extra-large"};
    float cw = (choicesW - 2 * ctx.px(16)) / 3.0f;
    for (int i = 0; i < 3; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(x + labelW + ctx.px(24) + float(i) * (cw + ctx.px(16)), y));
        bool on = state.textSize == sizes[i];
        if (touchButton(ctx, sizeIds[i], ctx.tr(sizeKeys[i]), ImVec2(cw, rowH), on ? ButtonStyle::Primary : ButtonStyle::Secondary))
            intents.push_back(kiosk::intent::SetTextSize{sizes[i]});
    }
    y += rowH + ctx.px(20);
    auto toggle = [&](const char* id, const char* key, bool on, kiosk::Intent kind) {
        label(ctx.tr(key));
        ImGui::SetCursorScreenPos(ImVec2(x + labelW + ctx.px(24), y));
        if (touchButton(ctx, id, on ? "✓ " + ctx.tr("access_on") : ctx.tr("access_off"), ImVec2(choicesW, rowH),
                        on ? ButtonStyle::Primary : ButtonStyle::Secondary))
            intents.push_back(kind);
        y += rowH + ctx.px(20);
    };
    toggle("access.contrast", "access_contrast", state.highContrast, kiosk::intent::ToggleContrast{});
    toggle("access.narration", "access_narration", state.narration, kiosk::intent::ToggleNarration{});
    toggle("access.slow", "access_slow", state.slowMotion, kiosk::intent::ToggleSlowMotion{});
    y += ctx.px(4);
    ImGui::SetCursorScreenPos(ImVec2(c0.x + w - pad - ctx.px(360), std::min(y, c0.y + h - pad - rowH + ctx.px(24))));
    if (touchButton(ctx, "access.done", ctx.tr("access_done"), ImVec2(ctx.px(360), rowH), ButtonStyle::Primary))
        intents.push_back(kiosk::intent::CloseAccessibility{});
}

} // namespace ui
