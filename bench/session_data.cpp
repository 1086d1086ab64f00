// Generating session databases for the bench (see session_data.hpp).
#include "bench/session_data.hpp"
#include "bench/bench.hpp"
#include "kiosk/store/integrity.hpp"
#include "kiosk/records/records.hpp"
#include <sqlite3.h>
#include <cstdio>
#include <random>
#include <vector>

namespace bench {

namespace {

const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
const char* kMiddle[] = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh", "Quang", "Xuân"};
const char* kGiven[] = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
                        "Linh", "Long", "Mai", "Nam", "Nga", "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tú",
                        "Tuấn", "Vân", "Việt", "Yến"};
const char* kServices[] = {"vneid_install", "vneid_level2", "vneid_documents", "ehealth_book", "bank_account", "digital_signature",
                           "online_public_service", "cashless_payment", "ecommerce_shop", "binhdanhocvuso_enrol", "online_safety"};
const char* kStaff[] = {"Trần Văn Bảo", "Lê Thị Hoa", "Phạm Minh Đức", "Nguyễn Thị Lan", "Đỗ Quang Huy", "Vũ Thị Mai", "Hoàng Văn Nam",
                        "Bùi Thị Thu", "Ngô Văn Tài", "Lý Thị Yến"};

template <size_t N>
const char* pick(const char* const (&a)[N], std::mt19937_64& rng) { return a[rng() % N]; }

kiosk::CitizenId makeCitizen(int64_t i, std::mt19937_64& rng)
{
    kiosk::CitizenId c;
    const bool female = rng() % 2;
    c.birthYear = 1940 + int(rng() % 66);
    c.birthMonth = 1 + int(rng() % 12);
    c.birthDay = 1 + int(rng() % 28);
    c.gender = female ? "female" : "male";
    // The card's digits 4–6 agree with the birth date: century and gender, then the year.
    const int century = (c.birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
    char id[16];
    std::snprintf(id, sizeof id, "038%d%02d%06lld", century, c.birthYear % 100, static_cast<long long>(i % 1000000));
    c.id = id;
    c.fullName = std::string(pick(kFamily, rng)) + " " + (female ? "Thị" : pick(kMiddle, rng)) + " " + pick(kGiven, rng);
    c.address = "Thôn " + std::to_string(1 + rng() % 12) + ", Quảng Ngọc, Quảng Xương, Thanh Hóa";
    c.issueYear = 2021 + int(rng() % 4);
    c.issueMonth = 1 + int(rng() % 12);
    c.issueDay = 1 + int(rng() % 28);
    return c;
}

std::vector<kiosk::ServiceOutcome> makeServices(const DataSpec& spec, std::mt19937_64& rng)
{
    std::vector<kiosk::ServiceOutcome> out;
    const size_t n = spec.oneDoneService ? 1 : 1 + rng() % size_t(spec.maxServices);
    size_t first = rng() % std::size(kServices);
    for (size_t k = 0; k < n; ++k) {
        const unsigned roll = unsigned(rng() % 10);
        kiosk::Outcome o = spec.oneDoneService || roll < 7 ? kiosk::Outcome::Done : roll < 9 ? kiosk::Outcome::Partial : kiosk::Outcome::Referred;
        out.push_back({kServices[(first + k * 3) % std::size(kServices)], o});
    }
    return out;
}

} // namespace

bool generateSessions(const std::filesystem::path& dataDir, const DataSpec& spec, DataStats& stats, std::string& error)
{
    const double t0 = nowMs();
    std::filesystem::create_directories(dataDir);
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all);
    kiosk::SteadyClock clock;
    auto rec = kiosk::Records::open(dataDir, clock, error);
    if (!rec) return false;
    std::mt19937_64 rng(20260101);
    std::vector<int64_t> staff;
    for (int i = 0; i < spec.staff && i < int(std::size(kStaff)); ++i) staff.push_back(*rec->staff->ensureImported(kStaff[i]));
    std::vector<std::string> villages;
    for (int i = 1; i <= spec.villages; ++i) villages.push_back("Thôn " + std::to_string(i));
    auto start = [&] { return kQuarterBegin + int64_t(rng() % uint64_t(kQuarterSeconds - 3600)); };

