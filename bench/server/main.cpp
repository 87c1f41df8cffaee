// kliv-bench-server: load generator for kliv-billingd on loopback.
//
// For SQLite and (with KLIV_TEST_PG_URL) PostgreSQL, on a fresh server each:
//   1. usage recording, single events and batches of 100, with 1/16/64 keep-alive
//      connections: events/s and request latency p50/p99;
//   2. the month's history of a workspace with 1,000 members and 1,000,000 events:
//      p50/p99 of GET /v1/workspaces/{ws}/usage?month=<this month>.
// The history is seeded through the public API: the members with POST .../members,
// the events with POST .../usage/batch (100 per request, 16 connections), one
// UTC day at a time from today to the end of the month (the dev clock, started at
// the wall clock, is moved to each day), spread round-robin over the members,
// 40 projects and 8 activities.
//
// Bounded: every phase stops at a request count or a time limit, and the whole run
// at KLIV_BENCH_MAX_SECONDS. Knobs (environment): KLIV_BENCH_SECONDS (per load
// phase, default 3), KLIV_BENCH_HISTORY_EVENTS (1000000), KLIV_BENCH_HISTORY_MEMBERS
// (1000), KLIV_BENCH_SEED_SECONDS (cap per backend, 300), KLIV_BENCH_MAX_SECONDS (900),
// KLIV_BENCH_BACKENDS ("sqlite,postgres").
#include "loadrunner.h"
#include "serverfixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <cstdio>

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

struct Row {
    QString backend, scenario;
    int clients = 0;
    LoadResult r;
    QString target;     // e.g. ">= 20000 ev/s, p99 < 20 ms"
    bool met = true;
    QString note;
};

QList<Row> g_rows;
QElapsedTimer g_total;
int g_maxSeconds = 1200;
bool g_failed = false;

bool outOfTime() { return g_total.elapsed() > qint64(g_maxSeconds) * 1000; }

void progress(const QString &s)
{
    std::fprintf(stderr, "[bench %6.1fs] %s\n", g_total.elapsed() / 1000.0, qPrintable(s));
}

void record(Row row)
{
    progress(QStringLiteral("%1 %2 x%3: %4 events in %5 s = %6 ev/s, p50 %7 ms, p99 %8 ms%9")
                 .arg(row.backend, row.scenario).arg(row.clients).arg(row.r.events).arg(row.r.seconds, 0, 'f', 2)
                 .arg(row.r.perSecond(), 0, 'f', 0).arg(row.r.percentileMs(50), 0, 'f', 2)
                 .arg(row.r.percentileMs(99), 0, 'f', 2)
                 .arg(row.r.failures ? QStringLiteral(", %1 FAILED: %2").arg(row.r.failures).arg(row.r.firstFailure) : QString()));
    if (row.r.failures)
        g_failed = true;
    g_rows.append(row);
}

QByteArray usageJson(const QString &member, const QString &key, const QString &project, const QString &activity)
{
    return QJsonDocument(ServerFixture::usageBody(member, 1, key, project, activity)).toJson(QJsonDocument::Compact);
}

const char *const kActivities[] = {"generate_page", "rewrite_text", "image", "translate", "seo", "layout", "chat", "publish"};

