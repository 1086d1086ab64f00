// See shapes.hpp. The curved pieces are solid up to the true curve with a one-pixel fringe fading
// to transparent outside it (ImGui centres its fringe on the edge instead), and the fringe is on
// the curve only: the straight edges meet a rectangle and must not blend twice over it.
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

namespace {

// Below this many pixels a shape is cheap to rasterise: left to ImGui, exactly as it draws it.
constexpr float kSmallArea = 64.0f * 64.0f;
constexpr float kPi = 3.14159265358979f;

float fringeWidth(const ImDrawList* dl) { return (dl->Flags & ImDrawListFlags_AntiAliasedFill) ? 1.0f : 0.0f; }

// Points of an arc for a radius: at most 0.05 px off the true curve (fine facets: a coarser arc
// shows as flat runs along a large corner).
int arcSegments(float radius, float radians)
{
    const float maxError = 0.05f;
    const float step = 2.0f * std::acos(std::max(-1.0f, 1.0f - maxError / std::max(radius, 1.0f)));
    return std::clamp(int(std::ceil(radians / std::max(step, 1e-3f))), 3, 48);
}

// The region between a vertical line x = `lineX` and a curve whose points run monotonically in y:
// one trapezoid per curve segment (flat top and bottom, one side on the line), with the fringe
// outward along the curve's `normals` (unit vectors). Trapezoids, not a fan from a centre point:
// SDL's rasteriser truncates vertices to whole pixels, and thin fan triangles then fold over their
// neighbours and blend twice; stacked trapezoids share their flat edges exactly and cannot.
void curveToLine(ImDrawList* dl, float lineX, const std::vector<ImVec2>& curve, const std::vector<ImVec2>& normals, ImU32 col)
{
    const int n = int(curve.size());
    if (n < 2) return;
    const float aa = fringeWidth(dl);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const ImU32 clear = col & ~IM_COL32_A_MASK;
    const int segments = n - 1;
    dl->PrimReserve(segments * (aa > 0 ? 12 : 6), 3 * n);
    const unsigned base = dl->_VtxCurrentIdx;
    // Float noise (sin(π) is not 0 in float) would put an end at 57.9999976, truncated to row 57:
    // positions are rounded to a 1/64 px grid first, so 58 stays 58.
    auto grid = [](ImVec2 q) { return ImVec2(std::round(q.x * 64.0f) / 64.0f, std::round(q.y * 64.0f) / 64.0f); };
    for (int i = 0; i < n; ++i) {
        const ImVec2 p = grid(curve[size_t(i)]), d = normals[size_t(i)];
        dl->PrimWriteVtx(ImVec2(grid(ImVec2(lineX, 0)).x, p.y), uv, col);   // on the line
        dl->PrimWriteVtx(p, uv, col);                                       // on the curve: solid up to the true edge
        dl->PrimWriteVtx(grid(ImVec2(p.x + d.x * aa, p.y + d.y * aa)), uv, clear);   // fading over one pixel outside it
    }
    for (int i = 0; i < segments; ++i) {
        const auto line0 = ImDrawIdx(base + 3 * unsigned(i)), p0 = ImDrawIdx(line0 + 1), out0 = ImDrawIdx(line0 + 2);
        const auto line1 = ImDrawIdx(line0 + 3), p1 = ImDrawIdx(line0 + 4), out1 = ImDrawIdx(line0 + 5);
        for (ImDrawIdx k : {line0, p0, p1, line0, p1, line1}) dl->PrimWriteIdx(k);
        if (aa > 0)
            for (ImDrawIdx k : {p0, out0, out1, p0, out1, p1}) dl->PrimWriteIdx(k);
    }
}

// A quarter disc in the corner square whose rounded corner is at angle `from` .. `from` + 90°.
void quarterDisc(ImDrawList* dl, ImVec2 center, float r, float from, ImU32 col)
{
    const int segments = arcSegments(r, kPi * 0.5f);
    std::vector<ImVec2> curve, normals;
    curve.reserve(size_t(segments) + 1);
    normals.reserve(size_t(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        const float a = from + kPi * 0.5f * float(i) / float(segments);
        const ImVec2 d(std::cos(a), std::sin(a));
        curve.emplace_back(center.x + d.x * r, center.y + d.y * r);
        normals.push_back(d);
    }
    curveToLine(dl, center.x, curve, normals, col);
}

ImVec2 snap(ImVec2 p) { return ImVec2(std::floor(p.x + 0.5f), std::floor(p.y + 0.5f)); }

} // namespace

void fillRoundRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding, ImDrawFlags flags)
{
    if ((col & IM_COL32_A_MASK) == 0 || b.x <= a.x || b.y <= a.y) return;
    if ((flags & ImDrawFlags_RoundCornersMask_) == 0) flags |= ImDrawFlags_RoundCornersAll;
    if (rounding < 1.0f || (flags & ImDrawFlags_RoundCornersMask_) == ImDrawFlags_RoundCornersNone ||
        (b.x - a.x) * (b.y - a.y) < kSmallArea) {
        dl->AddRectFilled(a, b, col, rounding, flags);
        return;
    }
    a = snap(a);
    b = snap(b);
    // ImGui's limit: two rounded corners on one side share its length.
    const bool pairX = (flags & ImDrawFlags_RoundCornersTop) == ImDrawFlags_RoundCornersTop ||
                       (flags & ImDrawFlags_RoundCornersBottom) == ImDrawFlags_RoundCornersBottom;
    const bool pairY = (flags & ImDrawFlags_RoundCornersLeft) == ImDrawFlags_RoundCornersLeft ||
                       (flags & ImDrawFlags_RoundCornersRight) == ImDrawFlags_RoundCornersRight;
    float r = std::min(rounding, (b.x - a.x) * (pairX ? 0.5f : 1.0f));
    r = std::floor(std::min(r, (b.y - a.y) * (pairY ? 0.5f : 1.0f)));
    if (r < 1.0f) {
        dl->AddRectFilled(a, b, col);
        return;
    }
    const float tl = (flags & ImDrawFlags_RoundCornersTopLeft) ? r : 0.0f, tr = (flags & ImDrawFlags_RoundCornersTopRight) ? r : 0.0f;
    const float bl = (flags & ImDrawFlags_RoundCornersBottomLeft) ? r : 0.0f, br = (flags & ImDrawFlags_RoundCornersBottomRight) ? r : 0.0f;
    const float top = std::max(tl, tr), bottom = std::max(bl, br);
    // Three bands that do not overlap (a translucent colour must not blend twice), then the corners.
    if (top > 0 && b.x - tr > a.x + tl) dl->AddRectFilled(ImVec2(a.x + tl, a.y), ImVec2(b.x - tr, a.y + top), col);
    if (b.y - bottom > a.y + top) dl->AddRectFilled(ImVec2(a.x, a.y + top), ImVec2(b.x, b.y - bottom), col);
    if (bottom > 0 && b.x - br > a.x + bl) dl->AddRectFilled(ImVec2(a.x + bl, b.y - bottom), ImVec2(b.x - br, b.y), col);
    // A square corner on a rounded side is inside that side's band (it reaches the rect's edge).
    if (tl > 0) quarterDisc(dl, ImVec2(a.x + r, a.y + r), r, kPi, col);
    if (tr > 0) quarterDisc(dl, ImVec2(b.x - r, a.y + r), r, kPi * 1.5f, col);
    if (br > 0) quarterDisc(dl, ImVec2(b.x - r, b.y - r), r, 0.0f, col);
    if (bl > 0) quarterDisc(dl, ImVec2(a.x + r, b.y - r), r, kPi * 0.5f, col);
}

