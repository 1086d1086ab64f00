// The catalogue: lessons grouped by topic in a drag-to-scroll list, and the QR hand-offs beside it.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets/drag_scroll.hpp"

namespace ui {

class CatalogueScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
    // Lesson files left out at start-up because they are broken (shown to staff as a warning).
    void setBrokenCount(int n) { m_broken = n; }

private:
    bool lessonCard(Context& ctx, const kiosk::Lesson& lesson, const kiosk::Topic& topic, ImVec2 size);
    float cardHeight(Context& ctx, const kiosk::Lesson& lesson, float width) const;
    DragScroll m_scroll;
    int m_broken = 0;
};

} // namespace ui
