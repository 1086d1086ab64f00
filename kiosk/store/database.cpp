// SQLite access: WAL, synchronous=FULL for durable saves, migrations applied in one transaction each.
#include "kiosk/store/database.hpp"
#include <sqlite3.h>
#include <vector>

namespace kiosk {

namespace {

// Never edit a migration that has shipped: add a new one.
const std::vector<const char*> kMigrations = {
    // 1: anonymous usage statistics from the citizen screens (no personal data).
    R"sql(
    CREATE TABLE usage_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,                 -- UTC, ISO 8601
        visit INTEGER NOT NULL,           -- counter of visits on this kiosk, not a person
        kind TEXT NOT NULL,
        lesson TEXT NOT NULL DEFAULT '',
        step INTEGER NOT NULL DEFAULT 0,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX usage_events_at ON usage_events(at);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    )sql",
    // 2: staff accounts (PINs as Argon2id hashes) and the audit trail of who did what.
    R"sql(
    CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('volunteer', 'officer', 'admin')),
        pin_hash TEXT NOT NULL,           -- crypto_pwhash_str (Argon2id); '' for imported accounts
        disabled INTEGER NOT NULL DEFAULT 0,
        imported INTEGER NOT NULL DEFAULT 0,
        failed_pins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,   -- unix seconds
        created_at INTEGER NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,              -- unix seconds
        actor TEXT NOT NULL,              -- a staff name, or 'system' / 'cli'
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '', -- never a citizen's name or ID number
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_at ON audit(at);
    )sql",
    // 3: assisted sessions. Personal fields are sealed (vault); gender and birth year stay in clear
    // for the report's breakdowns and are removed with the rest on erasure.
    R"sql(
    CREATE TABLE citizens (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        id_hash TEXT NOT NULL UNIQUE,     -- keyed BLAKE2b of the 12-digit number
        id_enc BLOB NOT NULL,
        old_id_enc BLOB NOT NULL,
        name_enc BLOB NOT NULL,
        birth_enc BLOB NOT NULL,          -- YYYY-MM-DD
        address_enc BLOB NOT NULL,
        issue_enc BLOB NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
        birth_year INTEGER NOT NULL,
        consent_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        started_at INTEGER NOT NULL,      -- unix seconds
        ended_at INTEGER NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        citizen_id INTEGER REFERENCES citizens(id),   -- NULL: anonymous, or erased
        village TEXT NOT NULL DEFAULT '',
        notes_enc BLOB,
        source TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'import')),
        import_key TEXT UNIQUE,
        revision INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        CHECK (ended_at >= started_at)
    );
    CREATE INDEX sessions_started ON sessions(started_at);
    CREATE INDEX sessions_citizen ON sessions(citizen_id);
    CREATE TABLE session_services (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partial', 'referred')),
        PRIMARY KEY (session_id, code)
    ) WITHOUT ROWID;
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        revision INTEGER NOT NULL,        -- the session's revision after this correction
        at INTEGER NOT NULL,
        staff TEXT NOT NULL,
        fields TEXT NOT NULL              -- which fields changed, e.g. "services,village"
    );
    CREATE TABLE erasures (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        citizen_uid TEXT NOT NULL,        -- the erased citizen's record id, so the collector erases too
        at INTEGER NOT NULL,
        actor TEXT NOT NULL
    );
    )sql",
    // 4: the upload outbox: what the commune's collector has acknowledged, by record id. A session
    // is waiting while its acknowledged revision is below its own (a correction re-sends it).
    R"sql(
    CREATE TABLE upload_acks (
        kind TEXT NOT NULL CHECK (kind IN ('session', 'correction', 'erasure')),
        uid TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0,  -- sessions: the revision the collector acknowledged
        acked_at INTEGER NOT NULL,
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID;
    CREATE TABLE upload_status (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        usage_acked INTEGER NOT NULL DEFAULT 0,   -- usage_events acknowledged up to this id
        last_attempt INTEGER NOT NULL DEFAULT 0,  -- unix seconds
        last_success INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT ''       -- shown to staff; never personal data
    );
    INSERT INTO upload_status(id) VALUES (1);
    )sql",
    // 5: indexes for reports. A period's sessions are read from the index alone (covering), and
    // the citizens' gender and birth year without touching their sealed fields. The collector's
    // database, with the same tables, wants the same two indexes.
    R"sql(
    CREATE INDEX sessions_report ON sessions(started_at, staff_id, citizen_id, village);
    CREATE INDEX citizens_report ON citizens(id, gender, birth_year);
    )sql",
    // 6: staff badges (a QR code that signs its holder in). Only a keyed hash of the badge's
    // random token is kept; a replaced badge stays as a revoked row so it is refused by name.
    R"sql(
    CREATE TABLE staff_badges (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        token_hash TEXT NOT NULL UNIQUE,  -- keyed BLAKE2b (the vault's hash key) of the token
        issued_at INTEGER NOT NULL,       -- unix seconds
        revoked_at INTEGER NOT NULL DEFAULT 0   -- 0 = the holder's current badge
    );
    CREATE INDEX staff_badges_staff ON staff_badges(staff_id);
    )sql",
    // 7: tamper evidence and PIN guessing. A keyed MAC over each session's row and its services,
    // a keyed hash chain over the audit rows (filled in, and existing sealed fields bound to their
    // row, by the keyed step in kiosk/store/integrity, which needs the vault's key); lockouts that grow
    // until the next good sign-in; a flag for a PIN that no longer meets the rules.
    R"sql(
    ALTER TABLE sessions ADD COLUMN mac TEXT NOT NULL DEFAULT '';
    ALTER TABLE audit ADD COLUMN chain TEXT NOT NULL DEFAULT '';
    ALTER TABLE staff ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;   -- since the last good sign-in
    ALTER TABLE staff ADD COLUMN weak_pin INTEGER NOT NULL DEFAULT 0;   -- seen at sign-in; cleared by a new PIN
    )sql",
    // 8: the commune's household register (kiosk household import). The head's name and the
    // address are sealed, bound to the row's uid; the code is the commune's own household code.
    R"sql(
    CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        village TEXT NOT NULL,
        head_enc BLOB NOT NULL,
        address_enc BLOB NOT NULL,
        members INTEGER,                  -- NULL when the register does not say
        created_at INTEGER NOT NULL,      -- unix seconds
        updated_at INTEGER NOT NULL
    );
    CREATE INDEX households_village ON households(village, code);
    )sql",
    // 9: a session belongs to a household (its household_code; '' when staff chose none). Kept
    // by code, not by row id, so it means the same on the collector as on the kiosk.
    R"sql(
    ALTER TABLE sessions ADD COLUMN household TEXT NOT NULL DEFAULT '';
    CREATE INDEX sessions_household ON sessions(household) WHERE household <> '';
    )sql",
    // 10: a team member's village (kiosk staff add --village), for the report's team section.
    R"sql(
    ALTER TABLE staff ADD COLUMN village TEXT NOT NULL DEFAULT '';
    )sql",
};

} // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) m_stmt = nullptr;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int i, int64_t v) { sqlite3_bind_int64(m_stmt, i, v); return *this; }
Statement& Statement::bind(int i, std::string_view v)
{
    // An empty string_view may have no data pointer, which SQLite would store as NULL.
    sqlite3_bind_text(m_stmt, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindNull(int i) { sqlite3_bind_null(m_stmt, i); return *this; }
Statement& Statement::bindBlob(int i, std::string_view v)
{
    sqlite3_bind_blob(m_stmt, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
std::string Statement::blob(int col) const
{
    auto p = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

static_assert(SQLITE_OK == 0 && SQLITE_ROW == 100 && SQLITE_DONE == 101);

StepResult Statement::step()
{
    if (!m_stmt) return StepResult(StepResult::Error);
    m_rc = sqlite3_step(m_stmt);
    if (m_rc == SQLITE_ROW) return StepResult(StepResult::Row);
    return StepResult(m_rc == SQLITE_DONE ? StepResult::Done : StepResult::Error);
}

bool Statement::run()
{
    if (!m_stmt) return false;
    while ((m_rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {}
    return m_rc == SQLITE_DONE;
}

void Statement::reset()
{
    m_rc = SQLITE_OK;
    if (!m_stmt) return;   // sqlite3_clear_bindings(NULL) crashes (a statement that failed to prepare)
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
std::string Statement::text(int col) const
{
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
}
bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

std::unique_ptr<Database> Database::open(const std::filesystem::path& file, std::string& error)
{
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
        error = "không tạo được thư mục dữ liệu " + file.parent_path().string() + ": " + ec.message();
        return nullptr;
    }
    std::unique_ptr<Database> db(new Database());
    db->m_file = file;
    if (sqlite3_open_v2(file.c_str(), &db->m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        error = "không mở được cơ sở dữ liệu " + file.string() + ": " + (db->m_db ? sqlite3_errmsg(db->m_db) : "hết bộ nhớ");
        return nullptr;
    }
    sqlite3_busy_timeout(db->m_db, 5000);
    std::string e;
    if (!db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;", &e) || !db->migrate(e)) {
        error = "cơ sở dữ liệu " + file.string() + " không dùng được: " + e;
        return nullptr;
    }
    return db;
}

Database::~Database() { sqlite3_close_v2(m_db); }

std::string Database::lastError() const { return m_db ? sqlite3_errmsg(m_db) : "no database"; }

bool Database::exec(std::string_view sql, std::string* error)
{
    char* msg = nullptr;
    std::string s(sql);
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        if (error) *error = msg ? msg : lastError();
        sqlite3_free(msg);
        return false;
    }
    return true;
}

int Database::schemaVersion()
{
    Statement st(m_db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.int64(0)) : -1;
}

bool Database::migrate(std::string& error)
{
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        error = "tệp được tạo bởi phiên bản mới hơn (lược đồ " + std::to_string(version) + ")";
        return false;
    }
    for (int v = version; v < latestSchemaVersion(); ++v) {
        std::string sql = std::string("BEGIN IMMEDIATE;") + kMigrations[static_cast<size_t>(v)] +
                          "PRAGMA user_version=" + std::to_string(v + 1) + "; COMMIT;";
        if (!exec(sql, &error)) {
            exec("ROLLBACK;");
            error = "nâng cấp lược đồ lên " + std::to_string(v + 1) + " thất bại: " + error;
            return false;
        }
    }
    return true;
}

WriteFailure writeFailure(const Database& db)
{
    const int code = sqlite3_extended_errcode(db.handle()) & 0xff;
    if (code == SQLITE_FULL) return WriteFailure::DiskFull;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return WriteFailure::Busy;
    return WriteFailure::Other;
}

Transaction::Transaction(Database& db) : m_db(db), m_nested(!sqlite3_get_autocommit(db.handle()))
{
    m_open = db.exec(m_nested ? "SAVEPOINT kiosk_tx" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open) rollback();
}

bool Transaction::commit(std::string& error, Describe describe)
{
    if (!m_open) {
        m_failure = writeFailure(m_db);
        error = describe(m_db);
        return false;
    }
    if (m_db.exec(m_nested ? "RELEASE kiosk_tx" : "COMMIT")) {
        m_open = false;
        return true;
    }
    m_failure = writeFailure(m_db);
    error = describe(m_db);
    rollback();
    return false;
}

bool Transaction::commit()
{
    if (m_open && m_db.exec(m_nested ? "RELEASE kiosk_tx" : "COMMIT")) {
        m_open = false;
        return true;
    }
    m_failure = writeFailure(m_db);
    rollback();
    return false;
}

void Transaction::rollback()
{
    if (!m_open) return;
    m_open = false;
    // A COMMIT that failed on a full disk or an I/O error has already rolled back.
    if (!m_nested && sqlite3_get_autocommit(m_db.handle())) return;
    m_db.exec(m_nested ? "ROLLBACK TO kiosk_tx; RELEASE kiosk_tx" : "ROLLBACK");
}

ReadSnapshot::ReadSnapshot(Database& db) : m_db(db)
{
    // Inside a caller's transaction the caller's snapshot already holds.
    if (sqlite3_get_autocommit(db.handle())) m_open = db.exec("BEGIN");
}

ReadSnapshot::~ReadSnapshot()
{
    if (m_open) m_db.exec("COMMIT");
}

} // namespace kiosk
