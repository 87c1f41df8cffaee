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

namespace {
// Every job: this service, the server's key, and never a plain-text fallback.
template<typename Job>
Job *makeJob(TokenStore *store, const QUrl &server)
{
    auto *job = new Job(TokenStore::service(), store);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(TokenStore::keyFor(server));
    return job;
}

// Runs `done` when the job ends, unless the context is gone by then.
void whenFinished(QKeychain::Job *job, QObject *context, std::function<void(QKeychain::Error)> done)
{
    QPointer<QObject> ctx(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, ctx, done](QKeychain::Job *) {
        if (ctx)
            done(job->error());
    });
    job->start();
}
}

void TokenStore::read(const QUrl &server, QObject *context, ReadCallback cb)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, server);
    whenFinished(job, context, [job, cb](QKeychain::Error err) {
        if (err == QKeychain::NoError)
            cb(job->textData(), {});
        else if (err == QKeychain::EntryNotFound)
            cb({}, {});
        else
            cb({}, keychainError(err, job->errorString()));
    });
}

void TokenStore::write(const QUrl &server, const QString &token, QObject *context, DoneCallback cb)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this, server);
    job->setTextData(token);
    whenFinished(job, context, [job, cb](QKeychain::Error err) {
        cb(err == QKeychain::NoError ? ApiError() : keychainError(err, job->errorString()));
    });
}

void TokenStore::remove(const QUrl &server, QObject *context, DoneCallback cb)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this, server);
    whenFinished(job, context, [job, cb](QKeychain::Error err) {
        cb(err == QKeychain::NoError || err == QKeychain::EntryNotFound ? ApiError() : keychainError(err, job->errorString()));
    });
}
