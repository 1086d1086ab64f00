// The kiosk's configuration: bundled defaults (assets/kiosk.toml) overlaid by the deployment's file.
#pragma once
#include "kiosk/toml_util.hpp"
#include "kiosk/types.hpp"
#include "kiosk/vietnamese_input.hpp"
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

// [upload]: the nightly upload to the commune's collector (kiosk upload, kiosk/uploader.hpp).
struct UploadConfig {
    std::string url;                 // "" = not configured; https://, or http:// to 127.0.0.0/8 or [::1] only
    std::string tokenFile;           // "" = <data folder>/upload.token; readable by the kiosk's user only
    std::string caFile;              // extra trusted CA certificate (PEM); "" = the system's
    int hour = 2;                    // the nightly run's hour, local time (the systemd timer reads it)
    int batchSize = 200;             // records per request
    int retries = 5;                 // further attempts of a batch after a network failure
    int backoffMs = 2000;            // first wait before a retry; doubles each time
    int timeoutSeconds = 60;         // one request
};

struct Config {
    std::string commune;
    std::string province;             // province profile: picks province-only lessons
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
