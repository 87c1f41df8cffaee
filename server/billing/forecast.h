#pragma once
// The forecast shown with a balance: at the recent pace, when the credits run
// out, or that they last until the reset (docs/billing-rules.md, "Forecast").
// Pure: the storage layer reads the usage per UTC day of forecastWindow().
#include "balance.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <optional>

namespace billing {

struct DayUsage {
    QDate day;             // UTC calendar day
    qint64 credits = 0;    // Free: spent while on Free; paid plans: all usage that day
};

// The UTC days the pace is taken over: the last 7 full days plus today, but
// never before the cycle's first day (paid) or the month's first day (Free).
struct ForecastWindow {
    QDate first, last;     // inclusive; last is today
    bool clipped = false;  // starts at the cycle/month start: the balance's own count is used
};
ForecastWindow forecastWindow(const Balance &b, const QDateTime &now);

struct Forecast {
    // Relative to the balance's remaining and next refill.
    QDateTime runsOutAt;           // invalid when the credits last until resetAt
    bool lastsUntilReset = false;
    QDateTime resetAt;             // the balance's nextRefillAt
    // The pace: windowUsed credits over windowDays UTC days (today counts whole).
    QDate windowStart;
    qint64 windowDays = 1;
    qint64 windowUsed = 0;
    qint64 dailyRate = 0;          // windowUsed / windowDays, rounded up (whole credits)
    // Free only: the month's cap at the same pace.
    struct Month {
        qint64 remaining = 0;      // cap - used this month, never below 0
        QDateTime runsOutAt;       // invalid when it lasts the month
        bool lastsUntilReset = false;
        QDateTime resetAt;         // the 1st of next month, 00:00Z
    };
    std::optional<Month> month;
};

// `days` may hold any days; only those in forecastWindow(b, now) count (and
// none when the window is clipped: then b.used / the month's used is exact).
Forecast forecast(const Balance &b, const QList<DayUsage> &days, const QDateTime &now);

} // namespace billing
