// Sign-in for the desktop client: OAuth 2.0 authorization code with PKCE
// (S256 only) and loopback redirect URIs (RFC 8252), refresh-token rotation
// with reuse detection, and revocation (RFC 7009). Errors of /oauth/token are
// RFC 6749 JSON; /oauth/authorize never redirects to a URI it has not checked.
#include "logging.h"
#include "oauthflow.h"
#include "routes.h"
#include "service/workers.h"
#include "secrets.h"
#include "signinpage.h"
#include "signinthrottle.h"
#include "tokenauth.h"

#include "storage/store.h"

#include <QTimer>
#include <QUrl>

namespace http {

using Method = QHttpServerRequest::Method;

static constexpr int CodeTtlSecs = 60;
static constexpr int PruneBatch = 200;          // expired codes and tokens deleted per sign-in
static constexpr qint64 RefreshTtlSecs = 30LL * 24 * 3600;

// application/x-www-form-urlencoded: '+' is a space.
static QUrlQuery formFields(const QByteArray &body)
{
    QByteArray b = body;
    b.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(b));
}

static QString field(const QUrlQuery &q, const char *name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

// Only http://127.0.0.1:PORT/... and http://[::1]:PORT/... ("localhost" may
// resolve elsewhere; RFC 8252 section 8.3).
static bool isLoopbackRedirect(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    if (url.host() != QLatin1String("127.0.0.1") && url.host() != QLatin1String("::1"))
        return false;
    if (url.port() < 1)
        return false;
    // We add code and state: a URI that already has them would carry two of each.
    const QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("code")) || query.hasQueryItem(QStringLiteral("state")))
        return false;
    return uri.startsWith(QLatin1String("http://127.0.0.1:")) || uri.startsWith(QLatin1String("http://[::1]:"));
}

static const char *const AuthorizeParams[] = {"response_type", "client_id", "redirect_uri", "state",
                                              "code_challenge", "code_challenge_method"};

// The authorize parameters; an empty string when valid, else a Swedish message for the error page.
QString checkAuthorizeParams(const QUrlQuery &q)
{
    if (!isLoopbackRedirect(field(q, "redirect_uri")))
        return QStringLiteral("Inloggningen kom med en ogiltig återadress (redirect_uri, invalid_request). Endast "
                              "http://127.0.0.1:PORT/ och http://[::1]:PORT/ utan parametrarna code och state är tillåtna.");
    if (field(q, "response_type") != QLatin1String("code"))
        return QStringLiteral("response_type måste vara \"code\".");
    const QString client = field(q, "client_id");
    if (client.isEmpty() || client.size() > 200)
        return QStringLiteral("client_id saknas.");
    const QString state = field(q, "state");
    if (state.isEmpty() || state.size() > 500)
        return QStringLiteral("state saknas.");
    if (field(q, "code_challenge_method") != QLatin1String("S256"))
        return QStringLiteral("Endast PKCE med code_challenge_method=S256 stöds.");
    if (!secrets::isValidPkceVerifier(field(q, "code_challenge")))
        return QStringLiteral("code_challenge saknas eller är ogiltig.");
    return {};
}

static SignInForm formFor(const QUrlQuery &q)
{
    SignInForm f;
    for (const char *name : AuthorizeParams)
        f.hidden.append({QString::fromLatin1(name), field(q, name)});
    return f;
}

static Response oauthError(const char *error, const QString &description, int status = 400)
{
    Response r = jsonResponse({{QStringLiteral("error"), QString::fromLatin1(error)},
                                          {QStringLiteral("error_description"), description}},
                                         status);
    r.addHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return r;
}

// The token family a code's exchange starts: derived from the code itself
// (one-way, unlike the stored code hash), so a replay of the code finds and
// revokes it even after the used code is deleted (RFC 6749 section 4.1.2).
static QString codeFamily(const QString &code)
{
    return QStringLiteral("fam_c") + QString::fromLatin1(storage::Store::hashToken(QStringLiteral("family|") + code).left(40));
}

