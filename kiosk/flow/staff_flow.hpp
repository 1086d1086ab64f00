// Staff mode as a state machine: sign-in (PIN, or a staff badge held to the camera/scanner) → home →
// identify the citizen (scan, type, or anonymous) → consent → what was done → saved summary (and
// its printed slip); automatic sign-out after inactivity.
// Takes intents from the staff screens and code reads from the scanners; no screen involved.
#pragma once
#include "kiosk/identity/cccd.hpp"
#include "kiosk/ports/code_reader.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/output/receipt.hpp"
#include "kiosk/households/household_register.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/flow/staff_dashboard.hpp"
#include "kiosk/flow/staff_dashboard_worker.hpp"
#include "kiosk/flow/effects.hpp"
#include <array>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

enum class StaffScreen { Closed, SignIn, Home, Identify, TypeId, Consent, Checklist, Summary };
const char* staffScreenName(StaffScreen s);

// What staff mode's screens (and the code readers) ask of the flow, one type each.
namespace staff_intent {
struct Open {};               // the hidden gesture on a citizen screen
struct Close {};              // leave staff mode (signs out)
struct ChooseStaff { std::string name; };
struct PinDigit { char digit = 0; };        // '0'..'9'
struct PinBackspace {};
struct PinSubmit {};
struct NewSession {};
struct CodeRead { std::string payload; };   // a staff badge on the sign-in screen, else an ID card
struct CodeError { std::string message; };  // a device's message
struct StartTyping {};        // type the card's details instead of scanning
struct TypedId { std::string number, fullName, birth; };   // 12 digits, name, ddmmyyyy
struct Anonymous {};          // the citizen prefers not to give their details
struct ConsentYes {};
struct ConsentNo {};          // → anonymous, the session still counts
struct ToggleService { std::string code; }; // not ticked → done → partial → referred → not ticked
struct SetVillage { std::string village; };
struct SetHousehold { std::string code; };  // a household_code of the register; "" = none
struct FindHousehold { std::string query; };   // the picker: households of the village matching the words typed
struct SetNotes { std::string notes; };
struct Save {};
struct EditSaved {};          // correct the session just saved (an audited correction)
struct Done {};               // back to the staff home
struct Back {};
struct ExitToDesktop {};      // admins only
struct UploadNow {};          // send what waits to the commune's collector now
struct PrintSlip {};          // the summary's "In phiếu"
} // namespace staff_intent

using StaffIntent = std::variant<staff_intent::Open, staff_intent::Close, staff_intent::ChooseStaff, staff_intent::PinDigit,
                                 staff_intent::PinBackspace, staff_intent::PinSubmit, staff_intent::NewSession, staff_intent::CodeRead,
                                 staff_intent::CodeError, staff_intent::StartTyping, staff_intent::TypedId, staff_intent::Anonymous,
                                 staff_intent::ConsentYes, staff_intent::ConsentNo, staff_intent::ToggleService, staff_intent::SetVillage,
                                 staff_intent::SetHousehold, staff_intent::FindHousehold, staff_intent::SetNotes, staff_intent::Save, staff_intent::EditSaved, staff_intent::Done, staff_intent::Back,
                                 staff_intent::ExitToDesktop, staff_intent::UploadNow, staff_intent::PrintSlip>;

struct ServiceTick {
    std::string code;
    LocalText title;
    std::optional<Outcome> outcome;   // empty = not ticked
};

// A household the picker offers: the register's row, shown to staff on the screen only.
struct HouseholdChoice {
    std::string code;
    std::string village;
    std::string headName;
    std::string address;
    int members = 0;
    bool suggested = false;   // the citizen's card points to it (same head, or the card's address)
};

struct StaffState {
    StaffScreen screen = StaffScreen::Closed;
    std::vector<std::string> staffNames;   // active accounts, for the sign-in list
    std::string chosenName;
    int pinLength = 0;                     // digits typed so far (the PIN itself is never in the state)
    bool checkingPin = false;              // Argon2 runs on a worker: "Đang kiểm tra…", the pad waits
    std::string message;                   // Vietnamese, for the current screen
    bool messageIsError = false;
    std::string memberName;
    StaffRole role = StaffRole::Volunteer;
    bool byBadge = false;                  // signed in with a badge: leaving for the desktop still needs the PIN

    int64_t startedAt = 0;                 // unix seconds, when "new session" was tapped
    bool haveCitizen = false;
    std::string citizenName;               // shown to staff on the consent and checklist screens
    std::string citizenIdMasked;           // "038•••••1234"
    bool anonymous = false;
    bool consent = false;
    std::vector<ServiceTick> services;
    std::vector<std::string> villages;
    std::string village;
    std::string household;                 // household_code chosen on the checklist ("" = none)
    std::string householdLabel;            // "HG-012 · Nguyễn Văn Bình", for the checklist
    std::vector<HouseholdChoice> householdResults;   // the picker's list (suggested first), at most kHouseholdResults
    bool householdRegister = false;        // the commune imported a register: the checklist offers the picker
    std::string notes;

