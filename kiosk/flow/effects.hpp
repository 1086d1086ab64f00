// What the state machines ask the world to do. App::apply/tick and StaffFlow::apply queue effects;
// the shell (kiosk/flow/kiosk_shell) drains them once per turn of the loop and carries each out
// exactly once. (They replace request counters that the loop compared with what it had seen: a
// counter reset with the visit once opened staff mode by itself, and once printed a slip that
// nobody asked for.)
#pragma once
#include "kiosk/common/types.hpp"
#include <string>
#include <variant>
#include <vector>

namespace kiosk::effect {

struct SpeakStep {        // read this lesson step aloud now (a newer one cuts the last)
    std::string lessonId;
    int step = 0;         // 0-based
    Lang lang = Lang::Vi;
};
struct PrintLessonSlip {  // "In phiếu" on the QR screen after a lesson
    std::string lessonId;
};
struct OpenStaffMode {};  // the hidden gesture: the visit has ended, staff mode opens
struct StartUpload {};    // "Tải lên ngay" on the staff home
struct PrintSessionSlip { // "In phiếu" on the staff summary of the saved session
    int64_t sessionId = 0;
};
struct ExitToDesktop {};  // an admin (signed in by PIN) leaves the kiosk program

} // namespace kiosk::effect

namespace kiosk {

using Effect = std::variant<effect::SpeakStep, effect::PrintLessonSlip, effect::OpenStaffMode, effect::StartUpload,
                            effect::PrintSessionSlip, effect::ExitToDesktop>;
using Effects = std::vector<Effect>;

// Effects of one kind taken out of a list (tests).
template <typename T>
std::vector<T> effectsOf(const Effects& effects)
{
    std::vector<T> out;
    for (const Effect& e : effects)
        if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
    return out;
}

} // namespace kiosk
