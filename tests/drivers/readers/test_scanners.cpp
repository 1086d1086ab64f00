// The barcode scanners for real: key-code translation, the evdev driver's thread fed `struct
// input_event` records through a FIFO and a file, the serial driver through a pseudo-terminal, and
// the line framing both share.
// [helpers] key table, records, pty   [keys] translation   [evdev] the wedge driver
// [framing] LineFramer   [serial] the serial driver
#include "drivers/readers/hid_scanner.hpp"
#include "drivers/readers/serial_scanner.hpp"
#include "kiosk/identity/cccd.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace drivers;
using namespace std::chrono_literals;

namespace {

// A made-up citizen laid out like the card's QR (digits 4–6 agree with the birth date and "Nữ").
const std::string kCard =
    "038195001234|173456789|Nguyễn Thị Hồng Nhung|15031995|Nữ|Thôn Yên Lạc, Xã Quảng Ngọc, Tỉnh Thanh Hóa|20042021";

// [helpers]
// Waits (generously) for the reader's thread to deliver the next read.
std::optional<kiosk::CodeRead> waitRead(kiosk::CodeReader& reader, std::chrono::milliseconds timeout = 5s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto r = reader.poll()) return r;
        std::this_thread::sleep_for(2ms);
    }
    return std::nullopt;
}

// How a US-layout keyboard types each character, written out here rather than derived from the
// driver's table, so a wrong table cannot agree with itself.
struct Key {
    uint16_t code;
    bool shift;
};

Key keyFor(char c)
{
    static const uint16_t letters[26] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
                                         KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
                                         KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
    static const uint16_t digits[10] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
    if (c >= 'a' && c <= 'z') return {letters[c - 'a'], false};
    if (c >= 'A' && c <= 'Z') return {letters[c - 'A'], true};
    if (c >= '0' && c <= '9') return {digits[c - '0'], false};
    switch (c) {
    case ' ': return {KEY_SPACE, false};
    case '|': return {KEY_BACKSLASH, true};
    case ',': return {KEY_COMMA, false};
    case '.': return {KEY_DOT, false};
    case '/': return {KEY_SLASH, false};
    case ':': return {KEY_SEMICOLON, true};
    case '-': return {KEY_MINUS, false};
    case '+': return {KEY_EQUAL, true};
    case '_': return {KEY_MINUS, true};
    case '?': return {KEY_SLASH, true};
    case '=': return {KEY_EQUAL, false};
    }
    FAIL("no key for '" << c << "' in the test's table");
    return {};
}

void press(std::vector<KeyStroke>& out, uint16_t code)
{
    out.push_back({code, 1});
    out.push_back({code, 0});
}

// What a wedge scanner sends for ASCII text, then Enter (`enter`: KEY_ENTER or KEY_KPENTER).
std::vector<KeyStroke> typed(const std::string& text, uint16_t enter = KEY_ENTER, uint16_t shiftKey = KEY_LEFTSHIFT)
{
    std::vector<KeyStroke> out;
    for (char c : text) {
        const Key k = keyFor(c);
        if (k.shift) out.push_back({shiftKey, 1});
        press(out, k.code);
        if (k.shift) out.push_back({shiftKey, 0});
    }
    press(out, enter);
    return out;
}

std::vector<KeyStroke> operator+(std::vector<KeyStroke> a, const std::vector<KeyStroke>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The records a real keyboard device delivers: MSC_SCAN, the key, SYN_REPORT.
std::string records(const std::vector<KeyStroke>& keys)
{
    std::string out;
    auto add = [&](uint16_t type, uint16_t code, int32_t value) {
        input_event ev{};
        ev.type = type;
        ev.code = code;
        ev.value = value;
        out.append(reinterpret_cast<const char*>(&ev), sizeof ev);
    };
    for (const KeyStroke& k : keys) {
        add(EV_MSC, MSC_SCAN, 0x70000 + k.code);
        add(EV_KEY, k.code, k.value);
        add(EV_SYN, SYN_REPORT, 0);
    }
    return out;
}

void writeAll(int fd, const std::string& bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        REQUIRE(n > 0);
        done += size_t(n);
    }
}

// A pseudo-terminal: the test writes on the master what a serial scanner would send.
struct Pty {
    int master = -1;
    std::string slave;
    Pty()
    {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        REQUIRE(master >= 0);
        REQUIRE(::grantpt(master) == 0);
        REQUIRE(::unlockpt(master) == 0);
        slave = ::ptsname(master);
    }
    ~Pty() { closeMaster(); }
    void closeMaster()
    {
        if (master >= 0) ::close(master);
        master = -1;
    }
};

} // namespace

