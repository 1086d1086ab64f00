// `kiosk-collector officer add|list|disable`: the commune console's accounts, managed on the
// server's terminal. The password is read twice from standard input (without echo on a terminal),
// never printed, logged or kept in memory longer than the hashing needs.
#include "collector/collector_store.hpp"
#include "kiosk/report/report_period.hpp"
#include "collector/commands.hpp"
#include "collector/officer_store.hpp"
#include "collector/terminal_text.hpp"
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>
#include <ctime>
#include <iostream>
#include <memory>

namespace collector {

namespace {

// One line from standard input, without echo when it is a terminal.
bool readSecretLine(const char* prompt, std::string& out)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        // Echo off before the prompt shows: nothing typed once the prompt is seen is echoed.
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        std::cerr << prompt << std::flush;
    }
    const bool ok = static_cast<bool>(std::getline(std::cin, out));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return ok;
}

void wipe(std::string& s) { sodium_memzero(s.data(), s.size()); }

// Vietnam's time (UTC+7), whatever the server's time zone.
std::string localTime(int64_t unixSeconds) { return kiosk::dmyTime(unixSeconds); }

std::unique_ptr<CollectorStore> openStore(const std::filesystem::path& dataDir)
{
    std::string error;
    auto store = CollectorStore::open(dataDir, error);
    if (!store) std::cerr << error << "\n";
    return store;
}

int officerAdd(const std::filesystem::path& dataDir, const std::string& name, const std::string& roleText)
{
    OfficerRole role;
    if (!parseOfficerRole(roleText, role)) {
        std::cerr << "Vai trò không hợp lệ: \"" << forTerminal(roleText) << "\" (viewer, officer hoặc admin). Chưa tạo tài khoản.\n";
        return 2;
    }
    std::string error;
    if (!OfficerStore::validName(name, error)) {
        std::cerr << error << " Chưa tạo tài khoản.\n";
        return 2;
    }
    auto store = openStore(dataDir);
    if (!store) return 1;
    OfficerStore officers(store->db(), store->audit(), store->clock());
    if (officers.find(name)) {
        std::cerr << "Đã có cán bộ tên \"" << forTerminal(name) << "\". Xin chọn tên khác. Chưa tạo tài khoản.\n";
        return 2;
    }
    std::string password, again;
    const bool read = readSecretLine("Mật khẩu (ít nhất 10 ký tự): ", password) && readSecretLine("Nhập lại mật khẩu: ", again);
    if (!read) {
        wipe(password), wipe(again);
        std::cerr << "Cần nhập mật khẩu hai lần, mỗi lần một dòng, trên đầu vào chuẩn (stdin). Chưa tạo tài khoản.\n";
        return 2;
    }
    const bool same = password == again;
    wipe(again);
    if (!same) {
        wipe(password);
        std::cerr << "Hai lần nhập mật khẩu không giống nhau. Chưa tạo tài khoản.\n";
        return 2;
    }
    if (!OfficerStore::validPassword(password, error)) {
        wipe(password);
        std::cerr << error << " Chưa tạo tài khoản.\n";
        return 2;
    }
    const bool ok = officers.add(name, role, password, "cli", error);
    wipe(password);
    if (!ok) {
        std::cerr << error << "\n";
        return error.rfind("Đã có", 0) == 0 ? 2 : 1;
    }
    std::cout << "Đã tạo tài khoản cán bộ \"" << forTerminal(name) << "\" (vai trò " << officerRoleName(role) << ").\n";
    return 0;
}

int officerList(const std::filesystem::path& dataDir, bool asJson)
{
    auto store = openStore(dataDir);
    if (!store) return 1;
    OfficerStore officers(store->db(), store->audit(), store->clock());
    const auto list = officers.list();
    if (asJson) {
        nlohmann::json out = nlohmann::json::array();
        for (const Officer& o : list)
            out.push_back({{"name", o.name}, {"role", officerRoleName(o.role)}, {"disabled", o.disabled}, {"created_at", o.createdAt},
                           {"locked_until", o.lockedUntil}});
        std::cout << nlohmann::json{{"officers", out}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (list.empty()) {
        std::cout << "Chưa có tài khoản cán bộ nào. Thêm một tài khoản: kiosk-collector officer add --name \"Tên\" --role officer\n";
        return 0;
    }
    const int64_t now = store->clock().unixSeconds();
    for (const Officer& o : list) {
        std::cout << forTerminal(o.name) << "\n"
                  << "  vai trò: " << officerRoleName(o.role) << "; trạng thái: " << (o.disabled ? "đã vô hiệu hoá" : "đang dùng")
                  << "; tạo lúc: " << localTime(o.createdAt) << " (giờ Việt Nam)";
        if (!o.disabled && o.lockedUntil > now) std::cout << "; tạm khoá đến " << localTime(o.lockedUntil);
        std::cout << "\n";
    }
    return 0;
}

int officerDisable(const std::filesystem::path& dataDir, const std::string& name)
{
    auto store = openStore(dataDir);
    if (!store) return 1;
    OfficerStore officers(store->db(), store->audit(), store->clock());
    auto before = officers.find(name);
    std::string error;
    if (!officers.disable(name, "cli", error)) {
        std::cerr << error << "\n";
        return before ? 1 : 2;
    }
    std::cout << (before->disabled ? "Tài khoản \"" + forTerminal(name) + "\" đã bị vô hiệu hoá từ trước.\n"
                                   : "Đã vô hiệu hoá tài khoản \"" + forTerminal(name) + "\": không đăng nhập được nữa.\n");
    return 0;
}

} // namespace

void addOfficerCommand(CLI::App& cli, CommandSet& set)
{
    struct Options {
        std::string name, role;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* officer = cli.add_subcommand("officer", "tài khoản cán bộ của trang quản lý xã / the commune console's officer accounts");
    officer->require_subcommand(1);
    auto* add = officer->add_subcommand("add", "tạo tài khoản (đọc mật khẩu hai lần từ stdin) / add an account, password read twice from stdin");
    add->add_option("--name", o->name, "tên đăng nhập / sign-in name")->required();
    add->add_option("--role", o->role, "viewer | officer | admin")->required();
    auto* list = officer->add_subcommand("list", "các tài khoản cán bộ / the accounts");
    list->add_flag("--json", o->json, "JSON");
    auto* disable = officer->add_subcommand("disable", "vô hiệu hoá một tài khoản / disable an account");
    disable->add_option("--name", o->name, "tên đăng nhập / sign-in name")->required();
    set.add(add, [o](const std::filesystem::path& d) { return officerAdd(d, o->name, o->role); });
    set.add(list, [o](const std::filesystem::path& d) { return officerList(d, o->json); });
    set.add(disable, [o](const std::filesystem::path& d) { return officerDisable(d, o->name); });
}

} // namespace collector
