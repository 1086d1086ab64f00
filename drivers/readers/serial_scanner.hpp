// A serial barcode scanner (USB-CDC /dev/ttyACM*, USB-serial /dev/ttyUSB*): raw 8N1, payloads ended
// by CR, LF or CRLF, UTF-8 intact, so an ID card's Vietnamese letters arrive whole.
#pragma once
#include "drivers/readers/reader_support.hpp"
#include "kiosk/ports/code_reader.hpp"
#include <optional>
#include <string>
#include <thread>

namespace drivers {

class SerialScanner final : public kiosk::CodeReader {
public:
    SerialScanner(std::string path, int baud = 9600);
    ~SerialScanner() override;
    SerialScanner(const SerialScanner&) = delete;
    SerialScanner& operator=(const SerialScanner&) = delete;

    // False with a Vietnamese message: no such port, busy, not a serial port, unsupported baud.
    bool start(std::string& error) override;
    void stop() override;
    std::optional<kiosk::CodeRead> poll() override;
    std::string describe() const override;

private:
    void readLoop();

    const std::string m_path;
    const int m_baud;
    int m_fd = -1;
    bool m_running = false;
    ReadQueue m_queue;
    WakeFd m_wake;
    std::thread m_thread;
};

} // namespace drivers
