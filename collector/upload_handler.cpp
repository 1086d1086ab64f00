// POST /api/v1/upload: bearer token → kiosk, gzip'd JSON → records, one transaction per request,
// acknowledgements only after COMMIT. Every failure is a JSON error with a status, never a crash.
#include "collector/upload_handler.hpp"
#include "collector/json_limits.hpp"
#include "collector/record_apply.hpp"
#include "kiosk/common/gzip.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

namespace collector {

namespace {

using nlohmann::json;

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower((unsigned char)x) == std::tolower((unsigned char)y); });
}

std::string header(const HttpRequest& r, std::string_view name)
{
    for (const auto& [k, v] : r.headers)
        if (equalsNoCase(k, name)) return v;
    return {};
}

std::string trim(std::string s)
{
    const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

HttpResponse storageError(kiosk::WriteFailure failure)
{
    if (failure == kiosk::WriteFailure::DiskFull)
        return errorResponse(507, "storage_full", "Máy chủ xã đã hết chỗ lưu: chưa nhận gì từ lô này. Xin giải phóng dung lượng trên máy chủ.");
    if (failure == kiosk::WriteFailure::Busy) {
        HttpResponse r = errorResponse(503, "busy", "Cơ sở dữ liệu của máy chủ xã đang bận: chưa nhận gì từ lô này, xin gửi lại sau.");
        r.headers.emplace_back("Retry-After", "5");
        return r;
    }
    return errorResponse(500, "storage_error", "Máy chủ xã không ghi được vào cơ sở dữ liệu: chưa nhận gì từ lô này.");
}

HttpResponse storageError(kiosk::Database& db)
{
    return storageError(kiosk::writeFailure(db));
}

} // namespace

HttpResponse errorResponse(int status, const std::string& code, const std::string& message)
{
    HttpResponse r;
    r.status = status;
    r.body = json{{"error", code}, {"message", message}}.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
}

UploadHandler::UploadHandler(CollectorStore& store, size_t maxBody) : m_store(store), m_maxBody(maxBody)
{
    // Each record is applied in its own savepoint, whose undo pages SQLite keeps in a sub-journal
    // that moves to an unlinked temporary file once it passes 64 KiB: with temporary files on disk
    // that was two pwrite()s per page a record touched, most of the collector's time on a large
    // upload (measured with strace: ~70 % of its writes went to /var/tmp/etilqs_*). Kept in memory,
    // the sub-journal holds one record's pages and is emptied when its savepoint is released.
    // The page cache is a server's: a batch touches pages all over the citizens' tables and
    // indexes, and SQLite's default 2 MiB read most of them back from the WAL for every batch.
    // Both only on this connection: `kiosk-collector report` opens its own.
    std::lock_guard lock(m_mutex);
    m_store.db().exec("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768");
}

HttpResponse UploadHandler::handle(const HttpRequest& req)
{
    const HeadCheck head = checkHead(req);
    if (head.answer) return *head.answer;
    return handleBody(head, req.body);
}

HeadCheck UploadHandler::checkHead(const HttpRequest& req)
{
    HeadCheck out;
    try {
        if (req.path != kiosk::kUploadPath) {
            out.answer = errorResponse(404, "not_found", "Không có địa chỉ này trên máy chủ xã; ki-ốt gửi tới " + std::string(kiosk::kUploadPath) + ".");
            return out;
        }
        if (req.method != "POST") {
            HttpResponse r = errorResponse(405, "method_not_allowed", "Địa chỉ này chỉ nhận POST.");
            r.headers.emplace_back("Allow", "POST");
            out.answer = std::move(r);
            return out;
        }
        const std::string auth = trim(header(req, "Authorization"));
        const std::string token = auth.size() > 7 && equalsNoCase(auth.substr(0, 7), "Bearer ") ? trim(auth.substr(7)) : std::string();
        std::optional<int64_t> kiosk;
        if (kiosk::validToken(token)) {
            std::lock_guard lock(m_mutex);
            kiosk = m_store.authenticate(token);
        }
        if (!kiosk) {
            HttpResponse r = errorResponse(401, "unauthorized",
                                           "Mã truy cập không đúng hoặc đã bị thu hồi. Xin cấp mã mới bằng `kiosk-collector kiosk add` và chép "
                                           "vào tệp mã của ki-ốt.");
            r.headers.emplace_back("WWW-Authenticate", "Bearer");
            out.answer = std::move(r);
            return out;
        }
        out.kioskId = *kiosk;
        const std::string encoding = trim(header(req, "Content-Encoding"));
        if (!encoding.empty() && !equalsNoCase(encoding, "identity")) {
            if (!equalsNoCase(encoding, "gzip")) {
                out.answer = errorResponse(415, "unsupported_encoding", "Chỉ nhận thân yêu cầu dạng gzip hoặc không nén.");
                return out;
            }
            out.gzip = true;
        }
    } catch (const std::exception&) {
        out.answer = errorResponse(500, "server_error", "Máy chủ xã gặp lỗi khi xử lý lô này: chưa nhận gì, xin gửi lại sau.");
    }
    return out;
}

HttpResponse UploadHandler::handleBody(const HeadCheck& head, const std::string& received)
{
    try {
        std::lock_guard work(m_work);
        if (!head.gzip) {
            if (received.size() > m_maxBody)
                return errorResponse(413, "too_large", "Lô quá lớn (tối đa " + std::to_string(m_maxBody) + " byte): xin giảm upload.batch_size.");
            return handleUpload(head.kioskId, received);
        }
        kiosk::GunzipError gzError;
        std::optional<std::string> body = kiosk::gunzip(received, m_maxBody, gzError);
        if (!body) {
            if (gzError == kiosk::GunzipError::TooLarge)
                return errorResponse(413, "too_large", "Lô quá lớn sau khi giải nén (tối đa " + std::to_string(m_maxBody) +
                                                           " byte): xin giảm upload.batch_size.");
            return errorResponse(400, "bad_gzip", "Thân yêu cầu không phải dữ liệu gzip hợp lệ.");
        }
        return handleUpload(head.kioskId, *body);
    } catch (const std::exception&) {
        return errorResponse(500, "server_error", "Máy chủ xã gặp lỗi khi xử lý lô này: chưa nhận gì, xin gửi lại sau.");
    }
}

