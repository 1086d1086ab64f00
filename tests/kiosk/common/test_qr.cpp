// QR encoding, checked the way a phone checks it: ZXing decodes the rasterised code.
#include "kiosk/common/qr.hpp"
#include <ZXing/ReadBarcode.h>
#include <doctest/doctest.h>

namespace {
std::string decode(const std::vector<uint8_t>& grey, int side)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setCharacterSet("UTF-8");
    auto r = ZXing::ReadBarcode(ZXing::ImageView(grey.data(), side, side, ZXing::ImageFormat::Lum), hints);
    return r.isValid() ? r.text() : std::string();
}
} // namespace

TEST_CASE("a URL encodes to a QR code that decodes to the same URL")
{
    for (std::string url : {"https://binhdanhocvuso.gov.vn", "https://play.google.com/store/apps/details?id=com.vnid",
                            "https://apps.apple.com/vn/app/vneid/id1582750372"}) {
        auto qr = kiosk::encodeQr(url);
        REQUIRE(qr);
        CHECK(qr->size >= 21);
        int side = 0;
        auto img = kiosk::rasterizeQr(*qr, 4, 4, side);
        CHECK(side == (qr->size + 8) * 4);
        CHECK(decode(img, side) == url);
    }
}

TEST_CASE("Vietnamese text survives the round trip byte for byte")
{
    std::string text = "001099012345||Nguyễn Thị Thuỷ|01021999|Nữ|Thôn Đông, Quảng Ngọc, Thanh Hóa|15082021";
    auto qr = kiosk::encodeQr(text);
    REQUIRE(qr);
    int side = 0;
    auto img = kiosk::rasterizeQr(*qr, 4, 4, side);
    CHECK(decode(img, side) == text);
}

TEST_CASE("text too long for any QR version is refused, not truncated")
{
    CHECK_FALSE(kiosk::encodeQr(std::string(5000, 'x')));
}
