// The report engine: one range scan of sessions (covering index), one range scan of their services,
// distinct citizens counted in bitmaps, names decrypted only for the list rows.
//
// [SECTION] distinct ids and citizen attributes
// [SECTION] the period scan (sessions, services)
// [SECTION] lists, targets, buildReport
#include "kiosk/report/report.hpp"
#include "kiosk/report/report_villages.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <sqlite3.h>
#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <unordered_map>
#include <unordered_set>

namespace kiosk {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] distinct ids and citizen attributes
// ---------------------------------------------------------------------------------------------

// Row ids below this are kept in a bitmap (8 MiB at most per set); larger ones in a hash set.
constexpr int64_t kDenseLimit = int64_t(1) << 26;

// A set of citizen row ids that counts its distinct members as they are added.
class DistinctIds {
public:
    void add(int64_t id)
    {
        if (id >= 0 && id < kDenseLimit) {
            const size_t w = size_t(id) >> 6;
            if (w >= m_bits.size()) m_bits.resize(std::max(w + 1, m_bits.size() * 2));
            const uint64_t bit = uint64_t(1) << (id & 63);
            if (!(m_bits[w] & bit)) {
                m_bits[w] |= bit;
                ++m_count;
            }
        } else if (m_sparse.insert(id).second) {
            ++m_count;
        }
    }
    void merge(const DistinctIds& other) { other.forEach([this](int64_t id) { add(id); }); }
    int64_t count() const { return m_count; }
    template <class F> void forEach(F f) const
    {
        for (size_t w = 0; w < m_bits.size(); ++w)
            for (uint64_t bits = m_bits[w]; bits; bits &= bits - 1) f(int64_t(w * 64 + size_t(__builtin_ctzll(bits))));
        std::vector<int64_t> sparse(m_sparse.begin(), m_sparse.end());
        std::sort(sparse.begin(), sparse.end());
        for (int64_t id : sparse) f(id);
    }

private:
    std::vector<uint64_t> m_bits;
    std::unordered_set<int64_t> m_sparse;
    int64_t m_count = 0;
};

// A prepared statement used directly in the hot loops (the Statement wrapper copies each text).
struct Query {
    sqlite3_stmt* st = nullptr;
    Query(Database& db, const char* sql) { sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr); }
    ~Query() { sqlite3_finalize(st); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
};

std::string_view columnText(sqlite3_stmt* st, int col)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(st, col))) : std::string_view();
}

// Gender and birth year of every citizen row (in clear in the table; a small covering index
// makes this a short scan), and, for the lists, each sealed name as stored (opened later, on a
// worker thread, for the citizens of the period only).
class CitizenAttributes {
public:
    enum Gender : uint8_t { Unknown = 0, Male = 1, Female = 2 };

    bool load(Database& db, bool withNames)
    {
        Query q(db, withNames ? "SELECT id, gender, birth_year, name_enc, uid FROM citizens" : "SELECT id, gender, birth_year FROM citizens");
        if (!q.st) return false;
        int rc;
        while ((rc = sqlite3_step(q.st)) == SQLITE_ROW) {
            const int64_t id = sqlite3_column_int64(q.st, 0);
            const std::string_view g = columnText(q.st, 1);
            Entry e{g == "male" ? Male : g == "female" ? Female : Unknown, static_cast<int16_t>(sqlite3_column_int64(q.st, 2)), true, 0, 0, 0};
            if (withNames) {
                const auto* blob = static_cast<const char*>(sqlite3_column_blob(q.st, 3));
                const int bytes = sqlite3_column_bytes(q.st, 3);
                e.nameAt = m_sealed.size();
                e.nameBytes = uint32_t(std::max(bytes, 0));
                if (blob && bytes > 0) m_sealed.append(blob, size_t(bytes));
                // The row's uid: the name is sealed bound to it (kiosk/store/vault rowAd).
                const std::string_view uid = columnText(q.st, 4);
                e.uidBytes = uint16_t(std::min<size_t>(uid.size(), 0xffff));
                m_sealed.append(uid.substr(0, e.uidBytes));
            }
            if (id >= 0 && id < kDenseLimit) {
                if (size_t(id) >= m_dense.size()) m_dense.resize(size_t(id) + 1 + m_dense.size() / 2);
                m_dense[size_t(id)] = e;
            } else {
                m_sparse[id] = e;
            }
        }
        return rc == SQLITE_DONE;
    }
    Gender gender(int64_t id) const { return find(id).gender; }
    int birthYear(int64_t id) const { return find(id).birthYear; }
    bool known(int64_t id) const { return find(id).known; }
    std::string_view sealedName(int64_t id) const
    {
        const Entry& e = find(id);
        return std::string_view(m_sealed).substr(e.nameAt, e.nameBytes);
    }
    std::string_view uid(int64_t id) const
    {
        const Entry& e = find(id);
        return std::string_view(m_sealed).substr(e.nameAt + e.nameBytes, e.uidBytes);
    }

private:
    struct Entry {
        Gender gender = Unknown;
        int16_t birthYear = 0;
        bool known = false;
        size_t nameAt = 0;
        uint32_t nameBytes = 0;
        uint16_t uidBytes = 0;
    };
    const Entry& find(int64_t id) const
    {
        static const Entry none{};
        if (id >= 0 && size_t(id) < m_dense.size()) return m_dense[size_t(id)];
        auto it = m_sparse.find(id);
        return it == m_sparse.end() ? none : it->second;
    }
    std::vector<Entry> m_dense;
    std::unordered_map<int64_t, Entry> m_sparse;
    std::string m_sealed;   // every sealed name, one after another
};

