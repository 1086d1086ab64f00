// Feeds pointer events into Dear ImGui one button change per frame, so a quick tap (down and up
// between two frames) is still seen pressed, then released: every tap registers.
#pragma once
#include "kiosk/common/types.hpp"
#include <imgui.h>
#include <deque>

namespace ui {

class TouchInput {
public:
    void push(const kiosk::PointerEvent& e) { m_queue.push_back(e); }
    bool pending() const { return !m_queue.empty() || m_hideNext; }
    void apply(ImGuiIO& io);        // call before ImGui::NewFrame()

private:
    std::deque<kiosk::PointerEvent> m_queue;
    ImVec2 m_pos{-FLT_MAX, -FLT_MAX};
    bool m_down = false;
    bool m_hideNext = false;        // touch has no hover: the pointer leaves after the release frame
};

} // namespace ui
