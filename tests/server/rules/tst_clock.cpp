// ManualClock: the development clock follows real time from its base, can be
// frozen, and never moves back.
#include "billing/clock.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace billing;

namespace {
QDateTime utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC(); }
}

class TestClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsRealTimeFromItsBase()
    {
        const QDateTime base = utc("2026-12-01T00:00:00Z");
        ManualClock c(base);
        const QDateTime first = c.now();
        QVERIFY(first >= base);
        QVERIFY(first < base.addSecs(5));
        QThread::msleep(30);
        const QDateTime later = c.now();
        QVERIFY2(base.msecsTo(later) >= 25, qPrintable(later.toString(Qt::ISODateWithMs)));
        QCOMPARE(later.timeSpec(), Qt::UTC);
    }

    void frozenStandsStill()
    {
        ManualClock c(utc("2026-12-01T00:00:00Z"));
        c.setFrozen(true);
        const QDateTime t = c.now();
        QThread::msleep(20);
        QCOMPARE(c.now(), t);
        QVERIFY(c.setNow(utc("2026-12-24T18:00:00Z")));
        QThread::msleep(10);
        QCOMPARE(c.now(), utc("2026-12-24T18:00:00Z"));
        // Thawing continues from the frozen instant, without a jump.
        c.setFrozen(false);
        const QDateTime thawed = c.now();
        QVERIFY(thawed >= utc("2026-12-24T18:00:00Z"));
        QVERIFY(thawed < utc("2026-12-24T18:00:05Z"));
    }

    void neverMovesBack_data()
    {
        QTest::addColumn<bool>("frozen");
        QTest::newRow("frozen") << true;
        QTest::newRow("running") << false;
    }
    void neverMovesBack()
    {
        QFETCH(bool, frozen);
        ManualClock c(utc("2026-12-10T12:00:00Z"));
        c.setFrozen(frozen);
        QVERIFY(!c.setNow(utc("2026-12-10T11:59:59Z")));
        QVERIFY(!c.setNow(utc("2025-01-01T00:00:00Z")));
        QVERIFY(!c.setNow(QDateTime()));
        QVERIFY(c.now() >= utc("2026-12-10T12:00:00Z"));
        QVERIFY(c.setNow(utc("2027-01-10T00:00:00Z")));
        QVERIFY(c.now() >= utc("2027-01-10T00:00:00Z"));
        QVERIFY(!c.setNow(utc("2027-01-09T23:59:59Z")));
        QVERIFY(c.now() >= utc("2027-01-10T00:00:00Z"));
        // Many reads in a row never decrease.
        QDateTime prev = c.now();
        for (int i = 0; i < 1000; ++i) {
            const QDateTime t = c.now();
            QVERIFY(t >= prev);
            prev = t;
        }
    }

    // Request threads read while the dev clock route moves it: every reader
    // sees a non-decreasing time and the final move sticks.
    void concurrentReadersNeverSeeTimeGoBack()
    {
        ManualClock c(utc("2026-12-01T00:00:00Z"));
        std::atomic<bool> wentBack = false;
        QList<QThread *> readers;
        for (int i = 0; i < 3; ++i) {
            readers.append(QThread::create([&c, &wentBack] {
                QDateTime prev = c.now();
                for (int n = 0; n < 20000; ++n) {
                    const QDateTime t = c.now();
                    if (t < prev)
                        wentBack = true;
                    prev = t;
                }
            }));
            readers.last()->start();
        }
        QDateTime target = utc("2026-12-01T00:00:00Z");
        for (int n = 0; n < 2000; ++n) {
            target = target.addSecs(3600);
            QVERIFY(c.setNow(target));
            QVERIFY(!c.setNow(target.addSecs(-1)));
        }
        for (QThread *t : std::as_const(readers)) {
            QVERIFY(t->wait(30000));
            delete t;
        }
        QVERIFY(!wentBack);
        QVERIFY(c.now() >= target);
    }

    void offsetInputIsStoredAsUtc()
    {
        ManualClock c(QDateTime::fromString(QStringLiteral("2026-12-01T01:00:00+01:00"), Qt::ISODate));
        c.setFrozen(true);
        QCOMPARE(c.now(), utc("2026-12-01T00:00:00Z"));
        QCOMPARE(c.now().timeSpec(), Qt::UTC);
        QVERIFY(c.setNow(QDateTime::fromString(QStringLiteral("2026-12-01T03:00:00+02:00"), Qt::ISODate)));
        QCOMPARE(c.now(), utc("2026-12-01T01:00:00Z"));
        QCOMPARE(c.now().timeSpec(), Qt::UTC);
    }

    void defaultStartsAtSystemTime()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        ManualClock c;
        const QDateTime t = c.now();
        QVERIFY(t >= before.addMSecs(-1));
        QVERIFY(t <= QDateTime::currentDateTimeUtc().addMSecs(1));
        ManualClock invalid{QDateTime()};
        QVERIFY(invalid.now().isValid());
        SystemClock s;
        QCOMPARE(s.now().timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