struct Group {
    int64_t sessions = 0;
    DistinctIds citizens;
    void add(int64_t citizen)
    {
        ++sessions;
        if (citizen > 0) citizens.add(citizen);
    }
};

// ---------------------------------------------------------------------------------------------
// [SECTION] the period scan (sessions, services)
// ---------------------------------------------------------------------------------------------

// Which sessions are in the range, and whose: session row id → citizen row id (0 = anonymous).
class SessionCitizens {
public:
    void add(int64_t sessionId, int64_t citizen) { m_rows.emplace_back(sessionId, citizen); }
    // Call once after the last add.
    void index()
    {
        if (m_rows.empty()) return;
        m_min = m_max = m_rows.front().first;
        for (const auto& row : m_rows) {
            m_min = std::min(m_min, row.first);
            m_max = std::max(m_max, row.first);
        }
        // Dense when the ids are not too scattered (the usual case: ids grow with time); only
        // the sparse case needs the rows sorted for its binary search.
        if (m_max - m_min < int64_t(m_rows.size()) * 8 + (1 << 20)) {
            m_dense.assign(size_t(m_max - m_min + 1), -1);
            for (const auto& [s, c] : m_rows) m_dense[size_t(s - m_min)] = c;
            m_rows.clear();
            m_rows.shrink_to_fit();
        } else {
            std::sort(m_rows.begin(), m_rows.end());
        }
    }
    bool empty() const { return m_max < m_min; }
    int64_t minId() const { return m_min; }
    int64_t maxId() const { return m_max; }
    // -1 when the session is not in the range.
    int64_t citizenOf(int64_t sessionId) const
    {
        if (sessionId < m_min || sessionId > m_max) return -1;
        if (!m_dense.empty()) return m_dense[size_t(sessionId - m_min)];
        auto it = std::lower_bound(m_rows.begin(), m_rows.end(), std::pair<int64_t, int64_t>(sessionId, INT64_MIN));
        return it != m_rows.end() && it->first == sessionId ? it->second : -1;
    }

private:
    std::vector<std::pair<int64_t, int64_t>> m_rows;
    std::vector<int64_t> m_dense;
    int64_t m_min = 0, m_max = -1;
};

// Heterogeneous lookup: a village read from a row is found without copying it into a string.
struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Scan {
    int64_t sessions = 0, anonymous = 0;
    DistinctIds citizens;
    std::vector<std::string> villageNames;
    std::vector<Group> villages;
    std::unordered_map<std::string, size_t, TextHash, std::equal_to<>> villageIndex;
    std::vector<Group> staff;                   // by staff row id (small integers)
    std::unordered_map<int64_t, Group> otherStaff;
    Group genders[3];                           // CitizenAttributes::Gender
    Group bands[3];                             // 60+, under 60, unknown
    bool citizensByPerson = false;              // genders/bands citizens are counted after the scan
    // Per indicator code (index into `codes`).
    std::vector<std::string> codes;
    std::vector<int64_t> attempted;
    std::vector<DistinctIds> done;
    // For list rows: the village of each citizen's latest session in the range, as index + 1
    // (0: none), by citizen row id (sessions are scanned in start order: the last one wins).
    std::vector<uint32_t> villageOfCitizen;
    std::unordered_map<int64_t, uint32_t> villageOfSparseCitizen;

    std::string villageOf(int64_t citizen) const
    {
        uint32_t v = 0;
        if (citizen >= 0 && size_t(citizen) < villageOfCitizen.size()) v = villageOfCitizen[size_t(citizen)];
        else if (auto it = villageOfSparseCitizen.find(citizen); it != villageOfSparseCitizen.end()) v = it->second;
        return v ? villageNames[v - 1] : std::string();
    }

    size_t codeIndex(std::string_view code)
    {
        for (size_t i = 0; i < codes.size(); ++i)
            if (codes[i] == code) return i;
        codes.emplace_back(code);
        attempted.push_back(0);
        done.emplace_back();
        return codes.size() - 1;
    }
};

