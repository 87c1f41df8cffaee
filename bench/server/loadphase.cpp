// Load phase of one backend: the HTTP floor, usage recording (single events
// and batches of 100), GET balance during password sign-ins, and the
// server's memory under load. Load spread: cfg.workspaces workspaces on
// Pro 800 with a 1,000,000-credit grant each (nothing runs out), one owner
// and three more members each; every request goes to the next workspace
// round-robin, the events of a batch to that workspace's members in turn.
#include "benchphases.h"
#include "serverproc.h"

#include <QFile>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcLoad, "kliv.bench.load")

namespace {

const QString kPassword = QStringLiteral("bench-Password-2026!");

struct LoadSetup {
    QString ownerEmail = QStringLiteral("owner@bench.test");
    QString ownerToken, service, targetsFile;
    QStringList workspaces;
};

bool setUp(ServerFixture &fx, const BenchConfig &cfg, const QString &tag, LoadSetup *s, QString *error)
{
    QStringList lines;
    for (int i = 0; i < cfg.workspaces; ++i) {
        const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Bench %1").arg(i), s->ownerEmail);
        if (!ws.isValid() || fx.setPlan(ws.id, QStringLiteral("pro-800")).isEmpty()
            || fx.grant(ws.id, 1000000, QStringLiteral("bench")).isEmpty()) {
            *error = fx.errorString();
            return false;
        }
        s->workspaces.append(ws.id);
        lines.append(ws.id + QLatin1Char(' ') + ws.ownerMemberId);
    }
    s->ownerToken = fx.issueUserToken(s->ownerEmail);
    s->service = fx.issueServiceToken();
    if (s->ownerToken.isEmpty() || s->service.isEmpty()
        || !fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), s->ownerEmail, QStringLiteral("--password"), kPassword}).ok()) {
        *error = fx.errorString();
        return false;
    }
    for (int i = 0; i < s->workspaces.size(); ++i) {
        for (int m = 1; m < cfg.membersPerWorkspace; ++m) {
            const HttpReply r = fx.post(QStringLiteral("/v1/workspaces/%1/members").arg(s->workspaces[i]),
                                        {{QStringLiteral("email"), QStringLiteral("m%1-%2@bench.test").arg(i).arg(m)},
                                         {QStringLiteral("name"), QStringLiteral("Member %1-%2").arg(i).arg(m)},
                                         {QStringLiteral("role"), QStringLiteral("member")}}, s->ownerToken);
            if (r.status != 201) {
                *error = QStringLiteral("adding a member: ") + r.describe();
                return false;
            }
            lines[i] += QLatin1Char(' ') + r.json().value(QLatin1String("id")).toString();
        }
    }
    s->targetsFile = cfg.workDir + QStringLiteral("/targets-%1.txt").arg(tag);
    QFile f(s->targetsFile);
    if (!f.open(QIODevice::WriteOnly) || f.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(s->targetsFile);
        return false;
    }
    return true;
}

// Every credit the server has recorded (balance "used", summed), -1 on failure.
qint64 usedTotal(ServerFixture &fx, const LoadSetup &s)
{
    qint64 total = 0;
    for (const QString &ws : s.workspaces) {
        const QJsonObject b = fx.balance(ws, s.ownerToken);
        if (b.isEmpty())
            return -1;
        total += b.value(QLatin1String("used")).toInteger();
    }
    return total;
}

// wrk's count of answered events must be what the server recorded (each event
// is 1 credit); requests still in flight when wrk stopped may add up to one per connection.
bool checkRecorded(qint64 before, qint64 after, const WrkResult &r, int clients, int per, QString *error)
{
    const qint64 lo = r.answered() * per, hi = (r.requests + r.socketErrors + clients) * per;
    if (before < 0 || after < 0 || after - before < lo || after - before > hi) {
        *error = QStringLiteral("WRONG TOTAL: the server recorded %1 credits, wrk had %2 events answered (up to %3 with those in flight)")
                     .arg(after - before).arg(lo).arg(hi);
        return false;
    }
    return true;
}

struct Floor {
    QString text;
    double rate = 0;
};

} // namespace

bool drain(ServerFixture &fx)
{
    return fx.send(HttpConnection::buildRequest("GET", "/healthz", {}, {}), 300000).status == 200;
}

QString figures(const WrkResult &r, int eventsPerRequest, const char *unit)
{
    // wrk counts only answers that arrive within the phase: none means no latency either.
    if (r.requests == 0)
        return QStringLiteral("no answer within %1 s (p50 > %1 s)").arg(r.seconds, 0, 'f', 0);
    return QStringLiteral("%1 %2  p50 %3  p99 %4 ms").arg(r.perSecond(eventsPerRequest), 0, 'f', 0).arg(QLatin1String(unit))
        .arg(r.p50Ms, 0, 'f', 2).arg(r.p99Ms, 0, 'f', 2);
}

