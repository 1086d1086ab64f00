// The curriculum on screen: every shipped step fits at every text size in both languages, and
// `kiosk content check` passes on the shipped content and fails, naming file and line, on a broken copy.
#include "kiosk/common/toml_util.hpp"
#include "tests/support/test_support.hpp"
#include "ui/content_fit.hpp"
#include <doctest/doctest.h>
#include <cstdio>

namespace {
std::string runOutput(const std::string& args, int& rc)
{
    FILE* p = popen(("\"" KIOSK_BIN "\" " + args + " 2>&1").c_str(), "r");
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int st = pclose(p);
    rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}
} // namespace

TEST_CASE("every shipped lesson step, question and phone picture fits at every text size, in Vietnamese and English")
{
    kiosk::Runtime rt = test::loadRuntime("");
    REQUIRE(rt.catalogue.lessons.size() >= 14);
    for (kiosk::TextSize size : {kiosk::TextSize::Normal, kiosk::TextSize::Large, kiosk::TextSize::ExtraLarge})
        for (kiosk::Lang lang : {kiosk::Lang::Vi, kiosk::Lang::En}) {
            auto problems = ui::checkContentFits(rt, size, lang);
            for (const auto& p : problems) INFO(p.str());
            CHECK(problems.empty());
        }
}

TEST_CASE("a step too long for its box is found, with its file and line")
{
    kiosk::Runtime rt = test::loadRuntime("");
    kiosk::Lesson& l = rt.catalogue.lessons.front();
    std::string longText;
    for (int i = 0; i < 12; ++i) longText += "Một câu dài để thử xem chữ có tràn khỏi khung hay không. ";
    l.steps[1].text.vi = longText;
    auto problems = ui::checkContentFits(rt, kiosk::TextSize::ExtraLarge, kiosk::Lang::Vi);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == l.file);
    CHECK(problems[0].line == l.steps[1].line);
    CHECK(problems[0].message.find("bước 2") != std::string::npos);
    // English is measured separately: the same lesson in English still fits.
    CHECK(ui::checkContentFits(rt, kiosk::TextSize::ExtraLarge, kiosk::Lang::En).empty());
}

TEST_CASE("decomposed (non-NFC) Vietnamese is recognised")
{
    CHECK_FALSE(kiosk::hasCombiningMarks("Kích hoạt tài khoản định danh điện tử"));
    CHECK(kiosk::hasCombiningMarks("Ki\xcc\x81\x63h hoa\xcc\xa3t"));   // "Kích hoạt" with combining acute and dot below
    CHECK_FALSE(kiosk::hasCombiningMarks("plain ASCII"));
}

TEST_CASE("kiosk content check: passes on the shipped content, fails on a broken copy naming each file and line")
{
    int rc = 0;
    std::string out = runOutput("content check", rc);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("Nội dung hợp lệ") != std::string::npos);

    test::TempDir dir;
    std::filesystem::copy(test::assetsDir(), dir / "assets", std::filesystem::copy_options::recursive);
    auto lesson = dir / "assets/lessons/zalo-nhom-thon.toml";
    std::string text = test::readFile(lesson);
    text.replace(text.find("answer = "), 10, "answer = 9");   // out of range
    test::writeFile(lesson, text);
    test::writeFile(dir / "assets/lessons/hong.toml", "id = \"hong\"\ntopic = \n");
    out = runOutput("content check " + (dir / "assets").string(), rc);
    INFO(out);
    CHECK(rc == 1);
    CHECK(out.find("lessons/zalo-nhom-thon.toml:") != std::string::npos);
    CHECK(out.find("answer") != std::string::npos);
    CHECK(out.find("lessons/hong.toml:2:") != std::string::npos);
}

TEST_CASE("kiosk content list --json names each lesson's file relative to the assets folder")
{
    int rc = 0;
    std::string out = runOutput("content list --json", rc);
    REQUIRE(rc == 0);
    CHECK(out.find("\"lessons\"") != std::string::npos);
    CHECK(out.find("\"file\": \"lessons/vneid-kich-hoat-muc-2.toml\"") != std::string::npos);
    CHECK(out.find("\"title_en\"") != std::string::npos);
    CHECK(out.find("\"quiz\"") != std::string::npos);
}

