// Output files in a folder other users can write (reports, staff badges, backups): a file or symlink
// someone else planted at the target or at a temporary name is replaced, never written through or
// kept, and the data is 0600 from the first byte. Run as root, "someone else" is the nobody user.
#include "kiosk/common/private_file.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

struct Run {
    int status = -1;
    std::string out, err;
};

Run runKiosk(const test::TempDir& dir, const std::string& args, const std::string& stdinText = {})
{
    const auto in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
    test::writeFile(in, stdinText);
    const std::string cmd = "\"" KIOSK_BIN "\" --data \"" + (dir / "data").string() + "\" " + args + " < \"" + in.string() + "\" > \"" +
                            out.string() + "\" 2> \"" + err.string() + "\"";
    const int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, test::readFile(out), test::readFile(err)};
}

// A folder anyone may write in, as /tmp or a shared USB stick's mount.
fs::path sharedFolder(const test::TempDir& dir)
{
    const fs::path shared = dir / "shared";
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 01777);
    return shared;
}

// What another user leaves behind: a file of theirs, readable and writable by all.
void plantFile(const fs::path& p)
{
    test::writeFile(p, "planted");
    REQUIRE(::chown(p.c_str(), kNobody, kNobody) == 0);
    REQUIRE(::chmod(p.c_str(), 0666) == 0);
}

void plantSymlink(const fs::path& at, const fs::path& victim)
{
    REQUIRE(::symlink(victim.c_str(), at.c_str()) == 0);
    REQUIRE(::lchown(at.c_str(), kNobody, kNobody) == 0);
}

// Ours, 0600, a regular file (not a symlink), and not the inode that was planted there.
void checkOurs(const fs::path& p, ino_t planted = 0)
{
    CAPTURE(p);
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK(st.st_uid == ::getuid());
    CHECK((st.st_mode & 07777) == 0600);
    if (planted) CHECK(st.st_ino != planted);
}

ino_t inodeOf(const fs::path& p)
{
    struct stat st {};
    ::lstat(p.c_str(), &st);
    return st.st_ino;
}

// Everything created directly in a folder while watched: name, and whether it was a folder.
class CreationWatch {
public:
    explicit CreationWatch(const fs::path& folder)
    {
        m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        REQUIRE(m_fd >= 0);
        REQUIRE(::inotify_add_watch(m_fd, folder.c_str(), IN_CREATE) >= 0);
    }
    ~CreationWatch() { ::close(m_fd); }
    std::vector<std::pair<std::string, bool>> created()
    {
        std::vector<std::pair<std::string, bool>> out;
        alignas(inotify_event) char buf[64 * 1024];
        for (;;) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(p);
                out.emplace_back(e->len ? e->name : "", (e->mask & IN_ISDIR) != 0);
                p += sizeof(inotify_event) + e->len;
            }
        }
        return out;
    }

private:
    int m_fd = -1;
};

const char* kCsv =
    "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\n"
    "2026-01-05T09:00:00,2026-01-05T09:20:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,vneid_install,\n";

} // namespace

TEST_CASE("a private file is 0600 from its creation whatever the umask, and replaces what was planted at the target")
{
    test::TempDir dir;
    const fs::path shared = sharedFolder(dir);
    const fs::path target = shared / "out.json", victim = dir / "victim";
    const mode_t old = ::umask(0);
    {
        kiosk::PrivateFile f;
        std::string error;
        REQUIRE(f.create(target, error));
        // Before a byte is written, the temporary is already ours alone.
        checkOurs(f.tempPath());
        CHECK(f.tempPath().parent_path() == shared);
        f.write("{}");
    }   // not committed: removed
    CHECK(fs::is_empty(shared));

    plantSymlink(target, victim);
    std::string error;
    REQUIRE(kiosk::writePrivateFile(target, "{\"a\":1}", error));
    CHECK_FALSE(fs::exists(victim));
    checkOurs(target);
    CHECK(test::readFile(target) == "{\"a\":1}");

    fs::remove(target);
    plantFile(target);
    const ino_t planted = inodeOf(target);
    REQUIRE(kiosk::writePrivateFile(target, "x", error));
    checkOurs(target, planted);
    ::umask(old);
}

