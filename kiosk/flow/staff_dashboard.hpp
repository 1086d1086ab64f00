// What staff see on their home screen: this quarter's figures, progress against the year's
// targets, days left until the report is due (the 21st of the quarter's last month), and the
// nightly upload's status. Built from the report engine and the outbox.
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/content/provenance.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include "kiosk/content/services.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct DashboardBar {
    std::string code, label;
    int64_t achieved = 0;                 // distinct citizens with it done this year so far
    std::optional<int64_t> target;        // from [targets]; none when no denominator is entered
    double fraction() const { return target && *target > 0 ? std::min(1.0, double(achieved) / double(*target)) : 0.0; }
};

// A village of the household register, this year so far: households reached against the plan's
// "at least 90 % of the village's households", and those where one person has both VNeID level 2
// and an online public service done.
struct DashboardVillage {
    std::string village;
    int64_t households = 0, reached = 0, vneidDvc = 0;
    int64_t goal() const { return (households * 9 + 9) / 10; }   // 90 %, rounded up
    double reachedFraction() const { return goal() > 0 ? std::min(1.0, double(reached) / double(goal())) : 0.0; }
    double vneidDvcShare() const { return households > 0 ? double(vneidDvc) / double(households) : 0.0; }
};

struct Dashboard {
    std::string quarterLabel;             // "Quý IV/2026"
    int daysUntilDue = 0;                 // to the 21st of the quarter's last month (0 on the day, negative after)
    std::string dueDate;                  // "21/12/2026"
    int64_t sessions = 0, citizens = 0, anonymousSessions = 0;
    std::vector<DashboardBar> bars;       // indicators that have a target
    std::vector<DashboardVillage> villages;   // the register's villages, furthest behind the 90 % first
    UploadStatus upload;
    CalendarDate today;                   // Vietnam's date when built: which lessons are due for a check
    std::string error;                    // Vietnamese, when the figures could not be read
};

// Reads through `db`: the staff flow calls it on DashboardWorker's own connection.
Dashboard buildDashboard(Database& db, const Vault& vault, const Config& config, const std::vector<ServiceDef>& services, int64_t nowUnix);

} // namespace kiosk
