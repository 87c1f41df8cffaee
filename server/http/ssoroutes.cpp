// SAML single sign-on: the start (from the sign-in page or the app's
// "Logga in med SSO"), the ACS that checks the IdP's answer and continues the
// same OAuth flow, the test round trip, the SP metadata, and the settings API.
// Every SAML detail sits behind saml::ServiceProvider (server/saml).
#include "jsonbody.h"
#include "jsonviews.h"
#include "logging.h"
#include "oauthflow.h"
#include "routes.h"
#include "signinpage.h"
#include "signinthrottle.h"
#include "workspaceaccess.h"

#include "saml/serviceprovider.h"

#include <QJsonDocument>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcSso, "kliv.sso")

namespace http {

using Method = QHttpServerRequest::Method;

static constexpr int RequestTtlSecs = 600;
static constexpr int SkewSecs = 60;
static constexpr int PruneBatch = 200;
static constexpr qint64 MaxMetadataBytes = 256 * 1024;
static const QString Entitlement = QStringLiteral("saml_sso");

static QString fieldOf(const QUrlQuery &q, const char *name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

static QString domainOf(const QString &email)
{
    const QString e = email.trimmed();
    const qsizetype at = e.lastIndexOf(QLatin1Char('@'));
    return at > 0 ? e.mid(at + 1).toLower() : QString();
}

static bool planHasSso(ServerContext &ctx, const QString &workspaceId)
{
    const auto state = currentState(ctx, workspaceId);
    return state && planOf(ctx, state->planId).hasEntitlement(Entitlement);
}

// Anyone can POST to a configured workspace's ACS: a source that keeps failing is
// refused (429) for a while, and each workspace's audit log takes at most
// AuditBudget failures per window (the rest are only logged and counted), so
// garbage cannot flood the log its owners read.
struct AcsGuard {
    static constexpr int AuditBudget = 20;
    SignInThrottle sources{SignInThrottle::Limits{30, 60, 600, 0, 0, 0, 10000}};       // (workspace, source)
    SignInThrottle auditBudget{SignInThrottle::Limits{AuditBudget, AuditBudget, 600, 0, 0, 0, 10000}};   // ("", workspace)
};
struct AcsCall {
    AcsGuard &guard;
    QString source;
};

// A refused SSO sign-in, in the workspace's audit log: the reason only (never the
// assertion, the NameID or the e-mail). Nothing for a workspace that does not exist.
static void auditFailure(ServerContext &ctx, const AcsCall &call, const QString &workspaceId, const QString &domain,
                         const QString &why)
{
    const QDateTime now = ServerContext::wallNow();
    call.guard.sources.fail(workspaceId, call.source, now);
    if (call.guard.auditBudget.check(QString(), workspaceId, now).refused) {
        qCWarning(lcSso) << "ACS failure not written to the audit log: over" << AcsGuard::AuditBudget
                         << "in ten minutes for workspace" << workspaceId;
        return;
    }
    call.guard.auditBudget.fail(QString(), workspaceId, now);
    ctx.store->appendAudit(storage::AuditEntry{0, workspaceId, {}, storage::Actor::system(),
                                               QString::fromLatin1(storage::audit::SsoSignInFailed), domain, {},
                                               QJsonObject{{QStringLiteral("reason"), why}}});
}

static bool usable(ServerContext &ctx, const storage::SsoSettings &s)
{
    return !s.idpMetadata.isEmpty() && s.domainVerified && !s.domain.isEmpty() && planHasSso(ctx, s.workspaceId);
}

static Response ssoFailurePage(const QString &message, int status = 400)
{
    return htmlResponse(renderErrorPage(QStringLiteral("Inloggningen med SSO misslyckades"), message), status);
}

// Stores the request and answers 302 to the IdP.
static void sendToIdp(ServerContext &ctx, const storage::SsoSettings &s, storage::SamlRequest request, const ReplyPtr &reply)
{
    QString error;
    const auto sp = saml::endpointsFor(ctx.publicBase, s.workspaceId);
    const auto authn = ctx.saml->authnRequest(sp, s.idpMetadata.toUtf8(), s.workspaceId, &error);
    if (!authn) {
        qCWarning(lcSso).noquote() << "cannot build an AuthnRequest for workspace" << s.workspaceId << ":" << error;
        return reply->send(ssoFailurePage(QStringLiteral("Inloggningen med SSO kunde inte startas. Kontakta din "
                                                         "organisations IT-avdelning."), 500));
    }
    const QDateTime now = ServerContext::wallNow();
    request.id = authn->id;
    request.workspaceId = s.workspaceId;
    request.createdAt = now;
    request.expiresAt = now.addSecs(RequestTtlSecs);
    if (!ctx.store->storeSamlRequest(request))
        return reply->send(ssoFailurePage(QStringLiteral("Inloggningen kunde inte sparas. Försök igen om en stund."), 500));
    Response resp(QHttpServerResponse::StatusCode::Found);
    resp.addHeader(QByteArrayLiteral("Location"), authn->redirect.toEncoded());
    resp.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    reply->send(resp);
}

void startSsoSignIn(ServerContext &ctx, const QString &email, const QUrlQuery &form, const ReplyPtr &reply)
{
    const QString domain = domainOf(email);
    const auto settings = domain.isEmpty() ? std::nullopt : ctx.store->ssoByDomain(domain);
    if (!settings || !usable(ctx, *settings)) {
        qCInfo(lcSso) << "SSO start refused: no usable SSO for the e-mail's domain";
        SignInForm page;
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            if (key != QLatin1String("email") && key != QLatin1String("password") && key != QLatin1String("sso")
                && key != QLatin1String("login_hint"))
                page.hidden.append({key, value});
        page.ssoEmail = email.trimmed();
        page.ssoError = QStringLiteral("Ingen inloggning med SSO är konfigurerad för domänen %1.")
                            .arg(domain.isEmpty() ? email.trimmed() : domain);
        return reply->send(htmlResponse(renderSignInPage(page), 200));
    }
    storage::SamlRequest request;
    request.clientId = fieldOf(form, "client_id");
    request.redirectUri = fieldOf(form, "redirect_uri");
    request.state = fieldOf(form, "state");
    request.codeChallenge = fieldOf(form, "code_challenge");
    sendToIdp(ctx, *settings, request, reply);
}

bool ssoRequiredFor(ServerContext &ctx, const QString &email, const std::optional<storage::User> &user)
{
    const QString domain = domainOf(email);
    if (domain.isEmpty())
        return false;
    const auto s = ctx.store->ssoByDomain(domain);
    if (!s || !s->enforced || !usable(ctx, *s))
        return false;
    return !(user && !s->breakGlassUserId.isEmpty() && user->id == s->breakGlassUserId);
}

// The first sign-in of a new person creates the user (no password) and the
// member with the default role, within the seat rules; the IdP's name updates the user.
static std::optional<QString> provision(ServerContext &ctx, const AcsCall &call, const storage::SsoSettings &s,
                                        const saml::SignedInPerson &p, const ReplyPtr &reply)
{
    auto user = ctx.store->userByEmail(p.email);
    if (!user) {
        bool conflict = false;
        user = ctx.store->createUser(p.email, p.name.isEmpty() ? p.email.section(QLatin1Char('@'), 0, 0) : p.name,
                                     QString(), ctx.now(), &conflict);
        if (!user && conflict)
            user = ctx.store->userByEmail(p.email);
    } else if (!p.name.isEmpty() && p.name != user->name) {
        ctx.store->setUserName(user->id, p.name);
    }
    if (!user) {
        reply->send(ssoFailurePage(QStringLiteral("Kontot kunde inte skapas. Försök igen om en stund."), 500));
        return std::nullopt;
    }
    if (ctx.store->memberOfUser(s.workspaceId, user->id))
        return user->id;
    const auto added = ctx.store->addMember(s.workspaceId, user->id, s.defaultRole, ctx.now(), *ctx.catalog);
    if (added == storage::MemberChange::Done || added == storage::MemberChange::AlreadyMember)
        return user->id;
    if (added == storage::MemberChange::SeatLimit) {
        qCInfo(lcSso) << "SSO sign-in refused: the workspace has no free seat" << s.workspaceId;
        auditFailure(ctx, call, s.workspaceId, s.domain, QStringLiteral("no free seat"));
        reply->send(ssoFailurePage(QStringLiteral("Din organisations Kliv-konto har inga lediga platser. Be en ägare "
                                                  "eller administratör att frigöra en plats eller utöka planen."), 403));
        return std::nullopt;
    }
    qCWarning(lcSso) << "SSO sign-in: could not add the member, result" << int(added);
    reply->send(ssoFailurePage(QStringLiteral("Medlemskapet kunde inte skapas. Kontakta din organisations IT-avdelning."), 500));
    return std::nullopt;
}

static void consumeResponse(ServerContext &ctx, const AcsCall &call, const QString &workspaceId, const QUrlQuery &f,
                            const ReplyPtr &reply)
{
    const auto s = ctx.store->ssoSettings(workspaceId);
    if (!s || s->idpMetadata.isEmpty()) {
        qCInfo(lcSso) << "ACS: no SSO configured for workspace" << workspaceId;
        auditFailure(ctx, call, workspaceId, s ? s->domain : QString(), QStringLiteral("SSO is not configured"));
        return reply->send(ssoFailurePage(QStringLiteral("Inloggning med SSO är inte konfigurerad för den här organisationen.")));
    }
    const auto sp = saml::endpointsFor(ctx.publicBase, workspaceId);
    const auto check = ctx.saml->checkResponse(sp, s->idpMetadata.toUtf8(), fieldOf(f, "SAMLResponse").toLatin1(),
                                               ctx.now(), SkewSecs);
    const QString refused = QStringLiteral("Svaret från din organisations inloggningstjänst kunde inte godkännas. "
                                           "Försök igen, eller kontakta din organisations IT-avdelning.");
    if (!check.ok()) {
        qCWarning(lcSso).noquote() << "ACS refused a response for workspace" << workspaceId << ":" << check.why;
        auditFailure(ctx, call, workspaceId, s->domain, check.why);
        return reply->send(ssoFailurePage(refused));
    }
    const saml::SignedInPerson &p = *check.person;
    const auto request = ctx.store->consumeSamlRequest(p.inResponseTo, workspaceId, ServerContext::wallNow());
    if (!request) {
        qCWarning(lcSso).noquote() << "ACS refused a response for workspace" << workspaceId
                                   << ": InResponseTo is not an open request of this server for this workspace";
        auditFailure(ctx, call, workspaceId, s->domain, QStringLiteral("InResponseTo is not an open request of this server"));
        return reply->send(ssoFailurePage(refused));
    }
    bool replay = false;
    if (!ctx.store->markAssertionSeen(p.issuer, p.assertionId, p.assertionExpiresAt, &replay)) {
        qCWarning(lcSso).noquote() << "ACS refused a response for workspace" << workspaceId
                                   << (replay ? ": the assertion ID was used before (replay)" : ": cannot record the assertion ID");
        auditFailure(ctx, call, workspaceId, s->domain, replay ? QStringLiteral("the assertion ID was used before (replay)") : QStringLiteral("cannot record the assertion ID"));
        return reply->send(ssoFailurePage(refused, replay ? 400 : 500));
    }
    ctx.store->pruneExpiredSaml(ServerContext::wallNow(), PruneBatch);
    const bool inDomain = !s->domain.isEmpty() && domainOf(p.email) == s->domain;
    if (request->test) {
        qCInfo(lcSso) << "SSO test sign-in succeeded for workspace" << workspaceId;
        QString body = QStringLiteral("<h1>Inloggningen med SSO fungerar</h1>\n"
                                      "<p>Identitetsleverantören skickade:</p>\n<p><strong>Namn:</strong> %1<br>"
                                      "<strong>E-post:</strong> %2</p>\n")
                           .arg(htmlEscaped(p.name.isEmpty() ? QStringLiteral("–") : p.name), htmlEscaped(p.email));
        if (!inDomain)
            body += QStringLiteral("<p class=\"error\">E-postadressen hör inte till organisationens domän (%1): "
                                   "den personen kan inte logga in med SSO.</p>\n")
                        .arg(htmlEscaped(s->domain.isEmpty() ? QStringLiteral("ingen domän angiven") : s->domain));
        body += QStringLiteral("<p class=\"muted\">Ingen session skapades. Du kan stänga fliken.</p>\n");
        return reply->send(htmlResponse(renderPage(QStringLiteral("Inloggningen med SSO fungerar"), body), 200));
    }
    if (!usable(ctx, *s) || !inDomain) {
        qCWarning(lcSso).noquote() << "ACS refused a response for workspace" << workspaceId
                                   << (inDomain ? ": SSO is not usable (plan or domain not verified)"
                                                : ": the e-mail is not in the workspace's domain");
        auditFailure(ctx, call, workspaceId, s->domain, inDomain ? QStringLiteral("SSO is not usable (plan or domain not verified)") : QStringLiteral("the e-mail is not in the workspace's domain"));
        return reply->send(ssoFailurePage(inDomain ? refused
                                                   : QStringLiteral("Ditt konto hos identitetsleverantören hör inte till "
                                                                    "organisationens domän.")));
    }
    const auto userId = provision(ctx, call, *s, p, reply);
    if (!userId)
        return;
    qCInfo(lcSso).noquote() << "SSO sign-in of user" << *userId << "in workspace" << workspaceId;
    redirectWithCode(ctx, *userId, {request->clientId, request->redirectUri, request->state, request->codeChallenge}, reply);
}

// --- the settings API ----------------------------------------------------------

static QJsonObject settingsJson(ServerContext &ctx, const Access &a, const storage::SsoSettings &s)
{
    const auto sp = saml::endpointsFor(ctx.publicBase, a.workspace.id);
    QJsonObject view = ssoSettingsJson(ctx.store, s);
    view.insert(QStringLiteral("available"), a.plan && a.plan->hasEntitlement(Entitlement));
    view.insert(QStringLiteral("sp"), QJsonObject{{QStringLiteral("entity_id"), sp.entityId},
                                                  {QStringLiteral("acs_url"), sp.acsUrl},
                                                  {QStringLiteral("metadata_url"), sp.metadataUrl}});
    view.insert(QStringLiteral("test_url"), ctx.publicBase.toString(QUrl::StripTrailingSlash) + QStringLiteral("/saml/")
                                                + a.workspace.id + QStringLiteral("/test"));
    return view;
}

static ApiError unprocessable(const QString &field, const QString &message)
{
    ApiError e = ApiError::validation({{field, message}});
    e.status = 422;
    e.message = message;
    e.extra.insert(QStringLiteral("field"), field);
    return e;
}

static bool isOwnerOrAdmin(const Access &a)
{
    return a.role == QLatin1String("owner") || a.role == QLatin1String("admin");
}

// Applies the body's fields to `s`; nullopt when all is well.
static std::optional<ApiError> applySettings(ServerContext &ctx, const Access &a, const QJsonObject &body,
                                             storage::SsoSettings &s)
{
    auto stringField = [&](const QString &name, QString *out) -> std::optional<ApiError> {
        const QJsonValue v = body.value(name);
        if (!v.isString())
            return unprocessable(name, QStringLiteral("must be a string"));
        *out = v.toString();
        return std::nullopt;
    };
    QString v;
    if (body.contains(QStringLiteral("idp_metadata"))) {
        if (auto e = stringField(QStringLiteral("idp_metadata"), &v))
            return e;
        if (v.toUtf8().size() > MaxMetadataBytes)
            return unprocessable(QStringLiteral("idp_metadata"), QStringLiteral("Metadatan är större än 256 KiB."));
        QString error;
        const auto info = saml::parseIdpMetadata(v.toUtf8(), &error);
        if (!info)
            return unprocessable(QStringLiteral("idp_metadata"), error);
        s.idpMetadata = v;
        s.idpEntityId = info->entityId;
    }
    if (body.contains(QStringLiteral("domain"))) {
        if (auto e = stringField(QStringLiteral("domain"), &v))
            return e;
        const QString domain = v.trimmed().toLower();
        static const QRegularExpression re(QStringLiteral("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"));
        if (!domain.isEmpty() && !re.match(domain).hasMatch())
            return unprocessable(QStringLiteral("domain"), QStringLiteral("Ange en domän, till exempel acme.se."));
        if (domain != s.domain) {
            s.domain = domain;
            s.domainVerified = false;   // an operator verifies the new one
            s.enforced = false;         // enforcement needs a verified domain
        }
    }
    if (body.contains(QStringLiteral("break_glass_email"))) {
        if (auto e = stringField(QStringLiteral("break_glass_email"), &v))
            return e;
        if (v.trimmed().isEmpty()) {
            s.breakGlassUserId.clear();
        } else {
            const auto user = ctx.store->userByEmail(v.trimmed());
            const auto member = user ? ctx.store->memberOfUser(a.workspace.id, user->id) : std::nullopt;
            if (!member || member->role != QLatin1String("owner"))
                return unprocessable(QStringLiteral("break_glass_email"),
                                     QStringLiteral("Reservkontot måste vara en ägare av arbetsytan."));
            s.breakGlassUserId = user->id;
        }
    }
    if (body.contains(QStringLiteral("default_role"))) {
        if (auto e = stringField(QStringLiteral("default_role"), &v))
            return e;
        if (v == QLatin1String("owner") || !rolePermissions(ctx.store, a.workspace.id, v))
            return unprocessable(QStringLiteral("default_role"),
                                 QStringLiteral("Standardrollen måste vara en roll i arbetsytan (inte ägare)."));
        s.defaultRole = v;
    }
    if (body.contains(QStringLiteral("enforced"))) {
        const QJsonValue e = body.value(QStringLiteral("enforced"));
        if (!e.isBool())
            return unprocessable(QStringLiteral("enforced"), QStringLiteral("must be true or false"));
        s.enforced = e.toBool();
    }
    if (s.enforced) {
        if (s.idpMetadata.isEmpty() || !s.domainVerified)
            return unprocessable(QStringLiteral("enforced"), QStringLiteral("Krav på SSO kräver en identitetsleverantör "
                                                                            "och en verifierad domän."));
        if (s.breakGlassUserId.isEmpty())
            return unprocessable(QStringLiteral("break_glass_email"),
                                 QStringLiteral("Krav på SSO kräver ett reservkonto (en ägare som kan logga in med lösenord)."));
    }
    return std::nullopt;
}

static void addSettingsRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/sso"), Auth::User,
          withAccess(ctx, billing::Permission::ViewOwnUsage, [&ctx](Request &, const ReplyPtr &reply, const Access &a) {
              if (!isOwnerOrAdmin(a))
                  return reply->error(ApiError::forbidden(QStringLiteral("only owners and admins see the SSO settings")));
              storage::SsoSettings s = ctx.store->ssoSettings(a.workspace.id).value_or(storage::SsoSettings{});
              reply->json(settingsJson(ctx, a, s));
          }));