// Scans sessions started in [begin, end) and their services. `full` = every breakdown; otherwise
// only what the targets need (services done, by citizen). `lists`: remember each citizen's village.
// `sessionsDone` (optional) is called once the sessions are read, before their services: work that
// needs only the period's citizens can start beside the second scan.
bool scan(Database& db, const CitizenAttributes& attrs, int64_t begin, int64_t end, bool full, bool lists, Scan& out, std::string& error,
          const std::function<void(const Scan&)>& sessionsDone = {})
{
    // Within one calendar year a citizen's age band cannot change: gender and band are then
    // attributes of the person, counted once over the distinct citizens (much cheaper than a set each).
    out.citizensByPerson = localYear(begin) == localYear(end - 1);
    // Finalized however the scan ends (a throw from an allocation included).
    Query query(db, "SELECT id, staff_id, citizen_id, village, started_at FROM sessions WHERE started_at >= ?1 AND started_at < ?2 "
                    "ORDER BY started_at");
    sqlite3_stmt* const st = query.st;
    if (!st) {
        error = db.lastError();
        return false;
    }
    sqlite3_bind_int64(st, 1, begin);
    sqlite3_bind_int64(st, 2, end);
    SessionCitizens sessions;
    const int firstYear = localYear(begin);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const int64_t id = sqlite3_column_int64(st, 0);
        const int64_t citizen = sqlite3_column_type(st, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 2);
        sessions.add(id, citizen);
        if (!full) continue;
        ++out.sessions;
        if (citizen > 0) out.citizens.add(citizen);
        else ++out.anonymous;
        const std::string_view village = columnText(st, 3);
        auto it = out.villageIndex.find(village);
        if (it == out.villageIndex.end()) {
            it = out.villageIndex.emplace(std::string(village), out.villages.size()).first;
            out.villageNames.emplace_back(village);
            out.villages.emplace_back();
        }
        out.villages[it->second].add(citizen);
        const int64_t staffId = sqlite3_column_int64(st, 1);
        if (staffId >= 0 && staffId < 100000) {
            if (size_t(staffId) >= out.staff.size()) out.staff.resize(size_t(staffId) + 1);
            out.staff[size_t(staffId)].add(citizen);
        } else {
            out.otherStaff[staffId].add(citizen);
        }
        const int born = citizen > 0 ? attrs.birthYear(citizen) : 0;
        const int year = out.citizensByPerson ? firstYear : localYear(sqlite3_column_int64(st, 4));
        Group& gender = out.genders[citizen > 0 ? attrs.gender(citizen) : 0];
        Group& band = out.bands[born <= 0 ? 2 : year - born >= 60 ? 0 : 1];
        if (out.citizensByPerson) {
            ++gender.sessions;
            ++band.sessions;
        } else {
            gender.add(citizen);
            band.add(citizen);
        }
        if (lists && citizen > 0) {
            const uint32_t v = static_cast<uint32_t>(it->second + 1);
            if (citizen < kDenseLimit) {
                if (size_t(citizen) >= out.villageOfCitizen.size()) out.villageOfCitizen.resize(size_t(citizen) + 1 + out.villageOfCitizen.size() / 2);
                out.villageOfCitizen[size_t(citizen)] = v;
            } else {
                out.villageOfSparseCitizen[citizen] = v;
            }
        }
    }
    if (full && out.citizensByPerson) {
        out.citizens.forEach([&](int64_t c) {
            const int born = attrs.birthYear(c);
            out.genders[attrs.gender(c)].citizens.add(c);
            out.bands[born <= 0 ? 2 : firstYear - born >= 60 ? 0 : 1].citizens.add(c);
        });
    }
    if (rc != SQLITE_DONE) {
        error = db.lastError();
        return false;
    }
    if (sessionsDone) sessionsDone(out);
    sessions.index();
    if (sessions.empty()) return true;

    // Services of those sessions: one range scan of the (session_id, code) key.
    Query ss(db, "SELECT session_id, code, outcome FROM session_services WHERE session_id BETWEEN ?1 AND ?2");
    if (!ss.st) {
        error = db.lastError();
        return false;
    }
    sqlite3_bind_int64(ss.st, 1, sessions.minId());
    sqlite3_bind_int64(ss.st, 2, sessions.maxId());
    sqlite3_stmt* raw = ss.st;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        const int64_t citizen = sessions.citizenOf(sqlite3_column_int64(raw, 0));
        if (citizen < 0) continue;
        const size_t code = out.codeIndex(columnText(raw, 1));
        ++out.attempted[code];
        if (citizen > 0 && columnText(raw, 2) == "done") out.done[code].add(citizen);
    }
    if (rc != SQLITE_DONE) {
        error = db.lastError();
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] lists, targets, buildReport
// ---------------------------------------------------------------------------------------------

