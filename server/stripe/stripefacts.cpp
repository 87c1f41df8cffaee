#include "stripefacts.h"

#include <QJsonArray>

namespace stripe {

namespace {

QString idOf(const QJsonValue &v)
{
    // Expandable fields arrive as an id string or as the expanded object.
    return v.isObject() ? v.toObject().value(QLatin1String("id")).toString() : v.toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

QJsonObject firstItem(const QJsonObject &sub)
{
    return sub.value(QLatin1String("items")).toObject().value(QLatin1String("data")).toArray().first().toObject();
}

QString linePrice(const QJsonObject &line)
{
    const QJsonObject details = line.value(QLatin1String("pricing")).toObject().value(QLatin1String("price_details")).toObject();
    QString p = idOf(details.value(QLatin1String("price")));
    if (p.isEmpty())
        p = idOf(line.value(QLatin1String("price")));
    if (p.isEmpty())
        p = idOf(line.value(QLatin1String("plan")));
    return p;
}

} // namespace

bool SubscriptionFacts::isTerminal() const
{
    return status == QLatin1String("canceled") || status == QLatin1String("incomplete_expired");
}

SubscriptionFacts SubscriptionFacts::fromJson(const QJsonObject &o)
{
    SubscriptionFacts f;
    f.id = o.value(QLatin1String("id")).toString();
    f.customerId = idOf(o.value(QLatin1String("customer")));
    f.workspaceId = o.value(QLatin1String("metadata")).toObject().value(QLatin1String("workspace_id")).toString();
    f.status = o.value(QLatin1String("status")).toString();
    const QJsonObject item = firstItem(o);
    f.itemId = item.value(QLatin1String("id")).toString();
    f.priceId = idOf(item.value(QLatin1String("price")));
    if (f.priceId.isEmpty())
        f.priceId = idOf(item.value(QLatin1String("plan")));
    f.created = num(o, "created");
    f.periodStart = num(item, "current_period_start");
    f.periodEnd = num(item, "current_period_end");
    if (!f.periodEnd) {   // before 2025-03-31.basil the period was on the subscription
        f.periodStart = num(o, "current_period_start");
        f.periodEnd = num(o, "current_period_end");
    }
    f.cancelAtPeriodEnd = o.value(QLatin1String("cancel_at_period_end")).toBool();
    f.scheduleId = idOf(o.value(QLatin1String("schedule")));
    f.endedAt = num(o, "ended_at");
    return f;
}

bool ScheduleFacts::isPending() const
{
    return (status == QLatin1String("active") || status == QLatin1String("not_started")) && !nextPriceId.isEmpty();
}

ScheduleFacts ScheduleFacts::fromJson(const QJsonObject &o)
{
    ScheduleFacts f;
    f.id = o.value(QLatin1String("id")).toString();
    f.subscriptionId = idOf(o.value(QLatin1String("subscription")));
    if (f.subscriptionId.isEmpty())   // a released schedule names it here
        f.subscriptionId = idOf(o.value(QLatin1String("released_subscription")));
    f.status = o.value(QLatin1String("status")).toString();
    const QJsonArray phases = o.value(QLatin1String("phases")).toArray();
    const qint64 currentStart = qint64(o.value(QLatin1String("current_phase")).toObject()
                                           .value(QLatin1String("start_date")).toDouble());
    // The phase after the current one (or the second one when none is current yet).
    for (int i = 0; i + 1 < phases.size(); ++i) {
        const QJsonObject ph = phases.at(i).toObject();
        if (currentStart && qint64(ph.value(QLatin1String("start_date")).toDouble()) != currentStart)
            continue;
        const QJsonObject next = phases.at(i + 1).toObject();
        const QJsonObject item = next.value(QLatin1String("items")).toArray().first().toObject();
        f.nextPriceId = idOf(item.value(QLatin1String("price")));
        f.switchAt = qint64(next.value(QLatin1String("start_date")).toDouble());
        if (!f.switchAt)
            f.switchAt = qint64(ph.value(QLatin1String("end_date")).toDouble());
        break;
    }
    return f;
}

bool InvoiceFacts::fundsCycle() const
{
    return status == QLatin1String("paid")
        && (billingReason == QLatin1String("subscription_create") || billingReason == QLatin1String("subscription_cycle"));
}

InvoiceFacts InvoiceFacts::fromJson(const QJsonObject &o)
{
    InvoiceFacts f;
    f.id = o.value(QLatin1String("id")).toString();
    f.customerId = idOf(o.value(QLatin1String("customer")));
    f.subscriptionId = idOf(o.value(QLatin1String("parent")).toObject()
                                .value(QLatin1String("subscription_details")).toObject()
                                .value(QLatin1String("subscription")));
    if (f.subscriptionId.isEmpty())
        f.subscriptionId = idOf(o.value(QLatin1String("subscription")));
    f.billingReason = o.value(QLatin1String("billing_reason")).toString();
    f.status = o.value(QLatin1String("status")).toString();
    f.created = num(o, "created");
    f.amountPaid = num(o, "amount_paid");
    f.collectionMethod = o.value(QLatin1String("collection_method")).toString();
    f.amountDue = num(o, "amount_due");
    f.currency = o.value(QLatin1String("currency")).toString().toUpper();
    f.dueDate = num(o, "due_date");
    f.hostedUrl = o.value(QLatin1String("hosted_invoice_url")).toString();
    f.number = o.value(QLatin1String("number")).toString();
    const QJsonArray taxes = o.value(QLatin1String("total_taxes")).toArray();
    const QJsonArray legacyTaxes = o.value(QLatin1String("total_tax_amounts")).toArray();
    for (const QJsonValue &t : taxes.isEmpty() ? legacyTaxes : taxes)
        f.tax += num(t.toObject(), "amount");
    if (taxes.isEmpty() && legacyTaxes.isEmpty())
        f.tax = num(o, "tax");   // before 2025-03-31.basil
    // The line that bills the subscription's price: for a cycle invoice the one
    // line; for an upgrade (proration) the positive line of the new price.
    const QJsonArray lines = o.value(QLatin1String("lines")).toObject().value(QLatin1String("data")).toArray();
    qint64 best = -1;
    for (const QJsonValue &v : lines) {
        const QJsonObject line = v.toObject();
        const qint64 amount = num(line, "amount");
        if (amount < 0 || amount <= best)
            continue;
        best = amount;
        f.priceId = linePrice(line);
        const QJsonObject period = line.value(QLatin1String("period")).toObject();
        f.periodStart = num(period, "start");
        f.periodEnd = num(period, "end");
    }
    return f;
}

} // namespace stripe
