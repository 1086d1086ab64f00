// Opening the collector's data folder, its own migrations (numbered in meta 'collector_schema',
// after the kiosk's), and the kiosks' accounts.
#include "collector/collector_store.hpp"
#include "collector/record_apply.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace collector {

namespace {

// Never edit a migration that has shipped: add a new one. They run after the kiosk's own
// migrations, which create the tables the report engine reads.
const char* const kMigrations[] = {
    // 1: kiosks and their tokens; which kiosk sent each record; kiosk citizen ids → commune citizens.
    R"sql(
    CREATE TABLE kiosks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,            -- BLAKE2b of the bearer token, hex; never the token
        created_at INTEGER NOT NULL,
        kiosk_uid TEXT NOT NULL DEFAULT '',         -- the kiosk's own id, from its uploads
        last_upload_at INTEGER NOT NULL DEFAULT 0,  -- collector clock
        heartbeat_at INTEGER NOT NULL DEFAULT 0,    -- kiosk clock
        version TEXT NOT NULL DEFAULT '',
        free_disk_bytes INTEGER NOT NULL DEFAULT -1,
        last_error TEXT NOT NULL DEFAULT '',
        last_success INTEGER NOT NULL DEFAULT 0,
        waiting_sessions INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE citizen_aliases (
        kiosk_id INTEGER NOT NULL REFERENCES kiosks(id),
        uid TEXT NOT NULL,                          -- the citizen's record id on that kiosk
        citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
        PRIMARY KEY (kiosk_id, uid)
    ) WITHOUT ROWID;
    CREATE INDEX citizen_aliases_citizen ON citizen_aliases(citizen_id);
    ALTER TABLE sessions ADD COLUMN kiosk_id INTEGER REFERENCES kiosks(id);
    ALTER TABLE corrections ADD COLUMN kiosk_id INTEGER REFERENCES kiosks(id);
    ALTER TABLE erasures ADD COLUMN kiosk_id INTEGER REFERENCES kiosks(id);
    ALTER TABLE usage_events ADD COLUMN kiosk_id INTEGER REFERENCES kiosks(id);
    ALTER TABLE usage_events ADD COLUMN source_id INTEGER;   -- the event's id on its kiosk
    CREATE UNIQUE INDEX usage_events_source ON usage_events(kiosk_id, source_id);
    )sql",
    // 2: each kiosk's own latest reading of a citizen (the shared fields are merged from these, and
    // a kiosk's erasure removes only its own); filled in for older aliases by fillReadings().
    R"sql(
    ALTER TABLE citizen_aliases ADD COLUMN consent_at INTEGER NOT NULL DEFAULT 0;   -- clamped to the collector's clock
    ALTER TABLE citizen_aliases ADD COLUMN reading_enc BLOB;                         -- CitizenReading, sealed
    CREATE INDEX erasures_kiosk ON erasures(kiosk_id, at);
    )sql",
    // 3: the commune console's officer accounts (collector/officer_store.cpp).
    R"sql(
    CREATE TABLE officers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'officer', 'admin')),
        password_hash TEXT NOT NULL,                -- Argon2id, libsodium's crypto_pwhash_str; never the password
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,                -- collector clock
        failed_attempts INTEGER NOT NULL DEFAULT 0, -- wrong passwords since the last success or lockout
        locked_until INTEGER NOT NULL DEFAULT 0,    -- unix seconds; 0 = not locked
        lockouts INTEGER NOT NULL DEFAULT 0         -- lockouts since the last success: each one twice as long
    );
    )sql",
};

constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

std::string hex(const unsigned char* p, size_t n)
{
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

} // namespace

std::string CollectorStore::tokenHash(std::string_view token)
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return hex(h, sizeof h);
}

