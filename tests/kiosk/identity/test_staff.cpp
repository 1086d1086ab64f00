// Staff accounts and personal-data keys: Argon2id PINs, lockout after five wrong PINs (audited),
// and the vault's key file, sealing and keyed hash.
#include "kiosk/identity/staff.hpp"
#include "kiosk/store/vault.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <sodium.h>
#include <sys/stat.h>

using namespace kiosk;

namespace {
struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<StaffStore> staff;
    Fixture()
    {
        std::string error;
        db = Database::open(dir / "kiosk.sqlite3", error);
        REQUIRE_MESSAGE(db, error);
        audit = std::make_unique<AuditLog>(*db, clock);
        staff = std::make_unique<StaffStore>(*db, clock, *audit);
    }
    int auditCount(const std::string& action)
    {
        int n = 0;
        for (auto& e : audit->recent(1000)) n += e.action == action;
        return n;
    }
};
} // namespace

TEST_CASE("PINs are 4 to 8 digits and stored only as Argon2id hashes")
{
    Fixture f;
    std::string error;
    CHECK_FALSE(f.staff->add("Nguyễn Văn An", StaffRole::Volunteer, "123", "cli", error));
    CHECK(error.find("4 đến 8") != std::string::npos);
    CHECK_FALSE(f.staff->add("Nguyễn Văn An", StaffRole::Volunteer, "123456789", "cli", error));
    CHECK_FALSE(f.staff->add("Nguyễn Văn An", StaffRole::Volunteer, "12a4", "cli", error));
    REQUIRE(f.staff->add("Nguyễn Văn An", StaffRole::Officer, "482913", "cli", error));
    CHECK_FALSE(f.staff->add("Nguyễn Văn An", StaffRole::Admin, "482917", "cli", error));   // names are unique
    CHECK(error.find("Nguyễn Văn An") != std::string::npos);
    Statement st(f.db->handle(), "SELECT pin_hash FROM staff WHERE name='Nguyễn Văn An'");
    REQUIRE(st.step());
    CHECK(st.text(0).rfind("$argon2id$", 0) == 0);
    CHECK(st.text(0).find("482913") == std::string::npos);
    auto list = f.staff->list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].role == StaffRole::Officer);
    CHECK(f.auditCount("staff_add") == 1);
}

TEST_CASE("sign-in: the right PIN works, five wrong ones lock the account for five minutes, audited")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Trần Thị Bình", StaffRole::Volunteer, "2468", "cli", error));
    CHECK(f.staff->signIn("Trần Thị Bình", "2468").kind == SignInResult::Kind::Ok);
    CHECK(f.staff->signIn("Ai Đó", "2468").kind == SignInResult::Kind::Unknown);
    for (int i = 1; i <= 4; ++i) {
        auto r = f.staff->signIn("Trần Thị Bình", "0000");
        CHECK(r.kind == SignInResult::Kind::WrongPin);
        CHECK(r.attemptsLeft == 5 - i);
        CHECK(r.message.find(std::to_string(5 - i) + " lần") != std::string::npos);
    }
    auto locked = f.staff->signIn("Trần Thị Bình", "0000");
    CHECK(locked.kind == SignInResult::Kind::Locked);
    CHECK(f.auditCount("locked_out") == 1);
    // Locked: even the right PIN waits.
    f.clock.advanceSeconds(60);
    auto stillLocked = f.staff->signIn("Trần Thị Bình", "2468");
    CHECK(stillLocked.kind == SignInResult::Kind::Locked);
    CHECK(stillLocked.lockedSeconds == 240);
    f.clock.advanceSeconds(241);
    CHECK(f.staff->signIn("Trần Thị Bình", "2468").kind == SignInResult::Kind::Ok);
    // The count starts afresh after the lockout.
    CHECK(f.staff->signIn("Trần Thị Bình", "0000").attemptsLeft == 4);
}

TEST_CASE("a lockout survives a restart of the kiosk")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Lê Văn Cường", StaffRole::Admin, "135792", "cli", error));
    for (int i = 0; i < 5; ++i) f.staff->signIn("Lê Văn Cường", "99999");
    StaffStore again(*f.db, f.clock, *f.audit);
    CHECK(again.signIn("Lê Văn Cường", "135792").kind == SignInResult::Kind::Locked);
}

