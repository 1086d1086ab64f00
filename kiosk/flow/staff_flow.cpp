// The staff-mode state machine. Database work (save, the sign-in's bookkeeping) happens in
// apply(), which the frame loop calls between frames: the summary appears only after the commit
// returned. The PIN's Argon2 check (~60 ms) runs on a worker thread; its result comes back
// through m_checkDone, drained by tick() at the start of a frame.
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/households/household_register.hpp"
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <chrono>
#include <limits>

namespace kiosk {
namespace {
template <class T>
bool is(const StaffIntent& in) { return std::holds_alternative<T>(in); }
template <class T>
const T& as(const StaffIntent& in) { return std::get<T>(in); }
} // namespace

const char* staffScreenName(StaffScreen s)
{
    switch (s) {
    case StaffScreen::Closed: return "closed";
    case StaffScreen::SignIn: return "staff-signin";
    case StaffScreen::Home: return "staff-home";
    case StaffScreen::Identify: return "staff-identify";
    case StaffScreen::TypeId: return "staff-type-id";
    case StaffScreen::Consent: return "staff-consent";
    case StaffScreen::Checklist: return "staff-checklist";
    case StaffScreen::Summary: return "staff-summary";
    }
    return "?";
}

std::string maskIdNumber(const std::string& id)
{
    if (id.size() != 12) return "••••";
    return id.substr(0, 3) + "•••••" + id.substr(8);
}

bool StaffFlow::PinBuffer::push(char digit)
{
    if (m_size >= m_digits.size()) return false;
    m_digits[m_size++] = digit;
    return true;
}

void StaffFlow::PinBuffer::pop()
{
    if (m_size > 0) m_digits[--m_size] = '\0';
}

void StaffFlow::PinBuffer::wipe()
{
    sodium_memzero(m_digits.data(), m_digits.size());
    m_size = 0;
}

std::vector<std::string> StaffFlow::villageChoices() const
{
    // The household register's villages when the commune imported one, then any village of the
    // configuration the register does not hold.
    HouseholdRegister reg(*m_records.db, *m_records.vault, m_clock);
    std::vector<std::string> out;
    for (const VillageCount& v : reg.villages()) out.push_back(v.village);
    for (const std::string& v : m_config.villages)
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    return out;
}

StaffFlow::StaffFlow(Records& records, const Config& config, std::vector<ServiceDef> services, const Clock& clock)
    : m_records(records), m_config(config), m_services(std::move(services)), m_clock(clock)
{
    m_state.villages = villageChoices();
    m_dashboard = std::make_unique<DashboardWorker>(m_records.db->file(), *m_records.vault, m_config, m_services);
}

StaffFlow::~StaffFlow()
{
    if (m_checker.joinable()) m_checker.join();
    finishPinCheck();   // a guess made just before the kiosk stopped still counts
}

void StaffFlow::finishPinCheck()
{
    std::optional<PinCheckDone> done;
    {
        std::lock_guard lock(m_checkMutex);
        done.swap(m_checkDone);
    }
    if (!done) return;
    if (m_checker.joinable()) m_checker.join();
    m_checkPending = false;
    // Recorded whatever the screen does now: closing staff mode mid-check must not hide a guess.
    SignInResult r = m_records.staff->finishSignIn(m_checkName, done->matched, done->weak);
    if (done->id != m_checkId || !m_state.checkingPin) return;   // staff mode was left meanwhile
    m_state.checkingPin = false;
    enter(r);
}

bool StaffFlow::awaitPinCheck(int timeoutMs)
{
    {
        std::unique_lock lock(m_checkMutex);
        if (!m_checkCv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_checkDone.has_value() || !m_checkPending; }))
            return false;
    }
    finishPinCheck();
    return true;
}

void StaffFlow::go(StaffScreen s)
{
    m_state.screen = s;
    m_state.message.clear();
    m_state.messageIsError = false;
    changed();
}

void StaffFlow::say(std::string message, bool error)
{
    m_state.message = std::move(message);
    m_state.messageIsError = error;
    changed();
}

Effects StaffFlow::takeEffects()
{
    Effects out;
    out.swap(m_effects);
    return out;
}

void StaffFlow::refreshDashboard()
{
    m_dashboard->request(m_clock.unixSeconds());
    m_state.dashboardLoading = true;
    changed();
}

void StaffFlow::takeDashboard()
{
    std::optional<Dashboard> d = m_dashboard->take();
    if (!d) return;
    if (!active()) return;   // staff mode closed meanwhile: the next sign-in asks again
    m_state.dashboard = std::move(*d);
    m_state.dashboardLoading = m_dashboard->busy();   // a newer request may already be building
    changed();
}