std::vector<GroupFigures> sortedGroups(std::vector<GroupFigures> groups)
{
    std::vector<std::pair<std::string, GroupFigures>> keyed;
    for (GroupFigures& g : groups) keyed.emplace_back(vietnameseSortKey(g.label), std::move(g));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<GroupFigures> out;
    for (auto& k : keyed) out.push_back(std::move(k.second));
    return out;
}

GroupFigures figures(std::string key, std::string label, const Group& g)
{
    return GroupFigures{std::move(key), std::move(label), g.sessions, g.citizens.count()};
}

// Every citizen of the period with a name to show, opened once, given its Vietnamese sort key and
// ranked: built on a worker thread while the services are scanned (the lists need only the
// citizens with a service done, a subset: ranks over the whole period order them the same).
struct People {
    struct Person {
        int64_t id = 0;
        ListEntry entry;
        std::string key;
        bool unreadable = false;
    };
    std::vector<Person> sorted;          // in Vietnamese name order
    std::vector<uint32_t> denseRank;     // citizen row id → index in `sorted` + 1 (0: none)
    std::unordered_map<int64_t, uint32_t> sparseRank;

    uint32_t rankOf(int64_t id) const
    {
        if (id >= 0 && size_t(id) < denseRank.size() && denseRank[size_t(id)]) return denseRank[size_t(id)] - 1;
        return sparseRank.at(id);
    }
};

People openPeople(const CitizenAttributes& attrs, const Vault& vault, const Scan& s)
{
    People out;
    out.sorted.reserve(size_t(s.citizens.count()));
    s.citizens.forEach([&](int64_t id) {
        People::Person p;
        p.id = id;
        if (attrs.known(id)) {
            // The collector's store still holds names sealed without the row binding: openAny.
            std::optional<std::string> name = vault.openAny(attrs.sealedName(id), rowAd("citizens.name_enc", attrs.uid(id)));
            p.unreadable = !name;
            p.entry.fullName = name ? std::move(*name) : "(không đọc được tên)";
            p.entry.birthYear = attrs.birthYear(id);
        }
        p.entry.village = s.villageOf(id);
        p.key = vietnameseNameSortKey(p.entry.fullName);
        out.sorted.push_back(std::move(p));
    });
    std::sort(out.sorted.begin(), out.sorted.end(), [](const People::Person& a, const People::Person& b) {
        if (a.key != b.key) return a.key < b.key;
        if (a.entry.birthYear != b.entry.birthYear) return a.entry.birthYear < b.entry.birthYear;
        return a.entry.village < b.entry.village;
    });
    for (size_t i = 0; i < out.sorted.size(); ++i) {
        const int64_t id = out.sorted[i].id;
        if (id >= 0 && id < kDenseLimit) {
            if (size_t(id) >= out.denseRank.size()) out.denseRank.resize(size_t(id) + 1 + out.denseRank.size() / 2);
            out.denseRank[size_t(id)] = uint32_t(i + 1);
        } else {
            out.sparseRank.emplace(id, uint32_t(i));
        }
    }
    return out;
}