    r.add(Method::Put, QStringLiteral("/v1/workspaces/{ws}/sso"), Auth::User,
          withAccess(ctx, billing::Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (a.role != QLatin1String("owner") || !a.plan || !a.plan->hasEntitlement(Entitlement))
                  return reply->error(ApiError::forbidden(QStringLiteral("only owners of an Enterprise workspace change SSO")));
              QJsonObject body;
              if (const auto e = JsonBody::parse(req.body, &body))
                  return reply->error(*e);
              const storage::SsoSettings before = ctx.store->ssoSettings(a.workspace.id).value_or(storage::SsoSettings{});
              storage::SsoSettings s = before;
              s.workspaceId = a.workspace.id;
              if (const auto e = applySettings(ctx, a, body, s))
                  return reply->error(*e);
              s.updatedAt = ServerContext::wallNow();
              switch (ctx.store->saveSsoSettings(s, storage::Actor::member(req.caller.userId))) {
              case storage::Store::SsoSave::DomainTaken:
                  return reply->error(ApiError::conflict(QStringLiteral("domain_taken"),
                                                         QStringLiteral("another workspace has this domain")));
              case storage::Store::SsoSave::Error:
                  return reply->error(ApiError::internal(QStringLiteral("could not save the SSO settings")));
              case storage::Store::SsoSave::Saved:
                  break;
              }
              qCInfo(lcSso).noquote() << "SSO settings of workspace" << a.workspace.id << "changed by user" << req.caller.userId;
              reply->json(settingsJson(ctx, a, s));
          }));
}

