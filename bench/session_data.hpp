// Databases of made-up but realistic sessions for the record rows: citizens (sealed, through the
// real SessionStore), anonymous visitors, several services per session, villages, staff. The bulk
// of the sessions go in with prepared INSERTs inside one transaction, which is what makes a
// million of them take seconds rather than hours.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace bench {

struct DataSpec {
    int64_t sessions = 0;
    int64_t citizens = 0;            // distinct citizens; each has at least one session
    double anonymousShare = 0.25;    // of the sessions beyond each citizen's first
    int maxServices = 3;             // services ticked per session: 1..maxServices
    bool oneDoneService = false;     // every session exactly one service, done (an exact count of list rows)
    int staff = 8;
    int villages = 12;
};

// Q1 2026 in Vietnam time: every session starts inside it.
constexpr int64_t kQuarterBegin = 1767200400;          // 2026-01-01 00:00 +07
constexpr int64_t kQuarterSeconds = 90LL * 86400;

struct DataStats {
    int64_t sessions = 0, citizens = 0, anonymous = 0, services = 0;
    double seconds = 0;
};

// Creates <dataDir>/kiosk.sqlite3 and its key. False with a message.
bool generateSessions(const std::filesystem::path& dataDir, const DataSpec& spec, DataStats& stats, std::string& error);

} // namespace bench
