// `kiosk layout-check`: renders screens headless at several shapes, text sizes and languages,
// records where every text, button and QR code went, and checks them (ui/layout_check.hpp);
// QR codes are also read back from the rendered pixels with ZXing.
#include "app/commands.hpp"
#include "app/frontend.hpp"
#include "app/screen_scene.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "ui/layout_check.hpp"
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

namespace app {

namespace {

// The screens checked by default (in CI): every screen that is not a lesson step or a quiz
// question, and of those each lesson's first and last step, its first question, and the step
// whose drawing has the longest label to tap (the one most likely to crowd the phone: eKYC's
// "Chụp mặt trước", the public-service address).
bool inSample(const std::string& name, const kiosk::Catalogue& cat)
{
    auto parts = [&](const std::string& prefix, std::string& id, int& n) {
        if (name.rfind(prefix, 0) != 0) return false;
        size_t colon = name.rfind(':');
        id = name.substr(prefix.size(), colon - prefix.size());
        n = std::atoi(name.c_str() + colon + 1);
        return true;
    };
    std::string id;
    int n = 0;
    if (parts("lesson:", id, n)) {
        const kiosk::Lesson* l = cat.find(id);
        if (!l) return false;
        if (n == 1 || n == static_cast<int>(l->steps.size())) return true;
        size_t longest = 0, at = 0;
        for (size_t i = 0; i < l->steps.size(); ++i) {
            const kiosk::PhoneScreen& ps = l->steps[i].screen;
            if (ps.tap > 0 && size_t(ps.tap) <= ps.items.size() && ps.items[size_t(ps.tap - 1)].vi.size() > longest) {
                longest = ps.items[size_t(ps.tap - 1)].vi.size();
                at = i + 1;
            }
        }
        return static_cast<size_t>(n) == at;
    }
    if (parts("quiz:", id, n)) return n == 1;
    return true;
}

std::string sizeName(kiosk::TextSize s)
{
    switch (s) {
    case kiosk::TextSize::Large: return "chữ lớn";
    case kiosk::TextSize::ExtraLarge: return "chữ rất lớn";
    default: return "chữ vừa";
    }
}

// What the screen promises to hand over: the hand-off's links, or one code on the catalogue.
std::set<std::string> promisedCodes(const kiosk::Runtime& rt, const std::string& screen, bool& known)
{
    known = true;
    std::set<std::string> out;
    if (screen.rfind("qr-", 0) == 0) {
        if (const kiosk::Handoff* h = rt.config.handoff(screen.substr(3)))
            for (const std::string& k : h->links)
                if (const kiosk::Link* l = rt.config.link(k)) out.insert(l->url);
        return out;
    }
    known = false;
    return out;
}

} // namespace

int layoutCheckCommand(const GlobalOptions& g, const LayoutCheckOptions& o)
{
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions(o.assetsDir));
    for (const kiosk::Problem& p : rt.problems) std::cerr << "cảnh báo: " << p.str() << "\n";
    std::vector<std::string> screens;
    for (const std::string& name : allScreenNames(rt)) {
        bool wanted = o.screens.empty() ? (o.all || inSample(name, rt.catalogue))
                                        : std::find(o.screens.begin(), o.screens.end(), name) != o.screens.end();
        if (wanted) screens.push_back(name);
    }
    for (const std::string& s : o.screens)
        if (std::find(screens.begin(), screens.end(), s) == screens.end()) {
            std::cerr << "Không có màn hình tên " << s << " (xem: kiosk screenshot --list)\n";
            return 2;
        }
    std::vector<std::pair<int, int>> sizes;
    for (const std::string& s : o.sizes) {
        int w = 0, h = 0;
        if (!parseSize(s, w, h)) {
            std::cerr << "Kích thước không hợp lệ: " << s << " (ví dụ: 1920x1080)\n";
            return 2;
        }
        sizes.emplace_back(w, h);
    }
    if (sizes.empty()) sizes = {{1920, 1080}, {1366, 768}, {1080, 1920}};
    std::vector<kiosk::TextSize> textSizes;
    for (const std::string& s : o.textSizes) {
        kiosk::TextSize t;
        if (kiosk::parseTextSize(s, t)) textSizes.push_back(t);
    }
    if (textSizes.empty()) textSizes = {kiosk::TextSize::Normal, kiosk::TextSize::ExtraLarge};
    std::vector<kiosk::Lang> langs;
    for (const std::string& s : o.langs) {
        kiosk::Lang l;
        if (kiosk::parseLang(s, l)) langs.push_back(l);
    }
    if (langs.empty()) langs = {kiosk::Lang::Vi, kiosk::Lang::En};
    if (!o.outDir.empty()) std::filesystem::create_directories(o.outDir);

