// ZXing-cpp 1.4 restricted to QR: most camera frames hold no code, and other formats cost ~5x
// the time to rule out (STACK.md).
#include "drivers/readers/qr_decoder.hpp"
#include <ZXing/ReadBarcode.h>
#include <algorithm>
#include <fstream>

namespace drivers {

namespace {

std::vector<std::string> readQr(const Image& grey)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // The card's payload is UTF-8 without an ECI marker: guessing the charset would garble "Nữ".
    hints.setCharacterSet("UTF-8");
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    std::vector<std::string> out;
    for (const ZXing::Result& r : ZXing::ReadBarcodes(ZXing::ImageView(grey.pixels.data(), grey.width, grey.height, ZXing::ImageFormat::Lum), hints))
        if (r.isValid() && std::find(out.begin(), out.end(), r.text()) == out.end()) out.push_back(r.text());
    return out;
}

// Twice the size, bilinear. ZXing's detector needs about 3.4 px per module (STACK.md); a card held
// far from the camera, or a photo of a whole desk, gives less.
Image upscale2(const Image& g)
{
    Image out{g.width * 2, g.height * 2, 1, std::vector<uint8_t>(size_t(g.width) * 2 * g.height * 2)};
    auto at = [&](int x, int y) { return int(g.pixels[size_t(std::min(y, g.height - 1)) * g.width + std::min(x, g.width - 1)]); };
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            // Output pixel centres fall at 1/4 and 3/4 between source pixels.
            const int sx = (x - 1) / 2, sy = (y - 1) / 2;
            const int wx = (x % 2) ? 1 : 3, wy = (y % 2) ? 1 : 3;
            const int x0 = std::max(sx, 0), y0 = std::max(sy, 0);
            const int v = at(x0, y0) * (4 - wx) * (4 - wy) + at(x0 + 1, y0) * wx * (4 - wy) + at(x0, y0 + 1) * (4 - wx) * wy +
                          at(x0 + 1, y0 + 1) * wx * wy;
            out.pixels[size_t(y) * out.width + x] = uint8_t((v + 8) / 16);
        }
    return out;
}

} // namespace

std::vector<std::string> decodeQrCodes(const Image& image)
{
    if (image.width <= 0 || image.height <= 0 || image.channels <= 0 ||
        image.pixels.size() < size_t(image.width) * image.height * image.channels)
        return {};
    return readQr(toGrey(image));
}

bool decodeQrFile(const std::filesystem::path& file, std::vector<std::string>& out, std::string& error)
{
    out.clear();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        error = "Không có tệp ảnh " + file.string() + ". Xin kiểm tra lại đường dẫn.";
        return false;
    }
    if (std::filesystem::is_directory(file, ec)) {
        error = file.string() + " là một thư mục, không phải tệp ảnh. Xin chọn một ảnh PNG hoặc JPEG.";
        return false;
    }
    if (!std::ifstream(file, std::ios::binary)) {
        error = "Không mở được tệp ảnh " + file.string() + " (không có quyền đọc?).";
        return false;
    }
    Image grey;
    std::string detail;
    if (!loadImage(file, grey, 1, detail)) {
        error = "Không đọc được tệp " + file.string() + ": tệp không phải ảnh PNG hay JPEG, hoặc đã hỏng. Xin chụp hoặc chọn lại ảnh.";
        return false;
    }
    out = decodeQrCodes(grey);
    // A still picture is read once, so a second, slower look is affordable (camera frames are not
    // given one: the next frame comes soon enough). Only pictures of moderate size: a 12-megapixel
    // photo already has pixels to spare.
    if (out.empty() && size_t(grey.width) * grey.height <= size_t(2000) * 2000) out = readQr(upscale2(grey));
    return true;
}

} // namespace drivers
