// `kiosk id parse|scan`: the technician's check of a chip ID card's QR code, from its text or from a
// picture, printed as one JSON object. Nothing is stored and nothing is logged.
#include "app/commands.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "kiosk/identity/cccd.hpp"
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

namespace app {

namespace {

// Distinct statuses so a technician's script can tell the cases apart (README, "kiosk id").
enum IdExit : int {
    kIdOk = 0,
    kIdUnreadableFile = 1,
    kIdNoCode = 3,
    kIdNotIdCard = 4,
    kIdTorn = 5,
    kIdInconsistent = 6,
};

int exitFor(kiosk::CccdError e)
{
    switch (e) {
    case kiosk::CccdError::NotIdCard: return kIdNotIdCard;
    case kiosk::CccdError::Torn: return kIdTorn;
    case kiosk::CccdError::Inconsistent: return kIdInconsistent;
    }
    return kIdNotIdCard;
}

// How close a refused payload came to being a card: with several codes in one picture, the
// message about the most card-like one is the useful one.
int closeness(kiosk::CccdError e)
{
    switch (e) {
    case kiosk::CccdError::NotIdCard: return 0;
    case kiosk::CccdError::Torn: return 1;
    case kiosk::CccdError::Inconsistent: return 2;
    }
    return 0;
}

int report(const kiosk::CccdParse& r)
{
    if (!r.ok()) {
        std::cerr << r.message << "\n";
        return exitFor(r.error);
    }
    for (const std::string& w : r.warnings) std::cerr << "Cảnh báo: " << w << "\n";
    std::cout << kiosk::toJson(*r.citizen) << "\n";
    return kIdOk;
}

int parseCommand(const std::string& text)
{
    // "-" reads one line from standard input: a keyboard-wedge scanner types into the terminal, and
    // the card's content stays out of the shell history and the process list.
    std::string payload = text;
    if (text == "-") {
        payload.clear();
        std::getline(std::cin, payload);
    }
    return report(kiosk::parseCccd(payload));
}

int scanCommand(const std::string& image)
{
    std::vector<std::string> codes;
    std::string error;
    if (!drivers::decodeQrFile(image, codes, error)) {
        std::cerr << error << "\n";
        return kIdUnreadableFile;
    }
    if (codes.empty()) {
        std::cerr << "Không tìm thấy mã QR nào trong ảnh " << image
                  << ". Xin chụp lại: cả mã QR ở mặt sau thẻ nằm trọn trong ảnh, đủ sáng, không lóa, không rung.\n";
        return kIdNoCode;
    }
    // A photo may hold other codes too (a poster, a payment sticker): the card's wins.
    std::optional<kiosk::CccdParse> best;
    for (const std::string& code : codes) {
        kiosk::CccdParse r = kiosk::parseCccd(code);
        if (r.ok()) return report(r);
        if (!best || closeness(r.error) > closeness(best->error)) best = std::move(r);
    }
    return report(*best);
}

} // namespace

void addIdCommands(CLI::App& cli, const GlobalOptions&, CommandSet& set)
{
    auto text = std::make_shared<std::string>();
    auto image = std::make_shared<std::string>();
    auto* id = cli.add_subcommand("id", "đọc mã QR trên thẻ căn cước / read a chip ID card's QR code");
    id->require_subcommand(1);
    auto* parse = id->add_subcommand("parse", "kiểm tra nội dung mã QR / check a QR payload's text (- reads standard input)");
    parse->add_option("TEXT", *text, "nội dung mã QR, hoặc - / the payload, or - for one line of standard input")->required();
    auto* scan = id->add_subcommand("scan", "đọc mã QR từ ảnh PNG hoặc JPEG / read the QR code from a PNG or JPEG picture");
    scan->add_option("IMAGE", *image, "tệp ảnh / picture file")->required();
    set.add(parse, [text] { return parseCommand(*text); });
    set.add(scan, [image] { return scanCommand(*image); });
}

} // namespace app
