// What goes on a printed slip: after a finished lesson and after an assisted session. Pure: the
// caller prints the Receipt through the Printer port.
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/ports/printer.hpp"
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// The slip after a finished lesson: the steps learned, the next steps (the lesson's closing
// hand-off, the next lesson of its topic) and the hand-off's QR code.
Receipt lessonReceipt(const Lesson& lesson, const Catalogue& catalogue, const Config& config, Lang lang, int64_t unixSeconds);

// One service done in an assisted session. `result` mirrors the session store's outcome
// ("done", "partial", "referred"): the caller maps it, so this file needs no session store.
struct SlipService {
    enum class Result { Done, Partial, Referred };
    std::string label;                // the service's name as the checklist shows it
    Result result = Result::Done;
    std::string nextStep;             // what the citizen does next; empty = a default sentence
};

struct SessionSlip {
    int64_t startedAt = 0;            // unix seconds
    std::vector<SlipService> services;
    std::string qrUrl;                // where to carry on, e.g. the public-service portal
    std::string qrCaption;
};

// The slip after an assisted session. Never any personal data: the slip may be left behind.
Receipt sessionReceipt(const SessionSlip& session, const Config& config);

// "23/11/2026 10:15" in Vietnam's time (UTC+7 all year, no daylight saving).
std::string slipDateTime(int64_t unixSeconds);

} // namespace kiosk
