// The slips' text: after a shipped lesson (steps, next steps, the closing hand-off's QR link) and
// after an assisted session (each service's result, what is left to do).
#include "kiosk/output/receipt.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>

using namespace kiosk;

namespace {

bool hasLine(const Receipt& r, const std::string& text, ReceiptLine::Style style = ReceiptLine::Style::Body)
{
    return std::any_of(r.lines.begin(), r.lines.end(), [&](const ReceiptLine& l) { return l.text == text && l.style == style; });
}

bool hasLineContaining(const Receipt& r, const std::string& part)
{
    return std::any_of(r.lines.begin(), r.lines.end(), [&](const ReceiptLine& l) { return l.text.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("slip dates are in Vietnam's time")
{
    CHECK(slipDateTime(1'772'323'200) == "01/03/2026 07:00");   // 2026-03-01 00:00 UTC
    CHECK(slipDateTime(1'798'761'599) == "01/01/2027 06:59");   // 2026-12-31 23:59:59 UTC
    CHECK(slipDateTime(1'798'736'399) == "31/12/2026 23:59");   // the year's last minute in Vietnam
    CHECK(slipDateTime(1'709'164'800) == "29/02/2024 07:00");    // a leap day
    CHECK(slipDateTime(1'709'164'800 + 17 * 3600) == "01/03/2024 00:00");
}

TEST_CASE("the lesson slip lists the steps learned, the next steps and the closing QR link")
{
    Runtime rt = test::loadRuntime();
    const Lesson* lesson = rt.catalogue.find("vneid-kich-hoat-muc-2");
    REQUIRE(lesson != nullptr);
    const Receipt r = lessonReceipt(*lesson, rt.catalogue, rt.config, Lang::Vi, 1'772'323'200);
    CHECK(r.title == lesson->title.vi);
    for (size_t i = 0; i < lesson->steps.size(); ++i)
        CHECK(hasLine(r, std::to_string(i + 1) + ". " + lesson->steps[i].title.vi));
    CHECK(hasLine(r, "Bước tiếp theo", ReceiptLine::Style::Heading));

    const Handoff* h = rt.config.handoff(lesson->handoff);
    REQUIRE(h != nullptr);
    const Link* link = rt.config.link(h->links.front());
    REQUIRE(link != nullptr);
    CHECK(r.qrUrl == link->url);
    CHECK(r.qrCaption == link->label.vi);
    CHECK(hasLineContaining(r, h->title.vi));
    CHECK(hasLineContaining(r, rt.config.commune));
    CHECK(hasLineContaining(r, "01/03/2026 07:00"));

    const Receipt en = lessonReceipt(*lesson, rt.catalogue, rt.config, Lang::En, 1'772'323'200);
    CHECK(hasLine(en, "Next steps", ReceiptLine::Style::Heading));
    CHECK(en.qrUrl == link->url);
}

TEST_CASE("a lesson without a known hand-off still sends the citizen to Bình dân học vụ số")
{
    Runtime rt = test::loadRuntime();
    Lesson l = *rt.catalogue.find("vneid-kich-hoat-muc-2");
    l.handoff = "no-such-handoff";
    const Receipt r = lessonReceipt(l, rt.catalogue, rt.config, Lang::Vi, 0);
    REQUIRE(rt.config.link("binhdanhocvuso") != nullptr);
    CHECK(r.qrUrl == rt.config.link("binhdanhocvuso")->url);
}

TEST_CASE("the session slip shows each service's result and what is left to do")
{
    Runtime rt = test::loadRuntime();
    SessionSlip s;
    s.startedAt = 1'772'352'000;   // 2026-03-01 15:00 in Vietnam
    s.services = {{"Kích hoạt VNeID mức 2", SlipService::Result::Done, ""},
                  {"Mở tài khoản ngân hàng", SlipService::Result::Partial, ""},
                  {"Chữ ký số cá nhân", SlipService::Result::Referred, "Đến chi nhánh VNPT xã để nhận chứng thư số."}};
    s.qrUrl = "https://dichvucong.gov.vn";
    s.qrCaption = "Cổng Dịch vụ công quốc gia";
    const Receipt r = sessionReceipt(s, rt.config);
    CHECK(r.title == "Phiếu hỗ trợ thủ tục số");
    CHECK(hasLine(r, "• Kích hoạt VNeID mức 2: đã xong"));
    CHECK(hasLine(r, "• Mở tài khoản ngân hàng: làm được một phần, cần làm tiếp"));
    CHECK(hasLine(r, "• Chữ ký số cá nhân: cần đến nơi khác để làm tiếp"));
    // Left to do: the partial one with the default sentence, the referred one with its own.
    CHECK(hasLine(r, "• Mở tài khoản ngân hàng: mang theo phiếu này và căn cước, quay lại quầy để làm tiếp."));
    CHECK(hasLine(r, "• Đến chi nhánh VNPT xã để nhận chứng thư số."));
    CHECK_FALSE(hasLineContaining(r, "Kích hoạt VNeID mức 2: mang theo"));
    CHECK(r.qrUrl == "https://dichvucong.gov.vn");
    CHECK(hasLineContaining(r, "01/03/2026 15:00"));

    SessionSlip done;
    done.services = {{"Cài VNeID", SlipService::Result::Done, ""}};
    const Receipt d = sessionReceipt(done, rt.config);
    CHECK(hasLineContaining(d, "Không còn việc gì dang dở"));
    CHECK(d.qrUrl.empty());
}
