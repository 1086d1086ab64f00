// "In phiếu" on the real screens, headless, with the real printer drivers: the fake printer writes
// the ESC/POS stream to a file, which is read back like a printer would and its QR code decoded
// like a phone would; a printer that does not answer shows its message and nothing else breaks.
#include "drivers/print/escpos_printer.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "kiosk/flow/slip_desk.hpp"
#include "tests/drivers/print/escpos_stream.hpp"
#include "tests/support/test_support.hpp"
#include "tests/ui/ui_harness.hpp"
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace kiosk;

namespace {

// A port on 127.0.0.1 where nothing listens: a network printer switched off.
std::string closedPort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(s);
    return "tcp:127.0.0.1:" + std::to_string(ntohs(a.sin_port));
}

struct Fixture {
    Runtime rt = test::loadRuntime();
    test::TempDir dir;
    test::UiHarness ui{rt};
    std::unique_ptr<Records> rec;
    std::unique_ptr<StaffFlow> flow;
    std::unique_ptr<PrintWorker> printer;
    std::unique_ptr<SlipDesk> desk;

    Fixture()
    {
        ui.clock().setUnixSeconds(1'795'000'000);
        std::string error;
        rec = Records::open(dir / "data", ui.clock(), error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        std::vector<Problem> problems;
        flow = std::make_unique<StaffFlow>(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), ui.clock());
        ui.attachStaff(*flow);
        usePrinter("");
    }
    // As `kiosk run` wires `[devices] printer`.
    void usePrinter(const std::string& spec)
    {
        std::string error;
        ui.attachSlipDesk(nullptr, nullptr);
        desk.reset();
        printer = std::make_unique<PrintWorker>(drivers::openPrinter(spec, rt.config.devices.printerWidthDots, error));
        REQUIRE_MESSAGE(error.empty(), error);
        desk = std::make_unique<SlipDesk>(*printer, rt.catalogue, rt.config, ui.clock());
        ui.attachSlipDesk(desk.get(), printer.get());
        ui.attachSlips(&printer->status());
        frames(2);
    }
    void frames(int n)
    {
        for (int i = 0; i < n; ++i) ui.frame();   // the shell services the desk, as in `kiosk run`
    }
    bool tap(const char* id)
    {
        const bool ok = ui.tap(id);
        frames(2);
        return ok;
    }
    // Frames until the slip is out (or failed). A generous bound, no timing assert: a slow
    // machine only takes longer.
    SlipStatus::Phase waitForPrinter()
    {
        for (int i = 0; i < 6000 && printer->status().phase == SlipStatus::Phase::Printing; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            frames(1);
        }
        frames(2);
        return printer->status().phase;
    }
    // The QR screen as a citizen reaches it: a lesson's end, then "Lấy mã QR về điện thoại".
    const Lesson& finishLesson()
    {
        const Lesson* l = rt.catalogue.find("vneid-kich-hoat-muc-2");
        REQUIRE(l != nullptr);
        ui.app().apply(intent::Start{});
        REQUIRE(ui.app().openLessonDone(l->id));
        frames(2);
        REQUIRE(tap("done.qr"));
        REQUIRE(ui.app().state().screen == Screen::Handoff);
        return *l;
    }
    std::string printedQr(const char* file)
    {
        const test::EscPosStream slip = test::parseEscPos(test::readFile(dir / file));
        INFO(slip.error);
        REQUIRE(slip.error.empty());
        REQUIRE(slip.cut);
        const std::vector<std::string> codes = drivers::decodeQrCodes(slip.image);
        REQUIRE(codes.size() == 1);
        return codes.front();
    }
};

} // namespace

