// One calm palette for every screen: public-service blue on a light background.
#pragma once
#include <imgui.h>
#include <cstdint>

namespace ui {

struct Theme {
    ImU32 background;      // page
    ImU32 surface;         // cards
    ImU32 surfacePressed;
    ImU32 border;
    ImU32 text;
    ImU32 textMuted;
    ImU32 primary;         // main action, header
    ImU32 primaryPressed;
    ImU32 onPrimary;       // text on primary
    ImU32 secondary;       // secondary buttons
    ImU32 secondaryPressed;
    ImU32 accent;          // highlights (the tap target, progress)
    ImU32 attractTop;      // attract screen background
    ImU32 attractBottom;
    ImU32 scrim;           // dims the screen behind a dialog
    ImU32 shadow;
    ImU32 right;           // a right answer
    ImU32 wrong;           // a wrong answer
};

Theme standardTheme();
Theme highContrastTheme();   // white and yellow on black, for weak eyes
ImU32 rgb(uint32_t hex, int alpha = 255);       // 0xRRGGBB → ImU32
ImU32 mix(ImU32 a, ImU32 b, float t);           // t=0 → a, t=1 → b

} // namespace ui
