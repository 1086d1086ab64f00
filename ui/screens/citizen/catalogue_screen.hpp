// The catalogue: lessons grouped by topic in a drag-to-scroll list, and the QR hand-offs beside it.
#pragma once
#include "ui/screens/screen.hpp"
#include "kiosk/common/qr.hpp"
#include "ui/widgets/drag_scroll.hpp"
#include <optional>

namespace ui {

class CatalogueScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
    // Lesson files left out at start-up because they are broken (shown to staff as a warning).
    void setBrokenCount(int n) { m_broken = n; }
    // A new visitor starts at the top of the list, not where the last one left it.
    void resetScroll() { m_scroll.resetToTop(); }

private:
    bool lessonCard(Context& ctx, const kiosk::Lesson& lesson, const kiosk::Topic& topic, ImVec2 size);
    float cardHeight(Context& ctx, const kiosk::Lesson& lesson, float width) const;
    void drawPanelQr(Context& ctx, ImDrawList* dl, float x, float y, float w, float bottom);
    DragScroll m_scroll;
    std::optional<kiosk::QrMatrix> m_qr;   // the first hand-off's first link, encoded once
    std::string m_qrUrl;
    int m_broken = 0;
};

} // namespace ui
