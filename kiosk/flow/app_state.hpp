// The citizen flow as a state machine: attract → language → catalogue → lesson → quiz → result
// (with a one-tap rating) → QR → thanks, with the idle reset and the visit's accessibility
// settings. Takes intents from the screens and time from an injected clock.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/common/types.hpp"
#include "kiosk/flow/effects.hpp"
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

enum class Screen { Attract, Language, Catalogue, Lesson, Quiz, LessonDone, Handoff, Thanks };
const char* screenName(Screen s);

// What the citizen's screens ask of the flow, one type each, with its own typed fields.
namespace intent {
struct Start {};              // attract tapped
struct ChooseLanguage { Lang lang = Lang::Vi; };
struct ToggleLanguage {};
struct OpenCatalogue {};
struct OpenTopic { std::string topicId; };   // the catalogue's lessons of one topic; empty: every topic
struct OpenLesson { std::string lessonId; };
struct NextStep {};
struct PrevStep {};
struct OpenHandoff { std::string key; };
struct Finish {};             // leave the QR screen: thank-you
struct GoHome {};             // end the visit now: back to attract
struct StillHere {};          // answer to "Bạn còn ở đó không?"
struct SetTextSize { TextSize size = TextSize::Normal; };
struct ChooseAnswer { int choice = -1; };   // from 0
struct NextQuestion {};       // after the explanation: the next question, or the result
struct Rate { std::string face; };          // "good" | "ok" | "bad"
struct ReviewLesson {};       // from the quiz back to the lesson's last step
struct OpenAccessibility {};
struct CloseAccessibility {};
struct ToggleContrast {};
struct ToggleNarration {};    // read every step aloud on its own
struct ToggleSlowMotion {};
struct Speak {};              // "Nghe": read the current step aloud now
struct OpenStaff {};          // the hidden staff gesture: the visit ends, staff mode opens
struct PrintSlip {};          // "In phiếu" on the QR screen after a lesson
} // namespace intent

using Intent = std::variant<intent::Start, intent::ChooseLanguage, intent::ToggleLanguage, intent::OpenCatalogue, intent::OpenTopic, intent::OpenLesson,
                            intent::NextStep, intent::PrevStep, intent::OpenHandoff, intent::Finish, intent::GoHome, intent::StillHere,
                            intent::SetTextSize, intent::ChooseAnswer, intent::NextQuestion, intent::Rate, intent::ReviewLesson,
                            intent::OpenAccessibility, intent::CloseAccessibility, intent::ToggleContrast, intent::ToggleNarration,
                            intent::ToggleSlowMotion, intent::Speak, intent::OpenStaff, intent::PrintSlip>;

// Anonymous usage statistics: what was opened and reached, never who.
struct UsageEvent {
    std::string kind;     // visit_started, lesson_opened, step_reached, lesson_completed, quiz_answered,
                          // quiz_completed, rating, handoff_shown, visit_ended
    std::string lesson;
    int step = 0;         // 1-based
    std::string detail;   // handoff key, end reason
};

struct AppState {
    Screen screen = Screen::Attract;
    Lang lang = Lang::Vi;
    TextSize textSize = TextSize::Normal;
    std::string topic;                  // the catalogue shows this topic's lessons; empty: the topics
    std::string lessonId;
    int step = 0;                       // 0-based index into the lesson's steps
    int question = 0;                   // 0-based quiz question
    int chosen = -1;                    // the citizen's answer to it (0-based), -1 before answering
    int correct = 0;                    // right answers so far in this quiz
    std::string rating;                 // "", "good", "ok", "bad": the lesson's one-tap rating
    bool highContrast = false;
    bool narration = false;             // read each step aloud when it opens
    bool slowMotion = false;
    bool accessibilityOpen = false;     // the text size / contrast / sound panel
    std::string handoff;
    Screen handoffFrom = Screen::Catalogue;
    bool idlePrompt = false;
    int idleSecondsLeft = 0;
    int attractSlide = 0;
    uint64_t version = 0;               // bumps on every change: the frame loop redraws on a new version
};

class App {
public:
    App(const Catalogue& catalogue, const Config& config, const Clock& clock);

    void apply(const Intent& intent);
    void activity();                    // any touch: postpones the idle reset
    void tick();                        // advances time-driven state (idle prompt, countdown, slides)
    int64_t nextWakeMs() const;         // when tick() next has work; INT64_MAX when never

    const AppState& state() const { return m_state; }
    const Lesson* lesson() const;
    const Handoff* handoff() const;
    // The QR screen reached from a finished lesson offers that lesson's printed slip.
    bool slipOffered() const;
    std::vector<UsageEvent> takeEvents();
    // What the loop must do (speak, print, open staff mode), each once, in the order asked.
    Effects takeEffects();

    // Jumps straight to a screen (for --start-screen and screenshots). Returns false if unknown.
    bool openLesson(std::string_view id, int step0);
    bool openHandoff(std::string_view key);
    bool openQuiz(std::string_view lessonId, int question0);
    bool openLessonDone(std::string_view lessonId);
    void openScreen(Screen screen);
    void showIdlePrompt();

private:
    // One handler per intent (apply() visits the variant).
    void on(const intent::Start&);
    void on(const intent::ChooseLanguage&);
    void on(const intent::ToggleLanguage&);
    void on(const intent::OpenCatalogue&);
    void on(const intent::OpenTopic&);
    void on(const intent::OpenLesson&);
    void on(const intent::NextStep&);
    void on(const intent::PrevStep&);
    void on(const intent::OpenHandoff&);
    void on(const intent::Finish&);
    void on(const intent::GoHome&);
    void on(const intent::StillHere&);
    void on(const intent::SetTextSize&);
    void on(const intent::ChooseAnswer&);
    void on(const intent::NextQuestion&);
    void on(const intent::Rate&);
    void on(const intent::ReviewLesson&);
    void on(const intent::OpenAccessibility&);
    void on(const intent::CloseAccessibility&);
    void on(const intent::ToggleContrast&);
    void on(const intent::ToggleNarration&);
    void on(const intent::ToggleSlowMotion&);
    void on(const intent::Speak&);
    void on(const intent::OpenStaff&);
    void on(const intent::PrintSlip&);
    void go(Screen s);
    void resetVisit(const char* reason);
    void changed() { ++m_state.version; }
    void emit(std::string kind, std::string lesson = {}, int step = 0, std::string detail = {});
    void finishSteps(const Lesson& l);
    void stepShown();                   // auto-read when narration is on

    const Catalogue& m_catalogue;
    const Config& m_config;
    const Clock& m_clock;
    AppState m_state;
    int64_t m_lastActivityMs = 0;
    int64_t m_promptStartMs = 0;
    int64_t m_screenSinceMs = 0;
    bool m_visitOpen = false;
    std::vector<UsageEvent> m_events;
    Effects m_effects;
};

} // namespace kiosk
