// A screen set up by name, as `kiosk screenshot --list` names them: the citizen's app at that
// screen, or a staff screen with made-up data, or a printing state. Shared by `kiosk screenshot`
// and `kiosk layout-check`.
#pragma once
#include "app/slip_demo.hpp"
#include "app/staff_demo.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/flow/app_state.hpp"
#include <memory>
#include <string>
#include <vector>

namespace app {

class Frontend;

struct ScreenScene {
    kiosk::ManualClock clock;
    std::unique_ptr<kiosk::App> app;
    std::unique_ptr<StaffDemo> staff;
    SlipDemo slip;
    bool slipScreen = false;

    // False with a message (Vietnamese) when the name is unknown or the scene cannot be set up.
    bool open(const kiosk::Runtime& rt, const std::string& screen, kiosk::Lang lang, kiosk::TextSize size, bool highContrast, std::string& error);
    void attach(Frontend& fe);   // the staff flow and the printing state, if any
    void detach(Frontend& fe);
};

// Every screen name, in `kiosk screenshot --list` order.
std::vector<std::string> allScreenNames(const kiosk::Runtime& rt);

} // namespace app
