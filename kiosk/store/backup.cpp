// Online backup (sqlite3_backup_*) with a checked temporary copy and an atomic rename; daily rotation.
#include "kiosk/store/backup.hpp"
#include "kiosk/common/private_file.hpp"
#include <sqlite3.h>
#include <algorithm>
#include <ctime>
#include <fcntl.h>
#include <regex>
#include <unistd.h>

namespace kiosk {

namespace {

namespace fs = std::filesystem;

// Owns one sqlite3 connection.
struct Connection {
    sqlite3* db = nullptr;
    ~Connection() { if (db) sqlite3_close_v2(db); }
    bool open(const fs::path& file, int flags, std::string& error)
    {
        if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) == SQLITE_OK) return true;
        error = db ? sqlite3_errmsg(db) : "out of memory";
        return false;
    }
};

std::string integrityOf(sqlite3* db)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(5)", -1, &stmt, nullptr) != SQLITE_OK) return sqlite3_errmsg(db);
    std::string found;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        if (!found.empty()) found += "; ";
        found += t ? t : "";
    }
    if (rc != SQLITE_DONE) found = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return found;
}

} // namespace

fs::path databaseFile(const fs::path& dataDir)
{
    return dataDir / "kiosk.sqlite3";
}

bool checkDatabaseIntegrity(const fs::path& file, std::string& problem)
{
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        problem = "Không có tệp cơ sở dữ liệu " + file.string() + ".";
        return false;
    }
    Connection c;
    std::string error;
    if (!c.open(file, SQLITE_OPEN_READONLY, error)) {
        problem = "Không mở được cơ sở dữ liệu " + file.string() + ": " + error + ". Kiểm tra quyền của thư mục dữ liệu.";
        return false;
    }
    const std::string result = integrityOf(c.db);
    if (result == "ok") return true;
    problem = "Cơ sở dữ liệu " + file.string() + " bị hỏng (" + result + "). Khôi phục từ bản sao lưu mới nhất trong backups/.";
    return false;
}

bool backupDatabase(const fs::path& source, const fs::path& dest, std::string& error)
{
    std::error_code ec;
    if (!fs::exists(source, ec)) {
        error = "Không có cơ sở dữ liệu để sao lưu: " + source.string() + " (thư mục dữ liệu đúng chưa? dùng --data).";
        return false;
    }
    // The copy holds personal data: SQLite writes it in a folder that is ours alone (it opens the
    // file by name), and the finished copy is made 0600 and renamed over `dest`; a file or symlink
    // someone else left at `dest` is replaced, never written through.
    PrivateStaging staging;
    if (!staging.create(dest, error)) {
        error = "Không tạo được tệp sao lưu: " + error;
        return false;
    }
    const fs::path tmp = staging.file();
    auto fail = [&](std::string message) {
        error = std::move(message);
        return false;
    };
    {
        Connection src, dst;
        std::string why;
        if (!src.open(source, SQLITE_OPEN_READONLY, why)) return fail("Không mở được " + source.string() + ": " + why);
        if (!dst.open(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, why))
            return fail("Không tạo được tệp sao lưu " + tmp.string() + ": " + why + ". Kiểm tra thư mục và dung lượng đĩa.");
        sqlite3_busy_timeout(src.db, 5000);
        sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
        if (!b) return fail("Không sao lưu được: " + std::string(sqlite3_errmsg(dst.db)));
        // In steps, so the running kiosk is never locked out for long; a busy source is retried.
        int rc;
        int waits = 0;
        while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (rc != SQLITE_OK) {
                if (++waits > 200) break;
                sqlite3_sleep(50);
            }
        }
        sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE)
            return fail("Sao lưu không xong: " + std::string(sqlite3_errstr(rc)) + ". Thử lại sau; nếu đĩa đầy, giải phóng dung lượng.");
        // One self-contained file: the copy must not depend on a -wal file beside it.
        sqlite3_exec(dst.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
        const std::string check = integrityOf(dst.db);
        if (check != "ok") return fail("Bản sao lưu không đạt kiểm tra toàn vẹn (" + check + "); bản cũ được giữ nguyên.");
    }
    std::string why;
    if (!staging.publish(why)) return fail("Không ghi được bản sao lưu: " + why);
    return true;
}

std::vector<fs::path> listBackups(const fs::path& dir)
{
    static const std::regex name(R"(kiosk-\d{4}-\d{2}-\d{2}\.sqlite)");
    std::vector<fs::path> out;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && std::regex_match(e.path().filename().string(), name)) out.push_back(e.path());
    std::sort(out.begin(), out.end());   // the date in the name sorts as text
    return out;
}

std::optional<fs::path> rotateBackup(const fs::path& dataDir, int64_t unixSeconds, int keep, std::vector<fs::path>& removed, std::string& error)
{
    const fs::path dir = dataDir / "backups";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error = "Không tạo được thư mục sao lưu " + dir.string() + ": " + ec.message();
        return std::nullopt;
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);   // copies of personal data
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm local{};
    localtime_r(&t, &local);
    char name[40];
    std::strftime(name, sizeof name, "kiosk-%Y-%m-%d.sqlite", &local);
    const fs::path dest = dir / name;
    if (!backupDatabase(databaseFile(dataDir), dest, error)) return std::nullopt;
    std::vector<fs::path> all = listBackups(dir);
    const size_t k = static_cast<size_t>(std::max(keep, 1));
    for (size_t i = 0; all.size() > k && i < all.size() - k; ++i)
        if (fs::remove(all[i], ec)) removed.push_back(all[i]);
    return dest;
}

} // namespace kiosk
