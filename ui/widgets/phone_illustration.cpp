// Phone frame, status bar, app title bar, rows; the tap target ringed and pointed at.
#include "ui/widgets/phone_illustration.hpp"
#include "ui/widgets/phone_elements.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
// A fingertip pointing up-left at `tip`: a rounded finger with a nail, drawn with a few shapes.
void drawFinger(ImDrawList* dl, ImVec2 tip, float s)
{
    ImU32 skin = IM_COL32(246, 205, 170, 255), edge = IM_COL32(150, 95, 60, 255), nail = IM_COL32(255, 236, 222, 255);
    ImVec2 base(tip.x + 70 * s, tip.y + 120 * s);
    // Finger as a thick rounded stroke from the base to just behind the tip.
    ImVec2 d(tip.x - base.x, tip.y - base.y);
    float len = std::sqrt(d.x * d.x + d.y * d.y);
    ImVec2 u(d.x / len, d.y / len), n(-u.y, u.x);
    float w = 22 * s;
    ImVec2 p1(base.x + n.x * w, base.y + n.y * w), p2(base.x - n.x * w, base.y - n.y * w);
    ImVec2 t1(tip.x - u.x * w + n.x * w, tip.y - u.y * w + n.y * w), t2(tip.x - u.x * w - n.x * w, tip.y - u.y * w - n.y * w);
    dl->AddQuadFilled(p1, t1, t2, p2, skin);
    dl->AddCircleFilled(ImVec2(tip.x - u.x * w, tip.y - u.y * w), w, skin, 24);
    dl->AddLine(p1, t1, edge, 2.5f * s);
    dl->AddLine(p2, t2, edge, 2.5f * s);
    dl->PathArcTo(ImVec2(tip.x - u.x * w, tip.y - u.y * w), w, std::atan2(n.y, n.x), std::atan2(n.y, n.x) + 3.14159f * (n.x * u.y - n.y * u.x > 0 ? -1 : 1), 20);
    dl->PathStroke(edge, 0, 2.5f * s);
    dl->AddCircleFilled(ImVec2(tip.x - u.x * w * 1.25f, tip.y - u.y * w * 1.25f), w * 0.55f, nail, 20);
}
} // namespace