void fillLists(const People& people, const Scan& s, Report& r)
{
    DistinctIds wanted;
    for (const DistinctIds& d : s.done) wanted.merge(d);
    int64_t unreadable = 0;
    wanted.forEach([&](int64_t id) { unreadable += people.sorted[people.rankOf(id)].unreadable ? 1 : 0; });
    if (unreadable > 0)
        r.warnings.push_back("Không đọc được tên của " + std::to_string(unreadable) +
                             " người dân bằng khoá của máy này: danh sách ghi \"(không đọc được tên)\". Xin chạy `kiosk db check`.");
    std::vector<uint32_t> rows;
    for (IndicatorFigures& ind : r.indicators) {
        auto c = std::find(s.codes.begin(), s.codes.end(), ind.code);
        if (c == s.codes.end()) continue;
        rows.clear();
        s.done[size_t(c - s.codes.begin())].forEach([&](int64_t id) { rows.push_back(people.rankOf(id)); });
        std::sort(rows.begin(), rows.end());
        ind.list.reserve(rows.size());
        for (uint32_t i : rows) ind.list.push_back(people.sorted[i].entry);
    }
}

void fillTargets(const ReportInput& in, const Scan& cumulative, Report& r)
{
    const TargetsConfig& t = in.targets;
    r.targetsYear = t.year;
    r.adultPopulation = t.adultPopulation;
    r.households = t.households;
    r.population = t.population;
    // Targets in checklist order, then any other configured code.
    std::vector<const IndicatorTarget*> ordered;
    for (const IndicatorFigures& ind : r.indicators)
        for (const IndicatorTarget& it : t.indicators)
            if (it.code == ind.code) ordered.push_back(&it);
    for (const IndicatorTarget& it : t.indicators)
        if (std::find(ordered.begin(), ordered.end(), &it) == ordered.end()) ordered.push_back(&it);
    for (const IndicatorTarget* it : ordered) {
        TargetProgress p;
        p.code = it->code;
        p.of = it->of;
        p.targetPercent = it->percent;
        p.label = it->code;
        for (const IndicatorFigures& ind : r.indicators)
            if (ind.code == it->code) p.label = ind.label;
        p.denominator = t.denominator(it->of);
        auto c = std::find(cumulative.codes.begin(), cumulative.codes.end(), it->code);
        if (c != cumulative.codes.end()) p.achieved = cumulative.done[size_t(c - cumulative.codes.begin())].count();
        if (p.denominator > 0) {
            p.targetCount = static_cast<int64_t>(std::ceil(double(p.denominator) * it->percent / 100.0 - 1e-9));
            p.achievedPercent = 100.0 * double(p.achieved) / double(p.denominator);
        }
        r.targets.push_back(std::move(p));
    }
}

const char* kGenderKeys[3] = {"unknown", "male", "female"};
const char* kGenderLabels[3] = {"Không rõ (không lưu thông tin cá nhân)", "Nam", "Nữ"};
const char* kBandKeys[3] = {"60+", "under_60", "unknown"};
const char* kBandLabels[3] = {"Từ 60 tuổi trở lên", "Dưới 60 tuổi", "Không rõ (không lưu thông tin cá nhân)"};

} // namespace

std::vector<IndicatorInfo> reportIndicators(const std::vector<ServiceDef>& services)
{
    std::vector<IndicatorInfo> out;
    for (const ServiceDef& s : services) out.push_back({s.code, s.title.vi, s.sheet});
    return out;
}