TEST_CASE("a lockout lasts five minutes even when the clock is moved back a day after it")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Lê Văn Cường", StaffRole::Admin, "135792", "cli", error));
    for (int i = 0; i < 5; ++i) f.staff->signIn("Lê Văn Cường", "99999");
    f.clock.setUnixSeconds(f.clock.unixSeconds() - 24 * 3600);   // a wrong clock corrected backwards
    auto r = f.staff->signIn("Lê Văn Cường", "135792");
    CHECK(r.kind == SignInResult::Kind::Locked);
    CHECK(r.lockedSeconds <= StaffStore::kLockSeconds);
    f.clock.advanceSeconds(double(StaffStore::kLockSeconds) + 1);
    CHECK(f.staff->signIn("Lê Văn Cường", "135792").kind == SignInResult::Kind::Ok);
}

TEST_CASE("disabled and imported accounts cannot sign in until an admin acts")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Phạm Thu Hà", StaffRole::Volunteer, "5735", "cli", error));
    REQUIRE(f.staff->disable("Phạm Thu Hà", "cli", error));
    CHECK(f.staff->signIn("Phạm Thu Hà", "5735").kind == SignInResult::Kind::Disabled);
    CHECK_FALSE(f.staff->disable("Không Có", "cli", error));
    REQUIRE(f.staff->ensureImported("Đội thôn Đông"));
    CHECK(f.staff->ensureImported("Đội thôn Đông") == f.staff->find("Đội thôn Đông")->id);   // once
    CHECK(f.staff->signIn("Đội thôn Đông", "1234").kind == SignInResult::Kind::NoPin);
    CHECK_FALSE(f.staff->setPin("Đội thôn Đông", "1234", "admin", error));   // a PIN change obeys the rules too
    CHECK(error.find("dễ đoán") != std::string::npos);
    REQUIRE(f.staff->setPin("Đội thôn Đông", "3816", "admin", error));
    CHECK(f.staff->signIn("Đội thôn Đông", "3816").kind == SignInResult::Kind::Ok);
}

