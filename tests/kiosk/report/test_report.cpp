// The report engine against a hand-computed fixture: seven sessions in 2026-Q1 (one at 23:59 on
// 31 March, local time), one at 00:00 on 1 April, one at 23:59:59 on 31 December 2025; repeated
// and anonymous citizens; breakdowns, lists in Vietnamese name order, lessons, targets.
#include "kiosk/records/records.hpp"
#include "kiosk/report/report.hpp"
#include "kiosk/report/report_export.hpp"
#include "tests/kiosk/report/report_fixture.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <algorithm>
#include <nlohmann/json.hpp>

using namespace kiosk;

TEST_CASE("periods are local dates in UTC+7 and a session belongs to the one it started in")
{
    std::string error;
    auto q1 = quarterPeriod("2026-Q1", error);
    REQUIRE(q1);
    // 2026-01-01 00:00 in Vietnam is 2025-12-31 17:00 UTC; 2026-04-01 00:00 is 2026-03-31 17:00 UTC.
    CHECK(q1->begin == 1767200400);
    CHECK(q1->end == 1774976400);
    CHECK(q1->label == "Quý I/2026");
    CHECK(q1->contains(1774976340));        // 2026-03-31 23:59 local
    CHECK_FALSE(q1->contains(1774976400));  // 2026-04-01 00:00 local: Q2
    CHECK_FALSE(q1->contains(1767200399));  // 2025-12-31 23:59:59 local: Q4 2025
    auto q4 = quarterPeriod("2025-q4", error);
    REQUIRE(q4);
    CHECK(q4->end == q1->begin);
    CHECK(q4->label == "Quý IV/2025");

    auto feb = monthPeriod("2026-02", error);
    REQUIRE(feb);
    CHECK(feb->begin == 1767200400 + 31 * 86400);
    CHECK(feb->end == feb->begin + 28 * 86400);
    CHECK(feb->label == "Tháng 2/2026");
    auto leap = monthPeriod("2028-02", error);
    REQUIRE(leap);
    CHECK(leap->end - leap->begin == 29 * 86400);

    auto range = rangePeriod("2026-02-01", "2026-02-10", error);
    REQUIRE(range);
    CHECK(range->end - range->begin == 10 * 86400);   // both days included
    CHECK(range->label == "Từ 01/02/2026 đến 10/02/2026");

    CHECK_FALSE(quarterPeriod("2026-Q5", error));
    CHECK(error.find("2026-Q1") != std::string::npos);
    CHECK_FALSE(monthPeriod("2026-13", error));
    CHECK_FALSE(rangePeriod("2026-02-30", "2026-03-01", error));
    CHECK_FALSE(rangePeriod("2026-03-01", "2026-02-01", error));
    CHECK(error.find("đứng trước") != std::string::npos);

    // The command line's three forms, exactly one at a time.
    CHECK(periodFromArguments("", "2026-03", "", "", error)->label == "Tháng 3/2026");
    CHECK(periodFromArguments("", "", "2026-01-01", "2026-03-31", error)->end == q1->end);
    CHECK_FALSE(periodFromArguments("2026-Q1", "2026-03", "", "", error));
    CHECK(error.find("đúng một kỳ") != std::string::npos);
    CHECK_FALSE(periodFromArguments("", "", "2026-01-01", "", error));
    CHECK(error.find("--to") != std::string::npos);

    // Local date-times, as an import writes them.
    CHECK(parseLocalDateTime("2026-03-31T23:59:00") == 1774976340);
    CHECK(parseLocalDateTime("2026-03-31 23:59") == 1774976340);
    CHECK_FALSE(parseLocalDateTime("2026-03-31T24:00:00"));
    CHECK_FALSE(parseLocalDateTime("31/03/2026 10:00"));
    CHECK(localIsoDateTime(1774976340) == "2026-03-31T23:59:00");
    CHECK(parseDmyDate("29/02/2024"));
    CHECK(parseDmyDate("5/3/1956"));
    CHECK_FALSE(parseDmyDate("29/02/2023"));
}

