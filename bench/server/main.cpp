// kliv-bench-server: benchmarks of kliv-billingd through its public HTTP API
// and operator commands, on loopback. The load comes from wrk (-t1 --latency,
// Lua scripts in bench/server/wrk); every figure is printed beside a floor
// measured in the same run: GET /healthz on the same server (HTTP), and
// pgbench -N on the same PostgreSQL (database).
//
// Per backend (SQLite, then PostgreSQL on KLIV_TEST_PG_URL), each on fresh servers:
//   loadphase.cpp     HTTP floor, usage events single and in batches of 100,
//                     GET balance during sign-ins, RSS under load;
//   historyphase.cpp  GET month usage over 1,000,000 seeded events, with and
//                     without 16 concurrent writers.
//
// Environment: KLIV_BUILD_DIR (the server binary), KLIV_SOURCE_DIR (the wrk
// scripts), KLIV_TEST_PG_URL, KLIV_BENCH_SECONDS (per load phase, 4),
// KLIV_BENCH_QUICK=1 (a 20 s RSS run instead of 60 s), KLIV_BENCH_BACKENDS
// ("sqlite,postgres"), KLIV_BENCH_WORKSPACES (64), KLIV_BENCH_HISTORY_EVENTS
// (1000000), KLIV_BENCH_HISTORY_MEMBERS (1000), KLIV_BENCH_VERBOSE=1 (wrk's raw output).
// Exit status: 0 when it ran (missed targets are information), 1 when something
// broke (a server did not start, a tool failed, totals were wrong).
#include "benchphases.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

namespace {
int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

bool measureDbFloor(DbFloor *db, int seconds, BenchReport &report)
{
    PgbenchFloor floor(qEnvironmentVariable("KLIV_TEST_PG_URL"));
    QString error;
    if (!floor.init(&error)) {
        benchProgress(QStringLiteral("pg: BROKEN: ") + error);
        return false;
    }
    db->c1 = floor.run(1, 1, seconds);
    db->c16 = floor.run(16, 2, seconds);
    for (const PgbenchResult *r : {&db->c1, &db->c16}) {
        if (!r->ok) {
            benchProgress(QStringLiteral("pg: BROKEN: ") + r->error);
            return false;
        }
    }
    db->valid = true;
    report.add({QStringLiteral("DB floor: pgbench -N -c 1 -j 1"),
                QStringLiteral("%1 tps  latency avg %2 ms").arg(db->c1.tps, 0, 'f', 0).arg(db->c1.latencyMs, 0, 'f', 2), {}, -1, {},
                Verdict::None, {}});
    report.add({QStringLiteral("DB floor: pgbench -N -c 16 -j 2"),
                QStringLiteral("%1 tps  latency avg %2 ms").arg(db->c16.tps, 0, 'f', 0).arg(db->c16.latencyMs, 0, 'f', 2), {}, -1, {},
                Verdict::None, {}});
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // KLIV_BENCH_VERBOSE=1 shows each wrk command line and its raw figures.
    QLoggingCategory::setFilterRules(qEnvironmentVariableIntValue("KLIV_BENCH_VERBOSE") == 1
                                         ? QStringLiteral("kliv.test.fixture.debug=false")
                                         : QStringLiteral("kliv.test.fixture.debug=false\nkliv.bench.wrk.debug=false"));
    QString why;
    if (!WrkRunner::available(&why)) {
        benchProgress(QStringLiteral("BROKEN: ") + why);
        return 1;
    }
    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/kliv-bench-XXXXXX"));
    BenchConfig cfg;
    cfg.seconds = envInt("KLIV_BENCH_SECONDS", 4);
    cfg.quick = qEnvironmentVariableIntValue("KLIV_BENCH_QUICK") == 1;
    cfg.workspaces = envInt("KLIV_BENCH_WORKSPACES", 64);
    cfg.historyEvents = envInt("KLIV_BENCH_HISTORY_EVENTS", 1000000);
    cfg.historyMembers = envInt("KLIV_BENCH_HISTORY_MEMBERS", 1000);
    cfg.workDir = work.path();

    BenchReport report;
    bool ok = work.isValid();
    const QStringList backends = qEnvironmentVariable("KLIV_BENCH_BACKENDS", QStringLiteral("sqlite,postgres"))
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : backends) {
        const bool pg = name == QLatin1String("postgres");
        if (!pg && name != QLatin1String("sqlite")) {
            benchProgress(QStringLiteral("BROKEN: unknown backend %1 (sqlite, postgres)").arg(name));
            ok = false;
            continue;
        }
        if (pg && !ServerFixture::postgresAvailable()) {
            benchProgress(QStringLiteral("postgres: skipped, KLIV_TEST_PG_URL is not set"));
            continue;
        }
        report.beginTable(pg ? QStringLiteral("PostgreSQL (%1)").arg(qEnvironmentVariable("KLIV_TEST_PG_URL"))
                             : QStringLiteral("SQLite (--data in a temp dir)"));
        DbFloor db;
        if (pg && !measureDbFloor(&db, cfg.seconds, report)) {
            ok = false;
            continue;
        }
        const ServerFixture::Backend backend = pg ? ServerFixture::Postgres : ServerFixture::Sqlite;
        ok = runLoadPhase(backend, cfg, db, report) && ok;
        ok = runHistoryPhase(backend, cfg, report) && ok;
    }
    report.print();
    std::printf("\nratio: the figure's rate over the floor's rate; for reads under load, p99 over the floor's p99.\n"
                "load: %d workspaces on Pro 800 (+1,000,000-credit grant), %d members each, round-robin; "
                "history: %lld events, %d members, this month.\n",
                cfg.workspaces, cfg.membersPerWorkspace, static_cast<long long>(cfg.historyEvents), cfg.historyMembers);
    return ok ? 0 : 1;
}
