// Topic tiles, then a topic's lesson cards; the hand-off panel with its code of at least 300 px.
#include "ui/screens/citizen/catalogue_screen.hpp"
#include "ui/widgets/qr_view.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr float kGap = 28;   // between tiles and cards (at 1080p)

std::vector<std::pair<const kiosk::Topic*, int>> shownTopics(const kiosk::Catalogue& c)
{
    std::vector<std::pair<const kiosk::Topic*, int>> out;
    for (const kiosk::Topic& t : c.topics)
        if (int n = static_cast<int>(c.lessonsIn(t.id).size()); n > 0) out.emplace_back(&t, n);
    return out;
}
} // namespace

float CatalogueScreen::cardHeight(Context& ctx, const kiosk::Lesson& l, float w) const
{
    float inner = w - ctx.px(72);
    float h = ctx.px(28);
    h += measureText(ctx.fonts.heading, l.title.in(ctx.lang), inner).y + ctx.px(12);
    h += measureText(ctx.fonts.body, l.summary.in(ctx.lang), inner).y + ctx.px(16);
    h += ctx.fonts.small->FontSize + ctx.px(28);
    return std::max(h, ctx.px(200));
}

float CatalogueScreen::tileHeight(Context& ctx, const kiosk::Topic& topic, float w) const
{
    const float inner = w - ctx.px(72);
    return std::max(ctx.px(150), ctx.px(56) + measureText(ctx.fonts.heading, topic.title.in(ctx.lang), inner).y + ctx.px(8) + ctx.fonts.body->FontSize);
}

float CatalogueScreen::topicsHeight(Context& ctx, float width, int columns) const
{
    const auto topics = shownTopics(ctx.catalogue);
    const float w = (width - ctx.px(kGap) * float(columns - 1)) / float(columns);
    float h = 0;
    for (size_t i = 0; i < topics.size(); i += size_t(columns)) {
        float row = 0;
        for (size_t k = i; k < std::min(i + size_t(columns), topics.size()); ++k) row = std::max(row, tileHeight(ctx, *topics[k].first, w));
        h += row + ctx.px(kGap);
    }
    return h;
}

float CatalogueScreen::lessonsHeight(Context& ctx, const std::vector<const kiosk::Lesson*>& lessons, float width, int columns) const
{
    const float w = (width - ctx.px(kGap) * float(columns - 1)) / float(columns);
    float h = 0;
    for (size_t i = 0; i < lessons.size(); i += size_t(columns)) {
        float row = 0;
        for (size_t k = i; k < std::min(i + size_t(columns), lessons.size()); ++k) row = std::max(row, cardHeight(ctx, *lessons[k], w));
        h += row + ctx.px(kGap);
    }
    return h;
}

bool CatalogueScreen::topicTile(Context& ctx, const kiosk::Topic& topic, int lessons, ImVec2 size)
{
    const Theme& th = ctx.theme;
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = false;
    const std::string id = "topic." + topic.id;
    bool clicked = touchArea(ctx, id.c_str(), size, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ctx.px(22);
    const ImU32 color = ctx.topicColor(&topic);
    fillRoundRect(dl, ImVec2(p.x, p.y + ctx.px(4)), ImVec2(p.x + size.x, p.y + size.y + ctx.px(4)), th.shadow, r);
    fillRoundRect(dl, p, ImVec2(p.x + size.x, p.y + size.y), pressed ? th.surfacePressed : mix(th.surface, color, 0.06f), r);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), pressed ? th.primary : mix(th.border, color, 0.35f), r, 0, ctx.px(pressed ? 3 : 2));
    fillRoundRect(dl, p, ImVec2(p.x + size.x, p.y + ctx.px(14)), color, r, ImDrawFlags_RoundCornersTop);
    const float x = p.x + ctx.px(36), inner = size.x - ctx.px(72);
    float y = p.y + ctx.px(36);
    y += drawText(dl, ctx.fonts.heading, ImVec2(x, y), th.text, topic.title.in(ctx.lang), inner).y + ctx.px(8);
    drawText(dl, ctx.fonts.body, ImVec2(x, y), ctx.highContrast ? th.text : color, (lessons == 1 ? ctx.tr("catalogue_topic_count_one") : ctx.fmt("catalogue_topic_count", {std::to_string(lessons)})), inner);
    return clicked;
}

