#include "signinthrottle.h"

#include <QMutexLocker>
#include <algorithm>

namespace http {

namespace {
QString pairKey(const QString &account, const QString &source) { return QStringLiteral("p|") + source + QLatin1Char('|') + account; }
QString sourceKey(const QString &source) { return QStringLiteral("s|") + source; }
QString accountKey(const QString &account) { return QStringLiteral("a|") + account; }
} // namespace

SignInThrottle::SignInThrottle(Limits limits) : m_limits(limits) {}

QString SignInThrottle::sourceOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR a = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        a[i] = 0;
    return QHostAddress(a).toString() + QStringLiteral("/64");
}

int SignInThrottle::recent(const QString &key, qint64 now)
{
    const auto it = m_counters.find(key);
    if (it == m_counters.end())
        return 0;
    QList<qint64> &f = it->failures;
    while (!f.isEmpty() && now - f.first() > m_limits.windowSecs)
        f.removeFirst();
    if (f.isEmpty()) {
        m_order.erase(it->age);
        m_counters.erase(it);
        return 0;
    }
    return int(f.size());
}

void SignInThrottle::add(const QString &key, qint64 now)
{
    auto it = m_counters.find(key);
    if (it == m_counters.end()) {
        m_order.push_back(key);
        it = m_counters.insert(key, Counter{{}, std::prev(m_order.end())});
    } else {
        m_order.splice(m_order.end(), m_order, it->age);   // now the most recent
    }
    it->failures.append(now);
    const int keep = std::max({m_limits.perPair, m_limits.perSource, m_limits.accountSoft + 64});
    while (it->failures.size() > keep)
        it->failures.removeFirst();
    while (int(m_counters.size()) > m_limits.capacity) {
        m_counters.remove(m_order.front());
        m_order.pop_front();
    }
}

SignInThrottle::Decision SignInThrottle::check(const QString &account, const QString &source, const QDateTime &now)
{
    const qint64 t = now.toSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    Decision d;
    d.refused = recent(pairKey(account, source), t) >= m_limits.perPair
        || recent(sourceKey(source), t) >= m_limits.perSource;
    const int onAccount = recent(accountKey(account), t);
    if (onAccount > m_limits.accountSoft)
        d.delayMs = std::min(m_limits.maxDelayMs, (onAccount - m_limits.accountSoft) * m_limits.delayStepMs);
    return d;
}

void SignInThrottle::fail(const QString &account, const QString &source, const QDateTime &now)
{
    const qint64 t = now.toSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    add(pairKey(account, source), t);
    add(sourceKey(source), t);
    add(accountKey(account), t);
}

int SignInThrottle::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_counters.size());
}

} // namespace http
