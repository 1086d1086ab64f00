// The fake speaker: thread-safe, as the narrator plays from its worker while a test reads.
#include "drivers/speech/fake_speaker.hpp"

namespace drivers {

bool FakeSpeaker::play(const kiosk::Audio& a, std::string& error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_failure.empty()) {
            error = m_failure;
            return false;
        }
        m_audios.push_back(a);
        m_playing = !a.samples.empty();
    }
    m_played.notify_all();
    return true;
}

void FakeSpeaker::stop()
{
    std::lock_guard lock(m_mutex);
    m_playing = false;
    ++m_stops;
}

bool FakeSpeaker::playing() const
{
    std::lock_guard lock(m_mutex);
    return m_playing;
}

void FakeSpeaker::finish()
{
    std::lock_guard lock(m_mutex);
    m_playing = false;
}

void FakeSpeaker::failWith(std::string error)
{
    std::lock_guard lock(m_mutex);
    m_failure = std::move(error);
}

std::vector<kiosk::Audio> FakeSpeaker::played() const
{
    std::lock_guard lock(m_mutex);
    return m_audios;
}

int FakeSpeaker::stops() const
{
    std::lock_guard lock(m_mutex);
    return m_stops;
}

bool FakeSpeaker::waitForPlays(size_t count, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_played.wait_for(lock, timeout, [&] { return m_audios.size() >= count; });
}

} // namespace drivers