TEST_CASE("kiosk content check refuses a drawing's label ending in … and one that cannot fit the phone")
{
    test::TempDir dir;
    std::filesystem::copy(test::assetsDir(), dir / "assets", std::filesystem::copy_options::recursive);
    auto lesson = dir / "assets/lessons/ngan-hang-mo-tai-khoan-ekyc.toml";
    std::string text = test::readFile(lesson);
    REQUIRE(text.find("\"Chụp mặt sau\"") != std::string::npos);
    text.replace(text.find("\"Chụp mặt sau\""), std::string("\"Chụp mặt sau\"").size(), "\"Chụp mặt…\"");
    REQUIRE(text.find("\"Chụp mặt trước\"") != std::string::npos);
    text.replace(text.find("\"Chụp mặt trước\""), std::string("\"Chụp mặt trước\"").size(), "\"https://nganhang.example.vn/mo-tai-khoan/chup-mat-truoc-the-can-cuoc\"");
    test::writeFile(lesson, text);
    int rc = 0;
    const std::string out = runOutput("content check " + (dir / "assets").string(), rc);
    INFO(out);
    CHECK(rc == 1);
    CHECK(out.find("lessons/ngan-hang-mo-tai-khoan-ekyc.toml:") != std::string::npos);
    CHECK(out.find("nhãn “Chụp mặt…” kết thúc bằng “…”") != std::string::npos);
    CHECK(out.find("không vừa một dòng trong hình điện thoại") != std::string::npos);
}

TEST_CASE("drawn screens with richer elements: fields, buttons, keypad, camera, dialog, tab bar load and fit, bad ones are named")
{
    kiosk::Runtime rt = test::loadRuntime();
    const kiosk::Lesson* pay = rt.catalogue.find("thanh-toan-vietqr");
    REQUIRE(pay);
    bool field = false, button = false, camera = false;
    for (const kiosk::Step& s : pay->steps)
        for (const kiosk::PhoneElement& e : s.screen.elements) {
            field = field || (e.kind == kiosk::PhoneElementKind::Field && e.label.vi == "Số tiền" && e.value == "150.000 đ");
            button = button || (e.kind == kiosk::PhoneElementKind::Button && e.tap);
            camera = camera || e.kind == kiosk::PhoneElementKind::Camera;
        }
    CHECK(field);
    CHECK(button);
    CHECK(camera);

    test::TempDir dir;
    std::filesystem::copy(test::assetsDir(), dir / "assets", std::filesystem::copy_options::recursive);
    auto lesson = dir / "assets/lessons/zalo-nhom-thon.toml";
    std::string text = test::readFile(lesson);
    // A step whose drawing has every kind, and one with two places to touch and an unknown kind.
    text += R"(
[[steps]]
title = "Mọi phần tử"
title_en = "Every element"
text = "Bác xem."
text_en = "Look."
  [steps.screen]
  app = "Ứng dụng"
  [[steps.screen.elements]]
  kind = "dialog"
  label = "Cho phép dùng máy ảnh?"
  label_en = "Allow the camera?"
  choices = ["Từ chối", "Cho phép"]
  tap_choice = 2
  [[steps.screen.elements]]
  kind = "tabbar"
  choices = ["Trang chủ", "Quét QR", "Cá nhân"]

[[steps]]
title = "Hỏng"
title_en = "Broken"
text = "Bác xem."
text_en = "Look."
  [steps.screen]
  app = "Ứng dụng"
  items = ["Một"]
  [[steps.screen.elements]]
  kind = "nut"
  label = "Hai"
  label_en = "Two"
  [[steps.screen.elements]]
  kind = "button"
  label = "Ba"
  label_en = "Three"
  tap = true
  [[steps.screen.elements]]
  kind = "row"
  label = "Bốn"
  label_en = "Four"
  tap = true
)";
    test::writeFile(lesson, text);
    int rc = 0;
    const std::string out = runOutput("content check " + (dir / "assets").string(), rc);
    INFO(out);
    CHECK(rc == 1);
    CHECK(out.find("kind \"nut\" không có") != std::string::npos);
    CHECK(out.find("chỉ chỉ vào một chỗ để chạm (có 2)") != std::string::npos);
    CHECK(out.find("dùng items hoặc elements, không dùng cả hai") != std::string::npos);
    CHECK(out.find("Mọi phần tử") == std::string::npos);   // the good step: no problem named after it
}
