// Staff mode without a screen: PIN sign-in, a card read, consent, the checklist, a durable save,
// refused cards that save nothing, corrections, anonymous sessions, automatic sign-out.
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/households/household_import.hpp"
#include <algorithm>
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <chrono>
#include <thread>

using namespace kiosk;

namespace {

const char* kCard = "038190001234|172345678|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn 1, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    Runtime rt = test::loadRuntime();
    std::unique_ptr<Records> rec;
    std::unique_ptr<StaffFlow> flow;
    Fixture()
    {
        clock.setUnixSeconds(1'795'000'000);   // 2026-11-18
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        REQUIRE(rec->staff->add("Lê Thị Hoa", StaffRole::Admin, "135790", "cli", error));
        std::vector<Problem> problems;
        flow = std::make_unique<StaffFlow>(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), clock);
    }
    void apply(const StaffIntent& in) { flow->apply(in); }
    void signIn(const std::string& name, const std::string& pin)
    {
        apply(staff_intent::Open{});
        apply(staff_intent::ChooseStaff{name});
        for (char c : pin) apply(staff_intent::PinDigit{c});
        apply(staff_intent::PinSubmit{});
        REQUIRE(flow->awaitPinCheck());   // Argon2 runs on a worker; the frame loop's tick() drains it
    }
};

} // namespace

TEST_CASE("a whole assisted session: sign in, scan, consent, tick, save, summary")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    REQUIRE(f.flow->state().screen == StaffScreen::Home);
    f.apply(staff_intent::NewSession{});
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    f.clock.advanceSeconds(30);
    f.apply(staff_intent::CodeRead{kCard});
    REQUIRE(f.flow->state().screen == StaffScreen::Consent);
    CHECK(f.flow->state().citizenName == "Nguyễn Thị Thuỷ");
    CHECK(f.flow->state().citizenIdMasked == "038•••••1234");
    CHECK(f.rec->sessions->citizenCount() == 0);   // nothing stored before consent
    f.apply(staff_intent::ConsentYes{});
    REQUIRE(f.flow->state().screen == StaffScreen::Checklist);
    f.apply(staff_intent::Save{});
    CHECK(f.flow->state().messageIsError);         // nothing ticked yet
    CHECK(f.rec->sessions->sessionCount() == 0);
    f.apply(staff_intent::ToggleService{"vneid_install"});
    f.apply(staff_intent::ToggleService{"vneid_level2"});
    f.apply(staff_intent::ToggleService{"vneid_level2"});     // done → partial
    f.apply(staff_intent::SetVillage{"Thôn 3"});
    f.apply(staff_intent::SetNotes{"Hẹn quay lại lấy mã kích hoạt"});
    f.clock.advanceSeconds(600);
    f.apply(staff_intent::Save{});
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    CHECK_FALSE(f.flow->state().messageIsError);
    auto v = f.rec->sessions->get(f.flow->state().savedId);
    REQUIRE(v);
    CHECK(v->staffName == "Trần Văn Bảo");
    CHECK(v->village == "Thôn 3");
    CHECK(v->endedAt - v->startedAt >= 630);
    REQUIRE(v->services.size() == 2);
    CHECK(v->services[0] == ServiceOutcome{"vneid_install", Outcome::Done});
    CHECK(v->services[1] == ServiceOutcome{"vneid_level2", Outcome::Partial});
    CHECK(f.rec->sessions->findCitizen("038190001234"));

    // A correction from the summary is audited and raises the revision.
    f.apply(staff_intent::EditSaved{});
    f.apply(staff_intent::ToggleService{"vneid_level2"});     // partial → referred
    f.apply(staff_intent::Save{});
    CHECK(f.flow->state().screen == StaffScreen::Summary);
    CHECK(f.rec->sessions->get(v->id)->revision == 2);
    CHECK(f.rec->sessions->sessionCount() == 1);
}

