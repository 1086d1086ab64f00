// Text layout helpers over ImFont::CalcTextSizeA, line by line for centring.
#include "ui/widgets/text.hpp"
#include <vector>

namespace ui {

ImVec2 measureText(ImFont* font, const std::string& text, float wrapWidth)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.c_str(), text.c_str() + text.size());
}

ImVec2 drawText(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float wrapWidth)
{
    dl->AddText(font, font->FontSize, pos, color, text.c_str(), text.c_str() + text.size(), wrapWidth);
    return measureText(font, text, wrapWidth);
}

ImVec2 drawTextCentered(ImDrawList* dl, ImFont* font, float x, float y, float width, ImU32 color, const std::string& text)
{
    // Split into the lines ImGui would wrap to, then centre each.
    const char* s = text.c_str();
    const char* end = s + text.size();
    float top = y, widest = 0;
    while (s < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (lineEnd == s) lineEnd = s + 1;
        const char* visibleEnd = lineEnd;
        while (visibleEnd > s && (visibleEnd[-1] == ' ' || visibleEnd[-1] == '\n')) --visibleEnd;
        ImVec2 sz = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, visibleEnd);
        dl->AddText(font, font->FontSize, ImVec2(x + (width - sz.x) * 0.5f, y), color, s, visibleEnd);
        widest = sz.x > widest ? sz.x : widest;
        y += font->FontSize;
        s = lineEnd;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return ImVec2(widest, y - top);
}

ImFont* fitFont(std::initializer_list<ImFont*> candidates, const std::string& text, ImVec2 box)
{
    ImFont* last = nullptr;
    for (ImFont* f : candidates) {
        last = f;
        ImVec2 sz = measureText(f, text, box.x);
        if (sz.y <= box.y && sz.x <= box.x + 1) return f;
    }
    return last;
}

} // namespace ui
