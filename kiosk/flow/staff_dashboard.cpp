// The quarter containing today, figures only (nothing decrypted), and the upload status.
#include "kiosk/flow/staff_dashboard.hpp"
#include <algorithm>
#include "kiosk/report/report.hpp"
#include "kiosk/report/report_period.hpp"

namespace kiosk {

Dashboard buildDashboard(Database& db, const Vault& vault, const Config& config, const std::vector<ServiceDef>& services, int64_t nowUnix)
{
    using namespace std::chrono;
    Dashboard d;
    const LocalDate today = localDate(nowUnix);
    const int year = int(today.year());
    const int quarter = (int(unsigned(today.month())) - 1) / 3 + 1;
    std::string error;
    const auto period = quarterPeriod(std::to_string(year) + "-Q" + std::to_string(quarter), error);
    if (!period) {
        d.error = error;
        return d;
    }
    d.quarterLabel = period->label;
    d.today = {int(today.year()), int(unsigned(today.month())), int(unsigned(today.day()))};
    const LocalDate due{today.year(), month(unsigned(quarter * 3)), day(21)};
    d.daysUntilDue = int((sys_days(due) - sys_days(today)).count());
    char buf[16];
    std::snprintf(buf, sizeof buf, "21/%02d/%d", quarter * 3, year);
    d.dueDate = buf;

    ReportInput in;
    in.period = *period;
    in.commune = config.commune;
    in.indicators = reportIndicators(services);
    in.targets = config.targets;
    in.withLists = false;
    if (auto r = buildReport(db, vault, in, error)) {
        d.sessions = r->sessions;
        d.citizens = r->citizens;
        d.anonymousSessions = r->anonymousSessions;
        for (const TargetProgress& t : r->targets) d.bars.push_back({t.code, t.label, t.achieved, t.targetCount});
    } else {
        d.error = error;
    }
    // The villages, this year so far (the plans' 90 % of households is a year's goal).
    ReportInput soFar = in;
    soFar.period = makePeriod(LocalDate{today.year(), January, day(1)}, today, std::to_string(year));
    if (auto r = buildReport(db, vault, soFar, error)) {
        for (const VillageFigures& v : r->villages)
            if (v.households > 0) d.villages.push_back({v.village, v.households, v.householdsReached, v.householdsVneidDvc});
        std::stable_sort(d.villages.begin(), d.villages.end(),
                         [](const DashboardVillage& a, const DashboardVillage& b) { return a.reachedFraction() < b.reachedFraction(); });
    } else if (d.error.empty()) {
        d.error = error;
    }
    d.upload = Outbox(db, vault).status();
    return d;
}

} // namespace kiosk
