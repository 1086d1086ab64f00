// ESC/POS receipt printers: the slip as a raster image (GS v 0), then a cut. Sent to a USB
// printer (/dev/usb/lp0), a serial one (/dev/ttyUSB0, optionally "@19200" for its speed) or a
// network one ("tcp:192.168.1.50:9100"). The fake writes the same bytes to a file.
#pragma once
#include "drivers/display/png_image.hpp"
#include "drivers/print/receipt_raster.hpp"
#include "kiosk/ports/printer.hpp"
#include <memory>
#include <string>

namespace drivers {

// ESC @, the image as GS v 0 bands (1 bit per dot, black = 1), feed and partial cut (GS V 66 0).
// `image` is one channel, its width a multiple of 8; dots darker than 128 print.
std::string encodeEscPosRaster(const Image& image);

// Where the bytes go. Parsed from the `[devices] printer` setting.
struct PrinterTarget {
    enum class Kind { Device, Tcp };
    Kind kind = Kind::Device;
    std::string path;       // Device
    int baud = 9600;        // Device, when it is a serial port
    std::string host;       // Tcp
    int port = 9100;        // Tcp
    // "/dev/usb/lp0", "/dev/ttyUSB0@19200", "tcp:HOST", "tcp:HOST:PORT". False with a message.
    static bool parse(const std::string& spec, PrinterTarget& out, std::string& error);
    std::string describe() const;
};

// Sends `bytes` to the target, with timeouts (a printer out of paper must not hang the caller
// for ever). False with a Vietnamese message that says what to check.
bool sendToPrinter(const PrinterTarget& target, const std::string& bytes, std::string& error);

class EscPosPrinter final : public kiosk::Printer {
public:
    EscPosPrinter(PrinterTarget target, int widthDots) : m_target(std::move(target)), m_width(widthDots) {}
    bool print(const kiosk::Receipt& receipt, std::string& error) override;
    bool check(std::string& error) override;
    std::string describe() const override { return m_target.describe(); }

private:
    PrinterTarget m_target;
    int m_width;
    ReceiptRenderer m_renderer;
    bool m_loaded = false;
};

// Appends each receipt's ESC/POS stream to a file: tests, the demo mode, and previewing a slip
// without paper (configure `printer = "file:/tmp/slips.bin"`).
class FakePrinter final : public kiosk::Printer {
public:
    FakePrinter(std::string file, int widthDots) : m_file(std::move(file)), m_width(widthDots) {}
    bool print(const kiosk::Receipt& receipt, std::string& error) override;
    bool check(std::string& error) override;
    std::string describe() const override { return "máy in giả (tệp " + m_file + ")"; }
    int printed() const { return m_printed; }

private:
    std::string m_file;
    int m_width;
    ReceiptRenderer m_renderer;
    bool m_loaded = false;
    int m_printed = 0;
};

// The printer the configuration names: "" = none (nullptr), "file:PATH" = FakePrinter, anything
// else EscPosPrinter. A spec that cannot be parsed gives nullptr and `error`.
std::unique_ptr<kiosk::Printer> openPrinter(const std::string& spec, int widthDots, std::string& error);

} // namespace drivers