    if (!rec->db->exec("BEGIN", &error)) return false;
    // Each citizen's first session through the real store: sealed fields, keyed hash, consent.
    for (int64_t i = 0; i < spec.citizens; ++i) {
        kiosk::NewSession s;
        s.staffId = staff[rng() % staff.size()];
        s.startedAt = start();
        s.endedAt = s.startedAt + 600 + int64_t(rng() % 1800);
        s.citizen = makeCitizen(i, rng);
        s.consent = true;
        s.village = villages[rng() % villages.size()];
        s.services = makeServices(spec, rng);
        stats.services += int64_t(s.services.size());
        if (!rec->sessions->save(s, error)) return false;
    }
    std::vector<int64_t> citizenIds;
    {
        kiosk::Statement ids(rec->db->handle(), "SELECT id FROM citizens");
        while (ids.step()) citizenIds.push_back(ids.int64(0));
    }
    std::string kioskId;
    {
        kiosk::Statement get(rec->db->handle(), "SELECT value FROM meta WHERE key='kiosk_id'");
        if (get.step()) kioskId = get.text(0);
    }
    // The rest straight into the tables the store writes.
    kiosk::Statement ins(rec->db->handle(),
                         "INSERT INTO sessions(uid, started_at, ended_at, staff_id, citizen_id, village, notes_enc, source, import_key, created_at) "
                         "VALUES (?,?,?,?,?,?,NULL,'kiosk',NULL,?)");
    kiosk::Statement svc(rec->db->handle(), "INSERT INTO session_services(session_id, code, outcome) VALUES (?,?,?)");
    const int64_t now = clock.unixSeconds();
    for (int64_t i = spec.citizens; i < spec.sessions; ++i) {
        char uid[48];
        std::snprintf(uid, sizeof uid, "%s-b%015llx", kioskId.c_str(), static_cast<unsigned long long>(i));
        const int64_t s = start();
        ins.reset();
        ins.bind(1, std::string_view(uid)).bind(2, s).bind(3, s + 600 + int64_t(rng() % 1800)).bind(4, staff[rng() % staff.size()]);
        const bool anonymous = citizenIds.empty() || double(rng() % 10000) < spec.anonymousShare * 10000.0;
        if (anonymous) {
            ins.bindNull(5);
            ++stats.anonymous;
        } else {
            ins.bind(5, citizenIds[rng() % citizenIds.size()]);
        }
        ins.bind(6, villages[rng() % villages.size()]).bind(7, now);
        if (!ins.run()) {
            error = rec->db->lastError();
            return false;
        }
        const int64_t id = sqlite3_last_insert_rowid(rec->db->handle());
        for (const kiosk::ServiceOutcome& o : makeServices(spec, rng)) {
            svc.reset();
            svc.bind(1, id).bind(2, o.code).bind(3, kiosk::outcomeName(o.outcome));
            if (!svc.run()) {
                error = rec->db->lastError();
                return false;
            }
            ++stats.services;
        }
    }
    // As the store would: each session's MAC, so `kiosk db check` passes on the bench's data.
    {
        std::vector<int64_t> ids;
        kiosk::Statement st(rec->db->handle(), "SELECT id FROM sessions WHERE mac = ''");
        while (st.step()) ids.push_back(st.int64(0));
        for (int64_t id : ids)
            if (!kiosk::updateSessionMac(*rec->db, *rec->vault, id)) {
                error = rec->db->lastError();
                return false;
            }
    }
    if (!rec->db->exec("COMMIT", &error)) return false;
    rec->db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    stats.sessions = std::max(spec.sessions, spec.citizens);
    stats.citizens = spec.citizens;
    stats.seconds = (nowMs() - t0) / 1000.0;
    return true;
}

} // namespace bench