TEST_CASE("a torn, foreign or inconsistent QR code gets its message and nothing is saved")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::CodeRead{"038190001234|172345678|Nguyễn Th"});
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    CHECK(f.flow->state().messageIsError);
    const std::string torn = f.flow->state().message;
    f.apply(staff_intent::CodeRead{"https://dichvucong.gov.vn"});
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    const std::string foreign = f.flow->state().message;
    f.apply(staff_intent::CodeRead{"038091001234||Nguyễn Văn A|15031990|Nam|Thôn 1, Quảng Ngọc|10082021"});   // digits 5–6 say 1991, the card 1990
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    const std::string inconsistent = f.flow->state().message;
    CHECK(torn != foreign);
    CHECK(foreign != inconsistent);
    for (const std::string& m : {torn, foreign, inconsistent}) {
        CHECK(m.find("038") == std::string::npos);
        CHECK(m.find("Nguyễn") == std::string::npos);
    }
    CHECK(f.rec->sessions->sessionCount() == 0);
    CHECK(f.rec->sessions->citizenCount() == 0);
}

TEST_CASE("declining consent makes an anonymous session that still counts")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::CodeRead{kCard});
    f.apply(staff_intent::ConsentNo{});
    CHECK(f.flow->state().anonymous);
    CHECK_FALSE(f.flow->state().haveCitizen);
    f.apply(staff_intent::ToggleService{"online_safety"});
    f.apply(staff_intent::Save{});
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    CHECK(f.rec->sessions->sessionCount() == 1);
    CHECK(f.rec->sessions->citizenCount() == 0);
    CHECK(f.rec->sessions->get(f.flow->state().savedId)->citizenUid.empty());
}

TEST_CASE("typed card details are checked like a scanned card")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::StartTyping{});
    f.apply(staff_intent::TypedId{"038190001234", "Nguyễn Thị Thuỷ", "15031991"});   // year digits say 1990
    CHECK(f.flow->state().screen == StaffScreen::TypeId);
    CHECK(f.flow->state().messageIsError);
    f.apply(staff_intent::TypedId{"038190001234", "Nguyễn Thị Thuỷ", "15031990"});
    REQUIRE(f.flow->state().screen == StaffScreen::Consent);
    f.apply(staff_intent::ConsentYes{});
    f.apply(staff_intent::ToggleService{"bank_account"});
    f.apply(staff_intent::Save{});
    auto c = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(c);
    CHECK(c->card.gender == "female");
    CHECK(c->card.birthYear == 1990);
}

TEST_CASE("typed details never pass through a card payload: a '|' in one field cannot fill another")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::StartTyping{});
    // Joined into a fake card string, this name supplied the birth date 1990 that the number
    // wants, and the typed (wrong) birth date fell off the end.
    f.apply(staff_intent::TypedId{"038190001234", "Nguyễn Thị Thuỷ|15031990|Nữ|x|15031990", "15031991"});
    CHECK(f.flow->state().screen == StaffScreen::TypeId);
    CHECK(f.flow->state().messageIsError);
    CHECK_FALSE(f.rec->sessions->findCitizen("038190001234").has_value());

    const CivilDate today{2026, 12, 3};
    CccdParse p = checkTypedCitizen("038190001234", "Nguyễn Thị Thuỷ", "15031990", today);
    REQUIRE_MESSAGE(p.ok(), p.message);
    CHECK(p.citizen->fullName == "Nguyễn Thị Thuỷ");
    CHECK(p.citizen->address.empty());
    CHECK(p.citizen->issueDateIso().empty());
    CHECK_FALSE(checkTypedCitizen("038190001234|", "Nguyễn Thị Thuỷ", "15031990", today).ok());
    CHECK_FALSE(checkTypedCitizen("038190001234", "Nguyễn Thị Thuỷ", "15031990|x", today).ok());
}

TEST_CASE("the dashboard is built off the frame thread and reaches the screen at a tick")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    REQUIRE(f.flow->state().screen == StaffScreen::Home);
    CHECK(f.flow->state().dashboardLoading);
    CHECK(f.flow->nextWakeMs() <= f.clock.nowMs() + 10);   // the loop comes back for it
    // The frame thread's connection holds a write transaction: a build on that connection would
    // see it, the worker's own connection reads beside it (WAL) and still finishes.
    REQUIRE(f.rec->db->exec("BEGIN IMMEDIATE"));
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (f.flow->state().dashboardLoading && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        f.flow->tick();
    }
    REQUIRE(f.rec->db->exec("COMMIT"));
    CHECK_FALSE(f.flow->state().dashboardLoading);
    CHECK(f.flow->state().dashboard.error.empty());
    CHECK(f.flow->state().dashboard.dueDate == "21/12/2026");

    // Staff mode closed while a build runs: the result is dropped, not kept for the next person.
    f.apply(staff_intent::Close{});
    f.signIn("Trần Văn Bảo", "2468");
    CHECK(f.flow->state().dashboardLoading);
    f.apply(staff_intent::Close{});
    CHECK_FALSE(f.flow->active());
    REQUIRE(f.flow->awaitDashboard());
    f.flow->tick();
    CHECK(f.flow->state().dashboard.dueDate.empty());
    CHECK_FALSE(f.flow->state().dashboardLoading);
}

