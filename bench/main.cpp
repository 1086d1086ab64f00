// kiosk-bench: the kiosk's figures against its targets (issue 7), and Chromium's beside them.
//   kiosk-bench [--json] [--quick] [--only first_frame,save,...] [--keep] [--work DIR]
// Exit 0 whatever the figures are (a timing never fails anything); 2 for wrong arguments, 1 when
// the bench itself cannot run (no scratch folder). Rows that cannot run here say why.
#include "bench/bench.hpp"
#include <CLI/CLI.hpp>
#include <unistd.h>
#include <clocale>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace {

const char* kGroups[] = {"first_frame", "memory", "idle", "scroll", "tap", "chromium", "qr", "save", "report", "xlsx", "upload", "visits"};

} // namespace

int main(int argc, char** argv)
{
    std::setlocale(LC_ALL, "C.UTF-8");
    bench::Options o;
    std::string only, work;
    int childVisits = 0;
    CLI::App cli{"kiosk-bench: đo ki-ốt so với mục tiêu và với Chromium / the kiosk measured against its targets and against Chromium"};
    cli.add_flag("--json", o.json, "in kết quả dạng JSON / print JSON instead of the table");
    cli.add_flag("--quick", o.quick, "bản rút gọn để thử nhanh / a short run: fewer sessions, 5 s idle windows (marked in each row)");
    std::string groups;
    for (const char* g : kGroups) groups += std::string(groups.empty() ? "" : ",") + g;
    cli.add_option("--only", only, "chỉ đo các nhóm này / only these groups, comma separated: " + groups);
    cli.add_flag("--keep", o.keep, "giữ thư mục tạm / keep the scratch folder (databases, logs, the page)");
    cli.add_option("--work", work, "thư mục tạm / scratch folder (default: a new one under /var/tmp, on the disk)");
    cli.add_option("--idle-seconds", o.idleSeconds, "giây đo CPU lúc nghỉ / idle window in seconds (default 30, --quick 5)");
    cli.add_option("--child-visits", childVisits)->group("");   // the visits row's own process
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    if (childVisits > 0) return bench::visitsChild(childVisits);

    std::istringstream list(only);
    for (std::string g; std::getline(list, g, ',');) {
        if (g.empty()) continue;
        if (std::find(std::begin(kGroups), std::end(kGroups), g) == std::end(kGroups)) {
            std::cerr << "Không có nhóm \"" << g << "\" / unknown group; groups: " << groups << "\n";
            return 2;
        }
        o.only.insert(g);
    }
    if (o.quick && cli.count("--idle-seconds") == 0) o.idleSeconds = 5;
    o.binDir = std::filesystem::read_symlink("/proc/self/exe").parent_path();
    if (work.empty()) {
        char tmpl[] = "/var/tmp/kiosk-bench-XXXXXX";
        if (!mkdtemp(tmpl)) {
            std::cerr << "Không tạo được thư mục tạm / cannot create a scratch folder under /var/tmp\n";
            return 1;
        }
        o.workDir = tmpl;
    } else {
        o.workDir = work;
        std::error_code ec;
        std::filesystem::create_directories(o.workDir, ec);
        if (ec) {
            std::cerr << "Không tạo được " << work << ": " << ec.message() << "\n";
            return 1;
        }
    }

    nlohmann::json machine = bench::machineInfo();
    std::cerr << "kiosk-bench" << (o.quick ? " --quick" : "") << ": " << machine["cpu"].get<std::string>() << ", "
              << machine["cores"].get<unsigned>() << " cores; scratch " << o.workDir.string() << "\n";
    bench::Results results;
    // The kiosk's screen rows first, then Chromium under the same conditions, then the records.
    bench::kioskRows(o, results);
    bench::chromiumRows(o, results);
    bench::qrRows(o, results);
    bench::saveRows(o, results);
    bench::reportRows(o, results);
    bench::uploadRows(o, results);
    bench::visitRows(o, results);

    // Other work on the machine shows in every timing: the load on both sides of the run says how much.
    machine["load_average_at_end"] = bench::machineInfo()["load_average_at_start"];
    if (o.json) std::cout << results.toJson(o, machine).dump(2) << "\n";
    else {
        std::cout << "\nkiosk-bench" << (o.quick ? " (--quick: shortened workloads, not the targets' conditions)" : "") << " on "
                  << machine["cpu"].get<std::string>() << ", " << machine["cores"].get<unsigned>() << " cores, "
                  << machine["os"].get<std::string>() << "; load average " << machine["load_average_at_start"].get<std::string>()
                  << " at the start, " << machine["load_average_at_end"].get<std::string>() << " at the end\n\n";
        results.printTable(std::cout);
    }
    if (!o.keep && work.empty()) std::filesystem::remove_all(o.workDir);
    return 0;
}