bool StaffFlow::awaitDashboard(int timeoutMs)
{
    if (!m_dashboard->await(timeoutMs)) return false;
    takeDashboard();
    return true;
}

void StaffFlow::uploadStarted()
{
    m_state.uploading = true;
    if (m_state.screen == StaffScreen::Home) say("Đang tải dữ liệu lên xã…", false);
    changed();
}

void StaffFlow::uploadFinished(bool ok, const std::string& message)
{
    m_state.uploading = false;
    if (m_state.screen == StaffScreen::Home) {
        refreshDashboard();
        say(message, !ok);
    }
    changed();
}

void StaffFlow::activity() { m_lastActivityMs = m_clock.nowMs(); }

int64_t StaffFlow::nextWakeMs() const
{
    if (m_checkPending) return m_clock.nowMs() + 10;   // the PIN check's result is due in ~60 ms
    if (active() && m_state.dashboardLoading) return m_clock.nowMs() + 10;   // so is the dashboard
    if (!active()) return std::numeric_limits<int64_t>::max();
    return m_lastActivityMs + int64_t(m_config.staffIdleSeconds) * 1000;
}

void StaffFlow::tick()
{
    finishPinCheck();
    takeDashboard();
    // Not while a PIN check runs (its result is due in ~60 ms); a dashboard being built does not
    // keep staff mode open.
    if (active() && !m_checkPending && m_clock.nowMs() >= m_lastActivityMs + int64_t(m_config.staffIdleSeconds) * 1000)
        close("auto_sign_out");
}

void StaffFlow::close(const char* reason)
{
    if (m_member) m_records.audit->record(m_member->name, reason);
    m_member.reset();
    m_citizen.reset();
    forgetHouseholds();
    m_pin.wipe();
    ++m_checkId;   // a PIN check still running is recorded, but no longer signs anyone in
    const uint64_t version = m_state.version;
    m_state = StaffState{};
    m_state.villages = villageChoices();
    m_state.version = version;
    changed();
}

void StaffFlow::newSession()
{
    m_citizen.reset();
    m_state.startedAt = m_clock.unixSeconds();
    m_state.haveCitizen = m_state.anonymous = m_state.consent = m_state.editing = false;
    m_state.citizenName.clear();
    m_state.citizenIdMasked.clear();
    m_state.services.clear();
    for (const ServiceDef& d : m_services) m_state.services.push_back({d.code, d.title, std::nullopt});
    m_state.villages = villageChoices();   // a register imported meanwhile shows at the next session
    m_state.village = m_state.villages.empty() ? std::string() : m_state.villages.front();
    m_state.household.clear();
    m_state.householdLabel.clear();
    forgetHouseholds();
    m_state.householdRegister = HouseholdRegister(*m_records.db, *m_records.vault, m_clock).count() > 0;
    m_state.notes.clear();
    m_state.savedId = 0;
    m_state.savedUid.clear();
    go(StaffScreen::Identify);
}

void StaffFlow::signIn()
{
    if (m_state.chosenName.empty()) {
        say("Xin chọn tên của bạn trước, rồi nhập mã PIN.", true);
        return;
    }
    if (m_checkPending) return;   // one check at a time; the pad shows "Đang kiểm tra…"
    SignInResult refused;
    std::optional<StaffStore::PinChallenge> challenge = m_records.staff->beginSignIn(m_state.chosenName, refused);
    if (!challenge) {
        m_pin.wipe();
        m_state.pinLength = 0;
        enter(refused);
        return;
    }
    if (m_checker.joinable()) m_checker.join();
    // The digits move to the worker in their own fixed buffer, wiped there after the check.
    auto pin = std::make_unique<std::array<char, 8>>();
    const size_t length = m_pin.size();
    std::copy_n(m_pin.view().data(), length, pin->data());
    m_pin.wipe();
    m_state.pinLength = 0;
    const uint64_t id = ++m_checkId;
    m_checkName = m_state.chosenName;
    m_checkPending = true;
    m_state.checkingPin = true;
    say("Đang kiểm tra…", false);
    m_checker = std::thread([this, id, pin = std::move(pin), length, hash = std::move(challenge->pinHash), role = challenge->role] {
        PinCheckDone done{id, false, false};
        try {
            StaffStore::verifyPin(hash, std::string_view(pin->data(), length), role, done.matched, done.weak);
        } catch (const std::exception& e) {
            spdlog::error("kiểm tra mã PIN gặp lỗi bất ngờ: {}", e.what());   // counted as a wrong PIN
        }
        sodium_memzero(pin->data(), pin->size());
        {
            std::lock_guard lock(m_checkMutex);
            m_checkDone = done;
        }
        m_checkCv.notify_all();
    });
}

