// The readers' shared plumbing: queue, wake-up eventfd, poll(2) wait, opening a device node with
// messages staff can act on, and splitting a scanner's stream into payloads.
#include "drivers/readers/reader_support.hpp"
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace drivers {

void ReadQueue::push(kiosk::CodeRead read)
{
    std::lock_guard lock(m_mutex);
    // A UI that stopped polling (screen left without stop()) must not let the queue grow forever.
    if (m_reads.size() >= 64) m_reads.pop_front();
    m_reads.push_back(std::move(read));
}

std::optional<kiosk::CodeRead> ReadQueue::pop()
{
    std::lock_guard lock(m_mutex);
    if (m_reads.empty()) return std::nullopt;
    kiosk::CodeRead r = std::move(m_reads.front());
    m_reads.pop_front();
    return r;
}

void ReadQueue::clear()
{
    std::lock_guard lock(m_mutex);
    m_reads.clear();
}

WakeFd::WakeFd() : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

WakeFd::~WakeFd()
{
    if (m_fd >= 0) ::close(m_fd);
}

void WakeFd::raise()
{
    const uint64_t one = 1;
    if (m_fd >= 0) [[maybe_unused]] ssize_t n = ::write(m_fd, &one, sizeof one);
}

void WakeFd::reset()
{
    uint64_t value = 0;
    if (m_fd >= 0) [[maybe_unused]] ssize_t n = ::read(m_fd, &value, sizeof value);
}

Wait waitForInput(int fd, const WakeFd& wake, int timeoutMs)
{
    pollfd fds[2] = {{fd, POLLIN, 0}, {wake.fd(), POLLIN, 0}};
    for (;;) {
        const int n = ::poll(fds, 2, timeoutMs);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Wait::Hangup;
        if (n == 0) return Wait::Timeout;
        if (fds[1].revents & POLLIN) return Wait::Stop;
        // Data still buffered is read first: a scanner's last payload arrives just before it is unplugged.
        if (fds[0].revents & POLLIN) return Wait::Readable;
        return Wait::Hangup;
    }
}

int openDevice(const std::string& path, int flags, const std::string& what, const std::string& configKey, std::string& error)
{
    int fd = -1;
    do fd = ::open(path.c_str(), flags | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd >= 0) return fd;
    const int err = errno;
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        error = "Không tìm thấy " + what + " " + path + ". Kiểm tra dây cắm USB rồi thử lại; nếu vẫn không được, "
                "kiểm tra khoá " + configKey + " trong tệp cấu hình.";
        break;
    case EBUSY:
        error = "Có chương trình khác đang dùng " + what + " " + path + ". Đóng chương trình đó (hoặc khởi động lại "
                "ki-ốt) rồi thử lại.";
        break;
    case EACCES:
    case EPERM:
        error = "Ki-ốt không có quyền mở " + what + " " + path + ". Nhờ kỹ thuật viên cấp quyền (nhóm video, input "
                "hoặc dialout) cho người dùng chạy ki-ốt.";
        break;
    default:
        error = "Không mở được " + what + " " + path + " (mã lỗi " + std::to_string(err) + "). Rút ra cắm lại rồi thử lại.";
        break;
    }
    return -1;
}

bool isCharDevice(int fd)
{
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISCHR(st.st_mode);
}

std::vector<kiosk::CodeRead> LineFramer::feed(std::string_view bytes)
{
    std::vector<kiosk::CodeRead> out;
    for (char c : bytes) {
        if (c == '\r' || c == '\n') {
            if (!m_discarding && !m_line.empty()) out.push_back(kiosk::CodeRead{std::move(m_line), {}});
            m_line.clear();
            m_discarding = false;
            continue;
        }
        if (m_discarding) continue;
        m_line += c;
        if (m_line.size() > kMaxPayloadBytes) {
            out.push_back(kiosk::CodeRead{{}, m_overflowMessage});
            m_line.clear();
            m_line.shrink_to_fit();
            m_discarding = true;
        }
    }
    return out;
}

void LineFramer::reset()
{
    m_line.clear();
    m_discarding = false;
}

void LineFramer::dropCurrent()
{
    m_line.clear();
    m_discarding = true;
}

void readScannerUntilGone(int fd, const WakeFd& wake, std::span<uint8_t> buffer, ReadQueue& queue, const std::string& path,
                          const std::string& description, const std::function<void(std::span<const uint8_t>)>& onBytes)
{
    for (;;) {
        const Wait w = waitForInput(fd, wake, -1);
        if (w == Wait::Stop) return;
        ssize_t n = -1;
        if (w == Wait::Readable) {
            n = ::read(fd, buffer.data(), buffer.size());
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        }
        if (n <= 0) {
            queue.pushError("Máy quét mã " + path + " vừa bị rút ra hoặc mất kết nối. Cắm lại máy quét rồi mở lại màn hình quét thẻ.");
            spdlog::warn("{}: mất kết nối", description);
            return;
        }
        onBytes(buffer.first(size_t(n)));
    }
}

} // namespace drivers