bool CatalogueScreen::lessonCard(Context& ctx, const kiosk::Lesson& l, const kiosk::Topic& topic, ImVec2 size)
{
    const Theme& th = ctx.theme;
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool pressed = false;
    std::string id = "lesson." + l.id;
    bool clicked = touchArea(ctx, id.c_str(), size, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = ctx.px(22);
    fillRoundRect(dl, ImVec2(p.x, p.y + ctx.px(4)), ImVec2(p.x + size.x, p.y + size.y + ctx.px(4)), th.shadow, r);
    fillRoundRect(dl, p, ImVec2(p.x + size.x, p.y + size.y), pressed ? th.surfacePressed : th.surface, r);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), pressed ? th.primary : th.border, r, 0, ctx.px(pressed ? 3 : 1.5f));
    fillRoundRect(dl, p, ImVec2(p.x + ctx.px(28), p.y + size.y), ctx.topicColor(&topic), r, ImDrawFlags_RoundCornersLeft);
    dl->AddRectFilled(ImVec2(p.x + ctx.px(14), p.y + ctx.px(1.5f)), ImVec2(p.x + ctx.px(30), p.y + size.y - ctx.px(1.5f)), pressed ? th.surfacePressed : th.surface);
    float x = p.x + ctx.px(44), inner = size.x - ctx.px(72), y = p.y + ctx.px(28);
    y += drawText(dl, ctx.fonts.heading, ImVec2(x, y), th.text, l.title.in(ctx.lang), inner).y + ctx.px(12);
    y += drawText(dl, ctx.fonts.body, ImVec2(x, y), th.textMuted, l.summary.in(ctx.lang), inner).y + ctx.px(16);
    drawText(dl, ctx.fonts.small, ImVec2(x, y), ctx.topicColor(&topic), ctx.fmt("lesson_meta", {std::to_string(l.steps.size()), std::to_string(l.minutes)}), inner);
    return clicked;
}

