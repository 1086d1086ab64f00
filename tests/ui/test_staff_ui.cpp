// Staff mode on the real screens, headless: the hidden gesture, the PIN pad or a staff badge held
// to a fake scanner, a card from it, consent, the checklist and the save — and a torn card that
// saves nothing.
#include "drivers/readers/fake_code_reader.hpp"
#include "kiosk/households/household_import.hpp"
#include "kiosk/households/household_register.hpp"
#include "tests/support/test_support.hpp"
#include "tests/ui/ui_harness.hpp"
#include "ui/layout_record.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

namespace {

const char* kCard = "038190001234|172345678|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn 1, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";

struct Fixture {
    Runtime rt = test::loadRuntime();
    test::TempDir dir;
    test::UiHarness ui{rt};
    std::unique_ptr<Records> rec;
    std::unique_ptr<StaffFlow> flow;
    drivers::FakeCodeReader scanner;
    ReaderPump pump;
    Fixture()
    {
        ui.clock().setUnixSeconds(1'795'000'000);
        std::string error;
        rec = Records::open(dir.path(), ui.clock(), error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        std::vector<Problem> problems;
        flow = std::make_unique<StaffFlow>(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), ui.clock());
        ui.attachStaff(*flow);
        pump.add(scanner);
        ui.frames(2);
    }
    void frame()
    {
        ui.frame();
        pump.service(*flow);
        ui.frames(2);
    }
    bool tap(const char* id)
    {
        bool ok = ui.tap(id);
        pump.service(*flow);
        ui.frames(2);
        return ok;
    }
    void signIn()
    {
        ui.hold(ImVec2(40, 40), 3.2);
        REQUIRE(flow->state().screen == StaffScreen::SignIn);
        REQUIRE(tap("staff.name.0"));
        for (const char* k : {"pin.2", "pin.4", "pin.6", "pin.8"}) REQUIRE(tap(k));
        CHECK(flow->state().pinLength == 4);
        REQUIRE(tap("pin.ok"));
        REQUIRE(flow->awaitPinCheck());   // the check runs off the frame; the next frames show its result
        REQUIRE(flow->awaitDashboard());  // so do the quarter's figures
        ui.frames(2);
        REQUIRE(flow->state().screen == StaffScreen::Home);
    }
};

} // namespace

TEST_CASE("a short touch in the corner does nothing, three seconds open the staff PIN pad")
{
    Fixture f;
    f.ui.hold(ImVec2(40, 40), 1.0);
    CHECK_FALSE(f.flow->active());
    CHECK(f.ui.app().state().screen == Screen::Language);   // a plain tap on the start screen starts a visit
    f.ui.app().apply(intent::GoHome{});
    f.ui.frames(2);
    f.ui.hold(ImVec2(40, 40), 3.2);
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.ui.visible("pin.5"));
    CHECK_FALSE(f.ui.visible("attract.start"));
    REQUIRE(f.tap("staff.close"));
    CHECK_FALSE(f.flow->active());
}

