// `kiosk staff` and `kiosk citizen` through the real binary: PINs read twice from stdin, JSON
// lists, badges issued as printable PNGs (decoded back with ZXing) and revoked, a citizen's
// records shown and erased (their sessions stay, anonymous).
#include "drivers/display/png_image.hpp"
#include "drivers/readers/qr_decoder.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <cstdlib>
#include <regex>
#include <sys/stat.h>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out, err;
};

Run runKiosk(const test::TempDir& dir, const std::string& args, const std::string& stdinText = {})
{
    const auto in = dir / "stdin.txt", out = dir / "stdout.txt", err = dir / "stderr.txt";
    test::writeFile(in, stdinText);
    const std::string cmd = "\"" KIOSK_BIN "\" --data \"" + (dir / "data").string() + "\" " + args + " < \"" + in.string() +
                            "\" > \"" + out.string() + "\" 2> \"" + err.string() + "\"";
    const int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, test::readFile(out), test::readFile(err)};
}

} // namespace

TEST_CASE("kiosk staff add reads the PIN twice, list shows the accounts, disable locks one")
{
    test::TempDir dir;
    Run r = runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer --village 'Thôn Đông'", "482913\n482913\n");
    CAPTURE(r.err);
    CHECK(r.status == 0);
    r = runKiosk(dir, "staff add --name 'Lê Thị Hoa' --role volunteer", "1111\n2222\n");
    CHECK(r.status != 0);
    CHECK(r.err.find("không giống nhau") != std::string::npos);
    r = runKiosk(dir, "staff add --name 'Lê Thị Hoa' --role volunteer", "12\n12\n");
    CHECK(r.status != 0);
    CHECK(r.err.find("4 đến 8") != std::string::npos);
    r = runKiosk(dir, "staff add --name 'Lê Thị Hoa' --role chief", "1234\n1234\n");
    CHECK(r.status != 0);
    r = runKiosk(dir, "staff add --name 'Lê Thị Hoa' --role admin", "135790\n135790\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("135790") == std::string::npos);

    r = runKiosk(dir, "staff list --json");
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["staff"].size() == 2);
    CHECK(j["staff"][0]["name"] == "Lê Thị Hoa");
    CHECK(j["staff"][0]["role"] == "admin");
    CHECK(j["staff"][1]["role"] == "officer");
    CHECK(j["staff"][1]["disabled"] == false);
    CHECK(j["staff"][1]["village"] == "Thôn Đông");   // the team member's village
    CHECK(j["staff"][0]["village"] == "");

    CHECK(runKiosk(dir, "staff disable --name 'Nguyễn Văn An'").status == 0);
    CHECK(runKiosk(dir, "staff disable --name 'Không Có Ai'").status != 0);
    j = nlohmann::json::parse(runKiosk(dir, "staff list --json").out);
    CHECK(j["staff"][1]["disabled"] == true);
    // The PIN itself was never written anywhere in the data folder.
    CHECK(test::readFile(dir / "data/kiosk.sqlite3").find("482913") == std::string::npos);
}

