// Assisted-session records: consent before personal data, sealed fields (the data folder's bytes
// hold no ID number or name), the same citizen found again, audited corrections, erasure.
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace kiosk;

namespace {

const char* kCard = "038190001234|172345678|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";
const char* kOtherCard = "038056009876||Lê Văn Tám|02091956|Nam|Thôn Tây, Quảng Ngọc, Quảng Xương, Thanh Hóa|01022022";

CitizenId card(const char* payload)
{
    CccdParse p = parseCccd(payload, CivilDate{2026, 11, 23});
    REQUIRE_MESSAGE(p.ok(), p.message);
    return *p.citizen;
}

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Records> rec;
    int64_t staffId = 0;
    Fixture() { reopen(); }
    void reopen()
    {
        rec.reset();
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        if (!rec->staff->find("Trần Văn Bảo")) REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        staffId = rec->staff->find("Trần Văn Bảo")->id;
    }
    NewSession session(std::optional<CitizenId> c, bool consent)
    {
        NewSession s;
        s.staffId = staffId;
        s.startedAt = clock.unixSeconds();
        s.endedAt = s.startedAt + 600;
        s.citizen = std::move(c);
        s.consent = consent;
        s.village = "Thôn Đông";
        s.notes = "Bà Thuỷ cần con gái giúp nhận mã OTP";
        s.services = {{"vneid_install", Outcome::Done}, {"vneid_level2", Outcome::Partial}};
        return s;
    }
    std::string folderBytes()
    {
        std::string all;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
            if (!e.is_regular_file()) continue;
            std::ifstream in(e.path(), std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), {});
        }
        return all;
    }
};

} // namespace

TEST_CASE("nothing personal is saved without consent, and an anonymous session still counts")
{
    Fixture f;
    std::string error;
    CHECK_FALSE(f.rec->sessions->save(f.session(card(kCard), false), error));
    CHECK(error.find("chưa đồng ý") != std::string::npos);
    CHECK(f.rec->sessions->sessionCount() == 0);
    CHECK(f.rec->sessions->citizenCount() == 0);

    auto anon = f.rec->sessions->save(f.session(std::nullopt, false), error);
    REQUIRE_MESSAGE(anon, error);
    CHECK(f.rec->sessions->sessionCount() == 1);
    CHECK(f.rec->sessions->citizenCount() == 0);
    auto v = f.rec->sessions->get(anon->id);
    REQUIRE(v);
    CHECK(v->citizenUid.empty());
    CHECK(v->staffName == "Trần Văn Bảo");
    CHECK(v->services.size() == 2);
    CHECK(v->notes == "Bà Thuỷ cần con gái giúp nhận mã OTP");
}

TEST_CASE("a saved session survives reopening, and the data folder holds no ID number, name or address in clear")
{
    Fixture f;
    std::string error;
    auto saved = f.rec->sessions->save(f.session(card(kCard), true), error);
    REQUIRE_MESSAGE(saved, error);
    f.reopen();   // as after a power cut: what save() confirmed is on disk
    auto found = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(found);
    CHECK(found->card.fullName == "Nguyễn Thị Thuỷ");
    CHECK(found->card.birthDateIso() == "1990-03-15");
    CHECK(found->card.address == "Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa");
    CHECK(found->card.oldId == "172345678");
    REQUIRE(found->sessions.size() == 1);
    CHECK(found->sessions[0].uid == saved->uid);

    const std::string bytes = f.folderBytes();
    CHECK(bytes.find("038190001234") == std::string::npos);
    CHECK(bytes.find("172345678") == std::string::npos);
    CHECK(bytes.find("Nguyễn Thị Thuỷ") == std::string::npos);
    CHECK(bytes.find("Thuỷ") == std::string::npos);   // the notes are sealed too
    CHECK(bytes.find("Thôn Đông, Quảng Ngọc") == std::string::npos);
    CHECK(bytes.find("1990-03-15") == std::string::npos);
    CHECK(bytes.find("15031990") == std::string::npos);
}

TEST_CASE("the same card on another day is the same citizen, with two sessions")
{
    Fixture f;
    std::string error;
    REQUIRE(f.rec->sessions->save(f.session(card(kCard), true), error));
    f.clock.advanceSeconds(86400 * 3);
    REQUIRE(f.rec->sessions->save(f.session(card(kCard), true), error));
    REQUIRE(f.rec->sessions->save(f.session(card(kOtherCard), true), error));
    CHECK(f.rec->sessions->citizenCount() == 2);
    CHECK(f.rec->sessions->sessionCount() == 3);
    CHECK(f.rec->sessions->findCitizen("038190001234")->sessions.size() == 2);
    CHECK_FALSE(f.rec->sessions->findCitizen("038190001235"));
}

TEST_CASE("a later edit is an audited correction with a new revision, never a silent overwrite")
{
    Fixture f;
    std::string error;
    auto saved = f.rec->sessions->save(f.session(std::nullopt, false), error);
    REQUIRE(saved);
    SessionEdit e;
    e.endedAt = f.rec->sessions->get(saved->id)->endedAt;
    e.village = "Thôn Tây";
    e.notes = "";
    e.services = {{"vneid_install", Outcome::Done}, {"vneid_level2", Outcome::Done}, {"online_safety", Outcome::Referred}};
    REQUIRE_MESSAGE(f.rec->sessions->correct(saved->id, e, "Trần Văn Bảo", error), error);
    auto v = f.rec->sessions->get(saved->id);
    CHECK(v->revision == 2);
    CHECK(v->village == "Thôn Tây");
    CHECK(v->services.size() == 3);
    CHECK(v->notes.empty());
    bool audited = false;
    for (const AuditEntry& a : f.rec->audit->recent())
        if (a.action == "session_corrected" && a.subject == saved->uid) {
            audited = true;
            CHECK(a.detail == "village,notes,services");
            CHECK(a.actor == "Trần Văn Bảo");
        }
    CHECK(audited);
    Statement st(f.rec->db->handle(), "SELECT count(*), max(revision) FROM corrections WHERE session_id=?");
    st.bind(1, saved->id);
    REQUIRE(st.step());
    CHECK(st.int64(0) == 1);
    CHECK(st.int64(1) == 2);
    // The same values again change nothing and record nothing.
    REQUIRE(f.rec->sessions->correct(saved->id, e, "Trần Văn Bảo", error));
    CHECK(f.rec->sessions->get(saved->id)->revision == 2);
    e.endedAt = 0;
    CHECK_FALSE(f.rec->sessions->correct(saved->id, e, "Trần Văn Bảo", error));
}

