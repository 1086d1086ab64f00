// `kiosk upload [--url URL] [--token TOKEN]`: sends what the commune's collector has not yet
// acknowledged (the nightly timer runs this), then says in Vietnamese what was sent and what waits.
#include "app/commands.hpp"
#include "drivers/net/curl_transport.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/sync/uploader.hpp"
#include <CLI/CLI.hpp>
#include <sys/stat.h>
#include <fstream>
#include <iostream>
#include <memory>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0"
#endif

namespace app {

namespace {

// The token file must be readable by the kiosk's user only: it is the kiosk's key to the
// commune's server. Exit status 2 (a setting to fix) with a message when it is not usable.
bool readToken(const std::filesystem::path& file, std::string& token, std::string& error)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        error = "Chưa có tệp mã truy cập " + file.string() + ". Xin chép dòng cuối mà lệnh `kiosk-collector kiosk add` in ra trên máy chủ xã "
                "vào tệp này rồi chạy chmod 600 " + file.string() + " (hoặc đặt upload.token_file trong tệp cấu hình).";
        return false;
    }
    if (st.st_mode & 077) {
        error = "Tệp mã truy cập " + file.string() + " đang để người dùng khác đọc được, nên ki-ốt không dùng nó. Xin chạy: chmod 600 " +
                file.string();
        return false;
    }
    std::ifstream in(file);
    if (!in || !std::getline(in, token)) {
        error = "Không đọc được tệp mã truy cập " + file.string() + " (trống, hoặc không có quyền đọc).";
        return false;
    }
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t')) token.pop_back();
    return true;
}

// The configured [upload] settings, this build's version and the data folder (no URL override, no token).
kiosk::UploadOptions configuredUpload(const GlobalOptions& g, const kiosk::UploadConfig& c)
{
    kiosk::UploadOptions o;
    o.url = c.url;
    o.caFile = c.caFile;
    o.batchSize = c.batchSize;
    o.retries = c.retries;
    o.backoffMs = c.backoffMs;
    o.timeoutSeconds = c.timeoutSeconds;
    o.version = KIOSK_VERSION;
    o.dataDir = g.dataDir;
    return o;
}

// Where the bearer token is read from: [upload] token_file, else upload.token in the data folder.
std::filesystem::path tokenFile(const GlobalOptions& g, const kiosk::UploadConfig& c)
{
    return c.tokenFile.empty() ? std::filesystem::path(g.dataDir) / "upload.token" : std::filesystem::path(c.tokenFile);
}

int uploadCommand(const GlobalOptions& g, const std::string& url, const std::string& token)
{
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions());
    // Only the configuration's problems concern an upload (a broken lesson does not).
    for (const kiosk::Problem& p : rt.problems)
        if (p.file == g.configFile || std::filesystem::path(p.file).filename() == "kiosk.toml") std::cerr << "cảnh báo: " << p.str() << "\n";
    const kiosk::UploadConfig& c = rt.config.upload;

    kiosk::UploadOptions o = configuredUpload(g, c);
    if (!url.empty()) o.url = url;
    o.token = token;
    std::string error;
    if (o.token.empty()) {
        const std::filesystem::path file = tokenFile(g, c);
        // Without a URL there is nothing to send to: say that first.
        if (!o.url.empty() && !readToken(file, o.token, error)) {
            std::cerr << error << "\n";
            return 2;
        }
    }

    kiosk::SteadyClock clock;
    auto records = kiosk::Records::open(g.dataDir, clock, error);
    if (!records) {
        std::cerr << error << "\n";
        return 1;
    }
    drivers::CurlTransport transport;
    kiosk::Uploader uploader(*records->db, *records->vault, transport, clock);
    const kiosk::UploadResult r = uploader.run(o);
    if (r.ok) {
        std::cout << r.message << "\n";
        return 0;
    }
    std::cerr << r.message << "\n";
    return r.badSettings ? 2 : 1;
}

} // namespace

void addUploadCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    struct Options {
        std::string url, token;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = cli.add_subcommand("upload", "gửi dữ liệu về máy chủ xã / upload to the commune's collector");
    cmd->add_option("--url", o->url, "địa chỉ máy chủ xã / collector URL (default: [upload] url)");
    cmd->add_option("--token", o->token, "mã truy cập / bearer token (default: the token file; visible to other users in ps)");
    set.add(cmd, [&g, o] { return uploadCommand(g, o->url, o->token); });
}

bool uploadOptionsFromConfig(const GlobalOptions& g, const kiosk::Config& config, kiosk::UploadOptions& o, std::string& error)
{
    // The staff screen's "Tải lên ngay": the same settings as the nightly `kiosk upload`.
    const kiosk::UploadConfig& c = config.upload;
    o = configuredUpload(g, c);
    if (o.url.empty()) {
        error = "Ki-ốt chưa được cấu hình địa chỉ máy chủ của xã ([upload] url). Xin báo cán bộ kỹ thuật.";
        return false;
    }
    return readToken(tokenFile(g, c), o.token, error);
}

} // namespace app
