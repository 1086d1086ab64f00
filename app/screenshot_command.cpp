// `kiosk screenshot`: renders any screen headless (SDL offscreen, software renderer) to PNG.
#include "app/commands.hpp"
#include "app/frontend.hpp"
#include "app/slip_demo.hpp"
#include "app/staff_demo.hpp"
#include "kiosk/flow/screen_id.hpp"
#include <iostream>

namespace app {

int screenshotCommand(const GlobalOptions& g, const ScreenshotOptions& o)
{
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions(o.assetsDir));
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";
    if (o.list) {
        for (const std::string& name : kiosk::listScreenNames(rt.catalogue, rt.config)) std::cout << name << "\n";
        for (const std::string& name : StaffDemo::screenNames()) std::cout << name << "\n";
        for (const std::string& name : slipDemoNames()) std::cout << name << "\n";
        return 0;
    }
    if (o.screen.empty() || o.out.empty()) {
        std::cerr << "Cần --screen TÊN và --out TỆP.png (xem tên màn hình: kiosk screenshot --list)\n";
        return 2;
    }
    kiosk::Lang lang = kiosk::Lang::Vi;
    kiosk::TextSize size = kiosk::TextSize::Normal;
    kiosk::parseLang(o.lang, lang);
    kiosk::parseTextSize(o.textSize, size);

    kiosk::ManualClock clock;
    kiosk::App app(rt.catalogue, rt.config, clock);
    std::string error;
    std::unique_ptr<StaffDemo> staff;
    SlipDemo slip;
    const bool slipScreen = slipDemo(o.screen, slip);
    if (slipScreen && slip.base == "lesson-qr") {
        // The QR screen as a citizen reaches it: from the first lesson's end.
        const kiosk::Lesson* first = rt.catalogue.lessons.empty() ? nullptr : &rt.catalogue.lessons.front();
        if (!first || !app.openLessonDone(first->id) || !app.openHandoff(first->handoff)) {
            std::cerr << "không có bài học nào có mã QR để minh hoạ\n";
            return 2;
        }
    } else if (o.screen.rfind("staff-", 0) == 0) {
        staff = StaffDemo::open(rt, clock, slipScreen ? slip.base : o.screen, error);
        if (!staff) {
            std::cerr << error << "\n";
            return 2;
        }
    } else if (!kiosk::openScreenByName(app, o.screen, rt.catalogue, rt.config, error)) {
        std::cerr << error << "\n";
        return 2;
    }
    if (lang != kiosk::Lang::Vi) app.apply(kiosk::intent::ToggleLanguage{});
    app.apply(kiosk::intent::SetTextSize{size});
    if (o.highContrast) app.apply(kiosk::intent::ToggleContrast{});
    if (o.screen == "idle-prompt") app.showIdlePrompt();   // the intents above counted as a touch

    Frontend fe(rt);
    drivers::PlatformOptions po;
    po.width = o.width;
    po.height = o.height;
    po.headless = true;
    po.windowed = true;
    if (!fe.init(po, size, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    if (staff) fe.view().attachStaff(&staff->flow());
    if (slipScreen) fe.view().attachSlips(&slip.status);
    // A few frames first: ImGui settles layout (child windows, scroll limits) on the second.
    drivers::Image image;
    for (int i = 0; i < 3; ++i) fe.frame(app, 0.0, i == 2 ? &image : nullptr);
    if (!drivers::writePng(o.out, image, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    return 0;
}

} // namespace app
