// The on-screen keyboard: key geometry, drawing (calm palette, high contrast) and what each key does.
#include "ui/widgets/onscreen_keyboard.hpp"
#include "ui/imgui_scope.hpp"
#include "ui/layout_record.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

namespace {

const char* const kLetterRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

// What a key does besides its letter, printed small under it: the tone keys of Telex, and the
// digit row of VNI. These are the names of Vietnamese marks: the same in both languages.
const char* telexHint(char c)
{
    switch (c) {
    case 's': return "sắc";
    case 'f': return "huyền";
    case 'r': return "hỏi";
    case 'x': return "ngã";
    case 'j': return "nặng";
    case 'w': return "ư ơ ă";
    case 'z': return "bỏ dấu";
    default: return nullptr;
    }
}

const char* const kVniHints[] = {"bỏ dấu", "sắc", "huyền", "hỏi", "ngã", "nặng", "â ê ô", "ư ơ", "ă", "đ"};

struct Metrics {
    float pad, gap, keyH, rounding;
};

Metrics lettersMetrics(const Context& ctx) { return {ctx.px(20), ctx.px(12), ctx.px(96), ctx.px(14)}; }
Metrics numericMetrics(const Context& ctx) { return {ctx.px(20), ctx.px(16), ctx.px(104), ctx.px(16)}; }

// The tray behind the keys, a shade darker than the page so white keys stand out.
ImU32 trayColor(const Theme& th) { return mix(th.secondary, th.secondaryPressed, 0.55f); }

void drawShiftIcon(ImDrawList* dl, ImVec2 c, float s, ImU32 color, bool filled, float thickness)
{
    const ImVec2 pts[] = {{c.x, c.y - s * 0.5f},          {c.x + s * 0.5f, c.y + s * 0.02f}, {c.x + s * 0.22f, c.y + s * 0.02f},
                          {c.x + s * 0.22f, c.y + s * 0.5f}, {c.x - s * 0.22f, c.y + s * 0.5f}, {c.x - s * 0.22f, c.y + s * 0.02f},
                          {c.x - s * 0.5f, c.y + s * 0.02f}};
    if (filled) {   // the arrow is not convex: its head and its stem
        dl->AddTriangleFilled(pts[0], pts[1], pts[6], color);
        dl->AddRectFilled(ImVec2(pts[5].x, pts[5].y - 1), pts[3], color);
    }
    dl->AddPolyline(pts, 7, color, ImDrawFlags_Closed, thickness);
}

void drawBackspaceIcon(ImDrawList* dl, ImVec2 c, float s, ImU32 color, float thickness)
{
    const float w = s * 1.3f, h = s * 0.8f, x0 = c.x - w * 0.5f, x1 = c.x + w * 0.5f;
    const ImVec2 pts[] = {{x0, c.y}, {x0 + h * 0.5f, c.y - h * 0.5f}, {x1, c.y - h * 0.5f}, {x1, c.y + h * 0.5f}, {x0 + h * 0.5f, c.y + h * 0.5f}};
    dl->AddPolyline(pts, 5, color, ImDrawFlags_Closed, thickness);
    const ImVec2 m(x0 + h * 0.5f + (x1 - x0 - h * 0.5f) * 0.5f, c.y);
    const float k = h * 0.2f;
    dl->AddLine(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), color, thickness);
    dl->AddLine(ImVec2(m.x - k, m.y + k), ImVec2(m.x + k, m.y - k), color, thickness);
}

} // namespace

void OnscreenKeyboard::configure(const kiosk::Config& config)
{
    setMethod(config.inputMethod);
    setToneStyle(config.inputToneStyle);
}

void OnscreenKeyboard::setMethod(kiosk::InputMethod method)
{
    m_method = method == kiosk::InputMethod::Plain ? kiosk::InputMethod::Telex : method;
    if (m_layout == Layout::Letters) m_composer.setMethod(m_method);
}

void OnscreenKeyboard::setToneStyle(kiosk::ToneStyle style) { m_composer.setToneStyle(style); }

void OnscreenKeyboard::setLayout(Layout layout)
{
    m_layout = layout;
    m_composer.setMethod(layout == Layout::Numeric ? kiosk::InputMethod::Plain : m_method);
    if (layout == Layout::Numeric) m_shift = false;
}

void OnscreenKeyboard::setCapitalizeWords(bool on)
{
    m_capitalizeWords = on;
    afterEdit();
}

void OnscreenKeyboard::setText(const std::string& text)
{
    m_composer.setText(text);
    m_done = false;
    afterEdit();
}

