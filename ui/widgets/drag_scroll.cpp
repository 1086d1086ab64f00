// Drag-to-scroll over a child window; buttons inside stay tappable because a drag cancels the tap.
#include "ui/widgets/drag_scroll.hpp"
#include "ui/layout_record.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

namespace {
// In layout pixels (ctx.px): the fade over the last lines, and the position indicator's thumb
// (never shorter than a fingertip can see), width and inset from the right edge.
constexpr float kFadeHeight = 70, kThumbMinHeight = 60, kIndicatorWidth = 6, kIndicatorInset = 8;
constexpr ImU32 kTrackColour = IM_COL32(0, 0, 0, 18);   // a faint groove on any page colour
} // namespace

void DragScroll::begin(Context& ctx, const char* id, ImVec2 size)
{
    (void)ctx;
    m_pos = ImGui::GetCursorScreenPos();
    m_size = size;
    // NoBackground: the page shows through (no ChildBg colour to push and pop).
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    if (LayoutRecord* r = LayoutRecord::active()) ++r->scrollDepth;
    if (m_resetPending) {
        ImGui::SetScrollY(0);
        m_resetPending = false;
        m_pagePending = false;
    } else if (m_pagePending) {
        ImGui::SetScrollY(std::min(ImGui::GetScrollY() + size.y * 0.8f, ImGui::GetScrollMaxY()));
        m_pagePending = false;
    }
}

void DragScroll::end(Context& ctx)
{
    if (LayoutRecord* r = LayoutRecord::active()) --r->scrollDepth;
    const ImGuiIO& io = ImGui::GetIO();
    float t = dragThreshold(ctx);
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows);
    // The content sticks to the finger from the press on: once the press becomes a drag, the
    // scroll is where it was at the press minus how far the finger has travelled.
    if (hovered && ImGui::IsMouseClicked(0)) {
        m_tracking = true;
        m_pressScroll = ImGui::GetScrollY();
    }
    if (!io.MouseDown[0]) m_tracking = false;
    if (m_tracking && io.MouseDragMaxDistanceSqr[0] > t * t)
        ImGui::SetScrollY(std::clamp(m_pressScroll - (io.MousePos.y - io.MouseClickedPos[0].y), 0.0f, ImGui::GetScrollMaxY()));
    float scrollY = ImGui::GetScrollY(), maxY = ImGui::GetScrollMaxY();
    const bool moreBelow = maxY > 0 && scrollY < maxY - 1;
    m_moreBelow = moreBelow;
    m_scrolled = scrollY > 1;
    if (moreBelow) {
        // A fade into the page colour over the last lines: the list continues below. Drawn in the
        // child's own list, which ImGui renders after the parent's.
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        ImU32 solid = m_fade ? m_fade : ctx.theme.background;
        ImU32 clear = solid & ~IM_COL32_A_MASK;
        float h = ctx.px(kFadeHeight);
        cdl->AddRectFilledMultiColor(ImVec2(m_pos.x, m_pos.y + m_size.y - h), ImVec2(m_pos.x + m_size.x, m_pos.y + m_size.y),
                                     clear, clear, solid, solid);
    }
    ImGui::EndChild();
    if (maxY <= 0) return;
    // Position indicator on the right edge.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float trackH = m_size.y, thumbH = std::max(trackH * trackH / (trackH + maxY), ctx.px(kThumbMinHeight));
    float thumbY = m_pos.y + (trackH - thumbH) * (scrollY / maxY);
    float x = m_pos.x + m_size.x - ctx.px(kIndicatorInset);
    fillRoundRect(dl, ImVec2(x, m_pos.y), ImVec2(x + ctx.px(kIndicatorWidth), m_pos.y + trackH), kTrackColour, ctx.px(kIndicatorWidth / 2));
    fillRoundRect(dl, ImVec2(x, thumbY), ImVec2(x + ctx.px(kIndicatorWidth), thumbY + thumbH), ctx.theme.primary, ctx.px(kIndicatorWidth / 2));
}

} // namespace ui
