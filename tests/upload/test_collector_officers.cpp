// The commune console's officer accounts: `kiosk-collector officer add|list|disable` through the
// real binary on a real data folder (the password on standard input, never in any output or in the
// database), and the store's verification with an injected clock (Argon2id, the escalating lockout
// and its end, a disabled account, the audit trail).
#include "collector/officer_store.hpp"
#include "tests/upload/upload_fixture.hpp"
#include <nlohmann/json.hpp>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <thread>

using nlohmann::json;

namespace {

const std::string kPassword = "Lúa-chiêm-2026";          // 14 characters, Vietnamese letters too
const std::string kOther = "mật-khẩu-khác-9";

struct Cli {
    test::TempDir dir;
    std::filesystem::path data = dir / "collector";
    std::vector<nettest::RunResult> runs;   // every run, to look for the password in all outputs

    nettest::RunResult run(std::vector<std::string> args, const std::string& input = {})
    {
        args.insert(args.begin(), {KIOSK_COLLECTOR_BIN, "--data", data.string()});
        runs.push_back(nettest::run(args, dir.path(), input));
        return runs.back();
    }
    nettest::RunResult add(const std::string& name, const std::string& role, const std::string& input)
    {
        return run({"officer", "add", "--name", name, "--role", role}, input);
    }
    json list()
    {
        auto r = run({"officer", "list", "--json"});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return json::parse(r.out);
    }
};

struct Store {
    test::TempDir dir;
    kiosk::ManualClock clock;
    std::unique_ptr<collector::CollectorStore> store;
    std::unique_ptr<kiosk::AuditLog> audit;
    std::unique_ptr<collector::OfficerStore> officers;
    Store()
    {
        std::string error;
        store = collector::CollectorStore::open(dir / "collector", error);
        REQUIRE_MESSAGE(store, error);
        audit = std::make_unique<kiosk::AuditLog>(store->db(), clock);
        officers = std::make_unique<collector::OfficerStore>(store->db(), *audit, clock);
    }
    void add(const std::string& name, collector::OfficerRole role = collector::OfficerRole::Officer)
    {
        std::string error;
        REQUIRE_MESSAGE(officers->add(name, role, kPassword, "cli", error), error);
    }
    int64_t count(const std::string& sql)
    {
        kiosk::Statement st(store->db().handle(), sql);
        return st.step() ? st.int64(0) : -1;
    }
};

using Kind = collector::OfficerVerdict::Kind;

} // namespace

TEST_CASE("kiosk-collector officer add reads the password twice and list and disable show and lock the account")
{
    Cli c;
    auto r = c.add("Nguyễn Thị Lan", "officer", kPassword + "\n" + kPassword + "\n");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Đã tạo tài khoản cán bộ \"Nguyễn Thị Lan\"") != std::string::npos);
    REQUIRE(c.add("Lê Văn Hùng", "viewer", kOther + "\n" + kOther + "\n").status == 0);
    REQUIRE(c.add("Trần Quản Trị", "admin", kOther + "\r\n" + kOther + "\r\n").status == 0);   // a Windows terminal's line ends

    json list = c.list()["officers"];
    REQUIRE(list.size() == 3);
    CHECK(list[0]["name"] == "Lê Văn Hùng");          // by name
    CHECK(list[0]["role"] == "viewer");
    CHECK(list[1]["name"] == "Nguyễn Thị Lan");
    CHECK(list[1]["role"] == "officer");
    CHECK(list[1]["disabled"] == false);
    CHECK(list[1]["created_at"].get<int64_t>() > 1'700'000'000);
    CHECK(list[2]["role"] == "admin");

    auto text = c.run({"officer", "list"});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("Nguyễn Thị Lan\n  vai trò: officer; trạng thái: đang dùng; tạo lúc: ") != std::string::npos);

    auto d = c.run({"officer", "disable", "--name", "Nguyễn Thị Lan"});
    INFO(d.err);
    REQUIRE(d.status == 0);
    CHECK(d.out.find("Đã vô hiệu hoá tài khoản \"Nguyễn Thị Lan\"") != std::string::npos);
    CHECK(c.run({"officer", "disable", "--name", "Nguyễn Thị Lan"}).status == 0);   // twice: said, not an error
    list = c.list()["officers"];
    CHECK(list[1]["disabled"] == true);
    CHECK(list[0]["disabled"] == false);
    CHECK(c.run({"officer", "list"}).out.find("trạng thái: đã vô hiệu hoá") != std::string::npos);

    auto unknown = c.run({"officer", "disable", "--name", "Không Ai"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("Không có cán bộ tên \"Không Ai\"") != std::string::npos);

    // The disabled officer cannot sign in, with the right password too.
    std::string error;
    auto store = collector::CollectorStore::open(c.data, error);
    REQUIRE_MESSAGE(store, error);
    collector::OfficerStore officers(store->db(), store->audit(), store->clock());
    CHECK(officers.verify("Nguyễn Thị Lan", kPassword).kind == Kind::Disabled);
    CHECK(officers.verify("Lê Văn Hùng", kOther).kind == Kind::Ok);
    CHECK(officers.verify("Trần Quản Trị", kOther).kind == Kind::Ok);   // the \r was not part of the password
}

