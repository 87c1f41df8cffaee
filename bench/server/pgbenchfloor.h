#pragma once
// PgbenchFloor: the database floor, pgbench's simple-update transaction (-N)
// on the same PostgreSQL, in its own database (created and dropped here) so
// the server's databases are left alone.
#include <QString>

struct PgbenchResult {
    bool ok = false;
    QString error;
    double tps = 0;
    double latencyMs = 0;      // pgbench's latency average
};

class PgbenchFloor
{
public:
    explicit PgbenchFloor(const QString &serverUrl);   // KLIV_TEST_PG_URL
    ~PgbenchFloor();                                   // drops the database
    bool init(QString *error);                         // CREATE DATABASE + pgbench -i -s 1
    PgbenchResult run(int clients, int threads, int seconds);

private:
    bool psql(const QString &sql, QString *error);
    QString m_adminUrl, m_url, m_database;
    bool m_created = false;
};
