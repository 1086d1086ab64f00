// The V4L2 camera: node checks, YUYV (else MJPEG) near 1280x720, mmap streaming, a capture thread
// that only dequeues, a decode thread for a few frames a second. Not run on hardware: see README.
//
// [messages] the Vietnamese errors   [lifecycle] start, stop, poll   [open] node checks, format
// negotiation, mmap buffers   [capture] the dequeue thread   [decode] the decode thread
#include "drivers/readers/v4l2_camera.hpp"
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace drivers {

namespace {

// [messages]
int xioctl(int fd, unsigned long request, void* arg)
{
    int r = -1;
    do r = ::ioctl(fd, request, arg);
    while (r < 0 && errno == EINTR);
    return r;
}

std::string fourccName(uint32_t f)
{
    std::string s;
    for (int i = 0; i < 4; ++i) s += char((f >> (8 * i)) & 0xFF);
    return s;
}

std::string notCaptureMessage(const std::string& path)
{
    return path + " không phải máy quay (không ghi hình được). Kiểm tra khoá devices.camera trong tệp cấu hình: "
                  "máy quay USB thường là /dev/video0.";
}

std::string busyMessage(const std::string& path)
{
    return "Có chương trình khác đang dùng máy quay " + path + ". Đóng chương trình đó (hoặc khởi động lại ki-ốt) rồi thử lại.";
}

std::string noFormatMessage(const std::string& path)
{
    return "Máy quay " + path + " không gửi hình theo kiểu ki-ốt đọc được (YUYV hoặc MJPEG). Hãy dùng một máy quay USB "
           "thông dụng (chuẩn UVC).";
}

std::string unpluggedMessage(const std::string& path)
{
    return "Máy quay " + path + " vừa bị rút ra hoặc mất kết nối. Cắm lại máy quay rồi mở lại màn hình quét thẻ.";
}

} // namespace

// [lifecycle]
V4l2Camera::V4l2Camera(std::string path, CameraOptions options) : m_path(std::move(path)), m_options(options) {}

V4l2Camera::~V4l2Camera() { stop(); }

std::string V4l2Camera::describe() const { return "máy quay " + m_path; }

std::optional<CameraMode> V4l2Camera::mode() const
{
    std::lock_guard lock(m_mutex);
    if (!m_running) return std::nullopt;
    return m_mode;
}

std::optional<kiosk::CodeRead> V4l2Camera::poll() { return m_queue.pop(); }

bool V4l2Camera::start(std::string& error)
{
    if (m_running) return true;
    m_queue.clear();
    m_wake.reset();
    if (!openDevice(error) || !negotiate(error) || !mapBuffers(error)) {
        closeDevice();
        spdlog::warn("{}: {}", describe(), error);
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_hasPending = false;
        m_decoding = false;
        m_nextDecode = {};
        m_running = true;
    }
    spdlog::info("{}: {} {}x{}", describe(), fourccName(m_mode.fourcc), m_mode.width, m_mode.height);
    m_decoder = std::thread([this] { decodeLoop(); });
    m_capture = std::thread([this] { captureLoop(); });
    return true;
}

void V4l2Camera::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running) return;
        m_stopping = true;
    }
    m_frameReady.notify_all();
    m_wake.raise();
    if (m_capture.joinable()) m_capture.join();
    if (m_decoder.joinable()) m_decoder.join();
    closeDevice();
    std::lock_guard lock(m_mutex);
    std::fill(m_pending.begin(), m_pending.end(), uint8_t(0));
    m_pending = {};
    m_running = false;
}

// [open]
bool V4l2Camera::openDevice(std::string& error)
{
    m_fd = drivers::openDevice(m_path, O_RDWR | O_NONBLOCK, "máy quay", "devices.camera", error);
    if (m_fd < 0) return false;
    v4l2_capability cap{};
    if (!isCharDevice(m_fd) || xioctl(m_fd, VIDIOC_QUERYCAP, &cap) < 0) {
        error = notCaptureMessage(m_path);
        return false;
    }
    // A UVC camera has two nodes; the second (metadata) one lists the card's caps in
    // `capabilities` but not in `device_caps`, which describe this node.
    const uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    if (!(caps & V4L2_CAP_VIDEO_CAPTURE) || !(caps & V4L2_CAP_STREAMING)) {
        error = notCaptureMessage(m_path);
        return false;
    }
    return true;
}