// [keys]
TEST_CASE("key codes from a US-layout keyboard-wedge scanner become text, Enter ends each payload")
{
    const std::string badge = "NV-0042|To CNSCD Quang Ngoc";
    const std::string url = "https://binhdanhocvuso.gov.vn/courses/course-v1:BDHVS+VNeID_2025/?lang=vi";
    const std::vector<KeyStroke> keys = typed(badge) + typed(url, KEY_KPENTER, KEY_RIGHTSHIFT);
    CHECK(keyStrokesToPayloads(keys) == std::vector<std::string>{badge, url});

    // Keypad digits type digits; a lone Enter makes no empty read; releases and auto-repeat type
    // nothing; Caps Lock changes nothing (a grabbed scanner's LED state is unknowable).
    std::vector<KeyStroke> k;
    press(k, KEY_ENTER);
    press(k, KEY_KP4);
    k.push_back({KEY_KP2, 1});
    k.push_back({KEY_KP2, 2});
    k.push_back({KEY_KP2, 0});
    press(k, KEY_CAPSLOCK);
    press(k, KEY_A);
    press(k, KEY_ENTER);
    CHECK(keyStrokesToPayloads(k) == std::vector<std::string>{"42a"});
    // No Enter: no payload yet.
    CHECK(keyStrokesToPayloads(typed("123")).size() == 1);
    std::vector<KeyStroke> noEnter = typed("123");
    noEnter.resize(noEnter.size() - 2);
    CHECK(keyStrokesToPayloads(noEnter).empty());

    CHECK(usKeyChar(KEY_Q, false) == 'q');
    CHECK(usKeyChar(KEY_2, true) == '@');
    CHECK(usKeyChar(KEY_APOSTROPHE, true) == '"');
    CHECK(usKeyChar(KEY_GRAVE, true) == '~');
    CHECK(usKeyChar(KEY_LEFTSHIFT, false) == 0);
    CHECK(usKeyChar(KEY_ENTER, false) == 0);
}

TEST_CASE("Vietnamese letters a US-layout wedge cannot type arrive marked, and the ID card parser refuses the read")
{
    // A scanner in Windows "Alt code" mode sends ễ as Alt + keypad digits; other keys with no US
    // character (F5) or Ctrl chords are marked too.
    std::vector<KeyStroke> keys;
    auto alt = [&](std::initializer_list<uint16_t> pad) {
        keys.push_back({KEY_LEFTALT, 1});
        for (uint16_t p : pad) press(keys, p);
        keys.push_back({KEY_LEFTALT, 0});
    };
    for (KeyStroke k : typed("038195001234|173456789|Nguy")) if (k.code != KEY_ENTER) keys.push_back(k);
    alt({KEY_KP7, KEY_KP8, KEY_KP7, KEY_KP7});
    for (KeyStroke k : typed("n Thi Hong Nhung|15031995|N")) if (k.code != KEY_ENTER) keys.push_back(k);
    alt({KEY_KP4, KEY_KP3, KEY_KP2});
    keys = keys + typed("|Thon Yen Lac, Xa Quang Ngoc, Tinh Thanh Hoa|20042021");
    const std::vector<std::string> payloads = keyStrokesToPayloads(keys);
    REQUIRE(payloads.size() == 1);
    CHECK(payloads[0] == "038195001234|173456789|Nguy\xEF\xBF\xBDn Thi Hong Nhung|15031995|N\xEF\xBF\xBD|Thon Yen Lac, Xa "
                         "Quang Ngoc, Tinh Thanh Hoa|20042021");
    CHECK_FALSE(kiosk::parseCccd(payloads[0]).ok());

    std::vector<KeyStroke> odd;
    press(odd, KEY_F5);
    odd.push_back({KEY_LEFTCTRL, 1});
    press(odd, KEY_J);
    odd.push_back({KEY_LEFTCTRL, 0});
    press(odd, KEY_X);
    press(odd, KEY_ENTER);
    CHECK(keyStrokesToPayloads(odd) == std::vector<std::string>{"\xEF\xBF\xBD\xEF\xBF\xBDx"});
}

