// What the camera and scanners share: the queue poll() drains, an eventfd that wakes a reading
// thread for stop(), open(2) errors in Vietnamese, and the scanners' line framing.
#pragma once
#include "kiosk/ports/code_reader.hpp"
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace drivers {

// A scanner payload longer than this without a terminator is not a code (an ID card's is ~110
// bytes): it is dropped with an error rather than held forever.
constexpr size_t kMaxPayloadBytes = 2048;

// Reads travel from a device thread to the UI thread; push() never blocks for long and pop()
// never waits (the UI polls once per frame).
class ReadQueue {
public:
    void push(kiosk::CodeRead read);
    void pushError(std::string error) { push(kiosk::CodeRead{{}, std::move(error)}); }
    std::optional<kiosk::CodeRead> pop();
    void clear();

private:
    std::mutex m_mutex;
    std::deque<kiosk::CodeRead> m_reads;
};

// An eventfd: raise() makes it readable, so a thread blocked in ::poll() on it and a device wakes.
class WakeFd {
public:
    WakeFd();
    ~WakeFd();
    WakeFd(const WakeFd&) = delete;
    WakeFd& operator=(const WakeFd&) = delete;
    int fd() const { return m_fd; }
    void raise();
    void reset();   // drains it, before a new start()

private:
    int m_fd = -1;
};

enum class Wait { Readable, Stop, Hangup, Timeout };

// Waits for `fd` to have input, or `wake` to be raised, up to `timeoutMs` (-1: forever).
// Hangup covers POLLERR/POLLHUP/POLLNVAL: for a USB device that is the cable being pulled.
Wait waitForInput(int fd, const WakeFd& wake, int timeoutMs);

// open(2) with the common failures turned into Vietnamese for the staff screen. `what` names the
// device the way staff know it ("máy quay", "máy quét mã"), `configKey` the key that chose it.
// Returns -1 with `error` set.
int openDevice(const std::string& path, int flags, const std::string& what, const std::string& configKey, std::string& error);

bool isCharDevice(int fd);

// A scanner's reading thread: reads `fd` into `buffer` and hands each chunk to `onBytes` until
// stop() raises `wake`. When the device goes away first (a read error such as ENODEV or EIO, a
// hang-up, the end of a FIFO or file) it queues the scanner's "unplugged" message for the staff
// screen, logs it under `description`, and returns; a payload still without its end goes with it.
void readScannerUntilGone(int fd, const WakeFd& wake, std::span<uint8_t> buffer, ReadQueue& queue, const std::string& path,
                          const std::string& description, const std::function<void(std::span<const uint8_t>)>& onBytes);

// Splits a scanner's byte stream into payloads ended by CR, LF or CRLF; bytes pass through intact
// (UTF-8 included). Empty lines are skipped, so CRLF makes one read. A payload growing past
// kMaxPayloadBytes gives one error read and is discarded up to its terminator, so its tail never
// turns into a read of its own. Pure: no device, no thread.
class LineFramer {
public:
    explicit LineFramer(std::string overflowMessage) : m_overflowMessage(std::move(overflowMessage)) {}
    std::vector<kiosk::CodeRead> feed(std::string_view bytes);
    void reset();
    void dropCurrent();   // the payload under way lost bytes: ignore it up to its terminator
    size_t pending() const { return m_line.size(); }   // bytes of a payload still waiting for its end

private:
    std::string m_overflowMessage;
    std::string m_line;
    bool m_discarding = false;
};

} // namespace drivers