TEST_CASE("kiosk-collector officer add refuses a short or mismatched password a taken name and an unknown role")
{
    Cli c;
    auto shortOne = c.add("Nguyễn Thị Lan", "officer", "ngắn-quá\nngắn-quá\n");   // 8 characters, 11 bytes
    CHECK(shortOne.status == 2);
    CHECK(shortOne.err.find("Mật khẩu phải có ít nhất 10 ký tự") != std::string::npos);
    CHECK(shortOne.err.find("Chưa tạo tài khoản") != std::string::npos);

    auto differ = c.add("Nguyễn Thị Lan", "officer", kPassword + "\n" + kOther + "\n");
    CHECK(differ.status == 2);
    CHECK(differ.err.find("Hai lần nhập mật khẩu không giống nhau") != std::string::npos);

    auto once = c.add("Nguyễn Thị Lan", "officer", kPassword + "\n");
    CHECK(once.status == 2);
    CHECK(once.err.find("Cần nhập mật khẩu hai lần") != std::string::npos);

    auto none = c.add("Nguyễn Thị Lan", "officer", "");
    CHECK(none.status == 2);

    auto role = c.add("Nguyễn Thị Lan", "boss", kPassword + "\n" + kPassword + "\n");
    CHECK(role.status == 2);
    CHECK(role.err.find("Vai trò không hợp lệ: \"boss\" (viewer, officer hoặc admin)") != std::string::npos);

    auto badName = c.add("", "officer", kPassword + "\n" + kPassword + "\n");
    CHECK(badName.status == 2);
    CHECK(badName.err.find("Tên cán bộ phải có") != std::string::npos);

    CHECK(c.list()["officers"].empty());   // nothing was created by any of these

    REQUIRE(c.add("Nguyễn Thị Lan", "officer", kPassword + "\n" + kPassword + "\n").status == 0);
    auto taken = c.add("Nguyễn Thị Lan", "viewer", kOther + "\n" + kOther + "\n");
    CHECK(taken.status == 2);
    CHECK(taken.err.find("Đã có cán bộ tên \"Nguyễn Thị Lan\"") != std::string::npos);
    json list = c.list()["officers"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["role"] == "officer");   // the first account, unchanged
}

