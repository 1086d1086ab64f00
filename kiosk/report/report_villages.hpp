// The report's households, village by village (what the plans count): the register's households,
// those reached in the period, those in which one person has both VNeID level 2 and an online
// public service done, and the period's sessions and citizens per village.
#pragma once
#include "kiosk/report/report.hpp"

namespace kiosk {

// Fills report.villages, and recomputes the targets counted `of = "households"` from households
// (from `targetsBegin` to the period's end). False with SQLite's message on a read error.
bool addVillageFigures(Database& db, const ReportInput& input, int64_t targetsBegin, int64_t targetsEnd, Report& report, std::string& error);

} // namespace kiosk
