// Backups of the kiosk's SQLite file while the kiosk runs: SQLite's online backup API into a
// temporary file, checked, then renamed into place, so a half-written copy is never left behind.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// The database inside a data folder (what `kiosk run` opens).
std::filesystem::path databaseFile(const std::filesystem::path& dataDir);

// Runs PRAGMA integrity_check on `file`, opened read-only (never created). True when SQLite says
// "ok"; otherwise `problem` says what is wrong, in Vietnamese with SQLite's first findings.
bool checkDatabaseIntegrity(const std::filesystem::path& file, std::string& problem);

// Copies `source` to `dest` as one self-contained file (rollback journal, not WAL). The copy is
// integrity-checked before it replaces `dest`. False with a Vietnamese `error` on any failure;
// `dest` is then untouched.
bool backupDatabase(const std::filesystem::path& source, const std::filesystem::path& dest, std::string& error);

// Today's backup in <dataDir>/backups/kiosk-YYYY-MM-DD.sqlite (local date of `unixSeconds`),
// then deletes the oldest such files beyond `keep`. Returns the new file, or nullopt with `error`.
// `removed` lists the old backups deleted. Files with other names are never touched.
std::optional<std::filesystem::path> rotateBackup(const std::filesystem::path& dataDir, int64_t unixSeconds, int keep,
                                                  std::vector<std::filesystem::path>& removed, std::string& error);

// The dated backups in `dir`, oldest first.
std::vector<std::filesystem::path> listBackups(const std::filesystem::path& dir);

} // namespace kiosk