void CatalogueScreen::drawList(Context& ctx, const kiosk::AppState& state, Box box, Intents& intents)
{
    const Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = box.max.x - box.min.x;
    const kiosk::Topic* topic = state.topic.empty() ? nullptr : ctx.catalogue.topic(state.topic);
    if (state.topic != m_shownTopic) {
        m_scroll.resetToTop();
        m_shownTopic = state.topic;
    }
    float y = box.min.y;
    const std::vector<const kiosk::Lesson*> lessons = topic ? ctx.catalogue.lessonsIn(topic->id) : std::vector<const kiosk::Lesson*>{};
    if (topic) {
        // "← Tất cả chủ đề" and the topic's name.
        const std::string& back = ctx.tr("catalogue_all_topics");
        const float bw = std::min(width * 0.45f, measureText(ctx.fonts.button, back).x + ctx.px(64));
        const float bh = std::max(ctx.px(88), measureText(ctx.fonts.button, back, bw - ctx.px(32)).y + ctx.px(32));
        ImGui::SetCursorScreenPos(ImVec2(box.min.x, y));
        if (touchButton(ctx, "catalogue.topics", back, ImVec2(bw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenTopic{});
        const float tx = box.min.x + bw + ctx.px(28), tw = width - bw - ctx.px(28);
        const ImVec2 ts = measureText(ctx.fonts.title, topic->title.in(ctx.lang), tw - ctx.px(26));
        const float rowH = std::max(bh, ts.y);
        fillRoundRect(dl, ImVec2(tx, y + (rowH - ts.y) * 0.5f + ctx.px(8)), ImVec2(tx + ctx.px(10), y + (rowH + ts.y) * 0.5f - ctx.px(8)), ctx.topicColor(topic), ctx.px(4));
        drawText(dl, ctx.fonts.title, ImVec2(tx + ctx.px(26), y + (rowH - ts.y) * 0.5f), th.text, topic->title.in(ctx.lang), tw - ctx.px(26));
        y += rowH + ctx.px(12);
        y += drawText(dl, ctx.fonts.body, ImVec2(box.min.x, y), th.textMuted, ctx.tr("catalogue_topic_hint"), width).y + ctx.px(20);
    } else {
        y += drawText(dl, ctx.fonts.title, ImVec2(box.min.x, y), th.text, ctx.tr("catalogue_title"), width).y + ctx.px(6);
        y += drawText(dl, ctx.fonts.body, ImVec2(box.min.x, y), th.textMuted, ctx.tr("catalogue_hint"), width).y + ctx.px(24);
    }
    const int columns = topic ? (ctx.portrait ? 1 : 2) : (ctx.portrait ? 2 : 3);
    const float contentW = width - ctx.px(24);   // room for the position indicator
    const float content = topic ? lessonsHeight(ctx, lessons, contentW, columns) : topicsHeight(ctx, contentW, columns);
    // "Xem thêm": a button under the list when it is longer than its area.
    const std::string& moreLabel = m_scroll.moreBelow() || !m_scroll.scrolled() ? ctx.tr(topic ? "catalogue_more" : "catalogue_more_topics")
                                                                                 : ctx.tr("catalogue_back_to_top");
    const float moreH = std::max(ctx.px(88), ctx.fonts.button->FontSize + ctx.px(40));
    const bool overflow = content > box.max.y - y;
    const float listBottom = overflow ? box.max.y - moreH - ctx.px(20) : box.max.y;
    ImGui::SetCursorScreenPos(ImVec2(box.min.x, y));
    m_scroll.begin(ctx, "catalogue.list", ImVec2(width, listBottom - y));
    {
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        const float gap = ctx.px(kGap), w = (contentW - gap * float(columns - 1)) / float(columns);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        float cy = origin.y;
        if (ctx.catalogue.lessons.empty())
            cy += drawText(cdl, ctx.fonts.heading, ImVec2(origin.x, cy), th.textMuted, ctx.tr("catalogue_empty"), contentW).y;
        if (topic) {
            for (size_t i = 0; i < lessons.size(); i += size_t(columns)) {
                float h = 0;
                for (size_t k = i; k < std::min(i + size_t(columns), lessons.size()); ++k) h = std::max(h, cardHeight(ctx, *lessons[k], w));
                for (size_t k = i; k < std::min(i + size_t(columns), lessons.size()); ++k) {
                    ImGui::SetCursorScreenPos(ImVec2(origin.x + float(k - i) * (w + gap), cy));
                    if (lessonCard(ctx, *lessons[k], *topic, ImVec2(w, h))) intents.push_back(kiosk::intent::OpenLesson{lessons[k]->id});
                }
                cy += h + gap;
            }
        } else {
            const auto topics = shownTopics(ctx.catalogue);
            for (size_t i = 0; i < topics.size(); i += size_t(columns)) {
                float h = 0;
                for (size_t k = i; k < std::min(i + size_t(columns), topics.size()); ++k) h = std::max(h, tileHeight(ctx, *topics[k].first, w));
                for (size_t k = i; k < std::min(i + size_t(columns), topics.size()); ++k) {
                    ImGui::SetCursorScreenPos(ImVec2(origin.x + float(k - i) * (w + gap), cy));
                    if (topicTile(ctx, *topics[k].first, topics[k].second, ImVec2(w, h))) intents.push_back(kiosk::intent::OpenTopic{topics[k].first->id});
                }
                cy += h + gap;
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, cy));
        ImGui::Dummy(ImVec2(1, ctx.px(8)));
    }
    m_scroll.end(ctx);
    if (overflow) {
        const float mw = std::min(width, measureText(ctx.fonts.button, moreLabel).x + ctx.px(96));
        ImGui::SetCursorScreenPos(ImVec2(box.min.x + (width - mw) * 0.5f, box.max.y - moreH));
        if (touchButton(ctx, "catalogue.more", moreLabel, ImVec2(mw, moreH), ButtonStyle::Quiet)) {
            if (m_scroll.moreBelow()) m_scroll.pageDown();
            else m_scroll.resetToTop();
        }
    }
}

const kiosk::QrMatrix* CatalogueScreen::panelQr(Context& ctx, const kiosk::Link*& link)
{
    link = nullptr;
    if (ctx.config.catalogueHandoffs.empty()) return nullptr;
    const kiosk::Handoff* h = ctx.config.handoff(ctx.config.catalogueHandoffs.front());
    link = h && !h->links.empty() ? ctx.config.link(h->links.front()) : nullptr;
    if (!link) return nullptr;
    if (m_qrUrl != link->url) {
        m_qr = kiosk::encodeQr(link->url);
        m_qrUrl = link->url;
    }
    return m_qr ? &*m_qr : nullptr;
}

void CatalogueScreen::drawPanel(Context& ctx, ImDrawList* dl, Box box, Intents& intents)
{
    const Theme& th = ctx.theme;
    fillRoundRect(dl, box.min, box.max, th.surface, ctx.px(24));
    dl->AddRect(box.min, box.max, th.border, ctx.px(24), 0, ctx.px(1.5f));
    const float pad = ctx.px(32);
    // The platform's own code, ready to scan without a further tap: at least 300 px (6 px a
    // module) at 1080p, placed first; the buttons and words take the room left.
    const kiosk::Link* link = nullptr;
    const kiosk::QrMatrix* qr = panelQr(ctx, link);
    const int module = qr ? std::max(static_cast<int>(std::lround(ctx.px(6))), static_cast<int>(std::ceil(ctx.px(300) / float(qr->size + 8)))) : 0;
    const float side = qr ? float((qr->size + 8) * module) : 0.0f;
    const float captionW = ctx.portrait ? side + ctx.px(40) : box.max.x - box.min.x - 2 * pad;
    const float caption = link ? measureText(ctx.fonts.small, link->label.in(ctx.lang), captionW).y + ctx.px(8) : 0.0f;
    float px = box.min.x + pad, py = box.min.y + pad, pw = box.max.x - box.min.x - 2 * pad, bottom = box.max.y - pad;
    if (qr) {
        ImVec2 at;
        if (ctx.portrait) {   // the code on the right, the buttons on the left
            at = ImVec2(box.max.x - pad - captionW + (captionW - side) * 0.5f, box.min.y + (box.max.y - box.min.y - side - caption) * 0.5f);
            drawTextCentered(dl, ctx.fonts.small, box.max.x - pad - captionW, at.y + side + ctx.px(8), captionW, th.textMuted, link->label.in(ctx.lang));
            pw -= captionW + pad;
        } else {              // the code at the bottom
            at = ImVec2(px + (pw - side) * 0.5f, bottom - caption - side);
            drawTextCentered(dl, ctx.fonts.small, px, at.y + side + ctx.px(8), pw, th.textMuted, link->label.in(ctx.lang));
            bottom = at.y - ctx.px(24);
        }
        drawQr(dl, *qr, at, module);
    }
    const float titleH = measureText(ctx.fonts.heading, ctx.tr("catalogue_qr_title"), pw).y + ctx.px(8);
    const float hintH = measureText(ctx.fonts.body, ctx.tr("catalogue_qr_hint"), pw).y + ctx.px(24);
    std::vector<std::pair<const kiosk::Handoff*, float>> buttons;
    float buttonsH = 0;
    for (const std::string& key : ctx.config.catalogueHandoffs)
        if (const kiosk::Handoff* h = ctx.config.handoff(key)) {
            const float bh = std::max(ctx.px(96), measureText(ctx.fonts.button, h->title.in(ctx.lang), pw - ctx.px(32)).y + ctx.px(36));
            buttons.emplace_back(h, bh);
            buttonsH += bh + ctx.px(18);
        }
    py += drawText(dl, ctx.fonts.heading, ImVec2(px, py), th.text, ctx.tr("catalogue_qr_title"), pw).y + ctx.px(8);
    if (titleH + hintH + buttonsH <= bottom - box.min.y - pad)   // the hint gives way first
        py += drawText(dl, ctx.fonts.body, ImVec2(px, py), th.textMuted, ctx.tr("catalogue_qr_hint"), pw).y + ctx.px(24);
    else
        py += ctx.px(12);
    for (auto [h, bh] : buttons) {
        if (py + bh > bottom) break;   // the code above is the first of them: it is never left out
        ImGui::SetCursorScreenPos(ImVec2(px, py));
        std::string id = "catalogue.qr." + h->key;
        if (touchButton(ctx, id.c_str(), h->title.in(ctx.lang), ImVec2(pw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenHandoff{h->key});
        py += bh + ctx.px(18);
    }
}

void CatalogueScreen::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    auto [a, dl, top] = beginPage(ctx, state, intents);
    const float bottom = a.max.y - (m_broken > 0 ? ctx.px(56) : 0);
    const float gap = ctx.px(48);
    if (ctx.portrait) {
        const float panelH = ctx.px(470);
        drawList(ctx, state, {a.min, ImVec2(a.max.x, bottom - panelH - gap)}, intents);
        drawPanel(ctx, dl, {ImVec2(a.min.x, bottom - panelH), ImVec2(a.max.x, bottom)}, intents);
    } else {
        const float sideW = ctx.px(470);
        drawList(ctx, state, {a.min, ImVec2(a.max.x - sideW - gap, bottom)}, intents);
        drawPanel(ctx, dl, {ImVec2(a.max.x - sideW, a.min.y), ImVec2(a.max.x, bottom)}, intents);
    }
    if (m_broken > 0)
        drawText(dl, ctx.fonts.small, ImVec2(a.min.x, a.max.y - ctx.px(40)), rgb(0xB42318), ctx.fmt("catalogue_broken", {std::to_string(m_broken)}), a.width());
}

} // namespace ui
