// The palette. Contrast of text on background is above 7:1 for body text.
#include "ui/theme.hpp"

namespace ui {

ImU32 rgb(uint32_t hex, int alpha)
{
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, alpha);
}

ImU32 mix(ImU32 a, ImU32 b, float t)
{
    auto ch = [&](int shift) {
        float x = float((a >> shift) & 0xff), y = float((b >> shift) & 0xff);
        return static_cast<ImU32>(x + (y - x) * t + 0.5f) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | ch(IM_COL32_A_SHIFT);
}

Theme standardTheme()
{
    Theme t{};
    t.background = rgb(0xF3F6FA);
    t.surface = rgb(0xFFFFFF);
    t.surfacePressed = rgb(0xE3ECF7);
    t.border = rgb(0xD5DEE8);
    t.text = rgb(0x16212E);
    t.textMuted = rgb(0x4A5868);
    t.primary = rgb(0x0B5CAD);
    t.primaryPressed = rgb(0x084482);
    t.onPrimary = rgb(0xFFFFFF);
    t.secondary = rgb(0xE6EDF5);
    t.secondaryPressed = rgb(0xC9D6E6);
    t.accent = rgb(0xE8A317);
    t.attractTop = rgb(0x0B4F96);
    t.attractBottom = rgb(0x0A3A6E);
    t.scrim = IM_COL32(10, 25, 45, 170);
    t.shadow = IM_COL32(20, 40, 70, 28);
    t.right = rgb(0x067647);
    t.wrong = rgb(0xB42318);
    return t;
}

Theme highContrastTheme()
{
    Theme t{};
    t.background = rgb(0x000000);
    t.surface = rgb(0x000000);
    t.surfacePressed = rgb(0x333300);
    t.border = rgb(0xFFFFFF);
    t.text = rgb(0xFFFFFF);
    t.textMuted = rgb(0xF0F0F0);
    t.primary = rgb(0xFFE14D);
    t.primaryPressed = rgb(0xD9B800);
    t.onPrimary = rgb(0x000000);
    t.secondary = rgb(0x1A1A1A);
    t.secondaryPressed = rgb(0x333333);
    t.accent = rgb(0x4DE8FF);
    t.attractTop = rgb(0x000000);
    t.attractBottom = rgb(0x000000);
    t.scrim = IM_COL32(0, 0, 0, 200);
    t.shadow = IM_COL32(0, 0, 0, 0);
    t.right = rgb(0x5CFF8A);
    t.wrong = rgb(0xFF8A80);
    return t;
}

} // namespace ui