void OnscreenKeyboard::clear()
{
    m_composer.clear();
    m_done = false;
    m_shift = false;
    afterEdit();
}

bool OnscreenKeyboard::takeDone()
{
    bool d = m_done;
    m_done = false;
    return d;
}

void OnscreenKeyboard::type(char32_t c)
{
    if (m_maxLength > 0) {   // a key that would make the text too long does nothing (a 12-digit ID stays 12)
        kiosk::Composer trial = m_composer;
        trial.key(c);
        if (trial.length() > m_maxLength) return;
    }
    m_composer.key(c);
    m_shift = false;
    afterEdit();
}

void OnscreenKeyboard::backspace()
{
    m_composer.backspace();
    afterEdit();
}

void OnscreenKeyboard::afterEdit()
{
    if (m_capitalizeWords && m_layout == Layout::Letters) {
        const std::string& t = m_composer.text();
        m_shift = t.empty() || t.back() == ' ';
    }
}

float OnscreenKeyboard::height(const Context& ctx, Layout layout)
{
    const Metrics m = layout == Layout::Letters ? lettersMetrics(ctx) : numericMetrics(ctx);
    const int rows = layout == Layout::Letters ? 5 : 4;
    return 2 * m.pad + float(rows) * m.keyH + float(rows - 1) * m.gap;
}

bool OnscreenKeyboard::key(Context& ctx, const std::string& id, ImVec2 pos, ImVec2 size, const std::string& label, ImFont* font,
                           KeyStyle style, const char* hint, Icon icon)
{
    ImGui::SetCursorScreenPos(pos);
    bool pressed = false;
    const bool clicked = touchArea(ctx, id.c_str(), size, &pressed);
    const Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = th.surface, ink = th.text, sub = th.textMuted;
    switch (style) {
    case KeyStyle::Letter: fill = pressed ? th.surfacePressed : th.surface; break;
    case KeyStyle::Function: fill = pressed ? mix(th.secondaryPressed, th.primary, 0.25f) : th.secondaryPressed; break;
    case KeyStyle::FunctionOn:
    case KeyStyle::Action:
        fill = pressed ? th.primaryPressed : th.primary;
        ink = sub = th.onPrimary;
        break;
    }
    const float r = ctx.px(14), lift = ctx.px(3);
    // A key stands on a thin shadow and sinks onto it under the finger.
    if (!pressed) fillRoundRect(dl, ImVec2(pos.x, pos.y + lift), ImVec2(pos.x + size.x, pos.y + size.y + lift), mix(trayColor(th), IM_COL32(20, 40, 70, 255), 0.22f), r);
    const ImVec2 a(pos.x, pos.y + (pressed ? lift : 0)), b(pos.x + size.x, a.y + size.y);
    fillRoundRect(dl, a, b, fill, r);
    if (ctx.highContrast) dl->AddRect(a, b, style == KeyStyle::Letter || style == KeyStyle::Function ? th.border : th.primary, r, 0, ctx.px(2));

    // The label (with its icon), raised a little when a hint sits under it.
    // A key too narrow for its icon and its word (portrait) keeps the icon alone.
    const float iconS = ctx.px(34);
    std::string shown = label;
    if (icon != Icon::None && !shown.empty() && measureText(font, shown).x + iconS * 1.3f + ctx.px(14) > size.x - ctx.px(16)) shown.clear();
    const ImVec2 ts = shown.empty() ? ImVec2(0, font->FontSize) : measureText(font, shown);
    const float iconGap = shown.empty() ? 0 : ctx.px(14);
    const float contentW = ts.x + (icon != Icon::None ? iconS * 1.3f + iconGap : 0);
    const float hintH = hint ? ctx.fonts.chromeSmall->FontSize : 0;
    const float cy = a.y + size.y * 0.5f - hintH * 0.45f;
    float x = a.x + (size.x - contentW) * 0.5f;
    if (icon == Icon::Shift) drawShiftIcon(dl, ImVec2(x + iconS * 0.65f, cy), iconS, ink, style == KeyStyle::FunctionOn, ctx.px(3));
    if (icon == Icon::Backspace) drawBackspaceIcon(dl, ImVec2(x + iconS * 0.65f, cy), iconS, ink, ctx.px(3));
    if (icon != Icon::None) x += iconS * 1.3f + iconGap;
    if (!shown.empty()) drawText(dl, font, ImVec2(x, cy - ts.y * 0.5f), ink, shown);
    if (hint) drawTextCentered(dl, ctx.fonts.chromeSmall, a.x, cy + ts.y * 0.5f - ctx.px(2), size.x, sub, hint);
    return clicked;
}