TEST_CASE("the vault: a key file only its owner reads, sealed fields, a stable keyed hash")
{
    test::TempDir dir;
    std::string error;
    auto v = Vault::open(dir / "keys/kiosk.key", error);
    REQUIRE_MESSAGE(v, error);
    struct stat st{};
    REQUIRE(stat((dir / "keys/kiosk.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 64);

    std::string sealed = v->seal("Nguyễn Thị Thuỷ");
    CHECK(sealed.find("Nguy") == std::string::npos);
    CHECK(v->open(sealed) == std::string("Nguyễn Thị Thuỷ"));
    CHECK(v->seal("x") != v->seal("x"));   // a fresh nonce each time
    std::string tampered = sealed;
    tampered.back() ^= 1;
    CHECK_FALSE(v->open(tampered));
    CHECK_FALSE(v->open("short"));

    auto again = Vault::open(dir / "keys/kiosk.key", error);
    REQUIRE(again);
    CHECK(again->open(sealed) == std::string("Nguyễn Thị Thuỷ"));
    CHECK(again->keyedHash("038190001234") == v->keyedHash("038190001234"));
    CHECK(v->keyedHash("038190001234") != v->keyedHash("038190001235"));
    CHECK(v->keyedHash("038190001234").find("038190001234") == std::string::npos);

    // Another kiosk's key opens nothing of ours.
    auto other = Vault::open(dir / "other.key", error);
    REQUIRE(other);
    CHECK_FALSE(other->open(sealed));
    CHECK(other->keyedHash("038190001234") != v->keyedHash("038190001234"));

    chmod((dir / "keys/kiosk.key").c_str(), 0644);
    CHECK_FALSE(Vault::open(dir / "keys/kiosk.key", error));
    CHECK(error.find("chmod 600") != std::string::npos);
    test::writeFile(dir / "bad.key", "too short");
    chmod((dir / "bad.key").c_str(), 0600);
    CHECK_FALSE(Vault::open(dir / "bad.key", error));
    CHECK(error.find("64 byte") != std::string::npos);
}

TEST_CASE("trivial PINs are refused at creation and change, admins need six digits")
{
    Fixture f;
    std::string error;
    for (const char* pin : {"0000", "1111", "1234", "4321", "123456", "654321", "7890", "890123", "1212", "123123", "2580", "99999999"}) {
        CAPTURE(pin);
        CHECK(StaffStore::trivialPin(pin));
        CHECK_FALSE(f.staff->add("Nguyễn Văn An", StaffRole::Volunteer, pin, "cli", error));
        CHECK(error.find("dễ đoán") != std::string::npos);
    }
    for (const char* pin : {"2468", "3816", "482913", "135790", "5735"}) {
        CAPTURE(pin);
        CHECK_FALSE(StaffStore::trivialPin(pin));
    }
    CHECK_FALSE(f.staff->add("Lê Thị Hoa", StaffRole::Admin, "3816", "cli", error));
    CHECK(error.find("ít nhất 6") != std::string::npos);
    CHECK_FALSE(f.staff->add("Lê Thị Hoa", StaffRole::Admin, "111111", "cli", error));
    REQUIRE(f.staff->add("Lê Thị Hoa", StaffRole::Admin, "381629", "cli", error));
    CHECK_FALSE(f.staff->setPin("Lê Thị Hoa", "38162", "cli", error));   // an admin's new PIN too
    CHECK(f.auditCount("staff_add") == 1);
}

TEST_CASE("lockouts grow: 5 minutes, 15 minutes, 1 hour, 4 hours, 24 hours, until a good sign-in")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Trần Thị Bình", StaffRole::Volunteer, "2468", "cli", error));
    const int64_t expected[] = {5 * 60, 15 * 60, 3600, 4 * 3600, 24 * 3600, 24 * 3600};
    for (int64_t seconds : expected) {
        CAPTURE(seconds);
        SignInResult r;
        for (int i = 0; i < StaffStore::kMaxAttempts; ++i) r = f.staff->signIn("Trần Thị Bình", "0000");
        REQUIRE(r.kind == SignInResult::Kind::Locked);
        CHECK(r.lockedSeconds == seconds);
        // Still locked one second before the end, even with the right PIN.
        f.clock.advanceSeconds(double(seconds - 1));
        CHECK(f.staff->signIn("Trần Thị Bình", "2468").kind == SignInResult::Kind::Locked);
        f.clock.advanceSeconds(2);
    }
    // A good sign-in resets the ladder: the next lockout is five minutes again.
    CHECK(f.staff->signIn("Trần Thị Bình", "2468").kind == SignInResult::Kind::Ok);
    SignInResult r;
    for (int i = 0; i < StaffStore::kMaxAttempts; ++i) r = f.staff->signIn("Trần Thị Bình", "0000");
    CHECK(r.lockedSeconds == 5 * 60);
    // ~1,440 guesses a day before; now 5 per lockout and at most ~5 lockouts a day once it tops out.
}

TEST_CASE("every sign-in attempt is audited, those made while locked and for unknown or PIN-less accounts too")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Trần Thị Bình", StaffRole::Volunteer, "2468", "cli", error));
    for (int i = 0; i < 5; ++i) f.staff->signIn("Trần Thị Bình", "0000");
    CHECK(f.auditCount("wrong_pin") == 4);
    CHECK(f.auditCount("locked_out") == 1);
    f.staff->signIn("Trần Thị Bình", "0000");
    f.staff->signIn("Trần Thị Bình", "2468");
    CHECK(f.auditCount("sign_in_refused") == 2);
    f.staff->signIn("Ai Đó", "2468");
    REQUIRE(f.staff->ensureImported("Đội thôn Đông"));
    f.staff->signIn("Đội thôn Đông", "2468");
    CHECK(f.auditCount("sign_in_refused") == 4);
    for (const AuditEntry& e : f.audit->recent(100)) CHECK(e.subject.find("Ai Đó") == std::string::npos);
}

TEST_CASE("an existing trivial PIN still signs in, but the account is flagged until a new PIN is set")
{
    Fixture f;
    std::string error;
    REQUIRE(f.staff->add("Trần Thị Bình", StaffRole::Volunteer, "2468", "cli", error));
    // A PIN set before the rules: written straight into the row, as an older kiosk would have.
    char hash[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(hash, "1234", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    Statement up(f.db->handle(), "UPDATE staff SET pin_hash=? WHERE name='Trần Thị Bình'");
    REQUIRE(up.bind(1, std::string(hash)).run());
    auto r = f.staff->signIn("Trần Thị Bình", "1234");
    REQUIRE(r.kind == SignInResult::Kind::Ok);
    CHECK(r.weakPin);
    CHECK(f.staff->find("Trần Thị Bình")->weakPin);
    REQUIRE(f.staff->setPin("Trần Thị Bình", "3816", "cli", error));
    CHECK_FALSE(f.staff->find("Trần Thị Bình")->weakPin);
    CHECK_FALSE(f.staff->signIn("Trần Thị Bình", "3816").weakPin);
}
