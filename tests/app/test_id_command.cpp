// `kiosk id parse|scan` through the real binary: JSON on stdout and status 0 for a card, a
// Vietnamese message on stderr and a distinct status otherwise. (Built into kiosk_drivers_tests,
// which knows KIOSK_BIN and has the picture helpers.)
#include "tests/drivers/readers/qr_picture.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <cstdlib>
#include <sys/wait.h>

namespace {

const std::string kPayload =
    "031204009876||Trần Văn Đức|29022004|Nam|Tổ dân phố 3, Phường Mao Điền, Thành phố Hải Phòng|01032022";

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs kiosk with `args` (already shell-quoted), stdout and stderr kept apart in files.
Run runKiosk(const test::TempDir& dir, const std::string& args, const std::string& stdinText = {})
{
    const auto in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
    test::writeFile(in, stdinText);
    const std::string cmd = "\"" KIOSK_BIN "\" " + args + " < \"" + in.string() + "\" > \"" + out.string() + "\" 2> \"" + err.string() + "\"";
    const int rc = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = test::readFile(out);
    r.err = test::readFile(err);
    return r;
}

// Single quotes for the shell; the payloads hold none.
std::string quoted(const std::string& s) { return "'" + s + "'"; }

void checkCard(const Run& r)
{
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(r.out.size() > 1);
    CHECK(r.out.back() == '\n');
    CHECK(r.out.find('\n') == r.out.size() - 1);   // exactly one line: one JSON object
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j == nlohmann::json{{"id", "031204009876"}, {"old_id", ""}, {"full_name", "Trần Văn Đức"}, {"birth_date", "2004-02-29"},
                              {"gender", "male"}, {"address", "Tổ dân phố 3, Phường Mao Điền, Thành phố Hải Phòng"},
                              {"issue_date", "2022-03-01"}});
}

} // namespace

TEST_CASE("kiosk id parse prints the card as JSON")
{
    test::TempDir dir;
    checkCard(runKiosk(dir, "id parse " + quoted(kPayload)));
    // "-" reads the payload from standard input, as a keyboard-wedge scanner types it.
    checkCard(runKiosk(dir, "id parse -", kPayload + "\r\n"));
}

TEST_CASE("kiosk id parse refuses with a Vietnamese message and a status per kind")
{
    test::TempDir dir;
    struct Bad {
        std::string payload;
        int status;
        const char* says;
    };
    for (const Bad& b : {Bad{"https://dichvucong.gov.vn", 4, "không phải mã QR của thẻ căn cước"},
                         Bad{kPayload.substr(0, 40), 5, "mới đọc được một phần"},
                         // Digit 4 says a woman born in the 2000s; the card says Nam.
                         Bad{"031304009876||Trần Văn Đức|29022004|Nam|Hải Phòng|01032022", 6, "mâu thuẫn"}}) {
        const Run r = runKiosk(dir, "id parse " + quoted(b.payload));
        CAPTURE(b.payload);
        CAPTURE(r.err);
        CHECK(r.status == b.status);
        CHECK(r.out.empty());
        CHECK(r.err.find(b.says) != std::string::npos);
        CHECK(r.err.find("Trần") == std::string::npos);
        CHECK(r.err.find("04009876") == std::string::npos);
    }
    // A missing argument is a usage error (CLI11's status 2 family, not 0).
    CHECK(runKiosk(dir, "id parse").status != 0);
}

TEST_CASE("kiosk id scan reads the card from PNG and JPEG pictures")
{
    test::TempDir dir;
    test::PictureSpec s;
    s.quad = test::rotatedSquare(640, 360, 5.0 * (test::qrModules(kPayload) + 8), 21);
    s.noiseSigma = 6;
    const drivers::Image img = test::qrPicture(kPayload, s);
    test::savePng(dir / "card.png", img);
    test::saveJpeg(dir / "card photo.jpg", img);
    checkCard(runKiosk(dir, "id scan " + quoted((dir / "card.png").string())));
    checkCard(runKiosk(dir, "id scan " + quoted((dir / "card photo.jpg").string())));
}

TEST_CASE("kiosk id scan explains a picture without a code, a foreign code and an unreadable file")
{
    test::TempDir dir;
    test::PictureSpec s;
    test::savePng(dir / "empty.png", test::emptyPicture(s));
    Run r = runKiosk(dir, "id scan " + quoted((dir / "empty.png").string()));
    CHECK(r.status == 3);
    CHECK(r.out.empty());
    CHECK(r.err.find("Không tìm thấy mã QR") != std::string::npos);

    const std::string url = "https://binhdanhocvuso.gov.vn";
    s.quad = test::rotatedSquare(640, 360, 6.0 * (test::qrModules(url) + 8), 0);
    test::saveJpeg(dir / "poster.jpg", test::qrPicture(url, s));
    r = runKiosk(dir, "id scan " + quoted((dir / "poster.jpg").string()));
    CHECK(r.status == 4);
    CHECK(r.err.find("không phải mã QR của thẻ căn cước") != std::string::npos);

    test::writeFile(dir / "notes.jpg", "not a picture\n");
    r = runKiosk(dir, "id scan " + quoted((dir / "notes.jpg").string()));
    CHECK(r.status == 1);
    CHECK(r.err.find("Không đọc được tệp") != std::string::npos);
    r = runKiosk(dir, "id scan " + quoted((dir / "missing.png").string()));
    CHECK(r.status == 1);
    CHECK(r.err.find("Không có tệp ảnh") != std::string::npos);
}