TEST_CASE("an officer's password is in no output no audit row and no database byte and its hash is Argon2id")
{
    Cli c;
    REQUIRE(c.add("Nguyễn Thị Lan", "officer", kPassword + "\n" + kPassword + "\n").status == 0);
    c.add("Lê Văn Hùng", "officer", kOther + "\n" + kOther + "x\n");
    c.add("Phạm Văn Đức", "officer", "ngắn\nngắn\n");
    c.run({"officer", "list"});
    c.run({"officer", "list", "--json"});
    c.run({"officer", "disable", "--name", "Nguyễn Thị Lan"});
    for (const auto& r : c.runs)
        for (const std::string& secret : {kPassword, kOther, std::string("ngắn")}) {
            CHECK(r.out.find(secret) == std::string::npos);
            CHECK(r.err.find(secret) == std::string::npos);
        }

    std::string error;
    {
        auto store = collector::CollectorStore::open(c.data, error);
        REQUIRE_MESSAGE(store, error);
        collector::OfficerStore officers(store->db(), store->audit(), store->clock());
        const std::string hash = officers.passwordHash("Nguyễn Thị Lan");
        CHECK(hash.rfind("$argon2id$", 0) == 0);
        CHECK(hash.find(kPassword) == std::string::npos);
        for (const auto& e : store->audit().recent(100)) {
            CHECK(e.detail.find(kPassword) == std::string::npos);
            CHECK(e.subject.find(kPassword) == std::string::npos);
        }
        bool added = false;
        for (const auto& e : store->audit().recent(100)) added = added || (e.action == "officer_added" && e.subject == "Nguyễn Thị Lan");
        CHECK(added);
        kiosk::Statement schema(store->db().handle(), "SELECT value FROM meta WHERE key='collector_schema'");
        REQUIRE(schema.step());
        CHECK(schema.text(0) == "3");
    }
    for (const auto& entry : std::filesystem::directory_iterator(c.data)) {
        const std::string bytes = test::readFile(entry.path());
        CHECK_MESSAGE(bytes.find(kPassword) == std::string::npos, entry.path().string());
    }
}

TEST_CASE("officer verification accepts the right password and refuses a wrong one or an unknown name alike")
{
    Store s;
    s.add("Nguyễn Thị Lan");
    auto ok = s.officers->verify("Nguyễn Thị Lan", kPassword);
    REQUIRE(ok.kind == Kind::Ok);
    REQUIRE(ok.officer);
    CHECK(ok.officer->name == "Nguyễn Thị Lan");
    CHECK(ok.officer->role == collector::OfficerRole::Officer);

    auto wrong = s.officers->verify("Nguyễn Thị Lan", kOther);
    CHECK(wrong.kind == Kind::WrongPassword);
    CHECK(wrong.attemptsLeft == 4);
    auto unknown = s.officers->verify("Không Ai", kPassword);
    CHECK(unknown.kind == Kind::Unknown);
    CHECK(wrong.message == unknown.message);   // the page cannot tell which names exist
    CHECK(wrong.message == "Tên đăng nhập hoặc mật khẩu chưa đúng.");
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword.substr(0, kPassword.size() - 1)).kind == Kind::WrongPassword);
    CHECK(s.officers->verify("Nguyễn Thị Lan", "").kind == Kind::WrongPassword);
    CHECK(s.officers->verify("nguyễn thị lan", kPassword).kind == Kind::Unknown);

    // A success clears the failures.
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword).kind == Kind::Ok);
    CHECK(s.officers->find("Nguyễn Thị Lan")->failedAttempts == 0);

    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_sign_in' AND actor='Nguyễn Thị Lan'") == 2);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_wrong_password'") == 3);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_sign_in_refused' AND detail='unknown account' AND subject=''") == 2);
    CHECK(s.count("SELECT count(*) FROM audit WHERE detail LIKE '%Lúa%' OR subject LIKE '%Lúa%'") == 0);

    // The store's own rules, whoever calls it.
    std::string error;
    CHECK_FALSE(s.officers->add("Lê Văn Hùng", collector::OfficerRole::Viewer, "123456789", "cli", error));
    CHECK(error.find("ít nhất 10 ký tự") != std::string::npos);
    CHECK_FALSE(s.officers->add("Lê Văn Hùng", collector::OfficerRole::Viewer, "mật\tkhẩu-dài-lắm", "cli", error));
    CHECK_FALSE(s.officers->add("Lê Văn Hùng", collector::OfficerRole::Viewer, std::string("m\xE1\xBA", 3) + "1234567890", "cli", error));
    CHECK_FALSE(s.officers->add("Nguyễn Thị Lan", collector::OfficerRole::Viewer, kOther, "cli", error));
    CHECK(error.find("Đã có cán bộ") != std::string::npos);
    CHECK(s.officers->add("Lê Văn Hùng", collector::OfficerRole::Viewer, "mười-ký-tự", "cli", error));   // exactly 10
}

