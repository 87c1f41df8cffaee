#include "wrkrunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcWrk, "kliv.bench.wrk")

QString WrkRunner::scriptDir()
{
    return QDir(qEnvironmentVariable("KLIV_SOURCE_DIR")).filePath(QStringLiteral("bench/server/wrk"));
}

bool WrkRunner::available(QString *why)
{
    QProcess p;
    p.start(QStringLiteral("wrk"), {QStringLiteral("--version")});
    if (!p.waitForStarted(5000)) {
        *why = QStringLiteral("wrk is not installed (apt-get install wrk)");
        return false;
    }
    p.waitForFinished(5000);
    if (!QFileInfo::exists(scriptDir() + QStringLiteral("/report.lua"))) {
        *why = QStringLiteral("no wrk scripts in %1 (set KLIV_SOURCE_DIR)").arg(scriptDir());
        return false;
    }
    return true;
}

WrkRunner::WrkRunner(const QUrl &base, int connections, int seconds, const QString &script, const QStringList &scriptArgs)
    : m_seconds(seconds)
{
    // One thread: the server under test needs the other core. The timeout
    // turns a stuck request into an error instead of a silent stall.
    m_args = {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds),
              QStringLiteral("--timeout"), QStringLiteral("5s"), QStringLiteral("--latency"),
              QStringLiteral("-s"), scriptDir() + QLatin1Char('/') + script, base.toString(QUrl::StripTrailingSlash),
              QStringLiteral("--")};
    m_args += scriptArgs;
}

WrkRunner::~WrkRunner()
{
    if (m_proc && m_proc->state() != QProcess::NotRunning) {
        m_proc->kill();
        m_proc->waitForFinished(5000);
    }
}

void WrkRunner::start()
{
    m_proc = std::make_unique<QProcess>();
    m_proc->start(QStringLiteral("wrk"), m_args);
}

bool WrkRunner::waitFor(int timeoutMs)
{
    return !m_proc || m_proc->state() == QProcess::NotRunning || m_proc->waitForFinished(timeoutMs);
}

WrkResult WrkRunner::finish()
{
    WrkResult r;
    if (!m_proc || !m_proc->waitForStarted(5000)) {
        r.error = QStringLiteral("wrk did not start");
        return r;
    }
    if (!m_proc->waitForFinished((m_seconds + 30) * 1000)) {
        m_proc->kill();
        m_proc->waitForFinished(5000);
        r.error = QStringLiteral("wrk did not end within %1 s").arg(m_seconds + 30);
        return r;
    }
    const QString out = QString::fromUtf8(m_proc->readAllStandardOutput());
    const QString err = QString::fromUtf8(m_proc->readAllStandardError());
    static const QRegularExpression line(QStringLiteral("^KLIV_WRK (\\{.*\\})$"), QRegularExpression::MultilineOption);
    const auto m = line.match(out);
    if (m_proc->exitCode() != 0 || !m.hasMatch()) {
        r.error = QStringLiteral("wrk failed (exit %1): %2 %3").arg(m_proc->exitCode()).arg(out.right(600), err.right(600));
        return r;
    }
    const QJsonObject j = QJsonDocument::fromJson(m.captured(1).toUtf8()).object();
    r.ok = true;
    r.requests = j.value(QLatin1String("requests")).toInteger();
    r.seconds = j.value(QLatin1String("duration_us")).toDouble() / 1e6;
    r.p50Ms = j.value(QLatin1String("p50_us")).toDouble() / 1e3;
    r.p99Ms = j.value(QLatin1String("p99_us")).toDouble() / 1e3;
    r.maxMs = j.value(QLatin1String("max_us")).toDouble() / 1e3;
    for (const char *k : {"connect_errors", "read_errors", "write_errors", "timeouts"})
        r.socketErrors += j.value(QLatin1String(k)).toInteger();
    r.wrongAnswers = j.value(QLatin1String("status_errors")).toInteger() + j.value(QLatin1String("bad_answers")).toInteger();
    if (r.socketErrors + r.wrongAnswers > 0)
        r.error = QStringLiteral("%1 socket errors/timeouts, %2 wrong answers").arg(r.socketErrors).arg(r.wrongAnswers);
    qCDebug(lcWrk).noquote() << m_args.join(QLatin1Char(' ')) << "->" << m.captured(1);
    return r;
}

WrkResult runWrk(const QUrl &base, int connections, int seconds, const QString &script, const QStringList &scriptArgs)
{
    WrkRunner w(base, connections, seconds, script, scriptArgs);
    w.start();
    return w.finish();
}
