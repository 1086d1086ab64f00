// The loudspeaker through SDL audio (queue mode: no callback thread of ours). Opened on the first
// play, so the kiosk starts without waiting for the sound server.
#pragma once
#include "kiosk/output/narration.hpp"
#include <cstdint>
#include <mutex>
#include <string>

namespace drivers {

class SdlSpeaker final : public kiosk::Speaker {
public:
    SdlSpeaker() = default;
    ~SdlSpeaker() override;
    SdlSpeaker(const SdlSpeaker&) = delete;
    SdlSpeaker& operator=(const SdlSpeaker&) = delete;

    // False with a Vietnamese message (and SDL's English cause) when there is no audio device.
    bool play(const kiosk::Audio& a, std::string& error) override;
    void stop() override;
    bool playing() const override;   // audio still queued for the device

private:
    bool open(int sampleRate, int channels, std::string& error);
    void close();

    mutable std::mutex m_mutex;   // play() runs on the narrator's worker, playing() on the UI thread
    bool m_subsystem = false;     // we hold a reference on SDL's audio subsystem
    uint32_t m_device = 0;        // SDL_AudioDeviceID; 0 = none open
    int m_sampleRate = 0;
    int m_channels = 0;
};

} // namespace drivers
