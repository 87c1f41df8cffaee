#include "session.h"

#include "appsettings.h"
#include "desktopnotifier.h"
#include "format.h"
#include "logging.h"
#include "loopbacksignin.h"
#include "startuptrace.h"
#include "statecache.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QSettings>

namespace {
const auto kWorkspaceKey = QStringLiteral("session/currentWorkspace");
const auto kMeCacheKind = QStringLiteral("me");

// QUrlQuery keeps '&', '=' and '+' as they are: encode form values ourselves.
QString formValue(const QString &v)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(v));
}
}

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_api.setBaseUrl(serverUrl());
    m_api.setRefresher([this](std::function<void(bool)> done) { refreshAccessToken(std::move(done)); });
    m_live.setTokenProvider([this](std::function<void(const QString &)> go) { withAccessToken(std::move(go)); });
    m_currentWorkspaceId = QSettings().value(kWorkspaceKey).toString();
    // The live channel's close codes (api/openapi.yaml, LiveCloseCode).
    connect(&m_live, &LiveChannel::sessionRevoked, this, [this] {
        endSession(tr("Du har loggats ut eftersom inloggningen avslutades på servern (till exempel utloggning på en annan dator). Logga in igen."));
    });
    connect(&m_live, &LiveChannel::membershipEnded, this, &Session::leftWorkspace);
    connect(&m_live, &LiveChannel::accessTokenExpired, this, [this] { m_accessExpiry = {}; });
    connect(&m_live, &LiveChannel::roleChanged, this, &Session::loadMe);
    // A credit alert is for the workspace the channel is open on; "Uppgradera" follows
    // the server's permissions for it.
    connect(&m_live, &LiveChannel::alertReceived, this, [this](const QJsonObject &alert) {
        DesktopNotifier::instance()->notify(m_currentWorkspaceId, alert, canManagePlan());
    });
    // Back online after an offline start: the user and workspaces are asked for now.
    connect(&m_live, &LiveChannel::connectedChanged, this, [this](bool connected) {
        if (connected && std::exchange(m_awaitingMe, false))
            loadMe();
    });
    connect(this, &Session::plansChanged, &m_workspaces, &WorkspaceListModel::refreshTexts);
    connect(AppSettings::instance(), &AppSettings::languageChanged, &m_workspaces, &WorkspaceListModel::refreshTexts);
    connect(AppSettings::instance(), &AppSettings::serverUrlChanged, this, [this] {
        // Another server: nothing of this session applies there.
        m_live.close();
        clearLocal();
        m_api.setBaseUrl(serverUrl());
        setState(SignedOut);
        Q_EMIT serverUrlChanged();
    });
}

