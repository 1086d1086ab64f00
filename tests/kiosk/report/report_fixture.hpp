// A hand-counted set of sessions for the report tests (tests/kiosk/report/test_report*.cpp); what each
// session holds is listed in report_fixture.cpp beside the figures it must give.
#pragma once
#include "kiosk/records/records.hpp"
#include "kiosk/report/report.hpp"
#include "tests/support/test_support.hpp"
#include <memory>

namespace test {

struct ReportFixture {
    TempDir dir;
    kiosk::ManualClock clock;
    std::unique_ptr<kiosk::Records> rec;

    ReportFixture();
    // The report's input for a quarter ("2026-Q1"): the Thanh Hóa checklist, targets with
    // adult_population 1000, households 400, population not entered.
    kiosk::ReportInput input(const std::string& quarter) const;
};

// Local time in Vietnam (UTC+7) as unix seconds, by calendar arithmetic independent of the code
// under test.
int64_t vietnamTime(int year, unsigned month, unsigned day, int hour, int minute, int second = 0);

} // namespace test
