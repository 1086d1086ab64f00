// Filled shapes drawn the way SDL's software renderer is fast at. It fills an axis-aligned
// rectangle of one colour as a plain rect (~1.7 ms for a 1230x660 card at 1080p) but rasterises
// every other triangle pixel by pixel: the same card as Dear ImGui's rounded fan took 12–24 ms,
// and a lesson screen's cards, buttons and shadows ~60 ms a frame. These draw the same shapes as
// a few rectangles plus small anti-aliased corner pieces, on whole pixels.
#pragma once
#include <imgui.h>

namespace ui {

// Like ImDrawList::AddRectFilled(a, b, col, rounding, flags), same corner flags.
void fillRoundRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding, ImDrawFlags flags = ImDrawFlags_None);

// Like ImDrawList::AddCircleFilled(center, radius, col): a large disc as horizontal slabs, each a
// rectangle with two thin curved sides. Small discs go to ImGui as they are.
void fillDisc(ImDrawList* dl, ImVec2 center, float radius, ImU32 col);

} // namespace ui