// A new access + refresh pair of the given family.
static QJsonObject issueTokens(ServerContext &ctx, const QString &userId, const QString &clientId,
                               const QString &familyId)
{
    const QDateTime now = ServerContext::wallNow();
    auto refresh = newToken(storage::TokenKind::Refresh, userId, clientId, {}, now.addSecs(RefreshTtlSecs));
    refresh.familyId = familyId;
    QString family;
    if (!ctx.store->storeToken(refresh, now, &family))
        return {};
    const auto access = newToken(storage::TokenKind::Access, userId, clientId, family, now.addSecs(ctx.tokenTtl));
    if (!ctx.store->storeToken(access, now))
        return {};
    return {{QStringLiteral("access_token"), access.token},
            {QStringLiteral("refresh_token"), refresh.token},
            {QStringLiteral("expires_in"), ctx.tokenTtl},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
}

static void tokenByCode(ServerContext &ctx, const QUrlQuery &f, const ReplyPtr &reply)
{
    const QString code = field(f, "code"), verifier = field(f, "code_verifier");
    if (code.isEmpty() || verifier.isEmpty() || field(f, "redirect_uri").isEmpty() || field(f, "client_id").isEmpty())
        return reply->send(oauthError("invalid_request", QStringLiteral("code, code_verifier, redirect_uri and client_id are required")));
    const auto data = ctx.store->consumeAuthCode(code, ServerContext::wallNow());
    if (!data) {
        // A replayed code: whatever its first exchange issued is revoked (nothing when it never had one).
        ctx.store->revokeFamily(codeFamily(code));
        qCWarning(lcAuth) << "authorization code unknown, expired or replayed; tokens issued for it are revoked";
        return reply->send(oauthError("invalid_grant", QStringLiteral("the code is unknown, used or expired")));
    }
    if (data->clientId != field(f, "client_id") || data->redirectUri != field(f, "redirect_uri"))
        return reply->send(oauthError("invalid_grant", QStringLiteral("client_id or redirect_uri does not match the authorization")));
    if (!secrets::isValidPkceVerifier(verifier)
        || !secrets::constantTimeEquals(secrets::pkceS256(verifier).toLatin1(), data->codeChallenge.toLatin1()))
        return reply->send(oauthError("invalid_grant", QStringLiteral("code_verifier does not match the code_challenge")));
    const QJsonObject tokens = issueTokens(ctx, data->userId, data->clientId, codeFamily(code));
    if (tokens.isEmpty())
        return reply->send(oauthError("server_error", QStringLiteral("could not issue tokens"), 500));
    qCInfo(lcAuth).noquote() << "signed in user" << data->userId << "client" << data->clientId;
    reply->json(tokens);
}

static void tokenByRefresh(ServerContext &ctx, const QUrlQuery &f, const ReplyPtr &reply)
{
    const QString old = field(f, "refresh_token");
    if (old.isEmpty())
        return reply->send(oauthError("invalid_request", QStringLiteral("refresh_token is required")));
    const QDateTime now = ServerContext::wallNow();
    const QString client = field(f, "client_id");
    const auto refresh = newToken(storage::TokenKind::Refresh, {}, client, {}, now.addSecs(RefreshTtlSecs));
    const auto access = newToken(storage::TokenKind::Access, {}, client, {}, now.addSecs(ctx.tokenTtl));
    const auto r = ctx.store->rotateRefreshToken(old, refresh, access, now);
    switch (r.status) {
    case storage::RotateResult::Rotated:
        if (!client.isEmpty() && client != r.clientId) {
            ctx.store->revokeFamily(r.familyId);
            return reply->send(oauthError("invalid_grant", QStringLiteral("the refresh token belongs to another client")));
        }
        return reply->json({{QStringLiteral("access_token"), access.token},
                            {QStringLiteral("refresh_token"), refresh.token},
                            {QStringLiteral("expires_in"), ctx.tokenTtl},
                            {QStringLiteral("token_type"), QStringLiteral("Bearer")}});
    case storage::RotateResult::Reused:
        qCWarning(lcAuth).noquote() << "refresh token reused: revoked its family" << r.familyId;
        return reply->send(oauthError("invalid_grant", QStringLiteral("the refresh token was already used; the session is revoked")));
    case storage::RotateResult::Expired:
        return reply->send(oauthError("invalid_grant", QStringLiteral("the refresh token has expired")));
    case storage::RotateResult::Invalid:
        return reply->send(oauthError("invalid_grant", QStringLiteral("unknown or revoked refresh token")));
    case storage::RotateResult::Error:
        break;
    }
    reply->send(oauthError("server_error", QStringLiteral("could not rotate the refresh token"), 500));
}

// The throttle and a hash to check unknown e-mails against, so that they cost
// what a known one costs (no answer time tells which e-mails have accounts).
struct SignInGuard {
    SignInThrottle throttle;
    const QString dummyHash = secrets::hashPassword(secrets::randomToken());
};

static void attemptSignIn(ServerContext &ctx, SignInGuard &guard, const QUrlQuery &f, const QString &source,
                          const ReplyPtr &reply)
{
    const QString email = field(f, "email").trimmed();
    const auto user = email.isEmpty() ? std::nullopt : ctx.store->userByEmail(email);
    // The organisation signs its people in through its IdP: no password (but the break-glass owner's).
    if (ssoRequiredFor(ctx, email, user)) {
        qCInfo(lcAuth) << "password sign-in refused: the e-mail's domain requires SSO";
        SignInForm form = formFor(f);
        form.email = email;
        form.error = QStringLiteral("Din organisation kräver inloggning med SSO. Välj ”Logga in med SSO”.");
        form.ssoEmail = email;
        return reply->send(htmlResponse(renderSignInPage(form), 403));
    }
    const bool hasPassword = user && !user->passwordHash.isEmpty();
    const bool verified = secrets::verifyPassword(hasPassword ? user->passwordHash : guard.dummyHash, field(f, "password"));
    if (!hasPassword || !verified) {
        guard.throttle.fail(email.toLower(), source, ServerContext::wallNow());
        qCInfo(lcAuth) << "sign-in refused (wrong e-mail or password)";
        SignInForm form = formFor(f);
        form.email = email;
        form.error = QStringLiteral("Fel e-postadress eller lösenord. Försök igen.");
        return reply->send(htmlResponse(renderSignInPage(form), 200));
    }
    redirectWithCode(ctx, user->id, {field(f, "client_id"), field(f, "redirect_uri"), field(f, "state"), field(f, "code_challenge")},
                     reply);
}

void redirectWithCode(ServerContext &ctx, const QString &userId, const OAuthContinuation &oauth, const ReplyPtr &reply)
{
    // Each sign-in clears some expired codes and tokens: bounded work, never behind for long.
    ctx.store->pruneExpiredAuth(ServerContext::wallNow(), PruneBatch);
    const QString code = secrets::randomToken();
    const storage::AuthCode data{userId, oauth.clientId, oauth.redirectUri, oauth.codeChallenge,
                                 ServerContext::wallNow().addSecs(CodeTtlSecs)};
    if (!ctx.store->storeAuthCode(code, data))
        return reply->send(htmlResponse(renderErrorPage(QStringLiteral("Något gick fel"),
                                                QStringLiteral("Inloggningen kunde inte sparas. Försök igen om en stund.")),
                                500));
    QUrl target(data.redirectUri);
    QString query = target.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += QLatin1Char('&');
    query += QStringLiteral("code=") + QString::fromLatin1(QUrl::toPercentEncoding(code))
        + QStringLiteral("&state=") + QString::fromLatin1(QUrl::toPercentEncoding(oauth.state));
    target.setQuery(query, QUrl::TolerantMode);
    Response resp(QHttpServerResponse::StatusCode::Found);
    resp.addHeader(QByteArrayLiteral("Location"), target.toEncoded());
    resp.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    reply->send(resp);
}

void addOAuthRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/oauth/authorize"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        const QString problem = checkAuthorizeParams(req.query);
        if (!problem.isEmpty())
            return reply->send(htmlResponse(renderErrorPage(QStringLiteral("Inloggningen kan inte fortsätta"), problem), 400));
        // The app's "Logga in med SSO": straight on to the IdP of the e-mail's domain.
        if (field(req.query, "sso") == QLatin1String("1"))
            return startSsoSignIn(ctx, field(req.query, "login_hint"), req.query, reply);
        SignInForm form = formFor(req.query);
        form.email = field(req.query, "login_hint").trimmed().left(254);
        reply->send(htmlResponse(renderSignInPage(form), 200));
    });

    auto signIn = std::make_shared<SignInGuard>();
    r.add(Method::Post, QStringLiteral("/oauth/authorize"), Auth::None, [&ctx, signIn](Request &req, const ReplyPtr &reply) {
        const QUrlQuery f = formFields(req.body);
        const QString problem = checkAuthorizeParams(f);
        if (!problem.isEmpty())
            return reply->send(htmlResponse(renderErrorPage(QStringLiteral("Inloggningen kan inte fortsätta"), problem), 400));
        const QString account = field(f, "email").trimmed().toLower();
        const QString source = SignInThrottle::sourceOf(req.remote);
        const auto decision = signIn->throttle.check(account, source, ServerContext::wallNow());
        if (decision.refused) {
            qCWarning(lcAuth) << "sign-in throttled after repeated failures";
            return reply->send(htmlResponse(renderErrorPage(QStringLiteral("För många försök"),
                                                    QStringLiteral("För många misslyckade inloggningar. Vänta några minuter och försök igen.")),
                                    429));
        }
        if (decision.delayMs <= 0)
            return attemptSignIn(ctx, *signIn, f, source, reply);
        // An account under attack from many places: every attempt on it waits, none is refused.
        // Workers have no event loop: the event loop's timer waits, the slow lane signs in (Argon2id).
        QTimer::singleShot(decision.delayMs, ctx.mainThread, [&ctx, signIn, f, source, reply] {
            auto attempt = [&ctx, signIn, f, source, reply] { attemptSignIn(ctx, *signIn, f, source, reply); };
            if (!ctx.slowLane || !ctx.slowLane->post(attempt))
                reply->error(ApiError{503, QStringLiteral("server_busy"), QStringLiteral("the server is busy; try again shortly"), {}, {}});
        });
    }, Runs::OnSlowLane);

    r.add(Method::Post, QStringLiteral("/oauth/token"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        const QUrlQuery f = formFields(req.body);
        const QString grant = field(f, "grant_type");
        if (grant == QLatin1String("authorization_code"))
            return tokenByCode(ctx, f, reply);
        if (grant == QLatin1String("refresh_token"))
            return tokenByRefresh(ctx, f, reply);
        if (grant.isEmpty())
            return reply->send(oauthError("invalid_request", QStringLiteral("grant_type is required (form-encoded body)")));
        reply->send(oauthError("unsupported_grant_type", QStringLiteral("use authorization_code or refresh_token")));
    });

    r.add(Method::Post, QStringLiteral("/oauth/revoke"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        const QString token = field(formFields(req.body), "token");
        if (!token.isEmpty())
            ctx.store->revokeToken(token);
        reply->json({});
    });
}

} // namespace http
