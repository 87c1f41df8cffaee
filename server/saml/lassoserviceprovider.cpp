#include "lassoserviceprovider.h"
#include "samlxml.h"
#include "spkey.h"

#include <QJsonObject>
#include <QMutexLocker>
#include <QRegularExpression>

// libxml2 (which pulls in ICU's C++ headers) and GLib before lasso: lasso.h
// wraps its own includes in extern "C".
#include <glib-object.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <xmlsec/xmlsec.h>

#include <lasso/lasso.h>
#include <lasso/xml/saml-2.0/samlp2_authn_request.h>
#include <lasso/xml/saml-2.0/samlp2_name_id_policy.h>
#include <lasso/xml/saml-2.0/samlp2_response.h>

#include <memory>
#include <mutex>

namespace saml {

namespace {
const char *const EmailFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const char *const BindingPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const char *const Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
const char *const Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

struct ServerFree { void operator()(LassoServer *s) const { lasso_server_destroy(s); } };
struct LoginFree { void operator()(LassoLogin *l) const { lasso_login_destroy(l); } };
using Server = std::unique_ptr<LassoServer, ServerFree>;
using Login = std::unique_ptr<LassoLogin, LoginFree>;

QString xmlEscaped(const QString &s) { return s.toHtmlEscaped(); }

QString lassoError(int rc) { return QString::fromUtf8(lasso_strerror(rc)) + QStringLiteral(" (%1)").arg(rc); }

bool looksLikeEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

QString firstOf(const QHash<QString, QStringList> &attributes, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        const QStringList v = attributes.value(QString::fromLatin1(n));
        if (!v.isEmpty() && !v.first().isEmpty())
            return v.first();
    }
    return {};
}
} // namespace

// Every call into lasso, in every thread, one at a time (see the header).
static QMutex &lassoLock()
{
    static QMutex m;
    return m;
}

void initLasso()
{
    static std::once_flag once;
    std::call_once(once, [] { lasso_init(); });
}

SpEndpoints endpointsFor(const QUrl &publicBase, const QString &workspaceId)
{
    QString base = publicBase.toString(QUrl::StripTrailingSlash);
    const QString prefix = base + QStringLiteral("/saml/") + QString::fromLatin1(QUrl::toPercentEncoding(workspaceId));
    return {prefix + QStringLiteral("/metadata"), prefix + QStringLiteral("/acs"), prefix + QStringLiteral("/metadata")};
}

std::optional<IdpInfo> parseIdpMetadata(const QByteArray &xml, QString *error)
{
    auto info = readIdpMetadata(xml, error);
    if (!info)
        return std::nullopt;
    // lasso must be able to load it too (it is what checks the signatures).
    initLasso();
    QMutexLocker lock(&lassoLock());
    LassoProvider *provider = lasso_provider_new_from_buffer(LASSO_PROVIDER_ROLE_IDP, xml.constData(), nullptr, nullptr);
    if (!provider) {
        *error = QStringLiteral("Metadatan kunde inte läsas som SAML 2.0-metadata för en identitetsleverantör.");
        return std::nullopt;
    }
    g_object_unref(provider);
    return info;
}

QJsonValue idpSummaryJson(const QByteArray &metadataXml)
{
    QString error;
    const auto info = metadataXml.isEmpty() ? std::nullopt : parseIdpMetadata(metadataXml, &error);
    if (!info)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("entity_id"), info->entityId},
                       {QStringLiteral("sso_url"), info->ssoUrl},
                       {QStringLiteral("certificate_sha256"), info->certificateSha256},
                       {QStringLiteral("certificate_not_after"), info->certificateNotAfter.toUTC().toString(Qt::ISODate)}};
}

LassoServiceProvider::LassoServiceProvider(QByteArray privateKeyPem, QByteArray certificatePem)
    : m_key(std::move(privateKeyPem)), m_cert(std::move(certificatePem))
{
    initLasso();
}

QByteArray LassoServiceProvider::metadata(const SpEndpoints &sp) const
{
    return QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
        "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"%1\">\n"
        " <md:SPSSODescriptor AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\" "
        "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
        "  <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%2</ds:X509Certificate>"
        "</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
        "  <md:NameIDFormat>%3</md:NameIDFormat>\n"
        "  <md:AssertionConsumerService Binding=\"%4\" Location=\"%5\" index=\"0\" isDefault=\"true\"/>\n"
        " </md:SPSSODescriptor>\n"
        "</md:EntityDescriptor>\n")
        .arg(xmlEscaped(sp.entityId), QString::fromLatin1(certificateBase64(m_cert)), QLatin1String(EmailFormat),
             QLatin1String(BindingPost), xmlEscaped(sp.acsUrl))
        .toUtf8();
}

