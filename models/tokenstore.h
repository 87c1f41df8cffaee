#pragma once
#include "apierror.h"

#include <QObject>
#include <functional>

// The refresh token lives in the system keyring (Secret Service via QtKeychain),
// service "kliv-konto", one entry per server URL. There is deliberately no
// plain-text fallback: without a usable keyring the user gets a clear error.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &token, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit TokenStore(QObject *parent = nullptr);

    static QString service() { return QStringLiteral("kliv-konto"); }
    static QString keyFor(const QUrl &server);

    // An absent entry is not an error: the token comes back empty.
    void read(const QUrl &server, QObject *context, ReadCallback cb);
    void write(const QUrl &server, const QString &token, QObject *context, DoneCallback cb);
    void remove(const QUrl &server, QObject *context, DoneCallback cb);
};