void StaffFlow::signInWithCode(const std::string& payload)
{
    if (looksLikeBadge(payload)) {
        if (m_checkPending) return;
        m_pin.wipe();
        m_state.pinLength = 0;
        enter(m_records.badges->signIn(payload));
        return;
    }
    // Not a badge. A citizen's card (even a torn one) gets its own message: staff holding the
    // citizen's card on the wrong screen is the likely mistake. Nothing of it is kept or logged.
    const CccdParse card = parseCccd(payload, vietnamDate(m_clock.unixSeconds()));
    if (card.ok() || card.error != CccdError::NotIdCard)
        say("Đây là căn cước của người dân, không phải thẻ cán bộ. Để đăng nhập, xin giơ thẻ cán bộ của bạn, "
            "hoặc chọn tên và nhập mã PIN.", true);
    else
        say("Mã này không phải thẻ cán bộ. Xin giơ thẻ cán bộ của bạn, hoặc chọn tên và nhập mã PIN.", true);
}

void StaffFlow::enter(const SignInResult& r)
{
    if (r.kind != SignInResult::Kind::Ok) {
        say(r.message, true);
        return;
    }
    m_member = r.member;
    m_state.memberName = r.member->name;
    m_state.role = r.member->role;
    m_state.byBadge = r.byBadge;
    m_state.chosenName = r.member->name;
    go(StaffScreen::Home);
    refreshDashboard();
    // Still accepted (an account must not be shut out by a rule that came after its PIN), but said.
    if (r.weakPin) say("Mã PIN của bạn quá dễ đoán. Xin nhờ quản trị viên đặt mã mới (kiosk staff set-pin).", false);
}

void StaffFlow::acceptCard(const CitizenId& card)
{
    m_citizen = card;
    m_state.haveCitizen = true;
    m_state.citizenName = card.fullName;
    m_state.citizenIdMasked = maskIdNumber(card.id);
    go(StaffScreen::Consent);
}

void StaffFlow::save()
{
    std::string error;
    const int64_t now = m_clock.unixSeconds();
    std::vector<ServiceOutcome> done;
    for (const ServiceTick& t : m_state.services)
        if (t.outcome) done.push_back({t.code, *t.outcome});
    if (done.empty()) {
        say("Xin đánh dấu ít nhất một việc đã hỗ trợ trước khi lưu.", true);
        return;
    }
    if (m_state.editing) {
        SessionEdit e;
        e.endedAt = m_state.endedAt;
        e.village = m_state.village;
        e.household = m_state.household;
        e.notes = m_state.notes;
        e.services = done;
        if (!m_records.sessions->correct(m_state.savedId, e, m_state.memberName, error)) {
            say(error, true);
            return;
        }
        m_state.editing = false;
        go(StaffScreen::Summary);
        say("Đã lưu phần sửa. Bản cũ vẫn được ghi lại trong nhật ký.", false);
        return;
    }
    NewSession s;
    s.staffId = m_member ? m_member->id : 0;
    s.startedAt = m_state.startedAt;
    s.endedAt = std::max(now, m_state.startedAt);
    if (m_citizen && m_state.consent) {
        s.citizen = m_citizen;
        s.consent = true;
    }
    s.village = m_state.village;
    s.household = m_state.household;
    s.notes = m_state.notes;
    s.services = done;
    auto saved = m_records.sessions->save(s, error);
    if (!saved) {
        // Nothing is lost: the form stays as it was, and staff can tap Save again.
        say(error, true);
        return;
    }
    m_state.savedId = saved->id;
    m_state.savedUid = saved->uid;
    m_state.endedAt = s.endedAt;
    go(StaffScreen::Summary);   // the summary's own "Đã lưu" says it: only after the commit
}