TEST_CASE("report figures for a quarter match the hand count")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE_MESSAGE(r, error);
    CHECK(r->sessions == 7);
    CHECK(r->anonymousSessions == 2);
    CHECK(r->citizens == 4);      // Thuỷ came twice: one citizen
    CHECK(r->staffActive == 2);   // Phạm Minh Đức helped nobody this quarter

    auto ind = [&](const std::string& code) {
        for (const IndicatorFigures& i : r->indicators)
            if (i.code == code) return i;
        FAIL("no indicator " << code);
        return IndicatorFigures{};
    };
    // Every code of the checklist, in its order, even with nothing done.
    REQUIRE(r->indicators.size() >= 11);
    CHECK(r->indicators[0].code == "vneid_install");
    CHECK(r->indicators[1].code == "vneid_level2");
    CHECK(r->indicators[1].label == f.input("2026-Q1").indicators[1].label);   // the checklist's title
    CHECK_FALSE(r->indicators[1].label.empty());
    CHECK(ind("vneid_install").sessions == 3);      // S1 done, S4 done but anonymous, S7 partial
    CHECK(ind("vneid_install").citizens == 1);
    CHECK(ind("vneid_level2").sessions == 4);       // S1 partial, S2, S3, S5 done
    CHECK(ind("vneid_level2").citizens == 3);
    CHECK(ind("ehealth_book").sessions == 1);       // referred: attempted, not done
    CHECK(ind("ehealth_book").citizens == 0);
    CHECK(ind("bank_account").citizens == 1);
    CHECK(ind("digital_signature").citizens == 1);
    CHECK(ind("vneid_documents").sessions == 0);

    // Lists: by given name first (An, Tám, Thuỷ), with birth year and village.
    const auto& l2 = ind("vneid_level2").list;
    REQUIRE(l2.size() == 3);
    CHECK(l2[0].fullName == "Đỗ Văn An");
    CHECK(l2[0].birthYear == 1966);
    CHECK(l2[0].village == "Thôn Đông");
    CHECK(l2[1].fullName == "Lê Văn Tám");
    CHECK(l2[1].village == "Thôn Tây");
    CHECK(l2[2].fullName == "Nguyễn Thị Thuỷ");
    CHECK(ind("vneid_install").list.size() == 1);
    CHECK(ind("ehealth_book").list.empty());

    REQUIRE(r->byVillage.size() == 3);
    CHECK(r->byVillage[0].key == "");
    CHECK(r->byVillage[0].label == "Không ghi thôn");
    CHECK(r->byVillage[0].sessions == 1);
    CHECK(r->byVillage[0].citizens == 0);
    CHECK(r->byVillage[1].key == "Thôn Đông");
    CHECK(r->byVillage[1].sessions == 3);
    CHECK(r->byVillage[1].citizens == 2);
    CHECK(r->byVillage[2].key == "Thôn Tây");
    CHECK(r->byVillage[2].sessions == 3);
    CHECK(r->byVillage[2].citizens == 2);

    REQUIRE(r->byStaff.size() == 2);
    CHECK(r->byStaff[0].key == "Lê Thị Hoa");
    CHECK(r->byStaff[0].sessions == 4);
    CHECK(r->byStaff[0].citizens == 2);
    CHECK(r->byStaff[1].key == "Trần Văn Bảo");
    CHECK(r->byStaff[1].sessions == 3);
    CHECK(r->byStaff[1].citizens == 2);

    REQUIRE(r->byGender.size() == 3);
    CHECK(r->byGender[0].key == "male");
    CHECK(r->byGender[0].sessions == 2);
    CHECK(r->byGender[0].citizens == 2);
    CHECK(r->byGender[1].key == "female");
    CHECK(r->byGender[1].sessions == 3);
    CHECK(r->byGender[1].citizens == 2);
    CHECK(r->byGender[2].key == "unknown");
    CHECK(r->byGender[2].sessions == 2);
    CHECK(r->byGender[2].citizens == 0);

    // Age = 2026 − birth year: Tám 70 and An 60 are 60+; Thuỷ 36 and Ánh 25 are not.
    REQUIRE(r->byAgeBand.size() == 3);
    CHECK(r->byAgeBand[0].key == "60+");
    CHECK(r->byAgeBand[0].sessions == 2);
    CHECK(r->byAgeBand[0].citizens == 2);
    CHECK(r->byAgeBand[1].key == "under_60");
    CHECK(r->byAgeBand[1].sessions == 3);
    CHECK(r->byAgeBand[1].citizens == 2);
    CHECK(r->byAgeBand[2].sessions == 2);
}

