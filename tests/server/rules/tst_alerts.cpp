// Credit alerts (billing-rules.md, "Alerts"): which thresholds a spend crosses.
#include "billing/alerts.h"

#include <QTest>

using namespace billing;

namespace {
QDateTime at(const char *s) { return QDateTime::fromString(QString::fromLatin1(s), Qt::ISODate); }

Balance cycle(qint64 used, qint64 allowance)
{
    Balance b;
    b.periodKind = PeriodKind::Cycle;
    b.used = used;
    b.allowance = allowance;
    b.remaining = std::max<qint64>(0, allowance - used);
    b.periodStart = at("2026-12-17T00:00:00Z");
    b.periodEnd = at("2027-01-17T00:00:00Z");
    return b;
}

Balance freeDay(qint64 usedToday, qint64 usedMonth)
{
    Balance b;
    b.periodKind = PeriodKind::Day;
    b.used = usedToday;
    b.allowance = 5;
    b.remaining = std::min<qint64>(5 - usedToday, 30 - usedMonth);
    b.periodStart = at("2026-12-20T00:00:00Z");
    b.periodEnd = at("2026-12-21T00:00:00Z");
    b.monthlyCap = Balance::MonthlyCap{usedMonth, 30};
    return b;
}

QStringList names(const QList<CreditAlert> &alerts)
{
    QStringList out;
    for (const auto &a : alerts)
        out << QStringLiteral("%1:%2").arg(a.scope).arg(a.threshold);
    return out;
}
} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paidCycle_data()
    {
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("below 75") << 0 << 149 << QStringList();
        QTest::newRow("exactly 75") << 149 << 150 << QStringList{"cycle:75"};
        QTest::newRow("already past 75") << 150 << 170 << QStringList();
        QTest::newRow("74.5 % is not 75") << 100 << 149 << QStringList();
        QTest::newRow("75 and 90 at once") << 140 << 185 << QStringList{"cycle:75", "cycle:90"};
        QTest::newRow("the last credit") << 199 << 200 << QStringList{"cycle:100"};
        QTest::newRow("all three") << 0 << 200 << QStringList{"cycle:75", "cycle:90", "cycle:100"};
    }
    void paidCycle()
    {
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(QStringList, expected);
        const auto alerts = crossedThresholds(cycle(before, 200), cycle(after, 200), at("2026-12-20T10:00:00Z"));
        QCOMPARE(names(alerts), expected);
        for (const auto &a : alerts) {
            QCOMPARE(a.periodStart, at("2026-12-17T00:00:00Z"));
            QCOMPARE(a.resetsAt, at("2027-01-17T00:00:00Z"));
            QCOMPARE(a.used, after);
            QCOMPARE(a.remaining, 200 - after);
        }
    }

    void unfundedCycleAnnouncesNothing()
    {
        QVERIFY(crossedThresholds(cycle(0, 0), cycle(0, 0), at("2026-12-20T10:00:00Z")).isEmpty());
    }

    void aNewCycleStartsFromZero()
    {
        Balance old = cycle(190, 200);
        old.periodStart = at("2026-11-17T00:00:00Z");
        QCOMPARE(names(crossedThresholds(old, cycle(160, 200), at("2026-12-20T10:00:00Z"))), QStringList{"cycle:75"});
    }

    void freeDayAndMonth()
    {
        const QDateTime now = at("2026-12-20T10:00:00Z");
        QCOMPARE(names(crossedThresholds(freeDay(3, 10), freeDay(4, 11), now)), QStringList{"day:75"});
        QCOMPARE(names(crossedThresholds(freeDay(4, 11), freeDay(5, 12), now)), (QStringList{"day:90", "day:100"}));
        // 22 -> 23 of the month's 30 is 76.7 %: the month's 75 (the day's 1 of 5 is nothing).
        QCOMPARE(names(crossedThresholds(freeDay(0, 22), freeDay(1, 23), now)), QStringList{"month:75"});
        const auto last = crossedThresholds(freeDay(2, 29), freeDay(3, 30), now);
        QCOMPARE(names(last), QStringList{"month:100"});   // the day's 3 of 5 is 60 %
        QCOMPARE(last.last().periodStart, at("2026-12-01T00:00:00Z"));
        QCOMPARE(last.last().resetsAt, at("2027-01-01T00:00:00Z"));
        QCOMPARE(last.last().remaining, 0);
    }
};

QTEST_APPLESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
