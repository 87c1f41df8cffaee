#pragma once
// WrkRunner: one wrk process (-t1 --latency) with a Lua script from bench/server/wrk,
// started asynchronously so that two loads can run at once. The script's done()
// prints a "KLIV_WRK {json}" line, parsed into WrkResult.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

struct WrkResult {
    bool ok = false;            // wrk ran and printed its figures
    QString error;              // why not, or which answers were wrong
    qint64 requests = 0;
    qint64 socketErrors = 0;    // connect/read/write errors and timeouts
    qint64 wrongAnswers = 0;    // non-2xx/3xx, or what the script counted as bad
    qint64 answered() const { return requests - wrongAnswers; } // requests counts completed answers only
    double seconds = 0;
    double p50Ms = 0, p99Ms = 0, maxMs = 0;
    double perSecond(int eventsPerRequest = 1) const { return seconds > 0 ? requests * eventsPerRequest / seconds : 0; }
};

class WrkRunner
{
public:
    static QString scriptDir();            // $KLIV_SOURCE_DIR/bench/server/wrk
    static bool available(QString *why);   // wrk and the scripts are there

    WrkRunner(const QUrl &base, int connections, int seconds, const QString &script, const QStringList &scriptArgs);
    ~WrkRunner();
    void start();
    // Waits up to timeoutMs for wrk to end; false while it still runs.
    bool waitFor(int timeoutMs);
    WrkResult finish();                    // waits for the end (bounded) and parses

private:
    QStringList m_args;
    int m_seconds;
    std::unique_ptr<QProcess> m_proc;
};

// Runs one load to the end.
WrkResult runWrk(const QUrl &base, int connections, int seconds, const QString &script, const QStringList &scriptArgs);
