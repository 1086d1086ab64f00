// SDL audio output: one device opened at the audio's own rate and channel count, fed by SDL_QueueAudio.
#include "drivers/speech/sdl_speaker.hpp"
#include <SDL.h>

namespace drivers {

SdlSpeaker::~SdlSpeaker()
{
    std::lock_guard lock(m_mutex);
    close();
    if (m_subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlSpeaker::close()
{
    if (m_device != 0) SDL_CloseAudioDevice(m_device);
    m_device = 0;
    m_sampleRate = 0;
    m_channels = 0;
}

bool SdlSpeaker::open(int sampleRate, int channels, std::string& error)
{
    if (m_device != 0 && m_sampleRate == sampleRate && m_channels == channels) return true;
    close();
    if (!m_subsystem) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            error = std::string("không mở được âm thanh (không có loa?): ") + SDL_GetError();
            return false;
        }
        m_subsystem = true;
    }
    SDL_AudioSpec want{};
    want.freq = sampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = static_cast<Uint8>(channels);
    want.samples = 2048;   // ~90 ms at 22 050 Hz: stop() is heard promptly
    want.callback = nullptr;
    SDL_AudioSpec have{};
    // No allowed changes: SDL converts to whatever the device really takes.
    SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device == 0) {
        error = std::string("không mở được loa: ") + SDL_GetError();
        return false;
    }
    m_device = device;
    m_sampleRate = sampleRate;
    m_channels = channels;
    return true;
}

bool SdlSpeaker::play(const kiosk::Audio& a, std::string& error)
{
    if (a.channels != 1 && a.channels != 2) {
        error = "loa chỉ phát âm thanh đơn kênh hoặc hai kênh";
        return false;
    }
    std::lock_guard lock(m_mutex);
    if (!open(a.sampleRate, a.channels, error)) return false;
    SDL_ClearQueuedAudio(m_device);
    if (a.samples.empty()) return true;
    if (SDL_QueueAudio(m_device, a.samples.data(), static_cast<Uint32>(a.samples.size() * sizeof(int16_t))) != 0) {
        error = std::string("không phát được âm thanh: ") + SDL_GetError();
        return false;
    }
    SDL_PauseAudioDevice(m_device, 0);
    return true;
}

void SdlSpeaker::stop()
{
    std::lock_guard lock(m_mutex);
    if (m_device == 0) return;
    SDL_PauseAudioDevice(m_device, 1);
    SDL_ClearQueuedAudio(m_device);
}

bool SdlSpeaker::playing() const
{
    std::lock_guard lock(m_mutex);
    return m_device != 0 && SDL_GetQueuedAudioSize(m_device) > 0;
}

} // namespace drivers
