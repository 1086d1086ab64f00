// Draws the staff screen the staff flow names; the citizen screens are not drawn meanwhile.
#pragma once
#include "kiosk/output/print_worker.hpp"
#include "ui/screens/staff/checklist_screen.hpp"
#include "ui/screens/staff/consent_screen.hpp"
#include "ui/screens/staff/home_screen.hpp"
#include "ui/screens/staff/identify_screen.hpp"
#include "ui/screens/staff/signin_screen.hpp"
#include "ui/screens/staff/summary_screen.hpp"
#include "ui/screens/staff/type_id_screen.hpp"

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
