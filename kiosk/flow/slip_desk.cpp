// A slip prints only on the screen that offers it: the QR screen reached from a finished lesson,
// and the staff summary of a saved session.
#include "kiosk/flow/slip_desk.hpp"
#include "kiosk/output/receipt.hpp"

namespace kiosk {

std::string SlipDesk::where(const App& app, const StaffFlow* staff) const
{
    if (staff && staff->active())
        return std::string("staff/") + staffScreenName(staff->state().screen) + "/" + std::to_string(staff->state().savedId);
    const AppState& s = app.state();
    return std::string("app/") + screenName(s.screen) + "/" + s.handoff + "/" + s.lessonId;
}

void SlipDesk::service(const App& app, const StaffFlow* staff)
{
    m_worker.poll();
    const std::string here = where(app, staff);
    if (here != m_where) {
        m_where = here;
        m_worker.reset();
    }
}

void SlipDesk::print(const effect::PrintLessonSlip& e, const App& app, const StaffFlow* staff)
{
    const Lesson* lesson = app.lesson();
    if (lesson && lesson->id == e.lessonId && app.state().screen == Screen::Handoff && !(staff && staff->active()))
        m_worker.print(lessonReceipt(*lesson, m_catalogue, m_config, app.state().lang, m_clock.unixSeconds()));
}

void SlipDesk::print(const effect::PrintSessionSlip& e, const StaffFlow& staff)
{
    if (staff.state().screen == StaffScreen::Summary && staff.state().savedId == e.sessionId)
        m_worker.print(sessionReceipt(staff.slip(), m_config));
}

} // namespace kiosk
