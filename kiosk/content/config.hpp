// The kiosk's configuration: bundled defaults (assets/kiosk.toml) overlaid by the deployment's file.
#pragma once
#include "kiosk/common/toml_util.hpp"
#include "kiosk/common/types.hpp"
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Link {
    std::string key;
    std::string url;
    LocalText label;   // where the code leads, shown under it
};

struct Handoff {
    std::string key;
    LocalText title;
    std::vector<std::string> links;   // keys of Config::links, in display order
};

// [devices]: the hardware plugged into this kiosk. An empty path means "none".
struct DevicesConfig {
    // Code readers for assisted sessions (drivers/readers/code_readers.hpp builds them).
    std::string camera = "/dev/video0";   // V4L2 camera that reads the ID card's QR code
    std::string scanner;                   // keyboard-wedge scanner: evdev path (/dev/input/by-id/...)
    std::string serialScanner;             // serial / USB-CDC scanner: /dev/ttyACM0, /dev/ttyUSB0
    int serialBaud = 9600;                 // one of kSerialBauds
    // Receipt printer (drivers/print/escpos_printer.hpp): "" = none, "/dev/usb/lp0", "/dev/ttyUSB0@9600",
    // "tcp:192.168.1.50:9100", or "file:/path" (the fake: ESC/POS bytes appended to a file).
    std::string printer;
    int printerWidthDots = 576;            // 80 mm paper at 203 dpi; 58 mm paper: 384
};

inline constexpr int kSerialBauds[] = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400};

// [targets]: the year's targets from the commune's plan, as shares of a denominator the commune
// enters (0 = not entered yet: reports then show counts without a percentage).
struct IndicatorTarget {
    std::string code;        // indicator code (assets/services.toml)
    double percent = 0;      // target share of the denominator, 0–100
    std::string of;          // "adult_population" | "households" | "population"
};

struct TargetsConfig {
    int year = 2026;
    int64_t adultPopulation = 0;   // residents aged 18 and over
    int64_t households = 0;
    int64_t population = 0;
    std::vector<IndicatorTarget> indicators;
    int64_t denominator(std::string_view of) const;
};

// [upload]: the nightly upload to the commune's collector (kiosk upload, kiosk/sync/uploader.hpp).
// The Vietnamese voices a deployment may choose (`[narration] voice`): Northern (default),
// Central, Southern.
const std::vector<std::string>& vietnameseVoices();
bool isVietnameseVoice(std::string_view voice);

struct UploadConfig {
    std::string url;                 // "" = not configured; https://, or http:// to 127.0.0.0/8 or [::1] only
    std::string tokenFile;           // "" = <data folder>/upload.token; readable by the kiosk's user only
    std::string caFile;              // extra trusted CA certificate (PEM); "" = the system's
    int hour = 2;                    // the nightly run's hour, local time (the systemd timer reads it)
    int batchSize = 1000;            // records per request (and at most kMaxBatchBytes of JSON)
    int retries = 5;                 // further attempts of a batch after a network failure
    int backoffMs = 2000;            // first wait before a retry; doubles each time
    int timeoutSeconds = 60;         // one request
};

struct Config {
    std::string commune;
    std::string province;             // province profile: picks province-only lessons
    std::vector<std::string> villages;   // [deployment] villages: the choices on the session checklist
    int staffIdleSeconds = 300;       // [staff] idle_sign_out_seconds: staff mode closes itself
    int idleTimeoutSeconds = 90;
    int idleCountdownSeconds = 10;
    int thanksSeconds = 20;
    int attractSlideSeconds = 6;
    std::string narrationVoice = "vi";   // espeak-ng voice: "vi" (Northern), "vi-vn-x-central", "vi-vn-x-south"
    bool narrationAutoRead = false;      // read each step aloud as it opens
    InputMethod inputMethod = InputMethod::Telex;   // [input] method: the on-screen keyboard's typing
    ToneStyle inputToneStyle = ToneStyle::Old;      // [input] tone_style: "hòa" (old) or "hoà" (new)
    std::vector<Link> links;
    std::vector<Handoff> handoffs;
    std::vector<std::string> catalogueHandoffs;   // shown beside the catalogue, in this order
    DevicesConfig devices;
    TargetsConfig targets;
    UploadConfig upload;

    const Link* link(std::string_view key) const;
    const Handoff* handoff(std::string_view key) const;
};

struct ConfigLoad {
    Config config;
    std::vector<Problem> problems;   // each names the file, the line and the key
};

// Reads `defaults`, then overlays `overlay` when given. A wrong value is reported and its default
// kept, so the kiosk always starts.
ConfigLoad loadConfig(const std::filesystem::path& defaults, const std::optional<std::filesystem::path>& overlay);

} // namespace kiosk
