#include "startuptrace.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRegularExpression>
#include <QHash>

Q_LOGGING_CATEGORY(lcStartup, "kliv.startup", QtWarningMsg)

namespace {
struct Trace {
    QMutex lock;
    QElapsedTimer clock;
    QList<std::pair<QString, double>> marks;
    QHash<QString, int> seen;
};
Trace &trace()
{
    static Trace t;
    return t;
}
}

void StartupTrace::begin()
{
    Trace &t = trace();
    QMutexLocker guard(&t.lock);
    if (!t.clock.isValid())
        t.clock.start();
}

void StartupTrace::mark(const QString &what)
{
    if (!lcStartup().isInfoEnabled())
        return;
    Trace &t = trace();
    QMutexLocker guard(&t.lock);
    if (!t.clock.isValid())
        t.clock.start();
    // A start-up trace: a long run stops adding marks.
    if (t.marks.size() >= 500)
        return;
    // Repeats are kept numbered ("GET /v1/me sent #2"): asking twice shows.
    const int n = ++t.seen[what];
    const QString name = n == 1 ? what : what + QStringLiteral(" #") + QString::number(n);
    const double ms = t.clock.nsecsElapsed() / 1e6;
    t.marks.append({name, ms});
    guard.unlock();
    qCInfo(lcStartup, "%8.2f ms  %s", ms, qPrintable(name));
}

QList<std::pair<QString, double>> StartupTrace::marks()
{
    Trace &t = trace();
    QMutexLocker guard(&t.lock);
    return t.marks;
}

QString StartupTrace::requestName(const QString &path)
{
    static const QRegularExpression ws(QStringLiteral("^/v1/workspaces/[^/]+"));
    QString p = path;
    return p.replace(ws, QStringLiteral("/v1/workspaces/*"));
}