TEST_CASE("kiosk report --out into a shared folder: JSON, CSV and XLSX are ours and 0600, planted files and symlinks are not used")
{
    test::TempDir dir;
    test::writeFile(dir / "in.csv", kCsv);
    REQUIRE(runKiosk(dir, "session import '" + (dir / "in.csv").string() + "'").status == 0);
    const fs::path shared = sharedFolder(dir);
    for (const char* name : {"q1.json", "q1.csv", "q1.xlsx"}) {
        CAPTURE(name);
        const fs::path out = shared / name;
        const fs::path victim = dir / (std::string("victim-") + name);
        // The old code's temporary name pointing elsewhere, and a file of another user's at the target.
        plantSymlink(fs::path(out.string() + ".tmp"), victim);
        plantFile(out);
        const ino_t planted = inodeOf(out);
        CreationWatch watch(shared);
        const std::string format = fs::path(name).extension() == ".json" ? "json" : fs::path(name).extension() == ".csv" ? "csv" : "xlsx";
        const Run r = runKiosk(dir, "report --quarter 2026-Q1 --format " + format + " --out '" + out.string() + "'");
        CAPTURE(r.err);
        REQUIRE(r.status == 0);
        checkOurs(out, planted);
        CHECK_FALSE(fs::exists(victim));
        CHECK(test::readFile(out) != "planted");
        for (const auto& [created, isDir] : watch.created()) {
            CAPTURE(created);
            // A file is only ever created under a fresh hidden name (mkostemp, 0600); a library that
            // writes by name (libxlsxwriter) writes inside a private folder.
            if (!isDir) CHECK(created.rfind("." + std::string(name) + ".", 0) == 0);
            if (format == "xlsx") CHECK(isDir);
        }
        // Nothing left behind but the planted symlink.
        int entries = 0;
        for (const auto& e : fs::directory_iterator(shared)) {
            (void)e;
            ++entries;
        }
        CHECK(entries == 2 + (name == std::string("q1.json") ? 0 : name == std::string("q1.csv") ? 2 : 4));
    }
}

TEST_CASE("kiosk staff badge --out replaces a file another user planted, and never follows a symlink there")
{
    test::TempDir dir;
    REQUIRE(runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer", "482913\n482913\n").status == 0);
    const fs::path shared = sharedFolder(dir);
    const fs::path png = shared / "an.png";
    plantFile(png);
    const ino_t planted = inodeOf(png);
    Run r = runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --out '" + png.string() + "'");
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    checkOurs(png, planted);
    CHECK(test::readFile(png).rfind("\x89PNG", 0) == 0);

    const fs::path png2 = shared / "an2.png", victim = dir / "victim.png";
    plantSymlink(png2, victim);
    r = runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --out '" + png2.string() + "'");
    REQUIRE(r.status == 0);
    checkOurs(png2);
    CHECK_FALSE(fs::exists(victim));
}

TEST_CASE("kiosk db backup into a shared folder: the copy is ours and 0600, and SQLite never creates it in the open folder")
{
    test::TempDir dir;
    REQUIRE(runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer", "482913\n482913\n").status == 0);
    const fs::path shared = sharedFolder(dir);
    const fs::path copy = shared / "kiosk.sqlite", victim = dir / "victim";
    plantSymlink(copy, victim);
    const mode_t old = ::umask(0);
    CreationWatch watch(shared);
    const Run r = runKiosk(dir, "db backup '" + copy.string() + "'");
    ::umask(old);
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    checkOurs(copy);
    CHECK_FALSE(fs::exists(victim));
    const auto created = watch.created();
    CHECK_FALSE(created.empty());
    for (const auto& [name, isDir] : created) {
        CAPTURE(name);
        CHECK(isDir);   // only the private 0700 folder SQLite writes in
    }
    CHECK(std::distance(fs::directory_iterator(shared), fs::directory_iterator()) == 1);
}
