// The wire's instants are formatted by hand (hot path): they must be exactly
// what Qt's ISO formats give in UTC, for every instant a workspace can meet.
#include "storage/wirejson.h"

#include <QRandomGenerator>
#include <QTest>

class WireJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void instantsMatchQt()
    {
        auto qt = [](const QDateTime &t) {
            const QDateTime u = t.toUTC();
            return u.toString(u.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
        };
        const QList<QDateTime> fixed = {
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(2000, 3, 1), QTime(0, 0, 0, 1), Qt::UTC),
            QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 500), Qt::UTC),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC),
            QDateTime(QDate(2026, 12, 1), QTime(1, 0), Qt::OffsetFromUTC, 3600),   // not UTC: converted
        };
        for (const QDateTime &t : fixed)
            QCOMPARE(storage::toRfc3339(t), qt(t));
        QRandomGenerator rng(20261201);
        const qint64 span = QDateTime(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        for (int i = 0; i < 200000; ++i) {
            const qint64 ms = qint64(rng.bounded(quint64(2 * span))) - span / 4;
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(storage::toRfc3339(t), qt(t));
        }
        QVERIFY(storage::toRfc3339(QDateTime()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(WireJson)
#include "tst_wirejson.moc"
