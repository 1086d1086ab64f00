// Codes side by side, at least 8 px per module at 1080p so a phone reads them from 40 cm.
#include "ui/screens/citizen/handoff_screen.hpp"
#include "ui/widgets/qr_view.hpp"
#include "ui/widgets/slip_panel.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

const kiosk::QrMatrix* HandoffScreen::qrFor(const std::string& url)
{
    auto it = m_codes.find(url);
    if (it == m_codes.end()) {
        auto qr = kiosk::encodeQr(url);
        if (!qr) return nullptr;
        it = m_codes.emplace(url, std::move(*qr)).first;
    }
    return &it->second;
}

namespace {

// The address under a code, for trust rather than typing: whole when it fits one line, else the
// site's name alone ("play.google.com"); never cut inside.
std::string shownUrl(const kiosk::Link& l, ImFont* f, float width)
{
    std::string rest = l.url.substr(l.url.find("//") == std::string::npos ? 0 : l.url.find("//") + 2);
    if (!rest.empty() && rest.back() == '/') rest.pop_back();
    if (measureText(f, rest).x <= width) return rest;
    return rest.substr(0, rest.find('/'));
}

} // namespace

void HandoffScreen::draw(Context& ctx, const kiosk::AppState& state, const kiosk::Handoff& handoff, const kiosk::SlipStatus* slip, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginPage(ctx, state, intents);

    // The footer: two ways on, and in portrait the slip on a row of its own above them.
    const float bw = ctx.portrait ? (a.width() - ctx.px(40)) * 0.5f : ctx.px(440);
    float footH = ctx.px(112);
    for (const char* key : {"handoff_back", "handoff_done"})
        footH = std::max(footH, measureText(ctx.fonts.button, ctx.tr(key), bw - ctx.px(32)).y + ctx.px(40));
    const float footY = a.max.y - footH;
    const float slipH = slip && ctx.portrait ? ctx.px(124) : 0.0f;
    const float bodyBottom = footY - ctx.px(36) - (slipH > 0 ? slipH + ctx.px(24) : 0.0f);

    std::vector<std::pair<const kiosk::Link*, const kiosk::QrMatrix*>> codes;
    for (const std::string& key : handoff.links) {
        const kiosk::Link* link = ctx.config.link(key);
        const kiosk::QrMatrix* qr = link ? qrFor(link->url) : nullptr;
        if (link && qr) codes.emplace_back(link, qr);
    }
    const size_t n = std::max<size_t>(codes.size(), 1);
    const float gap = ctx.px(ctx.portrait ? 20 : 40), pad = ctx.px(ctx.portrait ? 18 : 28);
    // Every code at least 300 px with modules of at least 6 px (at 1080p), each with its own module
    // size so that all show about the same size: the words around them give way, the codes do not.
    const int minModule = static_cast<int>(std::lround(ctx.px(6)));
    auto moduleFor = [&](const kiosk::QrMatrix& qr, float side) { return std::max(minModule, static_cast<int>(std::ceil(side / float(qr.size + 8)))); };
    auto sideFor = [&](float side) {   // the largest code's side when every code is at least `side`
        float most = 0;
        for (auto [link, qr] : codes) most = std::max(most, float(moduleFor(*qr, side) * (qr->size + 8)));
        return most;
    };
    const float cardW = ctx.portrait ? a.width() : std::min(ctx.px(560), (a.width() - gap * float(n - 1)) / float(n));
    float target = ctx.px(300);
    const float textW = ctx.portrait ? cardW - sideFor(target) - 3 * pad : cardW - ctx.px(40);
    float words = 0;
    for (auto [link, qr] : codes)
        words = std::max(words, measureText(ctx.fonts.heading, link->label.in(ctx.lang), textW).y + ctx.px(6) + ctx.fonts.small->FontSize);
    const float titleH = measureText(ctx.fonts.title, handoff.title.in(ctx.lang), a.width()).y + ctx.px(10);
    const float hintInset = ctx.portrait ? 0.0f : ctx.px(160);
    const float hintH = measureText(ctx.fonts.body, ctx.tr("handoff_hint"), a.width() - 2 * hintInset).y + ctx.px(36);
    // The height one code's card needs, and all of them.
    auto cardNeed = [&](float side) { return ctx.portrait ? std::max(side, words) + 2 * pad : pad + side + ctx.px(20) + words + ctx.px(24); };
    auto bodyNeed = [&](float side) { return ctx.portrait ? float(n) * cardNeed(side) + gap * float(n - 1) : cardNeed(side); };
    // The hint goes first when the codes need its room (short screens, large text).
    const bool showHint = bodyNeed(sideFor(target)) <= bodyBottom - y - titleH - hintH;
    y += drawTextCentered(dl, ctx.fonts.title, a.min.x, y, a.width(), th.text, handoff.title.in(ctx.lang)).y + ctx.px(10);
    if (showHint) y += drawTextCentered(dl, ctx.fonts.body, a.min.x + hintInset, y, a.width() - 2 * hintInset, th.textMuted, ctx.tr("handoff_hint")).y + ctx.px(36);
    else y += ctx.px(16);
    const float maxSide = std::min(ctx.px(ctx.portrait ? 420 : 460), ctx.portrait ? cardW * 0.45f : cardW - ctx.px(60));
    while (target + ctx.px(10) <= maxSide && bodyNeed(sideFor(target + ctx.px(10))) <= bodyBottom - y && sideFor(target + ctx.px(10)) <= maxSide) target += ctx.px(10);
    const float cardH = ctx.portrait ? cardNeed(sideFor(target)) : std::max(cardNeed(sideFor(target)), bodyBottom - y);

    float x = a.min.x + (ctx.portrait ? 0.0f : (a.width() - (cardW * float(n) + gap * float(n - 1))) * 0.5f);
    for (auto [link, qr] : codes) {
        ImVec2 c0(x, y), c1(x + cardW, y + cardH);
        fillRoundRect(dl, ImVec2(c0.x, c0.y + ctx.px(6)), ImVec2(c1.x, c1.y + ctx.px(6)), th.shadow, ctx.px(24));
        fillRoundRect(dl, c0, c1, th.surface, ctx.px(24));
        dl->AddRect(c0, c1, th.border, ctx.px(24), 0, ctx.px(1.5f));
        const int module = moduleFor(*qr, target);
        const float side = float((qr->size + 8) * module);
        const std::string url = shownUrl(*link, ctx.fonts.small, textW);
        if (ctx.portrait) {
            const float slot = sideFor(target);
            drawQr(dl, *qr, ImVec2(c0.x + pad + (slot - side) * 0.5f, c0.y + (cardH - side) * 0.5f), module);
            const float tx = c0.x + slot + 2 * pad;
            const float h = measureText(ctx.fonts.heading, link->label.in(ctx.lang), textW).y + ctx.px(6) + ctx.fonts.small->FontSize;
            float cy = c0.y + (cardH - h) * 0.5f;
            cy += drawText(dl, ctx.fonts.heading, ImVec2(tx, cy), th.text, link->label.in(ctx.lang), textW).y + ctx.px(6);
            drawText(dl, ctx.fonts.small, ImVec2(tx, cy), th.primary, url, textW);
            y += cardH + gap;
        } else {
            float cy = c0.y + pad + (sideFor(target) - side) * 0.5f;
            drawQr(dl, *qr, ImVec2(c0.x + (cardW - side) * 0.5f, cy), module);
            cy = c0.y + pad + sideFor(target) + ctx.px(20);
            cy += drawTextCentered(dl, ctx.fonts.heading, c0.x + ctx.px(20), cy, textW, th.text, link->label.in(ctx.lang)).y + ctx.px(6);
            drawTextCentered(dl, ctx.fonts.small, c0.x + ctx.px(20), cy, textW, th.primary, url);
            x += cardW + gap;
        }
    }

    ImGui::SetCursorScreenPos(ImVec2(a.min.x, footY));
    if (touchButton(ctx, "handoff.back", ctx.tr("handoff_back"), ImVec2(bw, footH), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenCatalogue{});
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - bw, footY));
    if (touchButton(ctx, "handoff.done", ctx.tr("handoff_done"), ImVec2(bw, footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::Finish{});
    // The slip between the two (above them in portrait): the footer keeps its place whatever the
    // printer says.
    if (slip) {
        const SlipPanel panel{"handoff.print", ctx.tr("slip_failed")};
        const ImVec2 pos = ctx.portrait ? ImVec2(a.min.x, footY - ctx.px(24) - slipH) : ImVec2(a.min.x + bw + ctx.px(40), footY);
        const ImVec2 size = ctx.portrait ? ImVec2(a.width(), slipH) : ImVec2(a.width() - 2 * (bw + ctx.px(40)), footH);
        if (drawSlipPanel(ctx, panel, *slip, pos, size)) intents.push_back(kiosk::intent::PrintSlip{});
    }
}

} // namespace ui
