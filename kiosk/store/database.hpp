// The kiosk's SQLite file: WAL mode, numbered migrations, small RAII statement wrapper.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk {

// What one step of a statement gave: a row, the end, or an error. Tested as a condition it is
// true for a row (`while (st.step())`); code that must tell the end from an error asks which.
class StepResult {
public:
    enum Kind { Row, Done, Error };
    explicit StepResult(Kind kind) : m_kind(kind) {}
    Kind kind() const { return m_kind; }
    explicit operator bool() const { return m_kind == Row; }
    bool row() const { return m_kind == Row; }
    bool done() const { return m_kind == Done; }
    bool error() const { return m_kind == Error; }

private:
    Kind m_kind;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return m_stmt != nullptr; }
    // True when the statement could not be prepared or its last step ended in an error rather
    // than a row or the end: "no more rows" and "could not read" are not the same answer.
    bool failed() const { return m_stmt == nullptr || (m_rc != SQLITE_OK_ && m_rc != SQLITE_ROW_ && m_rc != SQLITE_DONE_); }
    Statement& bind(int index, int64_t v);
    Statement& bind(int index, std::string_view v);
    Statement& bindNull(int index);
    Statement& bindBlob(int index, std::string_view bytes);
    StepResult step();                 // a row (true as a condition), the end, or an error
    bool run();                  // executes to completion; false on error
    void reset();
    int64_t int64(int col) const;
    std::string text(int col) const;
    bool isNull(int col) const;
    std::string blob(int col) const;

private:
    // SQLite's result codes, here so the header needs no sqlite3.h (checked in database.cpp).
    static constexpr int SQLITE_OK_ = 0, SQLITE_ROW_ = 100, SQLITE_DONE_ = 101;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK_;   // the last sqlite3_step's result
};

class Database {
public:
    // Opens (creating if needed) and migrates to the latest schema. On failure returns null and a
    // message in Vietnamese in `error`.
    static std::unique_ptr<Database> open(const std::filesystem::path& file, std::string& error);
    ~Database();
    Database(const Database&) = delete;              // one owner closes the handle, once
    Database& operator=(const Database&) = delete;

    bool exec(std::string_view sql, std::string* error = nullptr);
    int schemaVersion();
    std::string lastError() const;
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& file() const { return m_file; }

private:
    Database() = default;
    bool migrate(std::string& error);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_file;
};

// The schema's migrations, in order; migration N brings the schema to user_version N.
int latestSchemaVersion();

// Why a write failed, in the terms a person at the kiosk can act on (SQLite's last extended code).
enum class WriteFailure { DiskFull, Busy, Other };
WriteFailure writeFailure(const Database& db);

// The one rule for writes: BEGIN IMMEDIATE … COMMIT, rolled back unless commit() succeeded (an
// early return, a throw). Inside a caller's transaction (an import's all-or-nothing batch) it is a
// savepoint, made durable by the caller's COMMIT.
class Transaction {
public:
    // Describes a failed write for the caller's screen or log, called while SQLite's error is still
    // the write's own (before any rollback replaces it).
    using Describe = std::string (*)(Database&);

    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool open() const { return m_open; }
    bool nested() const { return m_nested; }
    // False with `describe(db)` in `error` when the BEGIN or the COMMIT failed; nothing is kept then
    // (a COMMIT that failed on a full disk says so, not "cannot rollback").
    bool commit(std::string& error, Describe describe);
    // The same for callers that answer by kind (the collector's HTTP status): false with failure()
    // set from SQLite's error before the rollback.
    bool commit();
    WriteFailure failure() const { return m_failure; }
    // Gives up now, keeping nothing (also what the destructor does).
    void rollback();

private:
    Database& m_db;
    bool m_nested = false;
    bool m_open = false;
    WriteFailure m_failure = WriteFailure::Other;
};

// The one rule for reads that must agree with each other (a report's many queries): a deferred
// BEGIN … COMMIT, so every query sees the same snapshot while another connection keeps writing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_db;
    bool m_open = false;
};

} // namespace kiosk