TEST_CASE("wrong PINs are counted, only admins may leave for the desktop, idle signs out")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "1111");
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().message.find("4 lần") != std::string::npos);
    CHECK(f.flow->state().pinLength == 0);
    f.apply(staff_intent::Close{});
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::ExitToDesktop{});
    CHECK(effectsOf<effect::ExitToDesktop>(f.flow->takeEffects()).empty());
    CHECK(f.flow->state().messageIsError);
    f.apply(staff_intent::Close{});
    f.signIn("Lê Thị Hoa", "135790");
    f.apply(staff_intent::ExitToDesktop{});
    CHECK(effectsOf<effect::ExitToDesktop>(f.flow->takeEffects()).size() == 1);

    f.clock.advanceSeconds(f.rt.config.staffIdleSeconds - 1);
    f.flow->tick();
    CHECK(f.flow->active());
    f.clock.advanceSeconds(2);
    f.flow->tick();
    CHECK_FALSE(f.flow->active());
    bool audited = false;
    for (const AuditEntry& e : f.rec->audit->recent())
        audited = audited || (e.action == "auto_sign_out" && e.actor == "Lê Thị Hoa");
    CHECK(audited);
}

TEST_CASE("the staff home shows this quarter's figures, the report deadline and the upload")
{
    Fixture f;   // 2026-11-18: the fourth quarter, due on 21/12
    f.signIn("Trần Văn Bảo", "2468");
    // The figures are built on the dashboard's worker, not in apply(): the home shows "loading"
    // until a tick takes them.
    CHECK(f.flow->state().dashboardLoading);
    REQUIRE(f.flow->awaitDashboard());
    CHECK_FALSE(f.flow->state().dashboardLoading);
    const Dashboard& d0 = f.flow->state().dashboard;
    CHECK(d0.error.empty());
    CHECK(d0.quarterLabel.find("IV") != std::string::npos);
    CHECK(d0.dueDate == "21/12/2026");
    CHECK(d0.daysUntilDue == 33);
    CHECK(d0.sessions == 0);
    CHECK(d0.upload.lastSuccess == 0);
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::CodeRead{kCard});
    f.apply(staff_intent::ConsentYes{});
    f.apply(staff_intent::ToggleService{"vneid_level2"});
    f.apply(staff_intent::Save{});
    f.apply(staff_intent::Done{});
    CHECK(f.flow->state().dashboard.sessions == 0);   // the last figures stay until the new ones come
    REQUIRE(f.flow->awaitDashboard());
    const Dashboard& d1 = f.flow->state().dashboard;
    CHECK(d1.sessions == 1);
    CHECK(d1.citizens == 1);
    CHECK(d1.upload.waiting.sessions == 1);   // saved, not yet sent

    (void)f.flow->takeEffects();
    f.apply(staff_intent::UploadNow{});
    CHECK(effectsOf<effect::StartUpload>(f.flow->takeEffects()).size() == 1);
    f.flow->uploadStarted();
    f.apply(staff_intent::UploadNow{});                    // one upload at a time
    CHECK(f.flow->takeEffects().empty());
    f.flow->uploadFinished(false, "Máy chủ của xã không trả lời.");
    CHECK(f.flow->state().messageIsError);
    CHECK(f.flow->state().message == "Máy chủ của xã không trả lời.");
    CHECK_FALSE(f.flow->state().uploading);
}

