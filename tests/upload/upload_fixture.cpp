// The upload tests' kiosk side and collector view.
#include "tests/upload/upload_fixture.hpp"
#include <sys/stat.h>
#include <algorithm>
#include <sstream>

namespace uptest {

kiosk::CitizenId card(const char* payload)
{
    kiosk::CccdParse p = kiosk::parseCccd(payload, kiosk::CivilDate{2026, 11, 23});
    REQUIRE_MESSAGE(p.ok(), p.message);
    return *p.citizen;
}

KioskSide::KioskSide(const std::filesystem::path& root) : m_root(root), m_data(root / "kiosk"), m_config(root / "upload.toml")
{
    std::string error;
    REQUIRE_MESSAGE(records().staff->add("Trần Văn Bảo", kiosk::StaffRole::Volunteer, "2468", "cli", error), error);
}

KioskSide::~KioskSide() { close(); }

kiosk::Records& KioskSide::records()
{
    if (!m_records) {
        std::string error;
        m_records = kiosk::Records::open(m_data, m_clock, error);
        REQUIRE_MESSAGE(m_records, error);
    }
    return *m_records;
}

void KioskSide::close() { m_records.reset(); }

std::string KioskSide::addSession(std::optional<kiosk::CitizenId> citizen, const std::string& village, const std::string& household,
                                  std::vector<kiosk::ServiceOutcome> services)
{
    kiosk::NewSession s;
    s.staffId = records().staff->find("Trần Văn Bảo")->id;
    m_clock.advanceSeconds(3600);
    s.startedAt = m_clock.unixSeconds();
    s.endedAt = s.startedAt + 900;
    s.consent = citizen.has_value();
    s.citizen = std::move(citizen);
    s.village = village;
    s.notes = s.citizen ? "Cần con cháu giúp nhận mã OTP" : "";
    s.household = household;
    s.services = services.empty() ? std::vector<kiosk::ServiceOutcome>{{"vneid_install", kiosk::Outcome::Done}, {"vneid_level2", kiosk::Outcome::Partial}}
                                  : std::move(services);
    std::string error;
    auto saved = records().sessions->save(s, error);
    REQUIRE_MESSAGE(saved, error);
    return saved->uid;
}

void KioskSide::addUsageEvents(int count)
{
    kiosk::Database& db = *records().db;
    kiosk::Statement ins(db.handle(), "INSERT INTO usage_events(at, visit, kind, lesson, step) VALUES ('2026-03-02T01:00:00Z', ?, ?, 'vneid_cai_dat', 1)");
    for (int i = 0; i < count; ++i) {
        ins.reset();
        ins.bind(1, int64_t(i / 2 + 1)).bind(2, i % 2 ? "lesson_opened" : "visit_started");
        REQUIRE(ins.run());
    }
}

void KioskSide::configure(const std::string& url, const std::string& token, const std::string& extra)
{
    // Small waits and batches: several batches per run, and retries that cost milliseconds.
    std::vector<std::pair<std::string, std::string>> keys = {
        {"url", "\"" + url + "\""}, {"batch_size", "3"}, {"retries", "0"}, {"backoff_ms", "5"}, {"timeout_seconds", "10"}};
    // `extra` lines ("key = value") replace a default (TOML forbids a key twice).
    std::istringstream lines(extra);
    for (std::string line; std::getline(lines, line);) {
        const size_t eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        key.erase(key.find_last_not_of(' ') + 1);
        value.erase(0, value.find_first_not_of(' '));
        auto it = std::find_if(keys.begin(), keys.end(), [&](const auto& kv) { return kv.first == key; });
        if (it != keys.end()) it->second = value;
        else keys.emplace_back(key, value);
    }
    std::string toml = "[upload]\n";
    for (const auto& [key, value] : keys) toml += key + " = " + value + "\n";
    test::writeFile(m_config, toml);
    const auto tokenFile = m_data / "upload.token";
    test::writeFile(tokenFile, token + "\n");
    ::chmod(tokenFile.c_str(), 0600);
}

nettest::RunResult KioskSide::upload(const std::vector<std::string>& extraArgs)
{
    close();
    std::vector<std::string> args = {KIOSK_BIN, "--data", m_data.string(), "--config", m_config.string(), "upload"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    return nettest::run(args, m_root);
}

int64_t KioskSide::acknowledged(const char* kind)
{
    kiosk::Statement st(records().db->handle(), "SELECT count(*) FROM upload_acks WHERE kind=?");
    st.bind(1, std::string_view(kind));
    return st.step() ? st.int64(0) : -1;
}

kiosk::OutboxCounts KioskSide::waiting() { return kiosk::uploadStatus(*records().db).waiting; }

CollectorView::CollectorView(const std::filesystem::path& data)
{
    std::string error;
    m_store = collector::CollectorStore::open(data, error);
    REQUIRE_MESSAGE(m_store, error);
}

int64_t CollectorView::count(const std::string& sql)
{
    kiosk::Statement st(m_store->db().handle(), sql);
    REQUIRE(st.ok());
    return st.step() ? st.int64(0) : -1;
}

std::string CollectorView::text(const std::string& sql)
{
    kiosk::Statement st(m_store->db().handle(), sql);
    REQUIRE(st.ok());
    return st.step() ? st.text(0) : std::string();
}

std::vector<std::string> CollectorView::citizenNames()
{
    std::vector<std::string> out;
    kiosk::Statement st(m_store->db().handle(), "SELECT name_enc FROM citizens ORDER BY id");
    while (st.step()) out.push_back(m_store->vault().open(st.blob(0)).value_or("<không mở được>"));
    return out;
}

std::string addKiosk(const std::filesystem::path& collectorData, const std::string& name, const std::filesystem::path& scratch)
{
    nettest::RunResult r = nettest::run({KIOSK_COLLECTOR_BIN, "--data", collectorData.string(), "kiosk", "add", "--name", name}, scratch);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::string out = r.out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out.substr(out.rfind('\n') + 1);
}

} // namespace uptest
