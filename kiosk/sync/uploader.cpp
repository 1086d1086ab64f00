// The upload run: heartbeat first, then batches of outbox records; each answer is checked id by id
// before anything is marked sent. Sections: [messages] [acks] [batch] [run] [worker]
#include "kiosk/sync/uploader.hpp"
#include "kiosk/common/random_id.hpp"
#include "kiosk/common/gzip.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <typeinfo>

namespace kiosk {

namespace {

using nlohmann::json;

// [messages]
std::string counts(const OutboxCounts& c)
{
    return std::to_string(c.sessions) + " lượt hỗ trợ, " + std::to_string(c.corrections) + " lần sửa, " + std::to_string(c.erasures) +
           " lần xoá thông tin cá nhân, " + std::to_string(c.usageEvents) + " sự kiện thống kê";
}

// What the server said in its JSON error ({"error": code, "message": text}), short and on one line.
std::string serverSays(const std::string& body)
{
    json j = json::parse(body, nullptr, false);
    std::string text;
    if (j.is_object()) {
        if (j.contains("message") && j["message"].is_string()) text = j["message"].get<std::string>();
        else if (j.contains("error") && j["error"].is_string()) text = j["error"].get<std::string>();
    }
    if (text.size() > 300) text = text.substr(0, 300) + "…";
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

bool looksLikeHtml(const TransportResponse& r)
{
    if (r.contentType.find("html") != std::string::npos) return true;
    const size_t start = r.body.find_first_not_of(" \t\r\n");
    return start != std::string::npos && r.body[start] == '<';
}

std::string transportProblem(const TransportResponse& r, int timeoutSeconds)
{
    const std::string detail = r.detail.empty() ? "" : " (" + r.detail + ")";
    switch (r.failure) {
    case TransportResponse::Failure::Connect:
        return "Không kết nối được tới máy chủ xã" + detail + ". Xin kiểm tra mạng của ki-ốt và địa chỉ upload.url.";
    case TransportResponse::Failure::Timeout:
        return "Máy chủ xã không trả lời trong " + std::to_string(timeoutSeconds) + " giây" + detail +
               ". Xin kiểm tra mạng, hoặc tăng upload.timeout_seconds nếu đường truyền chậm.";
    case TransportResponse::Failure::Cut:
        return "Kết nối tới máy chủ xã bị ngắt giữa chừng" + detail + ". Những gì máy chủ chưa xác nhận sẽ được gửi lại ở lần sau.";
    case TransportResponse::Failure::Tls:
        return "Không xác thực được chứng chỉ HTTPS của máy chủ xã" + detail +
               ": ki-ốt không gửi thông tin cá nhân tới máy chủ chưa xác thực. Xin kiểm tra đồng hồ của ki-ốt, chứng chỉ của máy chủ, "
               "hoặc tệp chứng chỉ gốc upload.ca_file.";
    case TransportResponse::Failure::Refused:
        return "Ki-ốt không gửi tới địa chỉ này" + detail + ". Xin sửa upload.url.";
    case TransportResponse::Failure::TooLarge:
        return "Máy chủ trả lời quá dài" + detail + " nên ki-ốt đã ngắt kết nối: đó không phải câu trả lời của máy chủ kiosk-collector của xã. "
               "Xin kiểm tra upload.url.";
    default:
        return "Gửi tới máy chủ xã không thành công" + detail + ".";
    }
}

std::string httpProblem(const TransportResponse& r)
{
    const std::string code = "HTTP " + std::to_string(r.status);
    const std::string said = serverSays(r.body);
    const std::string detail = said.empty() ? code : code + ": " + said;
    if (r.status == 401 || r.status == 403)
        return "Máy chủ xã từ chối mã truy cập của ki-ốt này (" + detail +
               "). Xin cán bộ xã cấp mã mới bằng lệnh `kiosk-collector kiosk add` và chép vào tệp mã của ki-ốt (upload.token_file).";
    if (r.status == 413) return "Máy chủ xã từ chối một lô vì quá lớn (" + detail + "). Xin giảm upload.batch_size trong tệp cấu hình.";
    if (r.status == 507)
        return "Máy chủ xã đã hết chỗ lưu (" + detail + "). Xin báo người quản trị máy chủ xã giải phóng dung lượng.";
    if (r.status >= 500 || r.status == 408 || r.status == 429)
        return "Máy chủ xã đang gặp lỗi (" + detail + "). Ki-ốt sẽ thử lại ở lần gửi sau; nếu lỗi kéo dài, xin báo người quản trị máy chủ xã.";
    return "Máy chủ xã không nhận yêu cầu (" + detail + "). Xin kiểm tra upload.url có đúng là địa chỉ kiosk-collector (…" +
           std::string(kUploadPath) + ") và hai bên dùng cùng phiên bản.";
}

bool retriable(const TransportResponse& r)
{
    using F = TransportResponse::Failure;
    if (r.failure == F::Connect || r.failure == F::Timeout || r.failure == F::Cut || r.failure == F::Other) return true;
    if (r.failure != F::None) return false;
    return r.status == 408 || r.status == 429 || (r.status >= 500 && r.status != 501 && r.status != 507);
}

// [acks]
struct AckCheck {
    std::vector<const OutboxRecord*> acked;
    std::vector<std::pair<std::string, std::string>> rejected;   // id, the server's reason
    std::string garbage;                                          // why the answer is not the protocol's
};

// Every id the answer names must be one this batch sent (a session's with the revision sent), else
// the whole answer is refused: an answer that acknowledges what was not sent cannot be trusted for
// what was.
AckCheck checkAcks(const TransportResponse& r, const std::vector<OutboxRecord>& records)
{
    AckCheck c;
    json j = json::parse(r.body, nullptr, false);
    if (j.is_discarded()) {
        c.garbage = looksLikeHtml(r) ? "máy chủ trả về một trang HTML thay vì JSON, có thể là trang đăng nhập Wi-Fi hay trang lỗi của proxy"
                                     : "câu trả lời không phải JSON";
        return c;
    }
    // The collector names its protocol in every acknowledgement: a server that does not is not a
    // commune collector, whatever ids it echoes.
    if (!j.is_object() || !j.contains("protocol") || !j["protocol"].is_number_integer() || j["protocol"].get<int64_t>() != kUploadProtocol) {
        c.garbage = "câu trả lời không ghi \"protocol\": " + std::to_string(kUploadProtocol) + ", nên đó không phải máy chủ kiosk-collector của xã";
        return c;
    }
    if (!j.contains("acks") || !j["acks"].is_array()) {
        c.garbage = "câu trả lời thiếu danh sách xác nhận \"acks\"";
        return c;
    }
    std::map<std::string, const OutboxRecord*> sent;
    for (const OutboxRecord& rec : records) sent[rec.id] = &rec;
    std::set<std::string> seen;
    for (const json& a : j["acks"]) {
        if (!a.is_object() || !a.contains("id") || !a["id"].is_string()) {
            c.garbage = "một xác nhận không có mã bản ghi";
            return c;
        }
        const std::string id = a["id"].get<std::string>();
        auto it = sent.find(id);
        if (it == sent.end()) {
            c.garbage = "máy chủ xác nhận mã bản ghi \"" + id.substr(0, 80) + "\" không có trong lô vừa gửi";
            return c;
        }
        if (it->second->kind == RecordKind::Session &&
            (!a.contains("revision") || !a["revision"].is_number_integer() || a["revision"].get<int64_t>() != it->second->revision)) {
            c.garbage = "máy chủ xác nhận lượt hỗ trợ \"" + id + "\" với phiên bản sửa khác phiên bản vừa gửi";
            return c;
        }
        if (seen.insert(id).second) c.acked.push_back(it->second);
    }
    if (j.contains("rejected")) {
        if (!j["rejected"].is_array()) {
            c.garbage = "danh sách \"rejected\" sai dạng";
            return c;
        }
        for (const json& x : j["rejected"]) {
            if (!x.is_object() || !x.contains("id") || !x["id"].is_string() || !sent.count(x["id"].get<std::string>())) {
                c.garbage = "máy chủ từ chối một mã bản ghi không có trong lô vừa gửi";
                return c;
            }
            const std::string id = x["id"].get<std::string>();
            if (seen.count(id)) {
                c.garbage = "máy chủ vừa xác nhận vừa từ chối bản ghi \"" + id + "\"";
                return c;
            }
            std::string why = x.contains("message") && x["message"].is_string() ? x["message"].get<std::string>()
                              : x.contains("error") && x["error"].is_string() ? x["error"].get<std::string>() : "";
            c.rejected.emplace_back(id, why.substr(0, 200));
        }
    }
    return c;
}

void add(OutboxCounts& c, const OutboxRecord& r)
{
    switch (r.kind) {
    case RecordKind::Session: ++c.sessions; break;
    case RecordKind::Correction: ++c.corrections; break;
    case RecordKind::Erasure: ++c.erasures; break;
    case RecordKind::Usage: c.usageEvents += r.eventCount; break;
    case RecordKind::Heartbeat: break;
    }
}

} // namespace

Uploader::Uploader(Database& db, const Vault& vault, Transport& transport, const Clock& clock)
    : m_db(db), m_outbox(db, vault), m_transport(transport), m_clock(clock)
{
    m_wait = [](int ms) {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        return true;
    };
}

// [batch]
Uploader::BatchOutcome Uploader::sendBatch(const UploadOptions& o, const std::vector<OutboxRecord>& records, UploadResult& result,
                                           std::string& problem)
{
    std::string body = "{\"protocol\":" + std::to_string(kUploadProtocol) + ",\"kiosk_id\":" + json(m_outbox.kioskId()).dump() + ",\"records\":[";
    for (size_t i = 0; i < records.size(); ++i) body += (i ? "," : "") + records[i].json;
    body += "]}";
    TransportRequest req;
    req.url = o.url;
    req.caFile = o.caFile;
    req.timeoutSeconds = o.timeoutSeconds;
    req.body = gzipCompress(body);
    req.headers = {{"Authorization", "Bearer " + o.token},
                   {"Content-Type", "application/json"},
                   {"Content-Encoding", "gzip"},
                   {"Accept", "application/json"},
                   {"User-Agent", "kiosk/" + o.version}};

    TransportResponse r;
    for (int attempt = 0;; ++attempt) {
        ++result.requests;
        r = m_transport.post(req);
        if (r.failure == TransportResponse::Failure::None && r.status == 200) break;
        if (!retriable(r) || attempt >= o.retries) {
            problem = r.failure == TransportResponse::Failure::None ? httpProblem(r) : transportProblem(r, o.timeoutSeconds);
            return BatchOutcome::Stop;
        }
        int64_t wait = std::min<int64_t>(int64_t(o.backoffMs) << std::min(attempt, 20), o.backoffMaxMs);
        // A little jitter, so that a commune's kiosks do not all come back at the same second.
        wait += wait > 3 ? randombytes_uniform(static_cast<uint32_t>(wait / 4)) : 0;
        if (wait > 0 && !m_wait(static_cast<int>(wait))) {
            problem = "Lần gửi đã bị dừng giữa chừng.";
            return BatchOutcome::Stop;
        }
    }

    AckCheck acks = checkAcks(r, records);
    if (!acks.garbage.empty()) {
        problem = "Máy chủ xã trả lời không đúng giao thức (" + acks.garbage +
                  "), nên không bản ghi nào trong lô này được đánh dấu là đã gửi. Xin kiểm tra upload.url có đúng là máy chủ kiosk-collector của xã.";
        return BatchOutcome::Stop;
    }
    std::string error;
    if (!m_outbox.markAcknowledged(acks.acked, m_clock.unixSeconds(), error)) {
        problem = error;
        return BatchOutcome::Stop;
    }
    for (const OutboxRecord* a : acks.acked) add(result.acknowledged, *a);
    const size_t missing = records.size() - acks.acked.size() - acks.rejected.size();
    if (!acks.rejected.empty() && problem.empty())
        problem = "Máy chủ xã không nhận " + std::to_string(acks.rejected.size()) + " bản ghi (bản ghi " + acks.rejected.front().first +
                  (acks.rejected.front().second.empty() ? "" : ": " + acks.rejected.front().second) +
                  "). Chúng vẫn được giữ trên ki-ốt; xin báo cán bộ kỹ thuật.";
    if (missing > 0 && problem.empty())
        problem = "Máy chủ xã không xác nhận " + std::to_string(missing) + " bản ghi; chúng sẽ được gửi lại ở lần sau.";
    return BatchOutcome::Done;
}

// [run]
UploadResult Uploader::run(const UploadOptions& given)
{
    UploadOptions o = given;
    o.url = uploadEndpoint(o.url);   // a bare "http://collector:8080" means its documented endpoint
    UploadResult result;
    std::string error;
    if (o.url.empty()) {
        result.badSettings = true;
        result.message = "Chưa có địa chỉ máy chủ xã: xin đặt upload.url trong tệp cấu hình của ki-ốt (hoặc dùng --url).";
        return result;
    }
    if (!checkUploadUrl(o.url, error)) {
        result.badSettings = true;
        result.message = error;
        return result;
    }
    if (!validToken(o.token)) {
        result.badSettings = true;
        result.message = "Mã truy cập của ki-ốt trống hoặc sai dạng (cần 16–256 ký tự, không có dấu cách). Xin chép đúng dòng cuối mà "
                         "lệnh `kiosk-collector kiosk add` in ra vào tệp mã (upload.token_file).";
        return result;
    }
    const int64_t now = m_clock.unixSeconds();
    const UploadStatus before = m_outbox.status();
    m_outbox.recordAttempt(now);

    std::string problem;
    // The heartbeat goes first: even a run that fails later tells the commune this kiosk is alive,
    // and carries the previous run's error.
    OutboxRecord heartbeat;
    heartbeat.kind = RecordKind::Heartbeat;
    heartbeat.id = m_outbox.kioskId() + "-hb-" + std::to_string(now) + "-" + randomHex(4);
    std::error_code ec;
    const auto space = std::filesystem::space(o.dataDir.empty() ? std::filesystem::path(".") : o.dataDir, ec);
    heartbeat.json = json{{"kind", "heartbeat"},
                          {"id", heartbeat.id},
                          {"at", now},
                          {"version", o.version},
                          {"free_disk_bytes", ec ? int64_t(-1) : int64_t(space.available)},
                          {"last_error", before.lastError},
                          {"last_success", before.lastSuccess},
                          {"waiting", {{"sessions", before.waiting.sessions},
                                       {"corrections", before.waiting.corrections},
                                       {"erasures", before.waiting.erasures},
                                       {"usage_events", before.waiting.usageEvents}}}}
                         .dump(-1, ' ', false, json::error_handler_t::replace);
    bool stopped = sendBatch(o, {heartbeat}, result, problem) == BatchOutcome::Stop;

    Outbox::Cursor cursor;
    const int batch = std::clamp(o.batchSize, 1, 5000);
    std::vector<std::string> unreadable;
    while (!stopped) {
        std::vector<OutboxRecord> records = m_outbox.next(cursor, batch, unreadable);
        if (!m_outbox.readError().empty()) {
            problem = m_outbox.readError();
            break;
        }
        if (records.empty()) break;
        std::string batchProblem;
        stopped = sendBatch(o, records, result, batchProblem) == BatchOutcome::Stop;
        if (!batchProblem.empty() && (stopped || problem.empty())) problem = batchProblem;
    }
    if (!unreadable.empty() && problem.empty())
        problem = std::to_string(unreadable.size()) + " lượt hỗ trợ (đầu tiên: " + unreadable.front() +
                  ") không giải mã được bằng khoá của ki-ốt nên chưa gửi. Xin báo cán bộ kỹ thuật kiểm tra tệp khoá kiosk.key.";

    result.waiting = m_outbox.waiting();
    result.ok = problem.empty();
    if (result.ok) {
        result.message = result.acknowledged.total() == 0
                             ? "Không có gì mới cần gửi; máy chủ xã đã nhận tín hiệu hoạt động của ki-ốt."
                             : "Đã gửi xong lên máy chủ xã và được xác nhận: " + counts(result.acknowledged) + ".";
    } else {
        result.message = "Chưa gửi xong lên máy chủ xã. " + problem + " Lần này máy chủ đã xác nhận: " + counts(result.acknowledged) +
                         ". Còn chờ gửi: " + counts(result.waiting) + "; tất cả vẫn được giữ an toàn trên ki-ốt và sẽ được gửi ở lần sau.";
    }
    m_outbox.recordOutcome(m_clock.unixSeconds(), result.ok, result.ok ? std::string() : problem);
    return result;
}

// [worker]
namespace {
const char* const kWorkerFailed =
    "Chưa gửi xong lên máy chủ xã: lần gửi dừng vì một lỗi không lường trước (đã ghi vào nhật ký). Mọi thứ vẫn được giữ an toàn "
    "trên ki-ốt và sẽ được gửi ở lần sau; nếu lỗi lặp lại, xin báo cán bộ kỹ thuật.";
} // namespace

UploadWorker::UploadWorker(std::filesystem::path dataDir, TransportFactory makeTransport)
    : m_dataDir(std::move(dataDir)), m_makeTransport(std::move(makeTransport))
{
}

UploadWorker::~UploadWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancel = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

UploadResult UploadWorker::runOnce(const UploadOptions& options)
{
    SteadyClock clock;
    UploadResult result;
    std::string error;
    // Its own connection: the frame loop's connection may be inside a transaction.
    auto records = Records::open(m_dataDir, clock, error);
    if (!records) {
        result.message = error;
        return result;
    }
    auto transport = m_makeTransport();
    Uploader up(*records->db, *records->vault, *transport, clock);
    up.setWait([this](int ms) {
        std::unique_lock lock(m_mutex);
        return !m_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_cancel; });
    });
    return up.run(options);
}

bool UploadWorker::start(const UploadOptions& options)
{
    if (m_busy.exchange(true)) return false;
    if (m_thread.joinable()) m_thread.join();
    m_thread = std::thread([this, options] {
        UploadResult result;
        // Nothing may escape this thread: an exception would end the kiosk (std::terminate) and
        // leave `busy` set. The exception's text is not logged: it could quote a record.
        try {
            result = runOnce(options);
        } catch (const std::exception& e) {
            spdlog::error("tải lên: luồng gửi dừng vì một lỗi không lường trước ({})", typeid(e).name());
            result = UploadResult{};
            result.message = kWorkerFailed;
        } catch (...) {
            spdlog::error("tải lên: luồng gửi dừng vì một lỗi không lường trước");
            result = UploadResult{};
            result.message = kWorkerFailed;
        }
        std::lock_guard lock(m_mutex);
        m_result = std::move(result);
        m_busy = false;   // under the lock: whoever takes the result sees the worker free
    });
    return true;
}

std::optional<UploadResult> UploadWorker::takeResult()
{
    std::lock_guard lock(m_mutex);
    std::optional<UploadResult> r = std::move(m_result);
    m_result.reset();
    return r;
}

} // namespace kiosk