std::unique_ptr<CollectorStore> CollectorStore::open(const std::filesystem::path& dataDir, std::string& error)
{
    if (sodium_init() < 0) {
        error = "không khởi tạo được libsodium";
        return nullptr;
    }
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec) {
        error = "Không tạo được thư mục dữ liệu " + dataDir.string() + " (" + ec.message() + "). Xin kiểm tra đường dẫn --data và quyền ghi.";
        return nullptr;
    }
    // Personal data of the whole commune: only the collector's user may list the folder.
    ::chmod(dataDir.c_str(), 0700);
    // The database holds the commune's personal data (sealed, and their keyed hashes): it is 0600
    // from its first byte, and SQLite gives its -wal and -shm files the database file's mode.
    const std::filesystem::path dbFile = dataDir / "collector.sqlite3";
    const int fd = ::open(dbFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 || ::fchmod(fd, 0600) != 0) {
        if (fd >= 0) ::close(fd);
        error = "Không tạo được cơ sở dữ liệu " + dbFile.string() + ". Xin kiểm tra quyền ghi vào thư mục --data.";
        return nullptr;
    }
    ::close(fd);
    std::unique_ptr<CollectorStore> s(new CollectorStore());
    s->m_db = kiosk::Database::open(dbFile, error);
    if (!s->m_db) return nullptr;
    s->m_vault = kiosk::Vault::open(dataDir / "collector.key", error);
    if (!s->m_vault) return nullptr;
    s->m_audit = std::make_unique<kiosk::AuditLog>(*s->m_db, s->m_clock);
    if (!s->migrate(error) || !s->fillReadings(error)) return nullptr;
    return s;
}

bool CollectorStore::migrate(std::string& error)
{
    int version = 0;
    {
        kiosk::Statement st(m_db->handle(), "SELECT value FROM meta WHERE key='collector_schema'");
        if (st.step()) version = std::atoi(st.text(0).c_str());
    }
    if (version > kLatest) {
        error = "Cơ sở dữ liệu của máy chủ xã do một phiên bản kiosk-collector mới hơn tạo ra (lược đồ " + std::to_string(version) +
                "). Xin dùng phiên bản mới đó.";
        return false;
    }
    for (int v = version; v < kLatest; ++v) {
        const std::string step = std::to_string(v + 1);
        kiosk::Transaction tx(*m_db);
        std::string e;
        if (!tx.open() || !m_db->exec(std::string(kMigrations[v]) + "INSERT INTO meta(key, value) VALUES ('collector_schema', '" + step +
                                          "') ON CONFLICT(key) DO UPDATE SET value=excluded.value;",
                                      &e)) {
            if (e.empty()) e = m_db->lastError();
            error = "Không nâng cấp được cơ sở dữ liệu của máy chủ xã lên lược đồ " + step + ": " + e;
            return false;
        }
        if (!tx.commit(e, [](kiosk::Database& db) { return db.lastError(); })) {
            error = "Không nâng cấp được cơ sở dữ liệu của máy chủ xã lên lược đồ " + step + ": " + e;
            return false;
        }
    }
    return true;
}

bool CollectorStore::fillReadings(std::string& error)
{
    // Aliases from before schema 2 get the citizen's shared reading as their own, once, so an
    // erasure always has the other kiosks' readings to fall back on.
    sqlite3* db = m_db->handle();
    {
        kiosk::Statement any(db, "SELECT 1 FROM citizen_aliases WHERE reading_enc IS NULL LIMIT 1");
        if (!any.step()) return true;
    }
    kiosk::Transaction tx(*m_db);
    if (!tx.open()) {
        error = m_db->lastError();
        return false;
    }
    kiosk::Statement st(db, "SELECT a.kiosk_id, a.uid, c.consent_at, c.old_id_enc, c.name_enc, c.birth_enc, c.address_enc, c.issue_enc, "
                            "c.gender, c.birth_year FROM citizen_aliases a JOIN citizens c ON c.id = a.citizen_id WHERE a.reading_enc IS NULL");
    kiosk::Statement up(db, "UPDATE citizen_aliases SET consent_at=?, reading_enc=? WHERE kiosk_id=? AND uid=?");
    while (st.step()) {
        CitizenReading r;
        std::optional<std::string> f[5];
        for (int i = 0; i < 5; ++i) f[i] = m_vault->open(st.blob(3 + i));
        if (!f[0] || !f[1] || !f[2] || !f[3] || !f[4]) continue;   // unreadable: left without a reading
        r.oldId = *f[0], r.name = *f[1], r.birth = *f[2], r.address = *f[3], r.issue = *f[4];
        r.gender = st.text(8);
        r.birthYear = static_cast<int>(st.int64(9));
        up.reset();
        up.bind(1, st.int64(2)).bindBlob(2, m_vault->seal(r.serialise())).bind(3, st.int64(0)).bind(4, st.text(1));
        if (!up.run()) {
            error = "Không nâng cấp được bảng citizen_aliases: " + m_db->lastError();
            return false;
        }
    }
    return tx.commit(error, [](kiosk::Database& db) { return db.lastError(); });
}

