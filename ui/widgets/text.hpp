// Drawing text with wrapping and alignment on a draw list.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace ui {

// One line of laid-out text: [begin, end) into the string, and its width.
struct TextLine {
    const char* begin;
    const char* end;
    float width;
};
// Lines break at spaces and newlines only; a word wider than `wrapWidth` is cut as a last resort
// and `brokenWord` says so. `wrapWidth` 0: only newlines break.
std::vector<TextLine> breakLines(ImFont* font, const std::string& text, float wrapWidth, bool* brokenWord = nullptr);
ImVec2 measureText(ImFont* font, const std::string& text, float wrapWidth = 0.0f);
// Draws wrapped text at `pos`; returns its size.
ImVec2 drawText(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float wrapWidth = 0.0f);
// Centres each line of (wrapped) text horizontally inside [x, x+width).
ImVec2 drawTextCentered(ImDrawList* dl, ImFont* font, float x, float y, float width, ImU32 color, const std::string& text);
// Shrinks nothing, cuts nothing: returns the largest font of `candidates` whose wrapped text fits
// `box` without cutting a word (the last candidate when none does).
ImFont* fitFont(std::initializer_list<ImFont*> candidates, const std::string& text, ImVec2 box);

} // namespace ui
