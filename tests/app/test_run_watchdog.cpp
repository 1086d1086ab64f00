// The watchdog path through the real binary: `kiosk run` under a NOTIFY_SOCKET this test owns
// sends READY=1 after its first frame, WATCHDOG=1 while its loop turns (idle included), and no
// ping at all once the loop hangs (the hidden --test-freeze-after-frames), as systemd would see.
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// A unix datagram socket bound in a temp folder, as systemd's notify socket is.
struct NotifySocket {
    int fd = -1;
    std::string path;
    explicit NotifySocket(const std::filesystem::path& p) : path(p.string())
    {
        fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        REQUIRE(path.size() < sizeof a.sun_path);
        std::strcpy(a.sun_path, path.c_str());
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    }
    ~NotifySocket() { ::close(fd); }
    // The next message, or "" when none came within `ms`.
    std::string receive(int ms)
    {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, ms) != 1) return {};
        char buf[4096];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, size_t(n)) : std::string();
    }
};

} // namespace

TEST_CASE("kiosk run tells systemd it is ready, pings while the loop turns, and stops pinging when it hangs")
{
    test::TempDir dir;
    NotifySocket sock(dir / "notify.sock");
    // Slides every 2 s: the third frame comes after an idle stretch, so pings must come from an
    // idle loop too, not only from drawing.
    test::writeFile(dir / "kiosk.toml", "[display]\nattract_slide_seconds = 2\n");

    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::setenv("NOTIFY_SOCKET", sock.path.c_str(), 1);
        ::setenv("WATCHDOG_USEC", "400000", 1);   // ping every 200 ms
        ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
        ::setenv("SDL_AUDIODRIVER", "dummy", 1);
        const std::string data = (dir / "data").string(), config = (dir / "kiosk.toml").string(), log = (dir / "stderr.txt").string();
        std::freopen(log.c_str(), "w", stderr);
        std::freopen("/dev/null", "w", stdout);
        ::execl(KIOSK_BIN, KIOSK_BIN, "--data", data.c_str(), "--config", config.c_str(), "run", "--windowed", "--size", "640x480",
                "--test-freeze-after-frames", "3", static_cast<char*>(nullptr));
        std::_Exit(127);
    }

    std::vector<std::string> before;   // messages until the freeze is announced
    bool frozen = false;
    for (int i = 0; i < 200 && !frozen; ++i) {
        std::string m = sock.receive(10'000);
        if (m.empty()) break;
        frozen = m.find("STATUS=frozen") != std::string::npos;
        if (!frozen) before.push_back(m);
    }
    // After the freeze: silence, for many ping intervals.
    std::vector<std::string> after;
    for (std::string m; frozen && !(m = sock.receive(1'500)).empty();) after.push_back(m);

    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CAPTURE(test::readFile(dir / "stderr.txt"));

    REQUIRE(frozen);
    REQUIRE_FALSE(before.empty());
    CHECK(before.front().find("READY=1") != std::string::npos);
    int pings = 0;
    for (const std::string& m : before) pings += m == "WATCHDOG=1";
    CHECK(pings >= 3);   // two frames at start, then ~2 s of idle loop before the third
    CHECK(after.empty());
}
