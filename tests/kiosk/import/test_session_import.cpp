// The CSV import: RFC 4180 quoting (commas, line breaks, doubled quotes inside cells), Vietnamese
// text, all or nothing with every bad line named, re-import adds nothing, unknown staff.
#include "kiosk/records/records.hpp"
#include "kiosk/report/report.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/import/session_import.hpp"
#include "kiosk/households/household_import.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

namespace {

const char* kHeader = "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\r\n";

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Records> rec;
    std::unique_ptr<SessionImporter> importer;
    Fixture()
    {
        clock.setUnixSeconds(1775000000);   // 2026-04-01
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        std::vector<Problem> problems;
        std::vector<std::string> codes;
        for (const ServiceDef& s : loadServices(test::assetsDir() / "services.toml", "thanh-hoa", problems)) codes.push_back(s.code);
        importer = std::make_unique<SessionImporter>(*rec->db, *rec->vault, clock, *rec->sessions, *rec->staff, *rec->audit, codes);
    }
    ImportResult run(const std::string& csv) { return importer->importText(csv, "cli"); }
    int64_t count(const char* sql)
    {
        Statement st(rec->db->handle(), sql);
        REQUIRE(st.step());
        return st.int64(0);
    }
};

// Five sessions. Row 3's notes span two lines (the file's lines 3 and 4), with a quoted comma and
// doubled quotes; row 5 is anonymous; row 6 gives services without outcomes.
const std::string kGood = std::string("\xEF\xBB\xBF") + kHeader +
    "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,\"Thôn Đông, xóm 2\",vneid_install;vneid_level2:partial,\r\n"
    "2026-02-10T14:00:00,2026-02-10T14:30:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,\"Thôn Đông, xóm 2\",\"vneid_level2:done; bank_account\",\"Bà nói: \"\"con gái giúp nhận OTP\"\",\r\nhẹn tuần sau\"\r\n"
    "2026-03-31T23:59:00,2026-04-01T00:20:00,Lê Thị Hoa,038056009876,Lê Văn Tám,02/09/1956,Nam,Thôn Tây,vneid_level2:done;ehealth_book:referred,\r\n"
    "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install:done,khách vãng lai\r\n"
    "2026-03-02 10:00,2026-03-02 10:30,  Trần   Văn Bảo ,038 066 001 111,Đỗ Văn An,30/12/1966,nam,Thôn Đông,digital_signature;vneid_level2,\r\n"
    ",,,,,,,,,\r\n";

} // namespace

TEST_CASE("parseCsv reads RFC 4180 quoting and names each record by its first line")
{
    std::vector<CsvRecord> records;
    int bad = 0;
    std::string reason;
    REQUIRE(parseCsv("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"multi\nline\",x,\n\nlast,,", records, bad, reason));
    REQUIRE(records.size() == 4);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == std::vector<std::string>{"a", "b,c", "d \"e\""});
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == std::vector<std::string>{"multi\nline", "x", ""});
    CHECK(records[2].line == 4);
    CHECK(records[2].fields == std::vector<std::string>{""});
    CHECK(records[3].line == 5);
    CHECK(records[3].fields == std::vector<std::string>{"last", "", ""});

    records.clear();
    CHECK_FALSE(parseCsv("a,b\n\"open,\nstill open", records, bad, reason));
    CHECK(bad == 2);
    CHECK(reason.find("không đóng") != std::string::npos);
    CHECK_FALSE(parseCsv("a,\"b\"c\n", records, bad, reason));
    CHECK(bad == 1);
}

TEST_CASE("parseCsv counts a lone CR inside a quoted cell as a line, as it does outside one")
{
    // An old Mac "CSV (Macintosh)" file ends lines with CR alone; record 2 starts on line 3.
    std::vector<CsvRecord> records;
    int bad = 0;
    std::string reason;
    REQUIRE(parseCsv("a,\"x\ry\"\rb,c\r\"p\r\nq\",r", records, bad, reason));
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == std::vector<std::string>{"a", "x\ry"});
    CHECK(records[1].line == 3);
    CHECK(records[2].line == 4);   // a CRLF inside quotes is one line break, not two
    CHECK(records[2].fields == std::vector<std::string>{"p\r\nq", "r"});
}

