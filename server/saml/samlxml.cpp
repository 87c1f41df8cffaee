#include "samlxml.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/x509.h>

#include <functional>
#include <memory>

namespace saml {

namespace {
const char *const NsProtocol = "urn:oasis:names:tc:SAML:2.0:protocol";
const char *const NsAssertion = "urn:oasis:names:tc:SAML:2.0:assertion";
const char *const NsMetadata = "urn:oasis:names:tc:SAML:2.0:metadata";
const char *const NsDsig = "http://www.w3.org/2000/09/xmldsig#";
const char *const BindingRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

struct DocFree { void operator()(xmlDoc *d) const { xmlFreeDoc(d); } };
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// No DTD loading, no entity substitution, no network; a DOCTYPE is refused by the callers.
Doc parse(const QByteArray &xml)
{
    return Doc(xmlReadMemory(xml.constData(), int(xml.size()), "saml.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
}

bool is(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href
        && xmlStrcmp(n->ns->href, BAD_CAST ns) == 0 && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

QString attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    const QString s = v ? QString::fromUtf8(reinterpret_cast<const char *>(v)) : QString();
    xmlFree(v);
    return s;
}

bool hasAttr(const xmlNode *n, const char *name) { return xmlHasNsProp(n, BAD_CAST name, nullptr) != nullptr; }

QString text(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const QString s = v ? QString::fromUtf8(reinterpret_cast<const char *>(v)).trimmed() : QString();
    xmlFree(v);
    return s;
}

QList<xmlNode *> children(xmlNode *parent, const char *ns, const char *name)
{
    QList<xmlNode *> out;
    for (xmlNode *c = parent ? parent->children : nullptr; c; c = c->next)
        if (is(c, ns, name))
            out.append(c);
    return out;
}

xmlNode *child(xmlNode *parent, const char *ns, const char *name)
{
    const auto all = children(parent, ns, name);
    return all.size() == 1 ? all.first() : nullptr;
}

void walk(xmlNode *n, const std::function<void(xmlNode *)> &fn)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            fn(n);
            walk(n->children, fn);
        }
    }
}
} // namespace

QDateTime parseSamlInstant(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    // A time without a zone is not an instant.
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {};
    return t.toUTC();
}

std::optional<ResponseFacts> readResponse(const QByteArray &xml, QString *why)
{
    auto refuse = [why](const char *reason) { *why = QString::fromLatin1(reason); return std::nullopt; };
    const Doc doc = parse(xml);
    if (!doc)
        return refuse("the SAMLResponse is not well-formed XML");
    if (doc->intSubset || doc->extSubset)
        return refuse("the SAMLResponse has a DOCTYPE");
    xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!is(root, NsProtocol, "Response"))
        return refuse("the SAMLResponse is not a samlp:Response");

    // One pass over every element: assertions, encrypted ones, signatures, IDs.
    QList<xmlNode *> assertions, signatures;
    int encrypted = 0;
    QSet<QString> ids;
    bool duplicateId = false;
    walk(root, [&](xmlNode *n) {
        if (is(n, NsAssertion, "Assertion"))
            assertions.append(n);
        else if (is(n, NsAssertion, "EncryptedAssertion"))
            ++encrypted;
        else if (is(n, NsDsig, "Signature"))
            signatures.append(n);
        if (hasAttr(n, "ID")) {
            const QString id = attr(n, "ID");
            duplicateId = duplicateId || ids.contains(id);
            ids.insert(id);
        }
    });
    if (encrypted > 0)
        return refuse("the response carries an EncryptedAssertion (this SP publishes no encryption key; refused "
                      "whether signed or not)");
    if (assertions.size() != 1)
        return refuse("the response must carry exactly one Assertion (wrapping: another assertion found)");
    xmlNode *assertion = assertions.first();
    if (assertion->parent != root)
        return refuse("the Assertion is not a direct child of the Response (wrapping)");
    if (duplicateId)
        return refuse("two elements share an ID (wrapping)");

    ResponseFacts f;
    f.responseId = attr(root, "ID");
    f.assertionId = attr(assertion, "ID");
    if (f.responseId.isEmpty() || f.assertionId.isEmpty())
        return refuse("the Response or the Assertion has no ID");
    for (xmlNode *sig : std::as_const(signatures)) {
        xmlNode *parent = sig->parent;
        if (parent != root && parent != assertion)
            return refuse("a signature outside the Response and the Assertion (wrapping)");
        xmlNode *signedInfo = child(sig, NsDsig, "SignedInfo");
        const auto refs = signedInfo ? children(signedInfo, NsDsig, "Reference") : QList<xmlNode *>();
        if (refs.size() != 1 || attr(refs.first(), "URI") != QLatin1Char('#') + attr(parent, "ID"))
            return refuse("a signature that does not reference its own element (wrapping)");
        bool &flag = parent == root ? f.responseSigned : f.assertionSigned;
        if (flag)
            return refuse("two signatures on one element");
        flag = true;
    }
    if (!f.responseSigned && !f.assertionSigned)
        return refuse("neither the Response nor the Assertion is signed");

    f.destination = attr(root, "Destination");
    f.inResponseTo = attr(root, "InResponseTo");
    if (const auto issuers = children(root, NsAssertion, "Issuer"); issuers.size() == 1)
        f.responseIssuer = text(issuers.first());
    else if (issuers.size() > 1)
        return refuse("the Response has two Issuers");
    xmlNode *status = child(root, NsProtocol, "Status");
    xmlNode *code = status ? child(status, NsProtocol, "StatusCode") : nullptr;
    if (!code)
        return refuse("the Response has no StatusCode");
    f.statusCode = attr(code, "Value");

    xmlNode *issuer = child(assertion, NsAssertion, "Issuer");
    xmlNode *subject = child(assertion, NsAssertion, "Subject");
    xmlNode *conditions = child(assertion, NsAssertion, "Conditions");
    if (!issuer || !subject || !conditions)
        return refuse("the Assertion lacks exactly one Issuer, Subject or Conditions");
    f.assertionIssuer = text(issuer);
    xmlNode *nameId = child(subject, NsAssertion, "NameID");
    if (!nameId)
        return refuse("the Subject has no (single, unencrypted) NameID");
    f.nameId = text(nameId);
    const auto confirmations = children(subject, NsAssertion, "SubjectConfirmation");
    if (confirmations.size() != 1)
        return refuse("the Subject must have exactly one SubjectConfirmation");
    f.confirmationMethod = attr(confirmations.first(), "Method");
    xmlNode *data = child(confirmations.first(), NsAssertion, "SubjectConfirmationData");
    if (!data)
        return refuse("the SubjectConfirmation has no SubjectConfirmationData");
    f.recipient = attr(data, "Recipient");
    f.scdNotBefore = attr(data, "NotBefore");
    f.scdNotOnOrAfter = attr(data, "NotOnOrAfter");
    f.scdInResponseTo = attr(data, "InResponseTo");
    f.notBefore = attr(conditions, "NotBefore");
    f.notOnOrAfter = attr(conditions, "NotOnOrAfter");
    for (xmlNode *restriction : children(conditions, NsAssertion, "AudienceRestriction")) {
        ++f.audienceRestrictions;
        for (xmlNode *a : children(restriction, NsAssertion, "Audience"))
            f.audiences.append(text(a));
    }
    for (xmlNode *statement : children(assertion, NsAssertion, "AttributeStatement")) {
        for (xmlNode *a : children(statement, NsAssertion, "Attribute")) {
            QStringList values;
            for (xmlNode *v : children(a, NsAssertion, "AttributeValue"))
                values.append(text(v));
            f.attributes[attr(a, "Name")] += values;
            if (hasAttr(a, "FriendlyName"))
                f.attributes[attr(a, "FriendlyName")] += values;
        }
    }
    return f;
}

