// A hostile or wrong server behind upload.url: a gzip bomb for an answer, an "acknowledgement" from
// something that is not a commune collector; and the collector's bare address, which means its endpoint.
#include "tests/upload/upload_fixture.hpp"
#include <zlib.h>

using namespace uptest;

namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef";

// `inflated` bytes of JSON whitespace, gzip'd: about a thousandth of that on the wire.
std::string gzipBomb(size_t inflated)
{
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    const std::string chunk(1 << 20, ' ');
    std::string out;
    char buf[1 << 16];
    for (size_t done = 0; done < inflated; done += chunk.size()) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        z.avail_in = static_cast<uInt>(chunk.size());
        const int flush = done + chunk.size() >= inflated ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            deflate(&z, flush);
            out.append(buf, sizeof buf - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

} // namespace

TEST_CASE("a gzip bomb for an answer is cut at 1 MiB: the kiosk stays small and marks nothing sent")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    k.addSession(card(kThuy));
    k.addUsageEvents(2);
    const size_t inflated = size_t(512) << 20;   // 512 MiB of answer from ~0.5 MB on the wire
    const std::string body = gzipBomb(inflated);
    CHECK(body.size() < 1024 * 1024);
    nettest::FakeServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " +
                               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    k.configure("http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/upload", kToken, "retries = 3\nbackoff_ms = 1\n");
    nettest::RunResult r = k.upload();
    INFO(r.err);
    MESSAGE("kiosk upload against a 512 MiB gzip bomb: peak RSS " << r.peakKb / 1024 << " MiB");
    CHECK(r.status == 1);
    CHECK(r.err.find("Máy chủ trả lời quá dài") != std::string::npos);
    CHECK(r.peakKb < 100 * 1024);
    CHECK(server.requests() == 1);   // not retried: a bigger answer would not come next time
    CHECK(k.acknowledged("session") == 0);
    CHECK(k.waiting().sessions == 1);
}

TEST_CASE("an acknowledgement without protocol 1 is not counted: the server is not a commune collector")
{
    test::TempDir dir;
    KioskSide k(dir / "k");
    const std::string uid = k.addSession(std::nullopt);
    k.addUsageEvents(2);
    // Echoes the session's id at the right revision, as the collector would, but names no protocol.
    for (const std::string protocol : {"", "\"protocol\": 2, ", "\"protocol\": \"1\", "}) {
        CAPTURE(protocol);
        nettest::FakeServer server(nettest::FakeServer::http(
            200, "application/json", "{" + protocol + "\"acks\": [{\"id\": \"" + uid + "\", \"revision\": 1}], \"rejected\": []}"));
        k.configure("http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/upload", kToken, "retries = 0\n");
        nettest::RunResult r = k.upload();
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("không phải máy chủ kiosk-collector của xã") != std::string::npos);
        CHECK(k.acknowledged("session") == 0);
        CHECK(k.waiting().sessions == 1);
    }
}

TEST_CASE("kiosk upload --url with the collector's bare address sends to its documented endpoint")
{
    test::TempDir dir;
    const std::filesystem::path collectorData = dir / "collector";
    nettest::Collector collector(collectorData);
    collector.start();
    const std::string token = addKiosk(collectorData, "Ki-ốt Trung tâm", dir.path());
    KioskSide k(dir / "k");
    k.addSession(std::nullopt);
    const std::string bare = "http://127.0.0.1:" + std::to_string(collector.port());

    // Given on the command line, with and without the trailing slash.
    k.configure("", token);
    nettest::RunResult r = k.upload({"--url", bare});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(k.acknowledged("session") == 1);
    r = k.upload({"--url", bare + "/"});
    CHECK(r.status == 0);

    // The same in the [upload] url key.
    k.addSession(std::nullopt);
    k.configure(bare, token);
    r = k.upload();
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(k.acknowledged("session") == 2);

    // Any other path is kept as given: the collector answers 404 there.
    k.addSession(std::nullopt);
    k.configure(bare + "/elsewhere", token);
    r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("HTTP 404") != std::string::npos);
    CHECK(k.waiting().sessions == 1);
}
