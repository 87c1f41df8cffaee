#pragma once
// Credit alerts (billing-rules.md, "Alerts"): a spend that carries the use of a
// period across 75, 90 or 100 % of its allowance announces it, once per
// workspace, period and threshold (the store keeps which were announced).
// Paid plans: the billing cycle's allowance (with grants). Free: the day's 5
// and, separately, the month's cap of 30.
#include "balance.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace billing {

inline constexpr int kAlertThresholds[] = {75, 90, 100};

struct CreditAlert {
    QString scope;              // "cycle" | "day" | "month"
    int threshold = 0;          // percent
    qint64 used = 0, allowance = 0, remaining = 0;
    QDateTime periodStart;      // with scope and threshold: the alert's identity
    QDateTime resetsAt;         // when that period's allowance comes back
};

// The thresholds crossed by going from `before` to `after` (the same period;
// one spend may cross several). `now` places Free's month.
QList<CreditAlert> crossedThresholds(const Balance &before, const Balance &after, const QDateTime &now);

} // namespace billing
