#pragma once
// Verifies Stripe's webhook signature (Stripe-Signature header) over the raw
// request body: t=<unix>,v1=<hex>[,v1=<hex>...]; the signed string is
// "<t>.<raw body>", HMAC-SHA256 keyed with the whole secret (incl. "whsec_").
// Any v1 may match (Stripe sends one per active secret while rotating).
#include <QByteArray>
#include <QString>

namespace stripe {

class WebhookVerifier
{
public:
    enum class Result {
        Ok,
        MalformedHeader,   // no t=, no v1=, non-numeric t, non-hex signature, ...
        NoMatch,           // well-formed, but no v1 matches this secret and body
        TooOld,            // t more than the tolerance before now
        TooNew,            // t more than the tolerance after now (a forged far-future stamp)
        NoSecret,
    };

    explicit WebhookVerifier(QByteArray secret, qint64 toleranceSeconds = 300);

    Result verify(const QByteArray &rawBody, const QByteArray &header, qint64 nowUnix) const;

    // Builds a header the way Stripe does (used by tests and the dev tools).
    static QByteArray sign(const QByteArray &secret, const QByteArray &rawBody, qint64 timestamp);
    static QString describe(Result r);   // English, for logs and the 400 body

private:
    QByteArray m_secret;
    qint64 m_tolerance;
};

} // namespace stripe
