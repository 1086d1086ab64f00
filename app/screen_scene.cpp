// Opening a screen by name for the headless tools.
#include "app/screen_scene.hpp"
#include "app/frontend.hpp"
#include "kiosk/flow/screen_id.hpp"

namespace app {

bool ScreenScene::open(const kiosk::Runtime& rt, const std::string& screen, kiosk::Lang lang, kiosk::TextSize size, bool highContrast, std::string& error)
{
    app = std::make_unique<kiosk::App>(rt.catalogue, rt.config, clock);
    slipScreen = slipDemo(screen, slip);
    if (slipScreen && slip.base == "lesson-qr") {
        // The QR screen as a citizen reaches it: from the first lesson's end.
        const kiosk::Lesson* first = rt.catalogue.lessons.empty() ? nullptr : &rt.catalogue.lessons.front();
        if (!first || !app->openLessonDone(first->id) || !app->openHandoff(first->handoff)) {
            error = "không có bài học nào có mã QR để minh hoạ";
            return false;
        }
    } else if (screen.rfind("staff-", 0) == 0) {
        staff = StaffDemo::open(rt, clock, slipScreen ? slip.base : screen, error);
        if (!staff) return false;
    } else if (!kiosk::openScreenByName(*app, screen, rt.catalogue, rt.config, error)) {
        return false;
    }
    if (lang != kiosk::Lang::Vi) app->apply(kiosk::intent::ToggleLanguage{});
    app->apply(kiosk::intent::SetTextSize{size});
    if (highContrast) app->apply(kiosk::intent::ToggleContrast{});
    if (screen == "idle-prompt") app->showIdlePrompt();   // the intents above counted as a touch
    return true;
}

void ScreenScene::attach(Frontend& fe)
{
    if (staff) fe.view().attachStaff(&staff->flow());
    if (slipScreen) fe.view().attachSlips(&slip.status);
}

void ScreenScene::detach(Frontend& fe)
{
    fe.view().attachStaff(nullptr);
    fe.view().attachSlips(nullptr);
}

std::vector<std::string> allScreenNames(const kiosk::Runtime& rt)
{
    std::vector<std::string> names = kiosk::listScreenNames(rt.catalogue, rt.config);
    for (const std::string& n : StaffDemo::screenNames()) names.push_back(n);
    for (const std::string& n : slipDemoNames()) names.push_back(n);
    return names;
}

} // namespace app
