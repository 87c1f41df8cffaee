#include "alerts.h"

namespace billing {

namespace {
// used/allowance reached `t` % now but not before (integers: no rounding at 74.99 %).
bool crossed(qint64 usedBefore, qint64 usedAfter, qint64 allowance, int t)
{
    return allowance > 0 && usedBefore * 100 < t * allowance && usedAfter * 100 >= t * allowance;
}

void add(QList<CreditAlert> *out, const QString &scope, qint64 usedBefore, qint64 usedAfter, qint64 allowance,
         qint64 remaining, const QDateTime &start, const QDateTime &resets)
{
    for (int t : kAlertThresholds) {
        if (crossed(usedBefore, usedAfter, allowance, t))
            out->append({scope, t, usedAfter, allowance, remaining, start, resets});
    }
}
} // namespace

QList<CreditAlert> crossedThresholds(const Balance &before, const Balance &after, const QDateTime &now)
{
    QList<CreditAlert> out;
    // A period that changed between the two (a refill) is a new period: judged from zero.
    const qint64 usedBefore = before.periodStart == after.periodStart ? before.used : 0;
    const QString scope = after.periodKind == PeriodKind::Cycle ? QStringLiteral("cycle") : QStringLiteral("day");
    add(&out, scope, usedBefore, after.used, after.allowance, after.remaining, after.periodStart, after.periodEnd);
    if (after.monthlyCap) {
        const QDate today = now.toUTC().date();
        const QDateTime monthStart(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC);
        const qint64 monthBefore = before.monthlyCap && before.periodStart.date().month() == today.month()
                && before.periodStart.date().year() == today.year() ? before.monthlyCap->used : 0;
        add(&out, QStringLiteral("month"), monthBefore, after.monthlyCap->used, after.monthlyCap->cap,
            std::max<qint64>(0, after.monthlyCap->cap - after.monthlyCap->used), monthStart, monthStart.addMonths(1));
    }
    return out;
}

} // namespace billing
