// `kiosk session import` on a large CSV (20,000 rows, a citizen on most), killed with SIGKILL
// mid-way: at a random moment, or once the import has spilled part of its transaction into the
// WAL file. Each time the database holds nothing of the file or all of it — no session, citizen
// or imported staff account from a half-done import — and passes its checks. Then the import runs
// to the end, and a second run adds nothing.
#include "kiosk/store/db_check.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include "tests/upload/net_helpers.hpp"
#include <doctest/doctest.h>
#include <signal.h>
#include <chrono>

namespace {

constexpr int kRows = 20000;
const char* kStaff[] = {"Trần Văn Bảo", "Lê Thị Hoa", "Phạm Quốc Việt", "Đỗ Thị Lan"};

std::string csvFile()
{
    std::string csv = "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\r\n";
    for (int n = 0; n < kRows; ++n) {
        char when[64];
        const int day = 1 + (n / 400) % 28, hour = 7 + (n / 40) % 10, minute = n % 40;
        std::snprintf(when, sizeof when, "2026-02-%02dT%02d:%02d:00,2026-02-%02dT%02d:%02d:00", day, hour, minute, day, hour, minute + 15);
        csv += when;
        csv += std::string(",") + kStaff[n % 4] + ",";
        if (n % 5 != 0) {
            const kiosk::CitizenId c = torture::citizen(n % 3000);
            char birth[16];
            std::snprintf(birth, sizeof birth, "%02d/%02d/%04d", c.birthDay, c.birthMonth, c.birthYear);
            csv += c.id + "," + c.fullName + "," + birth + "," + (c.gender == "female" ? "Nữ" : "Nam") + ",";
        } else {
            csv += ",,,,";
        }
        csv += "\"Thôn Đông, xóm " + std::to_string(n % 7) + "\",vneid_install;vneid_level2:partial,\"dòng " + std::to_string(n + 2) +
               ": khách hỏi \"\"OTP\"\" là gì\"\r\n";
    }
    return csv;
}

struct Counts {
    int64_t sessions = 0, citizens = 0, staff = 0, imports = 0;
};

Counts counts(const std::filesystem::path& data)
{
    kiosk::SteadyClock clock;
    std::string error;
    auto rec = kiosk::Records::open(data, clock, error);
    REQUIRE_MESSAGE(rec, error);
    CHECK(torture::integrityCheck(*rec->db) == "ok");
    for (const kiosk::CheckResult& c : kiosk::checkDatabase(*rec->db, *rec->vault)) CHECK_MESSAGE(c.ok, c.name << ": " << c.detail);
    auto one = [&](const char* sql) {
        kiosk::Statement st(rec->db->handle(), sql);
        return st.step() ? st.int64(0) : -1;
    };
    return {one("SELECT count(*) FROM sessions"), one("SELECT count(*) FROM citizens"), one("SELECT count(*) FROM staff"),
            one("SELECT count(*) FROM audit WHERE action='sessions_imported'")};
}

} // namespace

TEST_CASE("an import killed mid-way leaves nothing or everything")
{
    const uint32_t seed = torture::seed();
    MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    test::TempDir dir;
    const auto data = dir / "data", csv = dir / "so-lieu.csv";
    test::writeFile(csv, csvFile());
    {
        kiosk::SteadyClock clock;
        std::string error;
        auto rec = kiosk::Records::open(data, clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", kiosk::StaffRole::Volunteer, "2468", "cli", error));
    }
    const std::filesystem::path wal = kiosk::Records::databaseFile(data).string() + "-wal";
    const std::vector<std::string> import = {KIOSK_BIN, "--data", data.string(), "session", "import", csv.string()};

    int nothing = 0, everything = 0;
    for (int attempt = 0; attempt < 8 && everything == 0; ++attempt) {
        torture::Child child(import, dir / "import.err");
        // Even attempts: when the WAL passes a random size (the transaction is being written);
        // odd ones: after a random time (reading and checking the file, or writing).
        const uintmax_t walLimit = std::uniform_int_distribution<uintmax_t>(256 << 10, 6 << 20)(rng);
        const int delayMs = std::uniform_int_distribution<int>(0, 3000)(rng);
        const auto start = std::chrono::steady_clock::now();
        const auto guard = start + std::chrono::seconds(120);
        while (!child.exited() && std::chrono::steady_clock::now() < guard) {
            std::error_code ec;
            if (attempt % 2 == 0 && std::filesystem::file_size(wal, ec) > walLimit) break;
            if (attempt % 2 == 1 && std::chrono::steady_clock::now() - start > std::chrono::milliseconds(delayMs)) break;
            torture::sleepMs(2);
        }
        child.kill();
        const int status = child.wait();
        const Counts c = counts(data);
        INFO("attempt " << attempt << ", exit " << status << ": " << c.sessions << " sessions, " << c.citizens << " citizens, " << c.staff << " staff");
        if (c.sessions == 0) {
            ++nothing;
            CHECK(c.citizens == 0);
            CHECK(c.staff == 1);        // no imported account from a half-done import
            CHECK(c.imports == 0);
        } else {
            ++everything;
            CHECK(status == 0);         // only a finished import commits
            CHECK(c.sessions == kRows);
            CHECK(c.staff == 4);
            CHECK(c.imports == 1);
        }
    }
    MESSAGE(nothing << " kills left nothing, " << everything << " came after the commit");
    CHECK(nothing > 0);   // the first kill comes at the latest when the WAL passes 6 MiB: mid-way

    const nettest::RunResult full = nettest::run(import, dir.path());
    INFO(full.out << full.err);
    REQUIRE(full.status == 0);
    const nettest::RunResult again = nettest::run(import, dir.path());
    INFO(again.out << again.err);
    CHECK(again.status == 0);
    const Counts c = counts(data);
    CHECK(c.sessions == kRows);
    CHECK(c.staff == 4);
    const nettest::RunResult check = nettest::run({KIOSK_BIN, "--data", data.string(), "db", "check"}, dir.path());
    INFO(check.out << check.err);
    CHECK(check.status == 0);
}
