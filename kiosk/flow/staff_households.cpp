// The checklist's household picker: the village's households from the register (sealed fields
// opened only here, for the screen), searched by the head's name, the code or the address with
// the words staff type, the ones the citizen's card points to first.
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <algorithm>
#include <cctype>

namespace kiosk {

namespace {

// The most precise part of an address: before its first comma ("Số 12 ngõ 3", "Xóm 4").
std::string firstPart(const std::string& address) { return address.substr(0, address.find(',')); }

bool hasDigit(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// Does the citizen's card point to this household? The same name as its head, or the household's
// house number and street found in the card's permanent address (a village name alone says nothing).
bool cardPointsTo(const CitizenId& card, const Household& h)
{
    if (!card.fullName.empty() && searchKey(card.fullName) == searchKey(h.headName)) return true;
    const std::string part = searchKey(firstPart(h.address));
    return !part.empty() && hasDigit(part) && searchKey(card.address).find(part) != std::string::npos;
}

} // namespace

void StaffFlow::forgetHouseholds()
{
    m_households.reset();
    m_householdsVillage.clear();
    m_state.householdResults.clear();
}

void StaffFlow::setHousehold(const std::string& code)
{
    const auto h = code.empty() ? std::nullopt : HouseholdRegister(*m_records.db, *m_records.vault, m_clock).find(code);
    if (!code.empty() && !h) {
        say("Không tìm thấy hộ này trong sổ hộ của xã.", true);
        changed();
        return;
    }
    m_state.household = code;
    m_state.householdLabel = h ? h->code + "  ·  " + h->headName : std::string();
    if (h) m_state.village = h->village;   // the household's village goes with it
    m_state.householdResults.clear();
    m_state.message.clear();
    changed();
}

void StaffFlow::findHousehold(const std::string& query)
{
    // A village's rows are read once; another village reads its own.
    if (!m_households || m_householdsVillage != m_state.village) {
        m_households = HouseholdRegister(*m_records.db, *m_records.vault, m_clock).list(m_state.village);
        m_householdsVillage = m_state.village;
        if (!m_households) {
            m_state.householdResults.clear();
            say("Không đọc được sổ hộ gia đình. Xin báo cán bộ kỹ thuật.", true);
            changed();
            return;
        }
    }
    std::vector<std::pair<bool, const Household*>> found;
    for (const Household& h : *m_households) {
        const std::string key = searchKey(h.code + " " + h.headName + " " + h.address);
        if (!query.empty() && !searchMatches(key, query)) continue;
        found.emplace_back(m_citizen && cardPointsTo(*m_citizen, h), &h);
    }
    // Suggested first, then by the head's name as a commune list is ordered.
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first;
        return vietnameseNameSortKey(a.second->headName) < vietnameseNameSortKey(b.second->headName);
    });
    m_state.householdResults.clear();
    for (size_t i = 0; i < found.size() && i < kHouseholdResults; ++i) {
        const Household& h = *found[i].second;
        m_state.householdResults.push_back({h.code, h.village, h.headName, h.address, h.members, found[i].first});
    }
    changed();
}

} // namespace kiosk