TEST_CASE("on the sign-in screen a badge signs in directly, a citizen's card or another code is explained")
{
    Fixture f;
    std::string error;
    auto badge = f.rec->badges->issue("Lê Thị Hoa", "cli", error);
    REQUIRE_MESSAGE(badge, error);
    const size_t audited = f.rec->audit->recent(1000).size();
    f.apply(staff_intent::Open{});
    CHECK(f.flow->scanning());                     // the readers run while the PIN pad shows
    CHECK_FALSE(f.flow->identifying());
    f.apply(staff_intent::CodeRead{kCard});
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().message.find("căn cước của người dân") != std::string::npos);
    f.apply(staff_intent::CodeRead{"038190001234|172345678|Nguyễn Th"});   // a torn card is still a card
    CHECK(f.flow->state().message.find("căn cước của người dân") != std::string::npos);
    f.apply(staff_intent::CodeRead{"https://dichvucong.gov.vn"});
    CHECK(f.flow->state().message.find("không phải thẻ cán bộ") != std::string::npos);
    CHECK(f.rec->audit->recent(1000).size() == audited);   // nothing of a citizen's card reaches the audit

    f.apply(staff_intent::ChooseStaff{"Trần Văn Bảo"});       // someone else's name chosen: the badge decides
    f.apply(staff_intent::PinDigit{'1'});
    f.apply(staff_intent::CodeRead{badge->payload});
    REQUIRE(f.flow->state().screen == StaffScreen::Home);
    CHECK(f.flow->state().memberName == "Lê Thị Hoa");
    CHECK(f.flow->state().role == StaffRole::Admin);
    CHECK(f.flow->state().byBadge);
    CHECK_FALSE(f.flow->scanning());
    // An admin by badge works as usual, but leaving for the desktop takes the admin's PIN.
    f.apply(staff_intent::ExitToDesktop{});
    CHECK(effectsOf<effect::ExitToDesktop>(f.flow->takeEffects()).empty());
    CHECK(f.flow->state().message.find("mã PIN") != std::string::npos);
    // A badge held up while identifying a citizen is not taken for their card.
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::CodeRead{badge->payload});
    CHECK(f.flow->state().screen == StaffScreen::Identify);
    CHECK(f.flow->state().message.find("thẻ cán bộ") != std::string::npos);
    f.apply(staff_intent::Close{});
    f.signIn("Lê Thị Hoa", "135790");
    CHECK_FALSE(f.flow->state().byBadge);
    f.apply(staff_intent::ExitToDesktop{});
    CHECK(effectsOf<effect::ExitToDesktop>(f.flow->takeEffects()).size() == 1);
}

TEST_CASE("a revoked or disabled badge is refused on the sign-in screen with its message")
{
    Fixture f;
    std::string error;
    auto old = f.rec->badges->issue("Trần Văn Bảo", "cli", error);
    auto current = f.rec->badges->issue("Trần Văn Bảo", "cli", error);
    REQUIRE(current);
    f.apply(staff_intent::Open{});
    f.apply(staff_intent::CodeRead{old->payload});
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().messageIsError);
    CHECK(f.flow->state().message.find("thu hồi") != std::string::npos);
    f.apply(staff_intent::CodeRead{"BDHVS-STAFF:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
    CHECK(f.flow->state().message.find("không dùng được") != std::string::npos);
    REQUIRE(f.rec->staff->disable("Trần Văn Bảo", "cli", error));
    f.apply(staff_intent::CodeRead{current->payload});
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().message.find("khoá") != std::string::npos);
}

TEST_CASE("the session's slip holds what was done and nothing personal, the summary asks for it")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::CodeRead{kCard});
    f.apply(staff_intent::ConsentYes{});
    f.apply(staff_intent::ToggleService{"vneid_install"});
    f.apply(staff_intent::ToggleService{"vneid_level2"});
    f.apply(staff_intent::ToggleService{"vneid_level2"});
    f.apply(staff_intent::SetNotes{"Hẹn quay lại"});
    (void)f.flow->takeEffects();
    f.apply(staff_intent::PrintSlip{});                            // not on the checklist
    CHECK(f.flow->takeEffects().empty());
    f.apply(staff_intent::Save{});
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    f.apply(staff_intent::PrintSlip{});
    const auto slips = effectsOf<effect::PrintSessionSlip>(f.flow->takeEffects());
    REQUIRE(slips.size() == 1);
    CHECK(slips[0].sessionId == f.flow->state().savedId);

    const Receipt r = sessionReceipt(f.flow->slip(), f.rt.config);
    std::string all = r.title + r.qrUrl + r.qrCaption;
    for (const ReceiptLine& l : r.lines) all += l.text + "\n";
    CHECK(all.find("Cài ứng dụng VNeID: đã xong") != std::string::npos);
    CHECK(all.find("làm được một phần") != std::string::npos);
    for (const char* personal : {"038190001234", "1234", "Nguyễn Thị Thuỷ", "Thuỷ", "172345678", "15/03/1990", "Hẹn quay lại"})
        CHECK_MESSAGE(all.find(personal) == std::string::npos, personal);
    CHECK(r.qrUrl.find("dichvucong") != std::string::npos);
    // Signing out asks for nothing.
    f.apply(staff_intent::Close{});
    CHECK(f.flow->takeEffects().empty());
}

