// Ctrl+Shift+Q through the real binary: SDL receives the key press (offscreen video driver), and
// `kiosk run` quits only with --dev-exit; either way an audit row and a log line say so.
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <cstdlib>
#include <sys/wait.h>

namespace {

int runKiosk(const test::TempDir& dir, const std::string& args)
{
    const std::string cmd = "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy timeout 60 \"" KIOSK_BIN "\" --data \"" +
                            (dir / "data").string() + "\" run --windowed --size 640x480 " + args + " > /dev/null 2> \"" +
                            (dir / "stderr.txt").string() + "\"";
    const int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int auditRows(const test::TempDir& dir, const std::string& action)
{
    kiosk::SteadyClock clock;
    std::string error;
    auto rec = kiosk::Records::open(dir / "data", clock, error);
    REQUIRE_MESSAGE(rec, error);
    int n = 0;
    for (const kiosk::AuditEntry& e : rec->audit->recent(1000)) n += e.action == action;
    return n;
}

} // namespace

TEST_CASE("Ctrl+Shift+Q does not quit kiosk run without --dev-exit, and the refusal is audited and logged")
{
    test::TempDir dir;
    // The key arrives after frame 2; the run ends only at frame 3 because --exit-after-frames says so.
    CHECK(runKiosk(dir, "--test-key-after-frames 2 --exit-after-frames 3") == 0);
    const std::string log = test::readFile(dir / "stderr.txt");
    CAPTURE(log);
    CHECK(log.find("Ctrl+Shift+Q bị bỏ qua") != std::string::npos);
    CHECK(log.find("Ctrl+Shift+Q: ki-ốt thoát") == std::string::npos);
    CHECK(auditRows(dir, "developer_exit_refused") == 1);
    CHECK(auditRows(dir, "developer_exit") == 0);
}

TEST_CASE("Ctrl+Shift+Q quits kiosk run --dev-exit, with an audit row and a log line")
{
    test::TempDir dir;
    // No --exit-after-frames: only the key ends the run (`timeout` would fail the test with 124).
    CHECK(runKiosk(dir, "--dev-exit --test-key-after-frames 2") == 0);
    const std::string log = test::readFile(dir / "stderr.txt");
    CAPTURE(log);
    CHECK(log.find("Ctrl+Shift+Q: ki-ốt thoát") != std::string::npos);
    CHECK(auditRows(dir, "developer_exit") == 1);
}