void OnscreenKeyboard::drawLetters(Context& ctx, ImVec2 origin, float width)
{
    const Metrics m = lettersMetrics(ctx);
    const float unit = std::min((width - 2 * m.pad - 9 * m.gap) / 10.0f, ctx.px(168));
    auto kw = [&](float units) { return units * unit + (units - 1) * m.gap; };
    const float rowW = kw(10), x0 = origin.x + (width - rowW) * 0.5f;
    float y = origin.y + m.pad;
    const bool vni = m_method == kiosk::InputMethod::Vni;
    ImFont* letterFont = ctx.fonts.heading;

    // Digits: as typed in Telex; in VNI they put the marks on (1–5 tones, 6 7 8 marks, 9 đ, 0 off).
    for (int i = 0; i < 10; ++i) {
        const char d = char('0' + (i + 1) % 10);
        if (key(ctx, std::string("kb.") + d, ImVec2(x0 + float(i) * (unit + m.gap), y), ImVec2(unit, m.keyH), std::string(1, d), letterFont,
                KeyStyle::Letter, vni ? kVniHints[d - '0'] : nullptr))
            type(char32_t(d));
    }
    y += m.keyH + m.gap;
    for (int row = 0; row < 3; ++row) {
        float x = x0 + (row == 1 ? (unit + m.gap) * 0.5f : 0);
        if (row == 2) {
            if (key(ctx, "kb.shift", ImVec2(x, y), ImVec2(kw(1.5f), m.keyH), ctx.tr("kb_shift"), ctx.fonts.body, m_shift ? KeyStyle::FunctionOn : KeyStyle::Function,
                    nullptr, Icon::Shift))
                m_shift = !m_shift;
            x += kw(1.5f) + m.gap;
        }
        for (const char* p = kLetterRows[row]; *p; ++p) {
            const char c = *p, shown = m_shift ? char(c - 'a' + 'A') : c;
            if (key(ctx, std::string("kb.") + c, ImVec2(x, y), ImVec2(unit, m.keyH), std::string(1, shown), letterFont, KeyStyle::Letter,
                    vni ? nullptr : telexHint(c)))
                type(char32_t(shown));
            x += unit + m.gap;
        }
        if (row == 2 && key(ctx, "kb.backspace", ImVec2(x, y), ImVec2(kw(1.5f), m.keyH), ctx.tr("kb_backspace"), ctx.fonts.body, KeyStyle::Function, nullptr,
                            Icon::Backspace))
            backspace();
        y += m.keyH + m.gap;
    }
    // Bottom row: punctuation an address needs, a wide space bar, Done.
    float x = x0;
    auto punct = [&](const char* id, char c) {
        if (key(ctx, id, ImVec2(x, y), ImVec2(unit, m.keyH), std::string(1, c), letterFont, KeyStyle::Function)) type(char32_t(c));
        x += unit + m.gap;
    };
    punct("kb.comma", ',');
    punct("kb.slash", '/');
    if (key(ctx, "kb.space", ImVec2(x, y), ImVec2(kw(4), m.keyH), ctx.tr("kb_space"), ctx.fonts.body, KeyStyle::Letter)) type(U' ');
    x += kw(4) + m.gap;
    punct("kb.hyphen", '-');
    punct("kb.period", '.');
    if (key(ctx, "kb.done", ImVec2(x, y), ImVec2(kw(2), m.keyH), ctx.tr("kb_done"), ctx.fonts.chrome, KeyStyle::Action)) m_done = true;
}

void OnscreenKeyboard::drawNumeric(Context& ctx, ImVec2 origin, float width)
{
    const Metrics m = numericMetrics(ctx);
    const float kwid = std::min((width - 2 * m.pad - 2 * m.gap) / 3.0f, ctx.px(250));
    const float x0 = origin.x + (width - 3 * kwid - 2 * m.gap) * 0.5f;
    const char* const digits = "123456789";
    for (int i = 0; i < 9; ++i) {
        const char d = digits[i];
        ImVec2 p(x0 + float(i % 3) * (kwid + m.gap), origin.y + m.pad + float(i / 3) * (m.keyH + m.gap));
        if (key(ctx, std::string("kb.") + d, p, ImVec2(kwid, m.keyH), std::string(1, d), ctx.fonts.title, KeyStyle::Letter)) type(char32_t(d));
    }
    const float y = origin.y + m.pad + 3 * (m.keyH + m.gap);
    if (key(ctx, "kb.backspace", ImVec2(x0, y), ImVec2(kwid, m.keyH), ctx.tr("kb_backspace"), ctx.fonts.chrome, KeyStyle::Function, nullptr, Icon::Backspace))
        backspace();
    if (key(ctx, "kb.0", ImVec2(x0 + kwid + m.gap, y), ImVec2(kwid, m.keyH), "0", ctx.fonts.title, KeyStyle::Letter)) type(U'0');
    if (key(ctx, "kb.done", ImVec2(x0 + 2 * (kwid + m.gap), y), ImVec2(kwid, m.keyH), ctx.tr("kb_done"), ctx.fonts.heading, KeyStyle::Action)) m_done = true;
}

