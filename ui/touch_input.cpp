// One transition per frame; moves are coalesced.
#include "ui/touch_input.hpp"

namespace ui {

void TouchInput::apply(ImGuiIO& io)
{
    if (m_hideNext && m_queue.empty()) {
        m_pos = ImVec2(-FLT_MAX, -FLT_MAX);
        m_hideNext = false;
    }
    while (!m_queue.empty()) {
        kiosk::PointerEvent e = m_queue.front();
        if (e.kind == kiosk::PointerEvent::Kind::Move) {
            m_pos = ImVec2(e.x, e.y);
            m_queue.pop_front();
            continue;
        }
        bool down = e.kind == kiosk::PointerEvent::Kind::Down;
        if (down == m_down) {   // a repeated state (lost event): just move
            m_pos = ImVec2(e.x, e.y);
            m_queue.pop_front();
            continue;
        }
        // A press must first be seen at its position without the button: ImGui hovers before it clicks.
        if (down && (m_pos.x != e.x || m_pos.y != e.y)) {
            m_pos = ImVec2(e.x, e.y);
            break;
        }
        m_pos = ImVec2(e.x, e.y);
        m_down = down;
        m_queue.pop_front();
        if (!down) m_hideNext = true;
        break;
    }
    io.MousePos = m_pos;
    io.MouseDown[0] = m_down;
}

} // namespace ui
