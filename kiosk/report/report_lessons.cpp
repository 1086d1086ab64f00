// Lesson statistics for the report, from the anonymous usage log the citizen screens write
// (kiosk/flow/usage_log.cpp): visits, and per lesson opened, completed, quizzes and their average score.
#include "kiosk/report/report.hpp"
#include <algorithm>
#include <cstdio>

namespace kiosk {

namespace {

std::string utcIso(int64_t unixSeconds)
{
    // usage_events.at is "YYYY-MM-DDTHH:MM:SSZ" in UTC: compare as text.
    const auto day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{unixSeconds}});
    const int64_t secs = unixSeconds - int64_t(day.time_since_epoch().count()) * 86400;
    char buf[32];
    const LocalDate d{day};
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(d.year()), unsigned(d.month()), unsigned(d.day()), int(secs / 3600),
                  int(secs / 60 % 60), int(secs % 60));
    return buf;
}

bool tableExists(Database& db, const char* name)
{
    Statement st(db.handle(), "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
    st.bind(1, name);
    return st.step().row();
}

} // namespace

void addLessonStatistics(Database& db, const ReportInput& in, Report& r)
{
    // The collector may hold no lesson statistics at all: the section is then left out.
    r.lessonsAvailable = tableExists(db, "usage_events");
    if (!r.lessonsAvailable) return;
    Statement st(db.handle(),
                 "SELECT kind, lesson, detail FROM usage_events WHERE at >= ?1 AND at < ?2 "
                 "AND kind IN ('visit_started', 'lesson_opened', 'lesson_completed', 'quiz_completed')");
    st.bind(1, utcIso(in.period.begin)).bind(2, utcIso(in.period.end));
    std::map<std::string, LessonFigures> lessons;
    std::map<std::string, double> scoreSums;
    while (st.step()) {
        const std::string kind = st.text(0);
        if (kind == "visit_started") {
            ++r.visits;
            continue;
        }
        LessonFigures& l = lessons[st.text(1)];
        if (kind == "lesson_opened") ++l.opened;
        else if (kind == "lesson_completed") ++l.completed;
        else {
            // detail "right/asked", written when the citizen finishes the quiz.
            int right = 0, asked = 0;
            if (std::sscanf(st.text(2).c_str(), "%d/%d", &right, &asked) == 2 && asked > 0 && right >= 0 && right <= asked) {
                ++l.quizCompleted;
                scoreSums[st.text(1)] += 100.0 * right / asked;
            }
        }
    }
    for (auto& [id, l] : lessons) {
        l.lesson = id;
        auto t = in.lessonTitles.find(id);
        l.title = t != in.lessonTitles.end() ? t->second : id;
        if (l.quizCompleted > 0) l.quizAveragePercent = scoreSums[id] / double(l.quizCompleted);
        r.lessons.push_back(l);
    }
    std::stable_sort(r.lessons.begin(), r.lessons.end(), [](const LessonFigures& a, const LessonFigures& b) { return a.opened > b.opened; });
}

} // namespace kiosk
