// Plan changes (docs/billing-rules.md, "Plan changes"): classification, the
// one-pending-change rule, period arithmetic and time passing.
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

namespace {
// Starting points for the change table.
enum class Start { Free, Pro200, Pro200PendingDown100, Pro400PendingDown200, Pro200Canceling, Pro200PastDue,
                   Pro200PastDueCanceling, Enterprise };

const QDateTime kStart = utc("2026-12-10T00:00:00Z");
const QDateTime kNow = utc("2026-12-15T12:00:00Z");
const QDateTime kEnd = utc("2027-01-10T00:00:00Z");

SubscriptionState make(Start s)
{
    const auto down = [](SubscriptionState st, const char *tier) {
        st.pendingDowngrade = PendingChange{QLatin1String(tier), st.periodEnd};
        return st;
    };
    SubscriptionState st;
    switch (s) {
    case Start::Free: return st;
    case Start::Pro200: return paid(QStringLiteral("pro-200"), kStart);
    case Start::Pro200PendingDown100: return down(paid(QStringLiteral("pro-200"), kStart), "pro-100");
    case Start::Pro400PendingDown200: return down(paid(QStringLiteral("pro-400"), kStart), "pro-200");
    case Start::Pro200Canceling: st = paid(QStringLiteral("pro-200"), kStart); st.cancelAtPeriodEnd = true; return st;
    case Start::Pro200PastDue: return markPaymentFailed(paid(QStringLiteral("pro-200"), kStart));
    case Start::Pro200PastDueCanceling:
        st = markPaymentFailed(paid(QStringLiteral("pro-200"), kStart));
        st.cancelAtPeriodEnd = true;
        return st;
    case Start::Enterprise: return setPlanByAdmin(catalog(), st, QStringLiteral("enterprise"), 5000, kStart);
    }
    return st;
}
} // namespace

Q_DECLARE_METATYPE(Start)

