// Helpers for the torture tests: child processes whose output comes back through a pipe (so the
// parent knows exactly what a killed child had confirmed), made-up citizens with valid ID cards,
// and the checks every torture ends with (SQLite's integrity check, the records' invariants).
#pragma once
#include "kiosk/identity/cccd.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/records/sessions.hpp"
#include <sys/types.h>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace torture {

// A running child process: stdin from /dev/null, stdout into a pipe read here, stderr to a file.
class Child {
public:
    Child(const std::vector<std::string>& args, const std::filesystem::path& errFile);
    ~Child();   // a child still running is killed (SIGKILL) and reaped
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Complete lines that arrived within `waitMs` (0: only what is there now). False once the
    // child closed its end and every line was handed out.
    bool readLines(int waitMs, std::vector<std::string>& lines);
    // Every line until the child's end of the pipe closes (after it exited or was killed).
    void readToEnd(std::vector<std::string>& lines);
    void kill();                 // SIGKILL, then reaped
    int wait();                  // exit status; -signal when killed by a signal
    bool exited();               // already finished (reaped here)
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    int m_status = 0;
    bool m_reaped = false;
    bool m_eof = false;
    std::string m_partial;
};

// The seed of a torture's random moments: KIOSK_TORTURE_SEED when set (to repeat a failing run),
// otherwise a fresh one. Printed by the caller so a failure can be replayed.
uint32_t seed();

// Person `n` (0 ≤ n < 1,000,000): a valid card (12-digit number whose digits 4–6 agree with the
// birth date and gender), parsed by the real parser. The same n is always the same person.
std::string cardPayload(int n);
kiosk::CitizenId citizen(int n);

// What the torture savers write for session number `n`: the expected content, computed again by
// the parent to compare with what is stored.
struct Expected {
    bool withCitizen = false;
    int person = 0;              // citizen(person) when withCitizen
    std::string village;
    std::string notes;           // sealed in the database
    std::vector<kiosk::ServiceOutcome> services;   // sorted by code, as SessionStore::get returns them
};
Expected expectedSession(int n);
kiosk::NewSession newSession(int n, int64_t staffId, int64_t now);

// "ok" when PRAGMA integrity_check finds nothing, else its report.
std::string integrityCheck(kiosk::Database& db);
std::string integrityCheck(const std::filesystem::path& dbFile);

std::string slurp(const std::filesystem::path& file);
void sleepMs(int ms);

} // namespace torture
