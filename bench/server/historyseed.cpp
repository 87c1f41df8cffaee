#include "historyseed.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {
constexpr qint64 kDayMs = 86400000;
const char *const kActivities[] = {"generate_page", "rewrite_text", "image", "translate", "seo", "layout", "chat", "publish"};
} // namespace

qint64 HistorySeed::expectedCredits() const
{
    // sum over i in [0, events) of 1 + i % 3
    const qint64 full = events / 3;
    qint64 total = full * (1 + 2 + 3);
    for (qint64 i = full * 3; i < events; ++i)
        total += 1 + i % 3;
    return total;
}

QString HistorySeed::memberId(int k) const
{
    return k == 0 ? ownerMemberId : QStringLiteral("mem_benchhist%1").arg(k);
}

QString HistorySeed::sql(bool postgres) const
{
    const qint64 perDay = (events + days - 1) / days;
    const qint64 c0 = monthStart.toMSecsSinceEpoch();
    QString activity = QStringLiteral("CASE (i / %1) % 8").arg(members);
    for (int a = 0; a < 8; ++a)
        activity += QStringLiteral(" WHEN %1 THEN '%2'").arg(a).arg(QLatin1String(kActivities[a]));
    activity += QStringLiteral(" END");
    // Each member works on 2 projects a day (a different pair each day, all 40
    // over the month) with all 8 activities: 8 rollup rows per member and day,
    // 240,000 in a month of 1,000 members (one per event would be 1,000,000).
    const QString member = QStringLiteral("CASE WHEN i % %1 = 0 THEN '%2' ELSE 'mem_benchhist' || (i % %1) END")
                               .arg(members).arg(ownerMemberId);
    const QString project = QStringLiteral("'project-' || (((i % %1) + i / %2 + (i / %1) % 2) % 40)").arg(members).arg(perDay);
    auto series = [&](qint64 from, qint64 to) {
        return postgres ? QStringLiteral("generate_series(%1::bigint, %2) AS s(i)").arg(from).arg(to - 1)
                        : QStringLiteral("(WITH RECURSIVE s(i) AS (SELECT %1 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < %2) "
                                         "SELECT i FROM s) AS s").arg(from).arg(to);
    };
    const QString ws = QStringLiteral("'%1'").arg(workspaceId);
    QStringList s;
    s << QStringLiteral("BEGIN");
    s << QStringLiteral("INSERT INTO users (id, email, email_lower, name, password_hash, created_ms) "
                        "SELECT 'usr_benchhist' || i, 'member' || i || '@history.test', 'member' || i || '@history.test', "
                        "'Member ' || i, '', %1 FROM %2").arg(c0).arg(series(1, members));
    s << QStringLiteral("INSERT INTO members (id, workspace_id, user_id, role, joined_ms) "
                        "SELECT 'mem_benchhist' || i, %1, 'usr_benchhist' || i, 'member', %2 FROM %3")
             .arg(ws).arg(c0).arg(series(1, members));
    // In time order, so ids grow with at_ms as they do when the server records.
    s << QStringLiteral("INSERT INTO usage_entries (workspace_id, at_ms, member_id, project, activity, credits, on_free) "
                        "SELECT %1, %2 + (i / %3) * %4 + (i % %3) * %5, %6, %7, %8, 1 + i % 3, 0 FROM %9 ORDER BY i")
             .arg(ws).arg(c0).arg(perDay).arg(kDayMs).arg(kDayMs / perDay).arg(member, project, activity, series(0, events));
    s << QStringLiteral("INSERT INTO usage_day (workspace_id, day, credits, credits_on_free) "
                        "SELECT workspace_id, at_ms / %1, SUM(credits), SUM(CASE WHEN on_free = 1 THEN credits ELSE 0 END) "
                        "FROM usage_entries WHERE workspace_id = %2 GROUP BY workspace_id, at_ms / %1").arg(kDayMs).arg(ws);
    s << QStringLiteral("INSERT INTO usage_rollup (workspace_id, day, member_id, project, activity, credits) "
                        "SELECT workspace_id, at_ms / %1, member_id, project, activity, SUM(credits) FROM usage_entries "
                        "WHERE workspace_id = %2 GROUP BY workspace_id, at_ms / %1, member_id, project, activity")
             .arg(kDayMs).arg(ws);
    // The month's totals per member, project and activity (usage_month), as every spend keeps them.
    for (const auto &[kind, column] : {std::pair{"m", "member_id"}, std::pair{"p", "project"}, std::pair{"a", "activity"}})
        s << QStringLiteral("INSERT INTO usage_month (workspace_id, month, kind, key, credits) "
                            "SELECT workspace_id, %1, '%2', %3, SUM(credits) FROM usage_rollup WHERE workspace_id = %4 "
                            "GROUP BY workspace_id, %3").arg(c0 / kDayMs).arg(QLatin1String(kind), QLatin1String(column), ws);
    // The cycle counter as the server keeps it: keyed to the cycle's start,
    // holding every credit spent inside the cycle.
    s << QStringLiteral("UPDATE workspaces SET cycle_key_ms = period_start_ms, cycle_used = "
                        "(SELECT COALESCE(SUM(e.credits), 0) FROM usage_entries e WHERE e.workspace_id = %1 "
                        "AND e.at_ms >= workspaces.period_start_ms AND e.at_ms < workspaces.period_end_ms) WHERE id = %1").arg(ws);
    s << QStringLiteral("COMMIT");
    if (postgres)
        s << QStringLiteral("ANALYZE"); // what autovacuum does shortly after a bulk load anyway
    return s.join(QStringLiteral(";\n")) + QStringLiteral(";\n");
}

bool HistorySeed::run(const QStringList &dataArgs, QString *error) const
{
    if (dataArgs.size() != 2) {
        *error = QStringLiteral("unexpected server data arguments: %1").arg(dataArgs.join(QLatin1Char(' ')));
        return false;
    }
    if (dataArgs[0] != QLatin1String("--database"))
        return runSqlite(QDir(dataArgs[1]).filePath(QStringLiteral("kliv.sqlite")), error);
    QProcess p;
    p.start(QStringLiteral("psql"), {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                     QStringLiteral("-d"), dataArgs[1], QStringLiteral("-f"), QStringLiteral("-")});
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(p.program(), p.errorString());
        return false;
    }
    p.write(sql(true).toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 failed seeding the history (exit %2): %3")
                     .arg(p.program()).arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError().left(2000)));
        p.kill();
        return false;
    }
    return true;
}

bool HistorySeed::runSqlite(const QString &file, QString *error) const
{
    // Qt's SQLite driver (the server's own), so no sqlite3 CLI is needed.
    const QString conn = QStringLiteral("kliv-bench-seed");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(file);
        if (!QFileInfo::exists(file) || !db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(file, db.lastError().text());
            ok = false;
        }
        QSqlQuery q(db);
        for (const QString &statement : sql(false).split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
            if (ok && !q.exec(statement)) {
                *error = QStringLiteral("seeding %1 failed: %2 in %3").arg(file, q.lastError().text(), statement.left(300));
                ok = false;
                q.exec(QStringLiteral("ROLLBACK"));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    return ok;
}
