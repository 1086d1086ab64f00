// The commune's kiosk-collector killed with SIGKILL and restarted, again and again, DURING
// uploads: the real `kiosk upload` (libcurl, retries with backoff) against the real
// `kiosk-collector serve` on 127.0.0.1, restarted on the same port with the same data folder, up
// to 40 kills, each once that collector has acknowledged a few batches (so every run kills,
// however fast the machine) and a random moment later. In the end every session, correction and statistic is on the
// collector exactly once, at the kiosk's revision, nothing waits on the kiosk, and both databases
// pass their checks. (tests/upload/ covers a kill between two uploads; this is during one.)
#include "tests/torture/torture_support.hpp"
#include "tests/upload/upload_fixture.hpp"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <set>

namespace {

constexpr int kSessions = 1000;
// Enough kills to land in every phase of a request (reading it, applying it, committing, answering),
// few enough that a slow machine still finishes: after these the upload runs to its end.
constexpr int kKills = 40;

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// kiosk-collector serve on one fixed port, so that a restarted collector is where the kiosk's
// retries look for it. Its log goes to files: a pipe nobody reads would stall it.
class Collector {
public:
    Collector(std::filesystem::path data, int port) : m_data(std::move(data)), m_port(port) {}
    ~Collector() { kill(); }

    void start()
    {
        for (int tries = 0; tries < 50; ++tries) {
            const auto out = m_data / "serve.out";
            std::filesystem::remove(out);
            m_pid = ::fork();
            if (m_pid == 0) {
                const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                const int e = ::open((m_data / "serve.err").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
                ::dup2(o, 1);
                ::dup2(e, 2);
                const std::string listen = "127.0.0.1:" + std::to_string(m_port);
                ::execl(KIOSK_COLLECTOR_BIN, KIOSK_COLLECTOR_BIN, "--data", m_data.c_str(), "serve", "--listen", listen.c_str(), nullptr);
                ::_exit(127);
            }
            // Until it says it listens, or dies (the port still held by the killed one's socket).
            for (;;) {
                if (torture::slurp(out).find("listening on ") != std::string::npos) return;
                int st = 0;
                if (::waitpid(m_pid, &st, WNOHANG) == m_pid) break;
                torture::sleepMs(5);
            }
            m_pid = -1;
            torture::sleepMs(20);
        }
        FAIL("kiosk-collector did not start again: " << torture::slurp(m_data / "serve.err"));
    }
    void kill()
    {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    void stop()
    {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api/v1/upload"; }
    // Batches this run of the collector has acknowledged, from its log (a line per request, flushed).
    int acknowledged() const
    {
        const std::string log = torture::slurp(m_data / "serve.out");
        int n = 0;
        for (size_t at = 0; (at = log.find("POST /api/v1/upload 200", at)) != std::string::npos; ++at) ++n;
        return n;
    }

private:
    std::filesystem::path m_data;
    int m_port;
    pid_t m_pid = -1;
};

std::set<std::pair<std::string, int64_t>> sessionsAt(kiosk::Database& db)
{
    std::set<std::pair<std::string, int64_t>> out;
    kiosk::Statement st(db.handle(), "SELECT uid, revision FROM sessions");
    while (st.step()) out.emplace(st.text(0), st.int64(1));
    return out;
}

} // namespace

TEST_CASE("the collector killed and restarted during uploads: every session on it exactly once in the end")
{
    const uint32_t seed = torture::seed();
    MESSAGE("seed " << seed);
    std::mt19937 rng(seed);
    test::TempDir dir;
    const auto collectorData = dir / "collector";
    const std::string token = uptest::addKiosk(collectorData, "Ki-ốt 1", dir.path());

    uptest::KioskSide k(dir / "k1");
    {
        kiosk::Records& rec = k.records();
        const int64_t staff = rec.staff->find("Trần Văn Bảo")->id;
        std::string error;
        REQUIRE(rec.db->exec("BEGIN"));   // one commit for the lot: the saves nest as savepoints
        for (int n = 0; n < kSessions; ++n) {
            const auto saved = rec.sessions->save(torture::newSession(n, staff, 1'772'330'400 + n * 600), error);
            REQUIRE_MESSAGE(saved, error);
            if (n % 10 == 0) {
                kiosk::SessionEdit edit;
                edit.endedAt = 1'772'330'400 + n * 600 + 60;
                edit.village = "Thôn Đông";
                edit.services = {{"vneid_level2", kiosk::Outcome::Done}};
                REQUIRE_MESSAGE(rec.sessions->correct(saved->id, edit, "Trần Văn Bảo", error), error);
            }
        }
        REQUIRE(rec.db->exec("COMMIT"));
        k.addUsageEvents(3000);
    }
    Collector collector(collectorData, freeLoopbackPort());
    collector.start();
    // Small batches, many retries with short waits: a run survives a few restarts.
    k.configure(collector.url(), token, "batch_size = 40\nretries = 12\nbackoff_ms = 20\ntimeout_seconds = 20");
    k.close();

    int kills = 0, runs = 0, finished = -1;
    for (; runs < 40 && finished != 0; ++runs) {
        torture::Child upload({KIOSK_BIN, "--data", k.data().string(), "--config", (dir / "k1" / "upload.toml").string(), "upload"},
                              dir / "upload.err");
        while (!upload.exited() && kills < kKills) {
            // Once this collector has acknowledged 1–3 batches (the first time: the heartbeat alone,
            // so the first kill always falls inside the run), and 0–10 ms later, pull the plug.
            const int acks = kills == 0 ? 1 : std::uniform_int_distribution<int>(1, 3)(rng);
            while (!upload.exited() && collector.acknowledged() < acks) torture::sleepMs(1);
            torture::sleepMs(std::uniform_int_distribution<int>(0, 10)(rng));
            if (upload.exited()) break;
            collector.kill();
            ++kills;
            torture::sleepMs(std::uniform_int_distribution<int>(0, 250)(rng));
            collector.start();
        }
        finished = upload.wait();
        CHECK((finished == 0 || finished == 1));   // 1: it gave up for now; all is kept for the next run
    }
    INFO("kiosk upload's messages: " << torture::slurp(dir / "upload.err"));
    MESSAGE(kills << " collector kills during " << runs << " upload runs");
    REQUIRE(finished == 0);
    CHECK(kills >= 3);
    collector.stop();

    CHECK(k.waiting().total() == 0);
    kiosk::Records& rec = k.records();
    const auto onKiosk = sessionsAt(*rec.db);
    REQUIRE(onKiosk.size() == size_t(kSessions));
    uptest::CollectorView v(collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == kSessions);
    CHECK(v.count("SELECT count(DISTINCT uid) FROM sessions") == kSessions);
    int64_t matching = 0;
    for (const auto& [uid, revision] : onKiosk)
        matching += v.count("SELECT count(*) FROM sessions WHERE uid='" + uid + "' AND revision=" + std::to_string(revision));
    CHECK(matching == kSessions);
    CHECK(v.count("SELECT count(*) FROM corrections") == kSessions / 10);
    CHECK(v.count("SELECT count(DISTINCT uid) FROM corrections") == kSessions / 10);
    CHECK(v.count("SELECT count(*) FROM usage_events") == 3000);
    CHECK(v.count("SELECT count(*) FROM citizens") == rec.sessions->citizenCount());
    CHECK(v.text("PRAGMA integrity_check") == "ok");
    CHECK(torture::integrityCheck(*rec.db) == "ok");
}
