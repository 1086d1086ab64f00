// ui::fillRoundRect and ui::fillDisc against Dear ImGui's own AddRectFilled / AddCircleFilled,
// rendered for real (SDL offscreen driver, software renderer, ImGui's SDL_Renderer backend) and
// compared pixel by pixel: the same shape (only the anti-aliased rim may differ), no seam and no
// doubled blending where the pieces meet (checked with a translucent colour), and the pieces are
// what the software renderer fills fast: large one-colour rectangles, the curved rest small.
#include "drivers/display/sdl_platform.hpp"
#include "ui/widgets/shapes.hpp"
#include <SDL.h>
#include <doctest/doctest.h>
#include <imgui_impl_sdlrenderer.h>
#include <cmath>
#include <functional>

namespace {

class ShapeCanvas {
public:
    explicit ShapeCanvas(SDL_Renderer* renderer) : m_renderer(renderer)
    {
        m_imgui = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(640, 400);
        io.Fonts->AddFontDefault();
        REQUIRE(ImGui_ImplSDLRenderer_Init(m_renderer));
        REQUIRE(ImGui_ImplSDLRenderer_CreateFontsTexture());
    }
    ~ShapeCanvas()
    {
        ImGui::SetCurrentContext(m_imgui);
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext(m_imgui);
    }

    // Draws with `paint` on the background list over a flat colour; returns the pixels (RGBA) and
    // the draw data's triangles of more than `bigArea` pixels that are not axis-aligned rectangles.
    std::vector<uint8_t> render(const std::function<void(ImDrawList*)>& paint, int* bigTriangles = nullptr)
    {
        ImGui::SetCurrentContext(m_imgui);
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui::NewFrame();
        paint(ImGui::GetBackgroundDrawList());
        ImGui::Render();
        if (bigTriangles) *bigTriangles = countBigTriangles(ImGui::GetDrawData());
        SDL_SetRenderDrawColor(m_renderer, 240, 244, 248, 255);
        SDL_RenderClear(m_renderer);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(m_renderer, &w, &h);
        std::vector<uint8_t> px(size_t(w) * size_t(h) * 4);
        REQUIRE(SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, px.data(), w * 4) == 0);
        m_width = w;
        return px;
    }
    int width() const { return m_width; }

private:
    // A triangle is "big" when it covers more than 2,000 pixels and is not half of a rectangle.
    static int countBigTriangles(const ImDrawData* dd)
    {
        int big = 0;
        for (int l = 0; l < dd->CmdListsCount; ++l) {
            const ImDrawList* list = dd->CmdLists[l];
            for (int i = 0; i + 2 < list->IdxBuffer.Size; i += 3) {
                const ImVec2 a = list->VtxBuffer[list->IdxBuffer[i]].pos, b = list->VtxBuffer[list->IdxBuffer[i + 1]].pos,
                             c = list->VtxBuffer[list->IdxBuffer[i + 2]].pos;
                const float area = std::fabs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5f;
                auto axis = [](ImVec2 p, ImVec2 q) { return p.x == q.x || p.y == q.y; };
                const bool rectHalf = (axis(a, b) && axis(b, c)) || (axis(b, c) && axis(c, a)) || (axis(c, a) && axis(a, b));
                if (area > 2000.0f && !rectHalf) ++big;
            }
        }
        return big;
    }

    SDL_Renderer* m_renderer;
    ImGuiContext* m_imgui = nullptr;
    int m_width = 0;
};

struct Diff {
    double moved = 0;     // Σ |difference| / contrast: pixels' worth of coverage that moved
    double net = 0;       // Σ difference / contrast: coverage gained (+) or lost (−) overall
    int interior = 0;     // pixels differing at all, at least 2 px inside the shape
    int outside = 0;      // pixels differing at all, at least 2 px outside it
};

// `inside(x, y)`: how far (px) the pixel centre lies inside the shape (negative outside).
// `contrast`: the largest channel difference between the background and the shape over it.
Diff compare(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, int width, int contrast,
             const std::function<float(float, float)>& inside)
{
    Diff d;
    const int height = int(a.size() / 4 / size_t(width));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const size_t i = (size_t(y) * size_t(width) + size_t(x)) * 4;
            int worst = 0;
            for (int k = 0; k < 3; ++k) worst = std::max(worst, std::abs(int(a[i + size_t(k)]) - int(b[i + size_t(k)])));
            const float depth = inside(float(x) + 0.5f, float(y) + 0.5f);
            if (depth >= 2.0f && worst > 0) ++d.interior;   // a seam, or a piece blended twice
            if (depth <= -2.0f && worst > 0) ++d.outside;
            d.moved += double(worst) / double(contrast);
            d.net += double(int(a[i]) - int(b[i])) / double(contrast) * (a[i] > b[i] || a[i] < b[i] ? 1.0 : 0.0);
        }
    return d;
}