    int views = 0, failing = 0;
    size_t problems = 0;
    for (auto [w, h] : sizes) {
        for (kiosk::TextSize ts : textSizes) {
            Frontend fe(rt);
            drivers::PlatformOptions po;
            po.width = w;
            po.height = h;
            po.headless = true;
            po.windowed = true;
            std::string error;
            if (!fe.init(po, ts, error)) {
                std::cerr << error << "\n";
                return 1;
            }
            for (kiosk::Lang lang : langs) {
                for (const std::string& name : screens) {
                    ScreenScene scene;
                    if (!scene.open(rt, name, lang, ts, false, error)) {
                        std::cerr << name << ": " << error << "\n";
                        return 1;
                    }
                    scene.attach(fe);
                    fe.frame(*scene.app, 0.0);   // ImGui settles child windows and scroll limits
                    ui::LayoutRecord record;
                    drivers::Image image;
                    {
                        ui::RecordLayout recording(record);
                        fe.frame(*scene.app, 0.0, &image);
                    }
                    scene.detach(fe);
                    ++views;
                    ui::LayoutRules rules;
                    rules.display = ImVec2(float(w), float(h));
                    rules.scale = fe.context().scale;
                    std::vector<std::string> found = ui::checkLayout(record, fe.context().hits, rules);
                    bool known = false;
                    std::set<std::string> promised = promisedCodes(rt, name, known);
                    int top = 0;
                    for (const ui::TextRect& t : record.texts) top = std::max(top, t.layer);
                    size_t shown = 0;   // codes under an open dialog are not for reading now
                    for (const ui::QrRect& q : record.qrs) shown += q.layer >= top ? 1 : 0;
                    if (shown > 0 || (known && !promised.empty())) {
                        std::vector<std::string> read = drivers::decodeQrCodes(image);
                        std::set<std::string> got(read.begin(), read.end());
                        if (got.size() < shown)
                            found.push_back("ZXing đọc được " + std::to_string(got.size()) + " trên " + std::to_string(shown) + " mã QR vẽ ra");
                        if (known && got != promised)
                            found.push_back("màn hình hứa " + std::to_string(promised.size()) + " mã QR, đọc được " + std::to_string(got.size()) + " mã đúng địa chỉ");
                    }
                    if (found.empty()) continue;
                    ++failing;
                    problems += found.size();
                    const std::string where = name + " · " + std::to_string(w) + "x" + std::to_string(h) + " · " + sizeName(ts) + " · " + kiosk::langCode(lang);
                    for (const std::string& f : found) std::cout << where << ": " << f << "\n";
                    if (!o.outDir.empty()) {
                        std::string file = name + "_" + std::to_string(w) + "x" + std::to_string(h) + "_" + kiosk::textSizeName(ts) + "_" + kiosk::langCode(lang) + ".png";
                        std::replace(file.begin(), file.end(), ':', '_');
                        drivers::writePng(std::filesystem::path(o.outDir) / file, image, error);
                    }
                }
            }
        }
    }
    std::cout << "Đã kiểm tra " << screens.size() << " màn hình, " << views << " lần hiển thị: "
              << (problems == 0 ? std::string("không có lỗi bố cục") : std::to_string(problems) + " lỗi trên " + std::to_string(failing) + " lần hiển thị") << "\n";
    return problems == 0 ? 0 : 1;
}

} // namespace app