TEST_CASE("a good file imports every row, with its quoted commas, line breaks and Vietnamese text")
{
    Fixture f;
    const ImportResult r = f.run(kGood);
    INFO(r.error);
    REQUIRE(r.problems.empty());
    REQUIRE(r.ok);
    CHECK(r.rows == 5);   // the empty row at the end is not a row
    CHECK(r.added == 5);
    CHECK(r.alreadyThere == 0);
    CHECK(r.newStaff == 2);
    CHECK(f.count("SELECT count(*) FROM sessions WHERE source='import' AND import_key IS NOT NULL") == 5);
    CHECK(f.count("SELECT count(*) FROM sessions WHERE citizen_id IS NULL") == 1);
    CHECK(f.count("SELECT count(*) FROM citizens") == 3);

    // Unknown staff became imported volunteer accounts without a PIN; spaces were tidied.
    auto bao = f.rec->staff->find("Trần Văn Bảo");
    REQUIRE(bao);
    CHECK(bao->imported);
    CHECK(bao->role == StaffRole::Volunteer);
    CHECK(f.rec->staff->signIn("Trần Văn Bảo", "1234").kind == SignInResult::Kind::NoPin);

    auto thuy = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(thuy);
    CHECK(thuy->card.fullName == "Nguyễn Thị Thuỷ");
    CHECK(thuy->card.birthDateIso() == "1990-03-15");
    CHECK(thuy->card.gender == "female");
    REQUIRE(thuy->sessions.size() == 2);
    const SessionView& first = thuy->sessions[0];
    CHECK(first.startedAt == 1770084900);   // 2026-02-03 09:15 in Vietnam = 02:15 UTC
    CHECK(first.village == "Thôn Đông, xóm 2");
    CHECK(first.source == "import");
    REQUIRE(first.services.size() == 2);
    CHECK(first.services[0] == ServiceOutcome{"vneid_install", Outcome::Done});
    CHECK(first.services[1] == ServiceOutcome{"vneid_level2", Outcome::Partial});
    CHECK(thuy->sessions[1].notes == "Bà nói: \"con gái giúp nhận OTP\",\nhẹn tuần sau");
    REQUIRE(thuy->sessions[1].services.size() == 2);
    CHECK(thuy->sessions[1].services[0] == ServiceOutcome{"bank_account", Outcome::Done});
    auto an = f.rec->sessions->findCitizen("038066001111");
    REQUIRE(an);
    CHECK(an->sessions[0].staffName == "Trần Văn Bảo");
    CHECK(an->card.gender == "male");

    // The same figures a report gives.
    ReportInput in;
    std::string error;
    in.period = *quarterPeriod("2026-Q1", error);
    auto report = buildReport(*f.rec->db, *f.rec->vault, in, error);
    REQUIRE(report);
    CHECK(report->sessions == 5);
    CHECK(report->citizens == 3);
    CHECK(report->anonymousSessions == 1);
    CHECK(report->staffActive == 2);
}

TEST_CASE("importing the same file again adds nothing, and a row changed in any column is a new session")
{
    Fixture f;
    REQUIRE(f.run(kGood).ok);
    const ImportResult again = f.run(kGood);
    REQUIRE(again.ok);
    CHECK(again.added == 0);
    CHECK(again.alreadyThere == 5);
    CHECK(again.newStaff == 0);
    CHECK(f.count("SELECT count(*) FROM sessions") == 5);

    // Only the notes differ: a second session. The same row twice in one file: one session.
    const std::string row = "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install:done,khách quen\r\n";
    const ImportResult changed = f.run(std::string(kHeader) + row + row);
    REQUIRE(changed.ok);
    CHECK(changed.added == 1);
    CHECK(changed.alreadyThere == 1);
    CHECK(f.count("SELECT count(*) FROM sessions") == 6);
}

