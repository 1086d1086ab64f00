// The commune's report for a period (issue 5): figures aggregated over the session tables, lists of
// citizens per indicator, lesson statistics, progress against the year's targets. Runs unchanged
// over the kiosk's database and the collector's (same tables: staff, citizens, sessions,
// session_services; usage_events when present). Names are decrypted only for list rows.
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/report/report_period.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/store/vault.hpp"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct IndicatorInfo {
    std::string code;
    std::string label;   // Vietnamese
    std::string sheet;   // short name for the workbook's list sheet ("" = none)
};

struct ReportInput {
    ReportPeriod period;
    std::string commune;
    std::vector<IndicatorInfo> indicators;             // the deployment's checklist, in its order
    std::map<std::string, std::string> otherLabels;    // labels for codes met in the data but not in the checklist
    TargetsConfig targets;
    std::map<std::string, std::string> lessonTitles;   // lesson id → Vietnamese title
    bool withLists = true;                             // false: figures only (nothing decrypted)
};

// A list row: a citizen with the indicator done in the period. `village` is the village of the
// citizen's latest session in the period.
struct ListEntry {
    std::string fullName;
    int birthYear = 0;
    std::string village;
};

struct IndicatorFigures {
    std::string code, label;
    int64_t sessions = 0;                // sessions in which it was attempted (any outcome)
    int64_t citizens = 0;                // distinct citizens with outcome `done`
    std::vector<ListEntry> list;         // those citizens, in Vietnamese name order
    std::string sheet;                   // the checklist's short name for it, "" when it has none
};

// One row of a breakdown: sessions, and distinct citizens among them.
struct GroupFigures {
    std::string key;                     // village name, staff name, "male"/"female"/"unknown", "60+"/"under_60"/"unknown"
    std::string label;                   // Vietnamese, for people
    int64_t sessions = 0;
    int64_t citizens = 0;
};

struct LessonFigures {
    std::string lesson, title;
    int64_t opened = 0, completed = 0, quizCompleted = 0;
    std::optional<double> quizAveragePercent;   // mean share of right answers, when a quiz was finished
};

// One village: of the household register and of the period (JSON key "villages").
struct VillageFigures {
    std::string village;
    int64_t households = 0;              // in the register
    int64_t householdsReached = 0;       // distinct households with a session in the period
    int64_t householdsVneidDvc = 0;      // one person with vneid_level2 and online_public_service done, up to the period's end
    int64_t sessions = 0, citizens = 0;  // the period's, by the session's village
};

// One team member with sessions in the period (JSON key "team").
struct TeamFigures {
    std::string staff, village;          // village: the member's (kiosk staff add --village), "" when not given
    int64_t sessions = 0, householdsReached = 0;
};

struct TargetProgress {
    std::string code, label, of;         // of: "adult_population" | "households" | "population"
    double targetPercent = 0;
    int64_t denominator = 0;             // 0: not entered in [targets]
    std::optional<int64_t> targetCount;  // ceil(denominator × percent / 100)
    int64_t achieved = 0;                // distinct citizens (households for of = "households") with it done, 1 January .. period end
    std::optional<double> achievedPercent;   // of the denominator
};

struct Report {
    ReportPeriod period;
    std::string commune;
    int64_t sessions = 0;
    int64_t anonymousSessions = 0;
    int64_t citizens = 0;                // distinct citizens rows
    int64_t staffActive = 0;             // distinct staff names with at least one session
    std::vector<IndicatorFigures> indicators;
    // Gender and age bands count anonymous sessions as "unknown", so each breakdown sums to `sessions`.
    // Age band: age = (local year of the session's start) − birth year; 60 or more is "60+".
    std::vector<GroupFigures> byVillage, byStaff, byGender, byAgeBand;
    std::vector<VillageFigures> villages;   // every village of the register, and those seen only in sessions
    std::vector<TeamFigures> team;          // every staff name with a session in the period
    bool lessonsAvailable = false;       // usage_events exists in this database
    int64_t visits = 0;
    std::vector<LessonFigures> lessons;
    int targetsYear = 0;
    LocalDate targetsFrom{}, targetsTo{};   // the cumulative range progress is counted over
    int64_t adultPopulation = 0, households = 0, population = 0;
    std::vector<TargetProgress> targets;
    std::vector<std::string> warnings;   // Vietnamese, for stderr: e.g. names that did not open with this key
};

// Nullopt with a Vietnamese message when the database cannot be read. Reads in one snapshot (a
// read transaction): give it a connection no other thread is writing through at the same time.
std::optional<Report> buildReport(Database& db, const Vault& vault, const ReportInput& input, std::string& error);

// Fills the lesson statistics from usage_events (left out when the table does not exist).
void addLessonStatistics(Database& db, const ReportInput& input, Report& report);

// The checklist as report indicators (code and Vietnamese title).
std::vector<IndicatorInfo> reportIndicators(const std::vector<ServiceDef>& services);

} // namespace kiosk
