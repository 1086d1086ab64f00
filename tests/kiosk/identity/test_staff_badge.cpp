// Staff badges in the core, on a real SQLite file and key file: issue, sign in, a new badge
// revokes the old one, a disabled account, unknown tokens, the shared lockout, and no token at rest.
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <regex>

using namespace kiosk;

namespace {
struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Records> rec;
    Fixture()
    {
        clock.setUnixSeconds(1'795'000'000);
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        REQUIRE(rec->staff->add("Lê Thị Hoa", StaffRole::Admin, "135792", "cli", error));
    }
    std::string issue(const char* name)
    {
        std::string error;
        auto b = rec->badges->issue(name, "cli", error);
        REQUIRE_MESSAGE(b, error);
        return b->payload;
    }
    bool auditMentions(const std::string& text)
    {
        for (const AuditEntry& e : rec->audit->recent(1000))
            if ((e.actor + e.action + e.subject + e.detail).find(text) != std::string::npos) return true;
        return false;
    }
    int auditCount(const std::string& action)
    {
        int n = 0;
        for (const AuditEntry& e : rec->audit->recent(1000)) n += e.action == action;
        return n;
    }
};
} // namespace

TEST_CASE("a badge carries a random token in a fixed format and signs its holder in")
{
    Fixture f;
    const std::string a = f.issue("Trần Văn Bảo");
    CHECK(std::regex_match(a, std::regex("BDHVS-STAFF:1:[A-Z2-7]{32}")));
    CHECK(looksLikeBadge(a));
    CHECK_FALSE(looksLikeBadge("038190001234||Nguyễn Thị Thuỷ|15031990|Nữ|Thôn 1|10082021"));

    SignInResult r = f.rec->badges->signIn(a);
    REQUIRE(r.kind == SignInResult::Kind::Ok);
    CHECK(r.byBadge);
    CHECK(r.member->name == "Trần Văn Bảo");
    CHECK(r.member->role == StaffRole::Volunteer);
    // A scanner's line end and a wedge scanner's Caps Lock are forgiven.
    std::string lower = a;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(f.rec->badges->signIn(lower + "\r\n").kind == SignInResult::Kind::Ok);

    // Two badges never share a token; the database and the audit trail never hold one.
    const std::string b = f.issue("Lê Thị Hoa");
    CHECK(a != b);
    CHECK(f.rec->badges->signIn(b).member->name == "Lê Thị Hoa");
    const std::string tokenA = a.substr(a.rfind(':') + 1), tokenB = b.substr(b.rfind(':') + 1);
    f.rec->db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const std::string file = test::readFile(Records::databaseFile(f.dir.path()));
    CHECK(file.find(tokenA) == std::string::npos);
    CHECK(file.find(tokenB) == std::string::npos);
    CHECK_FALSE(f.auditMentions(tokenA));
    CHECK(f.auditCount("badge_issued") == 2);
    CHECK(f.auditCount("sign_in") == 3);
}

TEST_CASE("a new badge revokes the old one, and a revoked badge counts towards the lockout")
{
    Fixture f;
    const std::string old = f.issue("Trần Văn Bảo");
    std::string error;
    auto again = f.rec->badges->issue("Trần Văn Bảo", "cli", error);
    REQUIRE(again);
    CHECK(again->replacedOld);
    CHECK(f.rec->badges->currentIssuedAt(again->member.id) == f.clock.unixSeconds());

    SignInResult r = f.rec->badges->signIn(old);
    CHECK(r.kind == SignInResult::Kind::Revoked);
    CHECK(r.message.find("thu hồi") != std::string::npos);
    CHECK(r.attemptsLeft == StaffStore::kMaxAttempts - 1);
    CHECK(f.auditCount("revoked_badge") == 1);
    // Wrong PINs and revoked badges share one count: the account locks on the fifth failure.
    for (int i = 0; i < 3; ++i) CHECK(f.rec->staff->signIn("Trần Văn Bảo", "0000").kind == SignInResult::Kind::WrongPin);
    r = f.rec->badges->signIn(old);
    CHECK(r.kind == SignInResult::Kind::Locked);
    CHECK(f.auditCount("locked_out") == 1);
    // Locked: not even the current badge or the right PIN gets in, until the five minutes pass.
    CHECK(f.rec->badges->signIn(again->payload).kind == SignInResult::Kind::Locked);
    CHECK(f.rec->staff->signIn("Trần Văn Bảo", "2468").kind == SignInResult::Kind::Locked);
    f.clock.advanceSeconds(StaffStore::kLockSeconds + 1);
    CHECK(f.rec->badges->signIn(again->payload).kind == SignInResult::Kind::Ok);

    // A lost card: revoked without a new one.
    REQUIRE(f.rec->badges->revoke("Trần Văn Bảo", "cli", error));
    CHECK(f.rec->badges->signIn(again->payload).kind == SignInResult::Kind::Revoked);
    CHECK_FALSE(f.rec->badges->currentIssuedAt(again->member.id));
    CHECK_FALSE(f.rec->badges->revoke("Trần Văn Bảo", "cli", error));
    CHECK(f.auditCount("badge_revoked") == 1);
}