TEST_CASE("the PIN is checked off the frame: the pad says it is checking, waits, and the result lands on a later tick")
{
    Fixture f;
    f.apply(staff_intent::Open{});
    f.apply(staff_intent::ChooseStaff{"Trần Văn Bảo"});
    for (char c : std::string("2468")) f.apply(staff_intent::PinDigit{c});
    const auto t0 = std::chrono::steady_clock::now();
    f.apply(staff_intent::PinSubmit{});
    const double applyMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // apply() returned before Argon2 finished: still on the sign-in screen, calmly checking.
    CHECK(f.flow->state().screen == StaffScreen::SignIn);
    CHECK(f.flow->state().checkingPin);
    CHECK(f.flow->state().message == "Đang kiểm tra…");
    CHECK_FALSE(f.flow->state().messageIsError);
    CHECK(f.flow->state().pinLength == 0);
    CHECK(f.flow->nextWakeMs() <= f.clock.nowMs() + 10);   // the loop comes back for the result
    f.apply(staff_intent::PinDigit{'9'});                              // the pad waits
    f.apply(staff_intent::PinSubmit{});
    CHECK(f.flow->state().pinLength == 0);
    MESSAGE("PinSubmit returned in " << applyMs << " ms");
    for (int i = 0; i < 1000 && f.flow->state().checkingPin; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        f.flow->tick();   // what the frame loop does at the start of each frame
    }
    CHECK_FALSE(f.flow->state().checkingPin);
    CHECK(f.flow->state().screen == StaffScreen::Home);
    int signIns = 0;
    for (const AuditEntry& e : f.rec->audit->recent(100)) signIns += e.action == "sign_in";
    CHECK(signIns == 1);
}

TEST_CASE("staff mode closed during a PIN check: the wrong guess still counts and is audited, nobody is signed in")
{
    Fixture f;
    f.apply(staff_intent::Open{});
    f.apply(staff_intent::ChooseStaff{"Trần Văn Bảo"});
    for (char c : std::string("9753")) f.apply(staff_intent::PinDigit{c});
    f.apply(staff_intent::PinSubmit{});
    f.apply(staff_intent::Close{});
    REQUIRE(f.flow->awaitPinCheck());
    CHECK(f.flow->state().screen == StaffScreen::Closed);
    CHECK(f.flow->state().memberName.empty());
    int wrong = 0;
    for (const AuditEntry& e : f.rec->audit->recent(100)) wrong += e.action == "wrong_pin";
    CHECK(wrong == 1);
    // A right PIN submitted and then abandoned records the sign-in but opens nothing.
    f.apply(staff_intent::Open{});
    f.apply(staff_intent::ChooseStaff{"Trần Văn Bảo"});
    for (char c : std::string("2468")) f.apply(staff_intent::PinDigit{c});
    f.apply(staff_intent::PinSubmit{});
    f.apply(staff_intent::Close{});
    REQUIRE(f.flow->awaitPinCheck());
    CHECK(f.flow->state().screen == StaffScreen::Closed);
}

TEST_CASE("the household register's villages become the checklist's village choices, from the next session on")
{
    Fixture f;
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    const std::vector<std::string> configured = f.rt.config.villages;
    CHECK(f.flow->state().villages == configured);   // no register yet: the configuration's villages
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.clock);
    HouseholdImporter importer(*f.rec->db, reg, *f.rec->audit);
    REQUIRE(importer.importText("village,household_code,head_name,address\n"
                                "Thôn 10,T10-1,Nguyễn Văn An,thôn 10\nThôn 2,T2-1,Lê Thị Bình,thôn 2\n",
                                "cli")
                .ok);
    f.apply(staff_intent::Back{});   // home, then a new session
    REQUIRE(f.flow->state().screen == StaffScreen::Home);
    f.apply(staff_intent::NewSession{});
    const std::vector<std::string>& villages = f.flow->state().villages;
    REQUIRE(villages.size() >= 2);
    CHECK(villages[0] == "Thôn 2");    // the register's, in the commune's order
    CHECK(villages[1] == "Thôn 10");
    CHECK(f.flow->state().village == "Thôn 2");
    for (const std::string& v : configured)   // the configuration's other villages stay choosable, once each
        CHECK(std::count(villages.begin(), villages.end(), v) == 1);
}

