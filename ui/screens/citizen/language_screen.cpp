// Two large cards side by side; each names its language in that language.
#include "ui/screens/citizen/language_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

namespace {
bool languageCard(Context& ctx, const char* id, ImVec2 pos, ImVec2 size, const std::string& name, const std::string& hint, bool primary)
{
    const Theme& th = ctx.theme;
    ImGui::SetCursorScreenPos(pos);
    bool pressed = false;
    bool clicked = touchArea(ctx, id, size, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = ctx.px(28);
    ImU32 fill = primary ? (pressed ? th.primaryPressed : th.primary) : (pressed ? th.surfacePressed : th.surface);
    ImU32 fg = primary ? th.onPrimary : th.primary;
    fillRoundRect(dl, ImVec2(pos.x, pos.y + ctx.px(6)), ImVec2(pos.x + size.x, pos.y + size.y + ctx.px(6)), th.shadow, r);
    fillRoundRect(dl, pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, r);
    if (!primary) dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), th.primary, r, 0, ctx.px(3));
    float y = pos.y + size.y * 0.30f;
    y += drawTextCentered(dl, ctx.fonts.display, pos.x, y, size.x, fg, name).y + ctx.px(28);
    drawTextCentered(dl, ctx.fonts.body, pos.x + ctx.px(40), y, size.x - ctx.px(80), primary ? IM_COL32(225, 236, 250, 255) : th.textMuted, hint);
    return clicked;
}
} // namespace

void LanguageScreen::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    auto [a, dl, y] = beginPage(ctx, state, intents);
    y += ctx.px(40);
    // Asked in both languages: the citizen has not chosen yet.
    y += drawTextCentered(dl, ctx.fonts.title, a.min.x, y, a.width(), ctx.theme.text, ctx.strings.get("language_title", kiosk::Lang::Vi)).y;
    y += drawTextCentered(dl, ctx.fonts.heading, a.min.x, y + ctx.px(8), a.width(), ctx.theme.textMuted, ctx.strings.get("language_title", kiosk::Lang::En)).y;
    float gap = ctx.px(56), cw = (a.width() - gap) * 0.5f, ch = ctx.px(480);
    float cy = y + ctx.px(80);
    if (languageCard(ctx, "language.vi", ImVec2(a.min.x, cy), ImVec2(cw, ch), "Tiếng Việt", ctx.strings.get("language_vi_hint", kiosk::Lang::Vi), true))
        intents.push_back(kiosk::intent::ChooseLanguage{kiosk::Lang::Vi});
    if (languageCard(ctx, "language.en", ImVec2(a.min.x + cw + gap, cy), ImVec2(cw, ch), "English", ctx.strings.get("language_en_hint", kiosk::Lang::En), false))
        intents.push_back(kiosk::intent::ChooseLanguage{kiosk::Lang::En});
}

} // namespace ui