void fillDisc(ImDrawList* dl, ImVec2 center, float radius, ImU32 col)
{
    if ((col & IM_COL32_A_MASK) == 0 || radius <= 0) return;
    if (radius * radius * kPi < kSmallArea * 4.0f) {
        dl->AddCircleFilled(center, radius, col, 0);
        return;
    }
    const ImVec2 c = snap(center);
    const float r = radius;
    const ImVec4 clip = dl->_CmdHeader.ClipRect;
    const float slab = 8.0f;
    auto half = [&](float y) {
        const float d = y - c.y;
        return std::sqrt(std::max(0.0f, r * r - d * d));
    };
    const float y0 = std::max(std::floor(c.y - r), std::floor(clip.y)), y1 = std::min(std::ceil(c.y + r), std::ceil(clip.w));
    std::vector<ImVec2> curve, normals;
    for (float top = y0; top < y1; top += slab) {
        const float bottom = std::min(top + slab, y1);
        const float inner = std::floor(std::min(half(top), half(bottom)));   // the rectangle inside the disc
        if (inner > 0) dl->AddRectFilled(ImVec2(c.x - inner, top), ImVec2(c.x + inner, bottom), col);
        // Each side: from the rectangle's corner along the circle (convex: a disc cut by a slab
        // and a half-plane), the fringe on the circle only.
        const float outerTop = half(top), outerBottom = half(bottom);
        const float length = std::fabs(outerTop - outerBottom) + (bottom - top);
        const int steps = std::clamp(int(std::ceil(length / 4.0f)), 1, 64);
        for (int side : {-1, 1}) {
            // A side wholly off the clip rectangle (its inner edge already beyond it) is skipped.
            if ((side < 0 && c.x - inner < clip.x) || (side > 0 && c.x + inner > clip.z)) continue;
            curve.clear();
            normals.clear();
            // Points by angle between the slab's two heights, so the fringe is even near the poles;
            // the ends exactly on the slab's edges (shared with the slabs above and below).
            const float aTop = std::asin(std::clamp((top - c.y) / r, -1.0f, 1.0f));
            const float aBottom = std::asin(std::clamp((bottom - c.y) / r, -1.0f, 1.0f));
            for (int i = 0; i <= steps; ++i) {
                const float a = aTop + (aBottom - aTop) * float(i) / float(steps);
                const ImVec2 d(float(side) * std::cos(a), std::sin(a));
                const float y = i == 0 ? top : i == steps ? bottom : c.y + d.y * r;
                curve.emplace_back(c.x + float(side) * half(y), y);
                normals.push_back(d);
            }
            curveToLine(dl, c.x + float(side) * inner, curve, normals, col);
        }
    }
}

} // namespace ui