std::optional<Report> buildReport(Database& db, const Vault& vault, const ReportInput& in, std::string& error)
{
    auto fail = [&](const std::string& why) {
        error = "Không đọc được số liệu từ cơ sở dữ liệu (" + why + "). Xin chạy `kiosk db check`.";
        return std::nullopt;
    };
    Report r;
    r.period = in.period;
    r.commune = in.commune;
    // Every query sees the same snapshot while the kiosk keeps saving.
    const ReadSnapshot snapshot(db);
    CitizenAttributes attrs;
    if (!attrs.load(db, in.withLists)) return fail(db.lastError());

    Scan s;
    std::string why;
    for (const IndicatorInfo& i : in.indicators) s.codeIndex(i.code);
    // The names are opened, keyed and ranked on a second core while this one scans the services
    // (std::async's future joins it on every way out).
    std::future<People> people;
    auto openNames = [&](const Scan& sessions) {
        people = std::async(std::launch::async, openPeople, std::cref(attrs), std::cref(vault), std::cref(sessions));
    };
    if (!scan(db, attrs, in.period.begin, in.period.end, true, in.withLists, s, why, in.withLists ? openNames : std::function<void(const Scan&)>()))
        return fail(why);

    r.sessions = s.sessions;
    r.anonymousSessions = s.anonymous;
    r.citizens = s.citizens.count();
    // Codes met in the data but not in the checklist follow it, by code.
    std::vector<size_t> order;
    for (size_t i = 0; i < s.codes.size(); ++i) order.push_back(i);
    const size_t listed = in.indicators.size();
    std::sort(order.begin() + std::ptrdiff_t(std::min(listed, order.size())), order.end(), [&](size_t a, size_t b) { return s.codes[a] < s.codes[b]; });
    for (size_t i : order) {
        IndicatorFigures f;
        f.code = s.codes[i];
        if (i < listed) {
            f.label = in.indicators[i].label;
            f.sheet = in.indicators[i].sheet;
        } else if (auto l = in.otherLabels.find(f.code); l != in.otherLabels.end()) f.label = l->second;
        else f.label = f.code;
        f.sessions = s.attempted[i];
        f.citizens = s.done[i].count();
        r.indicators.push_back(std::move(f));
    }

    for (size_t v = 0; v < s.villages.size(); ++v)
        r.byVillage.push_back(figures(s.villageNames[v], s.villageNames[v].empty() ? "Không ghi thôn" : s.villageNames[v], s.villages[v]));
    r.byVillage = sortedGroups(std::move(r.byVillage));
    {
        // One person may hold accounts on several kiosks (the collector): staff are counted by name.
        std::map<std::string, Group> byName;
        Statement names(db.handle(), "SELECT id, name FROM staff");
        std::unordered_map<int64_t, std::string> nameOf;
        while (names.step()) nameOf[names.int64(0)] = names.text(1);
        auto byId = s.otherStaff;
        for (size_t id = 0; id < s.staff.size(); ++id)
            if (s.staff[id].sessions > 0) byId.emplace(int64_t(id), std::move(s.staff[id]));
        for (auto& [id, g] : byId) {
            auto n = nameOf.find(id);
            Group& target = byName[n != nameOf.end() ? n->second : "#" + std::to_string(id)];
            target.sessions += g.sessions;
            target.citizens.merge(g.citizens);
        }
        for (auto& [name, g] : byName) r.byStaff.push_back(figures(name, name, g));
        r.byStaff = sortedGroups(std::move(r.byStaff));
        r.staffActive = int64_t(byName.size());
    }
    for (int g : {1, 2, 0}) r.byGender.push_back(figures(kGenderKeys[g], kGenderLabels[g], s.genders[g]));
    for (int b = 0; b < 3; ++b) r.byAgeBand.push_back(figures(kBandKeys[b], kBandLabels[b], s.bands[b]));

    addLessonStatistics(db, in, r);

    // Progress: citizens with each target's service done from 1 January of the target year to the
    // end of the period (the same scan when the period starts on 1 January).
    const LocalDate yearStart{std::chrono::year{in.targets.year}, std::chrono::January, std::chrono::day{1}};
    const LocalDate yearEnd{std::chrono::year{in.targets.year}, std::chrono::December, std::chrono::day{31}};
    r.targetsFrom = yearStart;
    r.targetsTo = std::min(in.period.last, yearEnd);
    if (!in.targets.indicators.empty()) {
        if (in.period.first == yearStart && in.period.last <= yearEnd) {
            fillTargets(in, s, r);
        } else {
            Scan cumulative;
            const int64_t end = std::min(in.period.end, localMidnight(LocalDate{std::chrono::sys_days{yearEnd} + std::chrono::days{1}}));
            if (end > localMidnight(yearStart) && !scan(db, attrs, localMidnight(yearStart), end, false, false, cumulative, why)) return fail(why);
            fillTargets(in, cumulative, r);
        }
    }

    {
        const int64_t targetsEnd = std::min(in.period.end, localMidnight(LocalDate{std::chrono::sys_days{yearEnd} + std::chrono::days{1}}));
        if (!addVillageFigures(db, in, localMidnight(yearStart), targetsEnd, r, why)) return fail(why);
    }

    if (in.withLists) fillLists(people.get(), s, r);
    return r;
}

} // namespace kiosk
