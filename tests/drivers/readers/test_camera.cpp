// The camera driver without a camera: format choice, a synthesised 1280x720 YUYV frame (and an
// MJPEG one without Huffman tables) decoded by the capture thread's own function, the
// one-read-per-presentation filter, and opening paths that are not cameras.
#include "drivers/readers/camera_frames.hpp"
#include "drivers/readers/v4l2_camera.hpp"
#include "kiosk/common/qr.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <linux/videodev2.h>
#include <random>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

using namespace drivers;
using namespace std::chrono_literals;

namespace {

// A made-up citizen laid out like the card's QR (digits 4–6 agree with the birth date and "Nữ").
const std::string kPayload =
    "038195001234|173456789|Nguyễn Thị Hồng Nhung|15031995|Nữ|Thôn Yên Lạc, Xã Quảng Ngọc, Tỉnh Thanh Hóa|20042021";

// A 1280x720 grey picture: a soft gradient with the code pasted at (x, y), 4 px per module.
Image greyScene(const std::string& payload, int x, int y)
{
    Image img{1280, 720, 1, std::vector<uint8_t>(size_t(1280) * 720)};
    for (int r = 0; r < img.height; ++r)
        for (int c = 0; c < img.width; ++c) img.pixels[size_t(r) * img.width + c] = uint8_t(90 + (c + r) % 80);
    const std::optional<kiosk::QrMatrix> qr = kiosk::encodeQr(payload);
    REQUIRE(qr);
    int side = 0;
    const std::vector<uint8_t> code = kiosk::rasterizeQr(*qr, 4, 4, side);
    REQUIRE(x + side <= img.width);
    REQUIRE(y + side <= img.height);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) img.pixels[size_t(y + r) * img.width + x + c] = code[size_t(r) * side + c];
    return img;
}

// The grey picture as a camera's YUYV frame: Y from the picture, U and V noise (a colour cast a
// decoder must ignore), each line padded to `stride` bytes.
std::vector<uint8_t> toYuyv(const Image& grey, int stride)
{
    std::vector<uint8_t> frame(size_t(stride) * grey.height, 0xEE);
    std::mt19937 rng(5);
    for (int r = 0; r < grey.height; ++r)
        for (int c = 0; c < grey.width; ++c) {
            frame[size_t(r) * stride + 2 * c] = grey.pixels[size_t(r) * grey.width + c];
            frame[size_t(r) * stride + 2 * c + 1] = uint8_t(rng());
        }
    return frame;
}

std::vector<uint8_t> jpegOf(const Image& img)
{
    std::vector<uint8_t> out;
    auto sink = [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<uint8_t>*>(ctx);
        v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
    };
    REQUIRE(stbi_write_jpg_to_func(sink, &out, img.width, img.height, img.channels, img.pixels.data(), 92));
    return out;
}

// Removes every DHT segment, as a UVC camera's Motion-JPEG frame comes.
std::vector<uint8_t> withoutHuffmanTables(const std::vector<uint8_t>& jpeg)
{
    std::vector<uint8_t> out(jpeg.begin(), jpeg.begin() + 2);
    size_t pos = 2;
    while (pos + 4 <= jpeg.size() && jpeg[pos] == 0xFF && jpeg[pos + 1] != 0xDA) {
        const size_t len = size_t(jpeg[pos + 2]) << 8 | jpeg[pos + 3];
        if (jpeg[pos + 1] != 0xC4) out.insert(out.end(), jpeg.begin() + long(pos), jpeg.begin() + long(pos + 2 + len));
        pos += 2 + len;
    }
    out.insert(out.end(), jpeg.begin() + long(pos), jpeg.end());
    return out;
}

} // namespace

