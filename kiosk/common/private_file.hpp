// Files that hold personal data or secrets (reports, badges, backups), written so that nobody else
// can own, read or redirect them: a fresh temporary in the target's folder, 0600 from its first byte.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk {

// One output file being written. create() makes a new temporary file beside `target` with
// mkostemp (O_CREAT|O_EXCL: never an existing file or a planted symlink; mode 0600 whatever the
// umask); commit() syncs it and renames it over `target`, so a file or symlink someone else put
// at `target` is replaced, never written through, and readers see the old file or the whole new
// one. A file not committed is removed.
class PrivateFile {
public:
    PrivateFile() = default;
    ~PrivateFile();
    PrivateFile(const PrivateFile&) = delete;
    PrivateFile& operator=(const PrivateFile&) = delete;

    bool create(const std::filesystem::path& target, std::string& error);
    bool write(std::string_view bytes);
    bool commit(std::string& error);

    int fd() const { return m_fd; }
    const std::filesystem::path& tempPath() const { return m_temp; }

private:
    void discard();
    std::filesystem::path m_target, m_temp;
    int m_fd = -1;
    bool m_failed = false;
};

// The whole of a file in one call.
bool writePrivateFile(const std::filesystem::path& target, std::string_view bytes, std::string& error);

// For libraries that write by file name (libxlsxwriter, SQLite's backup): a folder of the
// caller's alone (mkdtemp, 0700) beside the target, so the library's own open() cannot be
// redirected. publish() makes the finished file 0600, syncs it and renames it over `target`.
// The folder and anything left in it go with the object.
class PrivateStaging {
public:
    PrivateStaging() = default;
    ~PrivateStaging();
    PrivateStaging(const PrivateStaging&) = delete;
    PrivateStaging& operator=(const PrivateStaging&) = delete;

    bool create(const std::filesystem::path& target, std::string& error);
    std::filesystem::path file() const { return m_dir / "staged"; }   // where the library writes
    bool publish(std::string& error);

private:
    std::filesystem::path m_target, m_dir;
};

} // namespace kiosk
