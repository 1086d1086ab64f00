// The layout rules on hand-made records (ui/layout_check.hpp): each rule fails what it should,
// and passes what a well-laid screen draws. The real screens are checked by `kiosk layout-check`
// (tests/ui/test_screenshot.cpp).
#include "ui/layout_check.hpp"
#include "ui/widgets/text.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>

namespace {

ui::TextRect text(const std::string& s, ImVec2 min, ImVec2 max, float boxRight)
{
    ui::TextRect t;
    t.text = s;
    t.min = min;
    t.max = max;
    t.boxMin = min;
    t.boxMax = ImVec2(boxRight, max.y);
    t.clipMin = ImVec2(0, 0);
    t.clipMax = ImVec2(1920, 1080);
    return t;
}

ui::LayoutRules rules()
{
    ui::LayoutRules r;
    r.display = ImVec2(1920, 1080);
    return r;
}

bool says(const std::vector<std::string>& problems, const std::string& words)
{
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(words) != std::string::npos; });
}

} // namespace

TEST_CASE("layout rules: a calm screen passes")
{
    ui::LayoutRecord r;
    r.texts.push_back(text("Bác muốn học gì hôm nay?", ImVec2(64, 150), ImVec2(700, 210), 1300));
    r.texts.push_back(text("Tiếp theo →", ImVec2(1500, 960), ImVec2(1700, 1000), 1800));
    r.qrs.push_back({ImVec2(100, 300), ImVec2(430, 630), 10, 0});
    std::vector<ui::HitBox> hits{{"lesson.next", ImVec2(1440, 930), ImVec2(1856, 1042)}};
    CHECK(ui::checkLayout(r, hits, rules()).empty());
}

TEST_CASE("layout rules: text out of its box, cut, off the screen, over text, across a button")
{
    ui::LayoutRecord r;
    r.texts.push_back(text("Quá rộng", ImVec2(64, 100), ImVec2(600, 140), 500));      // wider than its box
    ui::TextRect cut = text("Bị che", ImVec2(64, 200), ImVec2(300, 240), 400);
    cut.clipMax = ImVec2(1920, 220);                                                       // its area ends mid-line
    r.texts.push_back(cut);
    r.texts.push_back(text("Ra ngoài", ImVec2(1800, 300), ImVec2(2000, 340), 2000));      // past the right edge
    r.texts.push_back(text("Chữ một", ImVec2(64, 400), ImVec2(400, 440), 400));
    r.texts.push_back(text("Chữ hai", ImVec2(300, 420), ImVec2(600, 460), 600));          // over "Chữ một"
    r.texts.push_back(text("Nhãn", ImVec2(900, 500), ImVec2(1100, 540), 1100));           // half in the button
    std::vector<ui::HitBox> hits{{"top.home", ImVec2(1000, 480), ImVec2(1300, 600)}};
    const auto p = ui::checkLayout(r, hits, rules());
    CHECK(says(p, "«Quá rộng» tràn khỏi khung"));
    CHECK(says(p, "«Bị che» bị che mất một phần"));
    CHECK(says(p, "«Ra ngoài» ra ngoài màn hình"));
    CHECK(says(p, "«Chữ một» đè lên chữ «Chữ hai»"));
    CHECK(says(p, "«Nhãn» nằm vắt qua nút top.home"));
}

TEST_CASE("layout rules: a dragged list may hide its rows, and a dialog is apart from the page under it")
{
    ui::LayoutRecord r;
    ui::TextRect row = text("Dòng dưới", ImVec2(64, 900), ImVec2(400, 1200), 400);
    row.clipMax = ImVec2(1920, 950);
    row.scrolling = true;
    r.texts.push_back(row);
    r.texts.push_back(text("Trang", ImVec2(600, 400), ImVec2(900, 440), 900));
    ui::TextRect dialog = text("Hộp thoại", ImVec2(600, 410), ImVec2(900, 450), 900);
    dialog.layer = 1;
    r.texts.push_back(dialog);
    r.qrs.push_back({ImVec2(620, 380), ImVec2(950, 710), 10, 0});   // the page's code, under the dialog
    CHECK(ui::checkLayout(r, {}, rules()).empty());
}

TEST_CASE("layout rules: touch targets under 64 px and QR codes under 300 px or 6 px a module, or covered")
{
    ui::LayoutRecord r;
    r.qrs.push_back({ImVec2(100, 100), ImVec2(300, 300), 8, 0});    // 200 px
    r.qrs.push_back({ImVec2(500, 100), ImVec2(830, 430), 5, 0});    // 5 px modules
    r.qrs.push_back({ImVec2(1000, 100), ImVec2(1330, 430), 10, 0});
    r.texts.push_back(text("Chú thích", ImVec2(1100, 400), ImVec2(1300, 440), 1300));   // over the third code
    std::vector<ui::HitBox> hits{{"small", ImVec2(1500, 100), ImVec2(1550, 300)}, {"cut", ImVec2(1500, 500), ImVec2(1540, 520), false}};
    const auto p = ui::checkLayout(r, hits, rules());
    CHECK(says(p, "mã QR nhỏ quá: 200 px"));
    CHECK(says(p, "ô của mã QR nhỏ quá: 5 px"));
    CHECK(says(p, "«Chú thích» đè lên mã QR"));
    CHECK(says(p, "nút small nhỏ quá để chạm"));
    CHECK_FALSE(says(p, "nút cut"));   // scrolled partly out of its list: measured when whole
    // At 1366x768 the same rules scale: 213 px, 4 px modules.
    ui::LayoutRules small = rules();
    small.scale = 768.0f / 1080.0f;
    small.display = ImVec2(1366, 768);
    ui::LayoutRecord r2;
    r2.qrs.push_back({ImVec2(100, 100), ImVec2(320, 320), 4, 0});
    CHECK(ui::checkLayout(r2, {}, small).empty());
}

#include "tests/ui/ui_harness.hpp"

TEST_CASE("lines break between words only: an address stays whole unless it is wider than the whole line")
{
    kiosk::Runtime rt = test::loadRuntime();
    test::UiHarness h(rt);
    ImFont* f = h.context().fonts.body;
    const std::string url = "dichvucong.gov.vn";
    const float urlW = ui::measureText(f, url).x;
    bool broken = true;
    const std::string sentence = "Trang của Nhà nước luôn có đuôi " + url + " ở cuối địa chỉ";   // lines point into it
    auto lines = ui::breakLines(f, sentence, urlW + 4, &broken);
    CHECK_FALSE(broken);
    bool whole = false;
    for (const ui::TextLine& l : lines) {
        const std::string s(l.begin, l.end);
        CHECK(s.front() != ' ');
        CHECK(s.back() != ' ');
        CHECK(l.width <= urlW + 4);
        whole = whole || s.find(url) != std::string::npos;
        CHECK((s.find('.') == std::string::npos || s.find(url) != std::string::npos));   // never "dichvucong." on one line and "gov.vn" on the next
    }
    CHECK(whole);
    // Narrower than the address itself: cut as a last resort, and said so.
    lines = ui::breakLines(f, url, urlW * 0.5f, &broken);
    CHECK(broken);
    CHECK(lines.size() >= 2);
    // Newlines are kept; no width means no wrapping.
    const std::string two = "một\nhai ba";
    lines = ui::breakLines(f, two, 0, &broken);
    CHECK_FALSE(broken);
    REQUIRE(lines.size() == 2);
    CHECK(std::string(lines[1].begin, lines[1].end) == "hai ba");
}