TEST_CASE("kiosk staff add and set-pin refuse trivial PINs and short admin PINs, list flags a weak PIN seen at sign-in")
{
    test::TempDir dir;
    Run r = runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer", "1234\n1234\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("dễ đoán") != std::string::npos);
    r = runKiosk(dir, "staff add --name 'Lê Thị Hoa' --role admin", "3816\n3816\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("ít nhất 6") != std::string::npos);
    REQUIRE(runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer", "3816\n3816\n").status == 0);
    r = runKiosk(dir, "staff set-pin --name 'Nguyễn Văn An'", "0000\n0000\n");
    CHECK(r.status == 2);
    CHECK(r.err.find("Mã PIN chưa đổi") != std::string::npos);
    CHECK(runKiosk(dir, "staff set-pin --name 'Không Có Ai'", "4826\n4826\n").status == 1);
    {
        // An account whose PIN predates the rules signs in with it and is flagged.
        kiosk::SteadyClock clock;
        std::string error;
        auto rec = kiosk::Records::open(dir / "data", clock, error);
        REQUIRE(rec);
        char hash[crypto_pwhash_STRBYTES];
        REQUIRE(crypto_pwhash_str(hash, "1111", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
        kiosk::Statement up(rec->db->handle(), "UPDATE staff SET pin_hash=? WHERE name='Nguyễn Văn An'");
        REQUIRE(up.bind(1, std::string(hash)).run());
        REQUIRE(rec->staff->signIn("Nguyễn Văn An", "1111").kind == kiosk::SignInResult::Kind::Ok);
    }
    r = runKiosk(dir, "staff list");
    CHECK(r.out.find("quá dễ đoán") != std::string::npos);
    CHECK(nlohmann::json::parse(runKiosk(dir, "staff list --json").out)["staff"][0]["weak_pin"] == true);
    r = runKiosk(dir, "staff set-pin --name 'Nguyễn Văn An'", "4826\n4826\n");
    CHECK(r.status == 0);
    CHECK(runKiosk(dir, "staff list").out.find("quá dễ đoán") == std::string::npos);
}

TEST_CASE("kiosk citizen show prints one citizen's records and erase removes the personal data")
{
    test::TempDir dir;
    int64_t sessionId = 0;
    {
        kiosk::SteadyClock clock;
        std::string error;
        auto rec = kiosk::Records::open(dir / "data", clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", kiosk::StaffRole::Volunteer, "2468", "cli", error));
        auto card = kiosk::parseCccd("038190001234||Nguyễn Thị Thuỷ|15031990|Nữ|Thôn Đông, Quảng Ngọc|10082021", {2026, 11, 23});
        REQUIRE(card.ok());
        kiosk::NewSession s;
        s.staffId = rec->staff->find("Trần Văn Bảo")->id;
        s.startedAt = 1'780'000'000;
        s.endedAt = s.startedAt + 900;
        s.citizen = *card.citizen;
        s.consent = true;
        s.village = "Thôn Đông";
        s.services = {{"vneid_level2", kiosk::Outcome::Done}};
        auto saved = rec->sessions->save(s, error);
        REQUIRE_MESSAGE(saved, error);
        sessionId = saved->id;
    }
    Run r = runKiosk(dir, "citizen show --id 038190001234 --json");
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["full_name"] == "Nguyễn Thị Thuỷ");
    CHECK(j["birth_date"] == "1990-03-15");
    REQUIRE(j["sessions"].size() == 1);
    CHECK(j["sessions"][0]["services"][0]["code"] == "vneid_level2");
    CHECK(j["sessions"][0]["staff"] == "Trần Văn Bảo");
    r = runKiosk(dir, "citizen show --id 038190001234");
    CHECK(r.out.find("Nguyễn Thị Thuỷ") != std::string::npos);

    CHECK(runKiosk(dir, "citizen show --id 12345").status == 2);
    CHECK(runKiosk(dir, "citizen erase --id 038190001234").status == 0);
    r = runKiosk(dir, "citizen show --id 038190001234");
    CHECK(r.status == 1);
    CHECK(r.err.find("Không có hồ sơ") != std::string::npos);
    CHECK(runKiosk(dir, "citizen erase --id 038190001234").status == 1);

    kiosk::SteadyClock clock;
    std::string error;
    auto rec = kiosk::Records::open(dir / "data", clock, error);
    REQUIRE(rec);
    auto v = rec->sessions->get(sessionId);
    REQUIRE(v);   // the session still counts, as an anonymous one
    CHECK(v->citizenUid.empty());
    CHECK(rec->sessions->citizenCount() == 0);
}

TEST_CASE("kiosk staff badge writes a printable card whose QR code signs its holder in, a new one revokes it")
{
    test::TempDir dir;
    REQUIRE(runKiosk(dir, "staff add --name 'Nguyễn Văn An' --role officer", "482913\n482913\n").status == 0);
    const auto png = dir / "an.png";
    Run r = runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --out '" + png.string() + "'");
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Nguyễn Văn An") != std::string::npos);

    // A card-sized picture (CR80 at 300 dpi), the kiosk user's alone: it holds the secret.
    drivers::Image img;
    std::string error;
    REQUIRE(drivers::loadImage(png, img, 0, error));
    CHECK(img.width == 1012);
    CHECK(img.height == 638);
    struct stat st{};
    REQUIRE(::stat(png.c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);
    std::vector<std::string> codes;
    REQUIRE(drivers::decodeQrFile(png, codes, error));
    REQUIRE(codes.size() == 1);
    const std::string payload = codes.front();
    CHECK(std::regex_match(payload, std::regex("BDHVS-STAFF:1:[A-Z2-7]{32}")));
    const std::string token = payload.substr(payload.rfind(':') + 1);
    CHECK(r.out.find(token) == std::string::npos);
    CHECK(r.err.find(token) == std::string::npos);

    auto j = nlohmann::json::parse(runKiosk(dir, "staff list --json").out);
    CHECK(j["staff"][0]["badge_issued_at"].is_string());

    {
        kiosk::SteadyClock clock;
        auto rec = kiosk::Records::open(dir / "data", clock, error);
        REQUIRE_MESSAGE(rec, error);
        auto in = rec->badges->signIn(payload);
        REQUIRE(in.kind == kiosk::SignInResult::Kind::Ok);
        CHECK(in.member->name == "Nguyễn Văn An");
        for (const kiosk::AuditEntry& e : rec->audit->recent(1000))
            CHECK((e.subject + e.detail).find(token) == std::string::npos);
    }
    CHECK(test::readFile(dir / "data/kiosk.sqlite3").find(token) == std::string::npos);

    // A new badge: the first one no longer opens the kiosk.
    const auto png2 = dir / "an2.png";
    r = runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --out '" + png2.string() + "'");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("thu hồi") != std::string::npos);
    {
        kiosk::SteadyClock clock;
        auto rec = kiosk::Records::open(dir / "data", clock, error);
        REQUIRE(rec);
        CHECK(rec->badges->signIn(payload).kind == kiosk::SignInResult::Kind::Revoked);
    }
    // A lost card: revoked without a new one; then nothing to revoke.
    CHECK(runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --revoke").status == 0);
    CHECK(runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --revoke").status == 1);
    j = nlohmann::json::parse(runKiosk(dir, "staff list --json").out);
    CHECK(j["staff"][0]["badge_issued_at"].is_null());

    // Refusals: no such person, a disabled account, neither or both of --out and --revoke.
    CHECK(runKiosk(dir, "staff badge --name 'Không Có Ai' --out '" + (dir / "x.png").string() + "'").status == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
    CHECK(runKiosk(dir, "staff badge --name 'Nguyễn Văn An'").status == 2);
    CHECK(runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --revoke --out '" + (dir / "y.png").string() + "'").status == 2);
    REQUIRE(runKiosk(dir, "staff disable --name 'Nguyễn Văn An'").status == 0);
    r = runKiosk(dir, "staff badge --name 'Nguyễn Văn An' --out '" + (dir / "z.png").string() + "'");
    CHECK(r.status == 1);
    CHECK(r.err.find("khoá") != std::string::npos);
}
