// The collector under the attacks of an outside review, each bounded to a few seconds on
// 127.0.0.1: endless headers and a gzip bomb without a token, idle connections (slowloris) while a
// real `kiosk upload` runs, deeply nested JSON with a token. Each is refused, real uploads keep
// flowing, and the collector's peak memory (VmHWM) stays under 256 MB.
#include "collector/upload_handler.hpp"
#include "kiosk/common/gzip.hpp"
#include "tests/upload/upload_fixture.hpp"
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <chrono>
#include <thread>

using namespace uptest;
using Clock = std::chrono::steady_clock;

namespace {

constexpr long long kPeakLimit = 256LL * 1024 * 1024;

struct Commune {
    test::TempDir dir;
    std::filesystem::path collectorData = dir / "collector";
    nettest::Collector collector{collectorData};
    std::string token;
    explicit Commune(const std::vector<std::string>& serveArgs = {})
    {
        token = addKiosk(collectorData, "Ki-ốt A", dir.path());
        collector.start(serveArgs);
    }
    // A real kiosk with `sessions` sessions, configured for this collector.
    std::unique_ptr<KioskSide> kiosk(const std::string& name, int sessions)
    {
        auto k = std::make_unique<KioskSide>(dir / name);
        k->configure(collector.url(), token, "timeout_seconds = 20\nretries = 0\n");
        for (int i = 0; i < sessions; ++i) k->addSession(card(kThuy));
        return k;
    }
    long long peak() const { return nettest::peakRss(collector.pid()); }
};

// Sends `request` on a fresh connection and reads the answer's status line (0: none).
int statusOf(int port, const std::string& request, std::chrono::seconds wait = std::chrono::seconds(10))
{
    const int fd = nettest::connectLocal(port);
    REQUIRE(fd >= 0);
    timeval tv{static_cast<time_t>(wait.count()), 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    nettest::writeAll(fd, request);
    std::string answer;
    char buf[4096];
    while (answer.find("\r\n") == std::string::npos) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        answer.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return answer.rfind("HTTP/1.", 0) == 0 && answer.size() >= 12 ? std::atoi(answer.c_str() + 9) : 0;
}

std::string post(int port, const std::string& headers, const std::string& body)
{
    return "POST /api/v1/upload HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n" + headers + "\r\n" + body;
}

} // namespace

TEST_CASE("endless headers without a token: refused once the header block passes its bound, memory bounded")
{
    Commune c;
    std::vector<std::thread> clients;
    std::atomic<long long> sent{0};
    std::atomic<int> cut{0};
    for (int i = 0; i < 4; ++i)
        clients.emplace_back([&] {
            const int fd = nettest::connectLocal(c.collector.port());
            if (fd < 0) return;
            timeval tv{2, 0};
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
            std::string chunk = "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\n";
            const std::string line = "X-Filler: " + std::string(1000, 'a') + "\r\n";
            for (int k = 0; k < 64; ++k) chunk += line;
            // At most 96 MiB or 4 s a client: enough to take the old server past 256 MB.
            const auto deadline = Clock::now() + std::chrono::seconds(4);
            long long mine = 0;
            while (mine < 96LL * 1024 * 1024 && Clock::now() < deadline) {
                const ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
                if (n <= 0) {
                    ++cut;
                    break;
                }
                mine += n;
                chunk = std::string();
                for (int k = 0; k < 64; ++k) chunk += line;
            }
            sent += mine;
            ::close(fd);
        });
    for (auto& t : clients) t.join();
    INFO("sent " << sent.load() << " bytes of headers");
    CHECK(cut.load() == 4);                      // every client was cut off
    const long long peak = c.peak();
    MESSAGE("collector peak RSS after endless headers: " << peak / 1024 << " KiB");
    CHECK(peak > 0);
    CHECK(peak <= kPeakLimit);
    // A request with too many headers gets its answer (431), not a hang.
    std::string many;
    for (int k = 0; k < 5000; ++k) many += "X-" + std::to_string(k) + ": 1\r\n";
    CHECK(statusOf(c.collector.port(), post(c.collector.port(), many, "")) == 431);
    auto k = c.kiosk("k", 3);
    CHECK(k->upload().status == 0);
}

TEST_CASE("slowloris: twelve idle connections do not delay a real upload")
{
    Commune c;
    auto k = c.kiosk("k", 20);
    std::vector<int> idle;
    for (int i = 0; i < 12; ++i) {
        const int fd = nettest::connectLocal(c.collector.port());
        REQUIRE(fd >= 0);
        nettest::writeAll(fd, "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\n");   // and never the rest
        idle.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto start = Clock::now();
    const nettest::RunResult r = k->upload();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    MESSAGE("upload with 12 idle connections open: " << took << " ms");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(took < 10000);
    CHECK(k->waiting().total() == 0);
    for (int fd : idle) ::close(fd);
    MESSAGE("collector peak RSS: " << c.peak() / 1024 << " KiB");
    CHECK(c.peak() <= kPeakLimit);
}

TEST_CASE("a gzip bomb without a token is refused with 401 before its body is read")
{
    Commune c;
    const std::string bomb = kiosk::gzipCompress(std::string(64 * 1024 * 1024, '['));
    for (const std::string& auth : {std::string(), std::string("Authorization: Bearer wrong-token-wrong-token\r\n")}) {
        CAPTURE(auth);
        CHECK(statusOf(c.collector.port(), post(c.collector.port(), auth + "Content-Encoding: gzip\r\n", bomb)) == 401);
    }
    // A body larger than the ceiling, declared up front: 401 without a token, 413 with one.
    const std::string huge = "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n";
    CHECK(statusOf(c.collector.port(), huge + "\r\n") == 401);
    CHECK(statusOf(c.collector.port(), huge + "Authorization: Bearer " + c.token + "\r\n\r\n") == 413);
    MESSAGE("collector peak RSS: " << c.peak() / 1024 << " KiB");
    CHECK(c.peak() <= kPeakLimit);
}

TEST_CASE("ten parallel authenticated 8 MiB bodies of nested brackets are refused cheaply while a real upload flows")
{
    Commune c;
    const std::string nested = "{\"protocol\":1,\"kiosk_id\":\"abcd0001\",\"records\":" + std::string(8 * 1024 * 1024, '[');
    std::vector<std::thread> clients;
    std::atomic<int> refused{0}, busy{0}, other{0};
    for (int i = 0; i < 10; ++i)
        clients.emplace_back([&, i] {
            const bool gzip = i % 2 == 0;
            const std::string body = gzip ? kiosk::gzipCompress(nested) : nested;
            const int s = statusOf(c.collector.port(), post(c.collector.port(), "Authorization: Bearer " + c.token + "\r\n" +
                                                                                     (gzip ? "Content-Encoding: gzip\r\n" : ""), body),
                                   std::chrono::seconds(30));
            (s == 400 ? refused : s == 503 ? busy : other)++;
        });
    auto k = c.kiosk("k", 10);
    const nettest::RunResult r = k->upload();
    for (auto& t : clients) t.join();
    MESSAGE("nested brackets: " << refused.load() << " refused (400), " << busy.load() << " told to come back (503)");
    CHECK(other.load() == 0);
    CHECK(refused.load() >= 5);
    INFO(r.err);
    CHECK(r.status == 0);
    const long long peak = c.peak();
    MESSAGE("collector peak RSS after nested brackets: " << peak / 1024 << " KiB");
    CHECK(peak <= kPeakLimit);
}

TEST_CASE("six parallel authenticated batches of 400,000 small records are parsed one record at a time, memory bounded")
{
    Commune c;
    std::string wide = "{\"protocol\":1,\"kiosk_id\":\"abcd0001\",\"records\":[";
    for (int i = 0; i < 400000; ++i) wide += i ? ",{\"i\":\"abcdefghijklmnopqrstuvwxyz0123\"}" : "{\"i\":\"abcdefghijklmnopqrstuvwxyz0123\"}";
    wide += "]}";
    REQUIRE(wide.size() < collector::UploadHandler::kDefaultMaxBody);
    const std::string gz = kiosk::gzipCompress(wide);
    std::vector<std::thread> clients;
    std::atomic<int> refused{0}, busy{0}, other{0};
    for (int i = 0; i < 6; ++i)
        clients.emplace_back([&, i] {
            const bool gzip = i % 2 == 0;
            const int s = statusOf(c.collector.port(), post(c.collector.port(), "Authorization: Bearer " + c.token + "\r\n" +
                                                                                     (gzip ? "Content-Encoding: gzip\r\n" : ""), gzip ? gz : wide),
                                   std::chrono::seconds(60));
            (s == 400 ? refused : s == 503 || s == 0 ? busy : other)++;   // 0: cut off for the budget while sending
        });
    for (auto& t : clients) t.join();
    MESSAGE("wide batches: " << refused.load() << " refused (400, records without ids), " << busy.load() << " told to come back");
    CHECK(other.load() == 0);
    CHECK(refused.load() >= 3);
    const long long peak = c.peak();
    MESSAGE("collector peak RSS after wide batches: " << peak / 1024 << " KiB");
    CHECK(peak <= kPeakLimit);
}

TEST_CASE("bodies held by all connections together stay within --body-budget, and what a request held is given back")
{
    Commune c({"--max-body", "1048576", "--body-budget", "1048576"});
    const std::string head = "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + c.token +
                             "\r\nContent-Length: 1000000\r\n\r\n";
    const std::string part(700 * 1024, ' ');
    // One request holds 700 KiB and waits; a second one passing the budget is told to come back.
    const int first = nettest::connectLocal(c.collector.port());
    REQUIRE(first >= 0);
    nettest::writeAll(first, head + part);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(statusOf(c.collector.port(), head + part + std::string(1000000 - part.size(), ' ')) == 503);
    ::close(first);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // Given back: twenty whole requests of that size one after another are each read and answered.
    for (int i = 0; i < 20; ++i) CHECK(statusOf(c.collector.port(), head + std::string(1000000, ' ')) == 400);
    auto k = c.kiosk("k", 3);
    CHECK(k->upload().status == 0);
}