std::optional<AuthnRequest> LassoServiceProvider::authnRequest(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                                               const QString &relayState, QString *error)
{
    QString metadataError;
    const auto idp = readIdpMetadata(idpMetadata, &metadataError);
    if (!idp) {
        *error = QStringLiteral("IdP metadata unusable");
        return std::nullopt;
    }
    QMutexLocker lock(&lassoLock());
    Server server(lasso_server_new_from_buffers(metadata(sp).constData(), m_key.constData(), nullptr, m_cert.constData()));
    if (!server) {
        *error = QStringLiteral("lasso could not load the SP");
        return std::nullopt;
    }
    if (const int rc = lasso_server_add_provider_from_buffer(server.get(), LASSO_PROVIDER_ROLE_IDP, idpMetadata.constData(),
                                                             nullptr, nullptr)) {
        *error = QStringLiteral("lasso could not load the IdP: ") + lassoError(rc);
        return std::nullopt;
    }
    Login login(lasso_login_new(server.get()));
    LassoProfile *profile = LASSO_PROFILE(login.get());
    const QByteArray idpId = idp->entityId.toUtf8();
    if (const int rc = lasso_login_init_authn_request(login.get(), idpId.constData(), LASSO_HTTP_METHOD_REDIRECT)) {
        *error = QStringLiteral("lasso_login_init_authn_request: ") + lassoError(rc);
        return std::nullopt;
    }
    LassoSamlp2AuthnRequest *request = LASSO_SAMLP2_AUTHN_REQUEST(profile->request);
    if (!request->NameIDPolicy)
        request->NameIDPolicy = LASSO_SAMLP2_NAME_ID_POLICY(lasso_samlp2_name_id_policy_new());
    g_free(request->NameIDPolicy->Format);
    request->NameIDPolicy->Format = g_strdup(EmailFormat);
    request->NameIDPolicy->AllowCreate = TRUE;
    g_free(request->ProtocolBinding);
    request->ProtocolBinding = g_strdup(BindingPost);
    g_free(request->AssertionConsumerServiceURL);
    request->AssertionConsumerServiceURL = g_strdup(sp.acsUrl.toUtf8().constData());
    request->AssertionConsumerServiceIndex = -1;
    // Signed (SigAlg + Signature on the query) when the IdP's metadata asks for it.
    lasso_profile_set_signature_hint(profile, idp->wantsSignedRequests ? LASSO_PROFILE_SIGNATURE_HINT_FORCE
                                                                       : LASSO_PROFILE_SIGNATURE_HINT_FORBID);
    g_free(profile->msg_relayState);
    profile->msg_relayState = g_strdup(relayState.toUtf8().constData());
    if (const int rc = lasso_login_build_authn_request_msg(login.get())) {
        *error = QStringLiteral("lasso_login_build_authn_request_msg: ") + lassoError(rc);
        return std::nullopt;
    }
    AuthnRequest out;
    out.id = QString::fromUtf8(LASSO_SAMLP2_REQUEST_ABSTRACT(request)->ID);
    out.redirect = QUrl(QString::fromUtf8(profile->msg_url), QUrl::StrictMode);
    if (out.id.isEmpty() || !out.redirect.isValid()) {
        *error = QStringLiteral("lasso built no request");
        return std::nullopt;
    }
    return out;
}

