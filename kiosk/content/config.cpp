// Reading kiosk.toml: every value is checked; a bad one is named with its line and the default stays.
#include "kiosk/content/config.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include "kiosk/content/services.hpp"
#include <algorithm>

namespace kiosk {

const std::vector<std::string>& vietnameseVoices()
{
    static const std::vector<std::string> voices{"vi", "vi-vn-x-central", "vi-vn-x-south"};
    return voices;
}

bool isVietnameseVoice(std::string_view voice)
{
    const auto& v = vietnameseVoices();
    return std::find(v.begin(), v.end(), voice) != v.end();
}

const Link* Config::link(std::string_view key) const
{
    for (const Link& l : links)
        if (l.key == key) return &l;
    return nullptr;
}

const Handoff* Config::handoff(std::string_view key) const
{
    for (const Handoff& h : handoffs)
        if (h.key == key) return &h;
    return nullptr;
}

int64_t TargetsConfig::denominator(std::string_view of) const
{
    if (of == "adult_population") return adultPopulation;
    if (of == "households") return households;
    if (of == "population") return population;
    return 0;
}

namespace {

bool isHttpsUrl(const std::string& url)
{
    if (url.rfind("https://", 0) != 0 || url.size() <= 8) return false;
    for (char c : url)
        if (c <= ' ' || c == '"' || c == '<' || c == '>' || static_cast<unsigned char>(c) >= 0x7f) return false;
    return true;
}

void readInt(TomlReader& r, const toml::table& root, std::string_view section, std::string_view key, int lo, int hi, int& out)
{
    if (const toml::table* t = root[section].as_table())
        if (auto v = r.integer(*t, key, lo, hi)) out = static_cast<int>(*v);
}

void readBool(TomlReader& r, const toml::table& root, std::string_view section, std::string_view key, bool& out)
{
    const toml::table* t = root[section].as_table();
    const toml::node* n = t ? t->get(key) : nullptr;
    if (!n) return;
    if (const toml::value<bool>* v = n->as_boolean()) out = v->get();
    else r.problem(n, "khoá \"" + std::string(key) + "\" phải là true hoặc false");
}

// A device path: "" (none) or an absolute path; a wrong one is named and the default kept.
void readDevicePath(TomlReader& r, const toml::table& devices, std::string_view key, std::string_view example, std::string& out)
{
    const toml::node* n = devices.get(key);
    if (!n) return;
    if (!n->is_string()) {
        r.str(devices, key);   // reports "must be a string"
        return;
    }
    std::string path = r.str(devices, key);
    if (!path.empty() && path.front() != '/') {
        r.problem(n, "devices." + std::string(key) + " \"" + path + "\" phải là đường dẫn đầy đủ như " + std::string(example) +
                         ", hoặc \"\" khi không có thiết bị này");
        return;
    }
    out = std::move(path);
}

void readDevices(TomlReader& r, const toml::table& root, DevicesConfig& d)
{
    const toml::table* t = root["devices"].as_table();
    if (!t) return;
    readDevicePath(r, *t, "camera", "/dev/video0", d.camera);
    readDevicePath(r, *t, "scanner", "/dev/input/by-id/usb-…-event-kbd", d.scanner);
    readDevicePath(r, *t, "serial_scanner", "/dev/ttyACM0", d.serialScanner);
    if (const toml::node* n = t->get("serial_baud")) {
        const std::optional<int64_t> baud = tomlInteger(*n);
        const bool known = baud && std::find(std::begin(kSerialBauds), std::end(kSerialBauds), *baud) != std::end(kSerialBauds);
        if (known) d.serialBaud = static_cast<int>(*baud);
        else r.problem(n, "devices.serial_baud phải là một trong 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400 "
                          "(máy quét thường dùng 9600)");
    }
    if (const toml::node* n = t->get("printer")) {
        const std::string p = r.str(*t, "printer", false);
        if (n->is_string() && (p.empty() || p.front() == '/' || (p.rfind("tcp:", 0) == 0 && p.size() > 4) || (p.rfind("file:/", 0) == 0)))
            d.printer = p;
        else if (n->is_string())
            r.problem(n, "devices.printer \"" + p + "\" không hợp lệ: dùng \"/dev/usb/lp0\", \"/dev/ttyUSB0@9600\", "
                         "\"tcp:192.168.1.50:9100\", hoặc \"\" khi không có máy in");
    }
    if (const toml::node* n = t->get("printer_width_dots")) {
        if (auto v = r.integer(*t, "printer_width_dots", 256, 1280); v && *v % 8 == 0) d.printerWidthDots = static_cast<int>(*v);
        else if (v) r.problem(n, "devices.printer_width_dots phải chia hết cho 8 (576 cho giấy 80 mm, 384 cho giấy 58 mm)");
    }
}

// [input]: how the on-screen keyboard composes Vietnamese.
void readInput(TomlReader& r, const toml::table& root, Config& c)
{
    const toml::table* t = root["input"].as_table();
    if (!t) return;
    if (const toml::node* n = t->get("method")) {
        std::string v = r.str(*t, "method");
        if (n->is_string() && !parseInputMethod(v, c.inputMethod))
            r.problem(n, "input.method \"" + v + "\" phải là \"telex\" hoặc \"vni\"");
    }
    if (const toml::node* n = t->get("tone_style")) {
        std::string v = r.str(*t, "tone_style");
        if (n->is_string() && !parseToneStyle(v, c.inputToneStyle))
            r.problem(n, "input.tone_style \"" + v + "\" phải là \"old\" (hòa, thúy) hoặc \"new\" (hoà, thuý)");
    }
}

// [targets]: denominators, and each indicator's target as { percent, of }. A percent of 0 drops a
// default target (a deployment's file cannot delete a key, only change it).
void readTargets(TomlReader& r, const toml::table& root, TargetsConfig& t)
{
    const toml::table* s = root["targets"].as_table();
    if (!s) return;
    if (auto v = r.integer(*s, "year", 2000, 2199)) t.year = static_cast<int>(*v);
    const std::pair<const char*, int64_t*> denominators[] = {
        {"adult_population", &t.adultPopulation}, {"households", &t.households}, {"population", &t.population}};
    for (const auto& [key, out] : denominators)
        if (auto v = r.integer(*s, key, 0, 1'000'000'000)) *out = *v;
    const toml::node* list = s->get("indicators");
    if (!list) return;
    if (!list->is_table()) {
        r.problem(list, "targets.indicators phải là một bảng, ví dụ digital_signature = { percent = 35.4, of = \"adult_population\" }");
        return;
    }
    for (const auto& [key, node] : *list->as_table()) {
        const std::string code(key.str());
        const toml::table* e = node.as_table();
        if (!e || !validServiceCode(code)) {
            r.problem(&node, "targets.indicators." + code + " phải có mã chỉ tiêu hợp lệ và dạng { percent = 35.4, of = \"adult_population\" }");
            continue;
        }
        IndicatorTarget target;
        target.code = code;
        const toml::node* p = e->get("percent");
        const std::optional<double> percent = p ? p->value<double>() : std::nullopt;
        if (!percent || *percent < 0 || *percent > 100) {
            r.problem(p ? p : e, "targets.indicators." + code + ".percent phải là một số từ 0 đến 100");
            continue;
        }
        target.percent = *percent;
        target.of = r.str(*e, "of");
        if (target.of != "adult_population" && target.of != "households" && target.of != "population") {
            r.problem(e->get("of") ? e->get("of") : e,
                      "targets.indicators." + code + ".of phải là \"adult_population\", \"households\" hoặc \"population\"");
            continue;
        }
        if (target.percent > 0) t.indicators.push_back(std::move(target));
    }
}

// [upload]: a wrong URL is refused here already, so the nightly run cannot send in clear.
void readUpload(TomlReader& r, const toml::table& root, UploadConfig& u)
{
    const toml::table* t = root["upload"].as_table();
    if (!t) return;
    if (const toml::node* n = t->get("url"); n && n->is_string()) {
        std::string url = r.str(*t, "url"), error;
        if (url.empty() || checkUploadUrl(url, error)) u.url = url;
        else r.problem(n, "upload.url: " + error);
    } else if (n) {
        r.str(*t, "url");   // reports "must be a string"
    }
    for (auto [key, out] : {std::pair{"token_file", &u.tokenFile}, std::pair{"ca_file", &u.caFile}}) {
        const toml::node* n = t->get(key);
        if (!n) continue;
        std::string path = r.str(*t, key);
        if (!n->is_string()) continue;
        if (!path.empty() && path.front() != '/') r.problem(n, "upload." + std::string(key) + " phải là đường dẫn đầy đủ (bắt đầu bằng /), hoặc \"\"");
        else *out = path;
    }
    if (auto v = r.integer(*t, "hour", 0, 23)) u.hour = static_cast<int>(*v);
    if (auto v = r.integer(*t, "batch_size", 1, 5000)) u.batchSize = static_cast<int>(*v);
    if (auto v = r.integer(*t, "retries", 0, 20)) u.retries = static_cast<int>(*v);
    if (auto v = r.integer(*t, "backoff_ms", 0, 600000)) u.backoffMs = static_cast<int>(*v);
    if (auto v = r.integer(*t, "timeout_seconds", 1, 3600)) u.timeoutSeconds = static_cast<int>(*v);
}

} // namespace

ConfigLoad loadConfig(const std::filesystem::path& defaults, const std::optional<std::filesystem::path>& overlay)
{
    ConfigLoad out;
    std::vector<Problem>& problems = out.problems;
    TomlReader base(defaults.string(), problems);
    toml::table root;
    if (auto t = base.parseFile(defaults)) root = std::move(*t);
    std::string fileName = defaults.string();
    if (overlay) {
        TomlReader over(overlay->string(), problems);
        if (auto t = over.parseFile(*overlay)) {
            mergeTables(root, std::move(*t));
            fileName = overlay->string();
        }
    }
    // Values are read from the merged table; a node's source names the file it came from.
    TomlReader r(fileName, problems, true);
    Config& c = out.config;
    if (const toml::table* d = root["deployment"].as_table()) {
        c.commune = r.str(*d, "commune", false);
        c.province = r.str(*d, "province", false);
        if (d->get("villages")) c.villages = r.strings(*d, "villages");
    }
    readInt(r, root, "staff", "idle_sign_out_seconds", 30, 3600, c.staffIdleSeconds);
    readInt(r, root, "idle", "timeout_seconds", 10, 3600, c.idleTimeoutSeconds);
    readInt(r, root, "idle", "countdown_seconds", 3, 120, c.idleCountdownSeconds);
    readInt(r, root, "idle", "thanks_seconds", 3, 600, c.thanksSeconds);
    readInt(r, root, "display", "attract_slide_seconds", 2, 120, c.attractSlideSeconds);
    if (const toml::table* n = root["narration"].as_table()) {
        if (n->get("voice")) {
            std::string voice = r.str(*n, "voice");
            if (isVietnameseVoice(voice)) c.narrationVoice = voice;
            else if (n->get("voice")->is_string())
                r.problem(n->get("voice"), "narration.voice \"" + voice + "\" không phải giọng đọc tiếng Việt (vi, vi-vn-x-central, vi-vn-x-south)");
        }
    }
    readBool(r, root, "narration", "auto_read", c.narrationAutoRead);
    readInput(r, root, c);
    readDevices(r, root, c.devices);
    readTargets(r, root, c.targets);
    readUpload(r, root, c.upload);

    if (const toml::table* links = root["links"].as_table()) {
        for (const auto& [key, node] : *links) {
            const toml::table* t = node.as_table();
            if (!t) { r.problem(&node, "links." + std::string(key.str()) + " phải là một bảng"); continue; }
            Link l;
            l.key = std::string(key.str());
            l.url = r.str(*t, "url");
            l.label = r.text(*t, "label");
            if (!isHttpsUrl(l.url)) {
                r.problem(t->get("url") ? t->get("url") : t, "links." + l.key + ".url \"" + l.url + "\" không phải địa chỉ https:// hợp lệ");
                continue;
            }
            c.links.push_back(std::move(l));
        }
    }
    if (const toml::table* hs = root["handoffs"].as_table()) {
        for (const auto& [key, node] : *hs) {
            const toml::table* t = node.as_table();
            if (!t) { r.problem(&node, "handoffs." + std::string(key.str()) + " phải là một bảng"); continue; }
            Handoff h;
            h.key = std::string(key.str());
            h.title = r.text(*t, "title");
            for (std::string& lk : r.strings(*t, "links")) {
                if (c.link(lk)) h.links.push_back(std::move(lk));
                else r.problem(t->get("links"), "handoffs." + h.key + " nhắc tới liên kết \"" + lk + "\" không có trong [links]");
            }
            if (h.links.empty()) { r.problem(t, "handoffs." + h.key + " không có liên kết nào dùng được"); continue; }
            c.handoffs.push_back(std::move(h));
        }
    }
    if (const toml::table* d = root["display"].as_table(); d && d->get("catalogue_handoffs")) {
        for (std::string& k : r.strings(*d, "catalogue_handoffs")) {
            if (c.handoff(k)) c.catalogueHandoffs.push_back(std::move(k));
            else r.problem(d->get("catalogue_handoffs"), "display.catalogue_handoffs nhắc tới \"" + k + "\" không có trong [handoffs]");
        }
    } else {
        for (const Handoff& h : c.handoffs) c.catalogueHandoffs.push_back(h.key);
    }
    return out;
}

} // namespace kiosk
