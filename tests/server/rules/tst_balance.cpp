// Balances (docs/billing-rules.md, "Balance"): derived from plan, state and
// usage totals; never negative; the refill schedule shown with them.
#include "rulesfixture.h"

#include "billing/memberlimit.h"

using namespace billing;
using namespace rulestest;

class TestBalance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void free_data()
    {
        QTest::addColumn<qint64>("usedToday");
        QTest::addColumn<qint64>("usedMonth");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<QDateTime>("nextRefill");
        QTest::addColumn<bool>("capReached");

        const QDateTime d = utc("2026-12-10T15:00:00Z");
        const QDateTime tomorrow = utc("2026-12-11T00:00:00Z");
        const QDateTime nextMonth = utc("2027-01-01T00:00:00Z");
        QTest::newRow("fresh day") << 0LL << 0LL << d << 5LL << tomorrow << false;
        QTest::newRow("some used") << 3LL << 10LL << d << 2LL << tomorrow << false;
        QTest::newRow("day spent") << 5LL << 10LL << d << 0LL << tomorrow << false;
        QTest::newRow("month leaves 2") << 0LL << 28LL << d << 2LL << nextMonth << false;
        QTest::newRow("cap blocks tomorrow") << 3LL << 28LL << d << 2LL << nextMonth << false;
        QTest::newRow("month rest equals day rest") << 0LL << 25LL << d << 5LL << nextMonth << false;
        QTest::newRow("day limits, month has 3 more") << 5LL << 27LL << d << 0LL << tomorrow << false;
        QTest::newRow("cap reached") << 5LL << 30LL << d << 0LL << nextMonth << true;
        QTest::newRow("over the cap") << 0LL << 41LL << d << 0LL << nextMonth << true;
        QTest::newRow("over the day") << 9LL << 9LL << d << 0LL << tomorrow << false;
        QTest::newRow("last day of year") << 1LL << 1LL << utc("2026-12-31T23:00:00Z") << 4LL << nextMonth << false;
        QTest::newRow("leap day") << 0LL << 0LL << utc("2028-02-29T12:00:00Z") << 5LL << utc("2028-03-01T00:00:00Z") << false;
        QTest::newRow("Feb 28 non-leap") << 0LL << 0LL << utc("2027-02-28T12:00:00Z") << 5LL << utc("2027-03-01T00:00:00Z") << false;
        QTest::newRow("cap in leap February") << 0LL << 30LL << utc("2028-02-10T00:00:00Z") << 0LL << utc("2028-03-01T00:00:00Z") << true;
        QTest::newRow("exactly midnight") << 0LL << 0LL << utc("2027-01-01T00:00:00Z") << 5LL << utc("2027-01-02T00:00:00Z") << false;
    }
    void free()
    {
        QFETCH(qint64, usedToday);
        QFETCH(qint64, usedMonth);
        QFETCH(QDateTime, now);
        QFETCH(qint64, remaining);
        QFETCH(QDateTime, nextRefill);
        QFETCH(bool, capReached);
        const Balance b = freeBalance(usedToday, usedMonth, now);
        QCOMPARE(b.remaining, remaining);
        QCOMPARE(b.nextRefillAt, nextRefill);
        QCOMPARE(b.monthlyCapReached, capReached);
        QCOMPARE(b.allowance, 5);
        QCOMPARE(b.used, usedToday);
        QCOMPARE(b.periodKind, PeriodKind::Day);
        QCOMPARE(b.periodStart, now.date().startOfDay(Qt::UTC));
        QCOMPARE(b.periodEnd, now.date().addDays(1).startOfDay(Qt::UTC));
        QVERIFY(b.monthlyCap);
        QCOMPARE(b.monthlyCap->used, usedMonth);
        QCOMPARE(b.monthlyCap->cap, 30);
        QCOMPARE(b.nextRefillAt.timeSpec(), Qt::UTC);
        QVERIFY(!canSpend(b, remaining + 1)); // a request above remaining is refused whole
        QCOMPARE(canSpend(b, remaining), remaining > 0);
    }

    void paid_data()
    {
        QTest::addColumn<QString>("tier");
        QTest::addColumn<bool>("funded");
        QTest::addColumn<int>("customAllowance");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("grants");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<qint64>("allowance");
        QTest::newRow("pro-200 fresh") << "pro-200" << true << 0 << 0LL << 0LL << 200LL << 200LL;
        QTest::newRow("all in one day") << "pro-200" << true << 0 << 200LL << 0LL << 0LL << 200LL;
        QTest::newRow("grant extends the pool") << "pro-200" << true << 0 << 200LL << 50LL << 50LL << 250LL;
        QTest::newRow("grant after overuse") << "pro-100" << true << 0 << 180LL << 50LL << 0LL << 150LL;
        QTest::newRow("usage above allowance") << "pro-200" << true << 0 << 350LL << 0LL << 0LL << 200LL;
        QTest::newRow("unfunded cycle") << "pro-400" << false << 0 << 0LL << 0LL << 0LL << 0LL;
        QTest::newRow("unfunded with grant") << "pro-400" << false << 0 << 4LL << 10LL << 6LL << 10LL;
        QTest::newRow("enterprise contract") << "enterprise" << true << 5000 << 1200LL << 0LL << 3800LL << 5000LL;
        QTest::newRow("enterprise without contract") << "enterprise" << true << 0 << 0LL << 0LL << 0LL << 0LL;
        QTest::newRow("pro ignores customAllowance") << "pro-100" << true << 9999 << 0LL << 0LL << 100LL << 100LL;
    }
    void paid()
    {
        QFETCH(QString, tier);
        QFETCH(bool, funded);
        QFETCH(int, customAllowance);
        QFETCH(qint64, used);
        QFETCH(qint64, grants);
        QFETCH(qint64, remaining);
        QFETCH(qint64, allowance);
        SubscriptionState s = rulestest::paid(tier, utc("2026-12-10T00:00:00Z"));
        s.cycleFunded = funded;
        s.customAllowance = customAllowance;
        UsageTotals t;
        t.usedThisCycle = used;
        t.grantsThisCycle = grants;
        t.usedTodayOnFree = 3;      // Free counters play no part on paid plans
        t.usedThisMonthOnFree = 30;
        const Balance b = computeBalance(plan(tier), s, t, utc("2026-12-20T10:00:00Z"));
        QCOMPARE(b.remaining, remaining);
        QCOMPARE(b.allowance, allowance);
        QCOMPARE(b.used, used);
        QCOMPARE(b.periodKind, PeriodKind::Cycle);
        QCOMPARE(b.periodStart, utc("2026-12-10T00:00:00Z"));
        QCOMPARE(b.periodEnd, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(b.nextRefillAt, b.periodEnd);
        QVERIFY(!b.monthlyCap);
        QVERIFY(!b.monthlyCapReached);
    }

    void grantsDoNotCountOnFree()
    {
        UsageTotals t;
        t.grantsThisCycle = 100;
        const Balance b = computeBalance(plan(QStringLiteral("free")), SubscriptionState{}, t, utc("2026-12-10T10:00:00Z"));
        QCOMPARE(b.remaining, 5);
    }

    void downgradeThenOveruseNeverNegative()
    {
        // pro-400 used 350, then the subscription lost funding mid-cycle: 0, not -350.
        SubscriptionState s = rulestest::paid(QStringLiteral("pro-400"), utc("2026-12-10T00:00:00Z"));
        QCOMPARE(remainingPaid(s, 350), 50);
        s = markPaymentFailed(s);
        QCOMPARE(remainingPaid(s, 350), 0);
        // Admin puts it on a smaller tier: a new cycle, old usage outside its window.
        const SubscriptionState smaller = setPlanByAdmin(catalog(), s, QStringLiteral("pro-100"), 0, utc("2026-12-20T00:00:00Z"));
        QCOMPARE(remainingPaid(smaller, 0), 100);
        QCOMPARE(remainingPaid(smaller, 350), 0); // if a caller sums the wrong window, still never negative
    }

    void downgradeStartsAFreshSmallerCycle()
    {
        // pro-400 with 350 used and a downgrade to pro-200 pending: 50 left until period end.
        SubscriptionState s = rulestest::paid(QStringLiteral("pro-400"), utc("2026-12-10T00:00:00Z"), Renewal::Clock);
        s = requestChange(catalog(), s, QStringLiteral("pro-200"), utc("2026-12-15T00:00:00Z")).state;
        QCOMPARE(remainingPaid(s, 350), 50);
        const SubscriptionState next = advanceTo(catalog(), s, utc("2027-01-10T00:00:00Z")).state;
        QCOMPARE(next.planId, QStringLiteral("pro-200"));
        // The old cycle's usage lies before the new window; the new cycle has the smaller allowance.
        const UsageWindows w = billing::usageWindows(next, utc("2027-01-10T00:00:00Z"));
        QVERIFY(utc("2027-01-09T23:59:59Z") < w.cycleStart);
        QCOMPARE(remainingPaid(next, 0), 200);
        QCOMPARE(remainingPaid(next, 350), 0); // more used than the smaller tier allows: 0, not -150
    }

    // Member limits (billing-rules.md): paid plans only, 0 up to the plan's own
    // allowance (grants aside), clearing always; a spend fits up to the limit exactly.
    void memberLimits()
    {
        const SubscriptionState none;
        QVERIFY(checkMemberLimit(plan(QStringLiteral("free")), none, 3) == LimitRefusal::FreePlan);
        QVERIFY(!checkMemberLimit(plan(QStringLiteral("free")), none, std::nullopt));
        QVERIFY(checkMemberLimit(plan(QStringLiteral("pro-200")), none, -1) == LimitRefusal::Negative);
        QVERIFY(checkMemberLimit(plan(QStringLiteral("pro-200")), none, 201) == LimitRefusal::AboveAllowance);
        QVERIFY(!checkMemberLimit(plan(QStringLiteral("pro-200")), none, 200));
        QVERIFY(!checkMemberLimit(plan(QStringLiteral("pro-200")), none, 0));
        SubscriptionState contract;
        contract.customAllowance = 5000;
        QVERIFY(!checkMemberLimit(plan(QStringLiteral("enterprise")), contract, 5000));
        QVERIFY(checkMemberLimit(plan(QStringLiteral("enterprise")), contract, 5001) == LimitRefusal::AboveAllowance);

        QVERIFY(withinMemberLimit(MemberLimit{5, 3}, 2));
        QVERIFY(!withinMemberLimit(MemberLimit{5, 3}, 3));
        QVERIFY(!withinMemberLimit(MemberLimit{0, 0}, 1));
    }

    void usageWindows_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("dayStart");
        QTest::addColumn<QDateTime>("dayEnd");
        QTest::addColumn<QDateTime>("monthStart");
        QTest::addColumn<QDateTime>("monthEnd");
        QTest::newRow("mid month") << utc("2026-12-10T15:00:00Z") << utc("2026-12-10T00:00:00Z") << utc("2026-12-11T00:00:00Z")
                                   << utc("2026-12-01T00:00:00Z") << utc("2027-01-01T00:00:00Z");
        QTest::newRow("new year's eve") << utc("2026-12-31T23:59:59Z") << utc("2026-12-31T00:00:00Z") << utc("2027-01-01T00:00:00Z")
                                        << utc("2026-12-01T00:00:00Z") << utc("2027-01-01T00:00:00Z");
        QTest::newRow("leap day") << utc("2028-02-29T00:00:00Z") << utc("2028-02-29T00:00:00Z") << utc("2028-03-01T00:00:00Z")
                                  << utc("2028-02-01T00:00:00Z") << utc("2028-03-01T00:00:00Z");
        QTest::newRow("local time east of UTC") << QDateTime::fromString(QStringLiteral("2027-01-01T00:30:00+01:00"), Qt::ISODate)
                                                << utc("2026-12-31T00:00:00Z") << utc("2027-01-01T00:00:00Z")
                                                << utc("2026-12-01T00:00:00Z") << utc("2027-01-01T00:00:00Z");
    }
    void usageWindows()
    {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, dayStart);
        QFETCH(QDateTime, dayEnd);
        QFETCH(QDateTime, monthStart);
        QFETCH(QDateTime, monthEnd);
        const UsageWindows free = billing::usageWindows(SubscriptionState{}, now);
        QCOMPARE(free.dayStart, dayStart);
        QCOMPARE(free.dayEnd, dayEnd);
        QCOMPARE(free.monthStart, monthStart);
        QCOMPARE(free.monthEnd, monthEnd);
        QVERIFY(!free.cycleStart.isValid());
        QVERIFY(!free.cycleEnd.isValid());
        const SubscriptionState pro = rulestest::paid(QStringLiteral("pro-200"), utc("2026-12-10T00:00:00Z"));
        const UsageWindows w = billing::usageWindows(pro, now);
        QCOMPARE(w.cycleStart, pro.periodStart);
        QCOMPARE(w.cycleEnd, pro.periodEnd);
        QCOMPARE(w.dayStart, dayStart);
    }
};

QTEST_GUILESS_MAIN(TestBalance)
#include "tst_balance.moc"
