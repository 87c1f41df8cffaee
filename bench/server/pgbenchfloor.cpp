#include "pgbenchfloor.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

PgbenchFloor::PgbenchFloor(const QString &serverUrl)
    : m_adminUrl(serverUrl)
{
    m_database = QStringLiteral("kliv_bench_pgbench_%1").arg(QCoreApplication::applicationPid());
    QUrl u(serverUrl);
    u.setPath(QLatin1Char('/') + m_database);
    m_url = u.toString();
}

PgbenchFloor::~PgbenchFloor()
{
    QString ignored;
    if (m_created)
        psql(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database), &ignored);
}

bool PgbenchFloor::psql(const QString &sql, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("psql"), {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                     QStringLiteral("-d"), m_adminUrl, QStringLiteral("-c"), sql});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("psql %1: %2 %3").arg(sql, p.errorString(), QString::fromUtf8(p.readAllStandardError()));
        return false;
    }
    return true;
}

bool PgbenchFloor::init(QString *error)
{
    if (!psql(QStringLiteral("CREATE DATABASE %1").arg(m_database), error))
        return false;
    m_created = true;
    QProcess p;
    p.start(QStringLiteral("pgbench"), {QStringLiteral("-i"), QStringLiteral("-s"), QStringLiteral("1"), QStringLiteral("-q"), m_url});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("pgbench -i failed: %1 %2").arg(p.errorString(), QString::fromUtf8(p.readAllStandardError().right(1000)));
        return false;
    }
    return true;
}

PgbenchResult PgbenchFloor::run(int clients, int threads, int seconds)
{
    PgbenchResult r;
    QProcess p;
    p.start(QStringLiteral("pgbench"), {QStringLiteral("-N"), QStringLiteral("-c"), QString::number(clients),
                                        QStringLiteral("-j"), QString::number(threads), QStringLiteral("-T"),
                                        QString::number(seconds), m_url});
    if (!p.waitForFinished((seconds + 60) * 1000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        r.error = QStringLiteral("pgbench -N -c %1 failed: %2").arg(clients).arg(QString::fromUtf8(p.readAllStandardError().right(1000)));
        return r;
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression tps(QStringLiteral("^tps = ([0-9.]+)"), QRegularExpression::MultilineOption);
    static const QRegularExpression lat(QStringLiteral("^latency average = ([0-9.]+) ms"), QRegularExpression::MultilineOption);
    const auto t = tps.match(out), l = lat.match(out);
    if (!t.hasMatch()) {
        r.error = QStringLiteral("pgbench printed no tps: %1").arg(out.right(1000));
        return r;
    }
    r.ok = true;
    r.tps = t.captured(1).toDouble();
    r.latencyMs = l.hasMatch() ? l.captured(1).toDouble() : 0;
    return r;
}
