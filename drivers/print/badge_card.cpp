// Drawn with stb_truetype (Noto Sans from fonts-noto-core) in grey levels — a card printer prints
// them, unlike a thermal slip — and the QR code from kiosk/common/qr at whole pixels per module.
#include "drivers/print/badge_card.hpp"
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

struct Rgb {
    uint8_t r, g, b;
};
constexpr Rgb kInk{0x10, 0x18, 0x28}, kMuted{0x47, 0x54, 0x67}, kBand{0x1F, 0x2A, 0x37}, kRole{0x17, 0x5C, 0xD3}, kWhite{255, 255, 255};

struct TtfFont {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
};

bool loadTtf(TtfFont& font, const char* path)
{
    std::ifstream in(path, std::ios::binary);
    font.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (font.bytes.empty()) return false;
    return stbtt_InitFont(&font.info, font.bytes.data(), stbtt_GetFontOffsetForIndex(font.bytes.data(), 0)) != 0;
}

class Canvas {
public:
    Canvas(int w, int h) : m_w(w), m_h(h), m_px(static_cast<size_t>(w) * h * 3, 255) {}
    void fill(int x0, int y0, int x1, int y1, Rgb c)
    {
        for (int y = std::max(0, y0); y < std::min(m_h, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(m_w, x1); ++x) put(x, y, c, 255);
    }
    // Blends `c` over the pixel with coverage `a` (0–255).
    void put(int x, int y, Rgb c, int a)
    {
        if (x < 0 || y < 0 || x >= m_w || y >= m_h || a <= 0) return;
        uint8_t* p = &m_px[(static_cast<size_t>(y) * m_w + x) * 3];
        p[0] = static_cast<uint8_t>((c.r * a + p[0] * (255 - a)) / 255);
        p[1] = static_cast<uint8_t>((c.g * a + p[1] * (255 - a)) / 255);
        p[2] = static_cast<uint8_t>((c.b * a + p[2] * (255 - a)) / 255);
    }
    Image image() && { return Image{m_w, m_h, 3, std::move(m_px)}; }

private:
    int m_w, m_h;
    std::vector<uint8_t> m_px;
};

float advance(const TtfFont& f, const std::u32string& s, float px)
{
    const float scale = stbtt_ScaleForPixelHeight(&f.info, px);
    float w = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&f.info, static_cast<int>(s[i]), &adv, &lsb);
        w += adv * scale;
        if (i + 1 < s.size()) w += scale * stbtt_GetCodepointKernAdvance(&f.info, static_cast<int>(s[i]), static_cast<int>(s[i + 1]));
    }
    return w;
}

void drawLine(Canvas& c, const TtfFont& f, const std::u32string& s, float px, float x, float top, Rgb colour)
{
    const float scale = stbtt_ScaleForPixelHeight(&f.info, px);
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&f.info, &ascent, &descent, &gap);
    const int baseline = static_cast<int>(std::lround(top + ascent * scale));
    for (size_t i = 0; i < s.size(); ++i) {
        int w = 0, h = 0, xo = 0, yo = 0;
        const float fx = x - std::floor(x);
        unsigned char* glyph = stbtt_GetCodepointBitmapSubpixel(&f.info, scale, scale, fx, 0, static_cast<int>(s[i]), &w, &h, &xo, &yo);
        for (int gy = 0; gy < h; ++gy)
            for (int gx = 0; gx < w; ++gx) c.put(static_cast<int>(x) + xo + gx, baseline + yo + gy, colour, glyph[gy * w + gx]);
        stbtt_FreeBitmap(glyph, nullptr);
        x += advance(f, s.substr(i, 1), px);
        if (i + 1 < s.size()) x += scale * stbtt_GetCodepointKernAdvance(&f.info, static_cast<int>(s[i]), static_cast<int>(s[i + 1]));
    }
}

// Greedy word wrap into lines no wider than `width`.
std::vector<std::u32string> wrap(const TtfFont& f, const std::u32string& text, float px, float width)
{
    return wrapWords(text, width, [&](const std::u32string& s) { return advance(f, s, px); }, /*cutLongWords=*/false);
}

