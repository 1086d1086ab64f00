// Warnings on lessons: a stale or missing check date, missing sources, quiz answers whose length gives
// them away. (A label cut short with "…" is an error of the fit check, ui/content_fit.)
#include "kiosk/content/lesson_checks.hpp"
#include "kiosk/common/utf8.hpp"

namespace kiosk {

AnswerLengths answerLengths(const Lesson& lesson)
{
    AnswerLengths out;
    for (const QuizQuestion& q : lesson.quiz) {
        if (q.choices.size() < 2 || q.answer < 1 || q.answer > static_cast<int>(q.choices.size())) continue;
        ++out.questions;
        const size_t right = utf8::length(q.choices[q.answer - 1].vi);
        bool longest = true;
        for (size_t i = 0; i < q.choices.size(); ++i)
            if (static_cast<int>(i) != q.answer - 1 && utf8::length(q.choices[i].vi) >= right) longest = false;
        if (longest) ++out.rightLongest;
    }
    return out;
}

bool dueForCheck(const Lesson& lesson, const CalendarDate& today)
{
    const auto& checked = lesson.provenance.checkedOn;
    return !checked || *checked < monthsBefore(today, kRecheckMonths);
}

std::vector<Problem> lessonWarnings(const Lesson& lesson, const CalendarDate& today)
{
    std::vector<Problem> out;
    const Provenance& p = lesson.provenance;
    const int top = p.line > 0 ? p.line : 1;
    for (const auto& [line, why] : p.unreadable) out.push_back({lesson.file, line > 0 ? line : 1, why});
    if (p.checkedOnText.empty())
        out.push_back({lesson.file, 1, "thiếu checked_on: ghi ngày bài học được kiểm tra lần cuối (YYYY-MM-DD)"});
    else if (p.checkedOn && today < *p.checkedOn)
        out.push_back({lesson.file, top, "checked_on " + p.checkedOnText + " là ngày trong tương lai (hôm nay " + calendarDateText(today) + ")"});
    else if (p.checkedOn && dueForCheck(lesson, today))
        out.push_back({lesson.file, top, "kiểm tra lần cuối ngày " + p.checkedOnText + ", đã quá " + std::to_string(kRecheckMonths) +
                                             " tháng: hãy đối chiếu lại với ứng dụng và nguồn, rồi ghi ngày mới"});
    if (p.checkedAgainst.empty()) out.push_back({lesson.file, top, "thiếu checked_against: ghi phiên bản ứng dụng hoặc nguồn đã đối chiếu"});
    if (p.sources.empty()) out.push_back({lesson.file, top, "thiếu sources: ghi các địa chỉ nguồn đã dùng để kiểm tra bài học"});
    const AnswerLengths a = answerLengths(lesson);
    if (a.biased())
        out.push_back({lesson.file, lesson.quiz.empty() ? 1 : lesson.quiz.front().line,
                       "câu trả lời đúng là lựa chọn dài nhất ở " + std::to_string(a.rightLongest) + " trên " + std::to_string(a.questions) +
                           " câu hỏi: hãy viết các lựa chọn sai hợp lý và dài tương tự"});
    return out;
}

std::vector<Problem> contentWarnings(const Catalogue& catalogue, const CalendarDate& today)
{
    std::vector<Problem> out;
    for (const Lesson& l : catalogue.lessons)
        for (Problem& p : lessonWarnings(l, today)) out.push_back(std::move(p));
    return out;
}

} // namespace kiosk
