// Draws the screen the app state names, plus the idle overlay, and collects the intents.
#pragma once
#include "ui/screens/citizen/accessibility_panel.hpp"
#include "ui/screens/citizen/attract_screen.hpp"
#include "ui/screens/citizen/catalogue_screen.hpp"
#include "ui/screens/citizen/handoff_screen.hpp"
#include "ui/screens/citizen/idle_overlay.hpp"
#include "ui/screens/citizen/language_screen.hpp"
#include "ui/screens/citizen/lesson_done_screen.hpp"
#include "ui/screens/citizen/lesson_screen.hpp"
#include "ui/screens/citizen/quiz_screen.hpp"
#include "ui/screens/citizen/thanks_screen.hpp"
#include "ui/staff_view.hpp"

namespace ui {

class AppView {
public:
    // Call between ImGui::NewFrame() and ImGui::Render().
    // While the staff flow is active its screens are drawn instead of the citizen's.
    Intents draw(Context& ctx, const kiosk::App& app);
    CatalogueScreen& catalogue() { return m_catalogue; }
    void attachStaff(const kiosk::StaffFlow* flow) { m_staff = flow; }
    // The slip printer's status (kiosk::PrintWorker): with one, the QR screen after a lesson and
    // the staff summary offer "In phiếu". Null or a status without a printer: no button.
    void attachSlips(const kiosk::SlipStatus* status) { m_slips = status; }
    StaffIntents takeStaffIntents() { return std::move(m_staffIntents); }

    static constexpr double kStaffHoldSeconds = 3.0;   // the hidden gesture: hold the top-left corner

private:
    AttractScreen m_attract;
    LanguageScreen m_language;
    CatalogueScreen m_catalogue;
    LessonScreen m_lesson;
    QuizScreen m_quiz;
    LessonDoneScreen m_done;
    AccessibilityPanel m_access;
    HandoffScreen m_handoff;
    ThanksScreen m_thanks;
    IdleOverlay m_idle;
    StaffView m_staffView;
    const kiosk::StaffFlow* m_staff = nullptr;
    const kiosk::SlipStatus* m_slips = nullptr;
    StaffIntents m_staffIntents;
    bool m_gestureFired = false;

    void staffGesture(Context& ctx, Intents& intents);
};

// ImGui style for the kiosk: no window padding, no borders, the theme's page colour.
void applyKioskStyle(ImGuiStyle& style, const Theme& theme);

} // namespace ui
