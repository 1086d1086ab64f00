// Hostile files a deployment could be handed: a TOML file that nests 60,000 deep (toml++ recurses
// and overflows the stack), lesson pictures outside assets/ or of 16000×16000 pixels. Each is
// refused with one clear message naming file and line; no command crashes.
#include "drivers/display/png_image.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/common/toml_limits.hpp"
#include "kiosk/common/toml_util.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <zlib.h>
#include <sys/wait.h>
#include <cstdio>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;   // -1: ended by a signal
    int signal = 0;
    std::string out;
};

Run runKiosk(const std::string& args, const std::string& env = "")
{
    FILE* p = ::popen((env + " \"" KIOSK_BIN "\" " + args + " 2>&1").c_str(), "r");
    Run r;
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
    const int st = ::pclose(p);
    // The shell reports a child killed by signal N as exit status 128+N.
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (r.status > 128) r.signal = r.status - 128;
    return r;
}

// "a.a.a…a = 1": 60,000 segments in one dotted key, 120 KB.
std::string deepKeys() { return "# một tệp độc hại\n" + std::string("a") + [] { std::string s; for (int i = 0; i < 59999; ++i) s += ".a"; return s; }() + " = 1\n"; }

fs::path copyAssets(const test::TempDir& dir)
{
    const fs::path dst = dir / "assets";
    fs::copy(test::assetsDir(), dst, fs::copy_options::recursive);
    return dst;
}

void put32(std::string& s, uint32_t v)
{
    for (int k = 3; k >= 0; --k) s += char((v >> (8 * k)) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data)
{
    put32(png, uint32_t(data.size()));
    const std::string body = std::string(type, 4) + data;
    png += body;
    put32(png, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

// A valid 1-bit grey PNG of side × side white pixels: a few hundred KB on disk, gigabytes decoded.
void writeHugePng(const fs::path& file, uint32_t side)
{
    const size_t row = 1 + (side + 7) / 8;
    std::string raw(row * side, '\0');
    uLongf size = compressBound(uLong(raw.size()));
    std::string z(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), uLong(raw.size()), 9) == Z_OK);
    z.resize(size);
    std::string png("\x89PNG\r\n\x1a\n", 8), ihdr;
    put32(ihdr, side);
    put32(ihdr, side);
    ihdr += std::string("\x01\x00\x00\x00\x00", 5);   // bit depth 1, greyscale, deflate, no filter, no interlace
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    test::writeFile(file, png);
}

// A lesson copied from a shipped one with a picture on its first phone screen.
void lessonWithImage(const fs::path& assets, const std::string& image)
{
    std::string text = test::readFile(assets / "lessons/thanh-toan-vietqr.toml");
    const size_t pos = text.find("[steps.screen]");
    REQUIRE(pos != std::string::npos);
    text.insert(text.find('\n', pos) + 1, "image = \"" + image + "\"\n");
    test::writeFile(assets / "lessons/thanh-toan-vietqr.toml", text);
}

} // namespace

TEST_CASE("the TOML pre-scan bounds dotted keys, table headers and nesting, and lets real files through")
{
    int line = 0;
    std::string why;
    CHECK(kiosk::checkTomlShape(test::readFile(test::assetsDir() / "kiosk.toml"), line, why));
    CHECK(kiosk::checkTomlShape(test::readFile(test::assetsDir() / "lessons/thanh-toan-vietqr.toml"), line, why));
    CHECK(kiosk::checkTomlShape("a.b.\"c.d.e\" = { x.y = [1, [2, {z = 'q.r.s'}]], w = 1.5 }\n[t.u]\n[[v.w]]\ns = \"\"\"\n[[[[\n\"\"\"\n", line, why));
    CHECK_FALSE(kiosk::checkTomlShape(deepKeys(), line, why));
    CHECK(line == 2);
    CHECK(why.find("quá sâu") != std::string::npos);
    std::string header = "x = 1\n\n[";
    for (int i = 0; i < 40; ++i) header += "t.";
    CHECK_FALSE(kiosk::checkTomlShape(header + "t]\n", line, why));
    CHECK(line == 3);
    CHECK_FALSE(kiosk::checkTomlShape("x = " + std::string(5000, '[') + std::string(5000, ']') + "\n", line, why));
    std::string inlineDeep = "x = ";
    for (int i = 0; i < 40; ++i) inlineDeep += "{a = ";
    CHECK_FALSE(kiosk::checkTomlShape(inlineDeep + "1" + std::string(40, '}') + "\n", line, why));
    // 31 levels of a real shape still pass.
    std::string ok = "[a";
    for (int i = 0; i < 20; ++i) ok += ".a";
    CHECK(kiosk::checkTomlShape(ok + "]\nb.c.d = [[[1]]]\n", line, why));
    // Brackets and dots inside strings and comments do not count.
    CHECK(kiosk::checkTomlShape("s = \"" + std::string(100, '[') + "\" # " + std::string(100, '{') + "\nt = '" + std::string(100, '.') + "'\n", line, why));
}

