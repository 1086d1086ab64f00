// The report's households by village, against a small hand-counted register and set of sessions:
// one person who did VNeID level 2 and the public service in two sessions (their household counts),
// two people of one household who each did one (it does not), an anonymous session with both (its
// household counts), a village seen only in sessions, and a target counted in households.
#include "kiosk/households/household_import.hpp"
#include "kiosk/report/report_export.hpp"
#include "tests/kiosk/report/report_fixture.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace kiosk;

namespace {

CitizenId citizen(const char* id, const char* name, int year, const char* gender)
{
    CitizenId c;
    c.id = id;
    c.fullName = name;
    c.birthYear = year;
    c.birthMonth = 1;
    c.birthDay = 2;
    c.gender = gender;
    c.address = "Quảng Ngọc, Thanh Hóa";
    c.issueYear = 2021;
    c.issueMonth = 5;
    c.issueDay = 1;
    return c;
}

} // namespace

TEST_CASE("villages: households in the register, reached in the period, and with one person on VNeID level 2 and public services")
{
    test::TempDir dir;
    ManualClock clock;
    clock.setUnixSeconds(test::vietnamTime(2026, 7, 1, 8, 0));
    std::string error;
    auto rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    HouseholdRegister reg(*rec->db, *rec->vault, clock);
    HouseholdImporter importer(*rec->db, reg, *rec->audit);
    REQUIRE(importer.importText("village,household_code,head_name,address\n"
                                "Thôn A,A1,Nguyễn Văn Một,thôn A\nThôn A,A2,Nguyễn Văn Hai,thôn A\nThôn A,A3,Nguyễn Văn Ba,thôn A\n"
                                "Thôn A,A4,Nguyễn Văn Bốn,thôn A\nThôn B,B1,Trần Thị Năm,thôn B\n",
                                "cli")
                .ok);
    const int64_t staff = *rec->staff->ensureImported("Trần Văn Bảo");
    REQUIRE(rec->staff->setVillage("Trần Văn Bảo", "Thôn A", "cli", error));
    const Outcome done = Outcome::Done, partial = Outcome::Partial;
    auto save = [&](std::optional<CitizenId> c, const char* village, const char* household, int64_t at, std::vector<ServiceOutcome> services) {
        NewSession s;
        s.staffId = staff;
        s.startedAt = at;
        s.endedAt = at + 600;
        s.citizen = c;
        s.consent = c.has_value();
        s.village = village;
        s.household = household;
        s.services = std::move(services);
        std::string e;
        REQUIRE_MESSAGE(rec->sessions->save(s, e), e);
    };
    const CitizenId x = citizen("038190001234", "Nguyễn Thị Xuân", 1990, "female");
    const CitizenId y = citizen("038056009876", "Lê Văn Yên", 1956, "male");
    const CitizenId z = citizen("038166001111", "Lê Thị Zung", 1966, "female");
    // Before the period: X's VNeID level 2 (counts for "up to the period's end", not for "reached").
    save(x, "Thôn A", "A1", test::vietnamTime(2025, 12, 20, 9, 0), {{"vneid_level2", done}});
    // Q1 2026:
    save(x, "Thôn A", "A1", test::vietnamTime(2026, 2, 10, 9, 0), {{"online_public_service", done}});   // A1: X has both
    save(y, "Thôn A", "A2", test::vietnamTime(2026, 1, 12, 9, 0), {{"vneid_level2", done}});
    save(z, "Thôn A", "A2", test::vietnamTime(2026, 1, 12, 9, 30), {{"online_public_service", done}}); // A2: two people, one each
    save(std::nullopt, "Thôn A", "A3", test::vietnamTime(2026, 3, 1, 9, 0), {{"vneid_level2", done}, {"online_public_service", partial}});
    save(std::nullopt, "Thôn B", "B1", test::vietnamTime(2026, 3, 2, 9, 0), {{"vneid_level2", done}, {"online_public_service", done}});
    save(std::nullopt, "Thôn C", "", test::vietnamTime(2026, 3, 3, 9, 0), {{"vneid_install", done}});
    // After the period (Q2): not counted in Q1.
    save(y, "Thôn A", "A4", test::vietnamTime(2026, 4, 2, 9, 0), {{"online_public_service", done}});

    test::ReportFixture shape;   // only for its input (the checklist, targets with vneid_level2 of households 400)
    ReportInput in = shape.input("2026-Q1");
    const auto report = buildReport(*rec->db, *rec->vault, in, error);
    REQUIRE_MESSAGE(report, error);
    REQUIRE(report->villages.size() == 3);
    const VillageFigures& a = report->villages[0];
    CHECK(a.village == "Thôn A");
    CHECK(a.households == 4);
    CHECK(a.householdsReached == 3);     // A1, A2, A3 (A4 only in Q2)
    CHECK(a.householdsVneidDvc == 1);    // A1 only: Y and Z are two people; A3's public service was partial
    CHECK(a.sessions == 4);
    CHECK(a.citizens == 3);              // X, Y, Z
    const VillageFigures& b = report->villages[1];
    CHECK(b.village == "Thôn B");
    CHECK(b.households == 1);
    CHECK(b.householdsReached == 1);
    CHECK(b.householdsVneidDvc == 1);    // one anonymous session with both
    CHECK(b.citizens == 0);
    const VillageFigures& c = report->villages[2];
    CHECK(c.village == "Thôn C");        // seen only in sessions
    CHECK(c.households == 0);
    CHECK(c.sessions == 1);

    // The target of households counts households with VNeID level 2 done from 1 January: A2, A3, B1
    // (A1's was in December 2025).
    const auto target = std::find_if(report->targets.begin(), report->targets.end(), [](const TargetProgress& t) { return t.code == "vneid_level2"; });
    REQUIRE(target != report->targets.end());
    CHECK(target->of == "households");
    CHECK(target->achieved == 3);

    REQUIRE(report->team.size() == 1);   // the team member, their village, and the households reached in Q1
    CHECK(report->team[0].staff == "Trần Văn Bảo");
    CHECK(report->team[0].village == "Thôn A");
    CHECK(report->team[0].sessions == 6);
    CHECK(report->team[0].householdsReached == 4);   // A1, A2, A3, B1

    const auto j = nlohmann::json::parse(reportJson(*report));
    REQUIRE(j["villages"].size() == 3);
    CHECK(j["villages"][0] == nlohmann::json{{"village", "Thôn A"}, {"households", 4}, {"households_reached", 3},
                                             {"households_vneid_dvc", 1}, {"sessions", 4}, {"citizens", 3}});
    const std::string csv = reportCsv(*report);
    CHECK(csv.find("households,Thôn B,Thôn B,households_vneid_dvc,1") != std::string::npos);

    // At the end of Q2 A4 is reached and Y now has both (VNeID in January, the public service in April): A2 and A4 count.
    const auto q2 = buildReport(*rec->db, *rec->vault, shape.input("2026-Q2"), error);
    REQUIRE_MESSAGE(q2, error);
    CHECK(q2->villages[0].householdsReached == 1);
    CHECK(q2->villages[0].householdsVneidDvc == 3);   // A1, A2 (Y), A4 (Y)
}
