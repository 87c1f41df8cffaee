#pragma once
// The seam between the HTTP API and whoever takes the money. The HTTP layer
// validates the request against the rules (billing::requestChange etc.) and
// then asks the provider to carry it out. The Stripe implementation lives in
// server/stripe/; without payment keys the server has no provider and the
// money-moving routes answer 503 "payments_unavailable".
//
// All calls are asynchronous: `done` is called exactly once, on the thread
// that made the call (the server's main thread).
#include "billing/money.h"
#include "billing/plancatalog.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace http {

struct ProviderError {
    int httpStatus = 0;          // 0 = no error; else the status our API answers with
    QString code;                // our error code, e.g. "payment_provider_error", "card_declined"
    QString message;             // safe to show to a user (no secrets, no raw provider text with ids)
    bool ok() const { return httpStatus == 0; }
};

struct Invoice {
    QString id;
    QString number;
    QDateTime created;           // UTC
    billing::Money total;
    billing::Money tax;          // the moms in the total (Stripe's; the prices include it)
    QString status;              // draft | open | paid | uncollectible | void
    QString hostedUrl;
    QString pdfUrl;              // empty when the provider has none
    // What it was for: the plan of its subscription line, the period it covers,
    // whether it is a proration (an upgrade's difference).
    QString planId;
    QDateTime periodStart, periodEnd;
    bool proration = false;
    // A sent invoice (invoiced Enterprise, paid by transfer or on its page):
    // what is still owed and by when; its standing by billing::invoiceStanding.
    billing::Money amountDue;
    QDateTime dueDate;           // invalid: none
    QDateTime graceEndsAt;       // dueDate + the grace period
    bool overdue = false;        // unpaid after dueDate
    bool allowanceWithheld = false; // unpaid after graceEndsAt
};

struct Preview {
    QDateTime effectiveAt;       // when the change takes effect
    billing::Money amountDueNow; // charged now (prorated for upgrades), 0 for downgrade/cancel
};

// Identifies the workspace to the provider; the provider keeps its own ids
// (customer, subscription, schedule) in its own tables, keyed by workspaceId.
struct WorkspaceRef {
    QString workspaceId;
    QString name;
    QString ownerEmail;
};

class PaymentProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~PaymentProvider() override = default;

    // Free -> paid: a hosted checkout page; returns its URL.
    virtual void startCheckout(const WorkspaceRef &ws, const billing::Plan &plan,
                               std::function<void(ProviderError, QString url)> done) = 0;
    // Pro -> larger Pro, charged now. The new tier applies when the provider confirms
    // (webhook), not when this returns.
    // `prorateAt` is the instant the preview quoted (the charge is the quote).
    virtual void upgrade(const WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &prorateAt,
                         std::function<void(ProviderError)> done) = 0;
    // Pro -> smaller Pro at period end.
    virtual void scheduleDowngrade(const WorkspaceRef &ws, const billing::Plan &plan,
                                   std::function<void(ProviderError)> done) = 0;
    virtual void cancelAtPeriodEnd(const WorkspaceRef &ws, std::function<void(ProviderError)> done) = 0;
    // Undo a pending downgrade or cancel.
    virtual void undo(const WorkspaceRef &ws, std::function<void(ProviderError)> done) = 0;
    // An upgrade's amount is prorated for `at` (the server's now).
    virtual void preview(const WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &at,
                         std::function<void(ProviderError, Preview)> done) = 0;
    virtual void portalSession(const WorkspaceRef &ws, std::function<void(ProviderError, QString url)> done) = 0;
    virtual void invoices(const WorkspaceRef &ws, std::function<void(ProviderError, QList<Invoice>)> done) = 0;

    // POST /webhooks/stripe: the raw body and the signature header, exactly as
    // received. Returns the HTTP status to answer (200 processed or duplicate,
    // 400 bad signature or payload) and a JSON body.
    struct WebhookResult { int httpStatus = 200; QJsonObject body; };
    virtual WebhookResult handleWebhook(const QByteArray &rawBody, const QByteArray &signatureHeader) = 0;

    // The development clock moved: the provider advances its test clock too.
    virtual void clockMoved(const QDateTime &now) { Q_UNUSED(now); }

Q_SIGNALS:
    // The provider changed a workspace's subscription or funding (after a
    // webhook was applied): the HTTP layer pushes it on the live channel.
    void workspaceChanged(const QString &workspaceId);
};

} // namespace http
