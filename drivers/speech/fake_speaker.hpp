// A speaker for tests and the demo mode: keeps every Audio it is asked to play, plays nothing.
#pragma once
#include "kiosk/output/narration.hpp"
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace drivers {

class FakeSpeaker final : public kiosk::Speaker {
public:
    bool play(const kiosk::Audio& a, std::string& error) override;
    void stop() override;
    // True from a successful play() until stop() or finish(): a test decides when sound "ends".
    bool playing() const override;

    void finish();                                // the current audio has played to its end
    void failWith(std::string error);             // every later play() fails with this; "" = works again
    std::vector<kiosk::Audio> played() const;     // every audio played, in order
    int stops() const;
    // Waits until at least `count` audios were played; false on timeout.
    bool waitForPlays(size_t count, std::chrono::milliseconds timeout) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_played;
    std::vector<kiosk::Audio> m_audios;
    std::string m_failure;
    bool m_playing = false;
    int m_stops = 0;
};

} // namespace drivers