TEST_CASE("the camera mode: YUYV near 1280x720, MJPEG only when YUYV is missing or too small")
{
    const std::vector<FrameSizes> webcam = {FrameSizes::discrete(640, 480), FrameSizes::discrete(1280, 720),
                                            FrameSizes::discrete(1920, 1080)};
    CHECK(chooseCameraMode({{kFourccMjpeg, webcam}, {kFourccYuyv, webcam}}) == CameraMode{kFourccYuyv, 1280, 720});
    // No 1280x720: the nearest offered size.
    CHECK(chooseCameraMode({{kFourccYuyv, {FrameSizes::discrete(640, 480), FrameSizes::discrete(1280, 960)}}}) ==
          CameraMode{kFourccYuyv, 1280, 960});
    // YUYV only at 640x480 is still good enough for a card held close: no JPEG decoding.
    CHECK(chooseCameraMode({{kFourccYuyv, {FrameSizes::discrete(640, 480)}}, {kFourccMjpeg, webcam}}) ==
          CameraMode{kFourccYuyv, 640, 480});
    // YUYV only at 320x240 while MJPEG goes to 1280x720: MJPEG.
    CHECK(chooseCameraMode({{kFourccYuyv, {FrameSizes::discrete(320, 240)}}, {kFourccMjpeg, webcam}}) ==
          CameraMode{kFourccMjpeg, 1280, 720});
    CHECK(chooseCameraMode({{kFourccJpeg, webcam}}) == CameraMode{kFourccJpeg, 1280, 720});
    // A stepwise range is snapped onto its steps.
    CHECK(chooseCameraMode({{kFourccYuyv, {{128, 1920, 16, 96, 1080, 16}}}}) == CameraMode{kFourccYuyv, 1280, 720});
    CHECK(chooseCameraMode({{kFourccYuyv, {{100, 1000, 300, 100, 1000, 300}}}}) == CameraMode{kFourccYuyv, 1000, 700});
    // Formats the kiosk cannot read (NV12, H.264): nothing.
    CHECK_FALSE(chooseCameraMode({{fourcc('N', 'V', '1', '2'), webcam}, {fourcc('H', '2', '6', '4'), webcam}}));
    CHECK_FALSE(chooseCameraMode({}));
    // The chooser's codes are the kernel's.
    CHECK(kFourccYuyv == V4L2_PIX_FMT_YUYV);
    CHECK(kFourccMjpeg == V4L2_PIX_FMT_MJPEG);
    CHECK(kFourccJpeg == V4L2_PIX_FMT_JPEG);
}

TEST_CASE("a 1280x720 YUYV frame with an ID card's QR code is read by the capture thread's decoder")
{
    const Image scene = greyScene(kPayload, 700, 180);
    const int stride = 1280 * 2 + 64;   // a driver that pads its lines
    const std::vector<uint8_t> frame = toYuyv(scene, stride);
    const FrameView view{{kFourccYuyv, 1280, 720}, frame.data(), frame.size(), stride};

    Image grey;
    REQUIRE(yuyvToGrey(view, grey));
    CHECK(grey.width == 1280);
    CHECK(grey.height == 720);
    CHECK(grey.channels == 1);
    CHECK(grey.pixels == scene.pixels);   // exactly the Y samples, U/V and padding ignored

    const std::vector<std::string> codes = decodeFrame(view);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0] == kPayload);

    // The same frame cut short (a truncated buffer) is refused, not read past its end.
    const FrameView cut{view.mode, frame.data(), frame.size() - 100, stride};
    CHECK_FALSE(yuyvToGrey(cut, grey));
    CHECK(decodeFrame(cut).empty());
    // A frame without a code decodes to nothing.
    Image plain = scene;
    std::fill(plain.pixels.begin(), plain.pixels.end(), uint8_t(128));
    const std::vector<uint8_t> empty = toYuyv(plain, 2560);
    CHECK(decodeFrame({{kFourccYuyv, 1280, 720}, empty.data(), empty.size(), 0}).empty());
}

