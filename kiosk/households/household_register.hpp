// The commune's household register: the households the community digital teams work through,
// village by village (the plans count households, not people). The head's name and the address
// are personal data, sealed by the vault and bound to their row like the citizen's fields.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace kiosk {

struct Household {
    std::string code;        // household_code, as the commune's register spells it
    std::string village;
    std::string headName;    // sealed at rest
    std::string address;     // sealed at rest
    int members = 0;         // 0: the register does not say
};

// A village of the register and how many households it holds.
struct VillageCount {
    std::string village;
    int households = 0;
};

// A household_code: 1–32 of ASCII letters, digits and - _ . / (the import's and the upload's rule).
bool validHouseholdCode(std::string_view code);

class HouseholdRegister {
public:
    HouseholdRegister(Database& db, const Vault& vault, const Clock& clock) : m_db(db), m_vault(vault), m_clock(clock) {}

    enum class Saved { Added, Updated, Unchanged, Failed };
    // Adds the household, or updates the one with the same code. Inside a caller's transaction
    // (an import) it is part of that transaction.
    Saved save(const Household& h);

    // Every household (of one village when `village` is not empty), by village then code; nullopt
    // on a database error (a row whose sealed fields do not open is an error too: it was altered).
    std::optional<std::vector<Household>> list(const std::string& village = {});
    std::optional<Household> find(const std::string& code);
    // The villages in the register with their household counts, by name.
    std::vector<VillageCount> villages();
    int count();

private:
    Database& m_db;
    const Vault& m_vault;
    const Clock& m_clock;
};

} // namespace kiosk
