// `kiosk content check` and `kiosk content list`: the curriculum, checked and listed headless.
#include "app/commands.hpp"
#include "kiosk/content/lesson_checks.hpp"
#include "ui/content_fit.hpp"
#include <nlohmann/json.hpp>
#include <iostream>

namespace app {

int contentCheckCommand(const GlobalOptions& g, const std::string& assetsDir)
{
    kiosk::RuntimeOptions ro = g.runtimeOptions(assetsDir);
    ro.province = "";   // check every province's lessons
    kiosk::Runtime rt = kiosk::Runtime::load(ro);
    // Text must fit its box at the largest text size, in both languages.
    for (kiosk::Lang lang : {kiosk::Lang::Vi, kiosk::Lang::En})
        for (kiosk::Problem& p : ui::checkContentFits(rt, kiosk::TextSize::ExtraLarge, lang)) rt.problems.push_back(std::move(p));
    for (const kiosk::Problem& p : rt.problems) std::cout << p.str() << "\n";
    // Warnings never fail the check: a stale check date or a give-away quiz still shows on screen.
    const std::vector<kiosk::Problem> warnings = kiosk::contentWarnings(rt.catalogue, kiosk::todayInVietnam());
    for (const kiosk::Problem& w : warnings) std::cout << "cảnh báo: " << w.str() << "\n";
    if (!rt.problems.empty()) {
        std::cout << rt.problems.size() << " lỗi; " << rt.skippedLessons.size() << " bài học bị bỏ qua.\n";
        return 1;
    }
    std::cout << "Nội dung hợp lệ: " << rt.catalogue.lessons.size() << " bài học, " << rt.catalogue.topics.size() << " chủ đề";
    if (!warnings.empty()) std::cout << "; " << warnings.size() << " cảnh báo";
    std::cout << ".\n";
    return 0;
}

int contentListCommand(const GlobalOptions& g, const std::string& assetsDir, bool json)
{
    kiosk::RuntimeOptions ro = g.runtimeOptions(assetsDir);
    ro.province = "";
    kiosk::Runtime rt = kiosk::Runtime::load(ro);
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";
    if (!json) {
        for (const kiosk::Lesson& l : rt.catalogue.lessons) std::cout << l.id << "\t" << l.topic << "\t" << l.title.vi << "\n";
        return 0;
    }
    nlohmann::json lessons = nlohmann::json::array();
    const kiosk::CalendarDate today = kiosk::todayInVietnam();
    for (const kiosk::Lesson& l : rt.catalogue.lessons) {
        nlohmann::json steps = nlohmann::json::array(), quiz = nlohmann::json::array();
        for (const kiosk::Step& s : l.steps) steps.push_back({{"title", s.title.vi}, {"title_en", s.title.en}, {"text", s.text.vi}, {"text_en", s.text.en}});
        for (const kiosk::QuizQuestion& q : l.quiz) {
            nlohmann::json choices = nlohmann::json::array();
            for (const auto& c : q.choices) choices.push_back(c.vi);
            quiz.push_back({{"question", q.question.vi}, {"question_en", q.question.en}, {"choices", choices}, {"answer", q.answer}});
        }
        lessons.push_back({{"id", l.id}, {"title", l.title.vi}, {"title_en", l.title.en}, {"topic", l.topic}, {"file", l.file},
                           {"province", l.province}, {"handoff", l.handoff}, {"steps", steps}, {"quiz", quiz},
                           {"checked_on", l.provenance.checkedOnText}, {"checked_against", l.provenance.checkedAgainst},
                           {"sources", l.provenance.sources}, {"due_for_check", kiosk::dueForCheck(l, today)}});
    }
    std::cout << nlohmann::json{{"lessons", lessons}}.dump(2) << "\n";
    return 0;
}

} // namespace app