Session *Session::instance()
{
    static Session *self = [] {
        StartupTrace::mark(QStringLiteral("session"));
        auto *s = new Session(QCoreApplication::instance());
        StartupTrace::mark(QStringLiteral("session constructed"));
        return s;
    }();
    return self;
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

QUrl Session::serverUrl() const
{
    return AppSettings::instance()->serverUrl();
}

void Session::setServerUrl(const QUrl &url)
{
    AppSettings::instance()->setServerUrl(url);
}

QString Session::currentWorkspaceName() const
{
    const auto *it = m_workspaces.find(m_currentWorkspaceId);
    return it ? it->name : QString();
}

QString Session::role() const
{
    const auto *it = m_workspaces.find(m_currentWorkspaceId);
    return it ? it->role : QString();
}

QStringList Session::permissions() const
{
    const auto *it = m_workspaces.find(m_currentWorkspaceId);
    return it ? it->permissions : QStringList();
}

QString Session::workspacePath(const QString &suffix) const
{
    return QStringLiteral("/v1/workspaces/") + QString::fromLatin1(QUrl::toPercentEncoding(m_currentWorkspaceId)) + suffix;
}

QJsonObject Session::plan(const QString &id) const
{
    for (const auto &p : m_plans)
        if (p.toObject().value(QLatin1String("id")).toString() == id)
            return p.toObject();
    return {};
}

QString Session::planName(const QString &id) const
{
    return Format::planName(id, plan(id).value(QLatin1String("name")).toString());
}

void Session::setState(State s)
{
    if (s != SigningIn)
        m_restoring = false;
    if (s == m_state)
        return;
    m_state = s;
    const bool trace = s == SignedIn;
    if (trace)
        StartupTrace::mark(QStringLiteral("session.signed-in"));
    Q_EMIT stateChanged();
    if (trace)   // the window built what a signed-in session shows
        StartupTrace::mark(QStringLiteral("session.signed-in handled"));
    applyReady();
}

void Session::setError(const QString &message)
{
    if (message == m_errorString)
        return;
    m_errorString = message;
    Q_EMIT errorStringChanged();
}

void Session::fail(const QString &message)
{
    qCWarning(lcAuth) << "sign-in failed:" << message;
    dropLoopback();
    setError(message);
    setState(Error);
}

void Session::dropLoopback()
{
    // Often called from the listener's own signal: delete it later.
    if (m_loopback) {
        m_loopback->stop();
        m_loopback.release()->deleteLater();
    }
}

void Session::applyReady()
{
    if (m_holdReady && m_state == SignedIn) {
        // The cached view is shown; the live channel waits for the token itself.
        m_live.open(serverUrl(), m_currentWorkspaceId);
    } else if (isReady()) {
        m_live.open(serverUrl(), m_currentWorkspaceId);
        StartupTrace::mark(QStringLiteral("workspace.ready"));
        Q_EMIT workspaceReady();
        StartupTrace::mark(QStringLiteral("workspace.ready handled"));
    } else if (m_state != SignedIn) {
        m_live.close();
    }
}

void Session::releaseReady()
{
    if (std::exchange(m_holdReady, false))
        applyReady();
}

void Session::restore()
{
    if (m_state == SignedIn || m_state == SigningIn)
        return;
    m_api.setBaseUrl(serverUrl());
    loadPlans();
    m_restoring = true;
    setState(SigningIn);
    StartupTrace::mark(QStringLiteral("keyring.read"));
    m_tokens.read(serverUrl(), this, [this](const QString &token, const ApiError &error) {
        StartupTrace::mark(QStringLiteral("keyring.read done"));
        if (!restoring())
            return; // a browser sign-in (or a cancel) took over meanwhile
        if (error.isError())
            return fail(error.message);
        if (token.isEmpty()) {
            setState(SignedOut);
            return;
        }
        m_refreshToken = token;
        // The last workspace from the cache at once (stale), while the refresh runs.
        const bool cached = showCachedSession();
        refreshAccessToken([this, cached](bool ok) {
            if (ok) {
                // The balance need not wait for /v1/me: the workspace is the last one used.
                if (!m_currentWorkspaceId.isEmpty())
                    Q_EMIT workspaceExpected(m_currentWorkspaceId);
                loadMe();
            } else if (cached && m_state == SignedIn) {
                m_awaitingMe = true; // offline: keep the cached view; the live channel retries
                releaseReady();      // the models try (and say they could not)
            } else if (restoring()) {
                setState(SignedOut);
            }
        });
    });
}

bool Session::showCachedSession()
{
    if (m_currentWorkspaceId.isEmpty())
        return false;
    const auto cached = StateCache::load(serverUrl(), m_currentWorkspaceId, kMeCacheKind);
    if (!cached.isValid())
        return false;
    m_workspaces.setMemberships(cached.data.value(QLatin1String("memberships")).toArray());
    if (!m_workspaces.find(m_currentWorkspaceId)) {
        m_workspaces.clear();
        return false;
    }
    qCInfo(lcAuth) << "showing the cached workspace while the session is restored";
    const QJsonObject user = cached.data.value(QLatin1String("user")).toObject();
    m_userEmail = user.value(QLatin1String("email")).toString();
    m_userName = user.value(QLatin1String("name")).toString();
    m_cachedView = true;
    m_holdReady = true;
    Q_EMIT userChanged();
    Q_EMIT currentWorkspaceIdChanged();
    setState(SignedIn);
    return true;
}

void Session::signInWithAccessToken(const QString &accessToken)
{
    m_api.setBaseUrl(serverUrl());
    loadPlans();
    m_restoring = true;
    setState(SigningIn);
    m_api.setAccessToken(accessToken);
    m_accessExpiry = QDateTime::currentDateTimeUtc().addSecs(3000);
    loadMe();
}

void Session::signIn()
{
    startBrowserSignIn({});
}

void Session::signInWithSso(const QString &email)
{
    startBrowserSignIn({{QStringLiteral("sso"), QStringLiteral("1")}, {QStringLiteral("login_hint"), email.trimmed()}});
}

void Session::startBrowserSignIn(const QList<std::pair<QString, QString>> &extra)
{
    if (m_state == SigningIn && m_loopback)
        return;
    setError({});
    m_api.setBaseUrl(serverUrl());
    m_loopback = std::make_unique<LoopbackSignIn>();
    if (!m_loopback->start())
        return fail(tr("Inloggningen kunde inte startas: ingen lokal port gick att öppna."));
    connect(m_loopback.get(), &LoopbackSignIn::codeReceived, this, &Session::exchangeCode);
    connect(m_loopback.get(), &LoopbackSignIn::failed, this, &Session::fail);
    m_signInUrl = m_loopback->authorizeUrl(serverUrl(), clientId(), extra);
    const bool wasRestoring = restoring();
    m_restoring = false;
    setState(SigningIn);
    if (wasRestoring)
        Q_EMIT stateChanged(); // same state, no longer restoring
    // openUrl may say yes and still no browser appears (or it says no): the
    // page shows the link to copy during every browser sign-in either way.
    m_browserOpenFailed = !QDesktopServices::openUrl(m_signInUrl);
    Q_EMIT signInUrlChanged();
}

void Session::cancelSignIn()
{
    dropLoopback();
    m_signInUrl.clear();
    m_browserOpenFailed = false;
    Q_EMIT signInUrlChanged();
    if (m_state == SigningIn || m_state == Error)
        setState(SignedOut);
}

void Session::exchangeCode(const QString &code)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), formValue(code));
    form.addQueryItem(QStringLiteral("redirect_uri"), formValue(m_loopback->redirectUri()));
    form.addQueryItem(QStringLiteral("client_id"), clientId());
    form.addQueryItem(QStringLiteral("code_verifier"), formValue(m_loopback->codeVerifier()));
    m_api.postForm(QStringLiteral("/oauth/token"), form, this, [this](const ApiResult &r) {
        dropLoopback();
        if (!r.ok())
            return fail(r.error.kind == ApiError::Unauthorized || r.error.kind == ApiError::SignIn
                            ? ApiError::messageFor(ApiError::SignIn) : r.error.message);
        acceptTokens(r.object(), [this](bool ok) {
            if (ok)
                loadMe();
        });
    });
}

