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
    m_thread.setObjectName(QStringLiteral("kliv-keyring"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

TokenStore::~TokenStore()
{
    m_thread.quit();
    // A keyring that hangs must not hang the exit.
    if (!m_thread.wait(2000))
        qCWarning(lcAuth) << "the keyring did not answer before exit";
}

QString TokenStore::keyFor(const QUrl &server)
{
    return QStringLiteral("refresh-token:") + server.adjusted(QUrl::StripTrailingSlash).toString();
}

namespace {
// Every job: this service, the server's key, and never a plain-text fallback.
template<typename Job>
Job *makeJob(QObject *owner, const QString &key)
{
    auto *job = new Job(TokenStore::service(), owner);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Starts the job; `done` gets what it found when it ends (on the job's thread).
void runJob(QKeychain::Job *job, std::function<void(const TokenStore::Outcome &)> done)
{
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job *) {
        TokenStore::Outcome o{int(job->error()), job->errorString(), {}};
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job); read && job->error() == QKeychain::NoError)
            o.text = read->textData();
        done(o);
    });
    job->start();
}
}

void TokenStore::onKeyringThread(std::function<void(QObject *, std::function<void(const Outcome &)>)> start,
                                 QObject *context, std::function<void(const Outcome &)> done)
{
    QPointer<QObject> ctx(context);
    QObject *worker = m_worker;
    // Back to the store's thread (it outlives the keyring thread); dropped when
    // the caller's context is gone by then.
    auto back = [self = this, ctx, done](const Outcome &o) {
        QMetaObject::invokeMethod(self, [ctx, done, o] {
            if (ctx)
                done(o);
        }, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(worker, [worker, start, back] { start(worker, back); }, Qt::QueuedConnection);
}

void TokenStore::read(const QUrl &server, QObject *context, ReadCallback cb)
{
    const QString key = keyFor(server);
    onKeyringThread([key](QObject *owner, auto done) { runJob(makeJob<QKeychain::ReadPasswordJob>(owner, key), done); },
                    context, [cb](const Outcome &o) {
        if (o.error == QKeychain::NoError)
            cb(o.text, {});
        else if (o.error == QKeychain::EntryNotFound)
            cb({}, {});
        else
            cb({}, keychainError(QKeychain::Error(o.error), o.detail));
    });
}

void TokenStore::write(const QUrl &server, const QString &token, QObject *context, DoneCallback cb)
{
    const QString key = keyFor(server);
    onKeyringThread([key, token](QObject *owner, auto done) {
        auto *job = makeJob<QKeychain::WritePasswordJob>(owner, key);
        job->setTextData(token);
        runJob(job, done);
    }, context, [cb](const Outcome &o) {
        cb(o.error == QKeychain::NoError ? ApiError() : keychainError(QKeychain::Error(o.error), o.detail));
    });
}

void TokenStore::remove(const QUrl &server, QObject *context, DoneCallback cb)
{
    const QString key = keyFor(server);
    onKeyringThread([key](QObject *owner, auto done) { runJob(makeJob<QKeychain::DeletePasswordJob>(owner, key), done); },
                    context, [cb](const Outcome &o) {
        cb(o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound
               ? ApiError() : keychainError(QKeychain::Error(o.error), o.detail));
    });
}
