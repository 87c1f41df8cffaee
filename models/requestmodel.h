#pragma once
#include "transport.h"

#include <QAbstractListModel>
#include <QQmlEngine>

// The list models that load from the API: `loading` while a request runs,
// `error` with the last answer's message. run() resets both on every path, so
// no model can leave a spinner or a stale error behind.
class RequestModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RequestModel is the base of the API list models.")
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    // Where requests go: the session's transport unless one is given (not owned;
    // nullptr = the session's again).
    Transport *transport() const;
    void setTransport(Transport *transport) { m_transport = transport; }

Q_SIGNALS:
    void loadingChanged();
    void errorChanged();

protected:
    enum Scope {
        CurrentWorkspace, // an answer for a workspace no longer current is stale
        AnyWorkspace,     // the catalog, or a change whose answer matters wherever it was made
    };
    void setLoading(bool loading);
    void setError(const QString &error);
    // Sends one request. Its answer ends `loading` (once no other request runs)
    // and sets `error` (empty on success), then onSuccess or onFailure runs. A
    // stale answer runs neither and clears an error left by another workspace.
    // The handlers may run() again (a reload after a change).
    void run(const ApiRequest &request, Scope scope, ApiCallback onSuccess, ApiCallback onFailure = {});
    // Forgets the requests in flight: their answers are dropped, loading ends now.
    void abandonRequests();

private:
    void finish(const QString &workspace, Scope scope, const ApiResult &r, const ApiCallback &onSuccess,
                const ApiCallback &onFailure);

    Transport *m_transport = nullptr;
    bool m_loading = false;
    QString m_error;
    QString m_errorWorkspace; // the workspace the error was met in
    int m_running = 0;
    int m_generation = 0;
};
