#pragma once
#include "apiclient.h"
#include "livechannel.h"
#include "tokenstore.h"
#include "workspacelistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QObject>
#include <QQmlEngine>
#include <memory>

class LoopbackSignIn;

// Who is signed in, to which server, and which workspace is current. Owns the
// one ApiClient, the token store and the live channel the models share.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString userEmail READ userEmail NOTIFY userChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(WorkspaceListModel *workspaces READ workspaces CONSTANT)
    Q_PROPERTY(QString currentWorkspaceId READ currentWorkspaceId WRITE switchWorkspace NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(QString currentWorkspaceName READ currentWorkspaceName NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(QString role READ role NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(bool canViewBilling READ canViewBilling NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(bool canManagePlan READ canManagePlan NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(bool canManageMembers READ canManageMembers NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(bool canViewTeamUsage READ canViewTeamUsage NOTIFY currentWorkspaceIdChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QUrl signInUrl READ signInUrl NOTIFY signInUrlChanged)
    Q_PROPERTY(bool browserOpenFailed READ browserOpenFailed NOTIFY signInUrlChanged)
    // SigningIn covers both the silent restore from the keyring and the browser
    // sign-in; this tells them apart so the page does not ask for the browser.
    Q_PROPERTY(bool restoring READ restoring NOTIFY stateChanged)
    // A one-off message for the signed-in user (e.g. removed from a workspace); empty when none.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    enum State { SignedOut, SigningIn, SignedIn, Error };
    Q_ENUM(State)

    static Session *instance();
    static Session *create(QQmlEngine *, QJSEngine *);
    static QString clientId() { return QStringLiteral("kliv-konto"); }

    State state() const { return m_state; }
    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString userEmail() const { return m_userEmail; }
    QString userName() const { return m_userName; }
    WorkspaceListModel *workspaces() { return &m_workspaces; }
    QString currentWorkspaceId() const { return m_currentWorkspaceId; }
    QString currentWorkspaceName() const;
    QString role() const;
    QStringList permissions() const;
    bool hasPermission(const QString &p) const { return permissions().contains(p); }
    bool canViewBilling() const { return hasPermission(QStringLiteral("view_billing")); }
    bool canManagePlan() const { return hasPermission(QStringLiteral("manage_plan")); }
    bool canManageMembers() const { return hasPermission(QStringLiteral("manage_members")); }
    bool canViewTeamUsage() const { return hasPermission(QStringLiteral("view_team_usage")); }
    QString errorString() const { return m_errorString; }
    QUrl signInUrl() const { return m_signInUrl; }
    bool browserOpenFailed() const { return m_browserOpenFailed; }
    bool restoring() const { return m_state == SigningIn && m_restoring; }
    QString notice() const { return m_notice; }
    Q_INVOKABLE void dismissNotice() { setNotice({}); }

    // Signed in with a current workspace: the models may ask the server. Not yet
    // while a cached start waits for its token (the models would ask twice).
    bool isReady() const { return m_state == SignedIn && !m_currentWorkspaceId.isEmpty() && !m_holdReady; }
    QString workspacePath(const QString &suffix = {}) const; // "/v1/workspaces/<id><suffix>"

    ApiClient *api() { return &m_api; }
    // What the models (and /v1/me, /v1/plans) are sent through: the ApiClient,
    // unless a test gave another (not owned; nullptr = the ApiClient again).
    // Sign-in and token refresh always use the ApiClient.
    Transport *transport() { return m_transport ? m_transport : &m_api; }
    void setTransport(Transport *transport) { m_transport = transport; }
    TokenStore *tokenStore() { return &m_tokens; }
    LiveChannel *live() { return &m_live; }
    const QJsonArray &plans() const { return m_plans; }
    QJsonObject plan(const QString &id) const;
    QString planName(const QString &id) const;
    // Hands over a valid access token, refreshing it first when it expired.
    void withAccessToken(std::function<void(const QString &)> cb);

    // Signs in for this run with an access token (screenshot runs): nothing is
    // written to the keyring, and the session ends when the token expires.
    void signInWithAccessToken(const QString &accessToken);
    Q_INVOKABLE void restore();   // at start: a refresh token in the keyring signs in silently
    Q_INVOKABLE void signIn();
    // The same browser sign-in, sent by the server straight to the IdP of the e-mail's domain.
    Q_INVOKABLE void signInWithSso(const QString &email);
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void switchWorkspace(const QString &workspaceId);
    Q_INVOKABLE void copyToClipboard(const QString &text);
    Q_INVOKABLE void loadPlans();
    // F5: every model of the current workspace asks the server again.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void stateChanged();
    void serverUrlChanged();
    void userChanged();
    void currentWorkspaceIdChanged();
    void errorStringChanged();
    void signInUrlChanged();
    void plansChanged();
    void noticeChanged();
    // The session can serve a (new) workspace: models reload.
    void workspaceReady();
    // A start with a stored session has its token and knows the last workspace
    // while /v1/me is still on its way: what the first frame shows (the balance)
    // may be asked for now. workspaceReady follows once /v1/me confirms it.
    void workspaceExpected(const QString &workspaceId);

private:
    void startBrowserSignIn(const QList<std::pair<QString, QString>> &extra);
    explicit Session(QObject *parent = nullptr);
    void setState(State s);
    void setError(const QString &message);
    void fail(const QString &message);
    void exchangeCode(const QString &code);
    // `then` runs once the refresh token is in the keyring, or at once when
    // `keyringInBackground` (a silent refresh: a failed write still ends the session).
    void acceptTokens(const QJsonObject &tokens, std::function<void(bool)> then, bool keyringInBackground = false);
    void refreshAccessToken(std::function<void(bool)> done);
    void loadMe();
    void clearLocal();
    // The server ended this session: forget it here too and say why on the sign-in page.
    void endSession(const QString &why);
    void leftWorkspace();
    void setNotice(const QString &notice);
    void dropLoopback();
    void applyReady();
    void releaseReady();
    bool showCachedSession();

    ApiClient m_api;
    Transport *m_transport = nullptr;
    TokenStore m_tokens;
    LiveChannel m_live;
    WorkspaceListModel m_workspaces;
    std::unique_ptr<LoopbackSignIn> m_loopback;
    State m_state = SignedOut;
    QString m_userEmail, m_userName;
    QString m_currentWorkspaceId;
    QString m_errorString;
    QUrl m_signInUrl;
    bool m_browserOpenFailed = false;
    bool m_restoring = false;
    QString m_refreshToken; // memory copy; persisted only in the keyring
    QDateTime m_accessExpiry;
    bool m_refreshing = false;
    QList<std::function<void(bool)>> m_refreshWaiters;
    QJsonArray m_plans;
    bool m_plansLoading = false;
    QString m_notice;
    QString m_leftWorkspaceName;   // set while /v1/me is reloaded after a removal
    // Restored from the cache (offline start): /v1/me has not answered yet.
    bool m_cachedView = false;
    bool m_awaitingMe = false;     // /v1/me failed offline: ask again once the live channel is up
    bool m_holdReady = false;      // a cached start: workspaceReady waits for the token (or offline)
};