class TestSubscription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestChangeTable_data()
    {
        QTest::addColumn<Start>("start");
        QTest::addColumn<QString>("target");
        QTest::addColumn<ChangeError>("error");
        QTest::addColumn<ChangeKind>("kind");
        QTest::addColumn<QString>("pendingTier"); // empty: none pending afterwards
        QTest::addColumn<bool>("cancelAtPeriodEnd");

        const auto E = ChangeError::None;
        QTest::newRow("free -> pro is checkout") << Start::Free << "pro-200" << E << ChangeKind::Checkout << "" << false;
        QTest::newRow("free -> free is nothing") << Start::Free << "free" << E << ChangeKind::Same << "" << false;
        QTest::newRow("free -> enterprise refused") << Start::Free << "enterprise" << ChangeError::NotPurchasable << ChangeKind::Same << "" << false;
        QTest::newRow("unknown tier") << Start::Pro200 << "pro-300" << ChangeError::UnknownTier << ChangeKind::Same << "" << false;
        QTest::newRow("empty tier") << Start::Free << "" << ChangeError::UnknownTier << ChangeKind::Same << "" << false;
        QTest::newRow("upgrade waits for payment") << Start::Pro200 << "pro-400" << E << ChangeKind::Upgrade << "" << false;
        QTest::newRow("downgrade scheduled") << Start::Pro200 << "pro-100" << E << ChangeKind::Downgrade << "pro-100" << false;
        QTest::newRow("same tier") << Start::Pro200 << "pro-200" << E << ChangeKind::Same << "" << false;
        QTest::newRow("pro -> free is cancel") << Start::Pro200 << "free" << E << ChangeKind::Cancel << "" << true;
        QTest::newRow("pro -> enterprise refused") << Start::Pro200 << "enterprise" << ChangeError::NotPurchasable << ChangeKind::Same << "" << false;
        QTest::newRow("downgrade replaces downgrade") << Start::Pro400PendingDown200 << "pro-100" << E << ChangeKind::Downgrade << "pro-100" << false;
        QTest::newRow("downgrade to pending tier again") << Start::Pro400PendingDown200 << "pro-200" << E << ChangeKind::Downgrade << "pro-200" << false;
        QTest::newRow("downgrade clears cancel") << Start::Pro200Canceling << "pro-100" << E << ChangeKind::Downgrade << "pro-100" << false;
        QTest::newRow("cancel clears downgrade") << Start::Pro400PendingDown200 << "free" << E << ChangeKind::Cancel << "" << true;
        QTest::newRow("upgrade over pending downgrade") << Start::Pro200PendingDown100 << "pro-800" << E << ChangeKind::Upgrade << "pro-100" << false;
        QTest::newRow("upgrade over pending cancel") << Start::Pro200Canceling << "pro-400" << E << ChangeKind::Upgrade << "" << true;
        QTest::newRow("back to current tier undoes downgrade") << Start::Pro400PendingDown200 << "pro-400" << E << ChangeKind::Same << "" << false;
        QTest::newRow("past_due refuses upgrade") << Start::Pro200PastDue << "pro-400" << ChangeError::PastDue << ChangeKind::Same << "" << false;
        QTest::newRow("past_due refuses downgrade") << Start::Pro200PastDue << "pro-100" << ChangeError::PastDue << ChangeKind::Same << "" << false;
        QTest::newRow("past_due allows cancel") << Start::Pro200PastDue << "free" << E << ChangeKind::Cancel << "" << true;
        QTest::newRow("enterprise by sales (pro)") << Start::Enterprise << "pro-800" << ChangeError::EnterpriseBySales << ChangeKind::Same << "" << false;
        QTest::newRow("enterprise by sales (free)") << Start::Enterprise << "free" << ChangeError::EnterpriseBySales << ChangeKind::Same << "" << false;
    }
    void requestChangeTable()
    {
        QFETCH(Start, start);
        QFETCH(QString, target);
        QFETCH(ChangeError, error);
        QFETCH(ChangeKind, kind);
        QFETCH(QString, pendingTier);
        QFETCH(bool, cancelAtPeriodEnd);

        const SubscriptionState before = make(start);
        const ChangeResult r = requestChange(catalog(), before, target, kNow);
        QCOMPARE(r.error, error);
        QCOMPARE(r.ok(), error == ChangeError::None);
        if (!r.ok()) {
            QCOMPARE(r.state, before); // a refusal changes nothing
            return;
        }
        QCOMPARE(r.kind, kind);
        QCOMPARE(r.state.planId, before.planId); // nothing takes effect at request time
        QCOMPARE(r.state.pendingDowngrade ? r.state.pendingDowngrade->tier : QString(), pendingTier);
        if (r.state.pendingDowngrade)
            QCOMPARE(r.state.pendingDowngrade->effectiveAt, before.periodEnd);
        QCOMPARE(r.state.cancelAtPeriodEnd, cancelAtPeriodEnd);
        QVERIFY(!(r.state.cancelAtPeriodEnd && r.state.pendingDowngrade));
        if (kind == ChangeKind::Checkout || kind == ChangeKind::Upgrade)
            QCOMPARE(r.state, before);
    }

    void upgradeConfirmedClearsPending_data()
    {
        QTest::addColumn<Start>("start");
        QTest::newRow("pending downgrade") << Start::Pro200PendingDown100;
        QTest::newRow("pending cancel") << Start::Pro200Canceling;
    }
    void upgradeConfirmedClearsPending()
    {
        QFETCH(Start, start);
        const SubscriptionState before = make(start);
        const SubscriptionState up = applyUpgrade(before, QStringLiteral("pro-400"));
        QCOMPARE(up.planId, QStringLiteral("pro-400"));
        QVERIFY(!up.pendingDowngrade);
        QVERIFY(!up.cancelAtPeriodEnd);
        QCOMPARE(up.periodStart, before.periodStart);
        QCOMPARE(up.periodEnd, before.periodEnd);
        // Used 150 of pro-200 -> 250 left on pro-400; at period end it renews as pro-400.
        QCOMPARE(remainingPaid(up, 150), 250);
        const AdvanceResult later = advanceTo(catalog(), up, kEnd);
        QCOMPARE(later.steps.size(), 1);
        QCOMPARE(later.steps[0].kind, ClockStep::Renewed);
        QCOMPARE(later.state.planId, QStringLiteral("pro-400"));
    }

    void cancelRules()
    {
        QCOMPARE(requestCancel(catalog(), make(Start::Free), kNow).error, ChangeError::NotOnPaidPlan);
        QCOMPARE(requestCancel(catalog(), make(Start::Enterprise), kNow).error, ChangeError::EnterpriseBySales);
        const ChangeResult pastDue = requestCancel(catalog(), make(Start::Pro200PastDue), kNow);
        QVERIFY(pastDue.ok());
        QVERIFY(pastDue.state.cancelAtPeriodEnd);
        QCOMPARE(pastDue.state.status, SubscriptionStatus::PastDue);
        // Cancelling twice is the same as once.
        const ChangeResult again = requestCancel(catalog(), make(Start::Pro200Canceling), kNow);
        QVERIFY(again.ok());
        QCOMPARE(again.state, make(Start::Pro200Canceling));
    }

    void undo_data()
    {
        QTest::addColumn<Start>("start");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<ChangeError>("error");
        QTest::newRow("undo cancel") << Start::Pro200Canceling << kNow << ChangeError::None;
        QTest::newRow("undo downgrade") << Start::Pro400PendingDown200 << kNow << ChangeError::None;
        QTest::newRow("undo in the last second") << Start::Pro200Canceling << kEnd.addSecs(-1) << ChangeError::None;
        QTest::newRow("too late at period end") << Start::Pro200Canceling << kEnd << ChangeError::NothingToUndo;
        QTest::newRow("nothing pending") << Start::Pro200 << kNow << ChangeError::NothingToUndo;
        QTest::newRow("free") << Start::Free << kNow << ChangeError::NotOnPaidPlan;
        QTest::newRow("past_due keeps the cancel") << Start::Pro200PastDueCanceling << kNow << ChangeError::PastDue;
        QTest::newRow("enterprise") << Start::Enterprise << kNow << ChangeError::NothingToUndo;
    }
    void undo()
    {
        QFETCH(Start, start);
        QFETCH(QDateTime, now);
        QFETCH(ChangeError, error);
        const SubscriptionState before = make(start);
        const ChangeResult r = requestUndo(before, now);
        QCOMPARE(r.error, error);
        if (!r.ok()) {
            QCOMPARE(r.state, before);
            return;
        }
        SubscriptionState expected = before;
        expected.cancelAtPeriodEnd = false;
        expected.pendingDowngrade.reset();
        QCOMPARE(r.state, expected);
    }

    void cancelThenUndoRenewsAsBefore()
    {
        const SubscriptionState s = paid(QStringLiteral("pro-200"), kStart);
        const ChangeResult cancel = requestCancel(catalog(), s, kNow);
        const ChangeResult undone = requestUndo(cancel.state, kNow.addDays(1));
        QVERIFY(undone.ok());
        QCOMPARE(undone.state, s);
        const AdvanceResult r = advanceTo(catalog(), undone.state, kEnd);
        QCOMPARE(r.state.planId, QStringLiteral("pro-200"));
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(r.steps[0].kind, ClockStep::Renewed);
    }

    void addMonthsClamped_data()
    {
        QTest::addColumn<QDateTime>("anchor");
        QTest::addColumn<int>("months");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("plain") << utc("2026-12-10T08:30:00Z") << 1 << utc("2027-01-10T08:30:00Z");
        QTest::newRow("year boundary") << utc("2026-12-31T23:59:59Z") << 1 << utc("2027-01-31T23:59:59Z");
        QTest::newRow("zero") << utc("2026-05-31T00:00:00Z") << 0 << utc("2026-05-31T00:00:00Z");
        QTest::newRow("31st -> Feb non-leap") << utc("2027-01-31T12:00:00Z") << 1 << utc("2027-02-28T12:00:00Z");
        QTest::newRow("31st -> Mar keeps 31") << utc("2027-01-31T12:00:00Z") << 2 << utc("2027-03-31T12:00:00Z");
        QTest::newRow("31st -> Apr 30") << utc("2027-01-31T12:00:00Z") << 3 << utc("2027-04-30T12:00:00Z");
        QTest::newRow("31st -> Feb leap") << utc("2028-01-31T00:00:00Z") << 1 << utc("2028-02-29T00:00:00Z");
        QTest::newRow("30th -> Feb") << utc("2026-11-30T00:00:00Z") << 3 << utc("2027-02-28T00:00:00Z");
        QTest::newRow("leap day +1") << utc("2028-02-29T10:00:00Z") << 1 << utc("2028-03-29T10:00:00Z");
        QTest::newRow("leap day +12 (2029 non-leap)") << utc("2028-02-29T10:00:00Z") << 12 << utc("2029-02-28T10:00:00Z");
        QTest::newRow("leap day +48 (2032 leap)") << utc("2028-02-29T10:00:00Z") << 48 << utc("2032-02-29T10:00:00Z");
        QTest::newRow("29th in 2027 Feb") << utc("2027-01-29T00:00:00Z") << 1 << utc("2027-02-28T00:00:00Z");
        QTest::newRow("many years") << utc("2026-12-31T00:00:00Z") << 14 << utc("2028-02-29T00:00:00Z");
        QTest::newRow("non-UTC input") << QDateTime::fromString(QStringLiteral("2026-12-31T01:00:00+02:00"), Qt::ISODate)
                                       << 2 << utc("2027-02-28T23:00:00Z");
    }
    void addMonthsClamped()
    {
        QFETCH(QDateTime, anchor);
        QFETCH(int, months);
        QFETCH(QDateTime, expected);
        const QDateTime got = billing::addMonthsClamped(anchor, months);
        QCOMPARE(got, expected);
        QCOMPARE(got.timeSpec(), Qt::UTC);
        QVERIFY(!billing::addMonthsClamped(QDateTime(), 1).isValid());
    }

    // Renewals follow the anchor, not the previous (clamped) end.
    void renewalsKeepTheAnchorDay_data()
    {
        QTest::addColumn<QDateTime>("anchor");
        QTest::addColumn<QList<QDateTime>>("ends");
        QTest::newRow("31st of January 2027") << utc("2027-01-31T09:00:00Z")
            << QList<QDateTime>{utc("2027-02-28T09:00:00Z"), utc("2027-03-31T09:00:00Z"), utc("2027-04-30T09:00:00Z"), utc("2027-05-31T09:00:00Z")};
        QTest::newRow("31st across a leap February") << utc("2027-12-31T00:00:00Z")
            << QList<QDateTime>{utc("2028-01-31T00:00:00Z"), utc("2028-02-29T00:00:00Z"), utc("2028-03-31T00:00:00Z")};
        QTest::newRow("leap day anchor") << utc("2028-02-29T00:00:00Z")
            << QList<QDateTime>{utc("2028-03-29T00:00:00Z"), utc("2028-04-29T00:00:00Z")};
        QTest::newRow("year boundary") << utc("2026-11-15T16:00:00Z")
            << QList<QDateTime>{utc("2026-12-15T16:00:00Z"), utc("2027-01-15T16:00:00Z"), utc("2027-02-15T16:00:00Z")};
    }
    void renewalsKeepTheAnchorDay()
    {
        QFETCH(QDateTime, anchor);
        QFETCH(QList<QDateTime>, ends);
        SubscriptionState s = paid(QStringLiteral("pro-100"), anchor, Renewal::Clock);
        for (const QDateTime &end : ends) {
            QCOMPARE(s.periodEnd, end);
            const QDateTime oldEnd = s.periodEnd;
            s = advanceTo(catalog(), s, end).state;
            QCOMPARE(s.periodStart, oldEnd);
            QVERIFY(s.periodEnd > s.periodStart);
            QVERIFY(s.cycleFunded);
        }
    }

    void advanceAcrossMissedPeriods_data()
    {
        QTest::addColumn<Start>("start");
        QTest::addColumn<Renewal>("renewal");
        QTest::addColumn<QList<int>>("steps"); // ClockStep kinds in order
        QTest::addColumn<QString>("planAfter");
        QTest::addColumn<bool>("funded");
        QTest::newRow("3 renewals, admin clock") << Start::Pro200 << Renewal::Clock
            << QList<int>{ClockStep::Renewed, ClockStep::Renewed, ClockStep::Renewed} << "pro-200" << true;
        QTest::newRow("3 renewals, invoices unpaid") << Start::Pro200 << Renewal::Invoice
            << QList<int>{ClockStep::Renewed, ClockStep::Renewed, ClockStep::Renewed} << "pro-200" << false;
        QTest::newRow("downgrade then 2 renewals") << Start::Pro400PendingDown200 << Renewal::Clock
            << QList<int>{ClockStep::DowngradeApplied, ClockStep::Renewed, ClockStep::Renewed} << "pro-200" << true;
        QTest::newRow("cancel stops at the first end") << Start::Pro200Canceling << Renewal::Clock
            << QList<int>{ClockStep::ConvertedToFree} << "free" << false;
        QTest::newRow("enterprise renews its contract") << Start::Enterprise << Renewal::Clock
            << QList<int>{ClockStep::Renewed, ClockStep::Renewed, ClockStep::Renewed} << "enterprise" << true;
        QTest::newRow("free: nothing to do") << Start::Free << Renewal::Clock << QList<int>{} << "free" << false;
    }
    void advanceAcrossMissedPeriods()
    {
        QFETCH(Start, start);
        QFETCH(Renewal, renewal);
        QFETCH(QList<int>, steps);
        QFETCH(QString, planAfter);
        QFETCH(bool, funded);
        SubscriptionState s = make(start);
        s.renewal = renewal;
        // Offline from 12-15 until 2027-03-20: ends 01-10, 02-10 and 03-10 were missed.
        const AdvanceResult r = advanceTo(catalog(), s, utc("2027-03-20T00:00:00Z"));
        QList<int> kinds;
        for (const ClockStep &st : r.steps)
            kinds.append(st.kind);
        QCOMPARE(kinds, steps);
        const QList<QDateTime> at = {utc("2027-01-10T00:00:00Z"), utc("2027-02-10T00:00:00Z"), utc("2027-03-10T00:00:00Z")};
        for (qsizetype i = 0; i < r.steps.size(); ++i)
            QCOMPARE(r.steps[i].at, at[i]);
        QCOMPARE(r.state.planId, planAfter);
        QCOMPARE(r.state.cycleFunded, funded);
        if (planAfter != QLatin1String("free")) {
            QVERIFY(r.state.periodStart <= utc("2027-03-20T00:00:00Z"));
            QVERIFY(r.state.periodEnd > utc("2027-03-20T00:00:00Z"));
            QVERIFY(!r.state.pendingDowngrade);
        } else if (!steps.isEmpty()) {
            QCOMPARE(r.state.freeSince, at[0]);
        }
        // Advancing again to the same instant does nothing.
        const AdvanceResult again = advanceTo(catalog(), r.state, utc("2027-03-20T00:00:00Z"));
        QVERIFY(again.steps.isEmpty());
        QCOMPARE(again.state, r.state);
    }

    void freeToProMidDay()
    {
        SubscriptionState free;
        free.freeSince = utc("2026-11-01T00:00:00Z");
        const QDateTime at = utc("2026-12-05T14:37:00Z");
        // 3 of today's 5 Free credits are unused when the first invoice is paid.
        QCOMPARE(freeBalance(2, 12, at).remaining, 3);
        const ChangeResult r = requestChange(catalog(), free, QStringLiteral("pro-200"), at);
        QCOMPARE(r.kind, ChangeKind::Checkout);
        const SubscriptionState pro = startPaidCycle(free, QStringLiteral("pro-200"), at, billing::addMonthsClamped(at, 1), Renewal::Invoice);
        QCOMPARE(pro.status, SubscriptionStatus::Active);
        QCOMPARE(pro.periodStart, at); // a new cycle starts now, not at midnight
        QCOMPARE(pro.periodEnd, utc("2027-01-05T14:37:00Z"));
        QCOMPARE(pro.cycleAnchor, at);
        QVERIFY(pro.cycleFunded);
        // Full allowance; the Free day's rest (3) is dropped, not added.
        UsageTotals t;
        t.usedTodayOnFree = 2;
        t.usedThisMonthOnFree = 12;
        const Balance b = computeBalance(plan(QStringLiteral("pro-200")), pro, t, at);
        QCOMPARE(b.remaining, 200);
        QCOMPARE(b.allowance, 200);
        QCOMPARE(b.periodKind, PeriodKind::Cycle);
        QCOMPARE(b.nextRefillAt, pro.periodEnd);
        // A missing or inverted end from the provider falls back to one month.
        QCOMPARE(startPaidCycle(free, QStringLiteral("pro-200"), at, at, Renewal::Invoice).periodEnd, pro.periodEnd);
    }

    void paymentFailureAndGivingUp()
    {
        SubscriptionState s = paid(QStringLiteral("pro-200"), kStart);
        s = advanceTo(catalog(), s, kEnd).state; // renewal: unfunded until the invoice is paid
        QVERIFY(!s.cycleFunded);
        QCOMPARE(remainingPaid(s, 0), 0);
        s = markPaymentFailed(s);
        QCOMPARE(s.status, SubscriptionStatus::PastDue);
        QCOMPARE(s.planId, QStringLiteral("pro-200")); // features stay while the provider retries
        QCOMPARE(remainingPaid(s, 0), 0);
        QCOMPARE(remainingPaid(s, 0, 25), 25); // a grant still counts in the paid cycle

        // Paid late: the cycle's allowance arrives.
        const SubscriptionState recovered = markCyclePaid(s);
        QCOMPARE(recovered.status, SubscriptionStatus::Active);
        QCOMPARE(remainingPaid(recovered, 0), 200);

        // The provider gives up: Free, keeping nothing of the paid plan.
        const QDateTime gaveUp = utc("2027-01-25T06:00:00Z");
        const SubscriptionState free = convertToFree(s, gaveUp);
        SubscriptionState expected;
        expected.freeSince = gaveUp;
        QCOMPARE(free, expected);
        UsageTotals t;
        t.usedThisCycle = 10;
        t.grantsThisCycle = 500;
        const Balance b = computeBalance(plan(QStringLiteral("free")), free, t, gaveUp);
        QCOMPARE(b.remaining, 5);
        QCOMPARE(b.periodKind, PeriodKind::Day);
        // Payment events for a Free workspace change nothing.
        QCOMPARE(markCyclePaid(free), free);
        QCOMPARE(markPaymentFailed(free), free);
    }

    void enterpriseByAdmin()
    {
        const QDateTime at = utc("2026-12-03T10:00:00Z");
        const SubscriptionState e = setPlanByAdmin(catalog(), paid(QStringLiteral("pro-200"), kStart), QStringLiteral("enterprise"), 5000, at);
        QCOMPARE(e.planId, QStringLiteral("enterprise"));
        QCOMPARE(e.customAllowance, 5000);
        QCOMPARE(e.status, SubscriptionStatus::Active);
        QCOMPARE(e.renewal, Renewal::Clock);
        QVERIFY(e.cycleFunded);
        QCOMPARE(e.periodStart, at);
        QCOMPARE(e.periodEnd, utc("2027-01-03T10:00:00Z"));
        QCOMPARE(remainingPaid(e, 1234), 3766);
        QCOMPARE(remainingPaid(e, 6000), 0);
        // A new contract allowance starts a new cycle.
        const SubscriptionState bigger = setPlanByAdmin(catalog(), e, QStringLiteral("enterprise"), 9000, at.addDays(3));
        QCOMPARE(remainingPaid(bigger, 0), 9000);
        // Admin to a Pro tier: no custom allowance; to Free: converted.
        const SubscriptionState pro = setPlanByAdmin(catalog(), e, QStringLiteral("pro-400"), 777, at);
        QCOMPARE(pro.customAllowance, 0);
        QCOMPARE(remainingPaid(pro, 0), 400);
        const SubscriptionState free = setPlanByAdmin(catalog(), e, QStringLiteral("free"), 0, at);
        QCOMPARE(free.planId, QStringLiteral("free"));
        QCOMPARE(free.freeSince, at);
        // Unknown plan: nothing changes (the caller reports the error).
        QCOMPARE(setPlanByAdmin(catalog(), e, QStringLiteral("gold"), 1, at), e);
    }

    void adminTierChangeKeepsTheRunningCycle()
    {
        // Example 3 by an operator: pro-200 from 12-10 with 150 used, set to pro-400 on 12-20.
        const SubscriptionState s = paid(QStringLiteral("pro-200"), kStart);
        const QDateTime at = utc("2026-12-20T00:00:00Z");
        const SubscriptionState up = setPlanByAdmin(catalog(), s, QStringLiteral("pro-400"), 0, at);
        QCOMPARE(up.planId, QStringLiteral("pro-400"));
        QCOMPARE(up.periodStart, s.periodStart);
        QCOMPARE(up.periodEnd, s.periodEnd);
        QCOMPARE(remainingPaid(up, 150), 250); // 400 - 150, not a fresh 400
        // A pending downgrade is cleared by the operator's change.
        const SubscriptionState pending = requestChange(catalog(), s, QStringLiteral("pro-100"), at).state;
        QVERIFY(pending.pendingDowngrade.has_value());
        QVERIFY(!setPlanByAdmin(catalog(), pending, QStringLiteral("pro-400"), 0, at).pendingDowngrade.has_value());
        // After the period ended (nothing advanced it yet): a new cycle starts at `now`.
        const QDateTime later = utc("2027-02-01T00:00:00Z");
        const SubscriptionState fresh = setPlanByAdmin(catalog(), s, QStringLiteral("pro-400"), 0, later);
        QCOMPARE(fresh.periodStart, later);
    }

    void statusNames()
    {
        const QList<QPair<SubscriptionStatus, QString>> all = {
            {SubscriptionStatus::None, "none"}, {SubscriptionStatus::Active, "active"},
            {SubscriptionStatus::PastDue, "past_due"}, {SubscriptionStatus::Unpaid, "unpaid"},
            {SubscriptionStatus::Canceled, "canceled"}, {SubscriptionStatus::Incomplete, "incomplete"}};
        for (const auto &[status, name] : all) {
            QCOMPARE(statusToString(status), name);
            QCOMPARE(statusFromString(name), std::optional<SubscriptionStatus>(status));
        }
        QCOMPARE(statusFromString(QStringLiteral("PAST_DUE")), std::nullopt);
        QCOMPARE(statusFromString(QString()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSubscription)
#include "tst_subscription.moc"
