// Big title, one rotating topic card, a pulsing "Chạm để bắt đầu". The whole screen is the button.
#include "ui/screens/citizen/attract_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

void AttractScreen::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    const Theme& th = ctx.theme;
    ImVec2 ds = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Flat colours only: gradients and translucent shapes cost the software renderer 3x more per frame.
    dl->AddRectFilled(ImVec2(0, 0), ds, th.attractTop);
    fillDisc(dl, ImVec2(ds.x * 0.92f, ds.y * 0.10f), ctx.px(420), mix(th.attractTop, IM_COL32_WHITE, 0.05f));
    fillDisc(dl, ImVec2(ds.x * 0.05f, ds.y * 0.98f), ctx.px(360), mix(th.attractTop, IM_COL32_WHITE, 0.04f));

    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    bool pressed = false;
    if (touchArea(ctx, "attract.start", ds, &pressed)) intents.push_back(kiosk::intent::Start{});

    const float cx = ds.x * 0.5f, contentW = ds.x - ctx.px(240);
    float y = ds.y * 0.15f;
    drawTextCentered(dl, ctx.fonts.heading, 0, y, ds.x, IM_COL32(205, 222, 243, 255), ctx.strings.get("app_tagline", kiosk::Lang::Vi));
    y += ctx.fonts.heading->FontSize + ctx.px(18);
    y += drawTextCentered(dl, ctx.fonts.display, 0, y, ds.x, th.onPrimary, ctx.strings.get("app_name", kiosk::Lang::Vi)).y;
    y += ctx.px(18);
    y += drawTextCentered(dl, ctx.fonts.title, ctx.px(120), y, contentW, IM_COL32(235, 243, 252, 255),
                          ctx.strings.get("attract_subtitle", kiosk::Lang::Vi)).y;

    // The rotating card: one topic at a time, with dots showing there are more.
    const auto& topics = ctx.catalogue.topics;
    if (!topics.empty()) {
        size_t i = static_cast<size_t>(state.attractSlide) % topics.size();
        const kiosk::Topic& t = topics[i];
        float cw = ctx.px(1040), ch = ctx.px(200);
        ImVec2 c0(cx - cw * 0.5f, y + ctx.px(56));
        // The topic's colour shows as a band on the left: a coloured card under a white one.
        fillRoundRect(dl, c0, ImVec2(c0.x + cw, c0.y + ch), rgb(t.color), ctx.px(28));
        fillRoundRect(dl, ImVec2(c0.x + ctx.px(18), c0.y), ImVec2(c0.x + cw, c0.y + ch), IM_COL32_WHITE, ctx.px(28), ImDrawFlags_RoundCornersRight);
        drawTextCentered(dl, ctx.fonts.body, c0.x, c0.y + ctx.px(34), cw, th.textMuted, ctx.strings.get("attract_lead", kiosk::Lang::Vi));
        drawTextCentered(dl, ctx.fonts.title, c0.x + ctx.px(30), c0.y + ctx.px(86), cw - ctx.px(60), th.text, t.title.vi);
        float dotsY = c0.y + ch + ctx.px(34), step = ctx.px(30);
        float dx = cx - step * float(topics.size() - 1) * 0.5f;
        for (size_t k = 0; k < topics.size(); ++k)
            dl->AddCircleFilled(ImVec2(dx + step * float(k), dotsY), ctx.px(k == i ? 9 : 6), IM_COL32(255, 255, 255, k == i ? 255 : 110), 16);
    }

    // The call to action breathes between two sizes with each new slide: the screen is redrawn only
    // when the slide changes (a full 1080p software frame costs ~10 ms: once a second would be 1 %).
    float pw = ctx.px(680), ph = ctx.px(132);
    ImVec2 p0(cx - pw * 0.5f, ds.y - ctx.px(250));
    bool beat = state.attractSlide % 2 == 0;
    float ring = beat ? ctx.px(22) : ctx.px(10);
    fillRoundRect(dl, ImVec2(p0.x - ring, p0.y - ring), ImVec2(p0.x + pw + ring, p0.y + ph + ring), IM_COL32(255, 255, 255, beat ? 45 : 70), ph * 0.5f + ring);
    fillRoundRect(dl, p0, ImVec2(p0.x + pw, p0.y + ph), pressed ? IM_COL32(225, 235, 248, 255) : IM_COL32_WHITE, ph * 0.5f);
    drawTextCentered(dl, ctx.fonts.title, p0.x, p0.y + (ph - ctx.fonts.title->FontSize) * 0.5f - ctx.px(4), pw, th.primary,
                     ctx.strings.get("attract_touch", kiosk::Lang::Vi));
    drawTextCentered(dl, ctx.fonts.body, 0, p0.y + ph + ctx.px(40), ds.x, IM_COL32(205, 222, 243, 255),
                     ctx.strings.get("attract_other_lang", kiosk::Lang::Vi));
}

} // namespace ui