namespace {
xmlNode *findIdpEntity(xmlNode *n)
{
    for (; n; n = n->next) {
        if (is(n, NsMetadata, "EntityDescriptor") && child(n, NsMetadata, "IDPSSODescriptor"))
            return n;
        if (is(n, NsMetadata, "EntitiesDescriptor"))
            if (xmlNode *inner = findIdpEntity(n->children))
                return inner;
    }
    return nullptr;
}
} // namespace

std::optional<IdpInfo> readIdpMetadata(const QByteArray &xml, QString *error)
{
    auto refuse = [error](const QString &message) { *error = message; return std::nullopt; };
    const Doc doc = parse(xml);
    if (!doc || doc->intSubset || doc->extSubset)
        return refuse(QStringLiteral("Metadatan är inte giltig XML."));
    xmlNode *entity = findIdpEntity(xmlDocGetRootElement(doc.get()));
    if (!entity)
        return refuse(QStringLiteral("Metadatan beskriver ingen identitetsleverantör (IDPSSODescriptor saknas)."));
    IdpInfo info;
    info.entityId = attr(entity, "entityID");
    if (info.entityId.isEmpty())
        return refuse(QStringLiteral("Metadatan saknar entityID."));
    xmlNode *idp = children(entity, NsMetadata, "IDPSSODescriptor").first();
    const QString want = attr(idp, "WantAuthnRequestsSigned");
    info.wantsSignedRequests = want == QLatin1String("true") || want == QLatin1String("1");
    for (xmlNode *sso : children(idp, NsMetadata, "SingleSignOnService")) {
        if (attr(sso, "Binding") == QLatin1String(BindingRedirect)) {
            info.ssoUrl = attr(sso, "Location");
            break;
        }
    }
    const QUrl sso(info.ssoUrl);
    if (info.ssoUrl.isEmpty() || !sso.isValid() || (sso.scheme() != QLatin1String("https") && sso.scheme() != QLatin1String("http")))
        return refuse(QStringLiteral("Metadatan saknar en inloggningsadress (SingleSignOnService med HTTP-Redirect)."));
    for (xmlNode *kd : children(idp, NsMetadata, "KeyDescriptor")) {
        const QString use = attr(kd, "use");
        if (!use.isEmpty() && use != QLatin1String("signing"))
            continue;
        xmlNode *keyInfo = child(kd, NsDsig, "KeyInfo");
        xmlNode *data = keyInfo ? child(keyInfo, NsDsig, "X509Data") : nullptr;
        xmlNode *certNode = data ? child(data, NsDsig, "X509Certificate") : nullptr;
        if (!certNode)
            continue;
        const QByteArray der = QByteArray::fromBase64(text(certNode).remove(QRegularExpression(QStringLiteral("\\s"))).toLatin1());
        const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
        X509 *cert = d2i_X509(nullptr, &p, long(der.size()));
        if (!cert)
            continue;
        struct tm tm = {};
        if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1)
            info.certificateNotAfter = QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                                                 QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
        X509_free(cert);
        info.certificateSha256 = QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex());
        break;
    }
    if (info.certificateSha256.isEmpty())
        return refuse(QStringLiteral("Metadatan saknar ett signeringscertifikat (KeyDescriptor med X509Certificate)."));
    return info;
}

} // namespace saml
