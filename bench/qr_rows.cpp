// QR decoding per 1280x720 camera frame, with an ID card's code in it and without: the camera
// path's own function (drivers::decodeFrame on a YUYV frame: grey plane, then ZXing, QR only).
#include "bench/bench.hpp"
#include "drivers/readers/camera_frames.hpp"
#include "kiosk/common/qr.hpp"
#include <algorithm>
#include <random>

namespace bench {

namespace {

constexpr int kW = 1280, kH = 720;
const char* kCard = "038190001234|123456789|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";

// A desk seen by a webcam: a gradient, two darker objects, sensor noise, a slightly soft lens.
std::vector<uint8_t> deskFrame(bool withCode)
{
    std::vector<uint8_t> grey(size_t(kW) * kH);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            int v = 110 + 50 * x / kW + 20 * y / kH;
            if (x > kW / 12 && x < kW / 4 && y > kH / 2 && y < kH * 7 / 8) v -= 60;
            if (x > kW * 3 / 4 && x < kW * 11 / 12 && y > kH / 10 && y < kH / 3) v -= 40;
            grey[size_t(y) * kW + x] = uint8_t(v);
        }
    if (withCode) {
        int side = 0;
        auto qr = kiosk::encodeQr(kCard);
        std::vector<uint8_t> code = kiosk::rasterizeQr(*qr, 5, 4, side);   // 5 px a module: a card held near
        const int ox = (kW - side) / 2 + 90, oy = (kH - side) / 2;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) grey[size_t(oy + y) * kW + ox + x] = code[size_t(y) * side + x] ? 215 : 35;
    }
    std::vector<uint8_t> soft(grey.size());
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 4);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            int sum = 0, n = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    int yy = std::clamp(y + dy, 0, kH - 1), xx = std::clamp(x + dx, 0, kW - 1);
                    sum += grey[size_t(yy) * kW + xx];
                    ++n;
                }
            soft[size_t(y) * kW + x] = uint8_t(std::clamp(sum / n + int(noise(rng)), 0, 255));
        }
    // YUYV as a UVC camera sends it: Y0 U Y1 V, chroma neutral.
    std::vector<uint8_t> yuyv(size_t(kW) * kH * 2);
    for (size_t i = 0; i < soft.size(); ++i) {
        yuyv[i * 2] = soft[i];
        yuyv[i * 2 + 1] = 128;
    }
    return yuyv;
}

struct Timing {
    std::vector<double> ms;
    bool found = false;
};

Timing decodeMany(const std::vector<uint8_t>& frame, int times)
{
    drivers::FrameView v;
    v.mode = {drivers::kFourccYuyv, kW, kH};
    v.data = frame.data();
    v.size = frame.size();
    Timing t;
    for (int i = 0; i < times; ++i) {
        const double t0 = nowMs();
        std::vector<std::string> codes = drivers::decodeFrame(v);
        t.ms.push_back(nowMs() - t0);
        t.found = !codes.empty() && codes.front() == kCard;
        if (i == 0 && !codes.empty() && codes.front() != kCard) t.found = false;
    }
    return t;
}

Row decodeRow(const Options& o, const std::string& id, const std::string& what, double limit, const Timing& t, bool expectCode)
{
    Row row;
    row.id = id;
    row.what = what;
    row.target = "≤ " + std::to_string(int(limit)) + " ms";
    const double p50 = percentile(t.ms, 50), p99 = percentile(t.ms, 99);
    row.measured = "p50 " + fmtMs(p50) + ", p99 " + fmtMs(p99);
    row.met = p50 <= limit && t.found == expectCode;
    row.quick = o.quick;
    row.note = std::to_string(t.ms.size()) + " decodes of one synthetic YUYV frame (drivers::decodeFrame, ZXing 1.4 QR only); " +
               (expectCode ? (t.found ? "the card's payload read back" : "THE CODE WAS NOT READ") : (t.found ? "A CODE WAS READ" : "nothing read"));
    row.values = {{"p50_ms", p50}, {"p99_ms", p99}, {"found", t.found}};
    return row;
}

} // namespace

void qrRows(const Options& o, Results& r)
{
    if (!o.wants("qr")) return;
    const int times = o.quick ? 30 : 200;
    const Timing with = decodeMany(deskFrame(true), times);
    r.add(decodeRow(o, "qr_with_code", "QR decode, 1280x720 frame with an ID card's code", 10, with, true));
    const Timing without = decodeMany(deskFrame(false), times);
    r.add(decodeRow(o, "qr_without_code", "QR decode, 1280x720 frame without a code", 5, without, false));
}

} // namespace bench