TEST_CASE("a session belongs to the household staff chose: saved, corrected, refused when unknown, covered by the session's MAC")
{
    Fixture f;
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.clock);
    HouseholdImporter importer(*f.rec->db, reg, *f.rec->audit);
    REQUIRE(importer.importText("village,household_code,head_name,address\n"
                                "Thôn 3,T3-001,Nguyễn Văn An,thôn 3\nThôn 4,T4-001,Lê Thị Bình,thôn 4\n",
                                "cli")
                .ok);
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    f.apply(staff_intent::Anonymous{});   // the household is the team's unit, even for an anonymous visit
    REQUIRE(f.flow->state().screen == StaffScreen::Checklist);
    f.apply(staff_intent::SetHousehold{"KHONG-CO"});
    CHECK(f.flow->state().messageIsError);
    CHECK(f.flow->state().household.empty());
    f.apply(staff_intent::SetHousehold{"T3-001"});
    CHECK(f.flow->state().household == "T3-001");
    CHECK(f.flow->state().village == "Thôn 3");   // the household's village comes with it
    f.apply(staff_intent::ToggleService{"vneid_install"});
    f.apply(staff_intent::Save{});
    REQUIRE(f.flow->state().screen == StaffScreen::Summary);
    auto v = f.rec->sessions->get(f.flow->state().savedId);
    REQUIRE(v);
    CHECK(v->household == "T3-001");

    // A correction can change the household; choosing another village drops a household that is not in it.
    f.apply(staff_intent::EditSaved{});
    f.apply(staff_intent::SetVillage{"Thôn 4"});
    CHECK(f.flow->state().household.empty());
    f.apply(staff_intent::SetHousehold{"T4-001"});
    f.apply(staff_intent::Save{});
    v = f.rec->sessions->get(f.flow->state().savedId);
    REQUIRE(v);
    CHECK(v->household == "T4-001");
    CHECK(v->revision == 2);
    Statement fields(f.rec->db->handle(), "SELECT fields FROM corrections ORDER BY id DESC LIMIT 1");
    REQUIRE(fields.step());
    CHECK(fields.text(0).find("household") != std::string::npos);
}