TEST_CASE("a whole assisted session on screen: sign in, scan, consent, tick, save")
{
    Fixture f;
    f.signIn();
    REQUIRE(f.tap("staff.new"));
    REQUIRE(f.flow->state().screen == StaffScreen::Identify);
    CHECK(f.scanner.started());

    f.scanner.push("038190001234|172345678|Nguyễn Th");   // torn: the card moved
    f.frame();
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    CHECK(f.flow->state().messageIsError);
    f.scanner.push("https://vneid.gov.vn");                 // some other QR code
    f.frame();
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    CHECK(f.rec->sessions->sessionCount() == 0);

    f.scanner.push(kCard);
    f.frame();
    REQUIRE(f.flow->state().screen == StaffScreen::Consent);
    CHECK_FALSE(f.scanner.started());                       // the camera is off once the card is read
    REQUIRE(f.tap("consent.yes"));
    REQUIRE(f.flow->state().screen == StaffScreen::Checklist);
    REQUIRE(f.tap("service.vneid_install"));
    REQUIRE(f.tap("service.vneid_level2"));
    REQUIRE(f.tap("service.vneid_level2"));                 // done → partly done
    REQUIRE(f.tap("village.2"));
    f.ui.clock().advanceSeconds(420);
    REQUIRE(f.tap("staff.save"));
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    CHECK(f.ui.visible("summary.next"));

    auto c = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(c);
    REQUIRE(c->sessions.size() == 1);
    const SessionView& s = c->sessions[0];
    CHECK(s.staffName == "Trần Văn Bảo");
    CHECK(s.village == f.rt.config.villages.at(2));
    REQUIRE(s.services.size() == 2);
    CHECK(s.services[1] == ServiceOutcome{"vneid_level2", Outcome::Partial});

    REQUIRE(f.tap("summary.done"));
    CHECK(f.flow->state().screen == StaffScreen::Home);
    REQUIRE(f.tap("staff.close"));                          // sign out
    CHECK_FALSE(f.flow->active());
    CHECK(f.ui.app().state().screen == Screen::Attract);
}

TEST_CASE("the on-screen keyboard types the card's details when no scanner reads it")
{
    Fixture f;
    f.signIn();
    REQUIRE(f.tap("staff.new"));
    REQUIRE(f.tap("staff.type"));
    REQUIRE(f.flow->state().screen == StaffScreen::TypeId);
    for (char c : std::string("038190001234")) REQUIRE(f.tap(("kb." + std::string(1, c)).c_str()));
    REQUIRE(f.tap("type.name"));
    for (const char* k : {"kb.n", "kb.g", "kb.u", "kb.y", "kb.e", "kb.e", "kb.n", "kb.x", "kb.space", "kb.a", "kb.n"}) REQUIRE(f.tap(k));
    REQUIRE(f.tap("type.birth"));
    for (char c : std::string("15031990")) REQUIRE(f.tap(("kb." + std::string(1, c)).c_str()));
    REQUIRE(f.tap("type.check"));
    REQUIRE(f.flow->state().screen == StaffScreen::Consent);
    CHECK(f.flow->state().citizenName == "Nguyễn An");
}

TEST_CASE("a staff badge held to the scanner on the PIN pad signs in, then a whole session")
{
    Fixture f;
    std::string error;
    REQUIRE(f.rec->staff->add("Lê Thị Hoa", StaffRole::Officer, "135790", "cli", error));
    auto badge = f.rec->badges->issue("Lê Thị Hoa", "cli", error);
    REQUIRE_MESSAGE(badge, error);

    f.ui.hold(ImVec2(40, 40), 3.2);
    f.frame();
    REQUIRE(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.scanner.started());                              // the readers run under the PIN pad
    // The citizen's card on the wrong screen is explained, and nobody is signed in.
    f.scanner.push(kCard);
    f.frame();
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().message.find("căn cước của người dân") != std::string::npos);
    CHECK(f.ui.visible("pin.5"));

    f.scanner.push(badge->payload);
    f.frame();
    REQUIRE(f.flow->state().screen == StaffScreen::Home);
    CHECK(f.flow->state().memberName == "Lê Thị Hoa");
    CHECK_FALSE(f.scanner.started());                        // off once signed in
    CHECK(f.ui.visible("staff.new"));

    REQUIRE(f.tap("staff.new"));
    CHECK(f.scanner.started());
    f.scanner.push(kCard);
    f.frame();
    REQUIRE(f.flow->state().screen == StaffScreen::Consent);
    REQUIRE(f.tap("consent.no"));
    REQUIRE(f.tap("service.vneid_install"));
    REQUIRE(f.tap("staff.save"));
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    CHECK_FALSE(f.ui.visible("summary.print"));              // no printer configured
    auto v = f.rec->sessions->get(f.flow->state().savedId);
    REQUIRE(v);
    CHECK(v->staffName == "Lê Thị Hoa");
    CHECK(v->citizenUid.empty());                            // declined: anonymous
    REQUIRE(f.tap("staff.close"));

    // A replaced badge is refused on screen, and the PIN pad still works.
    auto newer = f.rec->badges->issue("Lê Thị Hoa", "cli", error);
    REQUIRE(newer);
    f.ui.hold(ImVec2(40, 40), 3.2);
    f.scanner.push(badge->payload);
    f.frame();
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().message.find("thu hồi") != std::string::npos);
}

