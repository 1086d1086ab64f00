// Two columns of lesson cards under topic headings; a side panel of QR hand-offs.
#include "ui/screens/citizen/catalogue_screen.hpp"
#include "ui/widgets/qr_view.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

float CatalogueScreen::cardHeight(Context& ctx, const kiosk::Lesson& l, float w) const
{
    float inner = w - ctx.px(72);
    float h = ctx.px(28);
    h += measureText(ctx.fonts.heading, l.title.in(ctx.lang), inner).y + ctx.px(12);
    h += measureText(ctx.fonts.body, l.summary.in(ctx.lang), inner).y + ctx.px(16);
    h += ctx.fonts.small->FontSize + ctx.px(28);
    return std::max(h, ctx.px(200));
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
    drawText(dl, ctx.fonts.small, ImVec2(x, y), ctx.topicColor(&topic),
             ctx.fmt("lesson_meta", {std::to_string(l.steps.size()), std::to_string(l.minutes)}));
    return clicked;
}

void CatalogueScreen::drawPanelQr(Context& ctx, ImDrawList* dl, float x, float y, float w, float bottom)
{
    // The platform's own code, ready to scan without a further tap, where there is room for it.
    if (ctx.config.catalogueHandoffs.empty()) return;
    const kiosk::Handoff* h = ctx.config.handoff(ctx.config.catalogueHandoffs.front());
    const kiosk::Link* link = h ? ctx.config.link(h->links.front()) : nullptr;
    if (!link) return;
    if (m_qrUrl != link->url) {
        m_qr = kiosk::encodeQr(link->url);
        m_qrUrl = link->url;
    }
    if (!m_qr) return;
    float caption = ctx.fonts.small->FontSize * 2 + ctx.px(12);
    int module = qrModulePixels(*m_qr, std::min(w, bottom - y - caption), 1);
    float side = float((m_qr->size + 8) * module);
    if (module < static_cast<int>(ctx.px(6)) || y + side + caption > bottom) return;   // too small to scan: leave it out
    drawQr(dl, *m_qr, ImVec2(x + (w - side) * 0.5f, y), module);
    drawTextCentered(dl, ctx.fonts.small, x, y + side + ctx.px(8), w, ctx.theme.textMuted, link->label.in(ctx.lang));
}

void CatalogueScreen::draw(Context& ctx, const kiosk::AppState& state, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginPage(ctx, state, intents);

    const float sideW = ctx.px(470), gap = ctx.px(48);
    const float listW = a.width() - sideW - gap;
    float y = a.min.y;
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.tr("catalogue_title"), listW).y + ctx.px(6);
    y += drawText(dl, ctx.fonts.body, ImVec2(a.min.x, y), th.textMuted, ctx.tr("catalogue_hint"), listW).y + ctx.px(24);

    float bottom = a.max.y - (m_broken > 0 ? ctx.px(56) : 0);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    m_scroll.begin(ctx, "catalogue.list", ImVec2(listW, bottom - y));
    {
        ImDrawList* cdl = ImGui::GetWindowDrawList();
        const float colGap = ctx.px(28), cardW = (listW - colGap - ctx.px(24)) * 0.5f;
        ImVec2 origin = ImGui::GetCursorScreenPos();
        float cy = origin.y;
        if (ctx.catalogue.lessons.empty())
            cy += drawText(cdl, ctx.fonts.heading, ImVec2(origin.x, cy), th.textMuted, ctx.tr("catalogue_empty"), listW - ctx.px(24)).y;
        for (const kiosk::Topic& topic : ctx.catalogue.topics) {
            auto lessons = ctx.catalogue.lessonsIn(topic.id);
            if (lessons.empty()) continue;
            fillRoundRect(cdl, ImVec2(origin.x, cy + ctx.px(10)), ImVec2(origin.x + ctx.px(10), cy + ctx.px(44)), ctx.topicColor(&topic), ctx.px(4));
            cy += drawText(cdl, ctx.fonts.heading, ImVec2(origin.x + ctx.px(26), cy), th.text, topic.title.in(ctx.lang), listW - ctx.px(60)).y + ctx.px(18);
            for (size_t i = 0; i < lessons.size(); i += 2) {
                float h = cardHeight(ctx, *lessons[i], cardW);
                if (i + 1 < lessons.size()) h = std::max(h, cardHeight(ctx, *lessons[i + 1], cardW));
                for (size_t k = i; k < std::min(i + 2, lessons.size()); ++k) {
                    ImGui::SetCursorScreenPos(ImVec2(origin.x + float(k - i) * (cardW + colGap), cy));
                    if (lessonCard(ctx, *lessons[k], topic, ImVec2(cardW, h))) intents.push_back(kiosk::intent::OpenLesson{lessons[k]->id});
                }
                cy += h + colGap;
            }
            cy += ctx.px(20);
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, cy));
        ImGui::Dummy(ImVec2(1, ctx.px(40)));
    }
    m_scroll.end(ctx);

    // The side panel: take a page home on the phone.
    float sx = a.min.x + listW + gap, sy = a.min.y;
    fillRoundRect(dl, ImVec2(sx, sy), ImVec2(a.max.x, a.max.y), th.surface, ctx.px(24));
    dl->AddRect(ImVec2(sx, sy), ImVec2(a.max.x, a.max.y), th.border, ctx.px(24), 0, ctx.px(1.5f));
    float px = sx + ctx.px(32), pw = sideW - ctx.px(64);
    float py = sy + ctx.px(32);
    py += drawText(dl, ctx.fonts.heading, ImVec2(px, py), th.text, ctx.tr("catalogue_qr_title"), pw).y + ctx.px(8);
    py += drawText(dl, ctx.fonts.body, ImVec2(px, py), th.textMuted, ctx.tr("catalogue_qr_hint"), pw).y + ctx.px(28);
    for (const std::string& key : ctx.config.catalogueHandoffs) {
        const kiosk::Handoff* hp = ctx.config.handoff(key);
        if (!hp) continue;
        const kiosk::Handoff& h = *hp;
        float bh = std::max(ctx.px(96), measureText(ctx.fonts.button, h.title.in(ctx.lang), pw - ctx.px(32)).y + ctx.px(36));
        if (py + bh > a.max.y - ctx.px(24)) break;
        ImGui::SetCursorScreenPos(ImVec2(px, py));
        std::string id = "catalogue.qr." + h.key;
        if (touchButton(ctx, id.c_str(), h.title.in(ctx.lang), ImVec2(pw, bh), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenHandoff{h.key});
        py += bh + ctx.px(18);
    }
    drawPanelQr(ctx, dl, px, py + ctx.px(12), pw, a.max.y - ctx.px(24));

    if (m_broken > 0)
        drawText(dl, ctx.fonts.small, ImVec2(a.min.x, a.max.y - ctx.px(40)), rgb(0xB42318), ctx.fmt("catalogue_broken", {std::to_string(m_broken)}), listW);
}

} // namespace ui