TEST_CASE("a file with bad rows imports nothing and names every bad line with the reason")
{
    Fixture f;
    const std::string csv = std::string(kHeader) +
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Cán bộ Mới,,,,,Thôn Đông,vneid_install,\n"                             // 2: good
        "2026-02-03,2026-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_install,\n"                                    // 3: date only
        "2026-02-03T09:15:00,2026-02-03T09:00:00,Trần Văn Bảo,,,,,Thôn Đông,,\"ghi chú\n"                                // 4-5: end before start
        "hai dòng\"\n"
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,38190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,,\n"  // 6: 11 digits
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,31/02/1990,Nữ,Thôn Đông,,\n" // 7: no such date
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,nu,Thôn Đông,,\n" // 8: gender
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,,15/03/1990,Nữ,Thôn Đông,,\n"               // 9: no name
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_levl2;vneid_install:ok,\n"            // 10: services
        "2026-02-03T09:15:00,2026-02-03T09:40:00,,,,,,Thôn Đông,,\n"                                                    // 11: no staff
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông, xóm 2,vneid_install,\n"                    // 12: unquoted comma
        "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1991,Nữ,Thôn Đông,,\n" // 13: ID vs year
        "2027-02-03T09:15:00,2027-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông,,\n";                                       // 14: future
    const ImportResult r = f.run(csv);
    CHECK_FALSE(r.ok);
    CHECK(r.added == 0);
    std::map<int, std::string> byLine;
    for (const ImportProblem& p : r.problems) byLine[p.line] += p.message + " | ";
    CHECK_FALSE(byLine.count(2));
    CHECK(byLine[3].find("started_at phải là ngày giờ") != std::string::npos);
    CHECK(byLine[4].find("ended_at đứng trước started_at") != std::string::npos);
    CHECK(byLine[6].find("đúng 12 chữ số") != std::string::npos);
    CHECK(byLine[7].find("birth_date") != std::string::npos);
    CHECK(byLine[8].find("Nam hoặc Nữ") != std::string::npos);
    CHECK(byLine[9].find("chưa đủ") != std::string::npos);
    // The column and the item, never the cell's words (a wrongly filled cell may hold a name).
    CHECK(byLine[10].find("cột services, mục thứ 1: không phải mã dịch vụ trong danh mục") != std::string::npos);
    CHECK(byLine[10].find("cột services: kết quả của dịch vụ") != std::string::npos);
    CHECK(byLine[10].find("vneid_levl2") == std::string::npos);
    CHECK(byLine[10].find("\"ok\"") == std::string::npos);
    CHECK(byLine[11].find("staff") != std::string::npos);
    CHECK(byLine[12].find("nhiều hơn 10 cột") != std::string::npos);
    CHECK(byLine[13].find("không khớp với năm sinh") != std::string::npos);
    CHECK(byLine[14].find("tương lai") != std::string::npos);
    CHECK(byLine.size() == 11);
    // Nothing written: no session, no citizen, not even the new staff account of the good row.
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);
    CHECK(f.count("SELECT count(*) FROM citizens") == 0);
    CHECK_FALSE(f.rec->staff->find("Cán bộ Mới"));
    // Messages name lines, never what the citizen wrote.
    for (const ImportProblem& p : r.problems) {
        CHECK(p.message.find("038190001234") == std::string::npos);
        CHECK(p.message.find("Thuỷ") == std::string::npos);
        CHECK(p.message.find("1990") == std::string::npos);
    }
    CHECK(r.problems[0].str().rfind("dòng 3: ", 0) == 0);
}

