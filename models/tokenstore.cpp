#include "tokenstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrl>
#include <qt6keychain/keychain.h>

namespace {
ApiError keychainError(QKeychain::Error code, const QString &detail)
{
    ApiError e = ApiError::make(ApiError::Keychain);
    e.serverMessage = detail;
    switch (code) {
    case QKeychain::NoBackendAvailable:
        e.code = QStringLiteral("no_backend");
        e.message = QCoreApplication::translate("TokenStore",
            "Ingen nyckelring hittades. Kliv Konto sparar aldrig inloggningen i klartext: "
            "starta en nyckelring (t.ex. GNOME Nyckelring eller KWallet) och logga in igen.");
        break;
    case QKeychain::AccessDenied:
        e.code = QStringLiteral("access_denied");
        e.message = QCoreApplication::translate("TokenStore",
            "Kliv Konto fick inte tillgång till nyckelringen. Tillåt åtkomst och logga in igen.");
        break;
    default:
        e.code = QStringLiteral("locked");
        e.message = QCoreApplication::translate("TokenStore",
            "Nyckelringen är låst eller svarar inte. Lås upp den och försök igen.");
        break;
    }
    qCWarning(lcAuth) << "keychain error" << int(code) << detail;
    return e;
}
}

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

QString TokenStore::keyFor(const QUrl &server)
{
    return QStringLiteral("refresh-token:") + server.adjusted(QUrl::StripTrailingSlash).toString();
}

void TokenStore::read(const QUrl &server, QObject *context, ReadCallback cb)
{
    auto *job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server));
    QPointer<QObject> ctx(context);
    connect(job, &QKeychain::Job::finished, this, [job, ctx, cb](QKeychain::Job *) {
        if (!ctx)
            return;
        if (job->error() == QKeychain::NoError)
            cb(job->textData(), {});
        else if (job->error() == QKeychain::EntryNotFound)
            cb({}, {});
        else
            cb({}, keychainError(job->error(), job->errorString()));
    });
    job->start();
}

void TokenStore::write(const QUrl &server, const QString &token, QObject *context, DoneCallback cb)
{
    auto *job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server));
    job->setTextData(token);
    QPointer<QObject> ctx(context);
    connect(job, &QKeychain::Job::finished, this, [job, ctx, cb](QKeychain::Job *) {
        if (!ctx)
            return;
        cb(job->error() == QKeychain::NoError ? ApiError() : keychainError(job->error(), job->errorString()));
    });
    job->start();
}

void TokenStore::remove(const QUrl &server, QObject *context, DoneCallback cb)
{
    auto *job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(server));
    QPointer<QObject> ctx(context);
    connect(job, &QKeychain::Job::finished, this, [job, ctx, cb](QKeychain::Job *) {
        if (!ctx)
            return;
        const auto err = job->error();
        cb(err == QKeychain::NoError || err == QKeychain::EntryNotFound ? ApiError() : keychainError(err, job->errorString()));
    });
    job->start();
}
