#pragma once
// Stripe settings, from the environment (STRIPE_SECRET_KEY,
// STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE). The keys never reach a log.
#include "billing/sellerdetails.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcStripe)

namespace stripe {

// The API version this code was written against (stripe-node 23).
inline constexpr char kApiVersion[] = "2026-10-28.endive";

struct StripeConfig {
    QByteArray secretKey;
    QByteArray webhookSecret;
    QUrl apiBase = QUrl(QStringLiteral("https://api.stripe.com"));
    // Where Checkout and the Portal send the browser back: this server's public base URL.
    QUrl publicBase = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    int maxNetworkRetries = 3;      // connection errors, 409, 5xx, Stripe-Should-Retry
    int maxRateLimitRetries = 3;    // 429
    double backoffScale = 1.0;      // tests shrink the waits
    int requestTimeoutMs = 30000;
    // Invoiced Enterprise: days after a sent invoice's due date before its
    // allowance is withheld ([billing] invoice_grace_days, KLIV_INVOICE_GRACE_DAYS).
    int invoiceGraceDays = 14;
    // [invoice] seller_name, org_number, vat_number, address (KLIV_INVOICE_*): on every
    // customer's invoices (custom fields and footer). Empty: not shown.
    billing::SellerDetails seller;

    bool enabled() const { return !secretKey.isEmpty(); }
    // *error on a bad KLIV_INVOICE_GRACE_DAYS or invoice field.
    static StripeConfig fromEnvironment(QString *error = nullptr);
};

// Replaces anything that looks like a Stripe secret (sk_, rk_, whsec_, ...)
// with a placeholder, for log lines that may quote provider text.
QString scrubSecrets(QString text);

} // namespace stripe
