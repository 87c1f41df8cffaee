#include "stripeconfig.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcStripe, "kliv.stripe")

namespace stripe {

StripeConfig StripeConfig::fromEnvironment()
{
    StripeConfig c;
    c.secretKey = qgetenv("STRIPE_SECRET_KEY");
    c.webhookSecret = qgetenv("STRIPE_WEBHOOK_SECRET");
    const QByteArray base = qgetenv("STRIPE_API_BASE");
    if (!base.isEmpty())
        c.apiBase = QUrl(QString::fromUtf8(base));
    return c;
}

QString scrubSecrets(QString text)
{
    static const QRegularExpression re(
        QStringLiteral("\\b(sk|rk|pk|whsec)_(test_|live_)?[A-Za-z0-9_]+"));
    return text.replace(re, QStringLiteral("\\1_***"));
}

} // namespace stripe
