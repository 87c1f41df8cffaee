#pragma once
#include "requesttracker.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The list models that load from the API: `loading` while a request runs,
// `error` with the last answer's message. run() resets both on every path, so
// no model can leave a spinner or a stale error behind (RequestTracker).
class RequestModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RequestModel is the base of the API list models.")
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    explicit RequestModel(QObject *parent = nullptr);

    bool loading() const { return m_requests.loading(); }
    QString error() const { return m_requests.error(); }
    // Where requests go: the session's transport unless one is given (not owned;
    // nullptr = the session's again).
    Transport *transport() const { return m_requests.transport(); }
    void setTransport(Transport *transport) { m_requests.setTransport(transport); }

Q_SIGNALS:
    void loadingChanged();
    void errorChanged();

protected:
    using Scope = RequestTracker::Scope;
    static constexpr Scope CurrentWorkspace = RequestTracker::CurrentWorkspace;
    static constexpr Scope AnyWorkspace = RequestTracker::AnyWorkspace;

    void setLoading(bool loading) { m_requests.setLoading(loading); }
    void setError(const QString &error) { m_requests.setError(error); }
    // See RequestTracker::run: the handlers may run() again.
    void run(const ApiRequest &request, Scope scope, ApiCallback onSuccess, ApiCallback onFailure = {})
    {
        m_requests.run(request, scope, std::move(onSuccess), std::move(onFailure));
    }
    // Forgets the requests in flight: their answers are dropped, loading ends now.
    void abandonRequests() { m_requests.abandon(); }

private:
    RequestTracker m_requests;
};