bool V4l2Camera::negotiate(std::string& error)
{
    std::vector<OfferedFormat> offered;
    v4l2_fmtdesc desc{};
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (desc.index = 0; xioctl(m_fd, VIDIOC_ENUM_FMT, &desc) == 0; ++desc.index) {
        if (desc.pixelformat != V4L2_PIX_FMT_YUYV && desc.pixelformat != V4L2_PIX_FMT_MJPEG && desc.pixelformat != V4L2_PIX_FMT_JPEG)
            continue;
        OfferedFormat f{desc.pixelformat, {}};
        v4l2_frmsizeenum size{};
        size.pixel_format = desc.pixelformat;
        for (size.index = 0; xioctl(m_fd, VIDIOC_ENUM_FRAMESIZES, &size) == 0; ++size.index) {
            if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
                f.sizes.push_back(FrameSizes::discrete(int(size.discrete.width), int(size.discrete.height)));
                continue;
            }
            const v4l2_frmsize_stepwise& s = size.stepwise;   // stepwise or continuous: one range, index 0 only
            f.sizes.push_back({int(s.min_width), int(s.max_width), int(std::max(1u, s.step_width)), int(s.min_height),
                               int(s.max_height), int(std::max(1u, s.step_height))});
            break;
        }
        // A driver without ENUM_FRAMESIZES: ask for the wanted size and let S_FMT adjust it.
        if (f.sizes.empty()) f.sizes.push_back(FrameSizes::discrete(m_options.width, m_options.height));
        offered.push_back(std::move(f));
    }
    const std::optional<CameraMode> choice = chooseCameraMode(offered, m_options.width, m_options.height);
    if (!choice) {
        error = noFormatMessage(m_path);
        return false;
    }
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = uint32_t(choice->width);
    fmt.fmt.pix.height = uint32_t(choice->height);
    fmt.fmt.pix.pixelformat = choice->fourcc;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(m_fd, VIDIOC_S_FMT, &fmt) < 0) {
        error = errno == EBUSY ? busyMessage(m_path) : noFormatMessage(m_path);
        return false;
    }
    // The driver may adjust what was asked; only what it settled on counts.
    const uint32_t got = fmt.fmt.pix.pixelformat;
    if ((got != V4L2_PIX_FMT_YUYV && got != V4L2_PIX_FMT_MJPEG && got != V4L2_PIX_FMT_JPEG) || fmt.fmt.pix.width == 0 ||
        fmt.fmt.pix.height == 0) {
        error = noFormatMessage(m_path);
        return false;
    }
    m_mode = {got, int(fmt.fmt.pix.width), int(fmt.fmt.pix.height)};
    m_bytesPerLine = got == V4L2_PIX_FMT_YUYV ? int(fmt.fmt.pix.bytesperline) : 0;
    return true;
}

bool V4l2Camera::mapBuffers(std::string& error)
{
    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(m_fd, VIDIOC_REQBUFS, &req) < 0) {
        error = errno == EBUSY ? busyMessage(m_path) : notCaptureMessage(m_path);
        return false;
    }
    if (req.count < 2) {
        error = "Máy quay " + m_path + " không cấp đủ bộ nhớ đệm để ghi hình. Rút ra cắm lại rồi thử lại.";
        return false;
    }
    for (uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer b{};
        b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b.memory = V4L2_MEMORY_MMAP;
        b.index = i;
        if (xioctl(m_fd, VIDIOC_QUERYBUF, &b) < 0) {
            error = "Máy quay " + m_path + " không cho đọc bộ nhớ đệm (mã lỗi " + std::to_string(errno) + "). Rút ra cắm lại rồi thử lại.";
            return false;
        }
        void* p = ::mmap(nullptr, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, b.m.offset);
        if (p == MAP_FAILED) {
            error = "Máy quay " + m_path + " không cho đọc bộ nhớ đệm (mã lỗi " + std::to_string(errno) + "). Rút ra cắm lại rồi thử lại.";
            return false;
        }
        m_buffers.push_back({p, b.length});
        if (xioctl(m_fd, VIDIOC_QBUF, &b) < 0) {
            error = "Máy quay " + m_path + " không nhận bộ nhớ đệm (mã lỗi " + std::to_string(errno) + "). Rút ra cắm lại rồi thử lại.";
            return false;
        }
    }
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(m_fd, VIDIOC_STREAMON, &type) < 0) {
        if (errno == EBUSY) error = busyMessage(m_path);
        else if (errno == ENOSPC)   // uvcvideo: the USB bus has no isochronous bandwidth left
            error = "Cổng USB không đủ băng thông cho máy quay " + m_path + ". Cắm máy quay vào một cổng USB khác "
                    "(không qua bộ chia) rồi thử lại.";
        else
            error = "Máy quay " + m_path + " không bắt đầu ghi hình được (mã lỗi " + std::to_string(errno) + "). Rút ra cắm lại rồi thử lại.";
        return false;
    }
    m_streaming = true;
    return true;
}

