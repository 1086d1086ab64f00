// `kiosk session import` of a hostile CSV through the real binary: 20 MB of commas is refused
// naming its line, with the process's peak memory bounded (the file is streamed, never held whole).
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>

namespace {

struct Run {
    int status = -1;
    long peakKb = 0;
    std::string err;
};

Run runKiosk(const test::TempDir& dir, const std::vector<std::string>& args)
{
    const auto err = dir / "stderr.txt";
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 2);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        std::vector<std::string> all = {KIOSK_BIN, "--data", (dir / "data").string()};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(KIOSK_BIN, argv.data());
        ::_exit(127);
    }
    int st = 0;
    rusage usage{};
    ::wait4(pid, &st, 0, &usage);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, usage.ru_maxrss, test::readFile(err)};
}

} // namespace

TEST_CASE("kiosk session import of a 20 MB file of commas is refused at its line with bounded memory")
{
    test::TempDir dir;
    const auto csv = dir / "phay.csv";
    {
        std::ofstream out(csv, std::ios::binary);
        out << "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\n";
        const std::string commas(1024 * 1024, ',');
        for (int i = 0; i < 20; ++i) out << commas;
        out << "\n";
    }
    const Run r = runKiosk(dir, {"session", "import", csv.string()});
    MESSAGE("kiosk session import of 20 MB of commas: peak RSS " << r.peakKb / 1024 << " MiB");
    CAPTURE(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("dòng 2") != std::string::npos);
    CHECK(r.err.find("hơn 64 ô") != std::string::npos);
    CHECK(r.peakKb < 100 * 1024);
}