bool runLoadPhase(ServerFixture::Backend backend, const BenchConfig &cfg, const DbFloor &db, BenchReport &report)
{
    const bool pg = backend == ServerFixture::Postgres;
    const QString tag = pg ? QStringLiteral("pg") : QStringLiteral("sqlite");
    ServerFixture fx(backend);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    auto broken = [&](const QString &what) {
        benchProgress(QStringLiteral("%1: BROKEN: %2").arg(tag, what));
        return false;
    };
    if (!fx.start(now.addMSecs(-now.time().msec())))
        return broken(fx.errorString());
    const qint64 pid = findServerPid();
    const qint64 idleKb = procStatusKb(pid, "VmRSS");
    LoadSetup s;
    if (!setUp(fx, cfg, tag, &s, &error))
        return broken(QStringLiteral("setup: ") + error);
    benchProgress(QStringLiteral("%1: %2 workspaces x %3 members ready").arg(tag).arg(s.workspaces.size()).arg(cfg.membersPerWorkspace));
    const QUrl base = fx.baseUrl();
    const int secs = cfg.seconds;

    QHash<int, WrkResult> healthz;
    for (int c : {16, 64}) {
        const WrkResult r = runWrk(base, c, secs, QStringLiteral("get.lua"), {QStringLiteral("/healthz")});
        if (!r.ok || r.wrongAnswers)
            return broken(QStringLiteral("GET /healthz: ") + r.error);
        healthz[c] = r;
        report.add({QStringLiteral("HTTP floor: GET /healthz x%1").arg(c), figures(r, 1, "req/s"), {}, -1, {}, Verdict::None,
                    r.socketErrors ? r.error : QString()});
    }
    auto floorFor = [&](int c) {
        if (pg)
            return Floor{QStringLiteral("pgbench -N x16 %1 tps").arg(db.c16.tps, 0, 'f', 0), db.c16.tps};
        return Floor{QStringLiteral("healthz x%1 %2 req/s").arg(c).arg(healthz[c].perSecond(), 0, 'f', 0), healthz[c].perSecond()};
    };

    // One load of usage events, checked against what the server recorded.
    auto usage = [&](int c, int seconds, int per, const QString &run, WrkResult *out) {
        const qint64 before = usedTotal(fx, s);
        *out = runWrk(base, c, seconds, QStringLiteral("usage.lua"), {s.service, s.targetsFile, QString::number(per), run});
        return out->ok && drain(fx) && checkRecorded(before, usedTotal(fx, s), *out, c, per, &error);
    };
    WrkResult r;
    if (!usage(16, 1, 1, QStringLiteral("warm"), &r)) // connections, statement caches
        return broken(QStringLiteral("warm-up: ") + r.error + error);
    qint64 hwmKb = -1;
    for (int per : {1, 100}) {
        for (int c : {16, 64}) {
            if (!usage(c, secs, per, QStringLiteral("%1x%2").arg(per).arg(c), &r))
                return broken(QStringLiteral("usage x%1 (%2 per request): %3%4").arg(c).arg(per).arg(r.error, error));
            const Floor f = floorFor(c);
            const double ratio = f.rate > 0 ? r.perSecond(per) / f.rate : -1;
            BenchRow row{per == 1 ? QStringLiteral("usage, single event x%1").arg(c) : QStringLiteral("usage, batch of 100 x%1").arg(c),
                         figures(r, per, "ev/s"), f.text, ratio, {}, Verdict::None, r.error};
            if (per == 1) {
                row.target = pg ? QStringLiteral(">= 1.5x, p99 < 20 ms") : QStringLiteral(">= 0.5x, p99 < 20 ms");
                row.verdict = BenchReport::verdict(r.requests > 0 && r.error.isEmpty() && ratio >= (pg ? 1.5 : 0.5) && r.p99Ms < 20);
            } else {
                const double want = pg ? 50000 : 100000;
                row.target = QStringLiteral(">= %1 ev/s, p99 < 50 ms").arg(want, 0, 'f', 0);
                row.verdict = BenchReport::verdict(r.requests > 0 && r.error.isEmpty() && r.perSecond(per) >= want && r.p99Ms < 50);
            }
            report.add(row);
            if (per == 1 && c == 64)
                hwmKb = procStatusKb(pid, "VmHWM");
        }
    }
    report.add({QStringLiteral("peak RSS (VmHWM), x64 single events"), QStringLiteral("%1 MiB").arg(hwmKb / 1024.0, 0, 'f', 1),
                QStringLiteral("idle after start %1 MiB").arg(idleKb / 1024.0, 0, 'f', 1), idleKb > 0 ? double(hwmKb) / idleKb : -1,
                QStringLiteral("< 100 MiB"), BenchReport::verdict(hwmKb > 0 && hwmKb < 100 * 1024), {}});

    // GET balance alone, then while 4 clients sign in with the right password.
    const QStringList balanceArgs{QStringLiteral("/v1/workspaces/%1/balance").arg(s.workspaces.first()), s.ownerToken};
    const WrkResult alone = runWrk(base, 4, secs, QStringLiteral("get.lua"), balanceArgs);
    if (!alone.ok || alone.wrongAnswers)
        return broken(QStringLiteral("GET balance: ") + alone.error);
    report.add({QStringLiteral("GET balance x4 (floor: no sign-ins)"), figures(alone, 1, "req/s"), {}, -1, {}, Verdict::None, {}});
    WrkRunner reads(base, 4, secs, QStringLiteral("get.lua"), balanceArgs);
    WrkRunner signins(base, 4, secs, QStringLiteral("signin.lua"), {s.ownerEmail, kPassword});
    reads.start();
    signins.start();
    const WrkResult during = reads.finish(), si = signins.finish();
    drain(fx);
    if (!during.ok || during.wrongAnswers || !si.ok || si.wrongAnswers)
        return broken(QStringLiteral("balance during sign-ins: %1 / sign-ins: %2").arg(during.error, si.error));
    report.add({QStringLiteral("GET balance x4 during 4 sign-ins"), figures(during, 1, "req/s"),
                QStringLiteral("no sign-ins: p99 %1 ms").arg(alone.p99Ms, 0, 'f', 2),
                alone.p99Ms > 0 && during.p99Ms > 0 ? during.p99Ms / alone.p99Ms : -1,
                QStringLiteral("p99 < 10 ms"), BenchReport::verdict(during.requests > 0 && during.error.isEmpty() && during.p99Ms < 10), during.error});
    report.add({QStringLiteral("  the sign-ins meanwhile (x4)"), figures(si, 1, "/s"), {}, -1, {}, Verdict::None, {}});

    // Memory over a longer run: VmRSS every 5 s; flat = the last sample within 10 % of the one at 10 s.
    const int rssSeconds = cfg.quick ? 20 : 60;
    const qint64 before = usedTotal(fx, s);
    WrkRunner longRun(base, 64, rssSeconds, QStringLiteral("usage.lua"), {s.service, s.targetsFile, QStringLiteral("1"), QStringLiteral("rss")});
    QElapsedTimer t;
    longRun.start();
    t.start();
    QList<qint64> samples;
    for (int k = 1; k * 5 <= rssSeconds; ++k) {
        longRun.waitFor(int(std::max<qint64>(0, k * 5000 - t.elapsed())));
        samples.append(procStatusKb(pid, "VmRSS"));
    }
    r = longRun.finish();
    if (!r.ok || !drain(fx) || !checkRecorded(before, usedTotal(fx, s), r, 64, 1, &error))
        return broken(QStringLiteral("RSS run: ") + r.error + error);
    const qint64 at10 = samples.value(1, -1), last = samples.value(samples.size() - 1, -1);
    const qint64 peak = *std::max_element(samples.begin(), samples.end());
    QStringList mib;
    for (qint64 kb : samples)
        mib.append(QString::number(kb / 1024.0, 'f', 1));
    const bool flat = at10 > 0 && last > 0 && std::abs(double(last - at10)) <= 0.1 * at10;
    report.add({QStringLiteral("RSS over %1 s of x64 single events").arg(rssSeconds),
                QStringLiteral("last %1 MiB, max %2 MiB").arg(last / 1024.0, 0, 'f', 1).arg(peak / 1024.0, 0, 'f', 1),
                QStringLiteral("at 10 s %1 MiB").arg(at10 / 1024.0, 0, 'f', 1), at10 > 0 ? double(last) / at10 : -1,
                QStringLiteral("< 100 MiB, flat (10 %)"), BenchReport::verdict(flat && peak < 100 * 1024),
                QStringLiteral("VmRSS every 5 s (MiB): %1; %2; VmHWM %3 MiB")
                    .arg(mib.join(QLatin1Char(' ')), figures(r, 1, "ev/s")).arg(procStatusKb(pid, "VmHWM") / 1024.0, 0, 'f', 1)});
    return true;
}
