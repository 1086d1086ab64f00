// `kiosk run` on a real X server (Xvfb) with and without a window manager: full screen is asked
// of a window manager only when one is running. Without one, SDL 2.26 waited 100 ms for an answer
// after the first frame and 100 ms more when the window closed (strace: twenty 10 ms sleeps), so
// `--exit-after-frames 1` took ~220 ms after its frame; now the borderless window covers the screen
// and the kiosk says so in its log. A window manager is played by this test: EWMH's
// _NET_SUPPORTING_WM_CHECK on the root window naming a window that names itself.
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr const char* kNoWindowManager = "X11 không có trình quản lý cửa sổ";

// An Xvfb of its own, on a display number it picks (-displayfd), killed at the end.
class Xvfb {
public:
    Xvfb()
    {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            close(fds[0]);
            const std::string fd = std::to_string(fds[1]);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x720x24", "-nolisten", "tcp", "-noreset",
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        char buf[32] = {};
        ssize_t n = 0, got;
        while (n < ssize_t(sizeof buf) - 1 && (got = read(fds[0], buf + n, sizeof buf - 1 - size_t(n))) > 0) {
            n += got;
            if (buf[n - 1] == '\n') break;
        }
        close(fds[0]);
        REQUIRE_MESSAGE(n > 1, "Xvfb did not start");
        m_display = ":" + std::string(buf, size_t(n - 1));
    }
    ~Xvfb()
    {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
    const std::string& display() const { return m_display; }

private:
    pid_t m_pid = -1;
    std::string m_display;
};

// `kiosk run --exit-after-frames 1` full screen on `display`; its exit status, stderr in `log`.
int runKiosk(const test::TempDir& dir, const std::string& display, std::string& log)
{
    const std::string cmd = "env -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER DISPLAY=" + display + " SDL_AUDIODRIVER=dummy timeout 60 \"" KIOSK_BIN
                            "\" --data \"" + (dir / "data").string() + "\" run --exit-after-frames 1 > /dev/null 2> \"" +
                            (dir / "stderr.txt").string() + "\"";
    const int rc = std::system(cmd.c_str());
    log = test::readFile(dir / "stderr.txt");
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Sets _NET_SUPPORTING_WM_CHECK on the root to a new window; `selfNamed` also sets it on that
// window, as a live EWMH window manager does (a dead one leaves only the root's property).
void announceWindowManager(Display* d, bool selfNamed)
{
    const Atom check = XInternAtom(d, "_NET_SUPPORTING_WM_CHECK", False);
    Window w = XCreateSimpleWindow(d, DefaultRootWindow(d), 0, 0, 1, 1, 0, 0, 0);
    XChangeProperty(d, DefaultRootWindow(d), check, XA_WINDOW, 32, PropModeReplace, reinterpret_cast<unsigned char*>(&w), 1);
    if (selfNamed) XChangeProperty(d, w, check, XA_WINDOW, 32, PropModeReplace, reinterpret_cast<unsigned char*>(&w), 1);
    XSync(d, False);
}

} // namespace

TEST_CASE("kiosk run on an X server without a window manager covers the screen without asking for full screen")
{
    Xvfb x;
    test::TempDir dir;
    std::string log;
    CHECK(runKiosk(dir, x.display(), log) == 0);
    CAPTURE(log);
    CHECK(log.find("khung hình đầu tiên") != std::string::npos);
    CHECK(log.find(kNoWindowManager) != std::string::npos);

    // A window manager that died left its root property behind: still none.
    Display* d = XOpenDisplay(x.display().c_str());
    REQUIRE(d);
    announceWindowManager(d, false);
    test::TempDir again;
    CHECK(runKiosk(again, x.display(), log) == 0);
    CHECK(log.find(kNoWindowManager) != std::string::npos);
    XCloseDisplay(d);
}

TEST_CASE("kiosk run asks a running window manager for full screen")
{
    Xvfb x;
    Display* d = XOpenDisplay(x.display().c_str());
    REQUIRE(d);
    announceWindowManager(d, true);
    test::TempDir dir;
    std::string log;
    CHECK(runKiosk(dir, x.display(), log) == 0);
    CAPTURE(log);
    CHECK(log.find("khung hình đầu tiên") != std::string::npos);
    CHECK(log.find(kNoWindowManager) == std::string::npos);
    XCloseDisplay(d);
}
