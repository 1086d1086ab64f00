// Each rule over the recorded rectangles; a pixel of tolerance for rounding.
#include "ui/layout_check.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr float kSlack = 1.5f;

struct Rect {
    ImVec2 a, b;
    bool empty() const { return b.x <= a.x || b.y <= a.y; }
};

Rect intersect(Rect r, Rect s) { return {ImVec2(std::max(r.a.x, s.a.x), std::max(r.a.y, s.a.y)), ImVec2(std::min(r.b.x, s.b.x), std::min(r.b.y, s.b.y))}; }

bool inside(Rect inner, Rect outer)
{
    return inner.a.x >= outer.a.x - kSlack && inner.a.y >= outer.a.y - kSlack && inner.b.x <= outer.b.x + kSlack && inner.b.y <= outer.b.y + kSlack;
}

std::string quote(const std::string& text)
{
    std::string t = text.substr(0, 60);
    if (t.size() < text.size()) {   // whole characters only
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
        if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
    }
    for (char& c : t)
        if (c == '\n') c = ' ';
    return "«" + t + (t.size() < text.size() ? "…" : "") + "»";
}

std::string px(float v) { return std::to_string(static_cast<int>(std::lround(v))) + " px"; }

} // namespace

std::vector<std::string> checkLayout(const LayoutRecord& record, const std::vector<HitBox>& hits, const LayoutRules& rules)
{
    std::vector<std::string> out;
    const Rect screen{ImVec2(0, 0), rules.display};
    int top = 0;
    for (const TextRect& t : record.texts) top = std::max(top, t.layer);
    for (const QrRect& q : record.qrs) top = std::max(top, q.layer);

    std::vector<Rect> visible(record.texts.size());
    for (size_t i = 0; i < record.texts.size(); ++i) {
        const TextRect& t = record.texts[i];
        const Rect r{t.min, t.max}, clip{t.clipMin, t.clipMax};
        visible[i] = intersect(r, clip);
        if (t.brokenWord) out.push_back("chữ " + quote(t.text) + " bị cắt giữa một từ (khung rộng " + px(t.boxMax.x - t.boxMin.x) + ")");
        else if (t.max.x > t.boxMax.x + kSlack || t.min.x < t.boxMin.x - kSlack)
            out.push_back("chữ " + quote(t.text) + " tràn khỏi khung của nó");
        if (t.scrolling) continue;   // a list the citizen drags: what is out of view comes into view
        if (!inside(r, screen)) out.push_back("chữ " + quote(t.text) + " ra ngoài màn hình");
        else if (!inside(r, clip)) out.push_back("chữ " + quote(t.text) + " bị che mất một phần");
    }
    // Texts over texts, on the same layer (a dialog covers the page beneath it).
    for (size_t i = 0; i < record.texts.size(); ++i) {
        if (visible[i].empty()) continue;
        for (size_t j = i + 1; j < record.texts.size(); ++j) {
            if (visible[j].empty() || record.texts[i].layer != record.texts[j].layer) continue;
            Rect o = intersect(visible[i], visible[j]);
            if (o.b.x - o.a.x > 2 * kSlack && o.b.y - o.a.y > 2 * kSlack)
                out.push_back("chữ " + quote(record.texts[i].text) + " đè lên chữ " + quote(record.texts[j].text));
        }
    }
    // Texts across a touch target's edge (a label is inside its button or clear of it).
    for (size_t i = 0; i < record.texts.size(); ++i) {
        if (visible[i].empty() || record.texts[i].layer != top) continue;
        for (const HitBox& h : hits) {
            const Rect hb{h.min, h.max};
            Rect o = intersect(visible[i], hb);
            if (o.b.x - o.a.x > 2 * kSlack && o.b.y - o.a.y > 2 * kSlack && !inside(visible[i], hb))
                out.push_back("chữ " + quote(record.texts[i].text) + " nằm vắt qua nút " + h.id);
        }
    }
    const float minTouch = rules.minTouch * rules.scale;
    for (const HitBox& h : hits) {
        if (!h.whole) continue;
        const float w = h.max.x - h.min.x, hgt = h.max.y - h.min.y;
        if (w + kSlack < minTouch || hgt + kSlack < minTouch)
            out.push_back("nút " + h.id + " nhỏ quá để chạm (" + px(w) + " × " + px(hgt) + ", cần " + px(minTouch) + ")");
        if (!inside({h.min, h.max}, screen)) out.push_back("nút " + h.id + " ra ngoài màn hình");
    }
    const float minSide = rules.minQrSide * rules.scale, minModule = std::max(3.0f, std::floor(rules.minQrModule * rules.scale));
    for (const QrRect& q : record.qrs) {
        const float side = q.max.x - q.min.x;
        if (side + kSlack < minSide) out.push_back("mã QR nhỏ quá: " + px(side) + ", cần ít nhất " + px(minSide));
        if (float(q.modulePx) < minModule) out.push_back("ô của mã QR nhỏ quá: " + px(float(q.modulePx)) + ", cần " + px(minModule));
        if (!inside({q.min, q.max}, screen)) out.push_back("mã QR ra ngoài màn hình");
    }
    // Nothing may lie over a code: a phone cannot read what a panel or a word covers.
    for (const QrRect& q : record.qrs) {
        if (q.layer < top) continue;   // under an open dialog: it is back when the dialog closes
        const Rect qr{q.min, q.max};
        for (size_t i = 0; i < record.texts.size(); ++i)
            if (record.texts[i].layer >= q.layer && !intersect(qr, visible[i]).empty())
                out.push_back("chữ " + quote(record.texts[i].text) + " đè lên mã QR");
        for (const HitBox& h : hits)
            if (!intersect(qr, {h.min, h.max}).empty()) out.push_back("nút " + h.id + " đè lên mã QR");
    }
    for (size_t i = 0; i < record.qrs.size(); ++i)
        for (size_t j = i + 1; j < record.qrs.size(); ++j)
            if (!intersect({record.qrs[i].min, record.qrs[i].max}, {record.qrs[j].min, record.qrs[j].max}).empty()) out.push_back("hai mã QR đè lên nhau");
    return out;
}

} // namespace ui
