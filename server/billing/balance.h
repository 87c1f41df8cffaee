#pragma once
// The balance is derived, never stored: from the plan, the subscription state
// and usage totals over the windows this file defines. Never negative.
#include "plancatalog.h"
#include "subscription.h"

#include <QDateTime>
#include <optional>

namespace billing {

// The windows the storage layer sums usage over, for `now`.
struct UsageWindows {
    QDateTime dayStart, dayEnd;       // UTC calendar day of now
    QDateTime monthStart, monthEnd;   // UTC calendar month of now
    QDateTime cycleStart, cycleEnd;   // paid plans: [periodStart, periodEnd); invalid on Free
};
UsageWindows usageWindows(const SubscriptionState &s, const QDateTime &now);

// Usage sums the storage layer provides for those windows.
struct UsageTotals {
    qint64 usedTodayOnFree = 0;      // usage in [dayStart, dayEnd) spent while on Free
    qint64 usedThisMonthOnFree = 0;  // usage in [monthStart, monthEnd) spent while on Free
    qint64 usedThisCycle = 0;        // usage in [cycleStart, cycleEnd) (paid plans)
    qint64 grantsThisCycle = 0;      // one-off grants made in [cycleStart, cycleEnd)
};

enum class PeriodKind { Day, Cycle };

struct Balance {
    qint64 remaining = 0;        // never negative
    qint64 allowance = 0;        // Free: 5 (daily); Pro: tier allowance (0 while the cycle is unfunded) + grants
    qint64 used = 0;             // Free: used today; Pro: used this cycle
    PeriodKind periodKind = PeriodKind::Day;
    QDateTime periodStart, periodEnd;
    QDateTime nextRefillAt;      // Free: next UTC midnight, or the 1st of next month when the cap is reached;
                                 // paid: periodEnd
    struct MonthlyCap { qint64 used = 0; qint64 cap = 0; };
    std::optional<MonthlyCap> monthlyCap; // Free only
    bool monthlyCapReached = false;
};

// A paid plan's own allowance per cycle: the tier's, or the Enterprise contract's.
qint64 tierAllowance(const Plan &plan, const SubscriptionState &s);

Balance computeBalance(const Plan &plan, const SubscriptionState &s, const UsageTotals &t,
                       const QDateTime &now);

// Whether a spend of `credits` fits. Refused whole when it does not.
inline bool canSpend(const Balance &b, qint64 credits) { return credits > 0 && credits <= b.remaining; }

} // namespace billing
