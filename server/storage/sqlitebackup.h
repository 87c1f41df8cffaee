#pragma once
// Backups of the SQLite database (operator commands `admin backup` / `admin
// restore`). PostgreSQL is backed up with pg_dump (README, "Operating").
#include <QString>

namespace storage {

// The database file inside a SQLite data directory.
QString sqliteFileIn(const QString &dataDir);

// A consistent copy of the live database in `toFile` (VACUUM INTO: one read
// transaction, so every transaction committed before it started is in the copy
// and none is half in it; the server keeps serving meanwhile). Refuses to
// overwrite an existing file.
bool backupSqlite(const QString &dataDir, const QString &toFile, QString *error);

// Checks that `file` is a complete Kliv database: SQLite's integrity check
// passes and it holds the core schema. Returns the core schema version, or 0
// with *error.
int checkSqliteBackup(const QString &file, QString *error);

// Puts a checked backup in place of the data directory's database, atomically
// (copy beside it, fsync, rename); the database it replaces is kept as
// kliv.sqlite.before-restore-<UTC time>, never deleted. The server must be stopped.
bool restoreSqlite(const QString &fromFile, const QString &dataDir, QString *keptAs, QString *error);

} // namespace storage
