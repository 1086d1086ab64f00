// Text layout: lines break only between words (at spaces and newlines), so no word and no web
// address is ever cut in two unless it is wider than its whole box (then it is cut, and the
// layout check reports it). Every drawn text is reported to the layout record when one is taken.
#include "ui/widgets/text.hpp"
#include "ui/layout_record.hpp"
#include <imgui_internal.h>   // ImTextCharFromUtf8
#include <algorithm>

namespace ui {

namespace {

float advance(ImFont* font, const char* s, const char* e)
{
    float w = 0;
    const float k = 1.0f;   // fonts are baked at the size they are drawn
    while (s < e) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) {
            ++s;
        } else {
            int n = ImTextCharFromUtf8(&c, s, e);
            s += n > 0 ? n : 1;
        }
        if (c == '\n' || c == '\r') continue;
        w += font->GetCharAdvance(static_cast<ImWchar>(c)) * k;
    }
    return w;
}

// The longest prefix of [s, e) no wider than `width` (at least one character).
const char* fitChars(ImFont* font, const char* s, const char* e, float width)
{
    float w = 0;
    const char* p = s;
    while (p < e) {
        unsigned int c = static_cast<unsigned char>(*p);
        int n = c < 0x80 ? 1 : ImTextCharFromUtf8(&c, p, e);
        if (n <= 0) n = 1;
        float a = font->GetCharAdvance(static_cast<ImWchar>(c));
        if (p > s && w + a > width) break;
        w += a;
        p += n;
    }
    return p;
}

} // namespace

std::vector<TextLine> breakLines(ImFont* font, const std::string& text, float wrapWidth, bool* brokenWord)
{
    std::vector<TextLine> lines;
    if (brokenWord) *brokenWord = false;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (true) {
        const char* nl = std::find(s, end, '\n');
        // One paragraph [s, nl): words separated by spaces, laid greedily.
        const char* lineStart = s;
        const char* lineEnd = s;     // end of the last word placed on this line
        float lineW = 0;
        const char* p = s;
        while (p < nl) {
            const char* ws = p;
            while (ws < nl && *ws == ' ') ++ws;
            if (ws == nl) break;
            const char* we = ws;
            while (we < nl && *we != ' ') ++we;
            float wordW = advance(font, ws, we);
            float gapW = lineEnd > lineStart ? advance(font, lineEnd, ws) : 0.0f;
            const bool fits = lineEnd == lineStart ? wordW <= wrapWidth : lineW + gapW + wordW <= wrapWidth;
            if (wrapWidth <= 0 || fits) {
                if (lineEnd == lineStart) lineStart = ws;
                lineW += gapW + wordW;
                lineEnd = we;
                p = we;
                continue;
            }
            if (lineEnd > lineStart) {   // the word goes to the next line
                lines.push_back({lineStart, lineEnd, lineW});
                lineStart = lineEnd = ws;
                lineW = 0;
                p = ws;
                continue;
            }
            // A word wider than the whole line: cut as a last resort, and say so.
            if (brokenWord) *brokenWord = true;
            const char* cut = fitChars(font, ws, we, wrapWidth);
            lines.push_back({ws, cut, advance(font, ws, cut)});
            lineStart = lineEnd = cut;
            lineW = 0;
            p = cut;
        }
        lines.push_back({lineStart, lineEnd, lineW});
        if (nl == end) break;
        s = nl + 1;
    }
    return lines;
}

ImVec2 measureText(ImFont* font, const std::string& text, float wrapWidth)
{
    float widest = 0;
    auto lines = breakLines(font, text, wrapWidth);
    for (const TextLine& l : lines) widest = std::max(widest, l.width);
    return ImVec2(widest, font->FontSize * float(lines.size()));
}

namespace {

// Draws lines at x + align*(width - lineWidth); reports to the layout record.
ImVec2 drawLines(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, float align, ImU32 color, const std::string& text, float wrap)
{
    bool broken = false;
    auto lines = breakLines(font, text, wrap, &broken);
    float widest = 0, minX = 1e30f, y = pos.y;
    for (const TextLine& l : lines) {
        float x = pos.x + std::max(0.0f, width - l.width) * align;
        if (l.end > l.begin) dl->AddText(font, font->FontSize, ImVec2(x, y), color, l.begin, l.end);
        widest = std::max(widest, l.width);
        minX = std::min(minX, x);
        y += font->FontSize;
    }
    ImVec2 size(widest, y - pos.y);
    if (LayoutRecord* r = LayoutRecord::active(); r && !text.empty()) {
        TextRect t;
        t.text = text;
        t.min = ImVec2(minX, pos.y);
        t.max = ImVec2(minX + widest, y);
        t.boxMin = pos;
        t.boxMax = ImVec2(pos.x + (wrap > 0 ? wrap : widest), y);
        t.clipMin = dl->GetClipRectMin();
        t.clipMax = dl->GetClipRectMax();
        t.layer = r->layer;
        t.brokenWord = broken;
        t.scrolling = r->scrollDepth > 0;
        r->texts.push_back(std::move(t));
    }
    return size;
}

} // namespace

ImVec2 drawText(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float wrapWidth)
{
    return drawLines(dl, font, pos, 0.0f, 0.0f, color, text, wrapWidth);
}

ImVec2 drawTextCentered(ImDrawList* dl, ImFont* font, float x, float y, float width, ImU32 color, const std::string& text)
{
    return drawLines(dl, font, ImVec2(x, y), width, 0.5f, color, text, width);
}

ImFont* fitFont(std::initializer_list<ImFont*> candidates, const std::string& text, ImVec2 box)
{
    ImFont* last = nullptr;
    for (ImFont* f : candidates) {
        last = f;
        bool broken = false;
        auto lines = breakLines(f, text, box.x, &broken);
        if (!broken && f->FontSize * float(lines.size()) <= box.y) return f;
    }
    return last;
}

} // namespace ui
