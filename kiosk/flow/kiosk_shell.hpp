// The wiring between the two state machines and the kiosk's workers, once, for `kiosk run`, the
// headless UI harness and the long-run torture test: a frame's intents go to the citizen flow and
// the staff flow, time ticks both, and the effects they queue are carried out here — speak a step,
// print a slip, open staff mode, start an upload, leave for the desktop. Every part but the
// citizen flow is optional (a test wires what it needs); nothing here draws or touches SDL.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/flow/effects.hpp"
#include "kiosk/flow/slip_desk.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/output/narration.hpp"
#include "kiosk/sync/uploader.hpp"
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kiosk {

struct ShellParts {
    App& app;
    StaffFlow* staff = nullptr;
    ReaderPump* readers = nullptr;    // the code readers run only while a scan screen shows
    Narrator* narrator = nullptr;
    SlipDesk* slips = nullptr;
    PrintWorker* printer = nullptr;   // the one SlipDesk prints on (busy → the loop comes back)
    UploadWorker* uploads = nullptr;
    // The upload's settings at the moment staff ask for one; false with a Vietnamese message.
    std::function<bool(UploadOptions&, std::string& error)> uploadOptions;
    // The citizen flow's anonymous usage events (the usage log posts them off the frame thread).
    std::function<void(std::vector<UsageEvent>)> usage;
    // Sees every effect before it is carried out (tests, the long-run torture's tally).
    std::function<void(const Effect&)> observe;
};

class KioskShell {
public:
    explicit KioskShell(ShellParts parts);

    void touched();   // any touch: postpones both flows' idle timeouts
    // One frame's intents, the citizen's then staff's, and the effects they queue.
    void apply(const std::vector<Intent>& intents, const std::vector<StaffIntent>& staffIntents);
    // A turn of the loop without input: both flows' clocks, the code readers, a finished upload,
    // the printer's status; then the effects queued.
    void tick();
    // When tick() next has work (a worker's result is polled at most this late); INT64_MAX never.
    int64_t nextWakeMs(int64_t nowMs) const;
    bool exitRequested() const { return m_exit; }   // an admin left for the desktop
    uint64_t effectsHandled() const { return m_handled; }

private:
    void drain();
    void handle(const Effect& e);
    void stopNarrationOffLesson();

    ShellParts m_p;
    bool m_exit = false;
    uint64_t m_handled = 0;
    std::string m_lastNarrationError;
};

} // namespace kiosk
