#pragma once
// SAML 2.0 single sign-on, service provider side: the seam the routes use
// (ServiceProvider), so that nothing above this directory touches lasso.
// The implementation (LassoServiceProvider) builds AuthnRequests
// (HTTP-Redirect binding) and checks Responses (HTTP-POST binding) with lasso
// (xmlsec1 underneath) plus the checks lasso leaves to its caller.
//
// Everything here is pure: the caller stores requests, consumes them and
// records assertion IDs (replay); the checks take `now` from the caller (the
// server's clock, so that the development clock can move it).
#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QUrl>
#include <optional>

namespace saml {

// What this server is to one workspace's IdP.
struct SpEndpoints {
    QString entityId;      // = metadataUrl (stable, per workspace)
    QString acsUrl;        // POST /saml/{ws}/acs
    QString metadataUrl;   // GET /saml/{ws}/metadata
};
SpEndpoints endpointsFor(const QUrl &publicBase, const QString &workspaceId);

// The parts of an IdP's metadata the server shows and uses.
struct IdpInfo {
    QString entityId;
    QString ssoUrl;                    // SingleSignOnService, HTTP-Redirect binding
    bool wantsSignedRequests = false;  // WantAuthnRequestsSigned
    QString certificateSha256;         // hex, of the (first) signing certificate (DER)
    QDateTime certificateNotAfter;     // UTC
};
// nullopt with a Swedish *error when it is not IdP metadata with an SSO URL
// (HTTP-Redirect) and a signing certificate.
std::optional<IdpInfo> parseIdpMetadata(const QByteArray &xml, QString *error);
// What the settings API and `admin show-sso` show of it: {"entity_id","sso_url",
// "certificate_sha256","certificate_not_after"}, or null without (readable) metadata.
QJsonValue idpSummaryJson(const QByteArray &metadataXml);

struct AuthnRequest {
    QString id;            // InResponseTo of the answer
    QUrl redirect;         // the IdP's SSO URL with SAMLRequest, RelayState (and Signature)
};

// A Response that passed every check.
struct SignedInPerson {
    QString issuer;        // the IdP's entity ID
    QString assertionId;
    QDateTime assertionExpiresAt;   // the latest NotOnOrAfter: remember the ID until then
    QString inResponseTo;  // the AuthnRequest it answers (the caller consumes it)
    QString nameId;
    QString email;         // the e-mail attribute, else the NameID when it is an e-mail
    QString name;          // displayName / name / givenName + sn; may be empty
};

struct ResponseCheck {
    std::optional<SignedInPerson> person;   // set when every check passed
    QString why;           // English, for the log: which check failed (never the assertion's contents)
    bool ok() const { return person.has_value(); }
};

class ServiceProvider
{
public:
    virtual ~ServiceProvider() = default;
    // The SP's metadata for this workspace (give it to the IdP).
    virtual QByteArray metadata(const SpEndpoints &sp) const = 0;
    // An AuthnRequest to the IdP of `idpMetadata`, signed when the IdP wants it.
    virtual std::optional<AuthnRequest> authnRequest(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                                     const QString &relayState, QString *error) = 0;
    // The base64 SAMLResponse of the HTTP-POST binding, checked against the
    // IdP of `idpMetadata` and this SP, at `now` with `skewSecs` either way.
    virtual ResponseCheck checkResponse(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                        const QByteArray &samlResponseBase64, const QDateTime &now,
                                        int skewSecs = 60) = 0;
};

} // namespace saml
