// Text layout for slips: UTF-8 → code points, greedy word wrap on measured advances, glyphs
// thresholded to 1 bit (thermal printers have no grey). Sizes scale with the paper's width.
#include "drivers/print/receipt_raster.hpp"
#include "drivers/print/word_wrap.hpp"
#include "kiosk/common/qr.hpp"
#include "kiosk/common/utf8.hpp"
#include <stb/stb_truetype.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <vector>

namespace drivers {

namespace {

const char* kRegular[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* kBold[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
const char* kSymbols = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct Face {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
    bool load(const char* path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        data.assign(std::istreambuf_iterator<char>(in), {});
        return !data.empty() && stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)) != 0;
    }
};

bool loadFirst(Face& f, const char* const* paths, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (f.load(paths[i])) return true;
    return false;
}

// A growing 1-bit page (stored one byte per dot for simplicity: 0 black, 255 white).
struct Page {
    int width;
    std::vector<uint8_t> px;
    int height() const { return static_cast<int>(px.size() / static_cast<size_t>(width)); }
    void grow(int rows) { px.resize(px.size() + static_cast<size_t>(rows) * width, 255); }
    void dot(int x, int y)
    {
        if (x >= 0 && x < width && y >= 0 && y < height()) px[static_cast<size_t>(y) * width + x] = 0;
    }
};

} // namespace

struct ReceiptRenderer::Fonts {
    Face regular, bold, symbols;
    bool haveSymbols = false;

    // The face that has the glyph: the wanted one, else DejaVu (✓, arrows).
    const Face& faceFor(const Face& wanted, char32_t cp) const
    {
        if (stbtt_FindGlyphIndex(&wanted.info, static_cast<int>(cp)) != 0 || !haveSymbols) return wanted;
        return symbols;
    }
    float advance(const Face& wanted, char32_t cp, float px) const
    {
        const Face& f = faceFor(wanted, cp);
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&f.info, static_cast<int>(cp), &adv, &lsb);
        return adv * stbtt_ScaleForPixelHeight(&f.info, px);
    }
    float width(const Face& f, const std::u32string& s, float px) const
    {
        float w = 0;
        for (char32_t c : s) w += advance(f, c, px);
        return w;
    }
    void draw(Page& page, const Face& wanted, const std::u32string& s, float px, float x, int baseline) const
    {
        for (char32_t cp : s) {
            const Face& f = faceFor(wanted, cp);
            const float scale = stbtt_ScaleForPixelHeight(&f.info, px);
            int w = 0, h = 0, xo = 0, yo = 0;
            unsigned char* bmp = stbtt_GetCodepointBitmap(&f.info, scale, scale, static_cast<int>(cp), &w, &h, &xo, &yo);
            const int x0 = static_cast<int>(std::lround(x));
            for (int y = 0; y < h; ++y)
                for (int xx = 0; xx < w; ++xx)
                    if (bmp[y * w + xx] >= 110) page.dot(x0 + xo + xx, baseline + yo + y);
            stbtt_FreeBitmap(bmp, nullptr);
            x += advance(wanted, cp, px);
        }
    }
};

ReceiptRenderer::ReceiptRenderer() = default;
ReceiptRenderer::~ReceiptRenderer() = default;

bool ReceiptRenderer::load(std::string& error)
{
    auto f = std::make_unique<Fonts>();
    if (!loadFirst(f->regular, kRegular, 2) || !loadFirst(f->bold, kBold, 2)) {
        error = "Thiếu phông chữ để in phiếu: hãy cài gói fonts-noto-core và fonts-dejavu-core.";
        return false;
    }
    f->haveSymbols = f->symbols.load(kSymbols);
    m_fonts = std::move(f);
    return true;
}

Image ReceiptRenderer::render(const kiosk::Receipt& receipt, int widthDots) const
{
    widthDots = std::max(128, widthDots / 8 * 8);
    Page page{widthDots, {}};
    if (!m_fonts) return Image{widthDots, 0, 1, {}};
    const float s = widthDots / 576.0f;
    const int margin = static_cast<int>(12 * s);
    const float usable = static_cast<float>(widthDots - 2 * margin);

    // Wraps and draws one paragraph; `centre` for the title and the caption.
    auto paragraph = [&](const std::string& text, const Face& face, float px, bool centre) {
        const int lineHeight = static_cast<int>(std::ceil(px * 1.3f));
        if (text.empty()) { page.grow(lineHeight / 2); return; }
        // A word wider than the paper (a long URL) is cut where it must be.
        const std::vector<std::u32string> lines = wrapWords(
            kiosk::utf8::decode(text, U'?'), usable, [&](const std::u32string& run) { return m_fonts->width(face, run, px); },
            /*cutLongWords=*/true);
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&face.info, &ascent, &descent, &gap);
        const int base = static_cast<int>(std::lround(ascent * stbtt_ScaleForPixelHeight(&face.info, px)));
        for (const std::u32string& l : lines) {
            const int top = page.height();
            page.grow(lineHeight);
            const float x = centre ? margin + (usable - m_fonts->width(face, l, px)) / 2 : static_cast<float>(margin);
            m_fonts->draw(page, face, l, px, x, top + base);
        }
    };

    page.grow(static_cast<int>(8 * s));
    if (!receipt.title.empty()) {
        paragraph(receipt.title, m_fonts->bold, 38 * s, true);
        page.grow(static_cast<int>(10 * s));
    }
    for (const kiosk::ReceiptLine& l : receipt.lines) {
        switch (l.style) {
        case kiosk::ReceiptLine::Style::Heading: paragraph(l.text, m_fonts->bold, 30 * s, false); break;
        case kiosk::ReceiptLine::Style::Small: paragraph(l.text, m_fonts->regular, 21 * s, false); break;
        case kiosk::ReceiptLine::Style::Body: paragraph(l.text, m_fonts->regular, 26 * s, false); break;
        }
    }
    if (!receipt.qrUrl.empty()) {
        if (auto qr = kiosk::encodeQr(receipt.qrUrl)) {
            // About 60 % of the paper: big modules scan easily from a crumpled slip.
            const int modules = qr->size + 8;
            const int ppm = std::max(3, static_cast<int>(widthDots * 0.6f) / modules);
            int side = 0;
            std::vector<uint8_t> grey = kiosk::rasterizeQr(*qr, ppm, 4, side);
            const int top = page.height(), left = (widthDots - side) / 2;
            page.grow(side);
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x)
                    if (grey[static_cast<size_t>(y) * side + x] < 128) page.dot(left + x, top + y);
        }
        if (!receipt.qrCaption.empty()) paragraph(receipt.qrCaption, m_fonts->regular, 24 * s, true);
    }
    page.grow(static_cast<int>(16 * s));
    return Image{widthDots, page.height(), 1, std::move(page.px)};
}

} // namespace drivers
