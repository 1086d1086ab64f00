// The disk filling up during a save. Three ways to fill it, each in a child process (the limits
// and mounts must not touch the test runner): a real 1.5 MiB tmpfs mounted in a private mount
// namespace (as root, or in an unprivileged user namespace where the kernel allows it; skipped
// with a message where neither is allowed), SQLite's max_page_count (SQLITE_FULL, as from a full
// disk), and the process's file-size limit (RLIMIT_FSIZE: writes fail with EFBIG, which SQLite
// reports as a plain I/O error, so the message there is the clear "not saved, tap Save again"
// one rather than the full-disk one). In each: nothing confirmed before is lost, a correction is
// refused the same way, and once space is freed saving works again on the same connection.
#include "kiosk/store/db_check.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace {

enum class Fill { Tmpfs, FileSize, PageCount };

const char* kFullDisk = "Bộ nhớ của ki-ốt đã đầy";

// The child reports facts, one per line, through a pipe: doctest lives in the parent.
class Report {
public:
    explicit Report(int fd) : m_fd(fd) {}
    void operator()(const std::string& line) const
    {
        const std::string l = line + "\n";
        if (::write(m_fd, l.data(), l.size()) < 0) ::_exit(5);
    }

private:
    int m_fd;
};

bool writeFileText(const char* path, const std::string& text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

// A private mount namespace with a small tmpfs on `where`: as root directly, otherwise inside a
// new user namespace. Empty when it worked, else why not.
std::string mountSmallTmpfs(const std::filesystem::path& where)
{
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWNS) != 0) {
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return std::string("unshare: ") + std::strerror(errno);
        writeFileText("/proc/self/setgroups", "deny");
        if (!writeFileText("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
            !writeFileText("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
            return std::string("uid_map: ") + std::strerror(errno);
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return std::string("mount --make-rprivate: ") + std::strerror(errno);
    if (::mount("tmpfs", where.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1536k,mode=0700") != 0)
        return std::string("mount tmpfs: ") + std::strerror(errno);
    return {};
}

std::string bigNotes(int n, size_t size = 6000)
{
    // Several pages of sealed text per session: each save needs fresh space.
    std::string s = "Lượt " + std::to_string(n) + ": ";
    while (s.size() < size) s += "cán bộ hướng dẫn cài VNeID, nhận mã OTP, đặt mật khẩu; ";
    return s;
}

// The whole scenario, run in the child. Returns the exit status.
int scenario(Fill fill, const std::filesystem::path& dir, const Report& say)
{
    std::filesystem::path data = dir / "data";
    if (fill == Fill::Tmpfs) {
        const auto mnt = dir / "mnt";
        std::filesystem::create_directories(mnt);
        if (const std::string why = mountSmallTmpfs(mnt); !why.empty()) {
            say("unavailable " + why);
            return 0;
        }
        data = mnt / "data";
    }
    kiosk::ManualClock clock;
    std::string error;
    auto records = kiosk::Records::open(data, clock, error);
    if (!records) {
        say("open-failed " + error);
        return 0;
    }
    const int64_t staff = *records->staff->ensureImported("Trần Văn Bảo");
    std::vector<std::pair<std::string, std::string>> confirmed;   // uid, notes
    auto saveOne = [&](int n, std::string& err) -> std::optional<kiosk::SaveResult> {
        kiosk::NewSession s = torture::newSession(n, staff, clock.unixSeconds());
        s.notes = bigNotes(n);
        clock.advanceSeconds(900);
        auto r = records->sessions->save(s, err);
        if (r) confirmed.emplace_back(r->uid, s.notes);
        return r;
    };
    int n = 0;
    for (; n < 10; ++n)
        if (!saveOne(n, error)) {
            say("early-failure " + error);
            return 0;
        }

    // Fill the disk.
    const auto ballast = data / "ballast";
    if (fill == Fill::Tmpfs) {
        const int fd = ::open(ballast.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const std::string chunk(4096, 'x');
        while (::write(fd, chunk.data(), chunk.size()) > 0) {}
        ::fsync(fd);
        ::close(fd);
    } else if (fill == Fill::FileSize) {
        // Writes that would make any file larger than this fail with EFBIG (SIGXFSZ ignored).
        ::signal(SIGXFSZ, SIG_IGN);
        std::error_code ec;
        const auto wal = std::filesystem::file_size(kiosk::Records::databaseFile(data).string() + "-wal", ec);
        const auto db = std::filesystem::file_size(kiosk::Records::databaseFile(data), ec);
        rlimit lim{};
        ::getrlimit(RLIMIT_FSIZE, &lim);
        lim.rlim_cur = std::max(wal, db) + 48 * 1024;
        ::setrlimit(RLIMIT_FSIZE, &lim);
    } else {
        kiosk::Statement pages(records->db->handle(), "PRAGMA page_count");
        pages.step();
        records->db->exec("PRAGMA max_page_count=" + std::to_string(pages.int64(0) + 12));
    }
    say("saved " + std::to_string(confirmed.size()));

    // Save until the disk refuses, then a few more times: each refusal the same clear message.
    int refusals = 0;
    for (int tries = 0; tries < 2000 && refusals < 4; ++tries, ++n) {
        if (saveOne(n, error)) continue;
        say("full " + error);
        ++refusals;
    }
    if (refusals == 0) say("never-full");
    say("saved " + std::to_string(confirmed.size()));
    // A correction while the disk is full is refused the same way. (Its notes are ten times a
    // save's: space a failed save left allocated at the end of the WAL does not hold them.)
    kiosk::SessionEdit edit;
    edit.endedAt = clock.unixSeconds();
    edit.village = "Thôn Đông";
    edit.notes = bigNotes(999, 60000);
    edit.services = {{"vneid_install", kiosk::Outcome::Done}};
    if (records->sessions->correct(1, edit, "Trần Văn Bảo", error)) say("corrected-while-full");
    else say("correction-refused " + error);

    // Free the space: saving works again, on the same connection, without a restart.
    if (fill == Fill::Tmpfs) std::filesystem::remove(ballast);
    else if (fill == Fill::FileSize) {
        rlimit lim{};
        ::getrlimit(RLIMIT_FSIZE, &lim);
        lim.rlim_cur = lim.rlim_max;
        ::setrlimit(RLIMIT_FSIZE, &lim);
    } else {
        records->db->exec("PRAGMA max_page_count=4294967294");
    }
    if (saveOne(n++, error)) say("after-free saved");
    else say("after-free refused " + error);
    if (records->sessions->correct(1, edit, "Trần Văn Bảo", error)) say("after-free corrected");
    else say("after-free correction-refused " + error);

    // Reopen from the files, as after a restart: every confirmed session is there.
    records.reset();
    records = kiosk::Records::open(data, clock, error);
    if (!records) {
        say("reopen-failed " + error);
        return 0;
    }
    for (const auto& [uid, notes] : confirmed) {
        kiosk::Statement st(records->db->handle(), "SELECT id FROM sessions WHERE uid=?");
        st.bind(1, uid);
        if (!st.step()) {
            say("missing " + uid);
            continue;
        }
        const auto s = records->sessions->get(st.int64(0));
        if (!s || (s->revision == 1 && s->notes != notes)) say("notes-differ " + uid);
    }
    say("confirmed " + std::to_string(confirmed.size()) + " stored " + std::to_string(records->sessions->sessionCount()));
    say("integrity " + torture::integrityCheck(*records->db));
    for (const kiosk::CheckResult& c : kiosk::checkDatabase(*records->db, *records->vault))
        say(std::string(c.ok ? "check-ok " : "check-failed ") + c.name + ": " + c.detail);
    say("done");
    return 0;
}

std::vector<std::string> runInChild(Fill fill, const std::filesystem::path& dir)
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        const Report say(fds[1]);
        int status = 6;
        try {
            status = scenario(fill, dir, say);
        } catch (const std::exception& e) {
            say(std::string("exception ") + e.what());
        }
        ::_exit(status);   // no doctest teardown in the child
    }
    ::close(fds[1]);
    std::string all;
    char buf[4096];
    for (ssize_t got; (got = ::read(fds[0], buf, sizeof buf)) > 0;) all.append(buf, static_cast<size_t>(got));
    ::close(fds[0]);
    int st = 0;
    ::waitpid(pid, &st, 0);
    INFO("child output:\n" << all);
    REQUIRE(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
    std::vector<std::string> lines;
    std::istringstream in(all);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

void checkScenario(const std::vector<std::string>& lines, const char* expectedMessage = kFullDisk)
{
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    INFO("child output:\n" << all);
    int refusals = 0, checks = 0;
    bool savedAfter = false, correctedAfter = false, done = false, correctionRefused = false;
    for (const std::string& l : lines) {
        CHECK_FALSE(starts(l, "missing "));
        CHECK_FALSE(starts(l, "notes-differ "));
        CHECK_FALSE(starts(l, "check-failed "));
        CHECK_FALSE(starts(l, "never-full"));
        CHECK_FALSE(starts(l, "corrected-while-full"));
        CHECK_FALSE(starts(l, "exception "));
        CHECK_FALSE(starts(l, "early-failure "));
        if (starts(l, "full ")) {
            ++refusals;
            CHECK_MESSAGE(starts(l.substr(5), expectedMessage), l);
        }
        if (starts(l, "correction-refused ")) {
            correctionRefused = true;
            CHECK_MESSAGE(starts(l.substr(19), expectedMessage), l);
        }
        if (starts(l, "integrity ")) CHECK(l == "integrity ok");
        if (starts(l, "check-ok ")) ++checks;
        savedAfter |= l == "after-free saved";
        correctedAfter |= l == "after-free corrected";
        done |= l == "done";
    }
    CHECK(refusals == 4);
    CHECK(correctionRefused);
    CHECK(savedAfter);
    CHECK(correctedAfter);
    CHECK(checks > 0);
    CHECK(done);
}

} // namespace

TEST_CASE("the disk filling up during a save: a real tmpfs")
{
    test::TempDir dir;
    const std::vector<std::string> lines = runInChild(Fill::Tmpfs, dir.path());
    REQUIRE(!lines.empty());
    if (starts(lines.front(), "unavailable ")) {
        MESSAGE("no tmpfs for this test here (" << lines.front().substr(12) << "): the RLIMIT_FSIZE and max_page_count cases still ran");
        return;
    }
    MESSAGE("ran on a 1.5 MiB tmpfs in a private mount namespace");
    checkScenario(lines);
}

TEST_CASE("the disk filling up during a save: the file-size limit (EFBIG, as on a quota)")
{
    test::TempDir dir;
    checkScenario(runInChild(Fill::FileSize, dir.path()), "Chưa lưu được vào cơ sở dữ liệu (disk I/O error). Xin bấm Lưu lại.");
}

TEST_CASE("the disk filling up during a save: SQLite's max_page_count")
{
    test::TempDir dir;
    checkScenario(runInChild(Fill::PageCount, dir.path()));
}
