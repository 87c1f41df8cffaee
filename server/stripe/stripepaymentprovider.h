#pragma once
// http::PaymentProvider on Stripe: Checkout for Free -> Pro, subscription
// updates for upgrades (prorated, invoiced now), schedules for downgrades at
// period end, cancel_at_period_end, the Customer Portal, invoices, and the
// webhook that turns Stripe's events into the workspace's subscription state.
#include "service/paymentprovider.h"
#include "idempotencykeys.h"
#include "stripeclient.h"
#include "stripeconfig.h"
#include "stripefacts.h"
#include "webhookverifier.h"

#include "billing/clock.h"
#include "billing/plancatalog.h"

#include <QTimer>
#include <memory>

namespace storage { class Store; }

namespace stripe {

class StripeLedger;

// An operator's invoiced plan (admin set-plan --price): a price of its own and a
// subscription with collection_method=send_invoice, so Stripe sends the invoice.
struct InvoicedPlan {
    qint64 price = 0;                 // öre per interval, VAT included
    QString interval;                 // month | year
    int daysUntilDue = 30;
    int credits = 0;                  // the contract allowance, kept in the metadata
    QString productName;              // on the invoice line
};

class StripePaymentProvider : public http::PaymentProvider
{
    Q_OBJECT
public:
    // Adds the stripe_* tables to every Store::open(); call before opening the store.
    static void registerMigrations();

    StripePaymentProvider(StripeConfig config, storage::Store *store, const billing::PlanCatalog &catalog,
                          const billing::Clock &clock, QObject *parent = nullptr);
    ~StripePaymentProvider() override;

    void startCheckout(const http::WorkspaceRef &ws, const billing::Plan &plan,
                       std::function<void(http::ProviderError, QString)> done) override;
    void upgrade(const http::WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &prorateAt,
                 std::function<void(http::ProviderError)> done) override;
    void scheduleDowngrade(const http::WorkspaceRef &ws, const billing::Plan &plan,
                           std::function<void(http::ProviderError)> done) override;
    void cancelAtPeriodEnd(const http::WorkspaceRef &ws, std::function<void(http::ProviderError)> done) override;
    void undo(const http::WorkspaceRef &ws, std::function<void(http::ProviderError)> done) override;
    void preview(const http::WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &at,
                 std::function<void(http::ProviderError, http::Preview)> done) override;
    void portalSession(const http::WorkspaceRef &ws, std::function<void(http::ProviderError, QString)> done) override;
    void invoices(const http::WorkspaceRef &ws,
                  std::function<void(http::ProviderError, QList<http::Invoice>)> done) override;
    WebhookResult handleWebhook(const QByteArray &rawBody, const QByteArray &signatureHeader) override;
    void clockMoved(const QDateTime &now) override;

    // Creates the invoiced subscription for an operator-set plan; `done` gets
    // the JSON the admin command prints (customer, subscription, first invoice).
    void startInvoicedPlan(const http::WorkspaceRef &ws, const InvoicedPlan &plan,
                           std::function<void(http::ProviderError, QJsonObject)> done);
    // The same, waiting for the answer (the admin command has no event loop of its own).
    static QJsonObject startInvoicedPlanNow(const StripeConfig &config, storage::Store *store,
                                            const billing::PlanCatalog &catalog, const QDateTime &now,
                                            const http::WorkspaceRef &ws, const InvoicedPlan &plan,
                                            http::ProviderError *error);
    // The grace policy (billing::applyInvoiceStanding) for one workspace / all
    // with sent invoices, at the clock's now. True when the state changed.
    bool enforceInvoiceGrace(const QString &workspaceId);
    void enforceAllInvoiceGrace();

    WebhookResult verifyAndApply(const QByteArray &rawBody, const QByteArray &signatureHeader);
    // Applies one already-verified event (what handleWebhook does after the signature check).
    WebhookResult applyEvent(const QJsonObject &event);
    // Whether subscription events also fetch the object from Stripe (default on): the
    // fetched object orders after every event received before it.
    void setRefetch(bool on) { m_refetch = on; }
    StripeClient *client() { return &m_client; }
    // Records an object Stripe returned to us (newer than anything we had). `derive`:
    // also re-derive the workspace's state and announce it. Answers to plan changes
    // only record: the HTTP layer applies the rule's state itself right after.
    void recordFetched(const QString &workspaceId, const QJsonObject &object, bool derive);

private:
    struct Live;
    std::optional<SubscriptionFacts> currentSubscription(const QString &workspaceId) const;
    void ensureCustomer(const http::WorkspaceRef &ws, std::function<void(http::ProviderError, QString)> done);
    // The moms tax rate (25 %, inclusive when the catalog's prices include VAT), created once.
    void ensureTaxRate(std::function<void(http::ProviderError, QString)> done);
    void releaseScheduleIfPending(const SubscriptionFacts &sub, std::function<void(http::ProviderError)> done);
    void setCancelFlag(const SubscriptionFacts &sub, bool cancel, std::function<void(http::ProviderError)> done);
    void describeInvoice(const QJsonObject &invoice, http::Invoice *out) const;
    void createInvoicedSubscription(const http::WorkspaceRef &ws, const InvoicedPlan &plan, const QString &customer,
                                    const QString &taxRate, std::function<void(http::ProviderError, QJsonObject)> done);
    bool rederive(const QString &workspaceId, StripeLedger &ledger);
    // Applies the waiting (unplaced) events that belong to this workspace now.
    bool placeWaiting(StripeLedger &ledger, const QString &workspaceId);
    void refetch(const QString &path);
    Version fetchVersion(StripeLedger &ledger, const QString &table, const QString &idColumn, const QString &id,
                         const QString &subscriptionId = {});
    qint64 nowUnix() const;
    QUrl publicUrl(const QString &query) const;

    StripeConfig m_config;
    storage::Store *m_store;
    const billing::PlanCatalog &m_catalog;
    const billing::Clock &m_clock;
    std::unique_ptr<IdempotencyKeys> m_keys;
    StripeClient m_client;
    WebhookVerifier m_verifier;
    bool m_refetch = true;
    qint64 m_fetchSeq = 0;
    QTimer m_graceTimer;   // production: the grace period ends without any event
};

} // namespace stripe
