// The lesson page for Chromium (see lesson_page.hpp).
#include "bench/lesson_page.hpp"
#include <sstream>

namespace bench {

namespace {

std::string esc(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

const char* kStyle = R"css(
@font-face { font-family: Kiosk; src: url("file:///usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"); font-weight: 400; }
@font-face { font-family: Kiosk; src: url("file:///usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"); font-weight: 700; }
html, body { margin: 0; height: 100%; overflow: hidden; cursor: none; user-select: none; }
body { font-family: Kiosk, "DejaVu Sans", sans-serif; background: #F3F6FA; color: #16212E; }
.top { height: 112px; background: #0B5CAD; color: #fff; display: flex; align-items: center; padding: 0 48px; }
.mark { width: 60px; height: 60px; background: #fff; color: #0B5CAD; border-radius: 12px; display: flex; align-items: center;
        justify-content: center; font-size: 32px; margin-right: 20px; }
.name { font-weight: 700; font-size: 24px; } .place { font-size: 18px; opacity: .85; }
.tb { margin-left: auto; display: flex; gap: 20px; }
.tb div { border: 2px solid #9DBCE0; border-radius: 12px; padding: 0 40px; height: 72px; display: flex; align-items: center;
          font-weight: 700; font-size: 24px; background: #2A70B6; }
.head { display: flex; justify-content: space-between; padding: 36px 64px 0; font-size: 30px; font-weight: 700; }
.step { color: #0B5CAD; }
.dots { display: flex; justify-content: flex-end; gap: 8px; padding: 14px 64px 0; }
.dots span { width: 40px; height: 12px; border-radius: 6px; background: #C3CCD6; } .dots span.on { background: #0B5CAD; }
.main { display: flex; padding: 24px 64px 0; gap: 96px; height: 655px; }
.card { flex: 1; background: #fff; border: 2px solid #D5DEE8; border-radius: 24px; padding: 40px 48px; }
.card h2 { margin: 0 0 24px; font-size: 42px; } .card p { font-size: 30px; line-height: 1.35; margin: 0; }
.phone { width: 320px; height: 660px; border: 16px solid #222B36; border-radius: 56px; background: #fff; box-sizing: border-box;
         margin-right: 70px; overflow: hidden; }
.bar { background: #0B5CAD; color: #fff; text-align: center; font-weight: 700; font-size: 24px; padding: 22px 0; margin-top: 36px; }
.item { margin: 20px 20px 0; background: #F3F6FA; border-radius: 12px; padding: 18px; text-align: center; font-size: 18px; }
.item.tap { border: 4px solid #E8A317; font-weight: 700; font-size: 26px; }
.buttons { display: flex; justify-content: space-between; padding: 32px 64px; }
.buttons div { height: 110px; border-radius: 14px; display: flex; align-items: center; justify-content: center; font-size: 26px;
               font-weight: 700; }
.back { width: 380px; border: 3px solid #0B5CAD; color: #0B5CAD; background: #fff; }
.listen { width: 340px; background: #E6EDF5; } .next { width: 440px; background: #0B5CAD; color: #fff; }
)css";

} // namespace

std::string lessonPageHtml(const kiosk::Runtime& rt, const std::string& lessonId, int step, int beaconPort)
{
    const kiosk::Lesson* lesson = rt.catalogue.find(lessonId);
    if (!lesson || step < 1 || step > int(lesson->steps.size())) return {};
    const kiosk::Step& s = lesson->steps[size_t(step - 1)];
    const auto vi = kiosk::Lang::Vi;
    std::ostringstream h;
    h << "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" << esc(lesson->title.vi) << "</title><style>" << kStyle
      << "</style></head><body>\n<div class=\"top\"><div class=\"mark\">✓</div><div><div class=\"name\">" << esc(rt.strings.get("app_name", vi))
      << "</div><div class=\"place\">" << esc(rt.strings.format("top_place", vi, {rt.config.commune})) << "</div></div><div class=\"tb\"><div>"
      << esc(rt.strings.get("access_button", vi)) << "</div><div>" << esc(rt.strings.get("top_language", kiosk::Lang::En)) << "</div><div>"
      << esc(rt.strings.get("top_home", vi)) << "</div></div></div>\n<div class=\"head\"><div>" << esc(lesson->title.vi)
      << "</div><div class=\"step\">"
      << esc(rt.strings.format("lesson_step_of", vi, {std::to_string(step), std::to_string(lesson->steps.size())})) << "</div></div>\n<div class=\"dots\">";
    for (size_t i = 0; i < lesson->steps.size(); ++i) h << "<span" << (int(i) < step ? " class=\"on\"" : "") << "></span>";
    h << "</div>\n<div class=\"main\"><div class=\"card\"><h2>" << esc(s.title.vi) << "</h2><p>" << esc(s.text.vi)
      << "</p></div><div class=\"phone\"><div class=\"bar\">" << esc(s.screen.app) << "</div>";
    for (size_t i = 0; i < s.screen.items.size(); ++i)
        h << "<div class=\"item" << (int(i) + 1 == s.screen.tap ? " tap" : "") << "\">" << esc(s.screen.items[i].vi) << "</div>";
    h << "</div></div>\n<div class=\"buttons\"><div class=\"back\">" << esc(rt.strings.get("lesson_back", vi)) << "</div><div class=\"listen\">▶ "
      << esc(rt.strings.get("lesson_listen", vi)) << "</div><div class=\"next\">" << esc(rt.strings.get("lesson_next", vi)) << "</div></div>\n";
    if (beaconPort > 0) {
        // First contentful paint, as an absolute time (ms since the epoch) for the bench to set
        // against the moment it started the browser.
        h << "<script>new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {"
             " if (e.name !== 'first-contentful-paint') return;"
             " new Image().src = 'http://127.0.0.1:" << beaconPort << "/paint?at=' + (performance.timeOrigin + e.startTime) +"
             " '&fcp=' + e.startTime; }); }).observe({type: 'paint', buffered: true});</script>\n";
    }
    h << "</body></html>\n";
    return h.str();
}

} // namespace bench
