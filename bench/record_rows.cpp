// The record rows, on real SQLite files: a durable session save, the quarterly report over a
// million sessions, the XLSX export with 100,000 list rows, and the nightly upload of 50,000
// sessions to a real `kiosk-collector serve` on 127.0.0.1.
//
// [SECTION] save      [SECTION] report and XLSX      [SECTION] upload
#include "bench/bench.hpp"
#include "bench/child_process.hpp"
#include "bench/session_data.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/report/report.hpp"
#include "kiosk/report/report_export.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/content/services.hpp"
#include <sys/statfs.h>
#include <regex>
#include <sstream>

namespace bench {

namespace {

std::string filesystemOf(const std::filesystem::path& p)
{
    struct statfs s{};
    if (statfs(p.c_str(), &s) != 0) return "?";
    switch (static_cast<unsigned long>(s.f_type)) {
    case 0xEF53: return "ext4";
    case 0x01021994: return "tmpfs";
    case 0x794c7630: return "overlayfs";
    case 0x9123683E: return "btrfs";
    case 0x58465342: return "xfs";
    default: return "fs 0x" + [&] { std::ostringstream h; h << std::hex << s.f_type; return h.str(); }();
    }
}

std::string count(int64_t n)
{
    std::string s = std::to_string(n);
    for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
    return s;
}

} // namespace

// [SECTION] save

void saveRows(const Options& o, Results& r)
{
    if (!o.wants("save")) return;
    const std::string what = "durable session save (Records/Sessions, WAL, synchronous=FULL)";
    const std::filesystem::path dir = o.workDir / "save-data";
    std::filesystem::create_directories(dir);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
    std::string error;
    kiosk::SteadyClock clock;
    auto rec = kiosk::Records::open(dir, clock, error);
    if (!rec) {
        r.add(skippedRow("save", what, "p99 ≤ 10 ms", error));
        return;
    }
    const int64_t staff = *rec->staff->ensureImported("Trần Văn Bảo");
    const int saves = o.quick ? 200 : 2000;
    std::vector<double> ms;
    for (int i = 0; i < saves; ++i) {
        kiosk::NewSession s;
        s.staffId = staff;
        s.startedAt = kQuarterBegin + i * 600;
        s.endedAt = s.startedAt + 900;
        s.village = "Thôn " + std::to_string(1 + i % 6);
        s.services = {{"vneid_install", kiosk::Outcome::Done}, {"vneid_level2", i % 3 ? kiosk::Outcome::Done : kiosk::Outcome::Partial}};
        if (i % 4 != 0) {   // three in four with a card read; the rest anonymous
            kiosk::CitizenId c;
            char id[16];
            std::snprintf(id, sizeof id, "038%d%02d%06d", i % 2, 60 + i % 40, i);
            c.id = id;
            c.fullName = i % 2 ? "Nguyễn Thị Thuỷ" : "Lê Văn Tám";
            c.gender = i % 2 ? "female" : "male";
            c.birthYear = 1960 + i % 40;
            c.birthMonth = 3;
            c.birthDay = 15;
            c.address = "Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa";
            c.issueYear = 2021;
            c.issueMonth = 8;
            c.issueDay = 10;
            s.citizen = c;
            s.consent = true;
            if (i % 5 == 0) s.notes = "khách hỏi OTP là gì";
        }
        const double t0 = nowMs();
        if (!rec->sessions->save(s, error)) {
            r.add(skippedRow("save", what, "p99 ≤ 10 ms", error));
            return;
        }
        ms.push_back(nowMs() - t0);
    }
    Row row;
    row.id = "save";
    row.what = what;
    row.target = "p99 ≤ 10 ms";
    const double p50 = percentile(ms, 50), p99 = percentile(ms, 99);
    row.measured = "p50 " + fmtMs(p50) + ", p99 " + fmtMs(p99);
    row.met = p99 <= 10;
    row.quick = o.quick;
    row.note = std::to_string(saves) + " saves, 3 in 4 with a citizen (sealed fields), committed with fsync on " + filesystemOf(dir) +
               "; max " + fmtMs(percentile(ms, 100));
    row.values = {{"p50_ms", p50}, {"p99_ms", p99}, {"max_ms", percentile(ms, 100)}, {"saves", saves}, {"filesystem", filesystemOf(dir)}};
    r.add(std::move(row));
}

// [SECTION] report and XLSX

namespace {

kiosk::ReportInput quarterInput(const kiosk::Runtime& rt)
{
    std::string error;
    std::vector<kiosk::Problem> problems;
    kiosk::ReportInput in;
    in.period = *kiosk::periodFromArguments("2026-Q1", "", "", "", error);
    in.commune = rt.config.commune;
    in.indicators = kiosk::reportIndicators(kiosk::loadServices(rt.assetsDir / "services.toml", rt.config.province, problems));
    for (const kiosk::ServiceDef& s : kiosk::loadServices(rt.assetsDir / "services.toml", "", problems)) in.otherLabels[s.code] = s.title.vi;
    in.targets = rt.config.targets;
    for (const kiosk::Lesson& l : rt.catalogue.lessons) in.lessonTitles[l.id] = l.title.vi;
    return in;
}

int64_t listRows(const kiosk::Report& rep)
{
    int64_t n = 0;
    for (const kiosk::IndicatorFigures& f : rep.indicators) n += int64_t(f.list.size());
    return n;
}

} // namespace

void reportRows(const Options& o, Results& r)
{
    const kiosk::Runtime rt = kiosk::Runtime::load({});
    std::string error;
    if (o.wants("report")) {
        const int64_t sessions = o.quick ? 100'000 : 1'000'000;
        const std::string what = "quarterly report over " + count(sessions) + " sessions (JSON, with lists)";
        DataSpec spec;
        spec.sessions = sessions;
        spec.citizens = sessions * 3 / 20;   // 150,000 citizens for a million sessions
        DataStats st;
        const std::filesystem::path dir = o.workDir / "report-data";
        if (!generateSessions(dir, spec, st, error)) {
            r.add(skippedRow("report", what, "≤ 1 s", error));
        } else {
            kiosk::SteadyClock clock;
            auto rec = kiosk::Records::open(dir, clock, error);
            kiosk::ReportInput in = quarterInput(rt);
            in.withLists = false;
            double t0 = nowMs();
            auto figures = kiosk::buildReport(*rec->db, *rec->vault, in, error);
            const double figuresMs = nowMs() - t0;
            in.withLists = true;
            t0 = nowMs();
            auto rep = kiosk::buildReport(*rec->db, *rec->vault, in, error);
            std::string json = rep ? kiosk::reportJson(*rep) : "";
            const double fullMs = nowMs() - t0;
            Row row;
            row.id = "report";
            row.what = what;
            row.target = "≤ 1 s";
            row.quick = o.quick;
            if (!rep || !figures) {
                r.add(skippedRow("report", what, "≤ 1 s", error));
            } else {
                row.measured = fmtMs(fullMs);
                row.met = fullMs <= 1000;
                row.note = "figures alone " + fmtMs(figuresMs) + "; " + count(rep->sessions) + " sessions, " + count(rep->citizens) +
                           " citizens, " + count(listRows(*rep)) + " list rows (names decrypted), JSON " +
                           std::to_string(json.size() / 1024 / 1024) + " MiB; database made in " + fmtMs(st.seconds * 1000);
                row.values = {{"ms", fullMs}, {"figures_only_ms", figuresMs}, {"sessions", rep->sessions}, {"citizens", rep->citizens},
                              {"list_rows", listRows(*rep)}, {"generate_s", st.seconds}};
                r.add(std::move(row));
            }
        }
    }
    if (o.wants("xlsx")) {
        const int64_t rows = o.quick ? 10'000 : 100'000;
        const std::string what = "XLSX export with " + count(rows) + " list rows";
        DataSpec spec;
        spec.sessions = rows;
        spec.citizens = rows;   // one session each, one service done: exactly `rows` list rows
        spec.oneDoneService = true;
        DataStats st;
        const std::filesystem::path dir = o.workDir / "xlsx-data";
        if (!generateSessions(dir, spec, st, error)) {
            r.add(skippedRow("xlsx", what, "≤ 3 s", error));
            return;
        }
        kiosk::SteadyClock clock;
        auto rec = kiosk::Records::open(dir, clock, error);
        const double t0 = nowMs();
        auto rep = kiosk::buildReport(*rec->db, *rec->vault, quarterInput(rt), error);
        const double builtMs = nowMs() - t0;
        const std::filesystem::path out = o.workDir / "report.xlsx";
        if (!rep || !kiosk::writeReportXlsx(*rep, out, error)) {
            r.add(skippedRow("xlsx", what, "≤ 3 s", error));
            return;
        }
        const double totalMs = nowMs() - t0;
        Row row;
        row.id = "xlsx";
        row.what = what;
        row.target = "≤ 3 s";
        row.measured = fmtMs(totalMs);
        row.met = totalMs <= 3000;
        row.quick = o.quick;
        row.note = "report " + fmtMs(builtMs) + " + workbook " + fmtMs(totalMs - builtMs) + "; " + count(listRows(*rep)) + " rows, " +
                   std::to_string(std::filesystem::file_size(out) / 1024) + " KiB";
        row.values = {{"ms", totalMs}, {"report_ms", builtMs}, {"list_rows", listRows(*rep)}, {"bytes", std::filesystem::file_size(out)}};
        r.add(std::move(row));
    }
}

// [SECTION] upload

void uploadRows(const Options& o, Results& r)
{
    if (!o.wants("upload")) return;
    const int64_t sessions = o.quick ? 5'000 : 50'000;
    const std::string what = "upload of " + count(sessions) + " sessions to kiosk-collector on 127.0.0.1";
    const std::filesystem::path kioskBin = o.binDir / "kiosk", collectorBin = o.binDir / "kiosk-collector";
    if (!std::filesystem::exists(kioskBin) || !std::filesystem::exists(collectorBin)) {
        r.add(skippedRow("upload", what, "≤ 10 s", "kiosk and kiosk-collector must be built beside kiosk-bench"));
        return;
    }
    std::string error;
    DataSpec spec;
    spec.sessions = sessions;
    spec.citizens = sessions * 2 / 5;
    DataStats st;
    const std::filesystem::path kioskData = o.workDir / "upload-kiosk", collectorData = o.workDir / "upload-collector";
    if (!generateSessions(kioskData, spec, st, error)) {
        r.add(skippedRow("upload", what, "≤ 10 s", error));
        return;
    }
    ChildProcess add;
    if (!add.start({collectorBin.string(), "--data", collectorData.string(), "kiosk", "add", "--name", "Ki-ốt đo thử"}, {},
                   o.workDir / "collector-add", error) || add.wait(30000) != 0) {
        r.add(skippedRow("upload", what, "≤ 10 s", "kiosk-collector kiosk add failed: " + add.err().substr(0, 200)));
        return;
    }
    std::string token = add.out();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    token = token.substr(token.rfind('\n') + 1);
    ChildProcess server;
    server.start({collectorBin.string(), "--data", collectorData.string(), "serve", "--listen", "127.0.0.1:0"}, {},
                 o.workDir / "collector", error);
    auto line = server.waitForLine("listening on", 20000, false);
    if (!line) line = server.waitForLine("listening on", 10, true);
    std::smatch m;
    static const std::regex port(R"(127\.0\.0\.1:([0-9]+))");
    if (!line || !std::regex_search(*line, m, port)) {
        r.add(skippedRow("upload", what, "≤ 10 s", "kiosk-collector serve did not start: " + server.err().substr(0, 200)));
        return;
    }
    const std::string url = "http://127.0.0.1:" + m[1].str() + "/api/v1/upload";
    ChildProcess up;
    const double t0 = nowMs();
    up.start({kioskBin.string(), "--data", kioskData.string(), "upload", "--url", url, "--token", token}, {}, o.workDir / "upload", error);
    auto rc = up.wait(600000);
    const double ms = nowMs() - t0;
    server.stop();
    if (rc != 0) {
        r.add(skippedRow("upload", what, "≤ 10 s", "kiosk upload failed (" + std::to_string(rc.value_or(-1)) + "): " + up.err().substr(0, 300)));
        return;
    }
    Row row;
    row.id = "upload";
    row.what = what;
    row.target = "≤ 10 s";
    row.measured = fmtMs(ms);
    row.met = ms <= 10000;
    row.quick = o.quick;
    row.note = "the real `kiosk upload` (gzip'd JSON batches of the default 1000 records, every one acknowledged after the collector's commit) to a "
               "real `kiosk-collector serve`; " + count(spec.citizens) + " citizens in clear over loopback; peak RSS of kiosk upload " +
               fmtMiB(up.peakRssKiB()) + ", of the collector " + fmtMiB(server.peakRssKiB());
    row.values = {{"ms", ms}, {"sessions", sessions}, {"upload_peak_rss_kib", up.peakRssKiB()}, {"collector_peak_rss_kib", server.peakRssKiB()}};
    r.add(std::move(row));
}

} // namespace bench
