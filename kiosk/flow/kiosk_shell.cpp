// Effects are carried out in the order they were queued, the citizen flow's first; an effect whose
// part is not wired (no narrator, no printer in a test) is dropped, as the kiosk without that
// device would.
#include "kiosk/flow/kiosk_shell.hpp"
#include <spdlog/spdlog.h>
#include <algorithm>
#include <limits>

namespace kiosk {
namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;
} // namespace

KioskShell::KioskShell(ShellParts parts) : m_p(std::move(parts)) {}

void KioskShell::touched()
{
    m_p.app.activity();
    if (m_p.staff) m_p.staff->activity();
}

void KioskShell::apply(const std::vector<Intent>& intents, const std::vector<StaffIntent>& staffIntents)
{
    for (const Intent& in : intents) m_p.app.apply(in);
    if (m_p.staff)
        for (const StaffIntent& in : staffIntents) m_p.staff->apply(in);
    drain();
}

void KioskShell::tick()
{
    m_p.app.tick();
    if (m_p.staff) {
        m_p.staff->tick();
        if (m_p.readers) m_p.readers->service(*m_p.staff);
        if (m_p.uploads)
            if (auto done = m_p.uploads->takeResult()) {
                if (!done->ok) spdlog::warn("tải lên: {}", done->message);   // the detail for the technician; staff see a plain sentence
                m_p.staff->uploadFinished(done->ok, done->message);
            }
    }
    if (m_p.slips) m_p.slips->service(m_p.app, m_p.staff);
    drain();
}

int64_t KioskShell::nextWakeMs(int64_t now) const
{
    int64_t wake = m_p.app.nextWakeMs();
    if (m_p.staff) wake = std::min(wake, m_p.staff->nextWakeMs());
    if (m_p.readers && m_p.readers->running()) wake = std::min(wake, now + 100);   // scanner reads arrive off-thread
    if (m_p.uploads && m_p.uploads->busy()) wake = std::min(wake, now + 500);      // and so does an upload's result
    if (m_p.printer && m_p.printer->busy()) wake = std::min(wake, now + 200);      // and a slip's
    return wake;
}

void KioskShell::drain()
{
    if (m_p.usage) m_p.usage(m_p.app.takeEvents());
    // An effect may queue another (opening staff mode): take until nothing is left.
    for (int round = 0; round < 8; ++round) {
        Effects effects = m_p.app.takeEffects();
        if (m_p.staff) {
            Effects more = m_p.staff->takeEffects();
            effects.insert(effects.end(), more.begin(), more.end());
        }
        if (effects.empty()) break;
        for (const Effect& e : effects) handle(e);
    }
    stopNarrationOffLesson();
}

void KioskShell::handle(const Effect& e)
{
    ++m_handled;
    if (m_p.observe) m_p.observe(e);
    std::visit(Overloaded{
                   [&](const effect::SpeakStep& s) {
                       if (!m_p.narrator) return;
                       const Lesson* l = m_p.app.lesson();
                       if (l && l->id == s.lessonId && m_p.app.state().screen == Screen::Lesson) m_p.narrator->say(*l, s.step, s.lang);
                       // A missing sound card is logged once, not at every step.
                       std::string err = m_p.narrator->lastError();
                       if (!err.empty() && err != m_lastNarrationError) spdlog::warn("đọc thành tiếng: {}", err);
                       m_lastNarrationError = std::move(err);
                   },
                   [&](const effect::PrintLessonSlip& p) {
                       if (m_p.slips) m_p.slips->print(p, m_p.app, m_p.staff);
                   },
                   [&](const effect::OpenStaffMode&) {
                       if (m_p.narrator) m_p.narrator->stop();
                       if (m_p.staff) m_p.staff->apply(staff_intent::Open{});
                   },
                   [&](const effect::StartUpload&) {
                       if (!m_p.staff) return;
                       UploadOptions options;
                       std::string error;
                       if (!m_p.uploads || !m_p.uploadOptions) {
                           m_p.staff->uploadFinished(false, "Ki-ốt này chưa được cài để tải dữ liệu lên xã.");
                       } else if (!m_p.uploadOptions(options, error)) {
                           m_p.staff->uploadFinished(false, error);
                       } else if (m_p.uploads->start(options)) {
                           m_p.staff->uploadStarted();
                       }
                   },
                   [&](const effect::PrintSessionSlip& p) {
                       if (m_p.slips && m_p.staff) m_p.slips->print(p, *m_p.staff);
                   },
                   [&](const effect::ExitToDesktop&) { m_exit = true; },
               },
               e);
}

void KioskShell::stopNarrationOffLesson()
{
    // Silence once the citizen leaves the lesson (or staff mode covers it) mid-sentence.
    if (!m_p.narrator || !m_p.narrator->busy()) return;
    if (m_p.app.state().screen != Screen::Lesson || (m_p.staff && m_p.staff->active())) m_p.narrator->stop();
}

} // namespace kiosk
