// Each row's dark runs become one rectangle: few vertices, exact edges.
#include "ui/widgets/qr_view.hpp"
#include "ui/layout_record.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

constexpr int kQuiet = 4;

int qrModulePixels(const kiosk::QrMatrix& qr, float maxSide, int minModulePx)
{
    int fit = static_cast<int>(std::floor(maxSide / float(qr.size + 2 * kQuiet)));
    return std::max(fit, minModulePx);
}

float drawQr(ImDrawList* dl, const kiosk::QrMatrix& qr, ImVec2 pos, int m)
{
    pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
    float side = float((qr.size + 2 * kQuiet) * m);
    if (LayoutRecord* r = LayoutRecord::active()) r->qrs.push_back({pos, ImVec2(pos.x + side, pos.y + side), m, r->layer});
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.at(x, y)) { ++x; continue; }
            int start = x;
            while (x < qr.size && qr.at(x, y)) ++x;
            ImVec2 a(pos.x + float((start + kQuiet) * m), pos.y + float((y + kQuiet) * m));
            dl->AddRectFilled(a, ImVec2(pos.x + float((x + kQuiet) * m), a.y + float(m)), IM_COL32_BLACK);
        }
    }
    return side;
}

} // namespace ui