TEST_CASE("a config of 60,000 dotted keys is refused by run, upload, content check and screenshot with its file and line, not a crash")
{
    test::TempDir dir;
    const fs::path config = dir / "kiosk.toml";
    test::writeFile(config, deepKeys());
    CHECK(fs::file_size(config) > 100 * 1024);
    const std::string global = "--data '" + (dir / "data").string() + "' --config '" + config.string() + "' ";
    const std::string where = config.string() + ":2:";
    struct Case {
        const char* name;
        std::string args;
        std::string env;
    };
    const Case cases[] = {
        {"content check", "content check", ""},
        {"upload", "upload", ""},
        {"screenshot", "screenshot --screen catalogue --out '" + (dir / "c.png").string() + "'", "SDL_VIDEODRIVER=offscreen"},
        {"run", "run --exit-after-frames 1", "SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const Run r = runKiosk(global + c.args, c.env);
        CAPTURE(r.out);
        CHECK(r.signal == 0);
        CHECK(r.status >= 0);
        CHECK(r.out.find("quá sâu") != std::string::npos);
        CHECK(r.out.find(where) != std::string::npos);
    }
}

TEST_CASE("a lesson of 60,000 dotted keys, or over 1 MB, is one problem in content check, and every other lesson loads")
{
    test::TempDir dir;
    const fs::path assets = copyAssets(dir);
    test::writeFile(assets / "lessons/doc-hai.toml", deepKeys());
    test::writeFile(assets / "lessons/qua-lon.toml", "id = \"qua-lon\"\n# " + std::string(kiosk::kMaxTomlBytes, 'x') + "\n");
    const Run r = runKiosk("content check '" + assets.string() + "'");
    CAPTURE(r.out);
    CHECK(r.signal == 0);
    CHECK(r.status == 1);
    CHECK(r.out.find("lessons/doc-hai.toml:2: khoá, bảng hoặc giá trị lồng nhau quá sâu") != std::string::npos);
    CHECK(r.out.find("lessons/qua-lon.toml") != std::string::npos);
    CHECK(r.out.find("tệp quá lớn") != std::string::npos);
}

TEST_CASE("lesson pictures only from inside assets, of bounded size: one message for each refusal, absent or outside alike")
{
    test::TempDir dir;
    const fs::path assets = copyAssets(dir);
    fs::create_directories(assets / "images");
    drivers::Image small{8, 8, 4, std::vector<uint8_t>(8 * 8 * 4, 200)};
    std::string error;
    REQUIRE(drivers::writePng(assets / "images/nho.png", small, error));
    REQUIRE(drivers::writePng(dir / "bi-mat.png", small, error));   // outside assets/: an admin's badge, say
    writeHugePng(assets / "images/khong-lo.png", 16000);
    CHECK(fs::file_size(assets / "images/khong-lo.png") < 2 * 1024 * 1024);
    fs::create_symlink(dir / "bi-mat.png", assets / "images/lien-ket.png");

    CHECK(kiosk::lessonImageFile(assets, "images/nho.png"));
    CHECK(kiosk::lessonImageFile(assets, "images/../images/nho.png"));
    for (const char* refused : {"../bi-mat.png", "images/../../bi-mat.png", "../khong-co.png", "/etc/passwd", "images/khong-lo.png",
                                "images/lien-ket.png", "images", "lessons/thanh-toan-vietqr.toml"}) {
        CAPTURE(refused);
        CHECK_FALSE(kiosk::lessonImageFile(assets, refused));
    }
    // The decoder's own guard: the header's 16000×16000 is refused before anything is decoded.
    drivers::Image img;
    CHECK_FALSE(drivers::loadImage(assets / "images/khong-lo.png", img, 4, error, kiosk::kMaxImageSide));
    CHECK(error.find("16000") != std::string::npos);
    CHECK(img.pixels.empty());
    CHECK(drivers::loadImage(assets / "images/nho.png", img, 4, error, kiosk::kMaxImageSide));

    // content check: the same words whether the file outside exists or not.
    auto check = [&](const std::string& image) {
        const fs::path copy = dir / ("a-" + std::to_string(std::hash<std::string>()(image)));
        fs::copy(assets, copy, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
        lessonWithImage(copy, image);
        Run r = runKiosk("content check '" + copy.string() + "'");
        CAPTURE(image);
        CAPTURE(r.out);
        CHECK(r.status == 1);
        CHECK(r.signal == 0);
        const size_t at = r.out.find("lessons/thanh-toan-vietqr.toml:");
        REQUIRE(at != std::string::npos);
        std::string line = r.out.substr(at, r.out.find('\n', at) - at);
        line.replace(line.find(image), image.size(), "IMAGE");
        return line;
    };
    const std::string outsideExists = check("../../bi-mat.png");
    CHECK(outsideExists.find(kiosk::kImageRefused) != std::string::npos);
    CHECK(check("../../khong-co.png") == outsideExists);
    CHECK(check((dir / "bi-mat.png").string()) == outsideExists);
    CHECK(check("images/khong-lo.png") == outsideExists);
    CHECK(check("images/lien-ket.png") == outsideExists);
}
