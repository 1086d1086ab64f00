// Checks on the shipped lessons that warn without failing `kiosk content check` (assets/README.md):
// provenance missing or older than six months, and quizzes whose right answer is systematically the
// longest choice (a reader who guesses "the longest" should not pass).
#pragma once
#include "kiosk/common/toml_util.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/content/provenance.hpp"
#include <vector>

namespace kiosk {

// A lesson is due for a check when `checked_on` is more than this many months before today.
inline constexpr int kRecheckMonths = 6;

struct AnswerLengths {
    int questions = 0;       // questions with at least two choices
    int rightLongest = 0;    // of them, those whose right answer is strictly the longest (in letters)
    // More than half of at least two questions.
    bool biased() const { return questions >= 2 && rightLongest * 2 > questions; }
};
AnswerLengths answerLengths(const Lesson& lesson);

// True when the lesson has no readable checked_on, or it is more than kRecheckMonths before today.
bool dueForCheck(const Lesson& lesson, const CalendarDate& today);

// Every warning for one lesson, each with its file and line.
std::vector<Problem> lessonWarnings(const Lesson& lesson, const CalendarDate& today);
std::vector<Problem> contentWarnings(const Catalogue& catalogue, const CalendarDate& today);

} // namespace kiosk