TEST_CASE("after a lesson the citizen taps \"In phiếu\": printing off the frame loop, then done, and the slip's QR code reads")
{
    Fixture f;
    f.usePrinter("file:" + (f.dir / "slips.bin").string());
    const Lesson& lesson = f.finishLesson();
    REQUIRE(f.ui.visible("handoff.print"));
    REQUIRE(f.tap("handoff.print"));
    CHECK_FALSE(f.ui.visible("handoff.print"));      // "Đang in…" (or already done) in its place
    REQUIRE(f.waitForPrinter() == SlipStatus::Phase::Printed);
    CHECK_FALSE(f.ui.visible("handoff.print"));      // one slip per visit from this screen
    CHECK(f.ui.visible("handoff.done"));

    const Handoff* h = f.rt.config.handoff(lesson.handoff);
    REQUIRE(h);
    const Link* link = f.rt.config.link(h->links.front());
    REQUIRE(link);
    CHECK(f.printedQr("slips.bin") == link->url);

    // The citizen carries on; the next visitor's QR screen offers a fresh slip.
    REQUIRE(f.tap("handoff.done"));
    CHECK(f.ui.app().state().screen == Screen::Thanks);
    CHECK(f.printer->status().phase == SlipStatus::Phase::Idle);
    f.ui.app().apply(intent::GoHome{});
    f.frames(2);
    f.finishLesson();
    CHECK(f.ui.visible("handoff.print"));
    // The QR screen opened from the catalogue, with no lesson finished, offers no slip.
    REQUIRE(f.tap("handoff.back"));
    REQUIRE(f.tap("catalogue.qr.binhdanhocvuso"));
    REQUIRE(f.ui.app().state().screen == Screen::Handoff);
    CHECK_FALSE(f.ui.visible("handoff.print"));
}

TEST_CASE("a printer that does not answer: the message shows, the screen carries on")
{
    Fixture f;
    f.usePrinter(closedPort());
    f.finishLesson();
    REQUIRE(f.tap("handoff.print"));
    REQUIRE(f.waitForPrinter() == SlipStatus::Phase::Failed);
    CHECK(f.printer->status().error.find("127.0.0.1") != std::string::npos);
    CHECK_FALSE(f.ui.visible("handoff.print"));      // the citizen is not asked to try again
    REQUIRE(f.tap("handoff.done"));                  // and carries on
    CHECK(f.ui.app().state().screen == Screen::Thanks);
}

TEST_CASE("no printer configured: no button, and a print request does nothing")
{
    Fixture f;
    f.finishLesson();
    CHECK_FALSE(f.ui.visible("handoff.print"));
    f.ui.app().apply(intent::PrintSlip{});
    f.frames(2);
    CHECK(f.printer->status().phase == SlipStatus::Phase::Idle);
}

TEST_CASE("the staff summary prints the session's slip, a failure offers \"In lại\"")
{
    Fixture f;
    // The fake printer's folder is missing at first: a printer that cannot print.
    f.usePrinter("file:" + (f.dir / "tray/session.bin").string());
    const char* card = "038190001234|172345678|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn 1, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";
    f.ui.hold(ImVec2(40, 40), 3.2);
    f.frames(2);
    REQUIRE(f.tap("staff.name.0"));
    for (const char* k : {"pin.2", "pin.4", "pin.6", "pin.8"}) REQUIRE(f.tap(k));
    REQUIRE(f.tap("pin.ok"));
    REQUIRE(f.flow->awaitPinCheck());
    f.frames(2);
    REQUIRE(f.tap("staff.new"));
    f.flow->apply(staff_intent::CodeRead{card});
    f.frames(2);
    REQUIRE(f.tap("consent.yes"));
    REQUIRE(f.tap("service.vneid_level2"));
    REQUIRE(f.tap("staff.save"));
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);

    REQUIRE(f.tap("summary.print"));
    REQUIRE(f.waitForPrinter() == SlipStatus::Phase::Failed);
    CHECK(f.printer->status().error.find("máy in giả") != std::string::npos);
    REQUIRE(f.ui.visible("summary.print.retry"));
    CHECK(f.ui.visible("summary.next"));             // nothing else on the summary is blocked

    // The printer is seen to; "In lại" prints.
    std::filesystem::create_directories(f.dir / "tray");
    REQUIRE(f.tap("summary.print.retry"));
    REQUIRE(f.waitForPrinter() == SlipStatus::Phase::Printed);
    CHECK(f.printedQr("tray/session.bin") == f.rt.config.link("dichvucong")->url);
    // Signing out leaves nothing of the slip's state behind.
    REQUIRE(f.tap("staff.close"));
    CHECK(f.printer->status().phase == SlipStatus::Phase::Idle);
}