void addSsoRoutes(Router &r, ServerContext &ctx)
{
    addSettingsRoutes(r, ctx);

    r.add(Method::Post, QStringLiteral("/oauth/sso"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        QByteArray b = req.body;
        b.replace('+', "%20");
        const QUrlQuery f(QString::fromUtf8(b));
        const QString problem = checkAuthorizeParams(f);
        if (!problem.isEmpty())
            return reply->send(htmlResponse(renderErrorPage(QStringLiteral("Inloggningen kan inte fortsätta"), problem), 400));
        startSsoSignIn(ctx, fieldOf(f, "email"), f, reply);
    });

    r.add(Method::Get, QStringLiteral("/saml/{ws}/metadata"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        const QString ws = req.param(QStringLiteral("ws"));
        if (!ctx.store->workspace(ws))
            return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
        reply->send(Response(QByteArrayLiteral("application/samlmetadata+xml"),
                             ctx.saml->metadata(saml::endpointsFor(ctx.publicBase, ws)), 200));
    });

    r.add(Method::Get, QStringLiteral("/saml/{ws}/test"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        const auto s = ctx.store->ssoSettings(req.param(QStringLiteral("ws")));
        if (!s || s->idpMetadata.isEmpty())
            return reply->send(ssoFailurePage(QStringLiteral("Ingen identitetsleverantör är konfigurerad för arbetsytan än. "
                                                             "Ladda upp IdP:ns metadata först."), 404));
        storage::SamlRequest request;
        request.test = true;
        sendToIdp(ctx, *s, request, reply);
    });

    auto guard = std::make_shared<AcsGuard>();
    r.add(Method::Post, QStringLiteral("/saml/{ws}/acs"), Auth::None, [&ctx, guard](Request &req, const ReplyPtr &reply) {
        const QString ws = req.param(QStringLiteral("ws"));
        const AcsCall call{*guard, SignInThrottle::sourceOf(req.remote)};
        if (guard->sources.check(ws, call.source, ServerContext::wallNow()).refused) {
            qCWarning(lcSso) << "ACS throttled after repeated failures from one source, workspace" << ws;
            return reply->send(ssoFailurePage(QStringLiteral("För många misslyckade inloggningar. Vänta några minuter och försök igen."), 429));
        }
        QByteArray b = req.body;
        b.replace('+', "%20");
        consumeResponse(ctx, call, ws, QUrlQuery(QString::fromUtf8(b)), reply);
    });
}

} // namespace http
