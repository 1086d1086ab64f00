// The keyboard-wedge scanner: US-layout key translation (pure) and the evdev reading thread.
#include "drivers/readers/hid_scanner.hpp"
#include "kiosk/common/utf8.hpp"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/input.h>
#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace drivers {

namespace {

using kiosk::utf8::kReplacementText;

bool isKeypadDigit(uint16_t code)
{
    switch (code) {
    case KEY_KP0: case KEY_KP1: case KEY_KP2: case KEY_KP3: case KEY_KP4:
    case KEY_KP5: case KEY_KP6: case KEY_KP7: case KEY_KP8: case KEY_KP9:
        return true;
    default:
        return false;
    }
}

// Keys that change state but type nothing: not a sign of a damaged read.
bool isSilentKey(uint16_t code)
{
    switch (code) {
    case KEY_CAPSLOCK: case KEY_NUMLOCK: case KEY_SCROLLLOCK: case KEY_LEFTMETA: case KEY_RIGHTMETA:
        return true;
    default:
        return false;
    }
}

} // namespace

char usKeyChar(uint16_t code, bool shift)
{
    // Rows of the US layout, in key-code order (linux/input-event-codes.h numbers them row by row).
    static constexpr struct { uint16_t first; const char* plain; const char* shifted; } kRows[] = {
        {KEY_1, "1234567890-=", "!@#$%^&*()_+"},
        {KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}"},
        {KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~"},
        {KEY_BACKSLASH, "\\zxcvbnm,./", "|ZXCVBNM<>?"},
    };
    for (const auto& row : kRows) {
        const size_t n = std::strlen(row.plain);
        if (code >= row.first && code < row.first + n) return (shift ? row.shifted : row.plain)[code - row.first];
    }
    switch (code) {
    case KEY_SPACE: return ' ';
    case KEY_TAB: return '\t';
    case KEY_KP0: return '0';
    case KEY_KP1: return '1';
    case KEY_KP2: return '2';
    case KEY_KP3: return '3';
    case KEY_KP4: return '4';
    case KEY_KP5: return '5';
    case KEY_KP6: return '6';
    case KEY_KP7: return '7';
    case KEY_KP8: return '8';
    case KEY_KP9: return '9';
    case KEY_KPDOT: return '.';
    case KEY_KPSLASH: return '/';
    case KEY_KPASTERISK: return '*';
    case KEY_KPMINUS: return '-';
    case KEY_KPPLUS: return '+';
    default: return 0;
    }
}

std::string KeyTranslator::feed(const KeyStroke& key)
{
    const bool down = key.value != 0;
    switch (key.code) {
    case KEY_LEFTSHIFT: m_leftShift = down; return {};
    case KEY_RIGHTSHIFT: m_rightShift = down; return {};
    case KEY_LEFTCTRL:
    case KEY_RIGHTCTRL: m_ctrl = down; return {};
    case KEY_LEFTALT:
    case KEY_RIGHTALT: {
        // Windows "Alt code" mode types one character as Alt + keypad digits, in a code page we
        // cannot know: a Vietnamese letter lost, marked as such.
        const bool typed = m_alt && !down && m_altCode;
        m_alt = down;
        if (!down) m_altCode = false;
        return typed ? std::string(kReplacementText) : std::string();
    }
    default: break;
    }
    if (key.value != 1) return {};   // releases type nothing; a scanner does not auto-repeat
    if (key.code == KEY_ENTER || key.code == KEY_KPENTER) return "\n";
    if (m_alt && isKeypadDigit(key.code)) {
        m_altCode = true;
        return {};
    }
    if (isSilentKey(key.code)) return {};
    if (m_alt || m_ctrl) return std::string(kReplacementText);
    const char c = usKeyChar(key.code, m_leftShift || m_rightShift);
    return c ? std::string(1, c) : std::string(kReplacementText);
}

void KeyTranslator::reset() { *this = KeyTranslator(); }

std::vector<std::string> keyStrokesToPayloads(const std::vector<KeyStroke>& keys)
{
    KeyTranslator translator;
    LineFramer framer("");
    std::vector<std::string> out;
    for (const KeyStroke& k : keys)
        for (kiosk::CodeRead& r : framer.feed(translator.feed(k)))
            if (r.ok()) out.push_back(std::move(r.payload));
    return out;
}

HidScanner::HidScanner(std::string path) : m_path(std::move(path)) {}

HidScanner::~HidScanner() { stop(); }

std::string HidScanner::describe() const { return "máy quét mã USB " + m_path; }

std::optional<kiosk::CodeRead> HidScanner::poll() { return m_queue.pop(); }

bool HidScanner::start(std::string& error)
{
    if (m_running) return true;
    m_queue.clear();
    m_wake.reset();
    m_fd = openDevice(m_path, O_RDONLY | O_NONBLOCK, "máy quét mã", "devices.scanner", error);
    if (m_fd < 0) {
        spdlog::warn("{}: {}", describe(), error);
        return false;
    }
    // Only a real device is checked and grabbed; tests feed records through a FIFO or a file.
    if (isCharDevice(m_fd)) {
        int version = 0;
        uint8_t keys[KEY_MAX / 8 + 1] = {};
        if (::ioctl(m_fd, EVIOCGVERSION, &version) < 0) {
            error = m_path + " không phải thiết bị nhập (evdev). Khoá devices.scanner cần một đường dẫn như "
                             "/dev/input/by-id/usb-…-event-kbd.";
        } else if (::ioctl(m_fd, EVIOCGBIT(EV_KEY, sizeof keys), keys) < 0 || !(keys[KEY_ENTER / 8] & (1 << (KEY_ENTER % 8)))) {
            error = m_path + " không phải máy quét kiểu bàn phím (không có phím Enter). Kiểm tra khoá devices.scanner "
                             "trong tệp cấu hình.";
        } else if (::ioctl(m_fd, EVIOCGRAB, 1) < 0) {
            if (errno == EBUSY)
                error = "Có chương trình khác đang giữ máy quét mã " + m_path + ". Đóng chương trình đó (hoặc khởi động "
                        "lại ki-ốt) rồi thử lại.";
            else
                spdlog::warn("{}: không giữ riêng được máy quét (mã lỗi {}); mã quét có thể gõ vào cửa sổ", describe(), errno);
        } else {
            m_grabbed = true;
        }
        if (!error.empty()) {
            ::close(m_fd);
            m_fd = -1;
            spdlog::warn("{}: {}", describe(), error);
            return false;
        }
    }
    m_running = true;
    m_thread = std::thread([this] { readLoop(); });
    return true;
}

void HidScanner::stop()
{
    if (!m_running) return;
    m_wake.raise();
    if (m_thread.joinable()) m_thread.join();
    if (m_grabbed) ::ioctl(m_fd, EVIOCGRAB, 0);
    m_grabbed = false;
    ::close(m_fd);
    m_fd = -1;
    m_running = false;
}

void HidScanner::readLoop()
{
    KeyTranslator translator;
    LineFramer framer("Máy quét mã " + m_path + " gửi một mã quá dài mà không có phím Enter ở cuối nên mã bị bỏ. Cài đặt "
                      "máy quét gửi Enter sau mỗi mã (xem sách hướng dẫn của máy) rồi quét lại.");
    std::vector<uint8_t> bytes;   // a FIFO may split a record; evdev never does
    uint8_t chunk[64 * sizeof(input_event)];
    readScannerUntilGone(m_fd, m_wake, chunk, m_queue, m_path, describe(), [&](std::span<const uint8_t> data) {
        bytes.insert(bytes.end(), data.begin(), data.end());
        size_t used = 0;
        for (; used + sizeof(input_event) <= bytes.size(); used += sizeof(input_event)) {
            input_event ev;
            std::memcpy(&ev, bytes.data() + used, sizeof ev);
            if (ev.type == EV_SYN && ev.code == SYN_DROPPED) {
                // The kernel's buffer overflowed: keys were lost, so the payload under way is
                // incomplete. It is dropped up to its Enter rather than delivered cut.
                framer.dropCurrent();
                translator.reset();
                m_queue.pushError("Máy quét mã " + m_path + " gửi nhanh hơn ki-ốt đọc kịp nên mã vừa quét bị mất một phần. "
                                  "Xin quét lại.");
                continue;
            }
            if (ev.type != EV_KEY) continue;
            for (kiosk::CodeRead& r : framer.feed(translator.feed({ev.code, ev.value}))) m_queue.push(std::move(r));
        }
        bytes.erase(bytes.begin(), bytes.begin() + std::ptrdiff_t(used));
    });
}

} // namespace drivers
