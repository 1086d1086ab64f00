// Scoped ImGui state: every Begin, Push and clip rectangle is paired with its End or Pop by a
// destructor, so an early return cannot leave ImGui's stacks unbalanced (which asserts at
// NewFrame, and in a release build draws the next screen in the wrong window or colour).
#pragma once
#include <imgui.h>

namespace ui {

// A window over the whole display, without title, border or saved settings. `extraFlags` add to
// those; `takeFocus` puts it above the page (overlays that must get the touches).
class FullScreenWindow {
public:
    explicit FullScreenWindow(const char* id, ImGuiWindowFlags extraFlags = 0, bool takeFocus = false)
    {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        if (takeFocus) ImGui::SetNextWindowFocus();
        ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | extraFlags);
    }
    ~FullScreenWindow() { ImGui::End(); }
    FullScreenWindow(const FullScreenWindow&) = delete;
    FullScreenWindow& operator=(const FullScreenWindow&) = delete;
};

class ScopedStyleColor {
public:
    ScopedStyleColor(ImGuiCol which, ImU32 colour) { ImGui::PushStyleColor(which, colour); }
    ~ScopedStyleColor() { ImGui::PopStyleColor(); }
    ScopedStyleColor(const ScopedStyleColor&) = delete;
    ScopedStyleColor& operator=(const ScopedStyleColor&) = delete;
};

class ScopedStyleVar {
public:
    ScopedStyleVar(ImGuiStyleVar which, float value) { ImGui::PushStyleVar(which, value); }
    ScopedStyleVar(ImGuiStyleVar which, ImVec2 value) { ImGui::PushStyleVar(which, value); }
    ~ScopedStyleVar() { ImGui::PopStyleVar(); }
    ScopedStyleVar(const ScopedStyleVar&) = delete;
    ScopedStyleVar& operator=(const ScopedStyleVar&) = delete;
};

class ScopedFont {
public:
    explicit ScopedFont(ImFont* font) { ImGui::PushFont(font); }
    ~ScopedFont() { ImGui::PopFont(); }
    ScopedFont(const ScopedFont&) = delete;
    ScopedFont& operator=(const ScopedFont&) = delete;
};

// A clip rectangle on one draw list (text that must not run past a field's edge).
class ScopedClipRect {
public:
    ScopedClipRect(ImDrawList* dl, ImVec2 min, ImVec2 max, bool intersectWithCurrent = true) : m_dl(dl)
    {
        m_dl->PushClipRect(min, max, intersectWithCurrent);
    }
    ~ScopedClipRect() { m_dl->PopClipRect(); }
    ScopedClipRect(const ScopedClipRect&) = delete;
    ScopedClipRect& operator=(const ScopedClipRect&) = delete;

private:
    ImDrawList* m_dl;
};

} // namespace ui
