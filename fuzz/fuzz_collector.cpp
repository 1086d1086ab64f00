// libFuzzer target for kiosk-collector's request handler (collector/upload_handler): any request a
// kiosk, a broken proxy or a stranger could send, against a real collector store (SQLite on
// /dev/shm, no fsync). Never a crash, and every answer is the protocol's: a JSON error the README
// lists (never a 500 "our fault" for the client's bad input, which a kiosk would retry forever), or
// a 200 that accounts for every record once, by an id it was sent; the database stays consistent.
//
// The first byte picks how the rest is sent:
//   0  the body as it is, with the kiosk's token        1  the body gzip'd by the kiosk, with the token
//   2  the body claimed to be gzip (fuzzes gunzip)      3  "METHOD PATH\nName: value\n...\n\nbody", no token
#include "collector/collector_store.hpp"
#include "collector/upload_handler.hpp"
#include "fuzz/fuzz_support.hpp"
#include "kiosk/common/gzip.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <nlohmann/json.hpp>
#include <set>

namespace {

using nlohmann::json;

struct Setup {
    fuzz::ScratchCleanup cleanup;
    std::unique_ptr<collector::CollectorStore> store;
    std::unique_ptr<collector::UploadHandler> handler;
    std::string token;
    std::vector<std::string> tables;   // emptied after each accepted batch
};

Setup* g = nullptr;

constexpr size_t kMaxBody = 64 * 1024;   // small, so "too large" is reachable

collector::HttpRequest freeForm(std::string_view rest)
{
    collector::HttpRequest req;
    const size_t headEnd = rest.find("\n\n");
    const std::string_view head = rest.substr(0, headEnd);
    req.body = headEnd == std::string_view::npos ? std::string() : std::string(rest.substr(headEnd + 2));
    size_t from = 0;
    for (int n = 0; from <= head.size(); ++n) {
        size_t to = head.find('\n', from);
        if (to == std::string_view::npos) to = head.size();
        const std::string_view line = head.substr(from, to - from);
        from = to + 1;
        if (n == 0) {
            const size_t sp = line.find(' ');
            req.method = std::string(line.substr(0, sp));
            req.path = sp == std::string_view::npos ? std::string() : std::string(line.substr(sp + 1));
            continue;
        }
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        // "TOKEN" stands for the kiosk's real token, so the fuzzer can get past authentication.
        std::string value(line.substr(colon + 1));
        if (const size_t t = value.find("TOKEN"); t != std::string::npos) value.replace(t, 5, g->token);
        req.headers.emplace_back(std::string(line.substr(0, colon)), value);
    }
    return req;
}

void checkError(int status, const json& body)
{
    static const std::set<std::pair<int, std::string>> kClientErrors = {
        {400, "bad_json"},    {400, "bad_request"},          {400, "bad_record"},        {400, "bad_gzip"},
        {400, "unsupported_protocol"}, {400, "bad_body"},     {401, "unauthorized"},      {404, "not_found"},
        {405, "method_not_allowed"},   {413, "too_large"},    {415, "unsupported_encoding"}, {403, "kiosk_mismatch"}};
    fuzz::require(body.contains("error") && body["error"].is_string() && body.contains("message") && body["message"].is_string() &&
                      !body["message"].get<std::string>().empty(),
                  "an error without code and message");
    if (!kClientErrors.count({status, body["error"].get<std::string>()}))
        std::fprintf(stderr, "answer %d %s\n", status, body.dump().c_str());
    fuzz::require(kClientErrors.count({status, body["error"].get<std::string>()}) == 1,
                  "an answer that is not one of the protocol's client errors (a 5xx makes the kiosk retry forever)");
}

// The records' ids as the handler will see them, when the body is plain JSON the handler can read.
std::optional<std::vector<std::string>> recordIds(const std::string& body)
{
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("records") || !j["records"].is_array()) return std::nullopt;
    std::vector<std::string> ids;
    for (const json& r : j["records"])
        ids.push_back(r.is_object() && r.contains("id") && r["id"].is_string() ? r["id"].get<std::string>() : std::string());
    return ids;
}

