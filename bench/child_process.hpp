// A program the bench starts and watches (the kiosk, the collector, Chromium, itself): its output
// goes to files the bench reads while it runs; it is stopped by its own pid, never by name.
#pragma once
#include <sys/types.h>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bench {

class ChildProcess {
public:
    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();   // stops it if still running

    // Starts `argv` with `env` ("NAME=value") added to this process's environment; stdout and
    // stderr go to `logBase`.out / .err. `startedMs` is nowMs() just before the fork.
    bool start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
               const std::filesystem::path& logBase, std::string& error);
    pid_t pid() const { return m_pid; }
    double startedMs() const { return m_startedMs; }
    bool running();
    // Waits for it to end by itself; nullopt on timeout. Its peak RSS is sampled meanwhile.
    std::optional<int> wait(double timeoutMs);
    // SIGTERM, then SIGKILL if it is still there after `graceMs`.
    void stop(double graceMs = 3000);
    double peakRssKiB() const { return m_maxRssKiB; }   // VmHWM, as last sampled (KiB)
    void samplePeak();

    std::string out() const;
    std::string err() const;
    // Polls stdout (or stderr) until `text` appears; the line holding it, or nullopt on timeout
    // or when the process ended first.
    std::optional<std::string> waitForLine(const std::string& text, double timeoutMs, bool inStderr);

private:
    bool reap(bool block);

    pid_t m_pid = -1;
    double m_startedMs = 0;
    std::optional<int> m_status;
    double m_maxRssKiB = 0;
    std::filesystem::path m_logBase;
};

std::string readFile(const std::filesystem::path& file);

} // namespace bench
