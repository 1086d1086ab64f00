// Households per village, from the register (table households) and the sessions' household_code.
#include "kiosk/report/report_villages.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <algorithm>
#include <map>

namespace kiosk {

namespace {

// One person = the same identified citizen across sessions (up to the end), or one anonymous
// session with both services done. A household counts when such a person had a session in it.
constexpr const char* kVneidDvcSql = R"sql(
    WITH done AS (
        SELECT s.citizen_id AS citizen, s.household AS household,
               max(ss.code = 'vneid_level2' AND ss.outcome = 'done') AS v2,
               max(ss.code = 'online_public_service' AND ss.outcome = 'done') AS dvc
        FROM sessions s JOIN session_services ss ON ss.session_id = s.id
        WHERE s.started_at < ?1 GROUP BY s.id),
    people AS (SELECT citizen FROM done WHERE citizen IS NOT NULL GROUP BY citizen HAVING max(v2) = 1 AND max(dvc) = 1),
    reached AS (
        SELECT household FROM done WHERE household <> '' AND citizen IN (SELECT citizen FROM people)
        UNION
        SELECT household FROM done WHERE household <> '' AND citizen IS NULL AND v2 = 1 AND dvc = 1)
    SELECT COALESCE(h.village, (SELECT s.village FROM sessions s WHERE s.household = r.household ORDER BY s.id LIMIT 1)), count(*)
    FROM reached r LEFT JOIN households h ON h.code = r.household GROUP BY 1
)sql";

// Distinct households with at least one session in [begin, end), by the household's village.
constexpr const char* kReachedSql = R"sql(
    SELECT COALESCE(h.village, s.village), count(DISTINCT s.household)
    FROM sessions s LEFT JOIN households h ON h.code = s.household
    WHERE s.household <> '' AND s.started_at >= ?1 AND s.started_at < ?2 GROUP BY 1
)sql";

bool tableExists(Database& db, const char* name)
{
    Statement st(db.handle(), "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
    st.bind(1, name);
    return st.step().row();
}

} // namespace

bool addVillageFigures(Database& db, const ReportInput& in, int64_t targetsBegin, int64_t targetsEnd, Report& r, std::string& error)
{
    if (!tableExists(db, "households")) return true;   // a database from before the register (and staff villages)
    std::map<std::string, VillageFigures> byVillage;
    auto entry = [&](const std::string& village) -> VillageFigures& {
        VillageFigures& v = byVillage[village];
        v.village = village;
        return v;
    };
    auto each = [&](const char* sql, auto&& bindAll, auto&& use) {
        Statement st(db.handle(), sql);
        bindAll(st);
        StepResult step(StepResult::Done);
        while ((step = st.step())) use(st);
        if (step.error()) error = db.lastError();
        return !step.error();
    };
    auto none = [](Statement&) {};
    if (!each("SELECT village, count(*) FROM households GROUP BY village", none,
              [&](Statement& st) { entry(st.text(0)).households = st.int64(1); }) ||
        !each("SELECT village, count(*), count(DISTINCT citizen_id) FROM sessions WHERE started_at >= ?1 AND started_at < ?2 GROUP BY village",
              [&](Statement& st) { st.bind(1, in.period.begin).bind(2, in.period.end); },
              [&](Statement& st) {
                  VillageFigures& v = entry(st.text(0));
                  v.sessions = st.int64(1);
                  v.citizens = st.int64(2);
              }) ||
        !each(kReachedSql, [&](Statement& st) { st.bind(1, in.period.begin).bind(2, in.period.end); },
              [&](Statement& st) { entry(st.text(0)).householdsReached = st.int64(1); }) ||
        !each(kVneidDvcSql, [&](Statement& st) { st.bind(1, in.period.end); },
              [&](Statement& st) { entry(st.text(0)).householdsVneidDvc = st.int64(1); }))
        return false;
    byVillage.erase(std::string());   // sessions without a village are in no village's row
    for (auto& [name, v] : byVillage) r.villages.push_back(std::move(v));
    std::stable_sort(r.villages.begin(), r.villages.end(),
                     [](const VillageFigures& a, const VillageFigures& b) { return vietnameseSortKey(a.village) < vietnameseSortKey(b.village); });

    // The team: each member with a session in the period, their village and households reached.
    if (!each("SELECT st.name, st.village, count(*), count(DISTINCT CASE WHEN s.household <> '' THEN s.household END) "
              "FROM sessions s JOIN staff st ON st.id = s.staff_id WHERE s.started_at >= ?1 AND s.started_at < ?2 GROUP BY st.id",
              [&](Statement& st) { st.bind(1, in.period.begin).bind(2, in.period.end); },
              [&](Statement& st) { r.team.push_back({st.text(0), st.text(1), st.int64(2), st.int64(3)}); }))
        return false;
    std::stable_sort(r.team.begin(), r.team.end(),
                     [](const TeamFigures& a, const TeamFigures& b) { return vietnameseNameSortKey(a.staff) < vietnameseNameSortKey(b.staff); });

    // Targets of households: households with the service done, from the target year's start.
    for (TargetProgress& t : r.targets) {
        if (t.of != "households") continue;
        Statement st(db.handle(), "SELECT count(DISTINCT s.household) FROM sessions s JOIN session_services ss ON ss.session_id = s.id "
                                  "WHERE s.household <> '' AND ss.code = ?1 AND ss.outcome = 'done' AND s.started_at >= ?2 AND s.started_at < ?3");
        st.bind(1, t.code).bind(2, targetsBegin).bind(3, targetsEnd);
        const StepResult step = st.step();
        if (!step.row()) {
            error = db.lastError();
            return false;
        }
        t.achieved = st.int64(0);
        if (t.denominator > 0) t.achievedPercent = 100.0 * double(t.achieved) / double(t.denominator);
    }
    return true;
}

} // namespace kiosk
