// The shell: the wiring `kiosk run`, the UI harness and the long-run torture share. Intents reach
// the two flows, and each effect is carried out once: staff mode opens on the gesture (and never by
// itself after a reset), an upload starts or says why not, an admin's exit ends the loop.
#include "kiosk/flow/kiosk_shell.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <chrono>
#include <thread>

using namespace kiosk;

namespace {

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    Runtime rt = test::loadRuntime();
    std::unique_ptr<Records> rec;
    std::unique_ptr<App> app;
    std::unique_ptr<StaffFlow> staff;
    Effects seen;
    std::vector<UsageEvent> usage;
    Fixture()
    {
        clock.setUnixSeconds(1'795'000'000);
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Lê Thị Hoa", StaffRole::Admin, "135790", "cli", error));
        app = std::make_unique<App>(rt.catalogue, rt.config, clock);
        std::vector<Problem> problems;
        staff = std::make_unique<StaffFlow>(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), clock);
    }
    ShellParts parts()
    {
        ShellParts p{*app};
        p.staff = staff.get();
        p.observe = [this](const Effect& e) { seen.push_back(e); };
        p.usage = [this](std::vector<UsageEvent> ev) { usage.insert(usage.end(), ev.begin(), ev.end()); };
        return p;
    }
    void signIn(KioskShell& shell)
    {
        shell.apply({intent::Start{}, intent::OpenStaff{}}, {});
        REQUIRE(staff->active());
        shell.apply({}, {staff_intent::ChooseStaff{"Lê Thị Hoa"}});
        for (char c : std::string("135790")) shell.apply({}, {staff_intent::PinDigit{c}});
        shell.apply({}, {staff_intent::PinSubmit{}});
        REQUIRE(staff->awaitPinCheck());
        REQUIRE(staff->state().screen == StaffScreen::Home);
    }
};

} // namespace

TEST_CASE("the shell opens staff mode once for the gesture, and a visit's reset never opens it")
{
    Fixture f;
    KioskShell shell(f.parts());
    shell.apply({intent::Start{}, intent::OpenStaff{}}, {});
    CHECK(f.staff->active());
    CHECK(effectsOf<effect::OpenStaffMode>(f.seen).size() == 1);
    CHECK(f.staff->state().screen == StaffScreen::SignIn);
    shell.apply({}, {staff_intent::Close{}});
    CHECK_FALSE(f.staff->active());
    // The next visitors come and go; the idle reset runs: staff mode stays closed.
    shell.apply({intent::Start{}, intent::GoHome{}}, {});
    f.clock.advanceSeconds(3600);
    shell.tick();
    CHECK_FALSE(f.staff->active());
    CHECK(effectsOf<effect::OpenStaffMode>(f.seen).size() == 1);
    // The citizen flow's usage events went to the usage log's hand, not left in the flow.
    CHECK_FALSE(f.usage.empty());
    CHECK(f.app->takeEvents().empty());
}

TEST_CASE("an upload asked for without an uploader or with bad settings says why on the staff home")
{
    Fixture f;
    {
        KioskShell shell(f.parts());
        f.signIn(shell);
        shell.apply({}, {staff_intent::UploadNow{}});
        CHECK(effectsOf<effect::StartUpload>(f.seen).size() == 1);
        CHECK(f.staff->state().messageIsError);
        CHECK(f.staff->state().message.find("chưa được cài để tải dữ liệu lên xã") != std::string::npos);
        CHECK_FALSE(f.staff->state().uploading);
    }
    UploadWorker uploads(f.dir.path(), [] { return std::unique_ptr<Transport>(); });
    ShellParts p = f.parts();
    p.uploads = &uploads;
    p.uploadOptions = [](UploadOptions&, std::string& error) {
        error = "Chưa đặt địa chỉ máy chủ xã ([upload] url).";
        return false;
    };
    KioskShell shell(std::move(p));
    shell.apply({}, {staff_intent::UploadNow{}});
    CHECK(f.staff->state().message == "Chưa đặt địa chỉ máy chủ xã ([upload] url).");
    CHECK_FALSE(uploads.busy());
}

TEST_CASE("an admin's exit to the desktop ends the loop through the shell, once")
{
    Fixture f;
    KioskShell shell(f.parts());
    f.signIn(shell);
    CHECK_FALSE(shell.exitRequested());
    shell.apply({}, {staff_intent::ExitToDesktop{}});
    CHECK(shell.exitRequested());
    CHECK(effectsOf<effect::ExitToDesktop>(f.seen).size() == 1);
    shell.tick();
    CHECK(effectsOf<effect::ExitToDesktop>(f.seen).size() == 1);
}
