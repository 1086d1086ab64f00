// ZXing-cpp 1.4 restricted to QR: most camera frames hold no code, and other formats cost ~5x
// the time to rule out (STACK.md).
#include "drivers/qr_decoder.hpp"
#include <ZXing/ReadBarcode.h>

namespace drivers {

std::vector<std::string> decodeQrCodes(const Image& image)
{
    std::vector<std::string> out;
    if (image.width <= 0 || image.height <= 0 || image.channels <= 0 ||
        image.pixels.size() < size_t(image.width) * image.height * image.channels)
        return out;
    const Image grey = toGrey(image);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // The card's payload is UTF-8 without an ECI marker: guessing the charset would garble "Nữ".
    hints.setCharacterSet("UTF-8");
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    for (const ZXing::Result& r : ZXing::ReadBarcodes(ZXing::ImageView(grey.pixels.data(), grey.width, grey.height, ZXing::ImageFormat::Lum), hints))
        if (r.isValid()) out.push_back(r.text());
    return out;
}

bool decodeQrFile(const std::filesystem::path& file, std::vector<std::string>& out, std::string& error)
{
    Image grey;
    if (!loadImage(file, grey, 1, error)) return false;
    out = decodeQrCodes(grey);
    return true;
}

} // namespace drivers
