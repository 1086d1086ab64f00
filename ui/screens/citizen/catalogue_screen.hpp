// The catalogue: the topics first, as big tiles; a topic's lessons as cards, with "Xem thêm bài"
// buttons for a long list (dragging works as well); the QR hand-offs beside the list (landscape)
// or under it (portrait), the platform's own code always shown.
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
    struct Box {
        ImVec2 min, max;
    };
    // The list area: topics or one topic's lessons, with the "more" button under it when needed.
    void drawList(Context& ctx, const kiosk::AppState& state, Box box, Intents& intents);
    float topicsHeight(Context& ctx, float width, int columns) const;
    float lessonsHeight(Context& ctx, const std::vector<const kiosk::Lesson*>& lessons, float width, int columns) const;
    bool topicTile(Context& ctx, const kiosk::Topic& topic, int lessons, ImVec2 size);
    bool lessonCard(Context& ctx, const kiosk::Lesson& lesson, const kiosk::Topic& topic, ImVec2 size);
    float cardHeight(Context& ctx, const kiosk::Lesson& lesson, float width) const;
    float tileHeight(Context& ctx, const kiosk::Topic& topic, float width) const;
    // The hand-off panel; returns nothing, draws into `box`.
    void drawPanel(Context& ctx, ImDrawList* dl, Box box, Intents& intents);
    const kiosk::QrMatrix* panelQr(Context& ctx, const kiosk::Link*& link);
    DragScroll m_scroll;
    std::string m_shownTopic;              // the list starts at its top when the topic changes
    std::optional<kiosk::QrMatrix> m_qr;   // the first hand-off's first link, encoded once
    std::string m_qrUrl;
    int m_broken = 0;
};

} // namespace ui
