// The real `kiosk` binary, rendered headless through SDL's offscreen driver: what a phone would
// read from the screen is decoded from the PNG with ZXing.
#include "drivers/display/png_image.hpp"
#include "tests/support/test_support.hpp"
#include <ZXing/ReadBarcode.h>
#include <doctest/doctest.h>
#include <cstdlib>
#include <set>

namespace {

int run(const std::string& args, const std::string& env = "")
{
    std::string cmd = env + " \"" KIOSK_BIN "\" " + args + " > /dev/null 2>&1";
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string runOutput(const std::string& args, const std::string& env, int& rc)
{
    std::string cmd = env + " \"" KIOSK_BIN "\" " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int st = pclose(p);
    rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

std::set<std::string> decodeAll(const std::filesystem::path& png)
{
    drivers::Image img;
    std::string error;
    REQUIRE_MESSAGE(drivers::loadImage(png, img, 1, error), error);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setCharacterSet("UTF-8");
    std::set<std::string> out;
    for (const auto& r : ZXing::ReadBarcodes(ZXing::ImageView(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum), hints))
        if (r.isValid()) out.insert(r.text());
    return out;
}

} // namespace

TEST_CASE("every QR hand-off screen shows codes a phone reads as the configured URLs")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::TempDir dir;
    REQUIRE(rt.config.handoff("binhdanhocvuso"));
    for (const kiosk::Handoff& h : rt.config.handoffs) {
        INFO(h.key);
        auto png = dir / ("qr-" + h.key + ".png");
        REQUIRE(run("screenshot --screen qr-" + h.key + " --out " + png.string()) == 0);
        std::set<std::string> expected;
        for (const std::string& k : h.links) expected.insert(rt.config.link(k)->url);
        CHECK(decodeAll(png) == expected);
    }
}

TEST_CASE("the binhdanhocvuso code reads right in English, at large text and at 1366x768 too")
{
    test::TempDir dir;
    auto png = dir / "qr.png";
    REQUIRE(run("screenshot --screen qr-binhdanhocvuso --lang en --text-size large --size 1366x768 --out " + png.string()) == 0);
    drivers::Image img;
    std::string error;
    REQUIRE(drivers::loadImage(png, img, 0, error));
    CHECK(img.width == 1366);
    CHECK(img.height == 768);
    CHECK(decodeAll(png) == std::set<std::string>{"https://binhdanhocvuso.gov.vn"});
}

TEST_CASE("the catalogue's side panel carries a scannable binhdanhocvuso code")
{
    test::TempDir dir;
    auto png = dir / "catalogue.png";
    REQUIRE(run("screenshot --screen catalogue --out " + png.string()) == 0);
    CHECK(decodeAll(png) == std::set<std::string>{"https://binhdanhocvuso.gov.vn"});
}

TEST_CASE("every listed screen renders and a wrong name fails with a message")
{
    test::TempDir dir;
    int rc = 0;
    std::string list = runOutput("screenshot --list", "", rc);
    REQUIRE(rc == 0);
    for (const char* name : {"attract", "language", "catalogue", "idle-prompt", "thanks", "lesson:vneid-kich-hoat-muc-2:1"}) {
        INFO(name);
        CHECK(list.find(std::string(name) + "\n") != std::string::npos);
        auto png = dir / "s.png";
        REQUIRE(run(std::string("screenshot --screen ") + name + " --out " + png.string()) == 0);
        drivers::Image img;
        std::string error;
        REQUIRE(drivers::loadImage(png, img, 1, error));
        // Not a blank frame: plenty of distinct grey levels (text, cards, buttons).
        std::set<uint8_t> levels(img.pixels.begin(), img.pixels.end());
        CHECK(levels.size() > 40);
    }
    std::string out = runOutput("screenshot --screen khong-co --out " + (dir / "x.png").string(), "", rc);
    CHECK(rc != 0);
    CHECK(out.find("khong-co") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST_CASE("kiosk run: starts headless, presents frames, exits cleanly and creates its database")
{
    test::TempDir dir;
    int rc = 0;
    std::string out = runOutput("--data " + (dir / "data").string() + " run --exit-after-frames 2 --start-screen catalogue",
                                "SDL_VIDEODRIVER=offscreen", rc);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("KHÔNG có màn hình") != std::string::npos);   // says it runs invisibly
    CHECK(std::filesystem::exists(dir / "data/kiosk.sqlite3"));
}

TEST_CASE("kiosk run: with no display at all, a clear message and a non-zero exit")
{
    test::TempDir dir;
    int rc = 0;
    std::string out = runOutput("--data " + (dir / "data").string() + " run --exit-after-frames 1",
                                "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER", rc);
    CHECK(rc != 0);
    CHECK(out.find("Không tìm thấy màn hình") != std::string::npos);
}

TEST_CASE("a step with a province's own PNG screenshot shows that picture inside the phone")
{
    test::TempDir dir;
    auto assets = dir / "assets";
    std::filesystem::copy(test::assetsDir(), assets, std::filesystem::copy_options::recursive);
    // A 300x600 picture, pure red: easy to find on the rendered screen.
    drivers::Image red{300, 600, 3, std::vector<uint8_t>(300 * 600 * 3, 0)};
    for (size_t i = 0; i < red.pixels.size(); i += 3) red.pixels[i] = 220;
    std::string error;
    REQUIRE(drivers::writePng(assets / "images/vneid-buoc-1.png", red, error));
    auto lesson = assets / "lessons/vneid-kich-hoat-muc-2.toml";
    std::string text = test::readFile(lesson);
    auto pos = text.find("[steps.screen]");
    REQUIRE(pos != std::string::npos);
    text.insert(text.find('\n', pos) + 1, "image = \"images/vneid-buoc-1.png\"\n");
    test::writeFile(lesson, text);

    int rc = 0;
    std::string out = runOutput("content check " + assets.string(), "", rc);
    INFO(out);
    CHECK(rc == 0);
    auto png = dir / "step.png";
    REQUIRE(run("screenshot --screen lesson:vneid-kich-hoat-muc-2:1 --assets " + assets.string() + " --out " + png.string()) == 0);
    drivers::Image img;
    REQUIRE(drivers::loadImage(png, img, 3, error));
    // The phone stands on the right; its centre is now the picture's red.
    auto at = [&](int x, int y) { return &img.pixels[(size_t(y) * img.width + x) * 3]; };
    const uint8_t* c = at(1596, 560);
    CHECK(int(c[0]) > 200);
    CHECK(int(c[1]) < 30);
    CHECK(int(c[2]) < 30);
    // Without the picture the same spot is the drawn phone (white screen or grey rows).
    REQUIRE(run("screenshot --screen lesson:vneid-kich-hoat-muc-2:1 --out " + png.string()) == 0);
    REQUIRE(drivers::loadImage(png, img, 3, error));
    c = at(1596, 560);
    CHECK_FALSE((c[0] > 200 && c[1] < 30 && c[2] < 30));
}

TEST_CASE("kiosk layout-check: the CI sample of screens passes at three shapes, two text sizes, two languages")
{
    int rc = 0;
    const std::string out = runOutput("layout-check", "SDL_VIDEODRIVER=offscreen", rc);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("không có lỗi bố cục") != std::string::npos);
    CHECK(out.find(" lần hiển thị") != std::string::npos);
}

TEST_CASE("kiosk layout-check fails a screen whose drawing cannot hold its label, naming screen, size and text")
{
    test::TempDir dir;
    std::filesystem::copy(test::assetsDir(), dir / "assets", std::filesystem::copy_options::recursive);
    auto lesson = dir / "assets/lessons/dichvucong-nop-ho-so.toml";
    std::string text = test::readFile(lesson);
    const std::string label = "\"dichvucong.gov.vn\"";
    REQUIRE(text.find(label) != std::string::npos);
    text.replace(text.find(label), label.size(), "\"https://dichvucong.gov.vn/p/home/dvc-trang-chu-dang-nhap-tai-khoan.html\"");
    test::writeFile(lesson, text);
    int rc = 0;
    const std::string out = runOutput("layout-check --assets " + (dir / "assets").string() +
                                          " --screen lesson:dichvucong-nop-ho-so:1 --size 1080x1920 --text-size normal --lang vi",
                                      "SDL_VIDEODRIVER=offscreen", rc);
    INFO(out);
    CHECK(rc == 1);
    CHECK(out.find("lesson:dichvucong-nop-ho-so:1 · 1080x1920 · chữ vừa · vi") != std::string::npos);
    CHECK(out.find("bị cắt giữa một từ") != std::string::npos);
    CHECK(runOutput("layout-check --screen khong-co-man-hinh", "SDL_VIDEODRIVER=offscreen", rc).find("Không có màn hình tên") != std::string::npos);
    CHECK(rc == 2);
}