    int64_t savedId = 0;                   // set only after the commit succeeded
    std::string savedUid;
    int64_t endedAt = 0;
    bool editing = false;                  // the checklist corrects savedId
    Dashboard dashboard;                   // refreshed (off the frame thread) each time the home screen opens
    bool dashboardLoading = false;         // a refresh is being built; `dashboard` still shows the last one
    bool uploading = false;
    uint64_t version = 0;
};

class StaffFlow {
public:
    static constexpr size_t kHouseholdResults = 8;
    StaffFlow(Records& records, const Config& config, std::vector<ServiceDef> services, const Clock& clock);
    ~StaffFlow();   // waits for a PIN check still running, and records its outcome
    StaffFlow(const StaffFlow&) = delete;
    StaffFlow& operator=(const StaffFlow&) = delete;

    void apply(const StaffIntent& intent);
    // What the loop must do (start an upload, print the session's slip, leave for the desktop),
    // each once, in the order asked.
    Effects takeEffects();
    void activity();        // any touch while staff mode is open
    void tick();            // a finished PIN check (start of a frame), automatic sign-out
    // Waits (up to `timeoutMs`) for the PIN check started by PinSubmit and applies its result, as
    // the next tick() would: for tests and the screenshot demo, which have no frame loop.
    bool awaitPinCheck(int timeoutMs = 10'000);
    // Waits (up to `timeoutMs`) for the dashboard being built and shows it, as the next tick()
    // would: for tests and the screenshot demo.
    bool awaitDashboard(int timeoutMs = 10'000);
    // The run loop reports on an upload it started; the home screen shows it.
    void uploadStarted();
    void uploadFinished(bool ok, const std::string& message);
    int64_t nextWakeMs() const;
    bool active() const { return m_state.screen != StaffScreen::Closed; }
    // The code readers run: a badge on the sign-in screen, an ID card while identifying the citizen.
    bool scanning() const { return m_state.screen == StaffScreen::SignIn || identifying(); }
    bool identifying() const { return m_state.screen == StaffScreen::Identify || m_state.screen == StaffScreen::TypeId; }
    const StaffState& state() const { return m_state; }
    // The slip for the saved session: what was done and what comes next, no personal data (the
    // slip may be left on the counter), so consent or not it is the same slip.
    SessionSlip slip() const;

private:
    std::vector<std::string> villageChoices() const;
    void go(StaffScreen s);
    void say(std::string message, bool error);
    void close(const char* reason);
    void newSession();
    void signIn();
    void signInWithCode(const std::string& payload);
    void enter(const SignInResult& r);
    void acceptCard(const CitizenId& card);
    void save();
    void refreshDashboard();
    // The household picker (kiosk/flow/staff_households.cpp).
    void setHousehold(const std::string& code);
    void findHousehold(const std::string& query);
    void forgetHouseholds();   // the register's rows read for the picker leave memory
    void changed() { ++m_state.version; }
    void finishPinCheck();   // applies a PIN check the worker finished, if any
    void takeDashboard();    // shows a dashboard the worker finished, if any

    // The typed digits in a fixed array, wiped (sodium_memzero) whenever they are cleared: no
    // reallocated std::string leaves copies of a PIN on the heap.
    class PinBuffer {
    public:
        ~PinBuffer() { wipe(); }
        bool push(char digit);
        void pop();
        void wipe();
        size_t size() const { return m_size; }
        bool empty() const { return m_size == 0; }
        std::string_view view() const { return {m_digits.data(), m_size}; }

    private:
        std::array<char, 8> m_digits{};
        size_t m_size = 0;
    };
    struct PinCheckDone {
        uint64_t id = 0;
        bool matched = false;
        bool weak = false;
    };

    Records& m_records;
    const Config& m_config;
    std::vector<ServiceDef> m_services;
    const Clock& m_clock;
    StaffState m_state;
    PinBuffer m_pin;
    std::thread m_checker;               // one Argon2 check at a time
    std::mutex m_checkMutex;
    std::condition_variable m_checkCv;
    std::optional<PinCheckDone> m_checkDone;
    uint64_t m_checkId = 0;              // the check whose result the sign-in screen waits for
    bool m_checkPending = false;         // a check started and not yet recorded
    std::string m_checkName;
    std::optional<CitizenId> m_citizen;
    // The village's households as the register holds them, read once when the picker opens (a
    // village holds a few hundred to two thousand), kept while the session lasts.
    std::string m_householdsVillage;
    std::optional<std::vector<Household>> m_households;
    std::optional<StaffMember> m_member;
    int64_t m_lastActivityMs = 0;
    std::unique_ptr<DashboardWorker> m_dashboard;
    Effects m_effects;   // the quarter's figures, built off the frame thread
};

// Keeps the code readers (camera, scanners) running only while a scan screen shows (the sign-in
// screen for badges, the identify screens for ID cards) — a camera left on warms a cheap box for
// nothing — and hands their reads to the flow. Call once per frame.
class ReaderPump {
public:
    void add(CodeReader& reader) { m_readers.push_back(&reader); }
    void service(StaffFlow& flow);
    bool running() const { return m_running; }

private:
    std::vector<CodeReader*> m_readers;
    bool m_running = false;
};

// "038190001234" → "038•••••1234": enough for staff to check, not enough to copy.
std::string maskIdNumber(const std::string& id);

} // namespace kiosk
