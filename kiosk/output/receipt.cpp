// Building the slips' text. Vietnamese first; a lesson slip follows the citizen's language.
#include "kiosk/output/receipt.hpp"
#include <cstdio>

namespace kiosk {

namespace {

using Style = ReceiptLine::Style;

const char* pick(Lang lang, const char* vi, const char* en) { return lang == Lang::En ? en : vi; }

// The lesson the citizen would take next: the following one in the same topic.
const Lesson* nextInTopic(const Lesson& lesson, const Catalogue& catalogue)
{
    bool seen = false;
    for (const Lesson* l : catalogue.lessonsIn(lesson.topic)) {
        if (seen) return l;
        if (l->id == lesson.id) seen = true;
    }
    return nullptr;
}

void footer(Receipt& r, const Config& config, int64_t unixSeconds)
{
    r.lines.emplace_back();
    std::string where = config.commune.empty() ? "" : config.commune + " · ";
    r.lines.emplace_back("Ki-ốt Bình dân học vụ số · " + where + slipDateTime(unixSeconds), Style::Small);
}

} // namespace

std::string slipDateTime(int64_t unixSeconds)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), in UTC+7.
    const int64_t local = unixSeconds + 7 * 3600;
    int64_t days = local / 86400, secs = local % 86400;
    if (secs < 0) { secs += 86400; --days; }
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t doe = days - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", int(d), int(m), int(y), int(secs / 3600), int(secs % 3600 / 60));
    return buf;
}

Receipt lessonReceipt(const Lesson& lesson, const Catalogue& catalogue, const Config& config, Lang lang, int64_t unixSeconds)
{
    Receipt r;
    r.title = lesson.title.in(lang);
    r.lines.emplace_back(pick(lang, "Bạn đã học xong bài này. Những điều đã học:", "You finished this lesson. What you learned:"));
    for (size_t i = 0; i < lesson.steps.size(); ++i)
        r.lines.emplace_back(std::to_string(i + 1) + ". " + lesson.steps[i].title.in(lang));

    r.lines.emplace_back();
    r.lines.emplace_back(pick(lang, "Bước tiếp theo", "Next steps"), Style::Heading);
    const Handoff* handoff = config.handoff(lesson.handoff);
    const Link* link = handoff && !handoff->links.empty() ? config.link(handoff->links.front()) : nullptr;
    if (!link) link = config.link("binhdanhocvuso");
    if (handoff)
        r.lines.emplace_back(std::string("• ") + handoff->title.in(lang) + pick(lang, ": quét mã QR bên dưới bằng camera điện thoại.",
                                                                              ": scan the QR code below with your phone's camera."));
    else if (link)
        r.lines.emplace_back(pick(lang, "• Quét mã QR bên dưới bằng camera điện thoại để học tiếp.",
                                  "• Scan the QR code below with your phone's camera to keep learning."));
    if (const Lesson* next = nextInTopic(lesson, catalogue))
        r.lines.emplace_back(std::string(pick(lang, "• Bài nên học tiếp ở ki-ốt: ", "• Next lesson at the kiosk: ")) + next->title.in(lang));
    r.lines.emplace_back(pick(lang, "• Cần giúp? Hỏi cán bộ ở quầy, hoặc Tổ công nghệ số cộng đồng ở thôn.",
                              "• Need help? Ask the staff at the desk or your village's digital technology team."));
    if (link) {
        r.qrUrl = link->url;
        r.qrCaption = link->label.in(lang);
    }
    footer(r, config, unixSeconds);
    return r;
}

Receipt sessionReceipt(const SessionSlip& s, const Config& config)
{
    Receipt r;
    r.title = "Phiếu hỗ trợ thủ tục số";
    r.lines.emplace_back("Hôm nay cán bộ đã cùng bạn làm:", Style::Heading);
    std::vector<const SlipService*> open;
    for (const SlipService& sv : s.services) {
        const char* result = sv.result == SlipService::Result::Done      ? "đã xong"
                             : sv.result == SlipService::Result::Partial ? "làm được một phần, cần làm tiếp"
                                                                          : "cần đến nơi khác để làm tiếp";
        r.lines.emplace_back("• " + sv.label + ": " + result);
        if (sv.result != SlipService::Result::Done) open.push_back(&sv);
    }
    if (s.services.empty()) r.lines.emplace_back("• Được hướng dẫn, giải đáp thắc mắc.");

    r.lines.emplace_back();
    r.lines.emplace_back("Việc cần làm tiếp", Style::Heading);
    for (const SlipService* sv : open)
        r.lines.emplace_back("• " + (sv->nextStep.empty() ? sv->label + ": mang theo phiếu này và căn cước, quay lại quầy để làm tiếp." : sv->nextStep));
    if (open.empty()) r.lines.emplace_back("• Không còn việc gì dang dở. Giữ phiếu này để nhớ những gì đã làm.");
    if (!s.qrUrl.empty()) {
        r.lines.emplace_back("• Quét mã QR bên dưới bằng điện thoại để tự làm ở nhà.");
        r.qrUrl = s.qrUrl;
        r.qrCaption = s.qrCaption;
    }
    r.lines.emplace_back("• Cần giúp? Gọi Tổ công nghệ số cộng đồng ở thôn hoặc đến quầy.");
    footer(r, config, s.startedAt);
    return r;
}

} // namespace kiosk
