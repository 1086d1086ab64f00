// A request counts only on the screen that offers the slip: the QR screen reached from a finished
// lesson, and the staff summary of a saved session.
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
    const uint64_t appRequest = app.state().printRequest;
    if (m_appRequest && appRequest != *m_appRequest) {
        const Lesson* lesson = app.lesson();
        if (lesson && app.state().screen == Screen::Handoff && !(staff && staff->active()))
            m_worker.print(lessonReceipt(*lesson, m_catalogue, m_config, app.state().lang, m_clock.unixSeconds()));
    }
    m_appRequest = appRequest;
    if (!staff) return;
    const uint64_t staffRequest = staff->state().printRequest;
    if (m_staffRequest && staffRequest != *m_staffRequest && staff->state().screen == StaffScreen::Summary)
        m_worker.print(sessionReceipt(staff->slip(), m_config));
    m_staffRequest = staffRequest;
}

} // namespace kiosk