void Session::acceptTokens(const QJsonObject &tokens, std::function<void(bool)> then, bool keyringInBackground)
{
    const QString access = tokens.value(QLatin1String("access_token")).toString();
    const QString refresh = tokens.value(QLatin1String("refresh_token")).toString();
    if (access.isEmpty() || refresh.isEmpty()) {
        fail(ApiError::messageFor(ApiError::InvalidResponse));
        return then(false);
    }
    m_api.setAccessToken(access);
    const int ttl = tokens.value(QLatin1String("expires_in")).toInt(3600);
    // Renew a little early so a request never leaves with a token about to die.
    m_accessExpiry = QDateTime::currentDateTimeUtc().addSecs(ttl - qMin(30, ttl / 4));
    m_refreshToken = refresh;
    StartupTrace::mark(QStringLiteral("keyring.write"));
    auto written = std::make_shared<std::function<void(bool)>>(keyringInBackground ? std::function<void(bool)>() : then);
    m_tokens.write(serverUrl(), refresh, this, [this, written, refresh](const ApiError &error) {
        StartupTrace::mark(QStringLiteral("keyring.write done"));
        if (error.isError() && refresh == m_refreshToken) {
            // Without the keyring the sign-in cannot be kept safely: undo it.
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("token"), formValue(m_refreshToken));
            m_api.postForm(QStringLiteral("/oauth/revoke"), form, nullptr, {});
            clearLocal();
            fail(error.message);
            if (*written)
                (*written)(false);
            return;
        }
        if (*written)
            (*written)(!error.isError());
    });
    // A silent refresh goes on at once: the keyring answered a moment ago.
    if (keyringInBackground)
        then(true);
}

void Session::refreshAccessToken(std::function<void(bool)> done)
{
    m_refreshWaiters << std::move(done);
    if (m_refreshing)
        return;
    if (m_refreshToken.isEmpty()) {
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto &w : waiters)
            w(false);
        return;
    }
    m_refreshing = true;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), formValue(m_refreshToken));
    form.addQueryItem(QStringLiteral("client_id"), clientId());
    qCDebug(lcAuth) << "refreshing the access token";
    m_api.postForm(QStringLiteral("/oauth/token"), form, this, [this, sent = m_refreshToken](const ApiResult &r) {
        auto finish = [this](bool ok) {
            m_refreshing = false;
            const auto waiters = std::exchange(m_refreshWaiters, {});
            for (const auto &w : waiters)
                w(ok);
        };
        // Signed out (or in anew) while this was under way, e.g. from the cached view
        // of a restore: the answer belongs to a session that is over.
        if (sent != m_refreshToken)
            return finish(false);
        if (!r.ok()) {
            if (r.error.kind == ApiError::Unauthorized) {
                // The refresh token is no longer valid: the session is over.
                endSession(tr("Du har loggats ut. Logga in igen."));
            } else {
                setError(r.error.message);
            }
            return finish(false);
        }
        acceptTokens(r.object(), finish, true);
    });
}

void Session::withAccessToken(std::function<void(const QString &)> cb)
{
    if (m_api.hasAccessToken() && m_accessExpiry.isValid() && QDateTime::currentDateTimeUtc() < m_accessExpiry) {
        cb(m_api.accessToken());
        return;
    }
    refreshAccessToken([this, cb](bool) { cb(m_api.accessToken()); });
}