// [evdev]
TEST_CASE("the wedge scanner driver reads input_event records from a FIFO on its own thread")
{
    test::TempDir dir;
    const std::string fifo = (dir / "event-kbd").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    HidScanner scanner(fifo);
    std::string error;
    REQUIRE(scanner.start(error));
    CHECK(error.empty());
    CHECK_FALSE(scanner.grabbed());   // EVIOCGRAB means nothing on a FIFO
    CHECK(scanner.describe() == "máy quét mã USB " + fifo);

    const std::string badge = "NV-0042|To CNSCD";
    const std::string bytes = records(typed(badge) + typed("0123456789", KEY_KPENTER));
    std::thread writer([&] {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        REQUIRE(fd >= 0);
        // Split inside a record and inside a payload: the driver must join the pieces.
        const size_t cut1 = sizeof(input_event) * 7 + 5, cut2 = bytes.size() / 2 + 3;
        writeAll(fd, bytes.substr(0, cut1));
        std::this_thread::sleep_for(20ms);
        writeAll(fd, bytes.substr(cut1, cut2 - cut1));
        std::this_thread::sleep_for(20ms);
        writeAll(fd, bytes.substr(cut2));
        ::close(fd);   // the writer goes away like an unplugged scanner
    });
    const auto first = waitRead(scanner);
    const auto second = waitRead(scanner);
    const auto gone = waitRead(scanner);
    writer.join();
    REQUIRE(first);
    CHECK(first->ok());
    CHECK(first->payload == badge);
    REQUIRE(second);
    CHECK(second->payload == "0123456789");
    REQUIRE(gone);
    CHECK_FALSE(gone->ok());
    CHECK(gone->error.find("Máy quét mã " + fifo + " vừa bị rút ra") == 0);
    CHECK_FALSE(scanner.poll());   // reported once
    scanner.stop();
    scanner.stop();
}

TEST_CASE("the wedge scanner driver: a payload without Enter past 2 KiB is dropped with an error, and start/stop repeat")
{
    test::TempDir dir;
    const std::string file = (dir / "events").string();
    std::string tooLong(2100, 'a');
    test::writeFile(file, records(typed(tooLong) + typed("OK")));
    HidScanner scanner(file);
    for (int round = 0; round < 2; ++round) {
        std::string error;
        REQUIRE(scanner.start(error));
        const auto overflow = waitRead(scanner);
        REQUIRE(overflow);
        CHECK(overflow->error.find("quá dài mà không có phím Enter") != std::string::npos);
        const auto ok = waitRead(scanner);
        REQUIRE(ok);
        CHECK(ok->payload == "OK");   // the long one's tail is no read of its own
        const auto end = waitRead(scanner);
        REQUIRE(end);
        CHECK_FALSE(end->ok());
        scanner.stop();
    }
}

TEST_CASE("the wedge scanner driver drops a payload the kernel lost keys of (SYN_DROPPED) and says so")
{
    test::TempDir dir;
    const std::string file = (dir / "events").string();
    std::vector<KeyStroke> start = typed("ABC");
    start.resize(start.size() - 2);   // no Enter yet
    input_event dropped{};
    dropped.type = EV_SYN;
    dropped.code = SYN_DROPPED;
    test::writeFile(file, records(start) + std::string(reinterpret_cast<const char*>(&dropped), sizeof dropped) +
                              records(typed("DEF") + typed("OK")));
    HidScanner scanner(file);
    std::string error;
    REQUIRE(scanner.start(error));
    const auto lost = waitRead(scanner);
    REQUIRE(lost);
    CHECK(lost->error.find("bị mất một phần") != std::string::npos);
    const auto ok = waitRead(scanner);
    REQUIRE(ok);
    CHECK(ok->payload == "OK");   // neither "ABCDEF" nor "DEF"
    scanner.stop();
}

TEST_CASE("the wedge scanner driver refuses a missing path and a device that is not evdev")
{
    test::TempDir dir;
    std::string error;
    HidScanner missing((dir / "event42").string());
    CHECK_FALSE(missing.start(error));
    CHECK(error.find("Không tìm thấy máy quét mã") == 0);
    CHECK(error.find("devices.scanner") != std::string::npos);

    HidScanner devNull("/dev/null");
    error.clear();
    CHECK_FALSE(devNull.start(error));
    CHECK(error.find("/dev/null không phải thiết bị nhập (evdev)") == 0);
    CHECK_FALSE(devNull.poll());
}

