// A kiosk data folder with staff, sessions and statistics for the upload tests, the real `kiosk
// upload` run against it, and a look into a collector's data folder.
#pragma once
#include "collector/collector_store.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include "tests/upload/net_helpers.hpp"
#include <doctest/doctest.h>
#include <optional>
#include <string>

namespace uptest {

inline const char* kThuy = "038190001234|172345678|Nguyễn Thị Thuỷ|15031990|Nữ|Thôn Đông, Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";
inline const char* kTam = "038056009876||Lê Văn Tám|02091956|Nam|Thôn Tây, Quảng Ngọc, Quảng Xương, Thanh Hóa|01022022";

kiosk::CitizenId card(const char* payload);

class KioskSide {
public:
    explicit KioskSide(const std::filesystem::path& root);
    ~KioskSide();

    kiosk::Records& records();                     // opens on demand
    void close();                                  // before running the binary
    // Services default to vneid_install done and vneid_level2 partial.
    std::string addSession(std::optional<kiosk::CitizenId> citizen, const std::string& village = "Thôn Đông", const std::string& household = "",
                           std::vector<kiosk::ServiceOutcome> services = {});
    void addUsageEvents(int count);
    // [upload] in a config overlay, and the token in <data>/upload.token (mode 0600).
    void configure(const std::string& url, const std::string& token, const std::string& extra = "");
    nettest::RunResult upload(const std::vector<std::string>& extraArgs = {});
    int64_t acknowledged(const char* kind);        // rows in upload_acks
    kiosk::OutboxCounts waiting();
    const std::filesystem::path& data() const { return m_data; }

private:
    std::filesystem::path m_root, m_data, m_config;
    kiosk::ManualClock m_clock;
    std::unique_ptr<kiosk::Records> m_records;
};

// The collector's data folder, read in-process (its own key opens the sealed fields).
class CollectorView {
public:
    explicit CollectorView(const std::filesystem::path& data);
    int64_t count(const std::string& sql);
    std::string text(const std::string& sql);
    std::vector<std::string> citizenNames();       // opened with the collector's key

private:
    std::unique_ptr<collector::CollectorStore> m_store;
};

// `kiosk-collector --data DIR kiosk add --name NAME`: the token (its last line).
std::string addKiosk(const std::filesystem::path& collectorData, const std::string& name, const std::filesystem::path& scratch);

} // namespace uptest
