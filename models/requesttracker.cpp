#include "requesttracker.h"

#include "session.h"

RequestTracker::RequestTracker(QObject *owner, std::function<void()> loadingChanged, std::function<void()> errorChanged)
    : m_owner(owner)
    , m_loadingChanged(std::move(loadingChanged))
    , m_errorChanged(std::move(errorChanged))
{
}

Transport *RequestTracker::transport() const
{
    return m_transport ? m_transport : Session::instance()->transport();
}

void RequestTracker::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    m_loadingChanged();
}

void RequestTracker::setError(const QString &error)
{
    m_errorWorkspace = Session::instance()->currentWorkspaceId();
    if (error == m_error)
        return;
    m_error = error;
    m_errorChanged();
}

void RequestTracker::run(const ApiRequest &request, Scope scope, ApiCallback onSuccess, ApiCallback onFailure)
{
    const QString workspace = Session::instance()->currentWorkspaceId();
    const int generation = m_generation;
    ++m_running;
    setLoading(true);
    transport()->send(request, m_owner, [=, this](const ApiResult &r) {
        if (generation != m_generation)
            return; // abandoned: loading already ended
        finish(workspace, scope, r, onSuccess, onFailure);
    });
}

void RequestTracker::runQuietly(const ApiRequest &request, Scope scope, ApiCallback onAnswer)
{
    const QString workspace = Session::instance()->currentWorkspaceId();
    transport()->send(request, m_owner, [=](const ApiResult &r) {
        if (scope == CurrentWorkspace && workspace != Session::instance()->currentWorkspaceId())
            return; // asked for a workspace we left
        onAnswer(r);
    });
}

void RequestTracker::finish(const QString &workspace, Scope scope, const ApiResult &r, const ApiCallback &onSuccess,
                            const ApiCallback &onFailure)
{
    // Loading ends before the handler runs (a view that gets rows may ask for
    // the next page right then) and is signalled after it, once the rows are in.
    const bool wasLoading = m_loading;
    m_loading = --m_running > 0;
    const QString current = Session::instance()->currentWorkspaceId();
    if (scope == CurrentWorkspace && workspace != current) {
        // Asked for a workspace we left: nothing in it applies here.
        if (m_errorWorkspace != current)
            setError({});
    } else {
        setError(r.ok() ? QString() : r.error.message);
        if (r.ok() && onSuccess)
            onSuccess(r);
        else if (!r.ok() && onFailure)
            onFailure(r);
    }
    if (m_loading != wasLoading)
        m_loadingChanged();
}

void RequestTracker::abandon()
{
    ++m_generation;
    m_running = 0;
    setLoading(false);
}
