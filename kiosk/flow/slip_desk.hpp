// Turns the screens' "In phiếu" effects into printed slips: builds the slip (after a lesson, after
// an assisted session), hands it to the PrintWorker, and clears the printing status when the
// screen changes (service(), once per turn of the loop).
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/output/print_worker.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include <optional>
#include <string>

namespace kiosk {

class SlipDesk {
public:
    SlipDesk(PrintWorker& worker, const Catalogue& catalogue, const Config& config, const Clock& clock)
        : m_worker(worker), m_catalogue(catalogue), m_config(config), m_clock(clock) {}

    // `staff` may be null (no staff mode wired, as in some tests).
    void service(const App& app, const StaffFlow* staff);
    // The effects. Each prints only where the slip is offered, for what that screen shows: the
    // QR screen of the finished lesson, the summary of the saved session.
    void print(const effect::PrintLessonSlip& e, const App& app, const StaffFlow* staff);
    void print(const effect::PrintSessionSlip& e, const StaffFlow& staff);

private:
    std::string where(const App& app, const StaffFlow* staff) const;

    PrintWorker& m_worker;
    const Catalogue& m_catalogue;
    const Config& m_config;
    const Clock& m_clock;
    std::string m_where;
};

} // namespace kiosk
