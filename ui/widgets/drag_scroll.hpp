// A scrolling area moved by dragging a finger (Dear ImGui 1.86 has none), with a slim position
// indicator and a fade at the edge that shows there is more below.
#pragma once
#include "ui/ui_context.hpp"

namespace ui {

class DragScroll {
public:
    void begin(Context& ctx, const char* id, ImVec2 size);
    void end(Context& ctx);
    void resetToTop() { m_resetPending = true; }
    // "Xem thêm": most of a page further down (from the next frame on); dragging works as well.
    void pageDown() { m_pagePending = true; }
    // As drawn last frame: is there more below, and has the list moved from its top?
    bool moreBelow() const { return m_moreBelow; }
    bool scrolled() const { return m_scrolled; }
    void setFadeColor(ImU32 c) { m_fade = c; }   // the colour behind the area (default: the page)

private:
    ImVec2 m_pos;
    ImVec2 m_size;
    bool m_resetPending = false;
    bool m_pagePending = false;
    bool m_moreBelow = false;
    bool m_scrolled = false;
    ImU32 m_fade = 0;
    bool m_tracking = false;     // a press began inside this area
    float m_pressScroll = 0;
};

} // namespace ui
