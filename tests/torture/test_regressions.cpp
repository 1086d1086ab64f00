// Faults the slow torture runs found, each pinned here by a fast test in the default suite.
//  - 72 simulated hours: the citizen flow's reset zeroed a request counter (staffRequest, now an
//    effect), so the run loop opened the staff sign-in by itself when the first visit after a
//    staff shift ended.
//  - 72 simulated hours: a citizen whose details staff typed by hand has no issue date; it was
//    sealed and uploaded as "0000-00-00", which the collector refuses, so such sessions waited
//    on the kiosk forever.
// (The disk tests pin the third: a COMMIT failing on a full disk was reported as "cannot
// rollback - no transaction is active" instead of the full-disk message.)
#include "collector/upload_handler.hpp"
#include "kiosk/flow/app_state.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/sync/uploader.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("the staff gesture's request survives the next visit's reset: staff mode does not open by itself")
{
    ManualClock clock;
    Runtime rt = test::loadRuntime();
    App app(rt.catalogue, rt.config, clock);
    auto staffOpens = [&] { return effectsOf<effect::OpenStaffMode>(app.takeEffects()).size(); };
    app.apply(intent::Start{});
    app.apply(intent::OpenStaff{});
    CHECK(staffOpens() == 1);   // the loop opens staff mode once
    // The next citizen: one finishes (thank-you screen), one walks away, one taps home.
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::Vi});
    app.apply(intent::Finish{});
    clock.advanceSeconds(rt.config.thanksSeconds + 1);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK(staffOpens() == 0);
    app.apply(intent::Start{});
    clock.advanceSeconds(rt.config.idleTimeoutSeconds + 1);
    app.tick();   // "Bác còn ở đó không?"
    clock.advanceSeconds(rt.config.idleCountdownSeconds + 1);
    app.tick();
    CHECK(app.state().screen == Screen::Attract);
    CHECK(staffOpens() == 0);
    app.apply(intent::Start{});
    app.apply(intent::GoHome{});
    CHECK(staffOpens() == 0);
    app.apply(intent::OpenStaff{});
    CHECK(staffOpens() == 1);      // a real gesture still counts
}

TEST_CASE("a citizen typed by hand (no issue date) is uploaded and accepted by the collector")
{
    test::TempDir dir;
    ManualClock clock;
    clock.setUnixSeconds(1'795'000'000);
    std::string error;
    auto rec = Records::open(dir / "kiosk", clock, error);
    REQUIRE_MESSAGE(rec, error);
    const int64_t staff = *rec->staff->ensureImported("Trần Văn Bảo");
    const CitizenId card = torture::citizen(42);
    char birth[16];
    std::snprintf(birth, sizeof birth, "%02d%02d%04d", card.birthDay, card.birthMonth, card.birthYear);
    const CccdParse typed = checkTypedCitizen(card.id, card.fullName, birth, vietnamDate(clock.unixSeconds()));
    REQUIRE_MESSAGE(typed.ok(), typed.message);
    CHECK(typed.citizen->issueDateIso().empty());
    NewSession s = torture::newSession(1, staff, clock.unixSeconds());
    s.citizen = typed.citizen;
    s.consent = true;
    REQUIRE_MESSAGE(rec->sessions->save(s, error), error);

    auto store = collector::CollectorStore::open(dir / "collector", error);
    REQUIRE_MESSAGE(store, error);
    const std::string token = *store->addKiosk("Ki-ốt 1", error);
    collector::UploadHandler handler(*store);
    struct InProcess final : Transport {
        collector::UploadHandler& h;
        explicit InProcess(collector::UploadHandler& handler) : h(handler) {}
        TransportResponse post(const TransportRequest& req) override
        {
            const collector::HttpResponse a = h.handle({"POST", "/api/v1/upload", req.headers, req.body});
            TransportResponse r;
            r.status = a.status;
            r.contentType = "application/json";
            r.body = a.body;
            return r;
        }
    } transport(handler);
    Uploader up(*rec->db, *rec->vault, transport, clock);
    UploadOptions o;
    o.url = "https://thongke.example-xa.gov.vn/api/v1/upload";
    o.token = token;
    o.version = "0.1.0";
    const UploadResult r = up.run(o);
    CHECK_MESSAGE(r.ok, r.message);
    CHECK(r.waiting.sessions == 0);
    Statement st(store->db().handle(), "SELECT count(*) FROM sessions WHERE citizen_id IS NOT NULL");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 1);
}
