#include "clock.h"

#include <QElapsedTimer>

namespace billing {

namespace {
// Milliseconds on a monotonic clock: wall-clock jumps do not move a ManualClock.
qint64 monotonicMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

ManualClock::ManualClock(QDateTime start)
    : m_base(start.isValid() ? start.toUTC() : QDateTime::currentDateTimeUtc())
    , m_monotonicAtBase(monotonicMs())
{
}

QDateTime ManualClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return nowLocked();
}

QDateTime ManualClock::nowLocked() const
{
    if (m_frozen)
        return m_base;
    return m_base.addMSecs(monotonicMs() - m_monotonicAtBase);
}

bool ManualClock::setNow(const QDateTime &t)
{
    QMutexLocker lock(&m_mutex);
    if (!t.isValid() || t < nowLocked())
        return false;
    m_base = t.toUTC();
    m_monotonicAtBase = monotonicMs();
    return true;
}

void ManualClock::setFrozen(bool frozen)
{
    // Re-base first, so that neither freezing nor thawing makes time jump.
    QMutexLocker lock(&m_mutex);
    m_base = nowLocked();
    m_monotonicAtBase = monotonicMs();
    m_frozen = frozen;
}

bool ManualClock::isFrozen() const
{
    QMutexLocker lock(&m_mutex);
    return m_frozen;
}

} // namespace billing
