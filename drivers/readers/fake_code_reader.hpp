// A code reader for tests and the demo mode: a test (or the demo's script) pushes payloads and
// device faults from any thread; start() can be made to fail like an unplugged device.
#pragma once
#include "kiosk/ports/code_reader.hpp"
#include <deque>
#include <mutex>
#include <string>

namespace drivers {

class FakeCodeReader final : public kiosk::CodeReader {
public:
    explicit FakeCodeReader(std::string name = "máy quét giả lập");

    bool start(std::string& error) override;   // fails with the failStartWith() message, if any
    void stop() override;
    // Reads come out only while started. Those pushed while stopped wait for the next start(),
    // like a card already held up when the scan screen opens.
    std::optional<kiosk::CodeRead> poll() override;
    std::string describe() const override;

    void push(std::string payload);
    void pushError(std::string message);
    void failStartWith(std::string error);   // every later start() fails with it; "" = works again

    bool started() const;
    int starts() const;   // successful start() calls
    int stops() const;
    size_t queued() const;

private:
    const std::string m_name;
    mutable std::mutex m_mutex;
    std::deque<kiosk::CodeRead> m_reads;
    std::string m_startFailure;
    bool m_started = false;
    int m_starts = 0;
    int m_stops = 0;
};

} // namespace drivers
