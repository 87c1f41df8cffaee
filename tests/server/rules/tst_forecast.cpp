// The forecast (docs/billing-rules.md, "Forecast"): the pace over the last 7
// full UTC days plus today (from the cycle's or month's first day when that is
// later), and when the remaining credits run out at that pace.
#include "billing/forecast.h"
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

namespace {
Balance paidBalance(const SubscriptionState &s, qint64 usedThisCycle, const QDateTime &now)
{
    UsageTotals t;
    t.usedThisCycle = usedThisCycle;
    return computeBalance(plan(s.planId), s, t, now);
}

QList<DayUsage> daily(const char *first, const QList<qint64> &credits)
{
    QList<DayUsage> days;
    QDate d = utc(first).date();
    for (qint64 c : credits) {
        days.append(DayUsage{d, c});
        d = d.addDays(1);
    }
    return days;
}
} // namespace

class TestForecast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noUsageLastsUntilReset()
    {
        const auto s = paid(QStringLiteral("pro-200"), utc("2026-12-10T14:37:00Z"));
        const QDateTime now = utc("2026-12-20T09:00:00Z");
        const Forecast f = forecast(paidBalance(s, 0, now), {}, now);
        QVERIFY(f.lastsUntilReset);
        QVERIFY(!f.runsOutAt.isValid());
        QCOMPARE(f.resetAt, utc("2027-01-10T14:37:00Z"));
        QCOMPARE(f.windowStart, QDate(2026, 12, 13));
        QCOMPARE(f.windowDays, 8);
        QCOMPARE(f.windowUsed, 0);
        QCOMPARE(f.dailyRate, 0);
        QVERIFY(!f.month);
    }

    void burstOnTheFirstDay()
    {
        // Cycle began 14:37; 150 of 200 spent by 16:00. Today counts as a whole
        // day: 150 a day, the 50 left last 8 hours.
        const auto s = paid(QStringLiteral("pro-200"), utc("2026-12-10T14:37:00Z"));
        // The day also holds 20 credits of the previous plan before 14:37: not counted.
        const QList<DayUsage> days = daily("2026-12-10T00:00:00Z", {170});
        QDateTime now = utc("2026-12-10T16:00:00Z");
        Forecast f = forecast(paidBalance(s, 150, now), days, now);
        QCOMPARE(f.windowStart, QDate(2026, 12, 10));
        QCOMPARE(f.windowDays, 1);
        QCOMPARE(f.windowUsed, 150);
        QCOMPARE(f.dailyRate, 150);
        QVERIFY(!f.lastsUntilReset);
        QCOMPARE(f.runsOutAt, utc("2026-12-11T00:00:00Z"));

        // Nothing more for a week: the burst is spread over 8 days (18.75 a day),
        // the 50 left last 2 2/3 days.
        now = utc("2026-12-17T12:00:00Z");
        f = forecast(paidBalance(s, 150, now), days, now);
        QCOMPARE(f.windowDays, 8);
        QCOMPARE(f.windowUsed, 150);
        QCOMPARE(f.dailyRate, 19);
        QCOMPARE(f.runsOutAt, utc("2026-12-20T04:00:00Z"));

        // One day later the burst day has left the window: they last until the reset.
        now = utc("2026-12-18T12:00:00Z");
        f = forecast(paidBalance(s, 150, now), days, now);
        QCOMPARE(f.windowStart, QDate(2026, 12, 11));
        QCOMPARE(f.windowUsed, 0);
        QVERIFY(f.lastsUntilReset);
        QVERIFY(!f.runsOutAt.isValid());
    }

    void acrossAMonthBoundary()
    {
        // Cycle 12-10 -> 01-10; 10 a day from 12-25. On 01-02 the window is
        // 12-26..01-02 (8 days, 80 credits): 40 left last 4 days.
        const auto s = paid(QStringLiteral("pro-200"), utc("2026-12-10T00:00:00Z"));
        const QDateTime now = utc("2027-01-02T12:00:00Z");
        const QList<DayUsage> days = daily("2026-12-25T00:00:00Z", {10, 10, 10, 10, 10, 10, 10, 10, 10});
        const Forecast f = forecast(paidBalance(s, 160, now), days, now);
        QCOMPARE(f.windowStart, QDate(2026, 12, 26));
        QCOMPARE(f.windowDays, 8);
        QCOMPARE(f.windowUsed, 80);
        QCOMPARE(f.dailyRate, 10);
        QCOMPARE(f.runsOutAt, utc("2027-01-06T12:00:00Z"));
        QVERIFY(!f.lastsUntilReset);
    }

    void lastsPastTheResetAtASlowPace()
    {
        const auto s = paid(QStringLiteral("pro-200"), utc("2026-12-10T00:00:00Z"));
        const QDateTime now = utc("2027-01-08T00:00:00Z");
        // 8 a day: the 40 left would last 5 days, the cycle ends in 2.
        const QList<DayUsage> days = daily("2026-12-31T00:00:00Z", {8, 8, 8, 8, 8, 8, 8, 8});
        const Forecast f = forecast(paidBalance(s, 160, now), days, now);
        QVERIFY(f.lastsUntilReset);
        QCOMPARE(f.resetAt, utc("2027-01-10T00:00:00Z"));
    }

    void nothingLeftRunsOutNow()
    {
        const auto s = paid(QStringLiteral("pro-100"), utc("2026-12-10T00:00:00Z"));
        const QDateTime now = utc("2026-12-12T08:00:00Z");
        const Forecast f = forecast(paidBalance(s, 100, now), {}, now);
        QCOMPARE(f.runsOutAt, now);
        QVERIFY(!f.lastsUntilReset);
    }

    void freeTodayAndMonth()
    {
        // 12-10 12:00, 1 used today, 6 this month (5 on 12-04): 6 over 8 days.
        // Today's 4 last until midnight; the month's 24 last past the 1st.
        QDateTime now = utc("2026-12-10T12:00:00Z");
        QList<DayUsage> days = daily("2026-12-04T00:00:00Z", {5, 0, 0, 0, 0, 0, 1});
        Forecast f = forecast(freeBalance(1, 6, now), days, now);
        QCOMPARE(f.windowStart, QDate(2026, 12, 3));
        QCOMPARE(f.windowDays, 8);
        QCOMPARE(f.windowUsed, 6);
        QCOMPARE(f.dailyRate, 1);
        QVERIFY(f.lastsUntilReset);
        QCOMPARE(f.resetAt, utc("2026-12-11T00:00:00Z"));
        QVERIFY(f.month);
        QCOMPARE(f.month->remaining, 24);
        QVERIFY(f.month->lastsUntilReset);
        QCOMPARE(f.month->resetAt, utc("2027-01-01T00:00:00Z"));

        // 28 of the month's 30 used, 3 today: 2 left (the cap limits), 28 over 8
        // days: they run out in 2 x 8 / 28 days.
        days = daily("2026-12-03T00:00:00Z", {5, 5, 5, 5, 5, 0, 0, 3});
        f = forecast(freeBalance(3, 28, now), days, now);
        QCOMPARE(f.windowUsed, 28);
        QCOMPARE(f.dailyRate, 4);
        QCOMPARE(f.resetAt, utc("2027-01-01T00:00:00Z"));
        QCOMPARE(f.runsOutAt, utc("2026-12-11T01:42:51Z"));
        QCOMPARE(f.month->remaining, 2);
        QCOMPARE(f.month->runsOutAt, utc("2026-12-11T01:42:51Z"));

        // Today's 5 spent: out now; the month's rest still lasts.
        f = forecast(freeBalance(5, 6, now), daily("2026-12-04T00:00:00Z", {1, 0, 0, 0, 0, 0, 5}), now);
        QCOMPARE(f.runsOutAt, now);
        QVERIFY(!f.lastsUntilReset);
        QCOMPARE(f.month->remaining, 24);
        QVERIFY(f.month->lastsUntilReset);
    }

    void freeMonthBoundary()
    {
        // 01-01 10:00: December's use does not count, the window is today only.
        // 2 used: today's 3 last to midnight; the month's 28 at 2 a day last 14 days.
        const QDateTime now = utc("2027-01-01T10:00:00Z");
        const QList<DayUsage> days = daily("2026-12-25T00:00:00Z", {5, 5, 5, 5, 5, 5, 5, 2});
        const Forecast f = forecast(freeBalance(2, 2, now), days, now);
        QCOMPARE(f.windowStart, QDate(2027, 1, 1));
        QCOMPARE(f.windowDays, 1);
        QCOMPARE(f.windowUsed, 2);
        QVERIFY(f.lastsUntilReset);
        QCOMPARE(f.resetAt, utc("2027-01-02T00:00:00Z"));
        QCOMPARE(f.month->runsOutAt, utc("2027-01-15T10:00:00Z"));
        QVERIFY(!f.month->lastsUntilReset);
        QCOMPARE(f.month->resetAt, utc("2027-02-01T00:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
