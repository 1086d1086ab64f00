// The household register in SQLite (table households, schema 8).
#include "kiosk/households/household_register.hpp"
#include "kiosk/common/random_id.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <algorithm>

namespace kiosk {

namespace {

constexpr const char* kSelect = "SELECT uid, code, village, head_enc, address_enc, members FROM households";

std::optional<Household> readRow(Statement& st, const Vault& vault)
{
    const std::string uid = st.text(0);
    auto head = vault.open(st.blob(3), rowAd("households.head_enc", uid));
    auto address = vault.open(st.blob(4), rowAd("households.address_enc", uid));
    if (!head || !address) return std::nullopt;
    Household h;
    h.code = st.text(1);
    h.village = st.text(2);
    h.headName = std::move(*head);
    h.address = std::move(*address);
    h.members = st.isNull(5) ? 0 : static_cast<int>(st.int64(5));
    return h;
}

} // namespace

bool validHouseholdCode(std::string_view code)
{
    if (code.empty() || code.size() > 32) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.' || c == '/';
    });
}

HouseholdRegister::Saved HouseholdRegister::save(const Household& h)
{
    Transaction tx(m_db);
    if (!tx.open()) return Saved::Failed;
    std::optional<Household> old = find(h.code);
    std::string uid;
    {
        Statement st(m_db.handle(), "SELECT uid FROM households WHERE code=?");
        st.bind(1, h.code);
        const StepResult r = st.step();
        if (r.error()) return Saved::Failed;
        if (r.row()) {
            if (!old) return Saved::Failed;   // a row whose sealed fields do not open
            uid = st.text(0);
        }
    }
    if (old && old->village == h.village && old->headName == h.headName && old->address == h.address && old->members == h.members)
        return tx.commit() ? Saved::Unchanged : Saved::Failed;
    const bool adding = uid.empty();
    if (adding) uid = randomHex(8);
    Statement up(m_db.handle(), adding ? "INSERT INTO households(village, head_enc, address_enc, members, created_at, updated_at, uid, code) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                       : "UPDATE households SET village=?, head_enc=?, address_enc=?, members=?, updated_at=? WHERE uid=? AND code=?");
    const int64_t now = m_clock.unixSeconds();
    up.bind(1, h.village)
        .bindBlob(2, m_vault.seal(h.headName, rowAd("households.head_enc", uid)))
        .bindBlob(3, m_vault.seal(h.address, rowAd("households.address_enc", uid)));
    if (h.members > 0) up.bind(4, h.members);
    else up.bindNull(4);
    if (adding) up.bind(5, now).bind(6, now).bind(7, uid).bind(8, h.code);
    else up.bind(5, now).bind(6, uid).bind(7, h.code);
    if (!up.run()) return Saved::Failed;
    if (!tx.commit()) return Saved::Failed;
    return adding ? Saved::Added : Saved::Updated;
}

std::optional<std::vector<Household>> HouseholdRegister::list(const std::string& village)
{
    Statement st(m_db.handle(), std::string(kSelect) + (village.empty() ? "" : " WHERE village=?") + " ORDER BY village, code");   // sorted again below
    if (!village.empty()) st.bind(1, village);
    std::vector<Household> out;
    StepResult r(StepResult::Done);
    while ((r = st.step())) {
        auto h = readRow(st, m_vault);
        if (!h) return std::nullopt;
        out.push_back(std::move(*h));
    }
    if (r.error()) return std::nullopt;
    // The commune's order: villages and codes in Vietnamese alphabetical order ("Thôn 2" before "Thôn 10").
    std::stable_sort(out.begin(), out.end(), [](const Household& a, const Household& b) {
        const std::string va = vietnameseSortKey(a.village), vb = vietnameseSortKey(b.village);
        return va != vb ? va < vb : vietnameseSortKey(a.code) < vietnameseSortKey(b.code);
    });
    return out;
}

std::optional<Household> HouseholdRegister::find(const std::string& code)
{
    Statement st(m_db.handle(), std::string(kSelect) + " WHERE code=?");
    st.bind(1, code);
    if (!st.step()) return std::nullopt;
    return readRow(st, m_vault);
}

std::vector<VillageCount> HouseholdRegister::villages()
{
    Statement st(m_db.handle(), "SELECT village, count(*) FROM households GROUP BY village");
    std::vector<VillageCount> out;
    while (st.step()) out.push_back({st.text(0), static_cast<int>(st.int64(1))});
    std::stable_sort(out.begin(), out.end(),
                     [](const VillageCount& a, const VillageCount& b) { return vietnameseSortKey(a.village) < vietnameseSortKey(b.village); });
    return out;
}

int HouseholdRegister::count()
{
    Statement st(m_db.handle(), "SELECT count(*) FROM households");
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

} // namespace kiosk
