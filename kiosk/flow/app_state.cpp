// The citizen flow and its idle reset; everything time-driven happens in tick().
#include "kiosk/flow/app_state.hpp"
#include <algorithm>

namespace kiosk {

const char* screenName(Screen s)
{
    switch (s) {
    case Screen::Attract: return "attract";
    case Screen::Language: return "language";
    case Screen::Catalogue: return "catalogue";
    case Screen::Lesson: return "lesson";
    case Screen::Quiz: return "quiz";
    case Screen::LessonDone: return "lesson-done";
    case Screen::Handoff: return "handoff";
    case Screen::Thanks: return "thanks";
    }
    return "?";
}

App::App(const Catalogue& catalogue, const Config& config, const Clock& clock)
    : m_catalogue(catalogue), m_config(config), m_clock(clock)
{
    m_lastActivityMs = m_screenSinceMs = m_clock.nowMs();
    m_state.narration = m_config.narrationAutoRead;
}

const Lesson* App::lesson() const { return m_catalogue.find(m_state.lessonId); }
const Handoff* App::handoff() const { return m_config.handoff(m_state.handoff); }

bool App::slipOffered() const
{
    return m_state.screen == Screen::Handoff && m_state.handoffFrom == Screen::LessonDone && lesson() != nullptr;
}

std::vector<UsageEvent> App::takeEvents()
{
    std::vector<UsageEvent> out;
    out.swap(m_events);
    return out;
}

void App::emit(std::string kind, std::string lesson, int step, std::string detail)
{
    m_events.push_back({std::move(kind), std::move(lesson), step, std::move(detail)});
}

void App::go(Screen s)
{
    if (s != Screen::Attract && !m_visitOpen) {
        m_visitOpen = true;
        emit("visit_started");
    }
    m_state.screen = s;
    m_state.idlePrompt = false;
    m_state.accessibilityOpen = false;
    m_screenSinceMs = m_clock.nowMs();
    changed();
}

void App::resetVisit(const char* reason)
{
    if (m_visitOpen) emit("visit_ended", {}, 0, reason);
    m_visitOpen = false;
    // Nothing of the visit is left: language, text size, lesson, position. Effects already asked
    // for stay queued (they are not state: a reset cannot make or undo one).
    const uint64_t version = m_state.version;
    m_state = AppState{};
    m_state.version = version;
    m_state.narration = m_config.narrationAutoRead;   // the deployment's setting, not the last visitor's
    m_state.screen = Screen::Attract;
    m_screenSinceMs = m_lastActivityMs = m_clock.nowMs();
    changed();
}

void App::activity()
{
    // Only postpones the timeout: the prompt itself is answered by its own StillHere intent, so a
    // touch meant for "Tôi vẫn ở đây" never falls through to the page underneath.
    m_lastActivityMs = m_clock.nowMs();
}

bool App::openLesson(std::string_view id, int step0)
{
    const Lesson* l = m_catalogue.find(id);
    if (!l || step0 < 0 || step0 >= static_cast<int>(l->steps.size())) return false;
    bool fresh = m_state.lessonId != l->id || m_state.screen != Screen::Lesson;
    m_state.lessonId = l->id;
    m_state.topic = l->topic;   // "Danh mục" from the lesson comes back to its topic's list
    m_state.step = step0;
    go(Screen::Lesson);
    if (fresh) {
        m_state.rating.clear();
        emit("lesson_opened", l->id, step0 + 1);
    }
    emit("step_reached", l->id, step0 + 1);
    stepShown();
    return true;
}

void App::stepShown()
{
    if (m_state.narration) m_effects.push_back(effect::SpeakStep{m_state.lessonId, m_state.step, m_state.lang});
}

Effects App::takeEffects()
{
    Effects out;
    out.swap(m_effects);
    return out;
}

bool App::openQuiz(std::string_view lessonId, int question0)
{
    const Lesson* l = m_catalogue.find(lessonId);
    if (!l || question0 < 0 || question0 >= static_cast<int>(l->quiz.size())) return false;
    m_state.lessonId = l->id;
    if (question0 == 0) m_state.correct = 0;
    m_state.question = question0;
    m_state.chosen = -1;
    go(Screen::Quiz);
    return true;
}

bool App::openLessonDone(std::string_view lessonId)
{
    const Lesson* l = m_catalogue.find(lessonId);
    if (!l) return false;
    m_state.lessonId = l->id;
    go(Screen::LessonDone);
    return true;
}

void App::finishSteps(const Lesson& l)
{
    emit("lesson_completed", l.id, m_state.step + 1);
    if (!l.quiz.empty()) openQuiz(l.id, 0);
    else openLessonDone(l.id);
}

bool App::openHandoff(std::string_view key)
{
    if (!m_config.handoff(key)) return false;
    if (m_state.screen != Screen::Handoff) m_state.handoffFrom = m_state.screen;
    m_state.handoff = std::string(key);
    go(Screen::Handoff);
    emit("handoff_shown", m_state.lessonId, 0, m_state.handoff);
    return true;
}

void App::openScreen(Screen screen)
{
    if (screen == Screen::Attract) resetVisit("home");
    else go(screen);
}

void App::showIdlePrompt()
{
    m_state.idlePrompt = true;
    m_promptStartMs = m_clock.nowMs();
    m_state.idleSecondsLeft = m_config.idleCountdownSeconds;
    changed();
}

void App::apply(const Intent& in)
{
    activity();
    std::visit([this](const auto& i) { on(i); }, in);
}

void App::on(const intent::Start&)
{
    if (m_state.screen == Screen::Attract) go(Screen::Language);
}
void App::on(const intent::ChooseLanguage& i)
{
    m_state.lang = i.lang;
    go(Screen::Catalogue);
}
void App::on(const intent::ToggleLanguage&)
{
    m_state.lang = m_state.lang == Lang::Vi ? Lang::En : Lang::Vi;
    changed();
}
void App::on(const intent::OpenCatalogue&) { go(Screen::Catalogue); }
void App::on(const intent::OpenTopic& i)
{
    if (!i.topicId.empty() && m_catalogue.lessonsIn(i.topicId).empty()) return;   // no such topic, or nothing in it
    m_state.topic = i.topicId;
    go(Screen::Catalogue);
}
void App::on(const intent::OpenLesson& i) { openLesson(i.lessonId, 0); }
void App::on(const intent::NextStep&)
{
    const Lesson* l = lesson();
    if (!l || m_state.screen != Screen::Lesson) return;
    if (m_state.step + 1 < static_cast<int>(l->steps.size())) {
        ++m_state.step;
        changed();
        emit("step_reached", l->id, m_state.step + 1);
        stepShown();
    } else {
        finishSteps(*l);
    }
}
void App::on(const intent::PrevStep&)
{
    if (m_state.screen == Screen::Lesson && m_state.step > 0) {
        --m_state.step;
        changed();
        stepShown();
    } else if (m_state.screen == Screen::Lesson) {
        go(Screen::Catalogue);
    }
}
void App::on(const intent::OpenHandoff& i) { openHandoff(i.key); }
void App::on(const intent::Finish&) { go(Screen::Thanks); }
void App::on(const intent::GoHome&) { resetVisit("home"); }
void App::on(const intent::StillHere&)
{
    if (!m_state.idlePrompt) return;
    m_state.idlePrompt = false;
    changed();
}
void App::on(const intent::SetTextSize& i)
{
    m_state.textSize = i.size;
    changed();
}
void App::on(const intent::ChooseAnswer& i)
{
    const Lesson* l = lesson();
    if (!l || m_state.screen != Screen::Quiz || m_state.chosen >= 0) return;   // one answer per question
    const QuizQuestion& q = l->quiz[static_cast<size_t>(m_state.question)];
    if (i.choice < 0 || i.choice >= static_cast<int>(q.choices.size())) return;
    m_state.chosen = i.choice;
    const bool right = i.choice + 1 == q.answer;
    if (right) ++m_state.correct;
    emit("quiz_answered", l->id, m_state.question + 1, right ? "correct" : "wrong");
    changed();
}
void App::on(const intent::NextQuestion&)
{
    const Lesson* l = lesson();
    if (!l || m_state.screen != Screen::Quiz || m_state.chosen < 0) return;
    if (m_state.question + 1 < static_cast<int>(l->quiz.size())) {
        ++m_state.question;
        m_state.chosen = -1;
        changed();
    } else {
        emit("quiz_completed", l->id, static_cast<int>(l->quiz.size()),
             std::to_string(m_state.correct) + "/" + std::to_string(l->quiz.size()));
        openLessonDone(l->id);
    }
}
void App::on(const intent::ReviewLesson&)
{
    if (const Lesson* l = lesson()) openLesson(l->id, static_cast<int>(l->steps.size()) - 1);
}
void App::on(const intent::Rate& i)
{
    if (m_state.screen == Screen::LessonDone && (i.face == "good" || i.face == "ok" || i.face == "bad") && m_state.rating != i.face) {
        m_state.rating = i.face;
        emit("rating", m_state.lessonId, 0, i.face);
        changed();
    }
}
void App::on(const intent::OpenAccessibility&)
{
    m_state.accessibilityOpen = true;
    changed();
}
void App::on(const intent::CloseAccessibility&)
{
    m_state.accessibilityOpen = false;
    changed();
}
void App::on(const intent::ToggleContrast&)
{
    m_state.highContrast = !m_state.highContrast;
    changed();
}
void App::on(const intent::ToggleNarration&)
{
    m_state.narration = !m_state.narration;
    changed();
}
void App::on(const intent::ToggleSlowMotion&)
{
    m_state.slowMotion = !m_state.slowMotion;
    changed();
}
void App::on(const intent::Speak&)
{
    if (m_state.screen == Screen::Lesson) m_effects.push_back(effect::SpeakStep{m_state.lessonId, m_state.step, m_state.lang});
}
void App::on(const intent::PrintSlip&)
{
    if (slipOffered()) m_effects.push_back(effect::PrintLessonSlip{m_state.lessonId});
}
void App::on(const intent::OpenStaff&)
{
    // The citizen's visit ends: nothing of it stays on screen behind staff mode.
    resetVisit("staff");
    m_effects.push_back(effect::OpenStaffMode{});
}

void App::tick()
{
    const int64_t now = m_clock.nowMs();
    if (m_state.screen == Screen::Attract) {
        int slide = static_cast<int>((now - m_screenSinceMs) / (int64_t(m_config.attractSlideSeconds) * 1000));
        if (slide != m_state.attractSlide) {
            m_state.attractSlide = slide;
            changed();
        }
        return;
    }
    if (m_state.screen == Screen::Thanks && now - m_screenSinceMs >= int64_t(m_config.thanksSeconds) * 1000) {
        resetVisit("finished");
        return;
    }
    if (!m_state.idlePrompt && now - m_lastActivityMs >= int64_t(m_config.idleTimeoutSeconds) * 1000) {
        m_state.idlePrompt = true;
        m_promptStartMs = now;
        m_state.idleSecondsLeft = m_config.idleCountdownSeconds;
        changed();
    }
    if (m_state.idlePrompt) {
        int64_t elapsed = now - m_promptStartMs;
        int left = m_config.idleCountdownSeconds - static_cast<int>(elapsed / 1000);
        if (left <= 0) {
            resetVisit("idle");
            return;
        }
        if (left != m_state.idleSecondsLeft) {
            m_state.idleSecondsLeft = left;
            changed();
        }
    }
}

int64_t App::nextWakeMs() const
{
    constexpr int64_t never = std::numeric_limits<int64_t>::max();
    switch (m_state.screen) {
    case Screen::Attract: {
        int64_t slideMs = int64_t(m_config.attractSlideSeconds) * 1000;
        return m_screenSinceMs + (m_state.attractSlide + 1) * slideMs;
    }
    default:
        break;
    }
    int64_t wake = never;
    if (m_state.screen == Screen::Thanks) wake = m_screenSinceMs + int64_t(m_config.thanksSeconds) * 1000;
    if (m_state.idlePrompt) {
        int64_t elapsed = m_config.idleCountdownSeconds - m_state.idleSecondsLeft + 1;
        wake = std::min(wake, m_promptStartMs + elapsed * 1000);
    } else {
        wake = std::min(wake, m_lastActivityMs + int64_t(m_config.idleTimeoutSeconds) * 1000);
    }
    return wake;
}

} // namespace kiosk
