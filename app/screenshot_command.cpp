// `kiosk screenshot`: renders any screen headless (SDL offscreen, software renderer) to PNG.
#include "app/commands.hpp"
#include "app/frontend.hpp"
#include "app/screen_scene.hpp"
#include <iostream>

namespace app {

int screenshotCommand(const GlobalOptions& g, const ScreenshotOptions& o)
{
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions(o.assetsDir));
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";
    if (o.list) {
        for (const std::string& name : allScreenNames(rt)) std::cout << name << "\n";
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

    std::string error;
    ScreenScene scene;
    if (!scene.open(rt, o.screen, lang, size, o.highContrast, error)) {
        std::cerr << error << "\n";
        return 2;
    }
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
    scene.attach(fe);
    // A few frames first: ImGui settles layout (child windows, scroll limits) on the second.
    drivers::Image image;
    for (int i = 0; i < 3; ++i) fe.frame(*scene.app, 0.0, i == 2 ? &image : nullptr);
    if (!drivers::writePng(o.out, image, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    return 0;
}

} // namespace app
