// Starting and stopping the programs under measurement (fork + exec, output into files).
#include "bench/child_process.hpp"
#include "bench/bench.hpp"
#include "bench/proc_stats.hpp"
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace bench {

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream f(file, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

ChildProcess::~ChildProcess()
{
    if (m_pid > 0 && !m_status) stop(1000);
}

bool ChildProcess::start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                         const std::filesystem::path& logBase, std::string& error)
{
    m_logBase = logBase;
    const std::string outFile = logBase.string() + ".out", errFile = logBase.string() + ".err";
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    m_startedMs = nowMs();
    m_pid = fork();
    if (m_pid < 0) {
        error = std::string("fork: ") + std::strerror(errno);
        return false;
    }
    if (m_pid == 0) {
        for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
        int out = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int in = open("/dev/null", O_RDONLY);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        setpgid(0, 0);   // its own group: Chromium's helpers are stopped with it
        execv(args[0], args.data());
        dprintf(2, "exec %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    return true;
}

bool ChildProcess::reap(bool block)
{
    if (m_pid <= 0 || m_status) return true;
    int status = 0;
    pid_t r = waitpid(m_pid, &status, block ? 0 : WNOHANG);
    if (r != m_pid) return false;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
}

bool ChildProcess::running() { return m_pid > 0 && !reap(false); }

std::optional<int> ChildProcess::wait(double timeoutMs)
{
    const double end = nowMs() + timeoutMs;
    for (;;) {
        samplePeak();
        if (reap(false)) break;
        if (nowMs() > end) return std::nullopt;
        sleepMs(5);
    }
    return m_status;
}

void ChildProcess::stop(double graceMs)
{
    if (m_pid <= 0 || m_status) return;
    samplePeak();
    kill(-m_pid, SIGTERM);   // the group we made at start: the process and its own children
    if (!wait(graceMs)) {
        kill(-m_pid, SIGKILL);
        reap(true);
    }
}

// VmHWM, not wait4's ru_maxrss: Linux carries the forking parent's peak (the bench's, hundreds of
// MiB after generating a database) into the child's figure across exec.
void ChildProcess::samplePeak()
{
    if (m_pid <= 0 || m_status) return;
    if (auto v = bench::peakRssKiB(m_pid)) m_maxRssKiB = std::max(m_maxRssKiB, *v);
}

std::string ChildProcess::out() const { return readFile(m_logBase.string() + ".out"); }
std::string ChildProcess::err() const { return readFile(m_logBase.string() + ".err"); }

std::optional<std::string> ChildProcess::waitForLine(const std::string& text, double timeoutMs, bool inStderr)
{
    const double end = nowMs() + timeoutMs;
    for (;;) {
        const std::string all = inStderr ? err() : out();
        if (auto p = all.find(text); p != std::string::npos) {
            auto a = all.rfind('\n', p);
            auto b = all.find('\n', p);
            return all.substr(a == std::string::npos ? 0 : a + 1, b == std::string::npos ? std::string::npos : b - (a == std::string::npos ? 0 : a + 1));
        }
        if (!running() || nowMs() > end) return std::nullopt;
        sleepMs(2);
    }
}

} // namespace bench
