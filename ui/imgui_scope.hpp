// Scoped ImGui state: every Begin, Push and clip rectangle is paired with its End or Pop by a
// destructor, so an early return cannot leave ImGui's stacks unbalanced (which asserts at
// NewFrame, and in a release build draws the next screen in the wrong window or colour).
#pragma once
#include <imgui.h>

namespace ui {

// The scopes below are neither copied nor moved: one Pop for each Push.
struct Unique {
    Unique() = default;
    Unique(const Unique&) = delete;
    Unique& operator=(const Unique&) = delete;
};

// A window over the whole display, without title, border or saved settings. `extraFlags` add to
// those; `takeFocus` puts it above the page (overlays that must get the touches).
struct FullScreenWindow : Unique {
    explicit FullScreenWindow(const char* id, ImGuiWindowFlags extraFlags = 0, bool takeFocus = false)
    {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        if (takeFocus) ImGui::SetNextWindowFocus();
        ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | extraFlags);
    }
    ~FullScreenWindow() { ImGui::End(); }
};

struct ScopedStyleColor : Unique {
    ScopedStyleColor(ImGuiCol which, ImU32 colour) { ImGui::PushStyleColor(which, colour); }
    ~ScopedStyleColor() { ImGui::PopStyleColor(); }
};

struct ScopedStyleVar : Unique {
    ScopedStyleVar(ImGuiStyleVar which, float value) { ImGui::PushStyleVar(which, value); }
    ScopedStyleVar(ImGuiStyleVar which, ImVec2 value) { ImGui::PushStyleVar(which, value); }
    ~ScopedStyleVar() { ImGui::PopStyleVar(); }
};

struct ScopedFont : Unique {
    explicit ScopedFont(ImFont* font) { ImGui::PushFont(font); }
    ~ScopedFont() { ImGui::PopFont(); }
};

// A clip rectangle on one draw list (text that must not run past a field's edge).
struct ScopedClipRect : Unique {
    ScopedClipRect(ImDrawList* dl, ImVec2 min, ImVec2 max, bool intersectWithCurrent = true) : list(dl)
    {
        list->PushClipRect(min, max, intersectWithCurrent);
    }
    ~ScopedClipRect() { list->PopClipRect(); }
    ImDrawList* list;
};

} // namespace ui