void checkAccepted(const json& body, const std::optional<std::vector<std::string>>& sent)
{
    using fuzz::require;
    require(body.contains("protocol") && body["protocol"] == kiosk::kUploadProtocol, "a 200 without the protocol number");
    require(body.contains("acks") && body["acks"].is_array() && body.contains("rejected") && body["rejected"].is_array(),
            "a 200 without acks and rejected");
    if (!sent) return;
    std::multiset<std::string> expected(sent->begin(), sent->end()), answered;
    for (const json& a : body["acks"]) {
        require(a.is_object() && a.contains("id") && a["id"].is_string(), "an ack without an id");
        answered.insert(a["id"].get<std::string>());
    }
    for (const json& r : body["rejected"]) {
        require(r.is_object() && r.contains("id") && r["id"].is_string() && r.value("error", "") == "invalid_record" &&
                    r.contains("message"),
                "a rejection without id, code or message");
        answered.insert(r["id"].get<std::string>());
    }
    require(answered == expected, "the acks and rejections are not the records sent, each once");
}

void checkStore()
{
    kiosk::Database& db = g->store->db();
    {
        kiosk::Statement st(db.handle(), "PRAGMA quick_check");
        fuzz::require(st.step() && st.text(0) == "ok", "quick_check fails");
    }
    kiosk::Statement fk(db.handle(), "PRAGMA foreign_key_check");
    fuzz::require(!fk.step(), "a foreign key points nowhere");
}

void reset()
{
    kiosk::Database& db = g->store->db();
    // Foreign keys off while emptying: every table goes, so no order of deletes is needed.
    fuzz::require(db.exec("PRAGMA foreign_keys=OFF"), "foreign_keys=OFF");
    for (const std::string& t : g->tables) {
        std::string error;
        if (!db.exec("DELETE FROM " + t, &error)) std::fprintf(stderr, "DELETE FROM %s: %s\n", t.c_str(), error.c_str());
        fuzz::require(error.empty(), "could not empty a table");
    }
    fuzz::require(db.exec("PRAGMA foreign_keys=ON"), "foreign_keys=ON");
    fuzz::require(db.exec("UPDATE kiosks SET kiosk_uid='', last_upload_at=0, heartbeat_at=0, version='', free_disk_bytes=-1, "
                          "last_error='', last_success=0, waiting_sessions=0"),
                  "could not reset the kiosk");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g = new Setup;
    g->cleanup.dir = fuzz::scratchDir("collector");
    std::string error;
    g->store = collector::CollectorStore::open(g->cleanup.dir, error);
    fuzz::require(g->store != nullptr, "collector store");
    // Durability is the torture tests' subject; here a commit need not wait for the disk.
    fuzz::require(g->store->db().exec("PRAGMA synchronous=OFF"), "synchronous=OFF");
    const auto token = g->store->addKiosk("Ki-ốt thử", error);
    fuzz::require(token.has_value(), "kiosk add");
    g->token = *token;
    g->handler = std::make_unique<collector::UploadHandler>(*g->store, kMaxBody);
    kiosk::Statement st(g->store->db().handle(),
                        "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('meta','kiosks')");
    while (st.step()) g->tables.push_back(st.text(0));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    const int mode = data[0] & 3;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    collector::HttpRequest req;
    std::optional<std::vector<std::string>> sent;
    if (mode == 3) {
        req = freeForm(rest);
    } else {
        req.method = "POST";
        req.path = std::string(kiosk::kUploadPath);
        req.headers = {{"Authorization", "Bearer " + g->token}, {"Content-Type", "application/json"}};
        if (mode == 1) req.headers.emplace_back("Content-Encoding", "gzip");
        if (mode == 2) req.headers.emplace_back("content-encoding", "GZIP");
        req.body = mode == 1 ? kiosk::gzipCompress(rest) : std::string(rest);
        if (mode != 2 && rest.size() <= kMaxBody) sent = recordIds(std::string(rest));
    }

    const collector::HttpResponse res = g->handler->handle(req);
    const json body = json::parse(res.body, nullptr, false);
    fuzz::require(!body.is_discarded() && body.is_object(), "an answer that is not a JSON object");
    if (res.status != 200) {
        checkError(res.status, body);
        return 0;
    }
    checkAccepted(body, sent);
    checkStore();
    reset();
    return 0;
}