// Draws a paragraph at `top`, wrapped to `width`; returns the height used.
float paragraph(Canvas& c, const TtfFont& f, const std::string& text, float px, float x, float top, float width, Rgb colour)
{
    const float lineHeight = std::ceil(px * 1.22f);
    float y = top;
    for (const std::u32string& l : wrap(f, kiosk::utf8::decode(text), px, width)) {
        drawLine(c, f, l, px, x, y, colour);
        y += lineHeight;
    }
    return y - top;
}

// The largest size from `start` down to `least` at which `text` wraps into `maxLines` lines.
float fitSize(const TtfFont& f, const std::string& text, float start, float least, float width, size_t maxLines)
{
    const std::u32string cps = kiosk::utf8::decode(text);
    float px = start;
    while (px > least) {
        const auto lines = wrap(f, cps, px, width);
        bool fits = lines.size() <= maxLines;
        for (const auto& l : lines) fits = fits && advance(f, l, px) <= width;
        if (fits) break;
        px -= 2;
    }
    return px;
}

} // namespace

bool renderBadgeCard(const BadgeCard& card, Image& out, std::string& error)
{
    TtfFont regular, bold;
    if (!loadTtf(regular, "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf") ||
        !loadTtf(bold, "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")) {
        error = "Thiếu phông chữ Noto Sans để vẽ thẻ: hãy cài gói fonts-noto-core.";
        return false;
    }
    auto qr = kiosk::encodeQr(card.payload);
    if (!qr) {
        error = "Mã của thẻ quá dài để làm mã QR.";
        return false;
    }
    constexpr int W = kBadgeWidth, H = kBadgeHeight, band = 132, margin = 28;
    Canvas c(W, H);

    // The band: what this card is, readable across the desk.
    c.fill(0, 0, W, band, kBand);
    drawLine(c, bold, kiosk::utf8::decode("THẺ CÁN BỘ"), 54, margin + 8, 14, kWhite);
    drawLine(c, regular, kiosk::utf8::decode("Ki-ốt Bình dân học vụ số"), 32, margin + 8, 80, kWhite);

    // The code on the left: whole pixels per module, the quiet zone included (≈ 0.9 mm a module).
    const int room = H - band - 2 * 20, quiet = 4;
    const int ppm = std::max(4, room / (qr->size + 2 * quiet));
    int side = 0;
    const std::vector<uint8_t> grey = kiosk::rasterizeQr(*qr, ppm, quiet, side);
    const int qx = margin - quiet * ppm / 2, qy = band + (H - band - side) / 2;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            if (grey[static_cast<size_t>(y) * side + x] < 128) c.put(qx + x, qy + y, kInk, 255);

    // Who, on the right: the name as large as two lines allow, the role, where and since when.
    const float x0 = static_cast<float>(qx + side + 16), width = static_cast<float>(W - margin) - x0;
    float y = band + 36;
    const float namePx = fitSize(bold, card.name, 64, 36, width, 2);
    y += paragraph(c, bold, card.name, namePx, x0, y, width, kInk) + 10;
    y += paragraph(c, bold, card.role, 42, x0, y, width, kRole) + 18;
    if (!card.place.empty()) y += paragraph(c, regular, card.place, 32, x0, y, width, kMuted) + 4;
    paragraph(c, regular, "Cấp ngày " + card.issued, 30, x0, y, width, kMuted);
    const std::string hint = "Giơ mã QR trước camera của ki-ốt để đăng nhập. Mất thẻ: báo ngay quản trị viên.";
    const float hintPx = 24, hintH = std::ceil(hintPx * 1.22f) * static_cast<float>(wrap(regular, kiosk::utf8::decode(hint), hintPx, width).size());
    paragraph(c, regular, hint, hintPx, x0, H - 24 - hintH, width, kMuted);

    // A thin frame shows where to cut when the card is printed on plain paper.
    c.fill(0, 0, W, 2, kMuted);
    c.fill(0, H - 2, W, H, kMuted);
    c.fill(0, 0, 2, H, kMuted);
    c.fill(W - 2, 0, W, H, kMuted);
    out = std::move(c).image();
    return true;
}

} // namespace drivers