TEST_CASE("the household picker: the village's households, searched without marks by name, code or address, the card's own first")
{
    Fixture f;
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.clock);
    HouseholdImporter importer(*f.rec->db, reg, *f.rec->audit);
    // kCard: Nguyễn Thị Thuỷ, "Thôn 1, Quảng Ngọc, …". Her household's head is her husband; the
    // register's address for it is "Thôn 1" too, so only a name or a house number could point to it.
    REQUIRE(importer.importText("village,household_code,head_name,address\n"
                                "Thôn 1,T1-001,Lê Văn Đức,\"Số 7, Thôn 1\"\n"
                                "Thôn 1,T1-002,Nguyễn Thị Thuỷ,\"Thôn 1, Quảng Ngọc\"\n"
                                "Thôn 1,T1-003,Phạm Văn An,\"Số 12, Thôn 1\"\n"
                                "Thôn 2,T2-001,Nguyễn Văn Đức,\"Số 3, Thôn 2\"\n",
                                "cli")
                .ok);
    f.signIn("Trần Văn Bảo", "2468");
    f.apply(staff_intent::NewSession{});
    CHECK(f.flow->state().householdRegister);
    f.apply(staff_intent::CodeRead{kCard});
    f.apply(staff_intent::ConsentYes{});
    REQUIRE(f.flow->state().screen == StaffScreen::Checklist);
    f.apply(staff_intent::SetVillage{"Thôn 1"});
    f.apply(staff_intent::FindHousehold{""});
    const auto& all = f.flow->state().householdResults;
    REQUIRE(all.size() == 3);                  // Thôn 1 only
    CHECK(all[0].code == "T1-002");            // the card's holder heads it: suggested first
    CHECK(all[0].suggested);
    CHECK_FALSE(all[1].suggested);
    CHECK(all[1].headName == "Phạm Văn An");   // then by given name: An before Đức
    CHECK(all[2].headName == "Lê Văn Đức");
    f.apply(staff_intent::FindHousehold{"duc"});   // typed without marks
    REQUIRE(f.flow->state().householdResults.size() == 1);
    CHECK(f.flow->state().householdResults[0].code == "T1-001");
    f.apply(staff_intent::FindHousehold{"SỐ 12"});
    REQUIRE(f.flow->state().householdResults.size() == 1);
    CHECK(f.flow->state().householdResults[0].code == "T1-003");
    f.apply(staff_intent::FindHousehold{"t1-00"});
    CHECK(f.flow->state().householdResults.size() == 3);
    f.apply(staff_intent::FindHousehold{"khong co ai"});
    CHECK(f.flow->state().householdResults.empty());
    // Another village: its own households.
    f.apply(staff_intent::SetVillage{"Thôn 2"});
    f.apply(staff_intent::FindHousehold{"duc"});
    REQUIRE(f.flow->state().householdResults.size() == 1);
    CHECK(f.flow->state().householdResults[0].code == "T2-001");
    f.apply(staff_intent::SetHousehold{"T2-001"});
    CHECK(f.flow->state().householdLabel == "T2-001  ·  Nguyễn Văn Đức");
    CHECK(f.flow->state().householdResults.empty());   // the list leaves the screen once chosen
    // The next session starts with none, and nothing of the register left in the state.
    f.apply(staff_intent::ToggleService{"vneid_install"});
    f.apply(staff_intent::Save{});
    f.apply(staff_intent::NewSession{});
    CHECK(f.flow->state().household.empty());
    CHECK(f.flow->state().householdLabel.empty());
    CHECK(f.flow->state().householdResults.empty());
}

TEST_CASE("the staff dashboard's villages: households reached this year against 90 % of the register, furthest behind first")
{
    Fixture f;
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.clock);
    HouseholdImporter importer(*f.rec->db, reg, *f.rec->audit);
    // Thôn 1: 10 households (goal 9); Thôn 2: 3 households (goal 3, 90 % rounded up).
    std::string csv = "village,household_code,head_name,address\n";
    for (int i = 1; i <= 10; ++i) csv += "Thôn 1,A" + std::to_string(i) + ",Chủ hộ A" + std::to_string(i) + ",Số " + std::to_string(i) + "\n";
    for (int i = 1; i <= 3; ++i) csv += "Thôn 2,B" + std::to_string(i) + ",Chủ hộ B" + std::to_string(i) + ",Số " + std::to_string(i) + "\n";
    REQUIRE(importer.importText(csv, "cli").ok);
    f.signIn("Trần Văn Bảo", "2468");
    // Two sessions: household B1 (one person, both VNeID level 2 and an online service: counts for
    // vneid_dvc), household A1 (one service).
    auto session = [&](const char* household, std::initializer_list<const char*> services) {
        f.apply(staff_intent::NewSession{});
        f.apply(staff_intent::Anonymous{});
        for (const char* s : services) f.apply(staff_intent::ToggleService{s});
        f.apply(staff_intent::SetHousehold{household});
        f.apply(staff_intent::Save{});
        REQUIRE(f.flow->state().screen == StaffScreen::Summary);
        f.apply(staff_intent::Done{});
    };
    session("B1", {"vneid_level2", "online_public_service"});
    session("A1", {"vneid_install"});
    REQUIRE(f.flow->awaitDashboard());
    const auto& v = f.flow->state().dashboard.villages;
    REQUIRE(v.size() == 2);
    CHECK(v[0].village == "Thôn 1");   // 1 of 9: furthest behind
    CHECK(v[0].households == 10);
    CHECK(v[0].goal() == 9);
    CHECK(v[0].reached == 1);
    CHECK(v[0].vneidDvc == 0);
    CHECK(v[1].village == "Thôn 2");   // 1 of 3
    CHECK(v[1].goal() == 3);
    CHECK(v[1].reached == 1);
    CHECK(v[1].vneidDvc == 1);
    CHECK(v[1].vneidDvcShare() == doctest::Approx(1.0 / 3.0));
}
