#pragma once
// The emulator's Stripe: customers, checkout, subscriptions, schedules,
// invoices, payments, test clocks and events. Every method runs inside the
// caller's store transaction and throws ApiError on a Stripe-style failure.
#include "catalog.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

// How a subscription is collected and taxed.
struct SubscriptionTerms {
    bool sendInvoice = false;       // collection_method=send_invoice: due daysUntilDue after each invoice, no charge
    int daysUntilDue = 0;
    QJsonArray taxRates;            // default_tax_rates (tax_rate objects)
};

// What Checkout collected for the customer (billing_address_collection, tax_id_collection).
struct CheckoutDetails {
    QString email;
    QJsonObject address;            // line1, postal_code, city, country
    QString vatNumber;              // eu_vat, e.g. SE556036079301
};

struct EngineOptions {
    QString baseUrl;                 // http://127.0.0.1:PORT, for hosted page URLs
    bool deliverWebhooks = false;
    int paymentRetries = 2;          // extra attempts after a failed renewal charge
    int retryIntervalDays = 3;       // clock days between attempts
    bool cancelAfterRetries = false; // false: status unpaid; true: canceled
    // Setting the clock moves it by an offset and it keeps running (the demo,
    // whose server clock runs too); otherwise a set clock stays frozen (tests).
    bool runningClock = false;
};

class Engine : public QObject
{
    Q_OBJECT
public:
    Engine(Store &store, const Catalog &catalog, EngineOptions options, QObject *parent = nullptr);
    void setBaseUrl(const QString &url) { m_options.baseUrl = url; }
    QString baseUrl() const { return m_options.baseUrl; }
    const Catalog &catalog() const { return m_catalog; }

    // The request that causes events (for event.request); cleared after each request.
    void setRequestContext(const QString &requestId, const QString &idempotencyKey);

    // --- clocks
    qint64 globalNow() const;
    bool globalClockFrozen() const;
    qint64 nowFor(const QString &customerId) const;
    void setGlobalClock(qint64 now);                           // also drags test clocks forward
    QJsonObject createTestClock(const QJsonObject &params);
    QJsonObject advanceTestClock(const QString &id, const QJsonObject &params);
    void deleteTestClock(const QString &id);
    void processDue();                                         // catch up with the global clock

    // --- objects
    QJsonObject require(const QString &id, const QString &type, const QString &what) const;
    QJsonObject createCustomer(const QJsonObject &params);
    QJsonObject updateCustomer(const QString &id, const QJsonObject &params);
    QJsonObject expand(QJsonObject object, const QStringList &paths) const;
    static QJsonObject publicView(const QJsonObject &object);

    // --- checkout
    QJsonObject createCheckoutSession(const QJsonObject &params);
    QJsonObject expireCheckoutSession(const QString &id);
    // Pays an open session with a test card number. Throws ApiError (402 card_error) on decline.
    QJsonObject completeCheckout(const QString &sessionId, const QString &cardNumber, const CheckoutDetails &details);

    // --- payment methods
    // Creates a card payment method from a test card number and attaches it; throws on decline.
    QJsonObject attachCard(const QString &customerId, const QString &cardNumber);
    void setDefaultPaymentMethod(const QString &customerId, const QString &pmId);

    // --- prices (beyond the catalog's: an operator's contract price)
    QJsonObject createPrice(const QJsonObject &params);
    QJsonObject createTaxRate(const QJsonObject &params);
    QJsonArray taxRates(const QJsonValue &ids, const QString &param) const;   // tax_rate objects; throws on an unknown id
    QJsonObject price(const QString &id) const;                 // the catalog's or a created one; empty when unknown

    // --- subscriptions
    // Created directly: only collection_method=send_invoice (a card subscription starts in Checkout).
    QJsonObject createSubscription(const QJsonObject &params);
    QJsonObject updateSubscription(const QString &id, const QJsonObject &params);
    QJsonObject cancelSubscription(const QString &id);
    QJsonObject setCancelAtPeriodEnd(const QString &id, bool cancel);

    // --- schedules
    QJsonObject createSchedule(const QJsonObject &params);
    QJsonObject updateSchedule(const QString &id, const QJsonObject &params);
    QJsonObject releaseSchedule(const QString &id);
    QJsonObject cancelSchedule(const QString &id);

