// `kiosk-collector`: the commune office's server for the kiosks' nightly uploads, on the same core.
//   kiosk-collector [--data DIR] serve --listen HOST:PORT [--cert FILE --key FILE] [--max-body BYTES] [limits]
//   kiosk-collector [--data DIR] kiosk add --name NAME | kiosk list [--json]
//   kiosk-collector [--data DIR] report ... (collector/report_command.cpp)
//   kiosk-collector [--data DIR] officer add|list|disable ... (collector/officer_command.cpp)
#include "collector/collector_store.hpp"
#include "collector/commands.hpp"
#include "collector/http_server.hpp"
#include "collector/terminal_text.hpp"
#include "collector/upload_handler.hpp"
#include "kiosk/report/report_period.hpp"
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace {

std::filesystem::path defaultDataDir()
{
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "kiosk-collector";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/share/kiosk-collector";
    return "kiosk-collector-data";
}

// Vietnam's time (UTC+7), whatever the server's time zone.
std::string localTime(int64_t unixSeconds) { return unixSeconds <= 0 ? "chưa có" : kiosk::dmyTime(unixSeconds); }

std::string diskText(int64_t bytes)
{
    if (bytes < 0) return "không rõ";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return buf;
}

int kioskAdd(const std::filesystem::path& data, const std::string& name)
{
    std::string error;
    auto store = collector::CollectorStore::open(data, error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    auto token = store->addKiosk(name, error);
    if (!token) {
        std::cerr << error << "\n";
        return error.rfind("Đã có", 0) == 0 || error.rfind("Tên", 0) == 0 ? 2 : 1;
    }
    std::cout << "Đã thêm ki-ốt \"" << name << "\". Dòng cuối dưới đây là mã truy cập của ki-ốt này: nó chỉ được in ra một lần "
              << "(máy chủ chỉ lưu bản băm). Xin chép nó vào tệp mã trên ki-ốt (upload.token_file, mặc định upload.token trong "
                 "thư mục dữ liệu, chmod 600).\n"
              << *token << "\n";
    return 0;
}

int kioskList(const std::filesystem::path& data, bool asJson)
{
    std::string error;
    auto store = collector::CollectorStore::open(data, error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    const auto kiosks = store->listKiosks();
    if (asJson) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& k : kiosks)
            list.push_back({{"name", k.name}, {"kiosk_id", k.kioskUid}, {"created_at", k.createdAt}, {"last_upload_at", k.lastUploadAt},
                            {"heartbeat_at", k.heartbeatAt}, {"version", k.version}, {"free_disk_bytes", k.freeDiskBytes},
                            {"last_error", k.lastError}, {"last_success", k.lastSuccess}, {"sessions", k.sessions},
                            {"erasures", k.erasures}, {"last_erasure_at", k.lastErasureAt}});
        std::cout << nlohmann::json{{"kiosks", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (kiosks.empty()) {
        std::cout << "Chưa có ki-ốt nào. Thêm một ki-ốt: kiosk-collector kiosk add --name \"Tên ki-ốt\"\n";
        return 0;
    }
    // The version and the last error come from the kiosk: printed through forTerminal().
    for (const auto& k : kiosks) {
        std::cout << collector::forTerminal(k.name) << "\n"
                  << "  tín hiệu gần nhất: " << localTime(k.heartbeatAt) << " (giờ Việt Nam, theo đồng hồ ki-ốt)"
                  << "; phiên bản: " << (k.version.empty() ? "không rõ" : collector::forTerminal(k.version))
                  << "; đĩa trống: " << diskText(k.freeDiskBytes) << "\n"
                  << "  lần gửi gần nhất: " << localTime(k.lastUploadAt) << "; gửi trọn vẹn gần nhất: " << localTime(k.lastSuccess)
                  << "; lượt hỗ trợ đã nhận: " << k.sessions << "\n"
                  << "  yêu cầu xoá người dân đã nhận: " << k.erasures
                  << (k.erasures ? " (gần nhất " + localTime(k.lastErasureAt) + ")" : std::string()) << "\n"
                  << "  lỗi gần nhất: " << (k.lastError.empty() ? "không có" : collector::forTerminal(k.lastError)) << "\n";
    }
    return 0;
}

int serveCommand(const std::filesystem::path& data, const std::string& listen, const std::string& cert, const std::string& key,
                 size_t maxBody, const collector::ServeLimits& limits)
{
    collector::ServeOptions o;
    o.limits = limits;
    o.limits.bodyBudget = std::max(o.limits.bodyBudget, maxBody);   // one largest batch always fits
    std::string error;
    if (!collector::parseListen(listen, o, error)) {
        std::cerr << error << "\n";
        return 2;
    }
    o.certFile = cert;
    o.keyFile = key;
    auto store = collector::CollectorStore::open(data, error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    collector::UploadHandler handler(*store, maxBody);
    return collector::serve(handler, o, std::cout, std::cerr);
}

} // namespace

int main(int argc, char** argv)
{
    std::setlocale(LC_ALL, "C.UTF-8");
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
    CLI::App cli{"kiosk-collector — máy chủ xã nhận dữ liệu từ các ki-ốt Bình dân học vụ số / the commune's collector"};
    cli.require_subcommand(1);
    std::string data;
    cli.add_option("--data", data, "thư mục dữ liệu / data folder (default: $XDG_DATA_HOME/kiosk-collector)");

    std::string listen = "127.0.0.1:8080", cert, key;
    size_t maxBody = collector::UploadHandler::kDefaultMaxBody;
    auto* serveCmd = cli.add_subcommand("serve", "nhận dữ liệu tải lên / receive the kiosks' uploads");
    serveCmd->add_option("--listen", listen, "ĐỊA_CHỈ:CỔNG / HOST:PORT (default 127.0.0.1:8080; port 0 = any free port)");
    serveCmd->add_option("--cert", cert, "chứng chỉ HTTPS (PEM) / TLS certificate")->check(CLI::ExistingFile);
    serveCmd->add_option("--key", key, "khoá riêng HTTPS (PEM) / TLS private key")->check(CLI::ExistingFile);
    serveCmd->add_option("--max-body", maxBody, "byte tối đa mỗi lô sau giải nén / largest batch, decompressed")->check(CLI::Range(size_t(1024), size_t(1) << 30));
    collector::ServeLimits limits;
    serveCmd->add_option("--max-connections", limits.connections, "số kết nối tối đa / open connections in all (default 256)")
        ->check(CLI::Range(size_t(4), size_t(4000)));
    serveCmd->add_option("--max-connections-per-peer", limits.connectionsPerPeer,
                         "số kết nối tối đa từ một địa chỉ / connections from one address (default 32)")
        ->check(CLI::Range(size_t(1), size_t(4000)));
    serveCmd->add_option("--idle-timeout", limits.idleSeconds, "giây chờ một kết nối im lặng / idle seconds before closing (default 30)")
        ->check(CLI::Range(1u, 3600u));
    serveCmd->add_option("--body-budget", limits.bodyBudget,
                         "byte thân yêu cầu giữ cùng lúc / body bytes buffered by all connections together (default 64 MiB)")
        ->check(CLI::Range(size_t(1) << 20, size_t(1) << 32));

    auto* kioskCmd = cli.add_subcommand("kiosk", "quản lý ki-ốt / manage kiosks");
    kioskCmd->require_subcommand(1);
    std::string name;
    auto* addCmd = kioskCmd->add_subcommand("add", "thêm ki-ốt, in mã truy cập ở dòng cuối / add a kiosk, print its token last");
    addCmd->add_option("--name", name, "tên ki-ốt / kiosk name")->required();
    bool listJson = false;
    auto* listCmd = kioskCmd->add_subcommand("list", "các ki-ốt và tín hiệu gần nhất / kiosks and their last heartbeat");
    listCmd->add_flag("--json", listJson, "JSON");

    collector::CommandSet commands;
    collector::addReportCommand(cli, data, commands);
    collector::addHouseholdCommand(cli, commands);
    collector::addOfficerCommand(cli, commands);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    const std::filesystem::path dataDir = data.empty() ? defaultDataDir() : std::filesystem::path(data);
    if (*serveCmd) return serveCommand(dataDir, listen, cert, key, maxBody, limits);
    if (*addCmd) return kioskAdd(dataDir, name);
    if (*listCmd) return kioskList(dataDir, listJson);
    if (int rc = commands.dispatch(dataDir); rc >= 0) return rc;
    return 2;
}
