// The camera's pure parts, testable without a device: which format and size to ask for, a frame
// turned grey and decoded, and when a code seen again counts as a new read.
#pragma once
#include "drivers/display/png_image.hpp"
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drivers {

// FourCC codes as in linux/videodev2.h (kept here so tests and the chooser need no kernel header).
constexpr uint32_t fourcc(char a, char b, char c, char d)
{
    return uint32_t(uint8_t(a)) | uint32_t(uint8_t(b)) << 8 | uint32_t(uint8_t(c)) << 16 | uint32_t(uint8_t(d)) << 24;
}
constexpr uint32_t kFourccYuyv = fourcc('Y', 'U', 'Y', 'V');
constexpr uint32_t kFourccMjpeg = fourcc('M', 'J', 'P', 'G');
constexpr uint32_t kFourccJpeg = fourcc('J', 'P', 'E', 'G');

// The sizes a camera offers one format at (VIDIOC_ENUM_FRAMESIZES): a discrete size has
// min == max; a stepwise or continuous range has a step (1 when continuous).
struct FrameSizes {
    int minWidth = 0, maxWidth = 0, stepWidth = 1;
    int minHeight = 0, maxHeight = 0, stepHeight = 1;
    static FrameSizes discrete(int w, int h) { return {w, w, 1, h, h, 1}; }
};

struct OfferedFormat {
    uint32_t fourcc = 0;
    std::vector<FrameSizes> sizes;
};

struct CameraMode {
    uint32_t fourcc = 0;
    int width = 0;
    int height = 0;
    bool operator==(const CameraMode&) const = default;
};

// YUYV is preferred: its Y plane is the grey picture, no decoding at all. MJPEG (or JPEG) is the
// fallback when YUYV is missing or only offered below 640x480 while MJPEG goes higher. Within a
// format, the size nearest to the wanted one (|Δw| + |Δh|; a tie goes to the larger). nullopt when
// neither format is offered.
std::optional<CameraMode> chooseCameraMode(const std::vector<OfferedFormat>& offered, int wantWidth = 1280, int wantHeight = 720);

// One captured frame as the driver holds it: the negotiated mode, its bytes and the stride of a
// YUYV line (a driver may pad lines; 0 means width * 2).
struct FrameView {
    CameraMode mode;
    const uint8_t* data = nullptr;
    size_t size = 0;
    int bytesPerLine = 0;
};

bool yuyvToGrey(const FrameView& frame, Image& grey);    // the Y samples; false when the frame is short
bool mjpegToGrey(const FrameView& frame, Image& grey);   // stb_image; adds the Huffman tables UVC omits
bool frameToGrey(const FrameView& frame, Image& grey);

// What the capture thread's decoder runs on each frame it takes: grey, then QR codes (ZXing, QR
// only). Empty when the frame holds no code or cannot be read.
std::vector<std::string> decodeFrame(const FrameView& frame);

// Motion-JPEG frames from UVC cameras usually carry no Huffman tables (DHT): the standard ones of
// JPEG Annex K are implied. Returns the JPEG with them inserted before the scan, or unchanged when
// it has its own. Empty when the bytes are not a JPEG.
std::vector<uint8_t> withStandardHuffmanTables(const uint8_t* data, size_t size);

// One read per card presentation. A payload is delivered the first time a decode sees it and not
// again while it keeps being seen. It is forgotten — so showing the card again is a new read —
// once it has been missing from `missesToForget` decodes in a row AND for `forgetAfter`: a decode
// can miss a card that is still there (glare, a shaking hand), and time alone could forget a card
// during one slow decode. Payloads are held in memory only, and dropped by reset().
class PresentationFilter {
public:
    struct Policy {
        int missesToForget = 2;
        std::chrono::milliseconds forgetAfter{1000};
    };
    using Clock = std::chrono::steady_clock;

    PresentationFilter() = default;
    explicit PresentationFilter(Policy policy) : m_policy(policy) {}

    // The payloads one decode found, at `now`; returns those that are new reads, in order.
    std::vector<std::string> observe(const std::vector<std::string>& seen, Clock::time_point now);
    void reset() { m_present.clear(); }
    size_t remembered() const { return m_present.size(); }

private:
    struct Present {
        std::string payload;
        Clock::time_point lastSeen;
        int misses = 0;
    };
    Policy m_policy;
    std::vector<Present> m_present;
};

} // namespace drivers
