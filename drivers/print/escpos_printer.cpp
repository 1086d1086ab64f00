// ESC/POS encoding and the three ways to reach a printer (USB lp device, serial port, TCP 9100).
#include "drivers/print/escpos_printer.hpp"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace drivers {

namespace {

constexpr int kConnectTimeoutMs = 3000;
constexpr int kWriteTimeoutMs = 15000;   // per chunk: a printer out of paper stops reading
constexpr int kBandRows = 128;           // small bands: cheap printers have small input buffers

// Closes the descriptor on every path.
struct Fd {
    int fd = -1;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

std::string sysError() { return std::strerror(errno); }

speed_t speedFor(int baud)
{
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    default: return B9600;
    }
}

bool writeAll(int fd, const std::string& bytes, bool socket, std::string& why)
{
    size_t done = 0;
    while (done < bytes.size()) {
        pollfd p{fd, POLLOUT, 0};
        const int r = ::poll(&p, 1, kWriteTimeoutMs);
        if (r < 0 && errno == EINTR) continue;
        if (r == 0) { why = "máy in không nhận dữ liệu (hết giấy, kẹt giấy hoặc nắp đang mở?)"; return false; }
        if (r < 0) { why = sysError(); return false; }
        const size_t chunk = std::min<size_t>(bytes.size() - done, 4096);
        const ssize_t n = socket ? ::send(fd, bytes.data() + done, chunk, MSG_NOSIGNAL) : ::write(fd, bytes.data() + done, chunk);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            why = sysError();
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

bool openDevice(const PrinterTarget& t, Fd& out, std::string& error)
{
    out.fd = ::open(t.path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (out.fd < 0) {
        const int e = errno;
        error = "Không mở được máy in " + t.path + " (" + std::strerror(e) + "). ";
        error += e == EACCES ? "Người dùng kiosk cần thuộc nhóm lp (máy in USB) hoặc dialout (cổng nối tiếp)."
                             : "Kiểm tra máy in đã bật và đã cắm cáp, rồi thử lại.";
        return false;
    }
    if (::isatty(out.fd)) {
        termios tio{};
        if (::tcgetattr(out.fd, &tio) == 0) {
            ::cfmakeraw(&tio);
            tio.c_cflag |= CLOCAL | CREAD;
            ::cfsetispeed(&tio, speedFor(t.baud));
            ::cfsetospeed(&tio, speedFor(t.baud));
            ::tcsetattr(out.fd, TCSANOW, &tio);
        }
    }
    return true;
}

bool connectTcp(const PrinterTarget& t, Fd& out, std::string& error)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(t.port);
    if (int rc = ::getaddrinfo(t.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
        error = "Không tìm thấy máy in mạng " + t.host + " (" + gai_strerror(rc) + "). Kiểm tra địa chỉ trong [devices] printer.";
        return false;
    }
    std::string why = "không có địa chỉ";
    for (addrinfo* a = found; a; a = a->ai_next) {
        Fd s;
        s.fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (s.fd < 0) { why = sysError(); continue; }
        if (::connect(s.fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) { why = sysError(); continue; }
        pollfd p{s.fd, POLLOUT, 0};
        if (::poll(&p, 1, kConnectTimeoutMs) <= 0) { why = "hết thời gian chờ kết nối"; continue; }
        int soError = 0;
        socklen_t len = sizeof soError;
        ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &soError, &len);
        if (soError != 0) { why = std::strerror(soError); continue; }
        out.fd = s.fd;
        s.fd = -1;
        break;
    }
    ::freeaddrinfo(found);
    if (out.fd >= 0) return true;
    error = "Không kết nối được máy in mạng " + t.host + ":" + port + " (" + why + "). Kiểm tra máy in đã bật và cùng mạng với ki-ốt.";
    return false;
}

bool render(ReceiptRenderer& renderer, bool& loaded, const kiosk::Receipt& receipt, int width, std::string& bytes, std::string& error)
{
    if (!loaded && !(loaded = renderer.load(error))) return false;
    bytes = encodeEscPosRaster(renderer.render(receipt, width));
    return true;
}

} // namespace

std::string encodeEscPosRaster(const Image& image)
{
    std::string out = "\x1b\x40";   // ESC @: reset, forget any earlier mode
    const int bytesPerRow = image.width / 8;
    const int ch = std::max(image.channels, 1);
    for (int top = 0; top < image.height; top += kBandRows) {
        const int rows = std::min(kBandRows, image.height - top);
        out += "\x1d\x76\x30";   // GS v 0, normal density
        out += '\0';
        out += static_cast<char>(bytesPerRow & 0xff);
        out += static_cast<char>(bytesPerRow >> 8);
        out += static_cast<char>(rows & 0xff);
        out += static_cast<char>(rows >> 8);
        for (int y = top; y < top + rows; ++y)
            for (int b = 0; b < bytesPerRow; ++b) {
                unsigned char v = 0;
                for (int bit = 0; bit < 8; ++bit) {
                    const size_t i = (static_cast<size_t>(y) * image.width + b * 8 + bit) * ch;
                    if (image.pixels[i] < 128) v |= static_cast<unsigned char>(0x80 >> bit);
                }
                out += static_cast<char>(v);
            }
    }
    out += "\x1d\x56\x42";   // GS V 66 0: feed to the cutter, partial cut
    out += '\0';
    return out;
}

bool PrinterTarget::parse(const std::string& spec, PrinterTarget& out, std::string& error)
{
    out = PrinterTarget{};
    if (spec.rfind("tcp:", 0) == 0) {
        out.kind = Kind::Tcp;
        const std::string rest = spec.substr(4);
        std::string port;
        if (!rest.empty() && rest.front() == '[') {   // [IPv6]:port
            const size_t close = rest.find(']');
            out.host = close == std::string::npos ? "" : rest.substr(1, close - 1);
            if (close != std::string::npos && close + 1 < rest.size()) {
                if (rest[close + 1] != ':') out.host.clear();
                port = rest.substr(close + 2);
            }
        } else if (std::count(rest.begin(), rest.end(), ':') == 1) {
            out.host = rest.substr(0, rest.find(':'));
            port = rest.substr(rest.find(':') + 1);
        } else {
            out.host = rest;   // a name, IPv4, or a bare IPv6 address: port 9100
        }
        if (out.host.empty()) {
            error = "Thiếu địa chỉ máy in mạng trong \"" + spec + "\" (ví dụ: tcp:192.168.1.50:9100).";
            return false;
        }
        if (!port.empty() || rest.back() == ':') {
            char* end = nullptr;
            const long p = std::strtol(port.c_str(), &end, 10);
            if (port.empty() || *end || p < 1 || p > 65535) {
                error = "Cổng máy in mạng không hợp lệ trong \"" + spec + "\" (ví dụ: tcp:192.168.1.50:9100).";
                return false;
            }
            out.port = static_cast<int>(p);
        }
        return true;
    }
    if (spec.empty() || spec.front() != '/') {
        error = "Máy in \"" + spec + "\" không hợp lệ: dùng đường dẫn thiết bị (/dev/usb/lp0, /dev/ttyUSB0@9600) hoặc tcp:ĐỊA-CHỈ:9100.";
        return false;
    }
    out.path = spec;
    if (const size_t at = spec.rfind('@'); at != std::string::npos) {
        const std::string baud = spec.substr(at + 1);
        char* end = nullptr;
        const long b = std::strtol(baud.c_str(), &end, 10);
        const bool known = b == 9600 || speedFor(static_cast<int>(b)) != B9600;
        if (baud.empty() || *end || !known) {
            error = "Tốc độ cổng nối tiếp không hợp lệ trong \"" + spec + "\" (1200 … 230400, thường là 9600).";
            return false;
        }
        out.baud = static_cast<int>(b);
        out.path = spec.substr(0, at);
    }
    return true;
}

std::string PrinterTarget::describe() const
{
    if (kind == Kind::Tcp) return "máy in mạng " + host + ":" + std::to_string(port);
    return "máy in " + path;
}

bool sendToPrinter(const PrinterTarget& target, const std::string& bytes, std::string& error)
{
    Fd fd;
    const bool tcp = target.kind == PrinterTarget::Kind::Tcp;
    if (!(tcp ? connectTcp(target, fd, error) : openDevice(target, fd, error))) return false;
    std::string why;
    if (!writeAll(fd.fd, bytes, tcp, why)) {
        error = "In không xong trên " + target.describe() + ": " + why + ". Kiểm tra giấy và máy in, rồi in lại.";
        return false;
    }
    if (tcp) ::shutdown(fd.fd, SHUT_WR);
    else if (::isatty(fd.fd)) ::tcdrain(fd.fd);
    return true;
}

bool EscPosPrinter::print(const kiosk::Receipt& receipt, std::string& error)
{
    std::string bytes;
    return render(m_renderer, m_loaded, receipt, m_width, bytes, error) && sendToPrinter(m_target, bytes, error);
}

bool EscPosPrinter::check(std::string& error)
{
    Fd fd;
    return m_target.kind == PrinterTarget::Kind::Tcp ? connectTcp(m_target, fd, error) : openDevice(m_target, fd, error);
}

bool FakePrinter::print(const kiosk::Receipt& receipt, std::string& error)
{
    std::string bytes;
    if (!render(m_renderer, m_loaded, receipt, m_width, bytes, error)) return false;
    std::ofstream out(m_file, std::ios::binary | std::ios::app);
    if (!(out << bytes) || !out.flush()) {
        error = "Không ghi được tệp máy in giả " + m_file + ".";
        return false;
    }
    ++m_printed;
    return true;
}

bool FakePrinter::check(std::string& error)
{
    std::ofstream out(m_file, std::ios::binary | std::ios::app);
    if (out) return true;
    error = "Không ghi được tệp máy in giả " + m_file + ".";
    return false;
}

std::unique_ptr<kiosk::Printer> openPrinter(const std::string& spec, int widthDots, std::string& error)
{
    if (spec.empty()) return nullptr;
    if (spec.rfind("file:", 0) == 0) return std::make_unique<FakePrinter>(spec.substr(5), widthDots);
    PrinterTarget t;
    if (!PrinterTarget::parse(spec, t, error)) return nullptr;
    return std::make_unique<EscPosPrinter>(std::move(t), widthDots);
}

} // namespace drivers