PhoneFit drawPhone(Context& ctx, ImDrawList* dl, const kiosk::PhoneScreen& screen, ImU32 appColor, ImVec2 pos, ImVec2 size, float pulse)
{
    PhoneFit fit;
    const Theme& th = ctx.theme;
    // A phone's proportions (about 9:19) where the box allows, but never narrower than 440 px at
    // 1080p: the labels inside keep one fixed size and need the width more than the height.
    float w = std::min(size.x, std::max(size.y * 0.48f, ctx.px(440)));
    float h = std::min(size.y, w / 0.46f);
    ImVec2 p(pos.x + (size.x - w) * 0.5f, pos.y + (size.y - h) * 0.5f);
    float r = ctx.px(44), bezel = ctx.px(16);
    fillRoundRect(dl, ImVec2(p.x + ctx.px(6), p.y + ctx.px(10)), ImVec2(p.x + w + ctx.px(6), p.y + h + ctx.px(10)), th.shadow, r);
    fillRoundRect(dl, p, ImVec2(p.x + w, p.y + h), IM_COL32(32, 38, 48, 255), r);
    ImVec2 s0(p.x + bezel, p.y + bezel), s1(p.x + w - bezel, p.y + h - bezel);
    fillRoundRect(dl, s0, s1, IM_COL32_WHITE, r - bezel);
    float sw = s1.x - s0.x;

    // A real screenshot, when the province supplied one: fitted into the screen, kept in proportion.
    ImVec2 imgSize;
    ImTextureID tex = !screen.image.empty() && ctx.images ? ctx.images->texture(screen.image, imgSize) : nullptr;
    if (tex && imgSize.x > 0 && imgSize.y > 0) {
        float k = std::min((s1.x - s0.x) / imgSize.x, (s1.y - s0.y) / imgSize.y);
        ImVec2 d(imgSize.x * k, imgSize.y * k);
        ImVec2 i0(s0.x + ((s1.x - s0.x) - d.x) * 0.5f, s0.y + ((s1.y - s0.y) - d.y) * 0.5f);
        dl->AddImageRounded(tex, i0, ImVec2(i0.x + d.x, i0.y + d.y), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, r - bezel);
        fit.shown = static_cast<int>(screen.items.size());   // the picture shows the app as it is
        return fit;
    }

    // Status bar and camera notch.
    fillRoundRect(dl, ImVec2(p.x + w * 0.40f, p.y + bezel + ctx.px(8)), ImVec2(p.x + w * 0.60f, p.y + bezel + ctx.px(20)), IM_COL32(32, 38, 48, 255), ctx.px(6));
    float y = s0.y + ctx.px(36);
    // App title bar: the app's name or the page's address, whole (an address is never cut).
    ImFont* barFont = ctx.fonts.phoneBold;
    const float barTextW = sw - ctx.px(24);
    bool cut = false;
    const float appH = screen.app.empty() ? 0.0f : barFont->FontSize * float(breakLines(barFont, screen.app, barTextW, &cut).size());
    if (cut) fit.cut.push_back(screen.app);
    float barH = std::max(ctx.px(72), appH + ctx.px(20));
    dl->AddRectFilled(ImVec2(s0.x, y), ImVec2(s1.x, y + barH), appColor);
    if (screen.app.empty()) {
        y += ctx.px(16);
    } else {
        drawTextCentered(dl, barFont, s0.x + ctx.px(12), y + (barH - appH) * 0.5f, barTextW, IM_COL32_WHITE, screen.app);
        y += barH + ctx.px(22);
    }

    // The richer elements, when the lesson gives them.
    if (!screen.elements.empty()) {
        PhoneElementsFit ef = drawPhoneElements(ctx, dl, screen, appColor, ImVec2(s0.x, y), ImVec2(s1.x, s1.y - ctx.px(30)), pulse);
        fit.shown = ef.shown;
        for (std::string& c : ef.cut) fit.cut.push_back(std::move(c));
        fillRoundRect(dl, ImVec2(p.x + w * 0.36f, s1.y - ctx.px(16)), ImVec2(p.x + w * 0.64f, s1.y - ctx.px(10)), IM_COL32(32, 38, 48, 200), ctx.px(3));
        if (ef.tapCenter.x >= 0) drawFinger(dl, ImVec2(ef.tapCenter.x + ctx.px(4), ef.tapCenter.y + ctx.px(6)), ctx.scale);
        return fit;
    }

    // Rows: the app's buttons in its own words, each measured in the font it is drawn in; the
    // row to tap is bold and keeps room at its right end for the touch point.
    const float rowPad = ctx.px(14), gap = ctx.px(14), innerW = sw - ctx.px(40), touchRoom = ctx.px(60);
    ImVec2 tapCenter(-1, -1);
    for (size_t i = 0; i < screen.items.size(); ++i) {
        const std::string& label = screen.items[i].vi;   // the app speaks Vietnamese, whatever the kiosk's language
        const bool target = int(i) + 1 == screen.tap;
        ImFont* f = target ? ctx.fonts.phoneBold : ctx.fonts.phoneText;
        const float labelW = innerW - 2 * rowPad - (target ? touchRoom : 0.0f);
        cut = false;
        const float textH = f->FontSize * float(breakLines(f, label, labelW, &cut).size());
        if (cut) fit.cut.push_back(label);
        const float rowH = std::max(textH + 2 * rowPad, ctx.px(64));
        if (y + rowH > s1.y - ctx.px(30)) break;
        ++fit.shown;
        ImVec2 a(s0.x + ctx.px(20), y), b(s1.x - ctx.px(20), y + rowH);
        fillRoundRect(dl, a, b, target ? mix(IM_COL32_WHITE, appColor, 0.10f) : IM_COL32(242, 245, 249, 255), ctx.px(12));
        if (target) {
            dl->AddRect(ImVec2(a.x - ctx.px(5), a.y - ctx.px(5)), ImVec2(b.x + ctx.px(5), b.y + ctx.px(5)), th.accent, ctx.px(16), 0, ctx.px(5));
            // The touch point sits at the row's right end, beside the label, never on its words.
            tapCenter = ImVec2(b.x - ctx.px(34), a.y + rowH * 0.5f);
            dl->AddCircleFilled(tapCenter, ctx.px(20), mix(th.accent, IM_COL32_WHITE, 0.45f), 32);
            dl->AddCircle(tapCenter, ctx.px(30), th.accent, 40, ctx.px(3));
            if (pulse > 0.0f)   // a ring spreading out from the touch point, fading as it goes
                dl->AddCircle(tapCenter, ctx.px(30 + 40 * pulse), mix(th.accent, IM_COL32_WHITE, pulse), 48, ctx.px(4));
        }
        // The phone is a picture of an app: its own colours, whatever the kiosk's theme.
        drawTextCentered(dl, f, a.x + rowPad, a.y + (rowH - textH) * 0.5f, labelW, IM_COL32(22, 33, 46, 255), label);
        y += rowH + gap;
    }
    // Home indicator.
    fillRoundRect(dl, ImVec2(p.x + w * 0.36f, s1.y - ctx.px(16)), ImVec2(p.x + w * 0.64f, s1.y - ctx.px(10)), IM_COL32(32, 38, 48, 200), ctx.px(3));

    if (tapCenter.x >= 0) drawFinger(dl, ImVec2(tapCenter.x + ctx.px(4), tapCenter.y + ctx.px(6)), ctx.scale);
    return fit;
}

} // namespace ui
