// History phase of one backend: a workspace with 1,000 members and 1,000,000
// events in this month, written straight into the database while the server is
// stopped (HistorySeed), checked through the API, then GET .../usage?month=
// with 16 readers alone (the floor) and while 16 writers record usage.
//
// Time line: the server starts with its dev clock at 00:00 UTC on the 1st of the
// current month, where the workspace goes on Enterprise (its cycle starts
// there); the events fill the month's days but the last; the server restarts
// at 12:00 on the last day, so every event lies in the past and in the cycle.
#include "benchphases.h"
#include "historyseed.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace {
// The month's total and members through the API; "" when right.
QString checkHistory(ServerFixture &fx, const QString &ws, const QString &month, const QString &token,
                     qint64 wantTotal, qint64 wantTotalMax, int wantMembers, qint64 *total)
{
    // Long timeout: readers cut off at the end of a load may still be queued ahead of this one.
    const HttpReply h = fx.send(HttpConnection::buildRequest("GET", QStringLiteral("/v1/workspaces/%1/usage?month=%2").arg(ws, month).toUtf8(),
                                                             {}, token.toUtf8()), 300000);
    *total = h.json().value(QLatin1String("total")).toInteger(-1);
    const qsizetype members = h.jsonArray("by_member").size();
    if (h.status != 200 || *total < wantTotal || *total > wantTotalMax || members != wantMembers)
        return QStringLiteral("WRONG HISTORY: total %1 (want %2..%3), by_member %4 (want %5): %6")
            .arg(*total).arg(wantTotal).arg(wantTotalMax).arg(members).arg(wantMembers).arg(h.describe().left(300));
    return {};
}
} // namespace

bool runHistoryPhase(ServerFixture::Backend backend, const BenchConfig &cfg, BenchReport &report)
{
    const QString tag = backend == ServerFixture::Postgres ? QStringLiteral("pg") : QStringLiteral("sqlite");
    auto broken = [&](const QString &what) {
        benchProgress(QStringLiteral("%1 history: BROKEN: %2").arg(tag, what));
        return false;
    };
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QDateTime monthStart(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC);
    const int days = today.daysInMonth() - 1;
    const QString month = monthStart.toString(QStringLiteral("yyyy-MM"));

    ServerFixture fx(backend);
    if (!fx.start(monthStart))
        return broken(fx.errorString());
    const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("History"), QStringLiteral("history-owner@bench.test"));
    if (!ws.isValid() || fx.setPlan(ws.id, QStringLiteral("enterprise"), 1000000000).isEmpty())
        return broken(fx.errorString());
    const QString owner = fx.issueUserToken(ws.ownerEmail), service = fx.issueServiceToken();
    if (owner.isEmpty() || service.isEmpty())
        return broken(fx.errorString());
    fx.stop();

    HistorySeed seed{ws.id, ws.ownerMemberId, cfg.historyMembers, cfg.historyEvents, monthStart, days};
    QElapsedTimer t;
    t.start();
    QString error;
    if (!seed.run(fx.dataArgs(), &error))
        return broken(error);
    const double seedSeconds = t.elapsed() / 1000.0;
    if (!fx.start(monthStart.addDays(days).addSecs(12 * 3600)))
        return broken(fx.errorString());

    const qint64 want = seed.expectedCredits();
    qint64 total = 0;
    error = checkHistory(fx, ws.id, month, owner, want, want, seed.members, &total);
    const QJsonObject balance = fx.balance(ws.id, owner);
    if (error.isEmpty() && balance.value(QLatin1String("used")).toInteger(-1) != want)
        error = QStringLiteral("WRONG BALANCE after seeding: used %1, want %2")
                    .arg(balance.value(QLatin1String("used")).toInteger(-1)).arg(want);
    if (!error.isEmpty())
        return broken(error);
    report.add({QStringLiteral("history seed (bulk SQL, server stopped)"),
                QStringLiteral("%1 events, %2 members in %3 s").arg(seed.events).arg(seed.members).arg(seedSeconds, 0, 'f', 1),
                {}, -1, {}, Verdict::None,
                QStringLiteral("checked: GET usage total %1 credits = inserted, %2 members, balance used = %1").arg(want).arg(seed.members)});

    QStringList line{ws.id};
    for (int k = 0; k < seed.members; ++k)
        line.append(seed.memberId(k));
    const QString targets = cfg.workDir + QStringLiteral("/history-%1.txt").arg(tag);
    QFile f(targets);
    if (!f.open(QIODevice::WriteOnly) || f.write((line.join(QLatin1Char(' ')) + QLatin1Char('\n')).toUtf8()) < 0)
        return broken(QStringLiteral("cannot write ") + targets);
    f.close();

    // One reader alone, a few times in a row: a figure even when 16 at once
    // get no answer within the phase.
    QList<double> ms;
    for (int i = 0; i < 5; ++i) {
        t.restart();
        qint64 again = 0;
        if (const QString e = checkHistory(fx, ws.id, month, owner, want, want, seed.members, &again); !e.isEmpty())
            return broken(e);
        ms.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    report.add({QStringLiteral("GET month usage x1, 5 in a row"),
                QStringLiteral("median %1  max %2 ms").arg(ms[2], 0, 'f', 2).arg(ms[4], 0, 'f', 2), {}, -1, {}, Verdict::None, {}});

    const QStringList readArgs{QStringLiteral("/v1/workspaces/%1/usage?month=%2").arg(ws.id, month), owner};
    const WrkResult alone = runWrk(fx.baseUrl(), 16, cfg.seconds, QStringLiteral("get.lua"), readArgs);
    if (!alone.ok || alone.wrongAnswers || !drain(fx))
        return broken(QStringLiteral("GET month usage: ") + alone.error);
    report.add({QStringLiteral("GET month usage x16 (floor: no writers)"), figures(alone, 1, "req/s"), {}, -1, {}, Verdict::None, alone.error});

    WrkRunner reads(fx.baseUrl(), 16, cfg.seconds, QStringLiteral("get.lua"), readArgs);
    WrkRunner writes(fx.baseUrl(), 16, cfg.seconds, QStringLiteral("usage.lua"), {service, targets, QStringLiteral("1"), QStringLiteral("hist")});
    reads.start();
    writes.start();
    const WrkResult r = reads.finish(), w = writes.finish();
    drain(fx);
    if (!r.ok || r.wrongAnswers || !w.ok)
        return broken(QStringLiteral("reads: %1 / writes: %2").arg(r.error, w.error));
    // Every answered write is in the history now (1 credit each).
    error = checkHistory(fx, ws.id, month, owner, want + w.answered(), want + w.requests + w.socketErrors + 16, seed.members, &total);
    if (!error.isEmpty())
        return broken(QStringLiteral("after the writers: ") + error);
    report.add({QStringLiteral("GET month usage x16 with 16 writers"), figures(r, 1, "req/s"),
                alone.requests ? QStringLiteral("no writers: p99 %1 ms").arg(alone.p99Ms, 0, 'f', 2) : QStringLiteral("no writers: no answer"),
                alone.p99Ms > 0 && r.p99Ms > 0 ? r.p99Ms / alone.p99Ms : -1,
                QStringLiteral("p99 < 50 ms"), BenchReport::verdict(r.requests > 0 && r.error.isEmpty() && r.p99Ms < 50), r.error});
    report.add({QStringLiteral("  the 16 writers meanwhile"), figures(w, 1, "ev/s"), {}, -1, {}, Verdict::None,
                w.error.isEmpty() ? QStringLiteral("history total afterwards %1 = seeded + written").arg(total) : w.error});
    return true;
}