void Session::loadMe()
{
    transport()->get(QStringLiteral("/v1/me"), {}, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            if (r.error.kind == ApiError::Unauthorized) {
                clearLocal();
                setError(r.error.message);
                setState(SignedOut);
            } else if (m_cachedView && m_state == SignedIn
                       && (r.error.kind == ApiError::Network || r.error.kind == ApiError::Timeout || r.error.kind == ApiError::Server)) {
                m_awaitingMe = true; // still offline: keep the cached view
                releaseReady();
            } else {
                fail(r.error.message);
            }
            return;
        }
        m_cachedView = false;
        m_holdReady = false;   // applied below, with the workspace /v1/me confirms
        const QJsonObject user = r.object().value(QLatin1String("user")).toObject();
        m_userEmail = user.value(QLatin1String("email")).toString();
        m_userName = user.value(QLatin1String("name")).toString();
        Q_EMIT userChanged();
        m_workspaces.setMemberships(r.object().value(QLatin1String("memberships")).toArray());
        if (!m_leftWorkspaceName.isEmpty()) {
            const QString left = std::exchange(m_leftWorkspaceName, {});
            const QString why = tr("Du är inte längre medlem i %1.").arg(left);
            if (m_workspaces.items().isEmpty())
                return endSession(why + QLatin1Char(' ') + tr("Du har inga andra arbetsytor, så du har loggats ut."));
            setNotice(why);
        }
        QString ws = m_currentWorkspaceId;
        if (!m_workspaces.find(ws))
            ws = m_workspaces.items().isEmpty() ? QString() : m_workspaces.items().first().workspaceId;
        setError({});
        m_signInUrl.clear();
        m_browserOpenFailed = false;
        Q_EMIT signInUrlChanged();
        if (m_plans.isEmpty())
            loadPlans();
        if (ws != m_currentWorkspaceId) {
            m_currentWorkspaceId = ws;
            QSettings().setValue(kWorkspaceKey, ws);
        }
        // For an offline start (restore): never a token, only who and where.
        if (!ws.isEmpty())
            StateCache::save(serverUrl(), ws, kMeCacheKind, r.object());
        Q_EMIT currentWorkspaceIdChanged();
        if (m_state == SignedIn)
            applyReady();
        setState(SignedIn);
    });
}

void Session::refresh()
{
    if (!isReady())
        return;
    loadPlans();
    Q_EMIT workspaceReady();
}

void Session::loadPlans()
{
    if (m_plansLoading)
        return; // the answer on its way serves this call too
    m_plansLoading = true;
    transport()->get(QStringLiteral("/v1/plans"), {}, this, [this](const ApiResult &r) {
        m_plansLoading = false;
        if (!r.ok())
            return;
        m_plans = r.object().value(QLatin1String("plans")).toArray();
        Q_EMIT plansChanged();
    });
}

void Session::signOut()
{
    m_live.close();
    if (!m_refreshToken.isEmpty()) {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("token"), formValue(m_refreshToken));
        m_api.postForm(QStringLiteral("/oauth/revoke"), form, nullptr, {});
    }
    m_tokens.remove(serverUrl(), this, [this](const ApiError &error) {
        if (error.isError())
            setError(error.message);
    });
    clearLocal();
    setError({});
    setNotice({});
    cancelSignIn();
    setState(SignedOut);
}

void Session::endSession(const QString &why)
{
    qCInfo(lcAuth) << "the server ended the session";
    m_live.close();
    m_tokens.remove(serverUrl(), this, [](const ApiError &) {});
    clearLocal();
    setNotice({});
    setError(why);
    setState(SignedOut);
}

void Session::leftWorkspace()
{
    m_leftWorkspaceName = currentWorkspaceName();
    if (m_leftWorkspaceName.isEmpty())
        m_leftWorkspaceName = tr("arbetsytan");
    loadMe();
}

void Session::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

void Session::clearLocal()
{
    m_cachedView = m_awaitingMe = m_holdReady = false;
    m_refreshToken.clear();
    m_api.setAccessToken({});
    m_accessExpiry = {};
    m_userEmail.clear();
    m_userName.clear();
    m_workspaces.clear();
    Q_EMIT userChanged();
    Q_EMIT currentWorkspaceIdChanged();
}

void Session::switchWorkspace(const QString &workspaceId)
{
    if (workspaceId == m_currentWorkspaceId)
        return;
    if (m_state == SignedIn && !m_workspaces.find(workspaceId))
        return;
    m_currentWorkspaceId = workspaceId;
    QSettings().setValue(kWorkspaceKey, workspaceId);
    Q_EMIT currentWorkspaceIdChanged();
    applyReady();
}

void Session::copyToClipboard(const QString &text)
{
    if (auto *cb = QGuiApplication::clipboard())
        cb->setText(text);
}