float OnscreenKeyboard::draw(Context& ctx, float width)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float h = height(ctx, m_layout);
    float trayW = width;
    if (m_layout == Layout::Numeric) {   // the tray hugs the pad
        const Metrics m = numericMetrics(ctx);
        trayW = std::min(width, 3 * std::min((width - 2 * m.pad - 2 * m.gap) / 3.0f, ctx.px(250)) + 2 * m.gap + 2 * m.pad);
    }
    const ImVec2 t0(origin.x + (width - trayW) * 0.5f, origin.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fillRoundRect(dl, t0, ImVec2(t0.x + trayW, t0.y + h), trayColor(ctx.theme), ctx.px(28));
    if (ctx.highContrast) dl->AddRect(t0, ImVec2(t0.x + trayW, t0.y + h), ctx.theme.border, ctx.px(28), 0, ctx.px(2));
    if (m_layout == Layout::Letters) drawLetters(ctx, origin, width);
    else drawNumeric(ctx, origin, width);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h));
    return h;
}

bool textField(Context& ctx, const char* id, const std::string& text, const std::string& placeholder, ImVec2 size, bool focused)
{
    const Theme& th = ctx.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = touchArea(ctx, id, size, nullptr);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ctx.px(18);
    fillRoundRect(dl, pos, ImVec2(pos.x + size.x, pos.y + size.y), th.surface, r);
    dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), focused ? th.primary : th.border, r, 0, focused ? ctx.px(4) : ctx.px(2));
    ImFont* font = size.y >= ctx.fonts.title->FontSize * 1.6f ? ctx.fonts.title : ctx.fonts.heading;
    const float pad = ctx.px(28), caretW = ctx.px(4);
    const ImVec2 in0(pos.x + pad, pos.y), in1(pos.x + size.x - pad, pos.y + size.y);
    const float ty = pos.y + (size.y - font->FontSize) * 0.5f;
    {
        const ScopedClipRect clip(dl, in0, in1);
        float x = in0.x;
        if (text.empty()) {
            ImFont* pf = fitFont({ctx.fonts.body, ctx.fonts.small}, placeholder, ImVec2(in1.x - in0.x - ctx.px(12), size.y - ctx.px(8)));
            drawText(dl, pf, ImVec2(x + ctx.px(12), pos.y + (size.y - measureText(pf, placeholder, in1.x - in0.x - ctx.px(12)).y) * 0.5f), th.textMuted,
                     placeholder, in1.x - in0.x - ctx.px(12));
        } else if (!focused) {
            // A field at rest shows its words from the start, wrapped, in the largest font that fits.
            const ImVec2 box(in1.x - in0.x, size.y - ctx.px(16));
            ImFont* f = fitFont({font, ctx.fonts.body, ctx.fonts.small}, text, box);
            const float h = std::min(measureText(f, text, box.x).y, box.y);
            const ScopedLayoutScroll clipped;   // a long note continues in its own page
            drawText(dl, f, ImVec2(x, pos.y + (size.y - h) * 0.5f), th.text, text, box.x);
        } else {
            const ScopedLayoutScroll scrolled;   // the line being typed slides left to keep its end in view
            const float w = measureText(font, text).x;
            if (w > in1.x - in0.x - caretW - ctx.px(8)) x = in1.x - caretW - ctx.px(8) - w;   // keep the end (and the caret) in view
            drawText(dl, font, ImVec2(x, ty), th.text, text);
            x += w + ctx.px(4);
        }
        if (focused) fillRoundRect(dl, ImVec2(x, ty + font->FontSize * 0.1f), ImVec2(x + caretW, ty + font->FontSize * 0.95f), th.primary, ctx.px(2));
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y));
    return clicked;
}

} // namespace ui