void V4l2Camera::closeDevice()
{
    if (m_fd >= 0 && m_streaming) {
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        xioctl(m_fd, VIDIOC_STREAMOFF, &type);
    }
    m_streaming = false;
    for (const Buffer& b : m_buffers) ::munmap(b.start, b.length);
    if (m_fd >= 0 && !m_buffers.empty()) {
        v4l2_requestbuffers req{};   // count 0 frees the driver's buffers for the next opener
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        xioctl(m_fd, VIDIOC_REQBUFS, &req);
    }
    m_buffers.clear();
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

// [capture]
void V4l2Camera::captureLoop()
{
    int failures = 0;
    bool warnedSilent = false;
    for (;;) {
        const Wait w = waitForInput(m_fd, m_wake, 2000);
        if (w == Wait::Stop) return;
        if (w == Wait::Timeout) {
            if (!warnedSilent) spdlog::warn("{}: không nhận được hình nào trong 2 giây", describe());
            warnedSilent = true;
            continue;
        }
        v4l2_buffer b{};
        b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b.memory = V4L2_MEMORY_MMAP;
        const bool dequeued = w == Wait::Readable && xioctl(m_fd, VIDIOC_DQBUF, &b) == 0;
        if (!dequeued) {
            if (w == Wait::Readable && errno == EAGAIN) continue;
            // ENODEV (or POLLERR) is the cable; EIO can be a passing glitch, so a few are tolerated.
            if (w == Wait::Readable && errno == EIO && ++failures < 5) continue;
            m_queue.pushError(unpluggedMessage(m_path));
            spdlog::warn("{}: mất kết nối khi đang ghi hình", describe());
            return;
        }
        failures = 0;
        warnedSilent = false;
        if (!(b.flags & V4L2_BUF_FLAG_ERROR) && b.index < m_buffers.size()) {
            const Buffer& buf = m_buffers[b.index];
            const size_t used = b.bytesused > 0 ? std::min<size_t>(b.bytesused, buf.length) : buf.length;
            offerFrame(static_cast<const uint8_t*>(buf.start), used);
        }
        if (xioctl(m_fd, VIDIOC_QBUF, &b) < 0 && errno == ENODEV) {
            m_queue.pushError(unpluggedMessage(m_path));
            spdlog::warn("{}: mất kết nối khi đang ghi hình", describe());
            return;
        }
    }
}

void V4l2Camera::offerFrame(const uint8_t* data, size_t size)
{
    {
        std::lock_guard lock(m_mutex);
        // Skipped while a decode runs or too soon after the last one started: the camera keeps its
        // frame rate, the CPU does not follow it.
        if (m_decoding || m_hasPending || std::chrono::steady_clock::now() < m_nextDecode) return;
        m_pending.assign(data, data + size);
        m_hasPending = true;
    }
    m_frameReady.notify_one();
}

// [decode]
void V4l2Camera::decodeLoop()
{
    // Lives as long as one start(): the payloads it remembers go with it.
    PresentationFilter filter(m_options.presentation);
    const auto interval = std::chrono::milliseconds(1000 / std::max(1, m_options.decodesPerSecond));
    std::vector<uint8_t> frame;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_frameReady.wait(lock, [&] { return m_stopping || m_hasPending; });
        if (m_stopping) break;
        m_hasPending = false;
        m_decoding = true;
        m_nextDecode = std::chrono::steady_clock::now() + interval;
        frame.swap(m_pending);
        const FrameView view{m_mode, frame.data(), frame.size(), m_bytesPerLine};
        lock.unlock();

        const std::vector<std::string> codes = decodeFrame(view);
        for (std::string& payload : filter.observe(codes, std::chrono::steady_clock::now()))
            m_queue.push(kiosk::CodeRead{std::move(payload), {}});
        // The card's picture does not linger in memory between decodes.
        std::fill(frame.begin(), frame.end(), uint8_t(0));

        lock.lock();
        frame.swap(m_pending);   // keeps the allocation for the next frame
        m_decoding = false;
    }
    filter.reset();
}

} // namespace drivers
