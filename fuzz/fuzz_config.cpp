// libFuzzer target for the configuration loader: any bytes as a deployment's kiosk.toml overlaid on
// the defaults (fuzz/config_defaults.toml: every section of assets/kiosk.toml, compact). Never a
// crash, and the kiosk always gets a configuration it can run with: every value in its documented
// range, every hand-off's links known, upload only to an allowed URL; a file that does not parse
// leaves the defaults untouched.
#include "fuzz/fuzz_support.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <algorithm>

namespace {

struct Setup {
    // A compact copy of the bundled defaults (see the file's header for why not the real one).
    std::filesystem::path defaults = KIOSK_FUZZ_DIR "/config_defaults.toml";
    std::filesystem::path overlay;
    kiosk::Config base;   // the defaults alone
    fuzz::ScratchCleanup cleanup;
};

Setup* g = nullptr;

bool in(int v, int lo, int hi) { return v >= lo && v <= hi; }

bool pathOrNone(const std::string& p) { return p.empty() || p.front() == '/'; }

void checkRanges(const kiosk::Config& c)
{
    using fuzz::require;
    require(in(c.staffIdleSeconds, 30, 3600) && in(c.idleTimeoutSeconds, 10, 3600) && in(c.idleCountdownSeconds, 3, 120) &&
                in(c.thanksSeconds, 3, 600) && in(c.attractSlideSeconds, 2, 120),
            "a time outside its range");
    require(kiosk::isVietnameseVoice(c.narrationVoice), "narration voice");
    for (const kiosk::Link& l : c.links) require(l.url.rfind("https://", 0) == 0 && l.url.size() > 8, "a link that is not https://");
    for (const kiosk::Handoff& h : c.handoffs) {
        require(!h.links.empty(), "a hand-off without links");
        for (const std::string& k : h.links) require(c.link(k) != nullptr, "a hand-off names an unknown link");
    }
    for (const std::string& k : c.catalogueHandoffs) require(c.handoff(k) != nullptr, "the catalogue names an unknown hand-off");

    const kiosk::DevicesConfig& d = c.devices;
    require(pathOrNone(d.camera) && pathOrNone(d.scanner) && pathOrNone(d.serialScanner), "a device path that is not absolute");
    require(std::find(std::begin(kiosk::kSerialBauds), std::end(kiosk::kSerialBauds), d.serialBaud) != std::end(kiosk::kSerialBauds),
            "serial baud");
    require(in(d.printerWidthDots, 256, 1280) && d.printerWidthDots % 8 == 0, "printer width");

    const kiosk::TargetsConfig& t = c.targets;
    require(in(t.year, 2000, 2199), "targets year");
    for (int64_t v : {t.adultPopulation, t.households, t.population}) require(v >= 0 && v <= 1'000'000'000, "a denominator out of range");
    for (const kiosk::IndicatorTarget& i : t.indicators) {
        require(kiosk::validServiceCode(i.code), "target code");
        require(i.percent > 0 && i.percent <= 100, "target percent");
        require(i.of == "adult_population" || i.of == "households" || i.of == "population", "target denominator");
    }

    const kiosk::UploadConfig& u = c.upload;
    std::string error;
    require(u.url.empty() || kiosk::checkUploadUrl(u.url, error), "an upload URL the kiosk must refuse");
    require(pathOrNone(u.tokenFile) && pathOrNone(u.caFile), "an upload file that is not absolute");
    require(in(u.hour, 0, 23) && in(u.batchSize, 1, 5000) && in(u.retries, 0, 20) && in(u.backoffMs, 0, 600000) &&
                in(u.timeoutSeconds, 1, 3600),
            "an upload setting out of range");
}

bool parses(std::string_view text)
{
    try {
        (void)toml::parse(text);
        return true;
    } catch (const toml::parse_error&) {
        return false;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g = new Setup;
    g->cleanup.dir = fuzz::scratchDir("config");
    g->overlay = g->cleanup.dir / "kiosk.toml";
    kiosk::ConfigLoad c = kiosk::loadConfig(g->defaults, std::nullopt);
    fuzz::require(c.problems.empty(), "the bundled kiosk.toml has problems");
    checkRanges(c.config);
    g->base = std::move(c.config);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    fuzz::writeFile(g->overlay, text);
    const kiosk::ConfigLoad load = kiosk::loadConfig(g->defaults, g->overlay);
    const kiosk::Config& c = load.config;
    checkRanges(c);

    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const kiosk::Problem& p : load.problems) {
        // The defaults have none of their own (checked once), but an overlay can break a default
        // (replace a link a default hand-off uses): that problem is named where the default is.
        fuzz::require(p.file == g->overlay.string() || p.file == g->defaults.string(), "a problem names another file");
        fuzz::require(!p.message.empty() && p.line >= 0, "a problem without a message");
        if (p.file == g->overlay.string()) {
            if (p.line > lines + 1) std::fprintf(stderr, "%s (the file has %d lines)\n", p.str().c_str(), lines);
            fuzz::require(p.line <= lines + 1, "a problem named past the overlay's last line");
        }
    }
    if (!parses(text)) {
        // A file that does not parse is reported once and changes nothing.
        fuzz::require(load.problems.size() == 1, "an unreadable file should be one problem");
        fuzz::require(c.commune == g->base.commune && c.idleTimeoutSeconds == g->base.idleTimeoutSeconds &&
                          c.links.size() == g->base.links.size() && c.handoffs.size() == g->base.handoffs.size() &&
                          c.upload.url == g->base.upload.url && c.devices.camera == g->base.devices.camera,
                      "an unreadable file changed the configuration");
    }
    return 0;
}