    // --- invoices
    QJsonObject previewInvoice(const QJsonObject &params);
    QJsonObject payInvoice(const QString &id, bool throwOnFailure); // with the default payment method
    QJsonObject payInvoiceOutOfBand(const QString &id);             // paid_out_of_band=true: a bank transfer
    QJsonObject voidInvoice(const QString &id);
    QJsonObject finalizeInvoice(const QString &id);

    // --- portal
    QJsonObject createPortalSession(const QJsonObject &params);

private:
    struct Charge {
        bool ok = false;
        QString code, declineCode, message;
    };
    Charge charge(const QString &pmId, qint64 amount) const;
    QString defaultPaymentMethod(const QJsonObject &subscription) const;
    void emitEvent(const QString &type, const QJsonObject &object, const QJsonObject &previous = {});
    static QJsonObject previousAttributes(const QJsonObject &before, const QJsonObject &after);

    QJsonObject newSubscription(const QJsonObject &customer, const QJsonObject &price, const QString &pmId,
                                const QJsonObject &metadata, qint64 now, const SubscriptionTerms &terms = {});
    void markPaid(QJsonObject &invoice, qint64 now);
    QJsonObject newInvoice(const QJsonObject &subscription, const QString &reason, qint64 now,
                           qint64 periodStart, qint64 periodEnd, const QJsonArray &lines, bool preview = false);
    QJsonObject line(const QJsonObject &subscription, const QJsonObject &price, qint64 amount,
                     const QString &description, qint64 start, qint64 end, bool proration) const;
    QJsonArray prorationLines(const QJsonObject &subscription, const QJsonObject &newPrice, qint64 at) const;
    // Charges the invoice; saves; emits invoice.paid / invoice.payment_failed. nextAttempt 0 = no retry.
    bool attemptInvoice(QJsonObject &invoice, qint64 now, qint64 nextAttempt = 0);
    void invoicePaid(const QJsonObject &invoice, qint64 now);
    QJsonObject setItemPrice(QJsonObject subscription, const QJsonObject &price) const;
    QJsonObject endSubscription(QJsonObject subscription, qint64 at, const QString &reason);

    void processCustomer(const QString &customerId, qint64 now);
    void processSubscription(const QString &subscriptionId, qint64 now);
    void renew(QJsonObject subscription, const QJsonObject &before, qint64 at);
    void retry(QJsonObject subscription, qint64 at);
    bool schedulePhaseEnded(QJsonObject &subscription, qint64 at, bool deferSubscriptionEvent);
    void advanceClock(QJsonObject clock, qint64 to);

    Store &m_store;
    const Catalog &m_catalog;
    EngineOptions m_options;
    QString m_requestId, m_idempotencyKey;
    qint64 m_eventTime = 0; // while the clock replays due work: the instant being processed
};

// Helpers shared by the engine's files.
namespace emu {
inline constexpr const char *kApiVersion = "2026-10-28.endive";
qint64 addMonths(qint64 anchor, int months);
int intervalMonths(const QJsonObject &price);                // 1 (month) or 12 (year)
// The tax in `amount` (öre) at `percentage`: inclusive = amount × p / (100 + p), exclusive = amount × p / 100,
// rounded to the nearest öre (half away from zero), per line as Stripe does.
qint64 taxOf(qint64 amount, double percentage, bool inclusive);
QString intervalLabel(const QJsonObject &price);             // "month" | "year"
QJsonObject item(const QJsonObject &subscription);          // items.data[0]
QJsonObject withItem(QJsonObject subscription, const QJsonObject &item);
QString str(const QJsonObject &params, const QString &key);
QJsonValue orNull(const QJsonObject &params, const QString &key); // absent -> null, as Stripe shows it
QJsonObject mergeMetadata(QJsonObject current, const QJsonValue &update);
bool boolParam(const QJsonObject &params, const QString &key, bool fallback);
qint64 intParam(const QJsonObject &params, const QString &key, qint64 fallback);
QString formatAmount(qint64 minor, const QString &currency);
QString formatDate(qint64 secs);
enum class CardBehavior { Invalid, Succeeds, Declines, InsufficientFunds, AttachThenFail };
CardBehavior cardBehavior(const QString &number);
}
