#pragma once
// A fresh database per test: SQLite in a temporary directory, or PostgreSQL
// (KLIV_TEST_PG_URL) in a uniquely named schema that is dropped afterwards.
#include "billing/plancatalog.h"
#include "storage/store.h"

#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace storetest {

class TestDb
{
public:
    enum Kind { Sqlite, Postgres };
    explicit TestDb(Kind kind);
    ~TestDb();

    bool available() const { return m_available; }   // false: PostgreSQL not configured
    QString location() const { return m_location; }  // what Store::open takes
    std::unique_ptr<storage::Store> open(bool listen = true) const;

private:
    Kind m_kind;
    bool m_available = true;
    QString m_location;
    QString m_schema;
    QString m_baseUrl;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// "sqlite" and "postgres" rows for a data-driven test.
void addBackendRows();
// Reads the row; QSKIPs the PostgreSQL row when KLIV_TEST_PG_URL is unset.
#define STORETEST_DB(db)                                                                        \
    QFETCH(int, backend);                                                                       \
    storetest::TestDb db{storetest::TestDb::Kind(backend)};                                     \
    if (!db.available())                                                                        \
        QSKIP("KLIV_TEST_PG_URL is not set: the PostgreSQL row needs a server (./dev test sets it)")

const billing::PlanCatalog &catalog();       // data/plans.json (KLIV_PLANS_FILE)
QDateTime at(const char *rfc3339);

} // namespace storetest
