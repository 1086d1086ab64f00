// A modal card: one row per setting, explicit choices (Vừa / Lớn / Rất lớn, Bật / Tắt), "Xong".
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

    // Sizes follow the chosen text size, but the card never leaves the screen. In portrait, or when
    // a label would leave its choices too little room, each label sits above its choices.
    const float w = std::min(ds.x - ctx.px(80), ctx.px(1400)), pad = ctx.px(48), inner = w - 2 * pad;
    const bool stacked = ctx.portrait || inner * 0.42f < ctx.px(420);
    const float labelW = stacked ? inner : inner * 0.42f, choicesW = stacked ? inner : inner - labelW - ctx.px(24);
    const float rowH = std::max(ctx.px(96), ctx.fonts.bodyBold->FontSize * 2.2f);
    const float titleH = measureText(ctx.fonts.title, ctx.tr("access_title"), inner).y;
    const char* rowKeys[] = {"access_text_size", "access_contrast", "access_narration", "access_slow"};
    float rowsH = 0;
    for (const char* k : rowKeys)
        rowsH += (stacked ? measureText(ctx.fonts.bodyBold, ctx.tr(k), labelW).y + ctx.px(10) + rowH : rowH) + ctx.px(20);
    const float h = std::min(ds.y - ctx.px(60), pad * 2 + titleH + ctx.px(24) + rowsH + rowH + ctx.px(24));
    ImVec2 c0((ds.x - w) * 0.5f, (ds.y - h) * 0.5f);
    fillRoundRect(dl, c0, ImVec2(c0.x + w, c0.y + h), th.surface, ctx.px(32));
    if (state.highContrast) dl->AddRect(c0, ImVec2(c0.x + w, c0.y + h), th.border, ctx.px(32), 0, ctx.px(3));
    float x = c0.x + pad, y = c0.y + pad;
    y += drawText(dl, ctx.fonts.title, ImVec2(x, y), th.text, ctx.tr("access_title"), inner).y + ctx.px(24);

    // The row's label; returns where its choices start.
    auto label = [&](const std::string& text) {
        ImVec2 ts = measureText(ctx.fonts.bodyBold, text, labelW);
        if (stacked) {
            drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y), th.text, text, labelW);
            y += ts.y + ctx.px(10);
            return x;
        }
        drawText(dl, ctx.fonts.bodyBold, ImVec2(x, y + (rowH - ts.y) * 0.5f), th.text, text, labelW);
        return x + labelW + ctx.px(24);
    };
    // Every setting is a set of explicit choices, the current one filled and ticked: what a tap
    // does is written on what is tapped.
    auto choices = [&](float cx, int n, const std::string* labels, const std::string* ids, int current, auto&& chosen) {
        const float gap = ctx.px(16), cw = (choicesW - gap * float(n - 1)) / float(n);
        for (int i = 0; i < n; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(cx + float(i) * (cw + gap), y));
            const bool on = i == current;
            if (touchButton(ctx, ids[i].c_str(), on ? "✓ " + labels[i] : labels[i], ImVec2(cw, rowH), on ? ButtonStyle::Primary : ButtonStyle::Secondary) && !on)
                chosen(i);
        }
        y += rowH + ctx.px(20);
    };
    const kiosk::TextSize sizes[] = {kiosk::TextSize::Normal, kiosk::TextSize::Large, kiosk::TextSize::ExtraLarge};
    const std::string sizeLabels[] = {ctx.tr("access_size_normal"), ctx.tr("access_size_large"), ctx.tr("access_size_xlarge")};
    const std::string sizeIds[] = {"access.size.normal", "access.size.large", "access.size.extra-large"};
    const int currentSize = state.textSize == kiosk::TextSize::ExtraLarge ? 2 : state.textSize == kiosk::TextSize::Large ? 1 : 0;
    choices(label(ctx.tr("access_text_size")), 3, sizeLabels, sizeIds, currentSize, [&](int i) { intents.push_back(kiosk::intent::SetTextSize{sizes[i]}); });
    auto onOff = [&](const std::string& id, const char* key, bool on, kiosk::Intent toggle) {
        const std::string labels[] = {ctx.tr("access_on"), ctx.tr("access_off")};
        const std::string ids[] = {id + ".on", id + ".off"};
        choices(label(ctx.tr(key)), 2, labels, ids, on ? 0 : 1, [&](int) { intents.push_back(toggle); });
    };
    onOff("access.contrast", "access_contrast", state.highContrast, kiosk::intent::ToggleContrast{});
    onOff("access.narration", "access_narration", state.narration, kiosk::intent::ToggleNarration{});
    onOff("access.slow", "access_slow", state.slowMotion, kiosk::intent::ToggleSlowMotion{});
    y += ctx.px(4);
    const float dw = std::max(ctx.px(360), measureText(ctx.fonts.button, ctx.tr("access_done")).x + ctx.px(96));
    ImGui::SetCursorScreenPos(ImVec2(c0.x + w - pad - dw, std::min(y, c0.y + h - pad - rowH + ctx.px(24))));
    if (touchButton(ctx, "access.done", ctx.tr("access_done"), ImVec2(dw, rowH), ButtonStyle::Primary))
        intents.push_back(kiosk::intent::CloseAccessibility{});
}

} // namespace ui
