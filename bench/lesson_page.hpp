// The same lesson screen as a static, offline HTML page: what a buyer would put in Chromium's
// kiosk mode instead. Same texts (from the assets), same layout idea, same fonts (Debian's Noto
// Sans files, by path), same colours. A few lines of script report the page's paint timing to
// the bench on 127.0.0.1.
#pragma once
#include "kiosk/content/runtime.hpp"
#include <string>

namespace bench {

// `step` from 1. `beaconPort` 0 = no report.
std::string lessonPageHtml(const kiosk::Runtime& rt, const std::string& lessonId, int step, int beaconPort);

} // namespace bench
