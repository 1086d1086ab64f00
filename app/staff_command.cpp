// `kiosk staff add|list|disable|badge` and `kiosk citizen show|erase`: the technician's and the
// officer's way to manage accounts (and their sign-in badges) and to answer a citizen's request to
// see or delete their data.
#include "app/commands.hpp"
#include "kiosk/report/report_period.hpp"
#include "drivers/print/badge_card.hpp"
#include "kiosk/common/private_file.hpp"
#include "kiosk/output/receipt.hpp"
#include "kiosk/records/records.hpp"
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>

namespace app {

std::unique_ptr<kiosk::Records> openRecords(const GlobalOptions& g, const kiosk::Clock& clock)
{
    std::string error;
    auto r = kiosk::Records::open(g.dataDir, clock, error);
    if (!r) std::cerr << error << "\n";
    return r;
}

namespace {

// Opens the records and makes one change; on success prints `done`. Exit code 1 with the store's
// message when either fails.
int changeRecords(const GlobalOptions& g, const std::function<bool(kiosk::Records&, std::string&)>& change, const std::string& done)
{
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    std::string error;
    if (!change(*r, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    std::cout << done;
    return 0;
}

// One line from standard input, without echo when it is a terminal.
bool readSecretLine(const char* prompt, std::string& out)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::cerr << prompt << std::flush;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    bool ok = static_cast<bool>(std::getline(std::cin, out));
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return ok;
}

// Reports and screens use Vietnam's time (UTC+7) whatever the machine's time zone.
std::string localTime(int64_t unixSeconds) { return kiosk::localTimeText(unixSeconds, "%Y-%m-%dT%H:%M:%S"); }

// The PIN twice from stdin, checked against the rules (kiosk::StaffStore::validPin).
bool readPinTwice(kiosk::StaffRole role, std::string& pin, const char* nothingDone)
{
    std::string again, error;
    const char* prompt = role == kiosk::StaffRole::Admin ? "Mã PIN (6–8 chữ số): " : "Mã PIN (4–8 chữ số): ";
    if (!readSecretLine(prompt, pin) || !readSecretLine("Nhập lại mã PIN: ", again)) {
        std::cerr << "Cần nhập mã PIN hai lần trên đầu vào chuẩn (stdin).\n";
        return false;
    }
    if (pin != again) {
        std::cerr << "Hai lần nhập mã PIN không giống nhau. " << nothingDone << "\n";
        return false;
    }
    if (!kiosk::StaffStore::validPin(pin, role, error)) {
        std::cerr << "Mã PIN không hợp lệ: " << error << ". " << nothingDone << "\n";
        return false;
    }
    return true;
}

int staffSetPin(const GlobalOptions& g, const std::string& name)
{
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    auto m = r->staff->find(name);
    if (!m) {
        std::cerr << "Không có cán bộ tên \"" << name << "\".\n";
        return 1;
    }
    std::string pin, error;
    if (!readPinTwice(m->role, pin, "Mã PIN chưa đổi.")) return 2;
    if (!r->staff->setPin(name, pin, "cli", error)) {
        std::cerr << "Không đổi được mã PIN: " << error << "\n";
        return 1;
    }
    std::cout << "Đã đặt mã PIN mới cho " << name << ".\n";
    return 0;
}

int staffAdd(const GlobalOptions& g, const std::string& name, const std::string& roleText, const std::string& village)
{
    kiosk::StaffRole role;
    if (!kiosk::parseRole(roleText, role)) {
        std::cerr << "Vai trò không hợp lệ: " << roleText << " (volunteer, officer hoặc admin)\n";
        return 2;
    }
    std::string pin, error;
    if (!readPinTwice(role, pin, "Chưa tạo tài khoản.")) return 2;
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    if (!r->staff->add(name, role, pin, "cli", error)) {
        std::cerr << "Không tạo được tài khoản: " << error << "\n";
        return 1;
    }
    if (!village.empty() && !r->staff->setVillage(name, village, "cli", error)) {
        std::cerr << "Đã tạo tài khoản nhưng chưa ghi được thôn: " << error << "\n";
        return 1;
    }
    std::cout << "Đã tạo tài khoản " << name << " (" << roleText << (village.empty() ? "" : ", " + village) << ").\n";
    return 0;
}

int staffList(const GlobalOptions& g, bool json)
{
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    auto list = r->staff->list();
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const kiosk::StaffMember& m : list)
        {
            const auto badge = r->badges->currentIssuedAt(m.id);
            out.push_back({{"name", m.name}, {"role", kiosk::roleName(m.role)}, {"disabled", m.disabled}, {"imported", m.imported},
                           {"created_at", localTime(m.createdAt)}, {"weak_pin", m.weakPin}, {"village", m.village}, {"badge_issued_at", badge ? nlohmann::json(localTime(*badge)) : nlohmann::json()}});
        }
        std::cout << nlohmann::json{{"staff", out}}.dump(2) << "\n";
        return 0;
    }
    if (list.empty()) std::cout << "Chưa có tài khoản cán bộ nào. Tạo bằng: kiosk staff add --name TÊN --role admin\n";
    for (const kiosk::StaffMember& m : list)
        std::cout << m.name << "\t" << kiosk::roleName(m.role) << (m.village.empty() ? "" : "\t" + m.village) << (m.disabled ? "\tđã khoá" : "")
                  << (m.imported ? "\tnhập từ sổ, chưa có PIN" : "") << (r->badges->currentIssuedAt(m.id) ? "\tcó thẻ" : "")
                  << (m.weakPin ? "\tmã PIN quá dễ đoán: đặt mã mới bằng kiosk staff set-pin" : "") << "\n";
    return 0;
}

int staffDisable(const GlobalOptions& g, const std::string& name)
{
    return changeRecords(
        g, [&](kiosk::Records& r, std::string& error) { return r.staff->disable(name, "cli", error); }, "Đã khoá tài khoản " + name + ".\n");
}

const char* roleLabel(kiosk::StaffRole role)
{
    switch (role) {
    case kiosk::StaffRole::Officer: return "Cán bộ";
    case kiosk::StaffRole::Admin: return "Quản trị viên";
    default: return "Tình nguyện viên";
    }
}

int staffBadge(const GlobalOptions& g, const std::string& name, const std::string& out, bool revoke)
{
    if (revoke == !out.empty()) {
        std::cerr << "Cần --out TỆP.png (cấp thẻ mới) hoặc --revoke (thu hồi thẻ đang dùng), không cả hai.\n";
        return 2;
    }
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    std::string error;
    if (revoke) {
        if (!r->badges->revoke(name, "cli", error)) {
            std::cerr << "Không thu hồi được: " << error << ".\n";
            return 1;
        }
        std::cout << "Đã thu hồi thẻ cán bộ của " << name << ": thẻ đó không đăng nhập được nữa.\n";
        return 0;
    }
    // The picture holds the badge's secret: a fresh file of the kiosk user's alone from its first
    // byte, renamed over --out at the end (a file someone else left there is replaced, not
    // reused). Created before the badge is issued, so an unwritable folder issues nothing.
    kiosk::PrivateFile file;
    if (!file.create(out, error)) {
        std::cerr << error << " Chưa cấp thẻ.\n";
        return 1;
    }
    auto badge = r->badges->issue(name, "cli", error);
    if (!badge) {
        std::cerr << "Không cấp được thẻ: " << error << ".\n";
        return 1;
    }
    kiosk::Runtime rt = kiosk::Runtime::load(g.runtimeOptions());
    drivers::BadgeCard card{badge->payload, badge->member.name, roleLabel(badge->member.role), rt.config.commune,
                            kiosk::slipDateTime(badge->issuedAt).substr(0, 10)};
    drivers::Image image;
    std::string png;
    if (!drivers::renderBadgeCard(card, image, error) || !drivers::encodePng(image, png, error) || !file.write(png) ||
        !file.commit(error)) {
        // No picture, no badge: nobody could hold this one up.
        std::string ignored;
        r->badges->revoke(name, "cli", ignored);
        if (error.empty()) error = "không ghi được tệp " + out + " (ổ đĩa đầy?)";
        std::cerr << "Không vẽ được thẻ: " << error << "\n";
        return 1;
    }
    std::cout << "Đã cấp thẻ cán bộ cho " << badge->member.name << " (" << roleLabel(badge->member.role) << "): " << out << "\n"
              << (badge->replacedOld ? "Thẻ cũ của người này đã bị thu hồi, không đăng nhập được nữa.\n" : "")
              << "In ảnh này lên thẻ (85,6 × 54 mm), rồi xoá tệp: mã QR trong ảnh là chìa khoá đăng nhập.\n";
    return 0;
}

bool validIdNumber(const std::string& id)
{
    return id.size() == 12 && id.find_first_not_of("0123456789") == std::string::npos;
}

int citizenShow(const GlobalOptions& g, const std::string& id, bool json)
{
    if (!validIdNumber(id)) {
        std::cerr << "Số căn cước phải gồm đúng 12 chữ số.\n";
        return 2;
    }
    kiosk::SteadyClock clock;
    auto r = openRecords(g, clock);
    if (!r) return 1;
    auto c = r->sessions->findCitizen(id);
    if (!c) {
        std::cerr << "Không có hồ sơ nào của số căn cước này trên ki-ốt.\n";
        return 1;
    }
    r->audit->record("cli", "citizen_viewed", c->uid);
    if (json) {
        nlohmann::json sessions = nlohmann::json::array();
        for (const kiosk::SessionView& s : c->sessions) {
            nlohmann::json services = nlohmann::json::array();
            for (const kiosk::ServiceOutcome& o : s.services) services.push_back({{"code", o.code}, {"outcome", kiosk::outcomeName(o.outcome)}});
            sessions.push_back({{"uid", s.uid}, {"started_at", localTime(s.startedAt)}, {"ended_at", localTime(s.endedAt)},
                                {"staff", s.staffName}, {"village", s.village}, {"notes", s.notes}, {"services", services},
                                {"revision", s.revision}});
        }
        nlohmann::json out = nlohmann::json::parse(kiosk::toJson(c->card));
        out["consent_at"] = localTime(c->consentAt);
        out["sessions"] = sessions;
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Số căn cước: " << c->card.id << "\nHọ và tên: " << c->card.fullName << "\nNgày sinh: " << c->card.birthDateIso()
              << "\nGiới tính: " << (c->card.gender == "female" ? "Nữ" : "Nam") << "\nNơi thường trú: " << c->card.address
              << "\nĐồng ý lưu thông tin lúc: " << localTime(c->consentAt) << "\nCác lượt hỗ trợ: " << c->sessions.size() << "\n";
    for (const kiosk::SessionView& s : c->sessions) {
        std::cout << "  " << localTime(s.startedAt) << "  " << s.staffName << "  " << s.village << " ";
        for (const kiosk::ServiceOutcome& o : s.services) std::cout << " " << o.code << ":" << kiosk::outcomeName(o.outcome);
        std::cout << "\n";
    }
    return 0;
}

int citizenErase(const GlobalOptions& g, const std::string& id)
{
    if (!validIdNumber(id)) {
        std::cerr << "Số căn cước phải gồm đúng 12 chữ số.\n";
        return 2;
    }
    return changeRecords(g, [&](kiosk::Records& r, std::string& error) { return r.sessions->eraseCitizen(id, "cli", error); },
                         "Đã xoá thông tin cá nhân của người dân này. Các lượt hỗ trợ vẫn được tính là lượt ẩn danh.\n");
}

} // namespace

void addStaffCommands(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto* staff = cli.add_subcommand("staff", "tài khoản cán bộ / staff accounts");
    staff->require_subcommand(1);
    struct Options {
        std::string name, role = "volunteer", citizenId, out, village;
        bool json = false, revoke = false;
    };
    auto o = std::make_shared<Options>();
    auto* add = staff->add_subcommand("add", "tạo tài khoản (đọc mã PIN hai lần từ stdin) / add an account, PIN read twice from stdin");
    add->add_option("--name", o->name, "họ tên / name")->required();
    add->add_option("--role", o->role, "volunteer | officer | admin")->required();
    add->add_option("--village", o->village, "thôn của thành viên tổ công nghệ số (không bắt buộc) / the member's village (optional)");
    set.add(add, [&g, o] { return staffAdd(g, o->name, o->role, o->village); });
    auto* setPin = staff->add_subcommand("set-pin", "đặt mã PIN mới (đọc hai lần từ stdin) / set a new PIN, read twice from stdin");
    setPin->add_option("--name", o->name, "họ tên / name")->required();
    set.add(setPin, [&g, o] { return staffSetPin(g, o->name); });
    auto* list = staff->add_subcommand("list", "liệt kê tài khoản / list accounts");
    list->add_flag("--json", o->json, "JSON");
    set.add(list, [&g, o] { return staffList(g, o->json); });
    auto* disable = staff->add_subcommand("disable", "khoá tài khoản / disable an account");
    disable->add_option("--name", o->name, "họ tên / name")->required();
    set.add(disable, [&g, o] { return staffDisable(g, o->name); });
    auto* badge = staff->add_subcommand("badge", "cấp thẻ cán bộ có mã QR để đăng nhập (thẻ cũ bị thu hồi) / issue a sign-in badge (revokes the old one)");
    badge->add_option("--name", o->name, "họ tên / name")->required();
    badge->add_option("--out", o->out, "ảnh PNG của thẻ để in / the badge as a PNG to print");
    badge->add_flag("--revoke", o->revoke, "thu hồi thẻ đang dùng (mất thẻ) / revoke the current badge (a lost card)");
    set.add(badge, [&g, o] { return staffBadge(g, o->name, o->out, o->revoke); });

    auto* citizen = cli.add_subcommand("citizen", "xem, xoá hồ sơ một người dân / show or erase one citizen's records");
    citizen->require_subcommand(1);
    auto* show = citizen->add_subcommand("show", "xem hồ sơ / show the records");
    show->add_option("--id", o->citizenId, "số căn cước 12 chữ số / 12-digit ID number")->required();
    show->add_flag("--json", o->json, "JSON");
    set.add(show, [&g, o] { return citizenShow(g, o->citizenId, o->json); });
    auto* erase = citizen->add_subcommand("erase", "xoá thông tin cá nhân / erase the personal data");
    erase->add_option("--id", o->citizenId, "số căn cước 12 chữ số / 12-digit ID number")->required();
    set.add(erase, [&g, o] { return citizenErase(g, o->citizenId); });
}

} // namespace app
