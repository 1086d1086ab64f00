// The print worker with the real printer drivers: slips go out on its own thread (the caller
// never waits), outcomes come back through poll(), a screen change hides a late outcome, and a
// network printer on 127.0.0.1 receives a slip whose QR code reads.
#include "drivers/print/escpos_printer.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "kiosk/output/print_worker.hpp"
#include "kiosk/output/receipt.hpp"
#include "tests/drivers/print/escpos_stream.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <unistd.h>

using kiosk::SlipStatus;

namespace {

kiosk::Receipt slip(const std::string& url)
{
    kiosk::Receipt r;
    r.title = "Phiếu thử";
    r.lines.emplace_back("Một dòng tiếng Việt có dấu");
    r.qrUrl = url;
    return r;
}

// Polls, as the frame loop does, until the worker has nothing left; a generous bound, no timing assert.
void settle(kiosk::PrintWorker& w)
{
    for (int i = 0; i < 6000 && w.busy(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        w.poll();
    }
}

std::unique_ptr<kiosk::Printer> printer(const std::string& spec)
{
    std::string error;
    auto p = drivers::openPrinter(spec, 576, error);
    REQUIRE_MESSAGE(p, error);
    return p;
}

} // namespace

TEST_CASE("no printer: nothing offered, nothing printed")
{
    kiosk::PrintWorker w(nullptr);
    CHECK_FALSE(w.status().available);
    CHECK_FALSE(w.print(slip("https://dichvucong.gov.vn")));
    CHECK(w.status().phase == SlipStatus::Phase::Idle);
}

TEST_CASE("a slip prints on the worker's thread, one at a time per screen, a failure keeps its message")
{
    test::TempDir dir;
    kiosk::PrintWorker w(printer("file:" + (dir / "slips.bin").string()));
    CHECK(w.status().available);
    const uint64_t v0 = w.version();
    REQUIRE(w.print(slip("https://dichvucong.gov.vn")));
    CHECK(w.status().phase == SlipStatus::Phase::Printing);   // at once: the caller did not wait
    CHECK(w.version() != v0);
    CHECK_FALSE(w.print(slip("https://dichvucong.gov.vn")));  // a second tap while printing
    settle(w);
    REQUIRE(w.status().phase == SlipStatus::Phase::Printed);
    const test::EscPosStream s = test::parseEscPos(test::readFile(dir / "slips.bin"));
    CHECK(s.cut);
    CHECK(drivers::decodeQrCodes(s.image) == std::vector<std::string>{"https://dichvucong.gov.vn"});

    // A slip whose screen has gone finishes unseen: the new screen stays Idle.
    REQUIRE(w.print(slip("https://vneid.gov.vn")));
    w.reset();
    CHECK(w.status().phase == SlipStatus::Phase::Idle);
    settle(w);
    CHECK(w.status().phase == SlipStatus::Phase::Idle);

    kiosk::PrintWorker broken(printer("file:" + (dir / "missing/slips.bin").string()));
    REQUIRE(broken.print(slip("https://dichvucong.gov.vn")));
    settle(broken);
    CHECK(broken.status().phase == SlipStatus::Phase::Failed);
    CHECK(broken.status().error.find("máy in giả") != std::string::npos);
    // Printing again is allowed after a failure.
    CHECK(broken.print(slip("https://dichvucong.gov.vn")));
    settle(broken);
}

TEST_CASE("a network printer on 127.0.0.1 gets the slip while the caller carries on")
{
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(server >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(server, 1) == 0);
    socklen_t len = sizeof a;
    ::getsockname(server, reinterpret_cast<sockaddr*>(&a), &len);
    std::string received;
    std::thread reader([&] {
        const int c = ::accept(server, nullptr, nullptr);
        char buf[65536];
        for (ssize_t n; (n = ::read(c, buf, sizeof buf)) > 0;) received.append(buf, static_cast<size_t>(n));
        ::close(c);
    });
    {
        kiosk::PrintWorker w(printer("tcp:127.0.0.1:" + std::to_string(ntohs(a.sin_port))));
        REQUIRE(w.print(slip("https://binhdanhocvuso.gov.vn")));
        settle(w);
        CHECK(w.status().phase == SlipStatus::Phase::Printed);
    }
    reader.join();
    ::close(server);
    const test::EscPosStream s = test::parseEscPos(received);
    CHECK(s.error.empty());
    CHECK(drivers::decodeQrCodes(s.image) == std::vector<std::string>{"https://binhdanhocvuso.gov.vn"});
}

namespace {
// A driver with a bug: throws instead of returning an error.
class ThrowingPrinter final : public kiosk::Printer {
public:
    int calls = 0;
    bool print(const kiosk::Receipt&, std::string&) override
    {
        if (++calls == 1) throw std::runtime_error("driver bug");
        return true;
    }
    bool check(std::string&) override { return true; }
    std::string describe() const override { return "máy in thử"; }
};
} // namespace

TEST_CASE("a printer driver that throws fails the slip with a message: the worker is not left busy and prints the next one")
{
    auto owned = std::make_unique<ThrowingPrinter>();
    ThrowingPrinter* p = owned.get();
    kiosk::PrintWorker w(std::move(owned));
    REQUIRE(w.print(slip("https://dichvucong.gov.vn")));
    settle(w);
    CHECK_FALSE(w.busy());
    REQUIRE(w.status().phase == SlipStatus::Phase::Failed);
    CHECK(w.status().error.find("Máy in gặp lỗi") != std::string::npos);
    REQUIRE(w.print(slip("https://dichvucong.gov.vn")));
    settle(w);
    CHECK(w.status().phase == SlipStatus::Phase::Printed);
    CHECK(p->calls == 2);
}
