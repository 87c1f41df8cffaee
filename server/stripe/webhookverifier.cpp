#include "webhookverifier.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <QList>

namespace stripe {

namespace {

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out, &len);
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

bool isHex(const QByteArray &s)
{
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

} // namespace

WebhookVerifier::WebhookVerifier(QByteArray secret, qint64 toleranceSeconds)
    : m_secret(std::move(secret))
    , m_tolerance(toleranceSeconds)
{
}

WebhookVerifier::Result WebhookVerifier::verify(const QByteArray &rawBody, const QByteArray &header,
                                                qint64 nowUnix) const
{
    if (m_secret.isEmpty())
        return Result::NoSecret;
    if (header.size() > 8192)
        return Result::MalformedHeader;

    QByteArray timestamp;
    QList<QByteArray> signatures;
    for (const QByteArray &rawPart : header.split(',')) {
        const QByteArray part = rawPart.trimmed();
        const int eq = part.indexOf('=');
        if (eq <= 0)
            return Result::MalformedHeader;
        const QByteArray key = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (key == "t") {
            if (!timestamp.isEmpty())
                return Result::MalformedHeader;   // two timestamps: ambiguous
            timestamp = value;
        } else if (key == "v1") {
            // SHA-256 in hex is exactly 64 characters.
            if (value.size() != 64 || !isHex(value))
                return Result::MalformedHeader;
            signatures.append(QByteArray::fromHex(value));
        }
        // Other schemes (v0 = test mode legacy) are ignored, as Stripe's SDKs do.
    }
    if (timestamp.isEmpty() || timestamp.size() > 12 || signatures.isEmpty())
        return Result::MalformedHeader;
    for (char c : timestamp) {
        if (c < '0' || c > '9')
            return Result::MalformedHeader;
    }
    const qint64 t = timestamp.toLongLong();

    const QByteArray expected = hmacSha256(m_secret, timestamp + '.' + rawBody);
    bool matched = false;
    for (const QByteArray &sig : signatures) {
        // Constant time; no early exit, so timing says nothing about which one matched.
        if (sig.size() == expected.size()
            && CRYPTO_memcmp(sig.constData(), expected.constData(), size_t(expected.size())) == 0)
            matched = true;
    }
    if (!matched)
        return Result::NoMatch;
    if (nowUnix - t > m_tolerance)
        return Result::TooOld;
    if (t - nowUnix > m_tolerance)
        return Result::TooNew;
    return Result::Ok;
}

QByteArray WebhookVerifier::sign(const QByteArray &secret, const QByteArray &rawBody, qint64 timestamp)
{
    const QByteArray t = QByteArray::number(timestamp);
    return "t=" + t + ",v1=" + hmacSha256(secret, t + '.' + rawBody).toHex();
}

QString WebhookVerifier::describe(Result r)
{
    switch (r) {
    case Result::Ok: return QStringLiteral("ok");
    case Result::MalformedHeader: return QStringLiteral("malformed Stripe-Signature header");
    case Result::NoMatch: return QStringLiteral("no signature matches the payload");
    case Result::TooOld: return QStringLiteral("signature timestamp outside the tolerance (too old)");
    case Result::TooNew: return QStringLiteral("signature timestamp outside the tolerance (in the future)");
    case Result::NoSecret: return QStringLiteral("no webhook secret configured");
    }
    return {};
}

} // namespace stripe