// Signed distance inside a rounded rectangle with all corners rounded by r.
float insideRoundRect(ImVec2 a, ImVec2 b, float r, float x, float y)
{
    const float cx = std::clamp(x, a.x + r, b.x - r), cy = std::clamp(y, a.y + r, b.y - r);
    if (x >= a.x + r && x <= b.x - r) return std::min(y - a.y, b.y - y);
    if (y >= a.y + r && y <= b.y - r) return std::min(x - a.x, b.x - x);
    return r - std::hypot(x - cx, y - cy);
}

} // namespace

TEST_CASE("rounded rectangles and discs drawn as rectangles plus small curved pieces look like ImGui's")
{
    std::string error;
    drivers::PlatformOptions po;
    po.headless = true;
    po.windowed = true;
    po.width = 640;
    po.height = 400;
    auto platform = drivers::SdlPlatform::create(po, error);
    REQUIRE_MESSAGE(platform, error);
    ShapeCanvas canvas(platform->renderer());

    // A translucent colour: a piece drawn twice, or a gap between pieces, shows in the interior.
    for (ImU32 col : {IM_COL32(12, 90, 170, 255), IM_COL32(12, 90, 170, 120)}) {
        const int alpha = int(col >> IM_COL32_A_SHIFT);
        INFO("alpha " << alpha);
        const int contrast = (240 - 12) * alpha / 255;   // the red channel over the background
        const ImVec2 a(40, 30), b(600, 360);
        const float r = 28;
        int bigOurs = -1, bigImGui = -1;
        const auto ref = canvas.render([&](ImDrawList* dl) { dl->AddRectFilled(a, b, col, r); }, &bigImGui);
        const auto ours = canvas.render([&](ImDrawList* dl) { ui::fillRoundRect(dl, a, b, col, r); }, &bigOurs);
        CHECK(bigImGui > 0);   // ImGui's fan: long triangles across the card
        CHECK(bigOurs == 0);
        const Diff d = compare(ref, ours, canvas.width(), contrast, [&](float x, float y) { return insideRoundRect(a, b, r, x, y); });
        CHECK(d.interior == 0);
        CHECK(d.outside == 0);
        // The outline's anti-aliasing is at most about half a pixel apart along its length (ImGui
        // fades straight edges over a pixel centred on them; these are crisp there).
        const double perimeter = 2.0 * double((b.x - a.x) + (b.y - a.y));
        CHECK(d.moved < 0.6 * perimeter);
        CHECK(std::fabs(d.net) < 0.2 * perimeter);   // the outline: at most a pixel's anti-aliasing apart

        // One side rounded (the attract screen's card): square corners stay square.
        const auto refRight = canvas.render([&](ImDrawList* dl) { dl->AddRectFilled(a, b, col, r, ImDrawFlags_RoundCornersRight); });
        const auto oursRight = canvas.render([&](ImDrawList* dl) { ui::fillRoundRect(dl, a, b, col, r, ImDrawFlags_RoundCornersRight); });
        const Diff dr = compare(refRight, oursRight, canvas.width(), contrast, [&](float x, float y) {
            return x < 300 ? std::min({x - a.x, y - a.y, b.y - y}) : insideRoundRect(a, b, r, x, y);
        });
        CHECK(dr.interior == 0);
        CHECK(dr.outside == 0);
        CHECK(dr.moved < 0.6 * perimeter);
        CHECK(std::fabs(dr.net) < 0.2 * perimeter);

        // A disc, partly off the canvas like the start screen's.
        const ImVec2 c(560, 120);
        const float radius = 150;
        const auto refDisc = canvas.render([&](ImDrawList* dl) { dl->AddCircleFilled(c, radius, col, 0); }, &bigImGui);
        const auto ourDisc = canvas.render([&](ImDrawList* dl) { ui::fillDisc(dl, c, radius, col); }, &bigOurs);
        CHECK(bigImGui > 0);
        CHECK(bigOurs == 0);
        const Diff dd = compare(refDisc, ourDisc, canvas.width(), contrast, [&](float x, float y) { return radius - std::hypot(x - c.x, y - c.y); });
        CHECK(dd.interior == 0);
        CHECK(dd.outside == 0);
        const double circumference = 2.0 * 3.14159265 * double(radius);
        CHECK(dd.moved < 0.6 * circumference);
        CHECK(std::fabs(dd.net) < 0.6 * circumference);
    }
}
