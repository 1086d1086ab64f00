// A CodeReader over a V4L2 camera (/dev/videoN): mmap streaming, QR codes decoded on a thread of
// their own, one read per card presentation. No frame is ever kept or written.
#pragma once
#include "drivers/readers/camera_frames.hpp"
#include "drivers/readers/reader_support.hpp"
#include "kiosk/ports/code_reader.hpp"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace drivers {

struct CameraOptions {
    int width = 1280;                 // asked for; the camera's nearest size is used
    int height = 720;
    int decodesPerSecond = 4;         // at most; frames in between are skipped (a cheap box stays cool)
    PresentationFilter::Policy presentation{};
};

class V4l2Camera final : public kiosk::CodeReader {
public:
    explicit V4l2Camera(std::string path, CameraOptions options = {});
    ~V4l2Camera() override;
    V4l2Camera(const V4l2Camera&) = delete;
    V4l2Camera& operator=(const V4l2Camera&) = delete;

    // Opens and starts streaming. False with a Vietnamese message: no such device, busy, not a
    // capture device, no usable format, not enough USB bandwidth.
    bool start(std::string& error) override;
    void stop() override;
    std::optional<kiosk::CodeRead> poll() override;
    std::string describe() const override;

    std::optional<CameraMode> mode() const;   // what was negotiated, while started

private:
    struct Buffer {
        void* start = nullptr;
        size_t length = 0;
    };

    bool openDevice(std::string& error);
    bool negotiate(std::string& error);
    bool mapBuffers(std::string& error);
    void closeDevice();
    void captureLoop();
    void decodeLoop();
    void offerFrame(const uint8_t* data, size_t size);

    const std::string m_path;
    const CameraOptions m_options;
    int m_fd = -1;
    CameraMode m_mode;
    int m_bytesPerLine = 0;
    std::vector<Buffer> m_buffers;
    bool m_streaming = false;

    ReadQueue m_queue;
    WakeFd m_wake;
    std::thread m_capture;
    std::thread m_decoder;

    // The hand-over between the capture and decode threads: one frame at most, copied out of the
    // driver's buffer so the buffer goes straight back to the camera.
    mutable std::mutex m_mutex;
    std::condition_variable m_frameReady;
    std::vector<uint8_t> m_pending;
    bool m_hasPending = false;
    bool m_decoding = false;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_nextDecode{};
    bool m_running = false;
};

} // namespace drivers
