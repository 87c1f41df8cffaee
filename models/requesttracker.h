#pragma once
#include "transport.h"

#include <QObject>
#include <QString>
#include <functional>

// The request plumbing of the models that load from the API: `loading` while
// a request runs, `error` with the last answer's message, stale answers
// dropped. Not a QObject: its owner keeps the Q_PROPERTYs and is told of each
// change (the notify callbacks), so list models (RequestModel) and the
// singletons (CreditMeter, Subscription) and UsageModel share one behaviour.
class RequestTracker
{
public:
    enum Scope {
        CurrentWorkspace, // an answer for a workspace no longer current is stale
        AnyWorkspace,     // the catalog, or a change whose answer matters wherever it was made
    };

    // owner: the callbacks' context (answers for a dead owner are dropped).
    RequestTracker(QObject *owner, std::function<void()> loadingChanged, std::function<void()> errorChanged);

    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    // Where requests go: the session's transport unless one is given (not owned;
    // nullptr = the session's again).
    Transport *transport() const;
    void setTransport(Transport *transport) { m_transport = transport; }

    void setLoading(bool loading);
    void setError(const QString &error);
    // Sends one request. Its answer ends `loading` (once no other request runs)
    // and sets `error` (empty on success), then onSuccess or onFailure runs. A
    // stale answer runs neither and clears an error left by another workspace.
    // The handlers may run() again (a reload after a change).
    void run(const ApiRequest &request, Scope scope, ApiCallback onSuccess, ApiCallback onFailure = {});
    // A request the user did not ask for (a background refresh): no loading, no
    // error, only the stale answer dropped; onAnswer gets success and failure.
    void runQuietly(const ApiRequest &request, Scope scope, ApiCallback onAnswer);
    // Forgets the requests in flight: their answers are dropped, loading ends now.
    void abandon();

private:
    void finish(const QString &workspace, Scope scope, const ApiResult &r, const ApiCallback &onSuccess,
                const ApiCallback &onFailure);

    QObject *m_owner;
    std::function<void()> m_loadingChanged, m_errorChanged;
    Transport *m_transport = nullptr;
    bool m_loading = false;
    QString m_error;
    QString m_errorWorkspace; // the workspace the error was met in
    int m_running = 0;
    int m_generation = 0;
};
