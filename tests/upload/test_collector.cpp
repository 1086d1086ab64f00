// The collector's request handler driven directly (no socket): malformed input gets a JSON error
// and a 4xx status, never a crash; records are stored exactly once by id; a bad record is rejected
// by id while the rest of its batch is stored.
#include "collector/json_limits.hpp"
#include "collector/upload_handler.hpp"
#include "kiosk/common/gzip.hpp"
#include "tests/upload/upload_fixture.hpp"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

struct Server {
    test::TempDir dir;
    std::unique_ptr<collector::CollectorStore> store;
    std::unique_ptr<collector::UploadHandler> handler;
    std::string token;
    Server(size_t maxBody = collector::UploadHandler::kDefaultMaxBody)
    {
        std::string error;
        store = collector::CollectorStore::open(dir / "collector", error);
        REQUIRE_MESSAGE(store, error);
        token = *store->addKiosk("Ki-ốt 1", error);
        handler = std::make_unique<collector::UploadHandler>(*store, maxBody);
    }
    collector::HttpResponse post(const std::string& body, const std::string& tok, bool gzip = true)
    {
        collector::HttpRequest r;
        r.method = "POST";
        r.path = "/api/v1/upload";
        r.headers = {{"authorization", "Bearer " + tok}, {"Content-Type", "application/json"}};
        if (gzip) r.headers.emplace_back("Content-Encoding", "gzip");
        r.body = gzip ? kiosk::gzipCompress(body) : body;
        return handler->handle(r);
    }
    collector::HttpResponse post(const json& body) { return post(body.dump(), token); }
    int64_t count(const char* sql)
    {
        kiosk::Statement st(store->db().handle(), sql);
        return st.step() ? st.int64(0) : -1;
    }
};

json session(const std::string& id, int revision, bool withCitizen = false)
{
    json s = {{"kind", "session"},  {"id", id},           {"revision", revision}, {"started_at", 1772330400}, {"ended_at", 1772331300},
              {"staff", {{"name", "Trần Văn Bảo"}, {"role", "volunteer"}}}, {"village", "Thôn Đông"}, {"notes", ""},
              {"source", "kiosk"}, {"services", json::array({{{"code", "vneid_install"}, {"outcome", "done"}}})}, {"citizen", nullptr}};
    if (withCitizen)
        s["citizen"] = {{"uid", "aaaa0001-c1"},          {"id_number", "038190001234"}, {"old_id", ""},
                        {"full_name", "Nguyễn Thị Thuỷ"}, {"birth_date", "1990-03-15"},  {"address", "Thôn Đông"},
                        {"issue_date", "2021-08-10"},     {"gender", "female"},          {"consent_at", 1772330400}};
    return s;
}

json batch(json records, const std::string& kioskId = "aaaa0001")
{
    return {{"protocol", 1}, {"kiosk_id", kioskId}, {"records", std::move(records)}};
}

void checkError(const collector::HttpResponse& r, int status)
{
    CAPTURE(r.body);
    CHECK(r.status == status);
    const json j = json::parse(r.body, nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j["error"].is_string());
    CHECK(j["message"].is_string());
}

} // namespace

