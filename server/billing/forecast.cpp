#include "forecast.h"

namespace billing {

namespace {
constexpr qint64 kDayMs = 86400000;
constexpr qint64 kPastDays = 7;   // full days before today in the window

// When `credits` last at windowUsed per windowDays from now; invalid = not before `reset`.
QDateTime runsOut(qint64 credits, const Forecast &f, const QDateTime &now, const QDateTime &reset, bool *lasts)
{
    *lasts = false;
    if (credits <= 0)
        return now;
    if (f.windowUsed <= 0) {
        *lasts = true;
        return {};
    }
    // Integers only: credits * days / used days, in milliseconds, floored to the second.
    const qint64 ms = credits * f.windowDays * kDayMs / f.windowUsed / 1000 * 1000;
    const QDateTime at = now.addMSecs(ms);
    if (reset.isValid() && at >= reset) {
        *lasts = true;
        return {};
    }
    return at;
}
} // namespace

ForecastWindow forecastWindow(const Balance &b, const QDateTime &now)
{
    ForecastWindow w;
    w.last = now.toUTC().date();
    w.first = w.last.addDays(-kPastDays);
    const QDate start = b.monthlyCap ? QDate(w.last.year(), w.last.month(), 1)
                                     : (b.periodStart.isValid() ? b.periodStart.toUTC().date() : w.first);
    if (start >= w.first) {
        w.first = qMin(start, w.last);
        w.clipped = true;
    }
    return w;
}

Forecast forecast(const Balance &b, const QList<DayUsage> &days, const QDateTime &now)
{
    const ForecastWindow w = forecastWindow(b, now);
    Forecast f;
    f.windowStart = w.first;
    f.windowDays = w.first.daysTo(w.last) + 1;
    if (w.clipped) {
        // Since the cycle (or month) began: the balance's own count, exact even
        // when the cycle began in the middle of a day.
        f.windowUsed = b.monthlyCap ? b.monthlyCap->used : b.used;
    } else {
        for (const DayUsage &d : days) {
            if (d.day >= w.first && d.day <= w.last)
                f.windowUsed += d.credits;
        }
    }
    f.windowUsed = qMax<qint64>(0, f.windowUsed);
    f.dailyRate = (f.windowUsed + f.windowDays - 1) / f.windowDays;
    f.resetAt = b.nextRefillAt;
    f.runsOutAt = runsOut(b.remaining, f, now, b.nextRefillAt, &f.lastsUntilReset);
    if (b.monthlyCap) {
        Forecast::Month m;
        m.remaining = qMax<qint64>(0, b.monthlyCap->cap - b.monthlyCap->used);
        const QDate next = QDate(w.last.year(), w.last.month(), 1).addMonths(1);
        m.resetAt = QDateTime(next, QTime(0, 0), Qt::UTC);
        m.runsOutAt = runsOut(m.remaining, f, now, m.resetAt, &m.lastsUntilReset);
        f.month = m;
    }
    return f;
}

} // namespace billing
