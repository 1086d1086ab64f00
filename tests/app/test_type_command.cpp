// `kiosk type`, the real binary: what the on-screen keyboard composes, printed on one line.
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include <doctest/doctest.h>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

std::string runKiosk(const std::string& args, int& rc)
{
    const std::string cmd = "\"" KIOSK_BIN "\" " + args + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int st = pclose(p);
    rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

} // namespace

TEST_CASE("kiosk type prints the composed text on one line, Telex or VNI, old or new style")
{
    int rc = -1;
    CHECK(runKiosk("type --telex 'Tooi teen laf Nguyeenx Vaawn An'", rc) == "Tôi tên là Nguyễn Văn An\n");
    CHECK(rc == 0);
    CHECK(runKiosk("type --vni 'To6i te6n la2 Nguye64n Va8n An'", rc) == "Tôi tên là Nguyễn Văn An\n");
    CHECK(rc == 0);
    CHECK(runKiosk("type --telex 'hoas thuys khoer'", rc) == "hóa thúy khỏe\n");
    CHECK(runKiosk("type --new-style --telex 'hoas thuys khoer'", rc) == "hoá thuý khoẻ\n");
    CHECK(rc == 0);
    // The binary and the library agree on a mixed sentence.
    const std::string keys = "DDaij hocj Quoocs gia, email VNeID 0912345678";
    CHECK(runKiosk("type --telex '" + keys + "'", rc) == kiosk::composeTelex(keys) + "\n");
    CHECK(runKiosk("type --telex ''", rc) == "\n");
    CHECK(rc == 0);

    runKiosk("type", rc);
    CHECK(rc == 2);   // no keys: a wrong argument
    runKiosk("type --telex a --vni a1", rc);
    CHECK(rc != 0);
}
