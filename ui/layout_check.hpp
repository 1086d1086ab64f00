// The layout rules every screen keeps, checked on what a frame recorded (ui/layout_record.hpp):
// no text leaves its box, is cut by its area or the screen, breaks a word, or lies over another
// text or across a button; touch targets are at least 64 px at 1080p; QR codes at least 300 px
// at 1080p with modules of 6 px or more.
#pragma once
#include "ui/layout_record.hpp"
#include "ui/ui_context.hpp"
#include <string>
#include <vector>

namespace ui {

struct LayoutRules {
    float scale = 1.0f;            // screen height / 1080
    ImVec2 display;
    float minTouch = 64;           // at 1080p
    float minQrSide = 300;         // at 1080p, quiet zone included
    float minQrModule = 6;         // at 1080p
};

// Plain Vietnamese sentences, one per problem, naming the text (never personal data: the
// screens checked show demonstration data only).
std::vector<std::string> checkLayout(const LayoutRecord& record, const std::vector<HitBox>& hits, const LayoutRules& rules);

} // namespace ui
