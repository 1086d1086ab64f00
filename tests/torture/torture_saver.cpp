// A kiosk that does nothing but save sessions, for the SIGKILL torture: it opens the data folder
// through kiosk::Records (as `kiosk run` does), then saves session after session through
// kiosk::SessionStore and prints each one on stdout only AFTER save() returned — a printed line is
// a session staff saw confirmed. Every fourth session is then corrected once (an audited
// correction), printed after correct() returned.
//   torture_saver DATA_DIR FIRST_N [COUNT]
// Lines: "S <row id> <uid> <n>" and "C <row id> <revision>". Exit 3 with the message on stderr when a
// save fails.
#include "kiosk/records/records.hpp"
#include "tests/torture/torture_support.hpp"
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

// One write(2) per line: nothing waits in a stdio buffer when the SIGKILL comes.
void say(const std::string& line)
{
    const std::string l = line + "\n";
    if (::write(1, l.data(), l.size()) != static_cast<ssize_t>(l.size())) std::_Exit(4);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: torture_saver DATA_DIR FIRST_N [COUNT]\n";
        return 2;
    }
    const int first = std::atoi(argv[2]);
    const int count = argc > 3 ? std::atoi(argv[3]) : 1000000;
    kiosk::SteadyClock clock;
    std::string error;
    auto records = kiosk::Records::open(argv[1], clock, error);
    if (!records) {
        std::cerr << error << "\n";
        return 3;
    }
    // The parent created this account (its Argon2 PIN hash costs ~19 MiB and a good fraction of a
    // second: not something to repeat 200 times).
    const auto staff = records->staff->find("Trần Văn Bảo");
    if (!staff) {
        std::cerr << "no staff account\n";
        return 3;
    }
    for (int n = first; n < first + count; ++n) {
        const auto saved = records->sessions->save(torture::newSession(n, staff->id, clock.unixSeconds()), error);
        if (!saved) {
            std::cerr << "save " << n << ": " << error << "\n";
            return 3;
        }
        say("S " + std::to_string(saved->id) + " " + saved->uid + " " + std::to_string(n));
        if (n % 4 == 1) {
            const torture::Expected e = torture::expectedSession(n);
            kiosk::SessionEdit edit;
            edit.endedAt = clock.unixSeconds() + 60;
            edit.village = e.village + " (sửa)";
            edit.notes = e.notes;
            edit.services = e.services;
            if (!records->sessions->correct(saved->id, edit, "Trần Văn Bảo", error)) {
                std::cerr << "correct " << n << ": " << error << "\n";
                return 3;
            }
            say("C " + std::to_string(saved->id) + " 2");
        }
    }
    return 0;
}
