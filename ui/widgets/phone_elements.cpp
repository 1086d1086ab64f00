// Each element's height is measured before it is drawn; what does not fit is counted, not drawn.
#include "ui/widgets/phone_elements.hpp"
#include "ui/widgets/shapes.hpp"
#include "ui/widgets/text.hpp"
#include <algorithm>

namespace ui {

namespace {

constexpr ImU32 kInk = IM_COL32(22, 33, 46, 255);
constexpr ImU32 kMuted = IM_COL32(92, 104, 120, 255);
constexpr ImU32 kRowFill = IM_COL32(242, 245, 249, 255);
constexpr ImU32 kLine = IM_COL32(200, 208, 218, 255);

struct Ring {
    Context& ctx;
    ImDrawList* dl;
    float pulse;
    ImVec2* center;
    // The target's ring around [a, b] and the touch point at `at`.
    void operator()(ImVec2 a, ImVec2 b, ImVec2 at) const
    {
        const Theme& th = ctx.theme;
        dl->AddRect(ImVec2(a.x - ctx.px(5), a.y - ctx.px(5)), ImVec2(b.x + ctx.px(5), b.y + ctx.px(5)), th.accent, ctx.px(14), 0, ctx.px(5));
        dl->AddCircleFilled(at, ctx.px(18), mix(th.accent, IM_COL32_WHITE, 0.45f), 32);
        dl->AddCircle(at, ctx.px(26), th.accent, 40, ctx.px(3));
        if (pulse > 0.0f) dl->AddCircle(at, ctx.px(26 + 36 * pulse), mix(th.accent, IM_COL32_WHITE, pulse), 48, ctx.px(4));
        *center = at;
    }
};

// Lines of `text` at `width` in `f`; records a cut word.
float linesHeight(ImFont* f, const std::string& text, float width, std::vector<std::string>& cut)
{
    bool broken = false;
    const float h = f->FontSize * float(breakLines(f, text, width, &broken).size());
    if (broken) cut.push_back(text);
    return h;
}

std::string dots(const std::string& value, size_t length)
{
    std::string out;
    for (size_t i = 0; i < length; ++i) out += i < value.size() ? "●" : "○";
    return out;
}

} // namespace

PhoneElementsFit drawPhoneElements(Context& ctx, ImDrawList* dl, const kiosk::PhoneScreen& screen, ImU32 appColor, ImVec2 min, ImVec2 max,
                                   float pulse)
{
    PhoneElementsFit fit;
    const Ring ring{ctx, dl, pulse, &fit.tapCenter};
    const float pad = ctx.px(16), gap = ctx.px(14), x0 = min.x + ctx.px(20), x1 = max.x - ctx.px(20), w = x1 - x0;
    ImFont* text = ctx.fonts.phoneText;
    ImFont* bold = ctx.fonts.phoneBold;
    ImFont* small = ctx.fonts.phoneSmall;
    float bottom = max.y;

    // The tab bar first: it belongs to the bottom of the screen, whatever comes above it.
    for (const kiosk::PhoneElement& e : screen.elements) {
        if (e.kind != kiosk::PhoneElementKind::TabBar) continue;
        const size_t n = e.choices.size();
        const float colW = w / float(std::max<size_t>(n, 1));
        float labelsH = 0;
        for (const std::string& c : e.choices) labelsH = std::max(labelsH, linesHeight(small, c, colW - ctx.px(6), fit.cut));
        const float barH = ctx.px(34) + labelsH + ctx.px(14);
        const float top = bottom - barH;
        dl->AddRectFilled(ImVec2(min.x, top), ImVec2(max.x, bottom), IM_COL32_WHITE);
        dl->AddLine(ImVec2(min.x, top), ImVec2(max.x, top), kLine, ctx.px(2));
        for (size_t i = 0; i < n; ++i) {
            const float cx = x0 + colW * (float(i) + 0.5f);
            const bool middle = n % 2 == 1 && i == n / 2 && e.choices[i].find("QR") != std::string::npos;   // the raised scan button
            const bool target = e.tapChoice == int(i) + 1;
            if (middle) {
                dl->AddCircleFilled(ImVec2(cx, top + ctx.px(6)), ctx.px(26), appColor, 32);
                dl->AddRect(ImVec2(cx - ctx.px(10), top - ctx.px(4)), ImVec2(cx + ctx.px(10), top + ctx.px(16)), IM_COL32_WHITE, ctx.px(3), 0, ctx.px(3));
            } else {
                fillRoundRect(dl, ImVec2(cx - ctx.px(11), top + ctx.px(8)), ImVec2(cx + ctx.px(11), top + ctx.px(26)), target ? appColor : kMuted, ctx.px(4));
            }
            drawTextCentered(dl, target ? ctx.fonts.phoneSmall : small, cx - colW * 0.5f + ctx.px(3), top + ctx.px(34), colW - ctx.px(6),
                             target ? kInk : kMuted, e.choices[i]);
            if (target) ring(ImVec2(cx - colW * 0.5f + ctx.px(4), top + ctx.px(2)), ImVec2(cx + colW * 0.5f - ctx.px(4), bottom - ctx.px(4)),
                             ImVec2(cx + colW * 0.32f, top + barH * 0.45f));
        }
        bottom = top - gap;
        ++fit.shown;
    }

    float y = min.y;
    const kiosk::PhoneElement* dialog = nullptr;
    for (const kiosk::PhoneElement& e : screen.elements) {
        using K = kiosk::PhoneElementKind;
        if (e.kind == K::TabBar) continue;
        if (e.kind == K::Dialog) {   // drawn last, over the rest
            dialog = &e;
            continue;
        }
        const std::string& label = e.label.vi;   // the app speaks Vietnamese, whatever the kiosk's language
        float h = 0;
        switch (e.kind) {
        case K::Row: h = std::max(ctx.px(60), linesHeight(e.tap ? bold : text, label, w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f), fit.cut) + 2 * pad); break;
        case K::Field: h = linesHeight(small, label, w, fit.cut) + ctx.px(6) + std::max(ctx.px(56), linesHeight(bold, e.value, w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f), fit.cut) + 2 * ctx.px(12)); break;
        case K::Button: h = std::max(ctx.px(60), linesHeight(bold, label, w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f), fit.cut) + 2 * pad); break;
        case K::Text: h = linesHeight(text, label, w, fit.cut); break;
        case K::Keypad: h = bold->FontSize + ctx.px(12) + 4 * ctx.px(50) + 3 * ctx.px(8); break;
        case K::Camera: h = std::min(ctx.px(220), (bottom - y) * 0.45f) + ctx.px(10) + linesHeight(text, label, w, fit.cut) + ctx.px(10) + ctx.px(60); break;
        default: break;
        }
        if (y + h > bottom) break;
        ++fit.shown;
        const ImVec2 a(x0, y), b(x1, y + h);
        switch (e.kind) {
        case K::Row: {
            fillRoundRect(dl, a, b, e.tap ? mix(IM_COL32_WHITE, appColor, 0.10f) : kRowFill, ctx.px(12));
            const float lw = w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f);
            const float th = measureText(e.tap ? bold : text, label, lw).y;
            drawTextCentered(dl, e.tap ? bold : text, a.x + pad, a.y + (h - th) * 0.5f, lw, kInk, label);
            if (e.tap) ring(a, b, ImVec2(b.x - ctx.px(30), a.y + h * 0.5f));
            break;
        }
        case K::Field: {
            const float lh = drawText(dl, small, a, kMuted, label, w).y + ctx.px(6);
            const ImVec2 f0(a.x, a.y + lh), f1(b.x, b.y);
            fillRoundRect(dl, f0, f1, IM_COL32_WHITE, ctx.px(10));
            dl->AddRect(f0, f1, e.tap ? appColor : kLine, ctx.px(10), 0, ctx.px(2));
            const float vw = w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f);
            const float vh = measureText(bold, e.value, vw).y;
            drawText(dl, bold, ImVec2(f0.x + pad, f0.y + (f1.y - f0.y - vh) * 0.5f), kInk, e.value, vw);
            if (e.tap) ring(f0, f1, ImVec2(f1.x - ctx.px(30), (f0.y + f1.y) * 0.5f));
            break;
        }
        case K::Button: {
            fillRoundRect(dl, a, b, appColor, ctx.px(14));
            const float lw = w - 2 * pad - (e.tap ? ctx.px(56) : 0.0f);
            const float th = measureText(bold, label, lw).y;
            drawTextCentered(dl, bold, a.x + pad, a.y + (h - th) * 0.5f, lw, IM_COL32_WHITE, label);
            if (e.tap) ring(a, b, ImVec2(b.x - ctx.px(30), a.y + h * 0.5f));
            break;
        }
        case K::Text: drawText(dl, text, a, kInk, label, w); break;
        case K::Keypad: {
            // The digits typed so far as dots (a passcode or an OTP never shows), then 1–9, 0, Xóa.
            const size_t length = std::max<size_t>(6, e.value.size());
            drawTextCentered(dl, bold, a.x, a.y, w, kInk, dots(e.value, length));
            const float ky = a.y + bold->FontSize + ctx.px(12), kw = (w - 2 * ctx.px(8)) / 3.0f, kh = ctx.px(50);
            const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "Xóa"};
            for (int i = 0; i < 12; ++i) {
                if (!*keys[i]) continue;
                const ImVec2 k0(a.x + float(i % 3) * (kw + ctx.px(8)), ky + float(i / 3) * (kh + ctx.px(8)));
                fillRoundRect(dl, k0, ImVec2(k0.x + kw, k0.y + kh), kRowFill, ctx.px(10));
                drawTextCentered(dl, i == 11 ? small : bold, k0.x, k0.y + (kh - (i == 11 ? small : bold)->FontSize) * 0.5f, kw, kInk, keys[i]);
            }
            if (e.tap) ring(a, b, ImVec2(b.x - ctx.px(30), a.y + bold->FontSize * 0.5f));
            break;
        }
        case K::Camera: {
            // The camera's view with the frame the card goes in, the words under it, the shutter.
            const float viewH = std::min(ctx.px(220), (bottom - y) * 0.45f);
            fillRoundRect(dl, a, ImVec2(b.x, a.y + viewH), IM_COL32(40, 44, 52, 255), ctx.px(12));
            const float fw = w * 0.78f, fh = std::min(viewH * 0.7f, fw * 0.63f);
            const ImVec2 c0(a.x + (w - fw) * 0.5f, a.y + (viewH - fh) * 0.5f);
            dl->AddRect(c0, ImVec2(c0.x + fw, c0.y + fh), IM_COL32_WHITE, ctx.px(10), 0, ctx.px(3));
            float ty = a.y + viewH + ctx.px(10);
            ty += drawTextCentered(dl, text, a.x, ty, w, kInk, label).y + ctx.px(10);
            const ImVec2 shutter((a.x + b.x) * 0.5f, ty + ctx.px(28));
            dl->AddCircleFilled(shutter, ctx.px(26), appColor, 32);
            dl->AddCircle(shutter, ctx.px(20), IM_COL32_WHITE, 32, ctx.px(3));
            if (e.tap) ring(ImVec2(shutter.x - ctx.px(30), shutter.y - ctx.px(30)), ImVec2(shutter.x + ctx.px(30), shutter.y + ctx.px(30)),
                            ImVec2(shutter.x + ctx.px(2), shutter.y + ctx.px(4)));
            break;
        }
        default: break;
        }
        y += h + gap;
    }

    if (dialog) {
        // A dialog over the dimmed screen: its message, its buttons side by side (two at most a row).
        dl->AddRectFilled(min, max, IM_COL32(20, 26, 34, 110));
        const float dw = w, dpad = ctx.px(18);
        const size_t n = dialog->choices.size();
        const float bw = (dw - 2 * dpad - ctx.px(10) * float(std::min<size_t>(n, 2) - 1)) / float(std::min<size_t>(std::max<size_t>(n, 1), 2));
        float bh = ctx.px(52);
        for (const std::string& c : dialog->choices) bh = std::max(bh, linesHeight(bold, c, bw - ctx.px(16), fit.cut) + ctx.px(20));
        const float rows = float((n + 1) / 2);
        const float mh = linesHeight(text, dialog->label.vi, dw - 2 * dpad, fit.cut);
        const float dh = dpad + mh + ctx.px(16) + rows * bh + (rows - 1) * ctx.px(10) + dpad;
        const ImVec2 d0(x0, min.y + std::max(0.0f, (max.y - min.y - dh) * 0.45f)), d1(x1, d0.y + dh);
        if (d1.y <= max.y) {
            ++fit.shown;
            fillRoundRect(dl, d0, d1, IM_COL32_WHITE, ctx.px(16));
            drawText(dl, text, ImVec2(d0.x + dpad, d0.y + dpad), kInk, dialog->label.vi, dw - 2 * dpad);
            for (size_t i = 0; i < n; ++i) {
                const ImVec2 b0(d0.x + dpad + float(i % 2) * (bw + ctx.px(10)), d0.y + dpad + mh + ctx.px(16) + float(i / 2) * (bh + ctx.px(10)));
                const ImVec2 b1(b0.x + bw, b0.y + bh);
                const bool last = i + 1 == n;   // the app's own action is the last, filled
                fillRoundRect(dl, b0, b1, last ? appColor : kRowFill, ctx.px(10));
                const float th = measureText(bold, dialog->choices[i], bw - ctx.px(16)).y;
                drawTextCentered(dl, bold, b0.x + ctx.px(8), b0.y + (bh - th) * 0.5f, bw - ctx.px(16), last ? IM_COL32_WHITE : kInk, dialog->choices[i]);
                if (dialog->tapChoice == int(i) + 1) ring(b0, b1, ImVec2(b1.x - ctx.px(22), (b0.y + b1.y) * 0.5f));
            }
        }
    }
    return fit;
}

} // namespace ui