TEST_CASE("quarter boundaries, a month and a range of dates pick the right sessions")
{
    test::ReportFixture f;
    std::string error;
    auto q2 = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q2"), error);
    REQUIRE(q2);
    CHECK(q2->sessions == 1);   // 2026-04-01 00:00 local
    CHECK(q2->citizens == 1);
    CHECK(q2->staffActive == 1);
    CHECK(q2->byStaff[0].key == "Phạm Minh Đức");
    auto q4 = buildReport(*f.rec->db, *f.rec->vault, f.input("2025-Q4"), error);
    REQUIRE(q4);
    CHECK(q4->sessions == 1);   // 2025-12-31 23:59:59 local
    CHECK(q4->anonymousSessions == 1);

    ReportInput march = f.input("2026-Q1");
    march.period = *monthPeriod("2026-03", error);
    auto m = buildReport(*f.rec->db, *f.rec->vault, march, error);
    REQUIRE(m);
    CHECK(m->sessions == 3);    // 2 March, 15 March, 31 March 23:59

    ReportInput range = f.input("2026-Q1");
    range.period = *rangePeriod("2026-02-01", "2026-02-10", error);
    auto r = buildReport(*f.rec->db, *f.rec->vault, range, error);
    REQUIRE(r);
    CHECK(r->sessions == 2);    // 1 February and 10 February: both ends included
    CHECK(r->anonymousSessions == 1);
}

TEST_CASE("targets show progress from 1 January to the end of the period")
{
    test::ReportFixture f;
    std::string error;
    auto q1 = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(q1);
    CHECK(q1->targetsYear == 2026);
    CHECK(isoDate(q1->targetsFrom) == "2026-01-01");
    CHECK(isoDate(q1->targetsTo) == "2026-03-31");
    auto target = [](const Report& r, const std::string& code) {
        for (const TargetProgress& t : r.targets)
            if (t.code == code) return t;
        FAIL("no target " << code);
        return TargetProgress{};
    };
    // Checklist order: vneid_level2, bank_account, digital_signature.
    REQUIRE(q1->targets.size() == 3);
    CHECK(q1->targets[0].code == "vneid_level2");
    const TargetProgress sig = target(*q1, "digital_signature");
    CHECK(sig.denominator == 1000);
    CHECK(sig.targetCount == 354);                  // 35.4 % of 1,000 adults
    CHECK(sig.achieved == 1);
    CHECK(*sig.achievedPercent == doctest::Approx(0.1));
    const TargetProgress level2 = target(*q1, "vneid_level2");
    CHECK(level2.of == "households");
    CHECK(level2.targetCount == 400);
    CHECK(level2.achieved == 0);   // counted in households: this fixture's sessions name none (test_report_villages counts them)
    const TargetProgress bank = target(*q1, "bank_account");
    CHECK(bank.denominator == 0);                   // population not entered
    CHECK_FALSE(bank.targetCount);
    CHECK_FALSE(bank.achievedPercent);
    CHECK(bank.achieved == 1);

    // Q2 counts from 1 January: Tám's bank account in April adds to Thuỷ's in February.
    auto q2 = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q2"), error);
    REQUIRE(q2);
    CHECK(isoDate(q2->targetsTo) == "2026-06-30");
    CHECK(target(*q2, "bank_account").achieved == 2);
    CHECK(target(*q2, "vneid_level2").achieved == 0);   // three people, but no household named
}

