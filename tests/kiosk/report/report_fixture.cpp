// The report fixture. Quarter 2026-Q1 holds S1–S7; S8 is Q2, S9 is Q4 2025.
//   citizen            born  gender  ID            sessions
//   Nguyễn Thị Thuỷ    1990  female  038190001234  S1, S2
//   Lê Văn Tám         1956  male    038056009876  S3, S8
//   Đỗ Văn An          1966  male    038066001111  S5
//   Bùi Thị Ánh        2001  female  038301002222  S7
//   S1 Bảo  Thuỷ  Thôn Đông  05/01 09:00  vneid_install done, vneid_level2 partial
//   S2 Bảo  Thuỷ  Thôn Đông  10/02 14:00  vneid_level2 done, bank_account done
//   S3 Hoa  Tám   Thôn Tây   31/03 23:59  vneid_level2 done, ehealth_book referred
//   S4 Hoa  —     Thôn Tây   01/02 08:00  vneid_install done (anonymous)
//   S5 Bảo  An    Thôn Đông  02/03 10:00  digital_signature done, vneid_level2 done
//   S6 Hoa  —     (none)     20/01 15:00  nothing ticked (anonymous)
//   S7 Hoa  Ánh   Thôn Tây   15/03 11:00  vneid_install partial
//   S8 Đức  Tám   Thôn Tây   01/04 00:00  vneid_level2 done, bank_account done
//   S9 Đức  —     Thôn Tây   31/12/2025 23:59:59  vneid_install done
#include "tests/kiosk/report/report_fixture.hpp"
#include "kiosk/content/services.hpp"
#include <doctest/doctest.h>
#include <chrono>

namespace test {

using namespace kiosk;

int64_t vietnamTime(int year, unsigned month, unsigned day, int hour, int minute, int second)
{
    using namespace std::chrono;
    const int64_t days = sys_days{year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}}.time_since_epoch().count();
    return days * 86400 + hour * 3600 + minute * 60 + second - 7 * 3600;
}

namespace {

CitizenId person(const char* id, const char* name, int year, int month, int day, const char* gender)
{
    CitizenId c;
    c.id = id;
    c.fullName = name;
    c.birthYear = year;
    c.birthMonth = month;
    c.birthDay = day;
    c.gender = gender;
    c.address = "Quảng Ngọc, Thanh Hóa";
    c.issueYear = 2021;
    c.issueMonth = 5;
    c.issueDay = 1;
    return c;
}

} // namespace

ReportFixture::ReportFixture()
{
    clock.setUnixSeconds(vietnamTime(2026, 7, 1, 8, 0));
    std::string error;
    rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    const int64_t bao = *rec->staff->ensureImported("Trần Văn Bảo");
    const int64_t hoa = *rec->staff->ensureImported("Lê Thị Hoa");
    const int64_t duc = *rec->staff->ensureImported("Phạm Minh Đức");
    const CitizenId thuy = person("038190001234", "Nguyễn Thị Thuỷ", 1990, 3, 15, "female");
    const CitizenId tam = person("038056009876", "Lê Văn Tám", 1956, 9, 2, "male");
    const CitizenId an = person("038066001111", "Đỗ Văn An", 1966, 12, 30, "male");
    const CitizenId anh = person("038301002222", "Bùi Thị Ánh", 2001, 7, 7, "female");
    auto save = [&](int64_t staff, std::optional<CitizenId> c, const char* village, int64_t start, std::vector<ServiceOutcome> services) {
        NewSession s;
        s.staffId = staff;
        s.startedAt = start;
        s.endedAt = start + 20 * 60;
        s.citizen = std::move(c);
        s.consent = s.citizen.has_value();
        s.village = village;
        s.services = std::move(services);
        std::string e;
        REQUIRE_MESSAGE(rec->sessions->save(s, e), e);
    };
    const Outcome done = Outcome::Done, partial = Outcome::Partial, referred = Outcome::Referred;
    save(bao, thuy, "Thôn Đông", vietnamTime(2026, 1, 5, 9, 0), {{"vneid_install", done}, {"vneid_level2", partial}});
    save(bao, thuy, "Thôn Đông", vietnamTime(2026, 2, 10, 14, 0), {{"vneid_level2", done}, {"bank_account", done}});
    save(hoa, tam, "Thôn Tây", vietnamTime(2026, 3, 31, 23, 59), {{"vneid_level2", done}, {"ehealth_book", referred}});
    save(hoa, std::nullopt, "Thôn Tây", vietnamTime(2026, 2, 1, 8, 0), {{"vneid_install", done}});
    save(bao, an, "Thôn Đông", vietnamTime(2026, 3, 2, 10, 0), {{"digital_signature", done}, {"vneid_level2", done}});
    save(hoa, std::nullopt, "", vietnamTime(2026, 1, 20, 15, 0), {});
    save(hoa, anh, "Thôn Tây", vietnamTime(2026, 3, 15, 11, 0), {{"vneid_install", partial}});
    save(duc, tam, "Thôn Tây", vietnamTime(2026, 4, 1, 0, 0), {{"vneid_level2", done}, {"bank_account", done}});
    save(duc, std::nullopt, "Thôn Tây", vietnamTime(2025, 12, 31, 23, 59, 59), {{"vneid_install", done}});

    // Lesson statistics (UTC times, as the usage log writes them). 2025-12-31T17:30Z is 00:30 on
    // 1 January in Vietnam: Q1. 2025-12-31T16:59:59Z is still 2025.
    REQUIRE(rec->db->exec(
        "INSERT INTO usage_events(at, visit, kind, lesson, step, detail) VALUES "
        "('2025-12-31T16:59:59Z', 1, 'visit_started', '', 0, ''),"
        "('2025-12-31T16:59:59Z', 1, 'lesson_opened', 'vneid-cai-dat', 1, ''),"
        "('2025-12-31T17:30:00Z', 2, 'visit_started', '', 0, ''),"
        "('2025-12-31T17:30:00Z', 2, 'lesson_opened', 'vneid-cai-dat', 1, ''),"
        "('2026-02-02T03:00:00Z', 2, 'quiz_completed', 'vneid-cai-dat', 4, '3/4'),"
        "('2026-02-03T03:00:00Z', 3, 'visit_started', '', 0, ''),"
        "('2026-02-03T03:00:00Z', 3, 'lesson_opened', 'vneid-cai-dat', 1, ''),"
        "('2026-02-03T03:10:00Z', 3, 'lesson_completed', 'vneid-cai-dat', 6, ''),"
        "('2026-02-03T03:12:00Z', 3, 'quiz_completed', 'vneid-cai-dat', 4, '4/4'),"
        "('2026-02-03T03:13:00Z', 3, 'rating', 'vneid-cai-dat', 0, 'good')"));
}

ReportInput ReportFixture::input(const std::string& quarter) const
{
    ReportInput in;
    std::string error;
    in.period = *quarterPeriod(quarter, error);
    in.commune = "xã Quảng Ngọc";
    std::vector<Problem> problems;
    in.indicators = reportIndicators(loadServices(assetsDir() / "services.toml", "thanh-hoa", problems));
    in.targets.year = 2026;
    in.targets.adultPopulation = 1000;
    in.targets.households = 400;
    in.targets.indicators = {{"digital_signature", 35.4, "adult_population"},
                             {"vneid_level2", 100, "households"},
                             {"bank_account", 50, "population"}};
    in.lessonTitles["vneid-cai-dat"] = "Cài VNeID";
    return in;
}

} // namespace test