TEST_CASE("an MJPEG frame without Huffman tables gets the standard ones and is read")
{
    const Image scene = greyScene(kPayload, 300, 200);
    const std::vector<uint8_t> jpeg = jpegOf(scene);
    const std::vector<uint8_t> bare = withoutHuffmanTables(jpeg);
    REQUIRE(bare.size() < jpeg.size());
    int w = 0, h = 0, n = 0;
    CHECK(stbi_load_from_memory(bare.data(), int(bare.size()), &w, &h, &n, 1) == nullptr);   // stb alone cannot

    const FrameView view{{kFourccMjpeg, 1280, 720}, bare.data(), bare.size(), 0};
    Image grey;
    REQUIRE(mjpegToGrey(view, grey));
    unsigned char* reference = stbi_load_from_memory(jpeg.data(), int(jpeg.size()), &w, &h, &n, 1);
    REQUIRE(reference);
    CHECK(grey.pixels == std::vector<uint8_t>(reference, reference + size_t(w) * h));   // the same picture
    stbi_image_free(reference);

    const std::vector<std::string> codes = decodeFrame(view);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0] == kPayload);
    // A JPEG with its own tables passes unchanged; bytes that are not a JPEG are refused.
    CHECK(withStandardHuffmanTables(jpeg.data(), jpeg.size()) == jpeg);
    const uint8_t junk[] = {1, 2, 3, 4, 5};
    CHECK(withStandardHuffmanTables(junk, sizeof junk).empty());
    CHECK(decodeFrame({{kFourccMjpeg, 1280, 720}, junk, sizeof junk, 0}).empty());
}

TEST_CASE("one read per card presentation: held still, missed by a decode or two, taken away and shown again")
{
    using Clock = PresentationFilter::Clock;
    PresentationFilter f({2, 1000ms});
    const Clock::time_point t0{};
    const std::vector<std::string> card{"THẺ-A"}, nothing{};

    CHECK(f.observe(card, t0) == card);                    // first sight: a read
    CHECK(f.observe(card, t0 + 250ms).empty());            // still held up
    CHECK(f.observe(nothing, t0 + 500ms).empty());         // one decode missed it (glare)
    CHECK(f.observe(card, t0 + 750ms).empty());            // ... it was still there
    CHECK(f.observe(nothing, t0 + 1000ms).empty());
    CHECK(f.observe(nothing, t0 + 1250ms).empty());        // two misses, but only 0.5 s: remembered
    CHECK(f.remembered() == 1);
    CHECK(f.observe(nothing, t0 + 2000ms).empty());        // gone for 1.25 s and 3 decodes: forgotten
    CHECK(f.remembered() == 0);
    CHECK(f.observe(card, t0 + 2250ms) == card);           // shown again: a new read

    // Time alone does not forget: one very slow decode later the card is still the same presentation.
    CHECK(f.observe(nothing, t0 + 9000ms).empty());
    CHECK(f.observe(card, t0 + 9250ms).empty());

    // Two cards, and a code found twice in one frame, each read once.
    CHECK(f.observe({"THẺ-B", "THẺ-B", "THẺ-A"}, t0 + 9500ms) == std::vector<std::string>{"THẺ-B"});
    f.reset();
    CHECK(f.remembered() == 0);
    CHECK(f.observe(card, t0 + 9750ms) == card);
}

TEST_CASE("opening a camera path that does not exist, a regular file or /dev/null gives a Vietnamese message")
{
    test::TempDir dir;
    const std::string missing = (dir / "video9").string();
    V4l2Camera none(missing);
    std::string error;
    CHECK_FALSE(none.start(error));
    CHECK(error.find("Không tìm thấy máy quay " + missing) == 0);
    CHECK(error.find("devices.camera") != std::string::npos);
    CHECK_FALSE(none.poll());
    CHECK_FALSE(none.mode());
    none.stop();   // harmless when never started
    CHECK(none.describe() == "máy quay " + missing);

    const std::string file = (dir / "not-a-camera").string();
    test::writeFile(file, "YUYV but not a device");
    V4l2Camera regular(file);
    error.clear();
    CHECK_FALSE(regular.start(error));
    CHECK(error.find(file + " không phải máy quay") == 0);
    CHECK(test::readFile(file) == "YUYV but not a device");   // opened read-write, nothing written

    V4l2Camera devNull("/dev/null");   // a character device, but not V4L2
    error.clear();
    CHECK_FALSE(devNull.start(error));
    CHECK(error.find("/dev/null không phải máy quay") == 0);
    error.clear();
    CHECK_FALSE(devNull.start(error));   // and again: start() may be retried
    CHECK_FALSE(error.empty());
}