TEST_CASE("the collector answers malformed requests with a JSON error, and stores nothing")
{
    Server s;
    checkError(s.post("{}", "wrong-token-wrong-token"), 401);
    checkError(s.post(batch(json::array()).dump(), ""), 401);
    for (const char* body : {"", "not json", "[]", "{\"protocol\": 2, \"records\": []}", "{\"protocol\": 1}", "{\"protocol\": 1, \"records\": {}}",
                             "{\"protocol\": 1, \"records\": [1]}", "{\"protocol\": 1, \"records\": [{\"kind\": \"session\"}]}",
                             "{\"protocol\": 1, \"records\": [{\"id\": \"bad id with spaces\"}]}", "{\"protocol\": \"1\", \"records\": []}",
                             "\xff\xfe{\"protocol\": 1}"}) {
        CAPTURE(body);
        checkError(s.post(body, s.token), 400);
    }
    collector::HttpRequest raw;
    raw.method = "POST";
    raw.path = "/api/v1/upload";
    raw.headers = {{"Authorization", "Bearer " + s.token}, {"Content-Encoding", "gzip"}};
    raw.body = "this is not gzip";
    checkError(s.handler->handle(raw), 400);
    raw.headers.back().second = "br";
    checkError(s.handler->handle(raw), 415);
    raw.path = "/other";
    checkError(s.handler->handle(raw), 404);
    raw.path = "/api/v1/upload";
    raw.method = "GET";
    checkError(s.handler->handle(raw), 405);
    CHECK(s.count("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("a gzip body that expands past the limit is refused with 413")
{
    Server s(64 * 1024);
    const std::string zeros(1024 * 1024, ' ');   // a megabyte of spaces compresses to about a kilobyte
    checkError(s.post("{\"protocol\": 1, \"records\": []}" + zeros, s.token), 413);
    checkError(s.post("{\"protocol\": 1, \"records\": []}" + zeros, s.token, false), 413);
}

TEST_CASE("the same session twice is stored once, a newer revision replaces it, an older one changes nothing")
{
    Server s;
    for (int i = 0; i < 2; ++i) {
        collector::HttpResponse r = s.post(batch({session("aaaa0001-s1", 1, true)}));
        REQUIRE(r.status == 200);
        const json j = json::parse(r.body);
        CHECK(j["acks"] == json::array({{{"id", "aaaa0001-s1"}, {"revision", 1}}}));
    }
    CHECK(s.count("SELECT count(*) FROM sessions") == 1);
    CHECK(s.count("SELECT count(*) FROM citizens") == 1);

    json newer = session("aaaa0001-s1", 2, true);
    newer["services"] = json::array({{{"code", "vneid_level2"}, {"outcome", "partial"}}, {{"code", "vneid_install"}, {"outcome", "done"}}});
    REQUIRE(s.post(batch({newer})).status == 200);
    CHECK(s.count("SELECT revision FROM sessions") == 2);
    CHECK(s.count("SELECT count(*) FROM session_services") == 2);
    const collector::HttpResponse older = s.post(batch({session("aaaa0001-s1", 1)}));
    REQUIRE(older.status == 200);
    CHECK(json::parse(older.body)["acks"][0]["revision"] == 1);
    CHECK(s.count("SELECT revision FROM sessions") == 2);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE citizen_id IS NOT NULL") == 1);   // the older one did not anonymise it
}

TEST_CASE("a bad record is rejected by id while the rest of its batch is stored")
{
    Server s;
    json bad = session("aaaa0001-s2", 1);
    bad["services"] = json::array({{{"code", "Not A Code"}, {"outcome", "done"}}});
    json badCitizen = session("aaaa0001-s3", 1, true);
    badCitizen["citizen"]["id_number"] = "12345";
    json unknown = {{"kind", "telemetry"}, {"id", "aaaa0001-t1"}};
    json orphan = {{"kind", "correction"}, {"id", "aaaa0001-c9"}, {"session", "aaaa0001-nope"}, {"revision", 2}, {"at", 1}, {"staff", "x"}, {"fields", "village"}};
    collector::HttpResponse r = s.post(batch({session("aaaa0001-s1", 1), bad, badCitizen, unknown, orphan}));
    REQUIRE(r.status == 200);
    const json j = json::parse(r.body);
    CHECK(j["acks"].size() == 1);
    REQUIRE(j["rejected"].size() == 4);
    for (const json& x : j["rejected"]) {
        CHECK(x["message"].get<std::string>().find("12345") == std::string::npos);   // values are never echoed
        CHECK(x["error"] == "invalid_record");
    }
    CHECK(s.count("SELECT count(*) FROM sessions") == 1);
    CHECK(s.count("SELECT count(*) FROM citizens") == 0);
    CHECK(s.count("SELECT count(*) FROM staff") == 1);
}

TEST_CASE("a session id another kiosk already sent is not overwritten")
{
    Server s;
    REQUIRE(s.post(batch({session("aaaa0001-s1", 1)})).status == 200);
    std::string error;
    const std::string other = *s.store->addKiosk("Ki-ốt 2", error);
    const collector::HttpResponse r = s.post(batch({session("aaaa0001-s1", 5)}, "bbbb0002").dump(), other);
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body)["rejected"].size() == 1);
    CHECK(s.count("SELECT revision FROM sessions") == 1);
}

TEST_CASE("a citizen's card reading is rewritten only when it changed, and a newer reading wins")
{
    Server s;
    auto sealed = [&](const char* column) {
        kiosk::Statement st(s.store->db().handle(), std::string("SELECT ") + column + " FROM citizens");
        REQUIRE(st.step());
        return st.blob(0);
    };
    auto opened = [&](const char* column) { return s.store->vault().open(sealed(column)).value_or("?"); };
    REQUIRE(s.post(batch({session("aaaa0001-s1", 1, true)})).status == 200);
    const std::string name = sealed("name_enc");

    // The same reading again (every session of this citizen carries it): the row is left as it was,
    // the same sealed bytes, not re-sealed with new nonces.
    REQUIRE(s.post(batch({session("aaaa0001-s2", 1, true)})).status == 200);
    CHECK(sealed("name_enc") == name);

    // The same moment but a field differs (staff corrected the address): stored.
    json moved = session("aaaa0001-s3", 1, true);
    moved["citizen"]["address"] = "Thôn Tây";
    REQUIRE(s.post(batch({moved})).status == 200);
    CHECK(opened("address_enc") == "Thôn Tây");
    CHECK(opened("name_enc") == "Nguyễn Thị Thuỷ");

    // An older reading sent later changes nothing; a newer one replaces the fields.
    json older = session("aaaa0001-s4", 1, true);
    older["citizen"]["consent_at"] = 1772330000;
    older["citizen"]["full_name"] = "Nguyễn Thị Thủy";
    REQUIRE(s.post(batch({older})).status == 200);
    CHECK(opened("name_enc") == "Nguyễn Thị Thuỷ");
    json newer = session("aaaa0001-s5", 1, true);
    newer["citizen"]["consent_at"] = 1772340000;
    newer["citizen"]["full_name"] = "Nguyễn Thị Thủy";
    REQUIRE(s.post(batch({newer})).status == 200);
    CHECK(opened("name_enc") == "Nguyễn Thị Thủy");
    CHECK(s.count("SELECT count(*) FROM citizens") == 1);
    CHECK(s.count("SELECT count(*) FROM citizen_aliases") == 1);
    CHECK(s.count("SELECT count(*) FROM sessions WHERE citizen_id IS NOT NULL") == 5);
}

TEST_CASE("a staff member first named by a rejected record is stored with the next record that names them")
{
    Server s;
    json bad = session("aaaa0001-s1", 1, true);
    bad["staff"]["name"] = "Lê Thị Hoa";
    bad["citizen"]["birth_date"] = "1990-02-30";
    json good = session("aaaa0001-s2", 1);
    good["staff"]["name"] = "Lê Thị Hoa";
    json again = session("aaaa0001-s3", 1);
    again["staff"]["name"] = "Lê Thị Hoa";
    const collector::HttpResponse r = s.post(batch({bad, good, again}));
    REQUIRE(r.status == 200);
    const json j = json::parse(r.body);
    CHECK(j["acks"].size() == 2);
    CHECK(j["rejected"].size() == 1);
    CHECK(s.count("SELECT count(*) FROM staff WHERE name='Lê Thị Hoa'") == 1);
    CHECK(s.count("SELECT count(*) FROM sessions s JOIN staff st ON st.id = s.staff_id WHERE st.name='Lê Thị Hoa'") == 2);
    CHECK(s.count("PRAGMA foreign_key_check") == -1);   // no row: every reference holds
}

TEST_CASE("the batch splitter finds members and records, and refuses broken structure without looping")
{
    const auto top = collector::topLevelMembers(" {\"protocol\": 1, \"kiosk_id\":\"ab\" ,\"rec\\u006frds\": [ {\"id\": \"x,]}\"}, [1, {}] ,\"s\" ] } ");
    REQUIRE(top);
    CHECK(top->at("protocol") == "1");
    CHECK(top->at("kiosk_id") == "\"ab\"");
    const auto records = collector::arrayElements(top->at("records"));
    REQUIRE(records);
    CHECK(*records == std::vector<std::string_view>{"{\"id\": \"x,]}\"}", "[1, {}]", "\"s\""});
    CHECK(collector::topLevelMembers("{}"));
    CHECK(collector::arrayElements("[ ]"));
    for (const char* bad : {"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{} x", "{\"a\":\"open}", "{\"a\":1}}",
                            "\xff{}", "{1:2}"})
        CHECK_MESSAGE(!collector::topLevelMembers(bad), bad);
    for (const char* bad : {"", "{}", "[", "[1,]", "[,1]", "[1 2]", "[}", "[1]]", "[\"a]"}) CHECK_MESSAGE(!collector::arrayElements(bad), bad);
}
