#pragma once
// Shared helpers for the black-box API suites: every suite runs each test
// function against SQLite and PostgreSQL (global data rows), each on a fresh
// kliv-billingd started by ServerFixture.
#include "serverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <memory>

namespace apitest {

inline void addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(ServerFixture::Sqlite);
    QTest::newRow("postgres") << int(ServerFixture::Postgres);
}

inline QDateTime at(const char *rfc3339) { return ServerFixture::utc(rfc3339); }

// Instants on the wire may carry milliseconds; compare them as instants.
inline QDateTime instant(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// Whole seconds: the dev clock is set with second precision.
inline QDateTime ceilSecond(const QDateTime &t)
{
    const QDateTime floor = t.addMSecs(-t.time().msec());
    return floor < t ? floor.addSecs(1) : floor;
}
inline QDateTime wallClock()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec());
}

inline QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace apitest

// Starts a fresh server for the current global row (QSKIP for PostgreSQL without KLIV_TEST_PG_URL).
#define KLIV_START(fxPtr, clock)                                                                   \
    do {                                                                                           \
        QFETCH_GLOBAL(int, backend);                                                               \
        if (backend == ServerFixture::Postgres && !ServerFixture::postgresAvailable())             \
            QSKIP("KLIV_TEST_PG_URL is not set: the PostgreSQL rows need a server");               \
        fxPtr = std::make_unique<ServerFixture>(ServerFixture::Backend(backend));                  \
        QVERIFY2(fxPtr->start(clock), qPrintable(fxPtr->errorString()));                           \
    } while (false)

// `reply` is evaluated once (QVERIFY2 evaluates its message too: a request
// written in place would otherwise be sent twice).
#define KLIV_VERIFY_STATUS(reply, expected)                                                        \
    do {                                                                                           \
        const HttpReply klivReply_ = (reply);                                                      \
        QVERIFY2(klivReply_.status == (expected),                                                  \
                 qPrintable(QStringLiteral("expected HTTP %1, got %2").arg(expected).arg(klivReply_.describe()))); \
    } while (false)

// A JSON member compared as an instant.
#define KLIV_COMPARE_AT(jsonValue, rfc3339)                                                        \
    QVERIFY2(apitest::instant(jsonValue) == apitest::at(rfc3339),                                  \
             qPrintable(QStringLiteral("expected %1, got %2").arg(QLatin1String(rfc3339),          \
                                                                  (jsonValue).toVariant().toString())))

// For suites with members `fx` (the fixture), `m_ws`, `m_service` and `m_key`:
// move the dev clock, and spend on the owner with a fresh idempotency key (201).
#define KLIV_CLOCK(t) QVERIFY2(fx->setClock(apitest::at(t)), qPrintable(fx->errorString()))
#define KLIV_SPEND_OK(credits)                                                                     \
    do {                                                                                           \
        const HttpReply r_ = fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, credits,            \
                                       QStringLiteral("key-%1").arg(++m_key));                     \
        KLIV_VERIFY_STATUS(r_, 201);                                                               \
    } while (false)