QByteArray batchJson(const QStringList &members, qint64 first, const QString &prefix)
{
    QJsonArray events;
    for (int j = 0; j < 100; ++j) {
        const qint64 n = first + j;
        events.append(ServerFixture::usageBody(members[n % members.size()], 1, prefix + QString::number(n),
                                               QStringLiteral("project-%1").arg(n % 40),
                                               QLatin1String(kActivities[n % 8])));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
}

bool batchOk(const HttpReply &r)
{
    if (r.status != 200)
        return false;
    const QJsonArray results = r.jsonArray("results");
    if (results.size() != 100)
        return false;
    for (const QJsonValue &v : results)
        if (v[QLatin1String("status")].toInt() != 201)
            return false;
    return true;
}

void usageRecording(ServerFixture &fx, const QString &backend)
{
    const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Bench"), QStringLiteral("bench@kliv.test"));
    if (!ws.isValid() || fx.setPlan(ws.id, QStringLiteral("enterprise"), 1000000000).isEmpty()) {
        progress(QStringLiteral("setup failed: ") + fx.errorString());
        g_failed = true;
        return;
    }
    const QByteArray service = fx.issueServiceToken().toUtf8();
    const QByteArray single = "/v1/workspaces/" + ws.id.toUtf8() + "/usage";
    const QByteArray batch = single + "/batch";
    const int seconds = envInt("KLIV_BENCH_SECONDS", 3);
    int run = 0;
    // Warm-up: connections, statement caches.
    runLoad(fx.baseUrl(), {4, 200, 5000, 1, [&](qint64 i) {
        return HttpConnection::buildRequest("POST", single, usageJson(ws.ownerMemberId, QStringLiteral("warm-%1").arg(i), QStringLiteral("p"), QStringLiteral("a")), service);
    }, [](const HttpReply &r) { return r.status == 201; }});
    for (int clients : {1, 16, 64}) {
        if (outOfTime())
            return;
        ++run;
        LoadSpec s{clients, 200000, seconds * 1000, 1, [&, run](qint64 i) {
            return HttpConnection::buildRequest("POST", single,
                                                usageJson(ws.ownerMemberId, QStringLiteral("s%1-%2").arg(run).arg(i),
                                                          QStringLiteral("project-%1").arg(i % 40), QLatin1String(kActivities[i % 8])),
                                                service);
        }, [](const HttpReply &r) { return r.status == 201; }};
        Row row{backend, QStringLiteral("usage, single event"), clients, runLoad(fx.baseUrl(), s),
                QStringLiteral("p99 < 20 ms"), true, {}};
        row.met = row.r.failures == 0 && row.r.percentileMs(99) < 20;
        record(row);
    }
    const QStringList members = {ws.ownerMemberId};
    for (int clients : {1, 16, 64}) {
        if (outOfTime())
            return;
        ++run;
        LoadSpec s{clients, 20000, seconds * 1000, 100, [&, run](qint64 i) {
            return HttpConnection::buildRequest("POST", batch, batchJson(members, i * 100, QStringLiteral("b%1-").arg(run)), service);
        }, batchOk};
        Row row{backend, QStringLiteral("usage, batch of 100"), clients, runLoad(fx.baseUrl(), s),
                QStringLiteral(">= 20000 ev/s, p99 < 20 ms"), true, {}};
        row.met = row.r.failures == 0 && row.r.perSecond() >= 20000 && row.r.percentileMs(99) < 20;
        record(row);
    }
}

void history(ServerFixture &fx, const QString &backend)
{
    const int wantEvents = envInt("KLIV_BENCH_HISTORY_EVENTS", 1000000);
    const int wantMembers = envInt("KLIV_BENCH_HISTORY_MEMBERS", 1000);
    const int seedCapMs = envInt("KLIV_BENCH_SEED_SECONDS", 300) * 1000;
    const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("History"), QStringLiteral("history@kliv.test"));
    if (!ws.isValid() || fx.setPlan(ws.id, QStringLiteral("enterprise"), 1000000000).isEmpty()) {
        progress(QStringLiteral("history setup failed: ") + fx.errorString());
        g_failed = true;
        return;
    }
    const QString owner = fx.issueUserToken(ws.ownerEmail);
    const QByteArray service = fx.issueServiceToken().toUtf8();
    QStringList members = {ws.ownerMemberId};
    QElapsedTimer t;
    t.start();
    while (members.size() < wantMembers) {
        const HttpReply r = fx.post(QStringLiteral("/v1/workspaces/%1/members").arg(ws.id),
                                    {{QStringLiteral("email"), QStringLiteral("member%1@history.test").arg(members.size())},
                                     {QStringLiteral("name"), QStringLiteral("Member %1").arg(members.size())},
                                     {QStringLiteral("role"), QStringLiteral("member")}}, owner);
        if (r.status != 201) {
            progress(QStringLiteral("adding a member failed: ") + r.describe());
            g_failed = true;
            return;
        }
        members.append(r.json()[QLatin1String("id")].toString());
    }
    progress(QStringLiteral("%1 members added in %2 s").arg(members.size()).arg(t.elapsed() / 1000.0));

    // One day at a time, from today to the end of the month, so the month has
    // a per-day spread.
    t.restart();
    const QByteArray batch = "/v1/workspaces/" + ws.id.toUtf8() + "/usage/batch";
    const QDate firstDay = fx.clock().date();
    const int days = firstDay.daysInMonth() - firstDay.day() + 1;
    const qint64 perDay = (wantEvents + days - 1) / days;
    qint64 seeded = 0;
    for (int day = 0; day < days && seeded < wantEvents && t.elapsed() < seedCapMs && !outOfTime(); ++day) {
        if (day > 0 && !fx.setClock(QDateTime(firstDay.addDays(day), QTime(0, 0, 1), Qt::UTC))) {
            progress(fx.errorString());
            g_failed = true;
            return;
        }
        const qint64 requests = std::min(perDay, wantEvents - seeded) / 100;
        const qint64 base = seeded;
        const LoadResult r = runLoad(fx.baseUrl(), {16, requests, int(seedCapMs - t.elapsed()), 100, [&](qint64 i) {
            return HttpConnection::buildRequest("POST", batch, batchJson(members, base + i * 100, QStringLiteral("h-")), service);
        }, batchOk});
        seeded += r.events;
        if (r.failures) {
            progress(QStringLiteral("seeding failed: ") + r.firstFailure);
            g_failed = true;
            return;
        }
    }
    const double seedSeconds = t.elapsed() / 1000.0;
    progress(QStringLiteral("seeded %1 events in %2 s (%3 ev/s)").arg(seeded).arg(seedSeconds).arg(seeded / seedSeconds, 0, 'f', 0));

    const QByteArray month = firstDay.toString(QStringLiteral("yyyy-MM")).toUtf8();
    const QByteArray usage = "/v1/workspaces/" + ws.id.toUtf8() + "/usage?month=" + month;
    const HttpReply check = fx.get(QString::fromUtf8(usage), owner);
    const qint64 total = check.json()[QLatin1String("total")].toInteger(-1);
    const qint64 byMember = check.jsonArray("by_member").size();
    QString note = QStringLiteral("%1 events, %2 members seeded in %3 s").arg(seeded).arg(members.size()).arg(seedSeconds, 0, 'f', 0);
    if (check.status != 200 || total != seeded || byMember != members.size()) {
        note += QStringLiteral("; WRONG ANSWER: total %1, by_member %2 (%3)").arg(total).arg(byMember).arg(check.describe().left(200));
        g_failed = true;
    }
    for (int clients : {1, 16}) {
        if (outOfTime())
            return;
        LoadSpec s{clients, clients * 100, 30000, 1, [&](qint64) {
            return HttpConnection::buildRequest("GET", usage, {}, owner.toUtf8());
        }, [](const HttpReply &r) { return r.status == 200; }};
        Row row{backend, QStringLiteral("GET month usage"), clients, runLoad(fx.baseUrl(), s), QStringLiteral("p99 < 50 ms"), true, note};
        row.r.events = row.r.requests; // a "event" here is one answered request
        row.met = row.r.failures == 0 && row.r.percentileMs(99) < 50 && seeded >= wantEvents;
        record(row);
    }
    const QByteArray entries = "/v1/workspaces/" + ws.id.toUtf8() + "/usage/entries?month=" + month + "&limit=100";
    LoadSpec s{1, 100, 30000, 1, [&](qint64) { return HttpConnection::buildRequest("GET", entries, {}, owner.toUtf8()); },
               [](const HttpReply &r) { return r.status == 200; }};
    Row row{backend, QStringLiteral("GET entries (100)"), 1, runLoad(fx.baseUrl(), s), QStringLiteral("(no target)"), true, {}};
    row.r.events = row.r.requests;
    record(row);
}

