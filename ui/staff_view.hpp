// Draws the staff screen the staff flow names; the citizen screens are not drawn meanwhile.
#pragma once
#include "kiosk/print_worker.hpp"
#include "ui/screens/staff_checklist_screen.hpp"
#include "ui/screens/staff_consent_screen.hpp"
#include "ui/screens/staff_home_screen.hpp"
#include "ui/screens/staff_identify_screen.hpp"
#include "ui/screens/staff_signin_screen.hpp"
#include "ui/screens/staff_summary_screen.hpp"
#include "ui/screens/staff_type_id_screen.hpp"

namespace ui {

class StaffView {
public:
    // `slips`: the printer's status for the summary's "In phiếu" (null: no printer).
    StaffIntents draw(Context& ctx, const kiosk::StaffState& state, const kiosk::SlipStatus* slips = nullptr);

private:
    StaffSignInScreen m_signIn;
    StaffHomeScreen m_home;
    StaffIdentifyScreen m_identify;
    StaffTypeIdScreen m_typeId;
    StaffConsentScreen m_consent;
    StaffChecklistScreen m_checklist;
    StaffSummaryScreen m_summary;
};

} // namespace ui