TEST_CASE("a broken file is refused with its line: wrong header, open quote, not UTF-8")
{
    Fixture f;
    ImportResult r = f.run("started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,service,notes\n");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].str() == "dòng 1: cột thứ 9 của dòng tiêu đề không phải tên cột của mẫu (các cột: started_at, ended_at, staff, "
                                 "citizen_id, full_name, birth_date, gender, village, services, notes; household_code nếu có)");
    CHECK(r.problems[1].str() == "dòng 1: thiếu cột services");

    r = f.run(std::string(kHeader) + "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông,,\"chưa đóng\n\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);

    r = f.run(std::string(kHeader) + "2026-02-03T09:15:00,2026-02-03T09:40:00,Tr\xE1\xBA\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message.find("UTF-8") != std::string::npos);

    r = f.run(kHeader);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("không có lượt hỗ trợ nào") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("a surrogate or an overlong form in a file is not UTF-8 (the one definition, kiosk/common/utf8)")
{
    Fixture f;
    for (const char* bad : {"Tr\xED\xA0\x80n", "Tr\xE0\x80\xAFn", "Tr\xF4\x90\x80\x80n"}) {
        CAPTURE(bad);
        const ImportResult r = f.run(std::string(kHeader) + "2026-02-03T09:15:00,2026-02-03T09:40:00," + bad + ",,,,,,,\n");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 2);
        CHECK(r.problems[0].message.find("UTF-8") != std::string::npos);
    }
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("an imported row keeps the card already stored, and decomposed Vietnamese is stored composed")
{
    Fixture f;
    // A card read at the kiosk first: full address and issue date.
    CccdParse card = parseCccd("038190001234||Nguyễn Thị Thuỷ|15031990|Nữ|Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021", CivilDate{2026, 3, 1});
    REQUIRE(card.ok());
    const int64_t staff = *f.rec->staff->ensureImported("Trần Văn Bảo");
    NewSession s;
    s.staffId = staff;
    s.startedAt = 1772323200;
    s.endedAt = s.startedAt + 60;
    s.citizen = card.citizen;
    s.consent = true;
    std::string error;
    REQUIRE(f.rec->sessions->save(s, error));

    // The paper form spelled the name decomposed (e + combining marks), as Unikey's "Unicode tổ hợp" does.
    const std::string decomposed = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Thuy\xCC\x89";
    const ImportResult r = f.run(std::string(kHeader) + "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234," + decomposed +
                                 ",15/03/1990,Nữ,\"Tho\xCC\x82n \xC4\x90o\xCC\x82ng\",vneid_install,\n");
    REQUIRE(r.ok);
    auto c = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(c);
    CHECK(c->card.address == "Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa");
    CHECK(c->card.issueDateIso() == "2021-08-10");
    REQUIRE(c->sessions.size() == 2);
    CHECK(c->sessions[0].village == "Thôn Đông");   // the imported one, in February, composed

    // A decomposed name for a new citizen is stored composed (NFC).
    const ImportResult r2 = f.run(std::string(kHeader) + "2026-02-04T09:15:00,2026-02-04T09:40:00,Trần Văn Bảo,038066001111,\xC4\x90o\xCC\x82\xCC\x83 Va\xCC\x86n An,30/12/1966,Nam,,,\n");
    REQUIRE(r2.ok);
    CHECK(f.rec->sessions->findCitizen("038066001111")->card.fullName == "Đỗ Văn An");
}

TEST_CASE("import messages name the line and column, never a cell's content")
{
    Fixture f;
    // A name and an ID number typed into the services column, an outcome column holding the same,
    // and a file whose first row is data rather than the header.
    const std::string pii = "nguyễn thị thuỷ 038190001234";
    ImportResult r = f.run(std::string(kHeader) +
                           "2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_install;" + pii + ",\r\n" +
                           "2026-02-03T10:15:00,2026-02-03T10:40:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_level2:" + pii + ",\r\n");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message.find("cột services, mục thứ 2") != std::string::npos);
    CHECK(r.problems[1].line == 3);
    CHECK(r.problems[1].message.find("cột services") != std::string::npos);
    CHECK(r.problems[1].message.find("vneid_level2") != std::string::npos);

    ImportResult noHeader = f.run("2026-02-03T09:15:00,2026-02-03T09:40:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,,\r\n");
    CHECK_FALSE(noHeader.problems.empty());
    for (const ImportResult* x : {&r, &noHeader})
        for (const ImportProblem& p : x->problems) {
            CAPTURE(p.str());
            for (const char* secret : {"038190001234", "thuỷ", "Thuỷ", "Nguyễn", "nguyễn"}) CHECK(p.str().find(secret) == std::string::npos);
        }
    CHECK(noHeader.problems[0].message.find("cột thứ 1 của dòng tiêu đề") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("a record over 64 fields or 64 KiB is refused naming its line, and nothing is imported")
{
    Fixture f;
    const std::string good = "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install:done,\r\n";
    ImportResult r = f.run(std::string(kHeader) + good + std::string(100000, ',') + "\r\n" + good);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].message.find("hơn 64 ô") != std::string::npos);

    r = f.run(std::string(kHeader) + good + good + "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install:done,\"" +
              std::string(70 * 1024, 'x') + "\"\r\n");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].message.find("dài quá 64 KB") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);

    // A file streamed from disk: the same checks, and a good file still imports whole.
    test::writeFile(f.dir / "tot.csv", std::string(kHeader) + good + good);
    r = f.importer->importFile(f.dir / "tot.csv", "cli");
    CHECK(r.ok);
    CHECK(r.rows == 2);
    CHECK(r.added == 1);
    CHECK(r.alreadyThere == 1);
}

TEST_CASE("an imported session may name its household: known codes are kept, an unknown one names its line")
{
    Fixture f;
    HouseholdRegister reg(*f.rec->db, *f.rec->vault, f.clock);
    HouseholdImporter households(*f.rec->db, reg, *f.rec->audit);
    REQUIRE(households.importText("village,household_code,head_name,address\nThôn Đông,HD-001,Nguyễn Văn An,thôn Đông\n", "cli").ok);
    const std::string header = "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes,household_code\n";
    const std::string rows = "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Đông,vneid_install,,HD-001\n"
                             "2026-02-01T09:00:00,2026-02-01T09:10:00,Lê Thị Hoa,,,,,Thôn Đông,vneid_install,,\n";
    ImportResult bad = f.run(header + rows + "2026-02-02T09:00:00,2026-02-02T09:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install,,HT-404\n");
    CHECK_FALSE(bad.ok);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].line == 4);
    CHECK(bad.problems[0].message.find("household_code không có trong sổ hộ") != std::string::npos);
    CHECK(f.count("SELECT count(*) FROM sessions") == 0);

    ImportResult ok = f.run(header + rows);
    REQUIRE_MESSAGE(ok.ok, ok.error);
    CHECK(ok.added == 2);
    CHECK(f.count("SELECT count(*) FROM sessions WHERE household = 'HD-001'") == 1);
    CHECK(f.count("SELECT count(*) FROM sessions WHERE household = ''") == 1);
    CHECK(f.run(header + rows).alreadyThere == 2);   // a re-import adds nothing
}
