#pragma once
// The phases of one backend's run; each starts its own server. They return
// false when something broke (the server did not start or answer, totals are
// wrong); figures that miss a target are only reported.
#include "benchreport.h"
#include "pgbenchfloor.h"
#include "serverfixture.h"
#include "wrkrunner.h"

struct BenchConfig {
    int seconds = 4;           // KLIV_BENCH_SECONDS, per load phase
    bool quick = false;        // KLIV_BENCH_QUICK=1: shorter RSS run
    int workspaces = 64;       // KLIV_BENCH_WORKSPACES
    int membersPerWorkspace = 4;
    qint64 historyEvents = 1000000;
    int historyMembers = 1000;
    QString workDir;           // temp files (target lists)
};

struct DbFloor {               // pgbench -N on the same PostgreSQL
    bool valid = false;
    PgbenchResult c1, c16;
};

bool runLoadPhase(ServerFixture::Backend backend, const BenchConfig &cfg, const DbFloor &db, BenchReport &report);
bool runHistoryPhase(ServerFixture::Backend backend, const BenchConfig &cfg, BenchReport &report);

// Waits until the server has answered what wrk left in flight (a GET /healthz
// queues behind it), so one phase's backlog does not land in the next one.
bool drain(ServerFixture &fx);

// "12345 ev/s  p50 1.20  p99 4.80 ms"
QString figures(const WrkResult &r, int eventsPerRequest, const char *unit);