void printTable()
{
    std::printf("\nkliv-billingd benchmark (loopback, %s)\n", qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    std::printf("%-9s %-22s %7s %10s %9s %11s %9s %9s  %-28s %s\n", "backend", "scenario", "clients", "events",
                "seconds", "per second", "p50 ms", "p99 ms", "target", "");
    for (const Row &row : std::as_const(g_rows)) {
        std::printf("%-9s %-22s %7d %10lld %9.2f %11.0f %9.2f %9.2f  %-28s %s\n", qPrintable(row.backend),
                    qPrintable(row.scenario), row.clients, row.r.events, row.r.seconds, row.r.perSecond(),
                    row.r.percentileMs(50), row.r.percentileMs(99), qPrintable(row.target),
                    row.met ? "met" : "MISSED");
        if (!row.note.isEmpty())
            std::printf("%-9s   %s\n", "", qPrintable(row.note));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kliv.test.fixture.debug=false"));
    g_total.start();
    g_maxSeconds = envInt("KLIV_BENCH_MAX_SECONDS", 900);
    const QStringList backends = qEnvironmentVariable("KLIV_BENCH_BACKENDS", QStringLiteral("sqlite,postgres"))
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &backend : backends) {
        const bool pg = backend == QLatin1String("postgres");
        if (pg && !ServerFixture::postgresAvailable()) {
            progress(QStringLiteral("postgres: skipped, KLIV_TEST_PG_URL is not set"));
            continue;
        }
        for (auto phase : {usageRecording, history}) {
            if (outOfTime())
                break;
            ServerFixture fx(pg ? ServerFixture::Postgres : ServerFixture::Sqlite);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!fx.start(now.addMSecs(-now.time().msec()))) {
                progress(fx.errorString());
                printTable();
                return 1;
            }
            phase(fx, backend);
        }
    }
    if (outOfTime())
        progress(QStringLiteral("stopped at the time limit (KLIV_BENCH_MAX_SECONDS=%1)").arg(g_maxSeconds));
    printTable();
    return g_failed ? 1 : 0;
}