TEST_CASE("five wrong passwords lock an officer out for a minute and each later lockout doubles up to an hour")
{
    Store s;
    s.add("Nguyễn Thị Lan");
    CHECK(collector::OfficerStore::lockSeconds(0) == 60);
    CHECK(collector::OfficerStore::lockSeconds(1) == 120);
    CHECK(collector::OfficerStore::lockSeconds(5) == 1920);
    CHECK(collector::OfficerStore::lockSeconds(6) == 3600);
    CHECK(collector::OfficerStore::lockSeconds(40) == 3600);

    const int64_t expected[] = {60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (int64_t seconds : expected) {
        CAPTURE(seconds);
        for (int i = 1; i < collector::OfficerStore::kMaxAttempts; ++i) {
            auto v = s.officers->verify("Nguyễn Thị Lan", kOther);
            REQUIRE(v.kind == Kind::WrongPassword);
            CHECK(v.attemptsLeft == collector::OfficerStore::kMaxAttempts - i);
        }
        auto locked = s.officers->verify("Nguyễn Thị Lan", kOther);
        REQUIRE(locked.kind == Kind::Locked);
        CHECK(locked.lockedSeconds == seconds);
        // While locked, the right password is refused too, and says how long is left.
        s.clock.advanceSeconds(static_cast<double>(seconds - 1));
        auto still = s.officers->verify("Nguyễn Thị Lan", kPassword);
        CHECK(still.kind == Kind::Locked);
        CHECK(still.lockedSeconds == 1);
        CHECK(still.message == "Đăng nhập sai quá nhiều lần. Xin thử lại sau 1 phút.");
        s.clock.advanceSeconds(1);   // over: the next failures count afresh, towards a longer lockout
    }
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_locked_out'") == 8);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_sign_in_refused' AND detail='locked'") == 8);

    // After the last lockout ran out, the right password signs in and the next lockout is a minute again.
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword).kind == Kind::Ok);
    for (int i = 1; i < collector::OfficerStore::kMaxAttempts; ++i) s.officers->verify("Nguyễn Thị Lan", kOther);
    CHECK(s.officers->verify("Nguyễn Thị Lan", kOther).lockedSeconds == 60);
    s.clock.advanceSeconds(60);

    // A clock moved back does not make a lockout longer than it was set for.
    for (int i = 1; i < collector::OfficerStore::kMaxAttempts; ++i) s.officers->verify("Nguyễn Thị Lan", kOther);
    REQUIRE(s.officers->verify("Nguyễn Thị Lan", kOther).lockedSeconds == 120);
    s.clock.setUnixSeconds(s.clock.unixSeconds() - 86400);
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword).lockedSeconds == 120);
    s.clock.advanceSeconds(120);
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword).kind == Kind::Ok);

    // Lockouts are the officer's own: another account is not touched.
    s.add("Lê Văn Hùng", collector::OfficerRole::Viewer);
    CHECK(s.officers->verify("Lê Văn Hùng", kPassword).kind == Kind::Ok);
}

TEST_CASE("a disabled officer cannot sign in and the refusal is audited")
{
    Store s;
    s.add("Nguyễn Thị Lan", collector::OfficerRole::Admin);
    std::string error;
    REQUIRE(s.officers->disable("Nguyễn Thị Lan", "cli", error));
    auto v = s.officers->verify("Nguyễn Thị Lan", kPassword);
    CHECK(v.kind == Kind::Disabled);
    CHECK_FALSE(v.officer);
    CHECK(v.message == "Tài khoản này đã bị vô hiệu hoá. Xin liên hệ quản trị viên.");
    CHECK(s.officers->verify("Nguyễn Thị Lan", kOther).kind == Kind::Disabled);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_disabled' AND actor='cli' AND subject='Nguyễn Thị Lan'") == 1);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_sign_in_refused' AND detail='disabled'") == 2);
    CHECK_FALSE(s.officers->disable("Không Ai", "cli", error));
    CHECK(error == "Không có cán bộ tên \"Không Ai\".");
}

