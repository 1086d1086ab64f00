// The ID-card scanner's decoding step on real picture files: a card's QR code (Vietnamese text)
// rotated, skewed, blurred, noisy and small inside a 1280x720 frame, saved as PNG and as JPEG.
#include "drivers/readers/qr_decoder.hpp"
#include "tests/drivers/readers/qr_picture.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>

namespace {

// A made-up citizen (the number's digits 4–6 agree with the birth date), laid out like the card.
const std::string kPayload =
    "038195001234|173456789|Nguyễn Thị Hồng Nhung|15031995|Nữ|Thôn Yên Lạc, Xã Quảng Ngọc, Tỉnh Thanh Hóa|20042021";

struct Case {
    const char* name;
    test::PictureSpec spec;
};

// The code's side in px for `ppm` px per module, quiet zone included.
double side(double ppm) { return ppm * (test::qrModules(kPayload) + 8); }

std::vector<Case> cases()
{
    std::vector<Case> c;
    test::PictureSpec s;
    s.quad = test::rotatedSquare(640, 360, side(5), 17);
    c.push_back({"rotated-17", s});
    s.quad = test::rotatedSquare(500, 330, side(5), 90);
    c.push_back({"rotated-90", s});
    // Held at an angle: the far edge shorter, the near one longer, not parallel to the frame.
    s.quad = {{{480, 170}, {790, 205}, {835, 560}, {420, 520}}};
    c.push_back({"perspective", s});
    s = {};
    s.quad = test::rotatedSquare(700, 380, side(6), 8);
    s.blurSigma = 1.6;
    c.push_back({"blurred", s});
    s = {};
    s.quad = test::rotatedSquare(600, 350, side(5), -11);
    s.noiseSigma = 28;
    s.seed = 7;
    c.push_back({"noisy", s});
    s = {};
    s.quad = test::rotatedSquare(900, 250, side(2.6), 0);
    c.push_back({"small-2.6px", s});
    s = {};
    s.quad = test::rotatedSquare(300, 500, side(3), 12);
    s.blurSigma = 0.7;
    s.noiseSigma = 8;
    c.push_back({"small-3px-rotated", s});
    // Under 2 px per module and turned 45°: ZXing's first look misses it, the second look at twice
    // the size (decodeQrFile) finds it.
    s = {};
    s.quad = test::rotatedSquare(640, 360, side(1.8), 45);
    c.push_back({"tiny-1.8px-45", s});
    // Everything at once, as a phone photo of a card on a desk.
    s = {};
    s.quad = {{{700, 140}, {980, 190}, {950, 470}, {660, 430}}};
    s.blurSigma = 1.0;
    s.noiseSigma = 12;
    s.seed = 3;
    c.push_back({"photo", s});
    return c;
}

} // namespace

TEST_CASE("QR codes in PNG and JPEG pictures decode to the exact card text")
{
    test::TempDir dir;
    for (const Case& c : cases()) {
        const drivers::Image img = test::qrPicture(kPayload, c.spec);
        for (const char* ext : {".png", ".jpg"}) {
            const auto file = dir / (std::string(c.name) + ext);
            if (std::string(ext) == ".png") test::savePng(file, img);
            else test::saveJpeg(file, img);
            CAPTURE(file.filename().string());
            std::vector<std::string> texts;
            std::string error;
            REQUIRE_MESSAGE(drivers::decodeQrFile(file, texts, error), error);
            REQUIRE(texts.size() == 1);
            CHECK(texts[0] == kPayload);
        }
    }
}

TEST_CASE("a picture of a code decodes from memory too, colour or grey")
{
    test::PictureSpec s;
    s.quad = test::rotatedSquare(640, 360, side(5), 30);
    const drivers::Image grey = test::qrPicture(kPayload, s);
    drivers::Image rgb{grey.width, grey.height, 3, {}};
    for (uint8_t p : grey.pixels) rgb.pixels.insert(rgb.pixels.end(), {p, p, p});
    CHECK(drivers::decodeQrCodes(grey) == std::vector<std::string>{kPayload});
    CHECK(drivers::decodeQrCodes(rgb) == std::vector<std::string>{kPayload});
    CHECK(drivers::decodeQrCodes(drivers::Image{}).empty());
}

TEST_CASE("a 1280x720 picture with no code gives no payload")
{
    test::TempDir dir;
    test::PictureSpec s;
    s.noiseSigma = 10;
    for (const char* name : {"empty.png", "empty.jpg"}) {
        const auto file = dir / name;
        if (file.extension() == ".png") test::savePng(file, test::emptyPicture(s));
        else test::saveJpeg(file, test::emptyPicture(s));
        std::vector<std::string> texts{"stale"};
        std::string error;
        CHECK(drivers::decodeQrFile(file, texts, error));
        CHECK(texts.empty());
        CHECK(error.empty());
    }
}

TEST_CASE("a file that is not a picture gives a Vietnamese error")
{
    test::TempDir dir;
    const auto text = dir / "card.png";
    test::writeFile(text, kPayload + "\n");
    std::vector<std::string> texts;
    std::string error;
    CHECK_FALSE(drivers::decodeQrFile(text, texts, error));
    CHECK(texts.empty());
    CHECK(error.find("Không đọc được tệp") != std::string::npos);
    CHECK(error.find("PNG hay JPEG") != std::string::npos);
    // The file's content (a card's payload here) is never echoed into the message.
    CHECK(error.find("038195001234") == std::string::npos);
    CHECK(error.find("Nguyễn") == std::string::npos);

    error.clear();
    CHECK_FALSE(drivers::decodeQrFile(dir / "missing.jpg", texts, error));
    CHECK(error.find("Không có tệp ảnh") != std::string::npos);
    error.clear();
    CHECK_FALSE(drivers::decodeQrFile(dir.path(), texts, error));
    CHECK(error.find("thư mục") != std::string::npos);
}