UidBinding CollectorStore::bindKioskUid(int64_t kioskId, const std::string& kioskUid)
{
    kiosk::Statement own(m_db->handle(), "SELECT kiosk_uid FROM kiosks WHERE id=?");
    own.bind(1, kioskId);
    if (fetch(own, m_db->handle()) != Row::Found) return UidBinding::Error;
    if (!own.text(0).empty()) return own.text(0) == kioskUid ? UidBinding::Bound : UidBinding::Refused;
    kiosk::Statement other(m_db->handle(), "SELECT 1 FROM kiosks WHERE kiosk_uid=? AND id<>?");
    other.bind(1, kioskUid).bind(2, kioskId);
    switch (fetch(other, m_db->handle())) {
    case Row::Error: return UidBinding::Error;
    case Row::Found: return UidBinding::Refused;
    case Row::None: break;
    }
    kiosk::Statement bind(m_db->handle(), "UPDATE kiosks SET kiosk_uid=? WHERE id=?");
    bind.bind(1, kioskUid).bind(2, kioskId);
    return bind.run() ? UidBinding::Bound : UidBinding::Error;
}

std::optional<std::string> CollectorStore::addKiosk(const std::string& name, std::string& error)
{
    if (name.empty() || name.size() > 100) {
        error = "Tên ki-ốt phải có từ 1 đến 100 ký tự, ví dụ \"Ki-ốt Trung tâm phục vụ hành chính công\".";
        return std::nullopt;
    }
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const std::string token = hex(raw, sizeof raw);
    kiosk::Statement st(m_db->handle(), "INSERT INTO kiosks(name, token_hash, created_at) VALUES (?,?,?)");
    st.bind(1, name).bind(2, tokenHash(token)).bind(3, m_clock.unixSeconds());
    if (!st.run()) {
        const int code = sqlite3_extended_errcode(m_db->handle());
        error = code == SQLITE_CONSTRAINT_UNIQUE ? "Đã có ki-ốt tên \"" + name + "\". Xin chọn tên khác."
                                                  : "Không lưu được ki-ốt mới (" + m_db->lastError() + ").";
        return std::nullopt;
    }
    m_audit->record("cli", "kiosk_added", name);
    return token;
}

std::vector<KioskInfo> CollectorStore::listKiosks()
{
    std::vector<KioskInfo> out;
    kiosk::Statement st(m_db->handle(),
                        "SELECT k.id, k.name, k.created_at, k.kiosk_uid, k.last_upload_at, k.heartbeat_at, k.version, k.free_disk_bytes, "
                        "k.last_error, k.last_success, (SELECT count(*) FROM sessions s WHERE s.kiosk_id = k.id), "
                        "(SELECT count(*) FROM erasures e WHERE e.kiosk_id = k.id), (SELECT max(at) FROM erasures e WHERE e.kiosk_id = k.id) "
                        "FROM kiosks k ORDER BY k.name");
    while (st.step()) {
        KioskInfo k;
        k.id = st.int64(0);
        k.name = st.text(1);
        k.createdAt = st.int64(2);
        k.kioskUid = st.text(3);
        k.lastUploadAt = st.int64(4);
        k.heartbeatAt = st.int64(5);
        k.version = st.text(6);
        k.freeDiskBytes = st.int64(7);
        k.lastError = st.text(8);
        k.lastSuccess = st.int64(9);
        k.sessions = st.int64(10);
        k.erasures = st.int64(11);
        k.lastErasureAt = st.int64(12);
        out.push_back(std::move(k));
    }
    return out;
}

std::optional<int64_t> CollectorStore::authenticate(std::string_view token)
{
    if (token.empty()) return std::nullopt;
    kiosk::Statement st(m_db->handle(), "SELECT id FROM kiosks WHERE token_hash=?");
    st.bind(1, tokenHash(token));
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

} // namespace collector