TEST_CASE("wrong passwords tried at once from two connections all count and lock the account exactly once")
{
    Store s;
    s.add("Nguyễn Thị Lan");
    std::atomic<int> wrong{0}, locked{0}, other{0};
    auto attempts = [&] {
        kiosk::ManualClock clock;   // the same time as the test's clock
        std::string error;
        auto store = collector::CollectorStore::open(s.dir / "collector", error);
        if (!store) {   // no REQUIRE off the test's thread: it would throw out of the thread
            other += 100;
            return;
        }
        kiosk::AuditLog audit(store->db(), clock);
        collector::OfficerStore officers(store->db(), audit, clock);
        for (int i = 0; i < collector::OfficerStore::kMaxAttempts; ++i) {
            const Kind k = officers.verify("Nguyễn Thị Lan", kOther).kind;
            (k == Kind::WrongPassword ? wrong : k == Kind::Locked ? locked : other)++;
        }
    };
    std::thread a(attempts), b(attempts);
    a.join();
    b.join();
    CHECK(other == 0);
    CHECK(wrong == collector::OfficerStore::kMaxAttempts - 1);
    CHECK(locked == collector::OfficerStore::kMaxAttempts + 1);
    CHECK(s.count("SELECT count(*) FROM audit WHERE action='officer_locked_out'") == 1);
    CHECK(s.count("SELECT lockouts FROM officers") == 1);
    CHECK(s.officers->verify("Nguyễn Thị Lan", kPassword).lockedSeconds == 60);
}

TEST_CASE("an officer's name and password typed with combining marks match the composed ones")
{
    Store s;
    s.add("Nguyễn Thị Lan");
    // "Nguyễn" as e + U+0302 (circumflex) + U+0303 (tilde); "Lúa" as u + U+0301; "chiêm" as e + U+0302.
    const std::string nameNfd = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Lan";
    const std::string passwordNfd = "Lu\xCC\x81" "a-chie\xCC\x82m-2026";
    REQUIRE(nameNfd != "Nguyễn Thị Lan");
    REQUIRE(passwordNfd != kPassword);
    CHECK(s.officers->verify(nameNfd, passwordNfd).kind == Kind::Ok);
    CHECK(s.officers->verify("Nguyễn Thị Lan", passwordNfd).kind == Kind::Ok);
    std::string error;
    CHECK_FALSE(s.officers->add(nameNfd, collector::OfficerRole::Viewer, kOther, "cli", error));   // the same name
    CHECK(error.find("Đã có cán bộ") != std::string::npos);
    CHECK(s.officers->add("Le\xCC\x82 Va\xCC\x86n Hu\xCC\x80ng", collector::OfficerRole::Viewer, passwordNfd, "cli", error));
    CHECK(s.officers->find("Lê Văn Hùng"));   // stored composed
    CHECK(s.officers->verify("Lê Văn Hùng", kPassword).kind == Kind::Ok);
    REQUIRE(s.officers->disable(nameNfd, "cli", error));
    CHECK(s.officers->find("Nguyễn Thị Lan")->disabled);
}

namespace {

// Reads the pseudo-terminal until `text` has appeared (or the child closed it, or 20 s passed).
bool readUntil(int master, std::string& out, const std::string& text)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    char buf[4096];
    while (out.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) continue;
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) return false;
        out.append(buf, static_cast<size_t>(n));
    }
    return out.find(text) != std::string::npos;
}

} // namespace

TEST_CASE("kiosk-collector officer add on a terminal prompts in Vietnamese and does not echo the password")
{
    test::TempDir dir;
    const std::filesystem::path data = dir / "collector";
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::execl(KIOSK_COLLECTOR_BIN, KIOSK_COLLECTOR_BIN, "--data", data.c_str(), "officer", "add", "--name", "Nguyễn Thị Lan", "--role", "admin",
                nullptr);
        ::_exit(127);
    }
    std::string out;
    const std::string line = kPassword + "\n";
    CHECK(readUntil(master, out, "Mật khẩu (ít nhất 10 ký tự): "));
    CHECK(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    CHECK(readUntil(master, out, "Nhập lại mật khẩu: "));
    CHECK(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    readUntil(master, out, "(vai trò admin).");
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    INFO(out);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(out.find("Đã tạo tài khoản cán bộ \"Nguyễn Thị Lan\" (vai trò admin).") != std::string::npos);
    CHECK(out.find(kPassword) == std::string::npos);
    std::string error;
    auto store = collector::CollectorStore::open(data, error);
    REQUIRE_MESSAGE(store, error);
    collector::OfficerStore officers(store->db(), store->audit(), store->clock());
    CHECK(officers.verify("Nguyễn Thị Lan", kPassword).kind == Kind::Ok);
}