void StaffFlow::apply(const StaffIntent& in)
{
    activity();
    if (is<staff_intent::Open>(in)) {
        if (active()) return;
        go(StaffScreen::SignIn);
        m_state.staffNames.clear();
        for (const StaffMember& m : m_records.staff->list())
            if (!m.disabled && !m.imported) m_state.staffNames.push_back(m.name);
        if (m_state.staffNames.size() == 1) m_state.chosenName = m_state.staffNames.front();
        if (m_state.staffNames.empty()) say("Chưa có tài khoản cán bộ. Kỹ thuật viên tạo bằng lệnh: kiosk staff add", true);
        return;
    }
    if (!active()) return;
    if (is<staff_intent::Close>(in)) {
        close("sign_out");
        return;
    }
    switch (m_state.screen) {
    case StaffScreen::SignIn:
        if (m_state.checkingPin && !is<staff_intent::CodeError>(in)) break;   // the pad waits for the check
        if (is<staff_intent::ChooseStaff>(in)) {
            m_state.chosenName = as<staff_intent::ChooseStaff>(in).name;
            m_pin.wipe();
            m_state.pinLength = 0;
            m_state.message.clear();
            changed();
        } else if (is<staff_intent::PinDigit>(in) && as<staff_intent::PinDigit>(in).digit >= '0' && as<staff_intent::PinDigit>(in).digit <= '9' && m_pin.size() < 8) {
            m_pin.push(as<staff_intent::PinDigit>(in).digit);
            m_state.pinLength = static_cast<int>(m_pin.size());
            changed();
        } else if (is<staff_intent::PinBackspace>(in) && !m_pin.empty()) {
            m_pin.pop();
            m_state.pinLength = static_cast<int>(m_pin.size());
            changed();
        } else if (is<staff_intent::PinSubmit>(in)) {
            signIn();
        } else if (is<staff_intent::CodeRead>(in)) {
            signInWithCode(as<staff_intent::CodeRead>(in).payload);
        } else if (is<staff_intent::CodeError>(in)) {
            say(as<staff_intent::CodeError>(in).message, true);   // a camera that will not start: the PIN pad still works
        }
        break;
    case StaffScreen::Home:
        if (is<staff_intent::NewSession>(in)) newSession();
        else if (is<staff_intent::UploadNow>(in) && !m_state.uploading) m_effects.push_back(effect::StartUpload{});
        else if (is<staff_intent::ExitToDesktop>(in)) {
            if (m_state.role != StaffRole::Admin) {
                say("Chỉ quản trị viên mới được thoát ra màn hình máy tính.", true);
            } else if (m_state.byBadge) {
                // A badge is a card that can be lost or lent; the desktop reaches the data folder
                // and its key, so it takes what only the admin knows.
                say("Thoát ra màn hình máy tính cần mã PIN của quản trị viên. Xin đăng xuất, rồi đăng nhập lại bằng mã PIN.", true);
            } else {
                m_records.audit->record(m_state.memberName, "exit_to_desktop");
                m_effects.push_back(effect::ExitToDesktop{});
            }
        }
        break;
    case StaffScreen::Identify:
        if (is<staff_intent::CodeRead>(in) && looksLikeBadge(as<staff_intent::CodeRead>(in).payload)) {
            say("Đây là thẻ cán bộ. Xin đưa mã QR trên thẻ căn cước của người dân.", true);
        } else if (is<staff_intent::CodeRead>(in)) {
            CccdParse p = parseCccd(as<staff_intent::CodeRead>(in).payload, vietnamDate(m_clock.unixSeconds()));
            if (p.ok()) acceptCard(*p.citizen);
            else say(p.message, true);
        } else if (is<staff_intent::CodeError>(in)) {
            say(as<staff_intent::CodeError>(in).message, true);
        } else if (is<staff_intent::StartTyping>(in)) {
            go(StaffScreen::TypeId);
        } else if (is<staff_intent::Anonymous>(in)) {
            m_state.anonymous = true;
            go(StaffScreen::Checklist);
        } else if (is<staff_intent::Back>(in)) {
            go(StaffScreen::Home);
        }
        break;
    case StaffScreen::TypeId:
        if (is<staff_intent::TypedId>(in)) {
            CccdParse p = checkTypedCitizen(as<staff_intent::TypedId>(in).number, as<staff_intent::TypedId>(in).fullName, as<staff_intent::TypedId>(in).birth, vietnamDate(m_clock.unixSeconds()));
            if (p.ok()) acceptCard(*p.citizen);
            else say(p.message, true);
        } else if (is<staff_intent::CodeRead>(in)) {
            // A card held to the camera while the keyboard is open still counts.
            CccdParse p = parseCccd(as<staff_intent::CodeRead>(in).payload, vietnamDate(m_clock.unixSeconds()));
            if (p.ok()) acceptCard(*p.citizen);
            else say(p.message, true);
        } else if (is<staff_intent::Back>(in)) {
            go(StaffScreen::Identify);
        }
        break;
    case StaffScreen::Consent:
        if (is<staff_intent::ConsentYes>(in)) {
            m_state.consent = true;
            go(StaffScreen::Checklist);
        } else if (is<staff_intent::ConsentNo>(in)) {
            // No personal data leaves this screen: the card's details are dropped here.
            m_citizen.reset();
            m_state.haveCitizen = false;
            m_state.citizenName.clear();
            m_state.citizenIdMasked.clear();
            m_state.anonymous = true;
            go(StaffScreen::Checklist);
        } else if (is<staff_intent::Back>(in)) {
            m_citizen.reset();
            m_state.haveCitizen = false;
            go(StaffScreen::Identify);
        }
        break;
    case StaffScreen::Checklist:
        if (is<staff_intent::ToggleService>(in)) {
            for (ServiceTick& t : m_state.services) {
                if (t.code != as<staff_intent::ToggleService>(in).code) continue;
                if (!t.outcome) t.outcome = Outcome::Done;
                else if (*t.outcome == Outcome::Done) t.outcome = Outcome::Partial;
                else if (*t.outcome == Outcome::Partial) t.outcome = Outcome::Referred;
                else t.outcome.reset();
                m_state.message.clear();
                changed();
            }
        } else if (is<staff_intent::SetVillage>(in)) {
            m_state.village = as<staff_intent::SetVillage>(in).village;
            if (!m_state.household.empty()) {   // a household of another village no longer fits
                const auto h = HouseholdRegister(*m_records.db, *m_records.vault, m_clock).find(m_state.household);
                if (!h || h->village != m_state.village) {
                    m_state.household.clear();
                    m_state.householdLabel.clear();
                }
            }
            m_state.householdResults.clear();
            changed();
        } else if (is<staff_intent::SetHousehold>(in)) {
            setHousehold(as<staff_intent::SetHousehold>(in).code);
        } else if (is<staff_intent::FindHousehold>(in)) {
            findHousehold(as<staff_intent::FindHousehold>(in).query);
        } else if (is<staff_intent::SetNotes>(in)) {
            m_state.notes = as<staff_intent::SetNotes>(in).notes;
            changed();
        } else if (is<staff_intent::Save>(in)) {
            save();
        } else if (is<staff_intent::Back>(in) && !m_state.editing) {
            go(m_state.haveCitizen ? StaffScreen::Consent : StaffScreen::Identify);
        } else if (is<staff_intent::Back>(in)) {
            go(StaffScreen::Summary);
        }
        break;
    case StaffScreen::Summary:
        if (is<staff_intent::EditSaved>(in)) {
            m_state.editing = true;
            go(StaffScreen::Checklist);
        } else if (is<staff_intent::NewSession>(in)) {
            newSession();
        } else if (is<staff_intent::Done>(in)) {
            go(StaffScreen::Home);
            refreshDashboard();
        } else if (is<staff_intent::PrintSlip>(in)) {
            m_effects.push_back(effect::PrintSessionSlip{m_state.savedId});
        }
        break;
    case StaffScreen::Closed: break;
    }
}

