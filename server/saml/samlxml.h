#pragma once
// What the SP reads from SAML XML with libxml2 (no DTDs, no entities, no
// network): the IdP's metadata, and a Response's structure and values.
// The structure check is the defence against signature wrapping: exactly one
// Assertion, a direct child of the Response; unique IDs; every ds:Signature a
// direct child of the Response or that Assertion, with one Reference to its
// parent's own ID. The signatures themselves are checked by lasso.
#include "serviceprovider.h"

#include <QHash>
#include <QStringList>

namespace saml {

struct ResponseFacts {
    QString responseId, destination, inResponseTo, responseIssuer;   // issuer: empty when absent
    QString statusCode;
    bool responseSigned = false, assertionSigned = false;
    QString assertionId, assertionIssuer;
    QString nameId;
    QString notBefore, notOnOrAfter;                  // Conditions (raw xs:dateTime)
    QStringList audiences;                            // of every AudienceRestriction
    int audienceRestrictions = 0;
    QString confirmationMethod, recipient, scdNotBefore, scdNotOnOrAfter, scdInResponseTo;
    QHash<QString, QStringList> attributes;           // Name (and FriendlyName) -> values
};

// nullopt with *why (English, names no values) when the structure is refused.
std::optional<ResponseFacts> readResponse(const QByteArray &xml, QString *why);

// IdP metadata (an EntityDescriptor with an IDPSSODescriptor, or the first such
// in an EntitiesDescriptor). nullopt with a Swedish *error.
std::optional<IdpInfo> readIdpMetadata(const QByteArray &xml, QString *error);

// xs:dateTime (UTC "Z" or an offset, optional fractions); invalid when not one.
QDateTime parseSamlInstant(const QString &s);

} // namespace saml
