#include "stripeconfig.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcStripe, "kliv.stripe")

namespace stripe {

StripeConfig StripeConfig::fromEnvironment(QString *error)
{
    StripeConfig c;
    if (!qEnvironmentVariableIsEmpty("KLIV_INVOICE_GRACE_DAYS")) {
        bool ok = false;
        const int days = qEnvironmentVariable("KLIV_INVOICE_GRACE_DAYS").trimmed().toInt(&ok);
        if (ok && days >= 0 && days <= 365)
            c.invoiceGraceDays = days;
        else if (error)
            *error = QStringLiteral("invoice_grace_days (KLIV_INVOICE_GRACE_DAYS) must be a number of days from 0 to 365");
    }
    c.seller = {qEnvironmentVariable("KLIV_INVOICE_SELLER_NAME").trimmed(), qEnvironmentVariable("KLIV_INVOICE_ORG_NUMBER").trimmed(),
                qEnvironmentVariable("KLIV_INVOICE_VAT_NUMBER").trimmed(), qEnvironmentVariable("KLIV_INVOICE_ADDRESS").trimmed()};
    if (!c.seller.isEmpty() && error) {
        if (const QString problem = billing::checkSellerDetails(c.seller); !problem.isEmpty())
            *error = problem;
    }
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