TEST_CASE("on the checklist, staff pick the household: the card's own first, typed words narrow the list, the choice is saved")
{
    Fixture f;
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.ui.clock());
    HouseholdImporter importer(*f.rec->db, reg, *f.rec->audit);
    REQUIRE(importer.importText("village,household_code,head_name,address\n"
                                "Thôn 1,T1-001,Lê Văn Đức,\"Số 7, Thôn 1\"\n"
                                "Thôn 1,T1-002,Nguyễn Thị Thuỷ,\"Thôn 1, Quảng Ngọc\"\n"
                                "Thôn 1,T1-003,Phạm Văn An,\"Số 12, Thôn 1\"\n",
                                "cli")
                .ok);
    f.signIn();
    REQUIRE(f.tap("staff.new"));
    f.scanner.push(kCard);
    f.frame();
    REQUIRE(f.tap("consent.yes"));
    REQUIRE(f.flow->state().screen == StaffScreen::Checklist);
    REQUIRE(f.flow->state().village == "Thôn 1");   // the register's first village
    REQUIRE(f.tap("household.open"));
    REQUIRE(f.flow->state().householdPicking);
    CHECK(f.ui.visible("household.T1-002"));         // the card's holder heads it
    CHECK(f.ui.visible("household.T1-001"));
    CHECK_FALSE(f.ui.visible("service.vneid_install"));   // the picker has the page
    // "duc" typed on the on-screen keyboard (no marks needed) leaves one household.
    for (const char* k : {"kb.d", "kb.u", "kb.c"}) REQUIRE(f.tap(k));
    CHECK(f.ui.visible("household.T1-001"));
    CHECK_FALSE(f.ui.visible("household.T1-002"));
    REQUIRE(f.tap("household.T1-001"));
    CHECK_FALSE(f.flow->state().householdPicking);
    CHECK(f.flow->state().household == "T1-001");
    REQUIRE(f.ui.visible("household.clear"));
    REQUIRE(f.tap("service.vneid_install"));
    REQUIRE(f.tap("staff.save"));
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    auto v = f.rec->sessions->get(f.flow->state().savedId);
    REQUIRE(v);
    CHECK(v->household == "T1-001");
    // Back out of the picker without choosing: nothing changes.
    REQUIRE(f.tap("summary.edit"));
    REQUIRE(f.tap("household.open"));
    REQUIRE(f.tap("household.back"));
    CHECK_FALSE(f.flow->state().householdPicking);
    CHECK(f.flow->state().household == "T1-001");
}

TEST_CASE("the staff home lists the lessons due for a check against the real apps, and none when all are recent")
{
    Fixture f;
    f.signIn();
    auto homeTexts = [&] {
        ui::LayoutRecord record;
        {
            ui::RecordLayout recording(record);
            f.ui.frame();
        }
        std::string all;
        for (const ui::TextRect& t : record.texts) all += t.text + "\n";
        return all;
    };
    CHECK(homeTexts().find("chưa đối chiếu lại") == std::string::npos);   // the shipped lessons were checked recently
    Lesson& old = f.rt.catalogue.lessons.front();
    old.provenance.checkedOn = CalendarDate{2020, 1, 15};
    const std::string texts = homeTexts();
    CHECK(texts.find("1 bài học quá 6 tháng chưa đối chiếu lại") != std::string::npos);
    CHECK(texts.find("• " + old.title.vi) != std::string::npos);
}
