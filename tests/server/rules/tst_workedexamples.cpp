// The worked examples of docs/billing-rules.md that are about rules (1-5, and
// 8 as a pure state sequence). 6 and 7 (concurrency, idempotency) are tested
// against the storage layer and the HTTP API.
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

class TestWorkedExamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // 1. Free, 2026-12-01: uses 3 -> remaining 2. Next day remaining 5 (not 7).
    void example1_freeDailyDoesNotCarryOver_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::newRow("just after midnight") << utc("2026-12-01T00:00:01Z");
        QTest::newRow("midday") << utc("2026-12-01T12:00:00Z");
        QTest::newRow("last second") << utc("2026-12-01T23:59:59Z");
    }
    void example1_freeDailyDoesNotCarryOver()
    {
        QFETCH(QDateTime, now);
        const Balance before = freeBalance(0, 0, now);
        QCOMPARE(before.remaining, 5);
        QVERIFY(canSpend(before, 3));
        const Balance after = freeBalance(3, 3, now);
        QCOMPARE(after.remaining, 2);
        QCOMPARE(after.used, 3);
        QCOMPARE(after.allowance, 5);
        QCOMPARE(after.nextRefillAt, utc("2026-12-02T00:00:00Z"));
        QCOMPARE(after.periodStart, utc("2026-12-01T00:00:00Z"));
        QCOMPARE(after.periodEnd, utc("2026-12-02T00:00:00Z"));
        QVERIFY(!after.monthlyCapReached);
        // Next day: today's usage is 0 again, the month keeps its 3.
        const Balance nextDay = freeBalance(0, 3, now.addDays(1));
        QCOMPARE(nextDay.remaining, 5);
        QCOMPARE(nextDay.monthlyCap->used, 3);
    }

    // 2. Free, uses 5 every day from 2026-12-01 -> on 12-06 used_this_month = 30;
    //    12-07 remaining 0 with "next refill 2027-01-01"; 2027-01-01 remaining 5.
    void example2_freeMonthlyCap()
    {
        qint64 usedThisMonth = 0;
        QDateTime day = utc("2026-12-01T09:00:00Z");
        for (int d = 1; d <= 6; ++d, day = day.addDays(1)) {
            const Balance b = freeBalance(0, usedThisMonth, day);
            QVERIFY2(canSpend(b, 5), qPrintable(day.toString(Qt::ISODate)));
            usedThisMonth += 5;
        }
        QCOMPARE(usedThisMonth, 30);
        const Balance on6th = freeBalance(5, 30, utc("2026-12-06T20:00:00Z"));
        QCOMPARE(on6th.remaining, 0);
        QVERIFY(on6th.monthlyCapReached);
        QCOMPARE(on6th.nextRefillAt, utc("2027-01-01T00:00:00Z"));

        const Balance on7th = freeBalance(0, 30, utc("2026-12-07T08:00:00Z"));
        QCOMPARE(on7th.remaining, 0);
        QVERIFY(!canSpend(on7th, 1));
        QVERIFY(on7th.monthlyCapReached);
        QCOMPARE(on7th.monthlyCap->used, 30);
        QCOMPARE(on7th.monthlyCap->cap, 30);
        QCOMPARE(on7th.nextRefillAt, utc("2027-01-01T00:00:00Z"));

        const Balance newYear = freeBalance(0, 0, utc("2027-01-01T00:00:00Z"));
        QCOMPARE(newYear.remaining, 5);
        QVERIFY(!newYear.monthlyCapReached);
        QCOMPARE(newYear.nextRefillAt, utc("2027-01-02T00:00:00Z"));
    }

    // 3. Pro-200, cycle 12-10 -> 01-10, used 150 (remaining 50). Upgrade to pro-400
    //    on 12-20 -> remaining 250 (400 - 150).
    void example3_upgradeKeepsUsage()
    {
        const SubscriptionState s = paid(QStringLiteral("pro-200"), utc("2026-12-10T00:00:00Z"));
        QCOMPARE(s.periodEnd, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(remainingPaid(s, 150), 50);

        const ChangeResult r = requestChange(catalog(), s, QStringLiteral("pro-400"), utc("2026-12-20T10:00:00Z"));
        QVERIFY(r.ok());
        QCOMPARE(r.kind, ChangeKind::Upgrade);
        QCOMPARE(r.state, s); // nothing changes until the payment is confirmed
        QCOMPARE(remainingPaid(r.state, 150), 50);

        const SubscriptionState up = applyUpgrade(r.state, QStringLiteral("pro-400"));
        QCOMPARE(up.planId, QStringLiteral("pro-400"));
        QCOMPARE(up.periodStart, s.periodStart);
        QCOMPARE(up.periodEnd, s.periodEnd);
        QCOMPARE(remainingPaid(up, 150), 250);
        // Confirming the same upgrade twice mints nothing more.
        QCOMPARE(applyUpgrade(up, QStringLiteral("pro-400")), up);
        QCOMPARE(remainingPaid(markCyclePaid(up), 150), 250);
    }

    // 4. Pro-400, used 100, schedules downgrade to pro-200 on 12-15 -> remaining
    //    stays 300 until 01-10; on 01-10 (invoice paid) remaining 200.
    void example4_downgradeAtPeriodEnd()
    {
        const SubscriptionState s = paid(QStringLiteral("pro-400"), utc("2026-12-10T00:00:00Z"));
        const ChangeResult r = requestChange(catalog(), s, QStringLiteral("pro-200"), utc("2026-12-15T12:00:00Z"));
        QVERIFY(r.ok());
        QCOMPARE(r.kind, ChangeKind::Downgrade);
        QCOMPARE(r.state.planId, QStringLiteral("pro-400"));
        QCOMPARE(r.state.pendingDowngrade, std::optional<PendingChange>(PendingChange{QStringLiteral("pro-200"), utc("2027-01-10T00:00:00Z")}));
        QCOMPARE(remainingPaid(r.state, 100), 300);

        const AdvanceResult before = advanceTo(catalog(), r.state, utc("2027-01-09T23:59:59Z"));
        QVERIFY(before.steps.isEmpty());
        QCOMPARE(before.state, r.state);

        const AdvanceResult at = advanceTo(catalog(), r.state, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(at.steps.size(), 1);
        QCOMPARE(at.steps[0].kind, ClockStep::DowngradeApplied);
        QCOMPARE(at.steps[0].at, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(at.state.planId, QStringLiteral("pro-200"));
        QVERIFY(!at.state.pendingDowngrade);
        QCOMPARE(at.state.periodStart, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(at.state.periodEnd, utc("2027-02-10T00:00:00Z"));
        QCOMPARE(remainingPaid(at.state, 0), 0); // the renewal invoice is not paid yet
        const SubscriptionState paidState = markCyclePaid(at.state);
        QCOMPARE(remainingPaid(paidState, 0), 200);
    }

    // 5. Pro-200 cancels on 12-15 -> still Pro with its balance until 01-10; from
    //    01-10 Free: 5 that day.
    void example5_cancelAtPeriodEnd()
    {
        const SubscriptionState s = paid(QStringLiteral("pro-200"), utc("2026-12-10T00:00:00Z"));
        const ChangeResult r = requestCancel(catalog(), s, utc("2026-12-15T12:00:00Z"));
        QVERIFY(r.ok());
        QCOMPARE(r.kind, ChangeKind::Cancel);
        QVERIFY(r.state.cancelAtPeriodEnd);
        QCOMPARE(r.state.planId, QStringLiteral("pro-200"));
        QCOMPARE(remainingPaid(r.state, 120), 80);

        const AdvanceResult still = advanceTo(catalog(), r.state, utc("2027-01-09T23:59:59Z"));
        QCOMPARE(still.state.planId, QStringLiteral("pro-200"));
        const AdvanceResult at = advanceTo(catalog(), r.state, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(at.steps.size(), 1);
        QCOMPARE(at.steps[0].kind, ClockStep::ConvertedToFree);
        QCOMPARE(at.state.planId, QStringLiteral("free"));
        QCOMPARE(at.state.status, SubscriptionStatus::None);
        QCOMPARE(at.state.freeSince, utc("2027-01-10T00:00:00Z"));
        QVERIFY(!at.state.periodEnd.isValid());
        QVERIFY(!at.state.cancelAtPeriodEnd);
        // Only usage while on Free counts: the Pro usage earlier that day does not.
        const Balance b = freeBalance(0, 0, utc("2027-01-10T00:00:00Z"));
        QCOMPARE(b.remaining, 5);
        QCOMPARE(b.nextRefillAt, utc("2027-01-11T00:00:00Z"));
    }

    // 8. subscription.updated (pro-400) arrives before ...created (pro-200), then
    //    invoice.paid is repeated -> pro-400 with one grant. As pure rules: whatever
    //    path leads to pro-400, the cycle holds exactly one pro-400 allowance.
    void example8_pathIndependentAllowance()
    {
        const QDateTime start = utc("2026-12-10T00:00:00Z");
        const QDateTime end = utc("2027-01-10T00:00:00Z");
        // Order as created: pro-200, then the upgrade to pro-400.
        SubscriptionState a = startPaidCycle({}, QStringLiteral("pro-200"), start, end, Renewal::Invoice);
        a = applyUpgrade(a, QStringLiteral("pro-400"));
        // The newer state first; the stale "created" must not be applied over it
        // (the webhook layer drops it by event time), so only pro-400 is started.
        SubscriptionState b = startPaidCycle({}, QStringLiteral("pro-400"), start, end, Renewal::Invoice);
        QCOMPARE(a, b);
        const SubscriptionState once = markCyclePaid(b);
        const SubscriptionState twice = markCyclePaid(once);
        QCOMPARE(twice, once);
        QCOMPARE(remainingPaid(twice, 0), 400);
        QCOMPARE(remainingPaid(twice, 30), 370);
    }
};

QTEST_GUILESS_MAIN(TestWorkedExamples)
#include "tst_workedexamples.moc"
