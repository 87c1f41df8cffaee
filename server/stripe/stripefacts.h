#pragma once
// What the provider remembers of Stripe's objects: the few fields that decide
// a workspace's subscription state, parsed from Stripe's JSON (API version
// 2026-10-28: periods on items.data[], invoice.parent.subscription_details,
// prices on line.pricing.price_details; older shapes are read as a fallback).
#include <QJsonObject>
#include <QString>

namespace stripe {

// An object snapshot is newer than another when (versionAt, versionTie) is
// larger: versionAt = the event's `created` (Stripe's clock), versionTie =
// the event id, or "~f<counter>" for an object fetched from the API (newer
// than every event received before the fetch).
struct Version {
    qint64 at = 0;
    QString tie;
    bool newerThan(const Version &o) const { return at != o.at ? at > o.at : tie > o.tie; }
};

struct SubscriptionFacts {
    QString id;
    QString customerId;
    QString workspaceId;        // metadata.workspace_id, when set
    QString status;             // Stripe's: active, past_due, unpaid, canceled, incomplete, ...
    QString priceId;            // items.data[0].price.id
    QString itemId;             // items.data[0].id
    qint64 created = 0;
    qint64 periodStart = 0;
    qint64 periodEnd = 0;
    bool cancelAtPeriodEnd = false;
    QString scheduleId;
    qint64 endedAt = 0;
    Version version;
    qint64 baseFreeSince = 0;   // the workspace's freeSince when this subscription was first seen

    bool isTerminal() const;    // canceled, incomplete_expired: Stripe never revives these
    static SubscriptionFacts fromJson(const QJsonObject &o);
};

struct ScheduleFacts {
    QString id;
    QString subscriptionId;
    QString status;             // not_started, active, completed, released, canceled
    QString nextPriceId;        // the price of the phase after the current one
    qint64 switchAt = 0;        // when that phase starts
    Version version;

    bool isPending() const;     // still going to switch the price
    static ScheduleFacts fromJson(const QJsonObject &o);
};

struct InvoiceFacts {
    QString id;
    QString customerId;
    QString subscriptionId;
    QString billingReason;      // subscription_create, subscription_cycle, subscription_update, ...
    QString status;             // paid | failed | open | void | uncollectible (ours: 'failed' = a payment attempt failed)
    QString priceId;            // the subscription price this invoice bills (the positive line)
    qint64 periodStart = 0;     // of that line: the cycle this invoice pays for
    qint64 periodEnd = 0;
    qint64 created = 0;
    qint64 amountPaid = 0;
    // Sent invoices (collection_method=send_invoice): what is owed and by when.
    QString collectionMethod;   // charge_automatically | send_invoice
    qint64 amountDue = 0;       // öre
    QString currency;           // upper case, e.g. SEK
    qint64 dueDate = 0;         // 0: none
    QString hostedUrl;          // hosted_invoice_url: where the customer pays
    QString number;
    qint64 tax = 0;             // öre of moms in the total (total_taxes; older: tax, total_tax_amounts)

    bool fundsCycle() const;
    bool isSent() const { return collectionMethod == QLatin1String("send_invoice"); }    // pays a cycle's allowance (create/cycle)
    static InvoiceFacts fromJson(const QJsonObject &o);
};

} // namespace stripe
