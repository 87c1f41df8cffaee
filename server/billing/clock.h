#pragma once
// The clock is injected everywhere rules need "now", so tests and the
// development mode can move time. Rules functions take `now` as a parameter;
// this interface is for the layers that call them.
#include <QDateTime>
#include <QMutex>

namespace billing {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;   // always UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// Development/test clock: starts at a given instant (or the system time) and
// only moves forward. Between explicit moves it follows real time, so that a
// demo keeps ticking. Thread-safe: request handlers may read it while the dev
// clock route moves it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTimeUtc());
    QDateTime now() const override;
    // Returns false (and changes nothing) if `t` is earlier than now().
    bool setNow(const QDateTime &t);
    void setFrozen(bool frozen);  // frozen: time moves only through setNow()
    bool isFrozen() const;

private:
    QDateTime nowLocked() const;

    QDateTime m_base;
    qint64 m_monotonicAtBase = 0;
    bool m_frozen = false;
    mutable QMutex m_mutex;
};

} // namespace billing