TEST_CASE("lesson statistics come from the anonymous usage log, in local time, and are optional")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    CHECK(r->lessonsAvailable);
    CHECK(r->visits == 2);
    REQUIRE(r->lessons.size() == 1);
    CHECK(r->lessons[0].lesson == "vneid-cai-dat");
    CHECK(r->lessons[0].title == "Cài VNeID");
    CHECK(r->lessons[0].opened == 2);            // one at 00:30 on 1 January, local time
    CHECK(r->lessons[0].completed == 1);
    CHECK(r->lessons[0].quizCompleted == 2);
    CHECK(*r->lessons[0].quizAveragePercent == doctest::Approx(87.5));   // 3/4 and 4/4

    // The collector's database has no usage_events: the section is left out, nothing fails.
    REQUIRE(f.rec->db->exec("DROP TABLE usage_events"));
    auto without = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(without);
    CHECK_FALSE(without->lessonsAvailable);
    CHECK(without->sessions == 7);
}

TEST_CASE("a name sealed with another kiosk's key is listed as unreadable, with a warning, and the rest stay right")
{
    test::ReportFixture f;
    // Lê Văn Tám's name re-sealed with a key this kiosk does not have (a database copied between
    // kiosks without its key file).
    std::string error;
    auto other = Vault::open(f.dir.path() / "other.key", error);
    REQUIRE_MESSAGE(other, error);
    int64_t tam = 0;
    {
        Statement q(f.rec->db->handle(), "SELECT id, name_enc, uid FROM citizens");
        while (q.step())
            if (f.rec->vault->open(q.blob(1), rowAd("citizens.name_enc", q.text(2))) == std::optional<std::string>("Lê Văn Tám")) tam = q.int64(0);
    }
    REQUIRE(tam > 0);
    REQUIRE(Statement(f.rec->db->handle(), "UPDATE citizens SET name_enc=? WHERE id=?").bindBlob(1, other->seal("Lê Văn Tám")).bind(2, tam).run());

    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE_MESSAGE(r, error);
    const IndicatorFigures* l2 = nullptr;
    for (const IndicatorFigures& i : r->indicators)
        if (i.code == "vneid_level2") l2 = &i;
    REQUIRE(l2);
    REQUIRE(l2->list.size() == 3);
    int unreadable = 0;
    for (const ListEntry& e : l2->list) {
        CHECK(e.fullName != "Lê Văn Tám");
        if (e.fullName == "(không đọc được tên)") {
            ++unreadable;
            CHECK(e.village == "Thôn Tây");   // what is not sealed still shows
        }
    }
    CHECK(unreadable == 1);
    CHECK(std::find_if(l2->list.begin(), l2->list.end(), [](const ListEntry& e) { return e.fullName == "Đỗ Văn An"; }) != l2->list.end());
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].find("Không đọc được tên của 1 người dân") == 0);
    CHECK(r->sessions == 7);   // the figures do not depend on names
}

TEST_CASE("figures only: nothing is decrypted when the lists are not asked for")
{
    test::ReportFixture f;
    ReportInput in = f.input("2026-Q1");
    in.withLists = false;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, in, error);
    REQUIRE(r);
    CHECK(r->citizens == 4);
    for (const IndicatorFigures& i : r->indicators) CHECK(i.list.empty());
}

TEST_CASE("the JSON report has the documented keys and the same figures")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    const auto j = nlohmann::json::parse(reportJson(*r));
    for (const char* key : {"commune", "period", "sessions", "anonymous_sessions", "citizens", "staff_active", "indicators", "lists", "by_village",
                            "by_staff", "by_gender", "by_age_band", "lessons", "targets", "warnings"})
        CHECK_MESSAGE(j.contains(key), key);
    CHECK(j["period"] == nlohmann::json{{"from", "2026-01-01"}, {"to", "2026-03-31"}, {"label", "Quý I/2026"}});
    CHECK(j["sessions"] == 7);
    CHECK(j["anonymous_sessions"] == 2);
    CHECK(j["citizens"] == 4);
    CHECK(j["staff_active"] == 2);
    const std::string level2 = f.input("2026-Q1").indicators[1].label;
    CHECK(j["indicators"][1] == nlohmann::json{{"code", "vneid_level2"}, {"label", level2}, {"sessions", 4}, {"citizens", 3}});
    CHECK(j["lists"]["vneid_level2"][0] == nlohmann::json{{"full_name", "Đỗ Văn An"}, {"birth_year", 1966}, {"village", "Thôn Đông"}});
    CHECK(j["lists"]["vneid_documents"].is_array());
    CHECK(j["lists"]["vneid_documents"].empty());
    CHECK(j["by_gender"][1] == nlohmann::json{{"gender", "female"}, {"label", "Nữ"}, {"sessions", 3}, {"citizens", 2}});
    CHECK(j["by_age_band"][0]["band"] == "60+");
    CHECK(j["by_village"][1] == nlohmann::json{{"village", "Thôn Đông"}, {"sessions", 3}, {"citizens", 2}});
    CHECK(j["lessons"]["items"][0]["quiz_average_percent"] == 87.5);
    CHECK(j["targets"]["items"][2]["target_count"] == 354);
    CHECK(j["targets"]["items"][1]["achieved_percent"].is_null());
}