SessionSlip StaffFlow::slip() const
{
    SessionSlip s;
    s.startedAt = m_state.startedAt;
    for (const ServiceTick& t : m_state.services) {
        if (!t.outcome) continue;
        SlipService sv;
        sv.label = t.title.in(Lang::Vi);
        sv.result = *t.outcome == Outcome::Partial ? SlipService::Result::Partial
                    : *t.outcome == Outcome::Referred ? SlipService::Result::Referred
                                                      : SlipService::Result::Done;
        s.services.push_back(std::move(sv));
    }
    // Where a citizen carries on alone: the national public-service portal.
    const Link* link = m_config.link("dichvucong");
    if (!link) link = m_config.link("binhdanhocvuso");
    if (link) {
        s.qrUrl = link->url;
        s.qrCaption = link->label.in(Lang::Vi);
    }
    return s;
}

void ReaderPump::service(StaffFlow& flow)
{
    if (flow.scanning() && !m_running) {
        m_running = true;
        // No reader on the sign-in screen is no problem: the PIN pad is there.
        if (m_readers.empty() && flow.identifying())
            flow.apply(staff_intent::CodeError{"Ki-ốt chưa có camera hay máy quét nào được cấu hình. Xin bấm \"Nhập bằng bàn phím\"."});
        for (CodeReader* r : m_readers) {
            std::string error;
            if (!r->start(error)) flow.apply(staff_intent::CodeError{error});
        }
    }
    if (m_running)
        for (CodeReader* r : m_readers)
            while (flow.scanning()) {
                std::optional<CodeRead> read = r->poll();
                if (!read) break;
                if (read->ok()) flow.apply(staff_intent::CodeRead{read->payload});
                else flow.apply(staff_intent::CodeError{read->error});
            }
    // A card accepted (or staff mode left) turns the camera off at once.
    if (!flow.scanning() && m_running) {
        m_running = false;
        for (CodeReader* r : m_readers) r->stop();
    }
}

} // namespace kiosk