ResponseCheck LassoServiceProvider::checkResponse(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                                  const QByteArray &samlResponseBase64, const QDateTime &now, int skewSecs)
{
    ResponseCheck out;
    auto refuse = [&out](const QString &why) { out.why = why; return out; };
    QByteArray compact = samlResponseBase64;
    compact.replace(' ', "").replace('\n', "").replace('\r', "").replace('\t', "");
    const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return refuse(QStringLiteral("SAMLResponse is not base64"));
    QString why;
    const auto f = readResponse(decoded.decoded, &why);
    if (!f)
        return refuse(why);
    QString metadataError;
    const auto idp = readIdpMetadata(idpMetadata, &metadataError);
    if (!idp)
        return refuse(QStringLiteral("the workspace's IdP metadata is unusable"));

    // The signatures, by lasso against the certificate in the IdP's metadata.
    {
        QMutexLocker lock(&lassoLock());
        Server server(lasso_server_new_from_buffers(metadata(sp).constData(), m_key.constData(), nullptr, m_cert.constData()));
        if (!server || lasso_server_add_provider_from_buffer(server.get(), LASSO_PROVIDER_ROLE_IDP,
                                                             idpMetadata.constData(), nullptr, nullptr))
            return refuse(QStringLiteral("lasso could not load the SP or the IdP"));
        Login login(lasso_login_new(server.get()));
        LassoProfile *profile = LASSO_PROFILE(login.get());
        lasso_profile_set_signature_verify_hint(profile, LASSO_PROFILE_SIGNATURE_VERIFY_HINT_MAYBE);
        QByteArray message = compact;
        if (const int rc = lasso_login_process_authn_response_msg(login.get(), message.data()))
            return refuse(QStringLiteral("lasso refused the response: ") + lassoError(rc));
        // The Response's signature as lasso saw it: "not found" is fine only when the
        // Assertion is signed (verified below), anything else is a bad signature.
        const int status = lasso_profile_get_signature_status(profile);
        if (status && !(status == LASSO_DS_ERROR_SIGNATURE_NOT_FOUND && !f->responseSigned && f->assertionSigned))
            return refuse(QStringLiteral("lasso: the signature is not valid: ") + lassoError(status));
        // Each signature the structure check found, verified on its own element
        // (lasso may have been content with one of them).
        LassoProvider *provider = lasso_server_get_provider(server.get(), idp->entityId.toUtf8().constData());
        if (!provider)
            return refuse(QStringLiteral("the response's IdP is not this workspace's"));
        if (f->responseSigned) {
            if (const int rc = lasso_provider_verify_single_node_signature(provider, profile->response, "ID"))
                return refuse(QStringLiteral("the Response's signature is not valid: ") + lassoError(rc));
        }
        if (f->assertionSigned) {
            LassoNode *assertion = lasso_login_get_assertion(login.get());
            const int rc = assertion ? lasso_provider_verify_single_node_signature(provider, assertion, "ID") : -1;
            if (assertion)
                g_object_unref(assertion);
            if (rc)
                return refuse(QStringLiteral("the Assertion's signature is not valid: ") + lassoError(rc));
        }
    }

    // What lasso leaves to its caller.
    if (f->statusCode != QLatin1String(Success))
        return refuse(QStringLiteral("status is not Success"));
    if (!f->responseIssuer.isEmpty() && f->responseIssuer != idp->entityId)
        return refuse(QStringLiteral("the Response's Issuer is not the IdP's entity ID"));
    if (f->assertionIssuer != idp->entityId)
        return refuse(QStringLiteral("the Assertion's Issuer is not the IdP's entity ID"));
    if (f->destination != sp.acsUrl)
        return refuse(QStringLiteral("Destination is not this ACS URL"));
    if (f->audienceRestrictions < 1 || !f->audiences.contains(sp.entityId))
        return refuse(QStringLiteral("the Audience is not this SP's entity ID"));
    if (f->confirmationMethod != QLatin1String(Bearer))
        return refuse(QStringLiteral("the SubjectConfirmation is not bearer"));
    if (f->recipient != sp.acsUrl)
        return refuse(QStringLiteral("Recipient is not this ACS URL"));
    if (f->inResponseTo.isEmpty())
        return refuse(QStringLiteral("the Response answers no request (unsolicited responses are not accepted)"));
    if (!f->scdInResponseTo.isEmpty() && f->scdInResponseTo != f->inResponseTo)
        return refuse(QStringLiteral("the SubjectConfirmationData answers another request"));
    const QDateTime notBefore = parseSamlInstant(f->notBefore), notOnOrAfter = parseSamlInstant(f->notOnOrAfter);
    const QDateTime scdNotOnOrAfter = parseSamlInstant(f->scdNotOnOrAfter);
    if ((!f->notBefore.isEmpty() && !notBefore.isValid()) || (!f->notOnOrAfter.isEmpty() && !notOnOrAfter.isValid())
        || !scdNotOnOrAfter.isValid())
        return refuse(QStringLiteral("a validity instant is missing or not an xs:dateTime"));
    if (notBefore.isValid() && now.addSecs(skewSecs) < notBefore)
        return refuse(QStringLiteral("the assertion is not valid yet (NotBefore)"));
    if (notOnOrAfter.isValid() && now.addSecs(-skewSecs) >= notOnOrAfter)
        return refuse(QStringLiteral("the assertion has expired (Conditions NotOnOrAfter)"));
    if (now.addSecs(-skewSecs) >= scdNotOnOrAfter)
        return refuse(QStringLiteral("the assertion has expired (SubjectConfirmationData NotOnOrAfter)"));
    if (!f->scdNotBefore.isEmpty()) {
        const QDateTime scdNotBefore = parseSamlInstant(f->scdNotBefore);
        if (!scdNotBefore.isValid() || now.addSecs(skewSecs) < scdNotBefore)
            return refuse(QStringLiteral("the assertion is not valid yet (SubjectConfirmationData NotBefore)"));
    }

    SignedInPerson p;
    p.issuer = idp->entityId;
    p.assertionId = f->assertionId;
    p.assertionExpiresAt = std::max(notOnOrAfter.isValid() ? notOnOrAfter : scdNotOnOrAfter, scdNotOnOrAfter).addSecs(skewSecs);
    p.inResponseTo = f->inResponseTo;
    p.nameId = f->nameId;
    p.email = firstOf(f->attributes, {"email", "mail", "emailAddress", "urn:oid:0.9.2342.19200300.100.1.3",
                                      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"});
    if (p.email.isEmpty() && looksLikeEmail(p.nameId))
        p.email = p.nameId;
    if (!looksLikeEmail(p.email))
        return refuse(QStringLiteral("the assertion carries no e-mail address (attribute or NameID)"));
    p.name = firstOf(f->attributes, {"displayName", "name", "urn:oid:2.16.840.1.113730.3.1.241",
                                     "http://schemas.microsoft.com/identity/claims/displayname"});
    if (p.name.isEmpty()) {
        const QString given = firstOf(f->attributes, {"givenName", "urn:oid:2.5.4.42"});
        const QString sn = firstOf(f->attributes, {"sn", "surname", "urn:oid:2.5.4.4"});
        p.name = (given + QLatin1Char(' ') + sn).trimmed();
    }
    out.person = p;
    return out;
}

} // namespace saml
