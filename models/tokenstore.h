#pragma once
#include "apierror.h"

#include <QObject>
#include <QThread>
#include <functional>

// The refresh token lives in the system keyring (Secret Service via QtKeychain),
// service "kliv-konto", one entry per server URL. There is deliberately no
// plain-text fallback: without a usable keyring the user gets a clear error.
// The keyring's D-Bus round trips run on a thread of their own, so a read
// started before the window loads is answered by the time it is shown; the
// callbacks run on the caller's (GUI) thread.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &token, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    static QString service() { return QStringLiteral("kliv-konto"); }
    static QString keyFor(const QUrl &server);

    // An absent entry is not an error: the token comes back empty.
    void read(const QUrl &server, QObject *context, ReadCallback cb);
    void write(const QUrl &server, const QString &token, QObject *context, DoneCallback cb);
    void remove(const QUrl &server, QObject *context, DoneCallback cb);

    struct Outcome { int error = 0; QString detail, text; };

private:
    // Runs `start` (makes and starts a job) on the keyring thread; `done` gets its outcome here.
    void onKeyringThread(std::function<void(QObject *owner, std::function<void(const Outcome &)>)> start,
                         QObject *context, std::function<void(const Outcome &)> done);

    QThread m_thread;
    QObject *m_worker = nullptr;   // lives on m_thread: the jobs' parent
};