TEST_CASE("the JSON's lists, written without a JSON tree, are byte for byte what nlohmann's dump(2) writes")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    // Names and villages a hand-written writer could get wrong: quotes, a backslash, control
    // characters, DEL, 4-byte UTF-8, decomposed marks; and a code outside the checklist.
    r->indicators[0].list.push_back({"Nguyễn \"Tí\" Văn\\An", 0, "Thôn\tĐông\n"});
    r->indicators[0].list.push_back({"Lê\x01\x1f\x7f Thị B\xF0\x9F\x98\x80", 1950, ""});
    r->indicators[0].list.push_back({"Tra\xCC\x82\xCC\x80n Văn Ba", -1, "Xóm \"Mới\""});
    r->indicators.push_back({"ngoai_danh_muc \"x\"", "Khác", 1, 1, {{"Phạm Thị Hoa", 1960, "Thôn 2"}}});
    const std::string text = reportJson(*r);
    CHECK(nlohmann::ordered_json::parse(text).dump(2) + "\n" == text);
    CHECK(nlohmann::json::parse(text)["lists"]["ngoai_danh_muc \"x\""][0]["village"] == "Thôn 2");

    // No indicator at all: "lists" is an empty object, as the library writes it.
    Report empty = *r;
    empty.indicators.clear();
    const std::string emptyText = reportJson(empty);
    CHECK(emptyText.find("\"lists\": {},") != std::string::npos);
    CHECK(nlohmann::ordered_json::parse(emptyText).dump(2) + "\n" == emptyText);

    // Bytes that are not UTF-8 fail as they did through the library (a report is not written
    // with a name cut in half).
    for (const char* bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "An \xFF"}) {
        Report broken = *r;
        broken.indicators[0].list.push_back({bad, 1950, "Thôn 1"});
        CHECK_THROWS_AS(reportJson(broken), nlohmann::json::type_error);
    }
}

