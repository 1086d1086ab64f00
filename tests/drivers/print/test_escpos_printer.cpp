// The receipt printer: the fake's ESC/POS stream is parsed back (ESC @, GS v 0 bands, the cut),
// its raster is decoded with ZXing like a phone would read the slip, and the same bytes reach a
// network printer on 127.0.0.1 and a device file.
#include "drivers/print/escpos_printer.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "tests/drivers/print/escpos_stream.hpp"
#include "kiosk/output/receipt.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace drivers;

namespace {

using Parsed = test::EscPosStream;
using test::parseEscPos;

kiosk::Receipt sampleReceipt()
{
    kiosk::Runtime rt = test::loadRuntime();
    const kiosk::Lesson* lesson = rt.catalogue.find("vneid-kich-hoat-muc-2");
    REQUIRE(lesson != nullptr);
    return kiosk::lessonReceipt(*lesson, rt.catalogue, rt.config, kiosk::Lang::Vi, 1'772'323'200);
}

int darkDots(const Image& img, int fromRow, int toRow)
{
    int n = 0;
    for (int y = fromRow; y < std::min(toRow, img.height); ++y)
        for (int x = 0; x < img.width; ++x) n += img.pixels[size_t(y) * img.width + x] == 0;
    return n;
}

} // namespace

TEST_CASE("the fake printer's ESC/POS raster holds the receipt's QR code, readable by ZXing")
{
    test::TempDir dir;
    const kiosk::Receipt receipt = sampleReceipt();
    REQUIRE_FALSE(receipt.qrUrl.empty());
    FakePrinter printer((dir / "slips.bin").string(), 576);
    std::string error;
    REQUIRE_MESSAGE(printer.print(receipt, error), error);
    CHECK(printer.printed() == 1);

    const Parsed p = parseEscPos(test::readFile(dir / "slips.bin"));
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    CHECK(p.reset);
    CHECK(p.cut);
    CHECK(p.image.width == 576);
    CHECK(p.bands > 1);   // long slips go in bands a small printer buffer takes
    REQUIRE(p.image.height > 600);
    CHECK(darkDots(p.image, 0, 80) > 500);   // the title is drawn at the top

    const std::vector<std::string> codes = decodeQrCodes(p.image);
    REQUIRE(codes.size() == 1);
    CHECK(codes.front() == receipt.qrUrl);
}

TEST_CASE("58 mm paper: a narrower raster still carries a readable QR code")
{
    test::TempDir dir;
    const kiosk::Receipt receipt = sampleReceipt();
    FakePrinter printer((dir / "slips.bin").string(), 384);
    std::string error;
    REQUIRE_MESSAGE(printer.print(receipt, error), error);
    const Parsed p = parseEscPos(test::readFile(dir / "slips.bin"));
    REQUIRE(p.error.empty());
    CHECK(p.image.width == 384);
    const auto codes = decodeQrCodes(p.image);
    REQUIRE(codes.size() == 1);
    CHECK(codes.front() == receipt.qrUrl);
}

TEST_CASE("Vietnamese marks are drawn as pixels, in black and white only")
{
    ReceiptRenderer r;
    std::string error;
    REQUIRE_MESSAGE(r.load(error), error);
    kiosk::Receipt a, b;
    a.title = "Việt Nam";
    b.title = "Viet Nam";
    const Image ia = r.render(a, 576), ib = r.render(b, 576);
    REQUIRE(ia.height == ib.height);
    CHECK(darkDots(ia, 0, ia.height) > darkDots(ib, 0, ib.height));   // the dot and hook of "ệ"
    for (uint8_t v : ia.pixels) REQUIRE((v == 0 || v == 255));
    // A long word is cut to the paper, never drawn past its edge.
    kiosk::Receipt wide;
    wide.lines.emplace_back("https://binhdanhocvuso.gov.vn/courses/course-v1:BDHVS+VNEID+2026/courseware/chuong-1/bai-1/");
    const Image iw = r.render(wide, 384);
    CHECK(iw.width == 384);
    kiosk::Receipt one;
    one.lines.emplace_back("x");
    const int blank = r.render(kiosk::Receipt{}, 384).height, line = r.render(one, 384).height - blank;
    CHECK(iw.height - blank >= 2 * line);   // wrapped onto two lines or more
    int beyondMargin = 0;
    for (int y = 0; y < iw.height; ++y)
        for (int x = iw.width - 4; x < iw.width; ++x) beyondMargin += iw.pixels[size_t(y) * iw.width + x] == 0;
    CHECK(beyondMargin == 0);
}

TEST_CASE("a network printer on port 9100 receives the same bytes as the fake")
{
    test::TempDir dir;
    const kiosk::Receipt receipt = sampleReceipt();
    FakePrinter fake((dir / "fake.bin").string(), 576);
    std::string error;
    REQUIRE(fake.print(receipt, error));

    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(listener >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    REQUIRE(::listen(listener, 1) == 0);
    std::string received;
    std::thread server([&] {
        const int c = ::accept(listener, nullptr, nullptr);
        char buf[65536];
        ssize_t n;
        while (c >= 0 && (n = ::read(c, buf, sizeof buf)) > 0) received.append(buf, size_t(n));
        if (c >= 0) ::close(c);
    });
    const std::string spec = "tcp:127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
    auto printer = openPrinter(spec, 576, error);
    REQUIRE(printer != nullptr);
    CHECK(printer->describe() == "máy in mạng 127.0.0.1:" + std::to_string(ntohs(addr.sin_port)));
    const bool ok = printer->print(receipt, error);
    server.join();
    ::close(listener);
    REQUIRE_MESSAGE(ok, error);
    CHECK(received == test::readFile(dir / "fake.bin"));
}

TEST_CASE("a device path gets the stream, a missing printer gets a clear message")
{
    test::TempDir dir;
    test::writeFile(dir / "lp0", "");   // stands in for /dev/usb/lp0
    std::string error;
    auto printer = openPrinter((dir / "lp0").string(), 576, error);
    REQUIRE(printer != nullptr);
    CHECK(printer->check(error));
    REQUIRE(printer->print(sampleReceipt(), error));
    CHECK(parseEscPos(test::readFile(dir / "lp0")).cut);

    auto missing = openPrinter((dir / "lp9").string(), 576, error);
    REQUIRE(missing != nullptr);
    CHECK_FALSE(missing->check(error));
    CHECK(error.find("Không mở được máy in") != std::string::npos);
    error.clear();
    CHECK_FALSE(missing->print(sampleReceipt(), error));
    CHECK(error.find("Kiểm tra máy in đã bật") != std::string::npos);

    // Nothing listens on port 1 of this machine: refused, with what to check.
    auto offline = openPrinter("tcp:127.0.0.1:1", 576, error);
    REQUIRE(offline != nullptr);
    CHECK_FALSE(offline->check(error));
    CHECK(error.find("Không kết nối được máy in mạng 127.0.0.1:1") != std::string::npos);
}

TEST_CASE("printer settings are parsed or refused with an example")
{
    PrinterTarget t;
    std::string error;
    REQUIRE(PrinterTarget::parse("tcp:192.168.1.50:9100", t, error));
    CHECK(t.kind == PrinterTarget::Kind::Tcp);
    CHECK(t.host == "192.168.1.50");
    CHECK(t.port == 9100);
    REQUIRE(PrinterTarget::parse("tcp:printer.local", t, error));
    CHECK(t.host == "printer.local");
    CHECK(t.port == 9100);
    REQUIRE(PrinterTarget::parse("tcp:[fe80::1]:9101", t, error));
    CHECK(t.host == "fe80::1");
    CHECK(t.port == 9101);
    REQUIRE(PrinterTarget::parse("/dev/ttyUSB0@19200", t, error));
    CHECK(t.kind == PrinterTarget::Kind::Device);
    CHECK(t.path == "/dev/ttyUSB0");
    CHECK(t.baud == 19200);
    REQUIRE(PrinterTarget::parse("/dev/usb/lp0", t, error));
    CHECK(t.path == "/dev/usb/lp0");
    CHECK_FALSE(PrinterTarget::parse("tcp:10.0.0.1:99999", t, error));
    CHECK(error.find("tcp:192.168.1.50:9100") != std::string::npos);
    CHECK_FALSE(PrinterTarget::parse("/dev/ttyUSB0@1234", t, error));
    CHECK_FALSE(PrinterTarget::parse("lp0", t, error));
    CHECK_FALSE(PrinterTarget::parse("tcp:", t, error));
    CHECK(openPrinter("", 576, error) == nullptr);
}
