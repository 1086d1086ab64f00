// The fake code reader: thread-safe, as a test pushes from its own thread while the UI polls.
#include "drivers/readers/fake_code_reader.hpp"

namespace drivers {

FakeCodeReader::FakeCodeReader(std::string name) : m_name(std::move(name)) {}

bool FakeCodeReader::start(std::string& error)
{
    std::lock_guard lock(m_mutex);
    if (!m_startFailure.empty()) {
        error = m_startFailure;
        return false;
    }
    if (!m_started) ++m_starts;
    m_started = true;
    return true;
}

void FakeCodeReader::stop()
{
    std::lock_guard lock(m_mutex);
    if (m_started) ++m_stops;
    m_started = false;
}

std::optional<kiosk::CodeRead> FakeCodeReader::poll()
{
    std::lock_guard lock(m_mutex);
    if (!m_started || m_reads.empty()) return std::nullopt;
    kiosk::CodeRead r = std::move(m_reads.front());
    m_reads.pop_front();
    return r;
}

std::string FakeCodeReader::describe() const { return m_name; }

void FakeCodeReader::push(std::string payload)
{
    std::lock_guard lock(m_mutex);
    m_reads.push_back(kiosk::CodeRead{std::move(payload), {}});
}

void FakeCodeReader::pushError(std::string message)
{
    std::lock_guard lock(m_mutex);
    m_reads.push_back(kiosk::CodeRead{{}, std::move(message)});
}

void FakeCodeReader::failStartWith(std::string error)
{
    std::lock_guard lock(m_mutex);
    m_startFailure = std::move(error);
}

bool FakeCodeReader::started() const
{
    std::lock_guard lock(m_mutex);
    return m_started;
}

int FakeCodeReader::starts() const
{
    std::lock_guard lock(m_mutex);
    return m_starts;
}

int FakeCodeReader::stops() const
{
    std::lock_guard lock(m_mutex);
    return m_stops;
}

size_t FakeCodeReader::queued() const
{
    std::lock_guard lock(m_mutex);
    return m_reads.size();
}

} // namespace drivers
