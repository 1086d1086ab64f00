// Turns the screens' "In phiếu" into printed slips: watches the citizen flow's and the staff
// flow's print requests, builds the slip (after a lesson, after an assisted session), hands it to
// the PrintWorker, and clears the printing status when the screen changes. Call once per frame.
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

private:
    std::string where(const App& app, const StaffFlow* staff) const;

    PrintWorker& m_worker;
    const Catalogue& m_catalogue;
    const Config& m_config;
    const Clock& m_clock;
    std::optional<uint64_t> m_appRequest, m_staffRequest;
    std::string m_where;
};

} // namespace kiosk