TEST_CASE("a disabled account's badge is refused, and no badge is issued to it")
{
    Fixture f;
    const std::string badge = f.issue("Trần Văn Bảo");
    std::string error;
    REQUIRE(f.rec->staff->disable("Trần Văn Bảo", "cli", error));
    SignInResult r = f.rec->badges->signIn(badge);
    CHECK(r.kind == SignInResult::Kind::Disabled);
    CHECK(r.message.find("khoá") != std::string::npos);
    CHECK_FALSE(r.member);
    CHECK_FALSE(f.rec->badges->issue("Trần Văn Bảo", "cli", error));
    CHECK(error.find("khoá") != std::string::npos);
    CHECK_FALSE(f.rec->badges->issue("Không Có Ai", "cli", error));
    // An account first met in an import has no PIN yet: it gets a PIN before a badge.
    REQUIRE(f.rec->staff->ensureImported("Phạm Văn Cường"));
    CHECK_FALSE(f.rec->badges->issue("Phạm Văn Cường", "cli", error));
    CHECK(error.find("PIN") != std::string::npos);
}

TEST_CASE("unknown and damaged badges are refused, five in a row pause badge sign-in, not the PIN pad")
{
    Fixture f;
    const std::string good = f.issue("Lê Thị Hoa");
    // A well-formed token this kiosk never issued (another kiosk's badge, a forgery), a torn read,
    // another version: all refused with the same plain message.
    const char* bad[] = {"BDHVS-STAFF:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "BDHVS-STAFF:1:ABC", "BDHVS-STAFF:2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                         "BDHVS-STAFF:1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"};
    for (const char* b : bad) {
        SignInResult r = f.rec->badges->signIn(b);
        CHECK(r.kind == SignInResult::Kind::Unknown);
        CHECK(r.message.find("PIN") != std::string::npos);
    }
    CHECK(f.auditCount("unknown_badge") == 4);
    SignInResult r = f.rec->badges->signIn(bad[0]);
    CHECK(r.kind == SignInResult::Kind::Locked);
    // While paused even a good badge waits, but the PIN still signs in.
    CHECK(f.rec->badges->signIn(good).kind == SignInResult::Kind::Locked);
    CHECK(f.rec->staff->signIn("Lê Thị Hoa", "135792").kind == SignInResult::Kind::Ok);
    f.clock.advanceSeconds(StaffStore::kLockSeconds + 1);
    CHECK(f.rec->badges->signIn(good).kind == SignInResult::Kind::Ok);
    // After a success the count starts again from zero.
    CHECK(f.rec->badges->signIn(bad[0]).kind == SignInResult::Kind::Unknown);
    CHECK_FALSE(f.auditMentions("AAAAAAAAAAAAAAAA"));
}

TEST_CASE("a badge from another kiosk (another key file) does not open this one")
{
    Fixture f;
    const std::string mine = f.issue("Trần Văn Bảo");
    test::TempDir other;
    std::string error;
    auto rec2 = Records::open(other.path(), f.clock, error);
    REQUIRE_MESSAGE(rec2, error);
    REQUIRE(rec2->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
    CHECK(rec2->badges->signIn(mine).kind == SignInResult::Kind::Unknown);
}
