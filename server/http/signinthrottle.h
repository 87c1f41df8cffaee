#pragma once
// Slows password guessing without handing attackers a way to lock users out:
// failed sign-ins are counted per (account, source address), per source and
// per account in a sliding window. A pair or a source over its limit is
// refused (429); an account attacked from many sources only costs each of
// its attempts a growing delay, so its owner still gets in from elsewhere.
// Memory is bounded: at most `capacity` counters, the least recently failed
// evicted first. Shared by every handler thread: all access is locked.
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>
#include <list>

namespace http {

class SignInThrottle
{
public:
    struct Limits {
        int perPair = 10;          // wrong passwords for one account from one source ...
        int perSource = 30;        // ... for any accounts from one source ...
        qint64 windowSecs = 600;   // ... within ten minutes, then 429
        int accountSoft = 10;      // failures on an account from all sources before delays start
        int delayStepMs = 250;     // per failure above accountSoft ...
        int maxDelayMs = 4000;     // ... up to this
        int capacity = 10000;      // counters kept (three per failure at most)
    };
    struct Decision {
        bool refused = false;
        int delayMs = 0;           // answer no sooner than this (account under attack)
    };

    explicit SignInThrottle(Limits limits);
    SignInThrottle() : SignInThrottle(Limits{}) {}

    // IPv4 as is; IPv6 by its /64 (one host often holds a whole /64).
    static QString sourceOf(const QHostAddress &address);

    Decision check(const QString &account, const QString &source, const QDateTime &now);
    void fail(const QString &account, const QString &source, const QDateTime &now);
    int size() const;

private:
    struct Counter {
        QList<qint64> failures;             // unix seconds, oldest first, at most the largest limit
        std::list<QString>::iterator age;   // position in m_order
    };
    int recent(const QString &key, qint64 now);     // failures in the window; prunes
    void add(const QString &key, qint64 now);

    const Limits m_limits;
    mutable QMutex m_mutex;
    QHash<QString, Counter> m_counters;
    std::list<QString> m_order;             // least recently failed first
};

} // namespace http
