// The household register: import all or nothing with every bad line named, re-import updates by
// household code and adds nothing, heads' names and addresses sealed at rest and bound to their row.
#include "kiosk/households/household_import.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace kiosk;

namespace {

const char* kRegister = "village,household_code,head_name,address,members\r\n"
                        "Thôn 10,T10-001,Nguyễn Văn An,\"12 ngõ 3, thôn 10\",4\r\n"
                        "Thôn 2,T2-001,Trần Thị Bình,thôn 2,\r\n"
                        "Thôn 2,T2-002,Lê Văn Cường,\"xóm Trên\nthôn 2\",2\r\n"
                        "Đồng Tâm,DT-001,Phạm Thị Dung,thôn Đồng Tâm,1\r\n";

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Records> rec;
    std::unique_ptr<HouseholdRegister> reg;
    std::unique_ptr<HouseholdImporter> importer;
    Fixture()
    {
        clock.setUnixSeconds(1775000000);
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        reg = std::make_unique<HouseholdRegister>(*rec->db, *rec->vault, clock);
        importer = std::make_unique<HouseholdImporter>(*rec->db, *reg, *rec->audit);
    }
    int64_t count(const char* sql)
    {
        Statement st(rec->db->handle(), sql);
        REQUIRE(st.step());
        return st.int64(0);
    }
};

std::string fileBytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("a household register imports, lists by village in Vietnamese order, and keeps names and addresses sealed")
{
    Fixture f;
    const HouseholdImportResult r = f.importer->importText(kRegister, "cli");
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.rows == 4);
    CHECK(r.added == 4);
    const auto all = f.reg->list();
    REQUIRE(all);
    REQUIRE(all->size() == 4);
    CHECK((*all)[0].village == "Đồng Tâm");   // Đ after D, before T
    CHECK((*all)[1].village == "Thôn 2");     // Thôn 2 before Thôn 10
    CHECK((*all)[3].village == "Thôn 10");
    CHECK((*all)[3].address == "12 ngõ 3, thôn 10");
    CHECK((*all)[3].members == 4);
    CHECK((*all)[1].members == 0);            // the register did not say
    CHECK((*all)[2].address == "xóm Trên thôn 2");   // a line break in a cell becomes a space
    const auto thon2 = f.reg->list("Thôn 2");
    REQUIRE(thon2);
    CHECK(thon2->size() == 2);
    const auto villages = f.reg->villages();
    REQUIRE(villages.size() == 3);
    CHECK(villages[1].village == "Thôn 2");
    CHECK(villages[1].households == 2);
    // Sealed at rest: the database file holds no head's name nor address in clear.
    f.rec.reset();
    const std::string bytes = fileBytes(f.dir / "kiosk.sqlite3") + fileBytes(f.dir / "kiosk.sqlite3-wal");
    CHECK(bytes.find("Trần Thị Bình") == std::string::npos);
    CHECK(bytes.find("ngõ 3") == std::string::npos);
    CHECK(bytes.find("T2-001") != std::string::npos);   // the code is the commune's key, not personal
}

TEST_CASE("importing the register again updates households by code and adds none")
{
    Fixture f;
    REQUIRE(f.importer->importText(kRegister, "cli").ok);
    const HouseholdImportResult same = f.importer->importText(kRegister, "cli");
    REQUIRE(same.ok);
    CHECK(same.added == 0);
    CHECK(same.unchanged == 4);
    const HouseholdImportResult moved = f.importer->importText("household_code,village,head_name,address\n"
                                                                "T2-001,Thôn 3,Trần Thị Bình,thôn 3\n"
                                                                "T3-009,Thôn 3,Vũ Văn Em,thôn 3\n",
                                                                "cli");
    REQUIRE_MESSAGE(moved.ok, moved.error);
    CHECK(moved.updated == 1);
    CHECK(moved.added == 1);
    CHECK(f.count("SELECT count(*) FROM households") == 5);
    const auto h = f.reg->find("T2-001");
    REQUIRE(h);
    CHECK(h->village == "Thôn 3");
    CHECK(h->address == "thôn 3");
    CHECK(f.count("SELECT count(*) FROM audit WHERE action='households_imported'") == 3);
}

TEST_CASE("a register with bad lines imports nothing and names every bad line without quoting personal data")
{
    Fixture f;
    REQUIRE(f.importer->importText(kRegister, "cli").ok);
    const HouseholdImportResult r = f.importer->importText("village,household_code,head_name,address,members\n"
                                                           "Thôn 2,T2-001,Trần Thị Bình Mới,thôn 2,\n"   // fine, but the file is refused
                                                           "Thôn 2,,Ngô Văn Giàu,thôn 2,\n"
                                                           ",T2-005,Hà Văn Hải,thôn 2,\n"
                                                           "Thôn 2,T2-001,Lý Thị Hoa,thôn 2,\n"
                                                           "Thôn 2,mã có dấu,Đỗ Văn Ích,thôn 2,\n"
                                                           "Thôn 2,T2-007,Mai Thị Khánh,thôn 2,nhiều\n",
                                                           "cli");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 5);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].message.find("household_code") != std::string::npos);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[2].message.find("trùng với dòng 2") != std::string::npos);
    CHECK(r.problems[3].line == 6);
    CHECK(r.problems[4].message.find("members") != std::string::npos);
    for (const HouseholdProblem& p : r.problems)
        for (const char* personal : {"Giàu", "Hải", "Hoa", "Ích", "Khánh", "nhiều"}) CHECK(p.str().find(personal) == std::string::npos);
    const auto h = f.reg->find("T2-001");
    REQUIRE(h);
    CHECK(h->headName == "Trần Thị Bình");   // nothing of the refused file was saved
    CHECK(f.count("SELECT count(*) FROM households") == 4);

    const HouseholdImportResult noHeader = f.importer->importText("Thôn 2,T2-001,Trần Thị Bình,thôn 2\n", "cli");
    CHECK_FALSE(noHeader.ok);
    REQUIRE_FALSE(noHeader.problems.empty());
    for (const HouseholdProblem& p : noHeader.problems) CHECK(p.str().find("Bình") == std::string::npos);
    CHECK_FALSE(f.importer->importText("", "cli").ok);
    CHECK_FALSE(f.importer->importText("village,household_code,head_name,address\n", "cli").ok);
}

TEST_CASE("a household whose sealed field was moved to another row no longer opens")
{
    Fixture f;
    REQUIRE(f.importer->importText(kRegister, "cli").ok);
    REQUIRE(f.rec->db->exec("UPDATE households SET head_enc=(SELECT head_enc FROM households WHERE code='DT-001') WHERE code='T2-001'"));
    CHECK_FALSE(f.reg->list());
    CHECK_FALSE(f.reg->find("T2-001"));
    CHECK(f.reg->find("DT-001"));
}