TEST_CASE("erasure removes the personal fields and the keyed hash, the sessions stay as anonymous ones")
{
    Fixture f;
    std::string error;
    auto a = f.rec->sessions->save(f.session(card(kCard), true), error);
    auto b = f.rec->sessions->save(f.session(card(kCard), true), error);
    REQUIRE(a);
    REQUIRE(b);
    const std::string citizenUid = f.rec->sessions->get(a->id)->citizenUid;
    const std::string hash = f.rec->vault->keyedHash("038190001234");
    REQUIRE(f.folderBytes().find(hash) != std::string::npos);
    REQUIRE_MESSAGE(f.rec->sessions->eraseCitizen("038190001234", "Trần Văn Bảo", error), error);
    CHECK_FALSE(f.rec->sessions->findCitizen("038190001234"));
    CHECK(f.rec->sessions->citizenCount() == 0);
    CHECK(f.rec->sessions->sessionCount() == 2);
    CHECK(f.rec->sessions->get(a->id)->citizenUid.empty());
    CHECK(f.rec->sessions->get(a->id)->notes.empty());
    f.reopen();
    CHECK(f.folderBytes().find(hash) == std::string::npos);
    Statement st(f.rec->db->handle(), "SELECT citizen_uid FROM erasures");
    REQUIRE(st.step());
    CHECK(st.text(0) == citizenUid);
    CHECK_FALSE(f.rec->sessions->eraseCitizen("038190001234", "Trần Văn Bảo", error));
    CHECK(error.find("Không có hồ sơ") != std::string::npos);
}

TEST_CASE("a full disk gets a clear message and keeps every session already saved")
{
    Fixture f;
    std::string error;
    REQUIRE(f.rec->sessions->save(f.session(std::nullopt, false), error));
    // Cap the file at its current size: the next save cannot grow it.
    Statement pc(f.rec->db->handle(), "PRAGMA page_count");
    REQUIRE(pc.step());
    const int64_t pages = pc.int64(0);
    REQUIRE(f.rec->db->exec("PRAGMA max_page_count=" + std::to_string(pages)));
    NewSession big = f.session(std::nullopt, false);
    big.notes = std::string(200000, 'x');
    CHECK_FALSE(f.rec->sessions->save(big, error));
    CHECK(error.find("đầy") != std::string::npos);
    CHECK(f.rec->sessions->sessionCount() == 1);
    REQUIRE(f.rec->db->exec("PRAGMA max_page_count=1073741823"));
    CHECK(f.rec->sessions->save(big, error));
    CHECK(f.rec->sessions->sessionCount() == 2);
}

TEST_CASE("bad sessions are refused: unknown staff, an end before the start, a malformed or repeated service")
{
    Fixture f;
    std::string error;
    NewSession s = f.session(std::nullopt, false);
    s.staffId = 999;
    CHECK_FALSE(f.rec->sessions->save(s, error));
    s = f.session(std::nullopt, false);
    s.endedAt = s.startedAt - 1;
    CHECK_FALSE(f.rec->sessions->save(s, error));
    s = f.session(std::nullopt, false);
    s.services.push_back({"VNeID level 2", Outcome::Done});
    CHECK_FALSE(f.rec->sessions->save(s, error));
    s = f.session(std::nullopt, false);
    s.services.push_back({"vneid_install", Outcome::Partial});
    CHECK_FALSE(f.rec->sessions->save(s, error));
    CHECK(f.rec->sessions->sessionCount() == 0);
    // An import row saved twice is one session.
    s = f.session(std::nullopt, false);
    s.source = "import";
    s.importKey = "row-hash-1";
    auto first = f.rec->sessions->save(s, error);
    auto second = f.rec->sessions->save(s, error);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->duplicate);
    CHECK(second->id == first->id);
    CHECK(f.rec->sessions->sessionCount() == 1);
}

TEST_CASE("the services checklist has every standard indicator, and a province adds its own")
{
    std::vector<Problem> problems;
    auto th = loadServices(test::assetsDir() / "services.toml", "thanh-hoa", problems);
    CHECK(problems.empty());
    for (const std::string& code : standardServiceCodes())
        CHECK(std::any_of(th.begin(), th.end(), [&](const ServiceDef& d) { return d.code == code; }));
    CHECK(std::any_of(th.begin(), th.end(), [](const ServiceDef& d) { return d.code == "app_thanhhoa"; }));
    CHECK_FALSE(std::any_of(th.begin(), th.end(), [](const ServiceDef& d) { return d.code == "smart_haiphong"; }));

    test::TempDir dir;
    test::writeFile(dir / "services.toml", "[[services]]\ncode = \"Bad Code\"\ntitle = \"X\"\ntitle_en = \"X\"\n");
    auto bad = loadServices(dir / "services.toml", "", problems);
    CHECK(bad.empty());
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().line == 2);
}
