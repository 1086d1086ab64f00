// A server that answers garbage, one that never answers, and addresses the kiosk must refuse:
// each gives a clear message and exit status, and nothing is marked sent.
#include "tests/upload/upload_fixture.hpp"

using namespace uptest;

namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef";

void checkNothingSent(KioskSide& k, int sessions)
{
    CHECK(k.acknowledged("session") == 0);
    CHECK(k.acknowledged("erasure") == 0);
    CHECK(k.waiting().sessions == sessions);
    CHECK(k.waiting().usageEvents == 2);
}

} // namespace

TEST_CASE("garbage answers from a server mark nothing sent")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    k.addSession(card(kThuy));
    k.addSession(std::nullopt);
    k.addUsageEvents(2);

    struct Case {
        const char* name;
        std::string response;
        const char* says;
    };
    const Case cases[] = {
        {"an HTML page", nettest::FakeServer::http(200, "text/html; charset=utf-8", "<html><body>Đăng nhập Wi-Fi</body></html>"), "trang HTML"},
        {"broken JSON", nettest::FakeServer::http(200, "application/json", "{\"protocol\": 1, \"acks\": [{\"id\": "), "không phải JSON"},
        {"JSON without acks", nettest::FakeServer::http(200, "application/json", "{\"protocol\": 1, \"ok\": true}"), "thiếu danh sách xác nhận"},
        {"an ack for an id never sent", nettest::FakeServer::http(200, "application/json", "{\"protocol\": 1, \"acks\": [{\"id\": \"ffff-unknown\"}]}"),
         "không có trong lô vừa gửi"},
        {"an HTML error page", nettest::FakeServer::http(502, "text/html", "<html>502 Bad Gateway</html>"), "HTTP 502"},
        {"an empty ack list", nettest::FakeServer::http(200, "application/json", "{\"protocol\": 1, \"acks\": []}"), "không xác nhận"},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        nettest::FakeServer server(c.response);
        k.configure("http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/upload", kToken, "retries = 1\n");
        nettest::RunResult r = k.upload();
        CAPTURE(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(c.says) != std::string::npos);
        CHECK(r.err.find("Chưa gửi xong") != std::string::npos);
        checkNothingSent(k, 2);
    }
}

TEST_CASE("acks for a session at another revision are garbage too")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    const std::string uid = k.addSession(std::nullopt);
    k.addUsageEvents(2);
    // The heartbeat's id is random: a server that acknowledges only the session, at revision 7.
    nettest::FakeServer server(nettest::FakeServer::http(200, "application/json", "{\"protocol\": 1, \"acks\": [{\"id\": \"" + uid + "\", \"revision\": 7}]}"));
    k.configure("http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/upload", kToken);
    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    checkNothingSent(k, 1);
}

TEST_CASE("a server that never answers: the run gives up after the timeout with a clear message")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    k.addSession(std::nullopt);
    k.addUsageEvents(2);
    nettest::FakeServer server("", true);
    k.configure("http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/upload", kToken, "timeout_seconds = 1\n");
    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("không trả lời trong 1 giây") != std::string::npos);
    checkNothingSent(k, 1);
}

TEST_CASE("plain http is refused except to this machine, before anything is sent")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    k.addSession(card(kTam));
    k.addUsageEvents(2);
    k.configure("http://127.0.0.1:9/api/v1/upload", kToken);
    for (const char* url : {"http://192.0.2.10/api/v1/upload", "http://localhost:8080/api/v1/upload", "ftp://192.0.2.10/x",
                            "https://user:pw@example.org/api/v1/upload"}) {
        const std::string shown = url;
        CAPTURE(shown);
        nettest::RunResult r = k.upload({"--url", url});
        CHECK(r.status == 2);
        CHECK_FALSE(r.err.empty());
    }
    nettest::RunResult r = k.upload({"--url", "http://192.0.2.10/api/v1/upload"});
    CHECK(r.err.find("chỉ được gửi qua kết nối mã hoá") != std::string::npos);
    checkNothingSent(k, 1);
    CHECK(kiosk::uploadStatus(*k.records().db).lastAttempt == 0);   // nothing was even tried
}

TEST_CASE("over HTTPS the collector's certificate is verified: refused when unknown, accepted with upload.ca_file")
{
    test::TempDir dir;
    const auto cert = dir / "cert.pem", key = dir / "key.pem";
    // A self-signed certificate for 127.0.0.1, made by the openssl command (skipped without it).
    nettest::RunResult made = nettest::run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.string(), "-out",
                                            cert.string(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"},
                                           dir.path());
    if (made.status != 0) {
        MESSAGE("openssl is not available: HTTPS not tested");
        return;
    }
    nettest::Collector collector(dir / "collector");
    collector.start({"--cert", cert.string(), "--key", key.string()});
    REQUIRE(collector.url().rfind("https://", 0) == 0);
    KioskSide k(dir / "k");
    k.addSession(card(kThuy));
    k.addUsageEvents(2);
    const std::string token = addKiosk(dir / "collector", "Ki-ốt 1", dir.path());

    k.configure(collector.url(), token);
    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("chứng chỉ HTTPS") != std::string::npos);
    checkNothingSent(k, 1);

    k.configure(collector.url(), token, "ca_file = \"" + cert.string() + "\"\n");
    r = k.upload();
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(k.waiting().total() == 0);
}