TEST_CASE("the CSV report is one flat UTF-8 table with a BOM, quoted where needed")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    r->byVillage.push_back({"Xóm \"Mới\", Thôn Bắc", "Xóm \"Mới\", Thôn Bắc", 1, 0});
    r->byVillage.push_back({"=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", 1, 0});
    const std::string csv = reportCsv(*r);
    const std::string level2 = f.input("2026-Q1").indicators[1].label;
    REQUIRE(level2.find_first_of(",\"") == std::string::npos);
    CHECK(csv.rfind("\xEF\xBB\xBFsection,code,label,metric,value,full_name,birth_year,village\r\n", 0) == 0);
    CHECK(csv.find("summary,sessions,Số lượt hỗ trợ,count,7,,,\r\n") != std::string::npos);
    CHECK(csv.find("summary,citizens,Số người dân được hỗ trợ,count,4,,,\r\n") != std::string::npos);
    CHECK(csv.find("indicator,vneid_level2," + level2 + ",citizens,3,,,\r\n") != std::string::npos);
    CHECK(csv.find("age_band,60+,Từ 60 tuổi trở lên,sessions,2,,,\r\n") != std::string::npos);
    CHECK(csv.find("list,vneid_level2," + level2 + ",,,Lê Văn Tám,1956,Thôn Tây\r\n") != std::string::npos);
    CHECK(csv.find(",target_percent,35.4,,,\r\n") != std::string::npos);
    CHECK(csv.find("target,digital_signature,") != std::string::npos);
    CHECK(csv.find("lesson,vneid-cai-dat,Cài VNeID,quiz_average_percent,87.5,,,\r\n") != std::string::npos);
    // Commas and quotes inside a cell: quoted, quotes doubled; a formula stays text.
    CHECK(csv.find("village,\"Xóm \"\"Mới\"\", Thôn Bắc\",\"Xóm \"\"Mới\"\", Thôn Bắc\",sessions,1,,,\r\n") != std::string::npos);
    CHECK(csv.find("village,\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    // Every row has the same eight columns (no cell here holds a comma outside quotes).
    size_t rows = 0;
    for (size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
    CHECK(rows > 40);
}

TEST_CASE("[targets] in the configuration: the plan's defaults, a deployment's denominators, wrong values named")
{
    test::TempDir dir;
    test::writeFile(dir / "xa.toml", "[targets]\nadult_population = 5200\nhouseholds = 1900\n"
                                     "[targets.indicators]\nehealth_book = { percent = 0, of = \"population\" }\n"
                                     "bank_account = { percent = 120, of = \"adult_population\" }\n"
                                     "cashless_payment = { percent = 50, of = \"villages\" }\n"
                                     "online_safety = { percent = 60, of = \"adult_population\" }\n");
    const ConfigLoad bundled = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(bundled.problems.empty());
    const TargetsConfig& t = bundled.config.targets;
    CHECK(t.year == 2026);
    CHECK(t.adultPopulation == 0);   // each commune enters its own
    auto find = [](const TargetsConfig& c, const std::string& code) -> const IndicatorTarget* {
        for (const IndicatorTarget& i : c.indicators)
            if (i.code == code) return &i;
        return nullptr;
    };
    REQUIRE(find(t, "digital_signature"));
    CHECK(find(t, "digital_signature")->percent == doctest::Approx(35.4));
    CHECK(find(t, "digital_signature")->of == "adult_population");
    REQUIRE(find(t, "ehealth_book"));
    CHECK(find(t, "ehealth_book")->of == "population");
    CHECK(find(t, "vneid_level2")->of == "households");

    const ConfigLoad deployed = loadConfig(test::assetsDir() / "kiosk.toml", dir / "xa.toml");
    const TargetsConfig& d = deployed.config.targets;
    CHECK(d.adultPopulation == 5200);
    CHECK(d.households == 1900);
    CHECK(d.denominator("households") == 1900);
    CHECK_FALSE(find(d, "ehealth_book"));             // percent = 0 drops the default
    CHECK_FALSE(find(d, "bank_account"));             // 120 %: refused
    CHECK_FALSE(find(d, "cashless_payment"));         // unknown denominator: refused
    REQUIRE(find(d, "online_safety"));
    CHECK(find(d, "digital_signature"));              // defaults not overridden stay
    REQUIRE(deployed.problems.size() == 2);
    CHECK(deployed.problems[0].line > 0);
    CHECK(deployed.problems[0].str().find("xa.toml") != std::string::npos);
}

TEST_CASE("a CSV cell starting with TAB or CR before a formula stays text")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    // Spreadsheets skip a leading TAB or CR and run what follows (a village sent by a kiosk).
    r->byVillage.push_back({"\t=1+1", "\t=1+1", 1, 0});
    r->byVillage.push_back({"\r=2+2", "\r=2+2", 1, 0});
    const std::string csv = reportCsv(*r);
    CHECK(csv.find("village,\"'\t=1+1\",\"'\t=1+1\",sessions,1,,,\r\n") != std::string::npos);
    CHECK(csv.find("village,\"'\r=2+2\",\"'\r=2+2\",sessions,1,,,\r\n") != std::string::npos);
    CHECK(csv.find(",\t=") == std::string::npos);
    CHECK(csv.find(",\"\t=") == std::string::npos);
}
