// Synthetic camera pictures of QR codes for the decoder and `kiosk id scan` tests (see qr_picture.hpp).
#include "tests/drivers/readers/qr_picture.hpp"
#include "kiosk/common/qr.hpp"
#include <doctest/doctest.h>
#include <stb/stb_image_write.h>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace test {

namespace {

constexpr int kQuiet = 4;   // modules of white around the code, as printed on the card

// Row-major 3x3 projective map.
struct Homography {
    double m[9] = {};
    Point apply(double u, double v) const
    {
        const double w = m[6] * u + m[7] * v + m[8];
        return {(m[0] * u + m[1] * v + m[2]) / w, (m[3] * u + m[4] * v + m[5]) / w};
    }
};

// The unit square (0,0) (1,0) (1,1) (0,1) onto the quad (Heckbert, "Fundamentals of Texture
// Mapping", 1989).
Homography squareToQuad(const Quad& q)
{
    const double dx1 = q[1].x - q[2].x, dx2 = q[3].x - q[2].x, dx3 = q[0].x - q[1].x + q[2].x - q[3].x;
    const double dy1 = q[1].y - q[2].y, dy2 = q[3].y - q[2].y, dy3 = q[0].y - q[1].y + q[2].y - q[3].y;
    double g = 0, h = 0;
    if (std::abs(dx3) > 1e-9 || std::abs(dy3) > 1e-9) {
        const double den = dx1 * dy2 - dx2 * dy1;
        g = (dx3 * dy2 - dx2 * dy3) / den;
        h = (dx1 * dy3 - dx3 * dy1) / den;
    }
    return {{q[1].x - q[0].x + g * q[1].x, q[3].x - q[0].x + h * q[3].x, q[0].x,
             q[1].y - q[0].y + g * q[1].y, q[3].y - q[0].y + h * q[3].y, q[0].y, g, h, 1}};
}

Homography inverse(const Homography& H)
{
    const double* a = H.m;
    Homography r{{a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
                  a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
                  a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]}};
    return r;   // the adjugate: a projective map is defined up to scale
}

uint8_t clampByte(double v) { return uint8_t(std::clamp(std::lround(v), 0L, 255L)); }

double background(int x, int y, int w, int h)
{
    // A soft gradient with two darker blocks (a keyboard, a folder): not a uniform test card.
    double v = 120 + 50.0 * x / w + 20.0 * y / h;
    if (x > w / 12 && x < w / 4 && y > h / 2 && y < h * 7 / 8) v -= 60;
    if (x > w * 3 / 4 && x < w * 11 / 12 && y > h / 10 && y < h / 3) v -= 40;
    return v;
}

void blur(drivers::Image& img, double sigma)
{
    const int r = int(std::ceil(sigma * 3));
    std::vector<double> k(size_t(2 * r + 1));
    double sum = 0;
    for (int i = -r; i <= r; ++i) sum += k[size_t(i + r)] = std::exp(-(i * i) / (2 * sigma * sigma));
    for (double& v : k) v /= sum;
    const int w = img.width, h = img.height;
    std::vector<double> tmp(size_t(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * img.pixels[size_t(y) * w + std::clamp(x + i, 0, w - 1)];
            tmp[size_t(y) * w + x] = acc;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[size_t(i + r)] * tmp[size_t(std::clamp(y + i, 0, h - 1)) * w + x];
            img.pixels[size_t(y) * w + x] = clampByte(acc);
        }
}

void addNoise(drivers::Image& img, double sigma, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> n(0.0, sigma);
    for (uint8_t& p : img.pixels) p = clampByte(p + n(rng));
}

drivers::Image paint(const kiosk::QrMatrix* qr, const PictureSpec& s)
{
    drivers::Image img{s.width, s.height, 1, std::vector<uint8_t>(size_t(s.width) * s.height)};
    for (int y = 0; y < s.height; ++y)
        for (int x = 0; x < s.width; ++x) img.pixels[size_t(y) * s.width + x] = clampByte(background(x, y, s.width, s.height));
    if (qr) {
        const Homography toPixel = squareToQuad(s.quad);
        const Homography toCode = inverse(toPixel);
        const int span = qr->size + 2 * kQuiet;
        double x0 = s.width, y0 = s.height, x1 = 0, y1 = 0;
        for (const Point& p : s.quad) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        const int bx0 = std::max(0, int(x0) - 1), by0 = std::max(0, int(y0) - 1);
        const int bx1 = std::min(s.width, int(x1) + 2), by1 = std::min(s.height, int(y1) + 2);
        for (int y = by0; y < by1; ++y)
            for (int x = bx0; x < bx1; ++x) {
                double acc = 0;
                int inside = 0;
                for (int sy = 0; sy < 4; ++sy)
                    for (int sx = 0; sx < 4; ++sx) {
                        const Point uv = toCode.apply(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
                        if (uv.x < 0 || uv.x >= 1 || uv.y < 0 || uv.y >= 1) {
                            acc += background(x, y, s.width, s.height);
                            continue;
                        }
                        ++inside;
                        const int mx = int(uv.x * span) - kQuiet, my = int(uv.y * span) - kQuiet;
                        const bool dark = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size && qr->at(mx, my);
                        acc += dark ? 25 : 235;   // printed ink and paper, never pure black and white
                    }
                if (inside) img.pixels[size_t(y) * s.width + x] = clampByte(acc / 16);
            }
    }
    if (s.blurSigma > 0) blur(img, s.blurSigma);
    if (s.noiseSigma > 0) addNoise(img, s.noiseSigma, s.seed);
    return img;
}

} // namespace

Quad rotatedSquare(double cx, double cy, double side, double degrees)
{
    const double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a), h = side / 2;
    Quad q;
    const double corners[4][2] = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
    for (int i = 0; i < 4; ++i) q[size_t(i)] = {cx + c * corners[i][0] - s * corners[i][1], cy + s * corners[i][0] + c * corners[i][1]};
    return q;
}

int qrModules(const std::string& payload)
{
    auto qr = kiosk::encodeQr(payload);
    REQUIRE(qr.has_value());
    return qr->size;
}

drivers::Image qrPicture(const std::string& payload, const PictureSpec& spec)
{
    auto qr = kiosk::encodeQr(payload);
    REQUIRE(qr.has_value());
    return paint(&*qr, spec);
}

drivers::Image emptyPicture(const PictureSpec& spec) { return paint(nullptr, spec); }

void savePng(const std::filesystem::path& file, const drivers::Image& image)
{
    std::string error;
    REQUIRE_MESSAGE(drivers::writePng(file, image, error), error);
}

void saveJpeg(const std::filesystem::path& file, const drivers::Image& image, int quality)
{
    REQUIRE(stbi_write_jpg(file.c_str(), image.width, image.height, image.channels, image.pixels.data(), quality) != 0);
}

} // namespace test
