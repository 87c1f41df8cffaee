// Randomized sequences of operations (fixed seed, reproducible): whatever path a
// workspace takes, the invariants of docs/billing-rules.md hold. Usage and grants
// are kept as a tiny event log and summed over the windows like storage does.
#include "rulesfixture.h"

#include <QRandomGenerator>

using namespace billing;
using namespace rulestest;

namespace {

struct Event {
    QDateTime at;
    qint64 credits;
    bool onFree;
    bool grant;
};

struct World {
    SubscriptionState s;
    QDateTime now;
    QList<Event> log;
    QStringList trace;

    UsageTotals totals() const
    {
        const UsageWindows w = usageWindows(s, now);
        const auto in = [](const QDateTime &t, const QDateTime &a, const QDateTime &b) {
            return a.isValid() && t >= a && t < b;
        };
        UsageTotals t;
        for (const Event &e : log) {
            if (e.grant) {
                if (in(e.at, w.cycleStart, w.cycleEnd))
                    t.grantsThisCycle += e.credits;
            } else if (e.onFree) {
                t.usedTodayOnFree += in(e.at, w.dayStart, w.dayEnd) ? e.credits : 0;
                t.usedThisMonthOnFree += in(e.at, w.monthStart, w.monthEnd) ? e.credits : 0;
            } else if (in(e.at, w.cycleStart, w.cycleEnd)) {
                t.usedThisCycle += e.credits;
            }
        }
        return t;
    }
    Balance balance() const { return computeBalance(plan(s.planId), s, totals(), now); }
    bool onFree() const { return s.planId == QLatin1String("free"); }
};

const QStringList kTargets = {"free", "pro-100", "pro-200", "pro-400", "pro-800", "enterprise", "bogus"};

} // namespace

class TestProperties : public QObject
{
    Q_OBJECT
private:
    // Returns an empty string when every invariant holds, else what broke.
    static QString violation(const World &w)
    {
        const SubscriptionState &s = w.s;
        const Balance b = w.balance();
        if (b.remaining < 0)
            return QStringLiteral("negative balance %1").arg(b.remaining);
        if (s.cancelAtPeriodEnd && s.pendingDowngrade)
            return QStringLiteral("two pending changes");
        if (!catalog().find(s.planId))
            return QStringLiteral("unknown plan ") + s.planId;
        if (w.onFree()) {
            if (s.cancelAtPeriodEnd || s.pendingDowngrade || s.periodStart.isValid() || s.periodEnd.isValid()
                || s.status != SubscriptionStatus::None || s.cycleFunded)
                return QStringLiteral("Free carries paid state");
            const UsageTotals t = w.totals();
            if (t.usedTodayOnFree > 5 || t.usedThisMonthOnFree > 30)
                return QStringLiteral("Free limits exceeded: %1 today, %2 this month").arg(t.usedTodayOnFree).arg(t.usedThisMonthOnFree);
            if (b.nextRefillAt <= w.now)
                return QStringLiteral("next refill not in the future");
            return {};
        }
        if (!s.periodStart.isValid() || !(s.periodEnd > s.periodStart))
            return QStringLiteral("paid period not positive");
        if (!(s.periodStart <= w.now && w.now < s.periodEnd))
            return QStringLiteral("now outside the current period");
        if (s.pendingDowngrade) {
            if (s.pendingDowngrade->effectiveAt != s.periodEnd)
                return QStringLiteral("pending change not at period end");
            if (plan(s.pendingDowngrade->tier).rank >= plan(s.planId).rank)
                return QStringLiteral("pending change is not a downgrade");
        }
        if (s.status == SubscriptionStatus::PastDue && s.cycleFunded)
            return QStringLiteral("past_due but funded");
        if (s.cycleFunded) {
            // Within a funded cycle the allowance only grows, so what was spent fits.
            const UsageTotals t = w.totals();
            if (t.usedThisCycle > b.allowance)
                return QStringLiteral("spent %1 of %2").arg(t.usedThisCycle).arg(b.allowance);
        }
        if (b.nextRefillAt != s.periodEnd)
            return QStringLiteral("paid refill is not period end");
        return {};
    }

