#pragma once
// The SP's own signing key pair: RSA 2048 and a self-signed certificate
// (SAML trusts the certificate in the metadata, not a CA). Made once, at the
// first start; the private key never leaves the database and is never logged.
#include <QByteArray>
#include <optional>
#include <utility>

namespace saml {

// {private key PEM (PKCS#8), certificate PEM}; nullopt when OpenSSL fails.
std::optional<std::pair<QByteArray, QByteArray>> generateSpKeyPair();

// The certificate's DER, base64 (as ds:X509Certificate carries it).
QByteArray certificateBase64(const QByteArray &certificatePem);

} // namespace saml
