// The serial scanner: termios raw mode, an exclusive open, and a thread that frames lines.
#include "drivers/readers/serial_scanner.hpp"
#include <cerrno>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace drivers {

namespace {

std::optional<speed_t> baudConstant(int baud)
{
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    default: return std::nullopt;
    }
}

} // namespace

SerialScanner::SerialScanner(std::string path, int baud) : m_path(std::move(path)), m_baud(baud) {}

SerialScanner::~SerialScanner() { stop(); }

std::string SerialScanner::describe() const { return "máy quét mã nối tiếp " + m_path + " (" + std::to_string(m_baud) + " baud)"; }

std::optional<kiosk::CodeRead> SerialScanner::poll() { return m_queue.pop(); }

bool SerialScanner::start(std::string& error)
{
    if (m_running) return true;
    m_queue.clear();
    m_wake.reset();
    const std::optional<speed_t> speed = baudConstant(m_baud);
    if (!speed) {
        error = "Tốc độ " + std::to_string(m_baud) + " baud của máy quét mã " + m_path + " không được hỗ trợ. Sửa khoá "
                "devices.serial_baud (thường là 9600 hoặc 115200).";
        return false;
    }
    // O_NOCTTY: a scanner must never become the kiosk's controlling terminal.
    m_fd = openDevice(m_path, O_RDWR | O_NOCTTY | O_NONBLOCK, "máy quét mã", "devices.serial_scanner", error);
    if (m_fd < 0) {
        spdlog::warn("{}: {}", describe(), error);
        return false;
    }
    termios tio{};
    if (::tcgetattr(m_fd, &tio) < 0) {
        error = m_path + " không phải cổng nối tiếp. Khoá devices.serial_scanner cần một đường dẫn như /dev/ttyACM0 "
                         "hoặc /dev/ttyUSB0.";
    } else if (::ioctl(m_fd, TIOCEXCL) < 0) {
        // Without exclusivity another program (ModemManager probing a ttyACM) could eat the bytes.
        error = "Có chương trình khác đang dùng máy quét mã " + m_path + ". Đóng chương trình đó (hoặc khởi động lại "
                "ki-ốt) rồi thử lại.";
    } else {
        ::cfmakeraw(&tio);   // no echo, no CR→LF translation, no line buffering: bytes as sent
        tio.c_cflag |= CLOCAL | CREAD;
        tio.c_cflag &= ~(CSTOPB | PARENB | CRTSCTS);
        tio.c_cc[VMIN] = 1;
        tio.c_cc[VTIME] = 0;
        ::cfsetispeed(&tio, *speed);
        ::cfsetospeed(&tio, *speed);
        if (::tcsetattr(m_fd, TCSANOW, &tio) < 0)
            error = "Không đặt được tốc độ " + std::to_string(m_baud) + " baud cho máy quét mã " + m_path + " (mã lỗi " +
                    std::to_string(errno) + "). Rút ra cắm lại rồi thử lại.";
    }
    if (!error.empty()) {
        ::close(m_fd);
        m_fd = -1;
        spdlog::warn("{}: {}", describe(), error);
        return false;
    }
    ::tcflush(m_fd, TCIFLUSH);   // a code scanned while no screen was listening is not this read
    m_running = true;
    m_thread = std::thread([this] { readLoop(); });
    return true;
}

void SerialScanner::stop()
{
    if (!m_running) return;
    m_wake.raise();
    if (m_thread.joinable()) m_thread.join();
    ::close(m_fd);
    m_fd = -1;
    m_running = false;
}

void SerialScanner::readLoop()
{
    LineFramer framer("Máy quét mã " + m_path + " gửi hơn 2 KiB mà không có ký tự kết thúc (CR hoặc LF) nên mã bị bỏ. "
                      "Cài đặt máy quét gửi CR hoặc LF sau mỗi mã (xem sách hướng dẫn của máy) rồi quét lại.");
    uint8_t chunk[512];
    // EIO, a hang-up or end of file is the USB device going away (a pty: its master closed).
    readScannerUntilGone(m_fd, m_wake, chunk, m_queue, m_path, describe(), [&](std::span<const uint8_t> data) {
        const std::string_view bytes(reinterpret_cast<const char*>(data.data()), data.size());
        for (kiosk::CodeRead& r : framer.feed(bytes)) m_queue.push(std::move(r));
    });
}

} // namespace drivers