    static void step(World &w, QRandomGenerator &rng)
    {
        // Time moves first, the way the server advances before it acts.
        const int r = rng.bounded(100);
        const qint64 secs = r < 70 ? rng.bounded(1, 6 * 3600) : r < 95 ? rng.bounded(1, 10 * 86400) : rng.bounded(1, 100 * 86400);
        const QDateTime before = w.now;
        w.now = w.now.addSecs(secs);
        const AdvanceResult adv = advanceTo(catalog(), w.s, w.now);
        QDateTime last = before;
        for (const ClockStep &st : adv.steps) {
            QVERIFY2(st.at > last && st.at <= w.now, "clock steps out of order");
            last = st.at;
        }
        w.s = adv.state;
        w.trace << QStringLiteral("+%1s, %2 clock steps").arg(secs).arg(adv.steps.size());

        const QString target = kTargets.at(rng.bounded(int(kTargets.size())));
        switch (rng.bounded(10)) {
        case 0: case 1: {
            const ChangeResult c = requestChange(catalog(), w.s, target, w.now);
            w.trace << QStringLiteral("change %1 -> err %2 kind %3").arg(target).arg(int(c.error)).arg(int(c.kind));
            if (!c.ok()) {
                QCOMPARE(c.state, w.s);
                break;
            }
            if (c.kind == ChangeKind::Checkout && rng.bounded(4) > 0)
                w.s = startPaidCycle(w.s, target, w.now, addMonthsClamped(w.now, 1),
                                     rng.bounded(2) ? Renewal::Invoice : Renewal::Clock);
            else if (c.kind == ChangeKind::Upgrade && rng.bounded(4) > 0)
                w.s = applyUpgrade(c.state, target);
            else
                w.s = c.state;
            break;
        }
        case 2: {
            const ChangeResult c = requestCancel(catalog(), w.s, w.now);
            w.trace << QStringLiteral("cancel -> err %1").arg(int(c.error));
            w.s = c.state;
            break;
        }
        case 3: {
            const ChangeResult c = requestUndo(w.s, w.now);
            w.trace << QStringLiteral("undo -> err %1").arg(int(c.error));
            w.s = c.state;
            break;
        }
        case 4:
            w.trace << QStringLiteral("payment %1").arg(rng.bounded(2) ? "failed" : "paid");
            w.s = w.trace.last().endsWith(QLatin1String("failed")) ? markPaymentFailed(w.s) : markCyclePaid(w.s);
            break;
        case 5:
            if (rng.bounded(5) == 0) {
                w.trace << QStringLiteral("provider gave up");
                w.s = convertToFree(w.s, w.now);
            } else if (rng.bounded(3) == 0 && target != QLatin1String("bogus")) {
                const int allowance = rng.bounded(0, 3000);
                w.trace << QStringLiteral("admin set %1 %2").arg(target).arg(allowance);
                w.s = setPlanByAdmin(catalog(), w.s, target, allowance, w.now);
            }
            break;
        case 6:
            if (!w.onFree()) {
                const qint64 credits = rng.bounded(1, 100);
                w.trace << QStringLiteral("grant %1").arg(credits);
                w.log.append({w.now, credits, false, true});
            }
            break;
        default: {
            const qint64 credits = rng.bounded(100) < 70 ? rng.bounded(1, 6) : rng.bounded(1, 300);
            const Balance b = w.balance();
            const bool ok = canSpend(b, credits);
            w.trace << QStringLiteral("spend %1 of %2 -> %3").arg(credits).arg(b.remaining).arg(ok);
            if (ok)
                w.log.append({w.now, credits, w.onFree(), false});
        }
        }
        w.trace.last() += QLatin1String(" => ") + w.s.planId + QLatin1Char('/') + statusToString(w.s.status);
    }

private Q_SLOTS:
    void randomSequencesKeepInvariants()
    {
        QRandomGenerator rng(20261201u);
        int sequences = 0, freeSpends = 0, paidCycles = 0;
        for (; sequences < 3000; ++sequences) {
            World w;
            w.now = utc("2026-11-28T00:00:00Z").addSecs(rng.bounded(0, 400 * 86400));
            w.s.freeSince = w.now;
            const int ops = rng.bounded(10, 60);
            for (int i = 0; i < ops; ++i) {
                step(w, rng);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(QStringLiteral("sequence %1:\n").arg(sequences) + w.trace.join(QLatin1Char('\n'))));
                const QString broken = violation(w);
                if (!broken.isEmpty())
                    QFAIL(qPrintable(QStringLiteral("sequence %1: %2\n").arg(sequences).arg(broken) + w.trace.join(QLatin1Char('\n'))));
            }
            for (const Event &e : std::as_const(w.log))
                freeSpends += e.onFree && !e.grant;
            paidCycles += w.s.planId != QLatin1String("free");
        }
        // The generator must actually reach both worlds, or the test proves little.
        QVERIFY2(freeSpends > 1000, qPrintable(QString::number(freeSpends)));
        QVERIFY2(paidCycles > 300, qPrintable(QString::number(paidCycles)));
    }
};

QTEST_GUILESS_MAIN(TestProperties)
#include "tst_properties.moc"
