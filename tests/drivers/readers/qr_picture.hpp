// Test pictures of QR codes as a camera would see them: a code generated with libqrencode, painted
// into a frame through a perspective mapping, then blurred, noised, and saved as PNG or JPEG.
#pragma once
#include "drivers/display/png_image.hpp"
#include <array>
#include <filesystem>
#include <string>

namespace test {

struct Point {
    double x = 0, y = 0;
};

// Where the code lands: the four corners of its white quiet zone (4 modules wide), clockwise from
// the code's own top-left, in frame pixels.
using Quad = std::array<Point, 4>;

// A square of `side` px centred on (cx, cy), turned by `degrees` clockwise.
Quad rotatedSquare(double cx, double cy, double side, double degrees);

struct PictureSpec {
    int width = 1280, height = 720;
    Quad quad{};
    double blurSigma = 0;       // Gaussian blur, in px
    double noiseSigma = 0;      // Gaussian noise on 0..255, fixed seed
    unsigned seed = 1;
};

// A grey frame (a gradient with a few darker blocks, like a desk) with the code painted in,
// 4x4 supersampled so edges are anti-aliased as a lens would. Grey (1 channel).
drivers::Image qrPicture(const std::string& payload, const PictureSpec& spec);
// The same frame without a code.
drivers::Image emptyPicture(const PictureSpec& spec);

// The number of modules per side of the code for `payload` (without quiet zone).
int qrModules(const std::string& payload);

void savePng(const std::filesystem::path& file, const drivers::Image& image);
void saveJpeg(const std::filesystem::path& file, const drivers::Image& image, int quality = 85);

} // namespace test