HttpResponse UploadHandler::handleUpload(int64_t kioskId, const std::string& body)
{
    // No DOM of the whole batch: bounded, checked, then taken apart, one record parsed at a time.
    if (!withinJsonLimits(body))
        return errorResponse(400, "bad_json", "Thân yêu cầu lồng quá sâu hoặc có quá nhiều phần tử JSON: chưa nhận gì từ lô này.");
    const std::optional<std::map<std::string, std::string_view>> top = topLevelMembers(body);
    if (!top) return errorResponse(400, "bad_json", "Thân yêu cầu không phải một đối tượng JSON hợp lệ.");
    const auto member = [&](const char* name) {
        const auto it = top->find(name);
        return it == top->end() ? json() : json::parse(it->second, nullptr, false);
    };
    const json protocol = member("protocol");
    if (!protocol.is_number_integer() || protocol.get<int64_t>() != kiosk::kUploadProtocol)
        return errorResponse(400, "unsupported_protocol",
                             "Máy chủ xã chỉ hiểu giao thức tải lên số " + std::to_string(kiosk::kUploadProtocol) + ": xin cập nhật ki-ốt hoặc máy chủ.");
    const auto kioskMember = top->find("kiosk_id");
    const json kioskIdJson = kioskMember == top->end() || kioskMember->second.size() > 70 ? json() : member("kiosk_id");
    if (!kioskIdJson.is_string() || !validRecordId(kioskIdJson.get<std::string>()) || kioskIdJson.get_ref<const std::string&>().size() > 64)
        return errorResponse(400, "bad_request", "Thiếu trường \"kiosk_id\" hoặc trường này không hợp lệ.");
    const std::string kioskUid = kioskIdJson.get<std::string>();
    // Every record id starts with the kiosk's own id: a kiosk cannot take ids another kiosk will use.
    const std::string prefix = kioskUid + "-";
    const auto recordsMember = top->find("records");
    std::optional<std::vector<std::string_view>> records;
    if (recordsMember != top->end()) records = arrayElements(recordsMember->second);
    if (!records || records->size() > 10000)
        return errorResponse(400, "bad_request", "Thiếu mảng \"records\" (tối đa 10000 bản ghi mỗi lô).");

    std::lock_guard lock(m_mutex);
    kiosk::Database& db = m_store.db();
    kiosk::Transaction batch(db);
    if (!batch.open()) return storageError(db);
    switch (m_store.bindKioskUid(kioskId, kioskUid)) {
    case UidBinding::Bound: break;
    case UidBinding::Error: return storageError(db);
    case UidBinding::Refused:
        return errorResponse(403, "kiosk_mismatch",
                             "Mã truy cập này đã được dùng cho một ki-ốt khác (mã ki-ốt khác). Mỗi ki-ốt cần mã truy cập riêng: "
                             "xin cấp mã mới bằng `kiosk-collector kiosk add`.");
    }
    json acks = json::array(), rejected = json::array();
    RecordApplier applier(m_store, kioskId);
    size_t n = 0;
    for (std::string_view text : *records) {
        ++n;
        const json r = json::parse(text, nullptr, false);
        if (!r.is_object() || !r.contains("id") || !r["id"].is_string() || !validRecordId(r["id"].get<std::string>())) {
            applier.finish();
            return errorResponse(400, "bad_record", "Bản ghi thứ " + std::to_string(n) + " không có mã (\"id\") hợp lệ: chưa nhận gì từ lô này.");
        }
        // Each record in its own savepoint: a rejected one leaves nothing behind.
        kiosk::Transaction record(db);
        if (!record.open()) {
            applier.finish();
            return storageError(db);
        }
        json ack;
        std::string reason;
        const std::string& id = r["id"].get_ref<const std::string&>();
        const Applied a = id.compare(0, prefix.size(), prefix) == 0 ? applier.apply(r, ack, reason) : Applied::Reject;
        if (reason.empty() && a == Applied::Reject) reason = "mã bản ghi phải bắt đầu bằng mã của ki-ốt đã gửi nó (kiosk_id)";
        if (a == Applied::Failure) {
            applier.finish();
            return storageError(db);
        }
        if (a == Applied::Reject) {
            record.rollback();
            rejected.push_back({{"id", r["id"]}, {"error", "invalid_record"}, {"message", reason}});
            continue;
        }
        if (!record.commit()) {
            applier.finish();
            return storageError(record.failure());
        }
        acks.push_back(std::move(ack));
    }
    kiosk::Statement seen(db.handle(), "UPDATE kiosks SET last_upload_at=? WHERE id=?");
    seen.bind(1, m_store.clock().unixSeconds()).bind(2, kioskId);
    applier.finish();
    if (!seen.run()) return storageError(db);
    if (!batch.commit()) return storageError(batch.failure());
    // secure_delete zeroed the erased rows' pages; the checkpoint moves them out of the WAL too.
    if (applier.erasedSomething()) db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    HttpResponse out;
    out.body = json{{"protocol", kiosk::kUploadProtocol}, {"acks", std::move(acks)}, {"rejected", std::move(rejected)}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
    return out;
}

} // namespace collector
