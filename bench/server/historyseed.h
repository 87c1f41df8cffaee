#pragma once
// HistorySeed: writes a month of usage straight into the server's database
// (Qt SQL on <data>/kliv.sqlite, or psql on the --database URL) while the
// server is stopped, the way the server itself would have stored it:
// users + members, usage_entries, the usage_day and usage_rollup aggregates,
// and the workspace's cycle counter (cycle_key_ms, cycle_used).
#include <QDateTime>
#include <QString>
#include <QStringList>

struct HistorySeed {
    QString workspaceId;
    QString ownerMemberId;     // member 0; members 1..members-1 are created here
    int members = 1000;
    qint64 events = 1000000;
    QDateTime monthStart;      // 00:00 UTC on the 1st; events fill the month's first `days` days
    int days = 27;

    // Credits per event are 1 + i % 3, so the total is known without asking the database.
    qint64 expectedCredits() const;
    QString memberId(int k) const;
    // The SQL for either dialect (the statements read the same but for the number series).
    QString sql(bool postgres) const;
    // Runs it with Qt SQL or psql; dataArgs are ServerFixture::dataArgs().
    bool run(const QStringList &dataArgs, QString *error) const;

private:
    bool runSqlite(const QString &file, QString *error) const;
};
