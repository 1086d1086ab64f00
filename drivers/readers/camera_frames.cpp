// Format choice, frame → grey (YUYV's Y plane, MJPEG via stb_image), QR decoding of a frame and the
// one-read-per-presentation filter: no device, no thread, tested with synthesised frames.
#include "drivers/readers/camera_frames.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include <algorithm>
#include <cstdlib>
#include <stb/stb_image.h>

namespace drivers {

namespace {

int snap(int want, int lo, int hi, int step)
{
    if (hi < lo) std::swap(lo, hi);
    const int clamped = std::clamp(want, lo, hi);
    if (step <= 1) return clamped;
    const int n = (clamped - lo + step / 2) / step;
    return std::min(lo + n * step, hi);
}

struct Candidate {
    int width = 0, height = 0;
    bool found = false;
};

// The offered size nearest to the wanted one, over every range the format lists.
Candidate nearestSize(const std::vector<FrameSizes>& sizes, int wantW, int wantH)
{
    Candidate best;
    long bestDistance = 0;
    for (const FrameSizes& s : sizes) {
        const int w = snap(wantW, s.minWidth, s.maxWidth, s.stepWidth);
        const int h = snap(wantH, s.minHeight, s.maxHeight, s.stepHeight);
        if (w <= 0 || h <= 0) continue;
        const long distance = std::labs(long(w) - wantW) + std::labs(long(h) - wantH);
        const bool larger = long(w) * h > long(best.width) * best.height;
        if (!best.found || distance < bestDistance || (distance == bestDistance && larger)) {
            best = {w, h, true};
            bestDistance = distance;
        }
    }
    return best;
}

// Annex K.3 of the JPEG standard: the tables a UVC camera's Motion-JPEG leaves implied.
constexpr uint8_t kDcLuminanceCounts[16] = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
constexpr uint8_t kDcChrominanceCounts[16] = {0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
constexpr uint8_t kDcValues[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
constexpr uint8_t kAcLuminanceCounts[16] = {0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d};
constexpr uint8_t kAcLuminanceValues[162] = {
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81,
    0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18,
    0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
    0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75,
    0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
    0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
    0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5,
    0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa};
constexpr uint8_t kAcChrominanceCounts[16] = {0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77};
constexpr uint8_t kAcChrominanceValues[162] = {
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08,
    0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25,
    0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47,
    0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74,
    0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97,
    0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba,
    0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4,
    0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa};

void appendTable(std::vector<uint8_t>& out, uint8_t classAndId, const uint8_t (&counts)[16], const uint8_t* values, size_t n)
{
    out.push_back(classAndId);
    out.insert(out.end(), counts, counts + 16);
    out.insert(out.end(), values, values + n);
}

std::vector<uint8_t> standardHuffmanSegment()
{
    std::vector<uint8_t> body;
    appendTable(body, 0x00, kDcLuminanceCounts, kDcValues, sizeof kDcValues);
    appendTable(body, 0x10, kAcLuminanceCounts, kAcLuminanceValues, sizeof kAcLuminanceValues);
    appendTable(body, 0x01, kDcChrominanceCounts, kDcValues, sizeof kDcValues);
    appendTable(body, 0x11, kAcChrominanceCounts, kAcChrominanceValues, sizeof kAcChrominanceValues);
    const size_t length = body.size() + 2;
    std::vector<uint8_t> segment = {0xFF, 0xC4, uint8_t(length >> 8), uint8_t(length & 0xFF)};
    segment.insert(segment.end(), body.begin(), body.end());
    return segment;
}

} // namespace

std::optional<CameraMode> chooseCameraMode(const std::vector<OfferedFormat>& offered, int wantWidth, int wantHeight)
{
    std::vector<FrameSizes> yuyv, jpeg;
    uint32_t jpegFourcc = 0;
    for (const OfferedFormat& f : offered) {
        if (f.fourcc == kFourccYuyv) yuyv.insert(yuyv.end(), f.sizes.begin(), f.sizes.end());
        if (f.fourcc == kFourccMjpeg || (f.fourcc == kFourccJpeg && jpegFourcc != kFourccMjpeg)) {
            if (jpegFourcc != f.fourcc) jpeg.clear();   // MJPEG wins over JPEG; never mix their sizes
            jpegFourcc = f.fourcc;
            jpeg.insert(jpeg.end(), f.sizes.begin(), f.sizes.end());
        }
    }
    const Candidate y = nearestSize(yuyv, wantWidth, wantHeight);
    const Candidate j = nearestSize(jpeg, wantWidth, wantHeight);
    if (y.found) {
        const bool yuyvGoodEnough = y.width >= 640 && y.height >= 480;
        const bool jpegLarger = j.found && long(j.width) * j.height > long(y.width) * y.height;
        if (yuyvGoodEnough || !jpegLarger) return CameraMode{kFourccYuyv, y.width, y.height};
    }
    if (j.found) return CameraMode{jpegFourcc, j.width, j.height};
    return std::nullopt;
}

bool yuyvToGrey(const FrameView& frame, Image& grey)
{
    const int w = frame.mode.width, h = frame.mode.height;
    if (w <= 0 || h <= 0 || !frame.data) return false;
    const size_t stride = frame.bytesPerLine > 0 ? size_t(frame.bytesPerLine) : size_t(w) * 2;
    if (stride < size_t(w) * 2 || frame.size < stride * (h - 1) + size_t(w) * 2) return false;
    grey.width = w;
    grey.height = h;
    grey.channels = 1;
    grey.pixels.resize(size_t(w) * h);
    // Y0 U Y1 V: every even byte is a luma sample, which is all a QR decoder needs.
    for (int y = 0; y < h; ++y) {
        const uint8_t* line = frame.data + stride * y;
        uint8_t* out = grey.pixels.data() + size_t(w) * y;
        for (int x = 0; x < w; ++x) out[x] = line[2 * x];
    }
    return true;
}

std::vector<uint8_t> withStandardHuffmanTables(const uint8_t* data, size_t size)
{
    if (!data || size < 4 || data[0] != 0xFF || data[1] != 0xD8) return {};
    std::vector<uint8_t> out(data, data + size);
    size_t pos = 2;
    while (pos + 4 <= size) {
        if (data[pos] != 0xFF) return out;   // not a marker where one belongs: leave it to the decoder
        const uint8_t marker = data[pos + 1];
        if (marker == 0xFF) { ++pos; continue; }   // fill byte
        if (marker == 0xC4) return out;             // it has its own tables
        if (marker == 0xDA) {
            const std::vector<uint8_t> dht = standardHuffmanSegment();
            out.insert(out.begin() + std::ptrdiff_t(pos), dht.begin(), dht.end());
            return out;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { pos += 2; continue; }   // no length
        pos += 2 + (size_t(data[pos + 2]) << 8 | data[pos + 3]);
    }
    return out;
}

bool mjpegToGrey(const FrameView& frame, Image& grey)
{
    const std::vector<uint8_t> jpeg = withStandardHuffmanTables(frame.data, frame.size);
    if (jpeg.empty()) return false;
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load_from_memory(jpeg.data(), int(jpeg.size()), &w, &h, &n, 1);
    if (!pixels) return false;
    grey.width = w;
    grey.height = h;
    grey.channels = 1;
    grey.pixels.assign(pixels, pixels + size_t(w) * h);
    stbi_image_free(pixels);
    return true;
}

bool frameToGrey(const FrameView& frame, Image& grey)
{
    if (frame.mode.fourcc == kFourccYuyv) return yuyvToGrey(frame, grey);
    if (frame.mode.fourcc == kFourccMjpeg || frame.mode.fourcc == kFourccJpeg) return mjpegToGrey(frame, grey);
    return false;
}

std::vector<std::string> decodeFrame(const FrameView& frame)
{
    Image grey;
    if (!frameToGrey(frame, grey)) return {};
    return decodeQrCodes(grey);
}

std::vector<std::string> PresentationFilter::observe(const std::vector<std::string>& seen, Clock::time_point now)
{
    std::vector<std::string> fresh;
    std::vector<bool> seenNow(m_present.size(), false);
    for (const std::string& payload : seen) {
        auto it = std::find_if(m_present.begin(), m_present.end(), [&](const Present& p) { return p.payload == payload; });
        if (it == m_present.end()) {
            m_present.push_back({payload, now, 0});
            seenNow.push_back(true);
            fresh.push_back(payload);
        } else {
            it->lastSeen = now;
            it->misses = 0;
            seenNow[size_t(it - m_present.begin())] = true;
        }
    }
    for (size_t i = 0; i < m_present.size(); ++i)
        if (!seenNow[i]) ++m_present[i].misses;
    std::erase_if(m_present, [&](const Present& p) {
        return p.misses >= m_policy.missesToForget && now - p.lastSeen >= m_policy.forgetAfter;
    });
    return fresh;
}

} // namespace drivers