// [framing]
TEST_CASE("line framing: CR, LF or CRLF end a payload, UTF-8 passes intact, 2 KiB without an end is dropped")
{
    LineFramer f("quá dài");
    std::vector<kiosk::CodeRead> r = f.feed("A1\r\nB2\rC3\n\n\r");
    REQUIRE(r.size() == 3);
    CHECK(r[0].payload == "A1");
    CHECK(r[1].payload == "B2");
    CHECK(r[2].payload == "C3");
    // A multi-byte letter split across two chunks.
    const std::string nu = "Nữ";
    CHECK(f.feed(nu.substr(0, 2)).empty());
    CHECK(f.pending() == 2);
    r = f.feed(nu.substr(2) + "\n");
    REQUIRE(r.size() == 1);
    CHECK(r[0].payload == "Nữ");

    r = f.feed(std::string(kMaxPayloadBytes, 'x') + "\n");   // exactly the limit: still a payload
    REQUIRE(r.size() == 1);
    CHECK(r[0].payload.size() == kMaxPayloadBytes);
    r = f.feed(std::string(kMaxPayloadBytes + 1, 'x'));
    REQUIRE(r.size() == 1);
    CHECK(r[0].error == "quá dài");
    CHECK(f.feed(std::string(5000, 'y')).empty());   // still the same runaway payload: no more errors
    r = f.feed("\r\nZ\n");
    REQUIRE(r.size() == 1);
    CHECK(r[0].payload == "Z");
}

// [serial]
TEST_CASE("the serial scanner reads a Vietnamese payload written in pieces to a pseudo-terminal as exactly one read")
{
    Pty pty;
    SerialScanner scanner(pty.slave, 9600);
    std::string error;
    REQUIRE(scanner.start(error));
    CHECK(scanner.describe() == "máy quét mã nối tiếp " + pty.slave + " (9600 baud)");

    // Cut inside "Nguyễn" (a 3-byte letter) and before the LF of CRLF.
    const std::string sent = kCard + "\r\n";
    const size_t cut1 = kCard.find("ễ") + 1, cut2 = sent.size() - 1;
    writeAll(pty.master, sent.substr(0, cut1));
    std::this_thread::sleep_for(20ms);
    writeAll(pty.master, sent.substr(cut1, cut2 - cut1));
    std::this_thread::sleep_for(20ms);
    writeAll(pty.master, sent.substr(cut2));
    const auto read = waitRead(scanner);
    REQUIRE(read);
    CHECK(read->ok());
    CHECK(read->payload == kCard);   // byte for byte: raw mode, no CR/LF translation, 8 bits
    CHECK(kiosk::parseCccd(read->payload).ok());

    // The next read is the next payload: the LF of CRLF made no empty read in between.
    writeAll(pty.master, "NV-0042\r");
    const auto next = waitRead(scanner);
    REQUIRE(next);
    CHECK(next->payload == "NV-0042");

    // More than 2 KiB without a terminator: one error, and the tail is no read.
    writeAll(pty.master, std::string(1500, 'A'));
    writeAll(pty.master, std::string(1500, 'B') + "\r\nSAU\n");
    const auto overflow = waitRead(scanner);
    REQUIRE(overflow);
    CHECK(overflow->error.find("hơn 2 KiB mà không có ký tự kết thúc") != std::string::npos);
    const auto after = waitRead(scanner);
    REQUIRE(after);
    CHECK(after->payload == "SAU");

    // Stopped and started again: a new session on the same port.
    scanner.stop();
    REQUIRE(scanner.start(error));
    writeAll(pty.master, "LAN-2\n");
    const auto again = waitRead(scanner);
    REQUIRE(again);
    CHECK(again->payload == "LAN-2");

    // The device goes away (the master closes, as a USB-CDC port vanishes): one error.
    pty.closeMaster();
    const auto gone = waitRead(scanner);
    REQUIRE(gone);
    CHECK(gone->error.find("Máy quét mã " + pty.slave + " vừa bị rút ra") == 0);
    CHECK_FALSE(scanner.poll());
    scanner.stop();
}

TEST_CASE("the serial scanner refuses a missing port, something that is not a terminal, and an unknown baud")
{
    test::TempDir dir;
    std::string error;
    SerialScanner missing((dir / "ttyACM7").string());
    CHECK_FALSE(missing.start(error));
    CHECK(error.find("Không tìm thấy máy quét mã") == 0);
    CHECK(error.find("devices.serial_scanner") != std::string::npos);

    test::writeFile(dir / "plain", "");
    for (const std::string& path : {(dir / "plain").string(), std::string("/dev/null")}) {
        SerialScanner notTty(path);
        error.clear();
        CHECK_FALSE(notTty.start(error));
        CHECK(error.find(path + " không phải cổng nối tiếp") == 0);
    }

    Pty pty;
    SerialScanner odd(pty.slave, 12345);
    error.clear();
    CHECK_FALSE(odd.start(error));
    CHECK(error.find("12345 baud") != std::string::npos);
    CHECK(error.find("devices.serial_baud") != std::string::npos);
}
