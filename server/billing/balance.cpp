#include "balance.h"


#include <algorithm>

namespace billing {

namespace {
QDateTime utcMidnight(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC);
}
} // namespace

UsageWindows usageWindows(const SubscriptionState &s, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    const QDate firstOfMonth(today.year(), today.month(), 1);
    UsageWindows w;
    w.dayStart = utcMidnight(today);
    w.dayEnd = utcMidnight(today.addDays(1));
    w.monthStart = utcMidnight(firstOfMonth);
    w.monthEnd = utcMidnight(firstOfMonth.addMonths(1));
    if (s.planId != QLatin1String("free") && s.periodStart.isValid() && s.periodEnd.isValid()) {
        w.cycleStart = s.periodStart;
        w.cycleEnd = s.periodEnd;
    }
    return w;
}

qint64 tierAllowance(const Plan &plan, const SubscriptionState &s)
{
    return plan.kind == PlanKind::Enterprise ? s.customAllowance : plan.monthlyCredits;
}

Balance computeBalance(const Plan &plan, const SubscriptionState &s, const UsageTotals &t,
                       const QDateTime &now)
{
    const UsageWindows w = usageWindows(s, now);
    Balance b;
    if (!plan.isPaid()) {
        const qint64 leftToday = plan.dailyCredits - t.usedTodayOnFree;
        const qint64 leftThisMonth = plan.monthlyCap - t.usedThisMonthOnFree;
        b.remaining = std::max<qint64>(0, std::min(leftToday, leftThisMonth));
        b.allowance = plan.dailyCredits;
        b.used = t.usedTodayOnFree;
        b.periodKind = PeriodKind::Day;
        b.periodStart = w.dayStart;
        b.periodEnd = w.dayEnd;
        b.monthlyCap = Balance::MonthlyCap{t.usedThisMonthOnFree, plan.monthlyCap};
        b.monthlyCapReached = t.usedThisMonthOnFree >= plan.monthlyCap;
        // Midnight brings something only while the day, not the month, is what
        // limits: once the month's rest is all there is (cap reached, or it would
        // block tomorrow), the next refill is the 1st of next month.
        const bool monthLimits = leftThisMonth <= b.remaining;
        b.nextRefillAt = monthLimits ? w.monthEnd : w.dayEnd;
        return b;
    }

    // Grants extend the cycle's pool; an unfunded cycle (renewal invoice not
    // paid yet) has no allowance of its own.
    const qint64 base = s.cycleFunded ? tierAllowance(plan, s) : 0;
    b.allowance = base + t.grantsThisCycle;
    b.used = t.usedThisCycle;
    b.remaining = std::max<qint64>(0, b.allowance - t.usedThisCycle);
    b.periodKind = PeriodKind::Cycle;
    b.periodStart = w.cycleStart;
    b.periodEnd = w.cycleEnd;
    b.nextRefillAt = w.cycleEnd;
    return b;
}

} // namespace billing
