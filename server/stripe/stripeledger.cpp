#include "stripeledger.h"
#include "stripeconfig.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace stripe {

namespace {

SubscriptionFacts subFromRow(const QSqlQuery &q)
{
    SubscriptionFacts f;
    f.id = q.value(0).toString();
    f.customerId = q.value(1).toString();
    f.created = q.value(2).toLongLong();
    f.version = {q.value(3).toLongLong(), q.value(4).toString()};
    f.status = q.value(5).toString();
    f.priceId = q.value(6).toString();
    f.itemId = q.value(7).toString();
    f.periodStart = q.value(8).toLongLong();
    f.periodEnd = q.value(9).toLongLong();
    f.cancelAtPeriodEnd = q.value(10).toInt() != 0;
    f.scheduleId = q.value(11).toString();
    f.endedAt = q.value(12).toLongLong();
    f.baseFreeSince = q.value(13).toLongLong();
    f.workspaceId = q.value(14).toString();
    return f;
}

// Stripe may omit a field; NOT NULL columns get "" rather than failing the delivery.
QString nn(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

const char kSubColumns[] =
    "subscription_id, customer_id, created, version_at, version_tie, status, price_id, item_id,"
    " period_start, period_end, cancel_at_period_end, schedule_id, ended_at, base_free_since, workspace_id";

} // namespace

bool StripeLedger::exec(QSqlQuery &q) const
{
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    qCWarning(lcStripe) << "stripe ledger:" << m_error;
    return false;
}

QString StripeLedger::customerOf(const QString &workspaceId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT customer_id FROM stripe_customers WHERE workspace_id = ?"));
    q.addBindValue(workspaceId);
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

QString StripeLedger::workspaceOfCustomer(const QString &customerId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT workspace_id FROM stripe_customers WHERE customer_id = ?"));
    q.addBindValue(customerId);
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

bool StripeLedger::saveCustomer(const QString &workspaceId, const QString &customerId, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO stripe_customers (workspace_id, customer_id, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (workspace_id) DO NOTHING"));
    q.addBindValue(workspaceId);
    q.addBindValue(customerId);
    q.addBindValue(now);
    return exec(q);
}

QString StripeLedger::objectId(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT object_id FROM stripe_objects WHERE name = ?"));
    q.addBindValue(name);
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

bool StripeLedger::saveObjectId(const QString &name, const QString &objectId, qint64 now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO stripe_objects (name, object_id, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (name) DO NOTHING"));
    q.addBindValue(name);
    q.addBindValue(objectId);
    q.addBindValue(now);
    return exec(q);
}

bool StripeLedger::markEventProcessed(const QString &eventId, const QString &type, qint64 created,
                                      qint64 now, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO stripe_events (event_id, type, created, received_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (event_id) DO NOTHING"));
    q.addBindValue(eventId);
    q.addBindValue(type);
    q.addBindValue(created);
    q.addBindValue(now);
    if (!exec(q)) {
        *error = m_error;
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool StripeLedger::recordSubscription(const QString &workspaceId, const SubscriptionFacts &f)
{
    const std::optional<SubscriptionFacts> old = subscription(f.id);
    if (old) {
        // Canceled is terminal at Stripe: an older "active" snapshot never revives it.
        if (old->isTerminal() && !f.isTerminal())
            return true;
        if (!(f.isTerminal() && !old->isTerminal()) && !f.version.newerThan(old->version))
            return true;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO stripe_subscriptions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (subscription_id) DO UPDATE SET customer_id = excluded.customer_id,"
        " version_at = excluded.version_at, version_tie = excluded.version_tie, status = excluded.status,"
        " price_id = excluded.price_id, item_id = excluded.item_id, period_start = excluded.period_start,"
        " period_end = excluded.period_end, cancel_at_period_end = excluded.cancel_at_period_end,"
        " schedule_id = excluded.schedule_id, ended_at = excluded.ended_at").arg(QLatin1String(kSubColumns)));
    q.addBindValue(f.id);
    q.addBindValue(f.customerId);
    q.addBindValue(f.created);
    q.addBindValue(f.version.at);
    q.addBindValue(nn(f.version.tie));
    q.addBindValue(nn(f.status));
    q.addBindValue(f.priceId);
    q.addBindValue(f.itemId);
    q.addBindValue(f.periodStart);
    q.addBindValue(f.periodEnd);
    q.addBindValue(f.cancelAtPeriodEnd ? 1 : 0);
    q.addBindValue(f.scheduleId);
    q.addBindValue(f.endedAt);
    q.addBindValue(old ? old->baseFreeSince : f.baseFreeSince);
    q.addBindValue(workspaceId);
    return exec(q);
}

bool StripeLedger::recordSchedule(const ScheduleFacts &f)
{
    const std::optional<ScheduleFacts> old = schedule(f.id);
    if (old && !f.version.newerThan(old->version))
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO stripe_schedules (schedule_id, subscription_id, version_at, version_tie, status, next_price_id, switch_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (schedule_id) DO UPDATE SET"
        " subscription_id = excluded.subscription_id, version_at = excluded.version_at,"
        " version_tie = excluded.version_tie, status = excluded.status,"
        " next_price_id = excluded.next_price_id, switch_at = excluded.switch_at"));
    q.addBindValue(f.id);
    q.addBindValue(f.subscriptionId);
    q.addBindValue(f.version.at);
    q.addBindValue(nn(f.version.tie));
    q.addBindValue(nn(f.status));
    q.addBindValue(f.nextPriceId);
    q.addBindValue(f.switchAt);
    return exec(q);
}

bool StripeLedger::recordInvoice(const QString &workspaceId, const InvoiceFacts &f)
{
    // 'paid' and 'void' are final: a late payment_failed or finalized changes
    // nothing; 'open' (a sent invoice's finalization) replaces only 'open'.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO stripe_invoices (invoice_id, workspace_id, subscription_id, billing_reason, status,"
        " price_id, period_start, period_end, created, amount_paid, collection_method, amount_due, currency,"
        " due_date, hosted_invoice_url, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (invoice_id) DO UPDATE SET status = excluded.status, amount_paid = excluded.amount_paid,"
        " billing_reason = excluded.billing_reason, price_id = excluded.price_id,"
        " period_start = excluded.period_start, period_end = excluded.period_end,"
        " collection_method = excluded.collection_method, amount_due = excluded.amount_due,"
        " currency = excluded.currency, due_date = excluded.due_date,"
        " hosted_invoice_url = excluded.hosted_invoice_url, number = excluded.number"
        " WHERE stripe_invoices.status <> 'paid' AND stripe_invoices.status <> 'void'"
        " AND (excluded.status <> 'open' OR stripe_invoices.status = 'open')"));
    q.addBindValue(f.id);
    q.addBindValue(workspaceId);
    q.addBindValue(f.subscriptionId);
    q.addBindValue(f.billingReason);
    q.addBindValue(nn(f.status));
    q.addBindValue(f.priceId);
    q.addBindValue(f.periodStart);
    q.addBindValue(f.periodEnd);
    q.addBindValue(f.created);
    q.addBindValue(f.amountPaid);
    q.addBindValue(f.collectionMethod);
    q.addBindValue(f.amountDue);
    q.addBindValue(f.currency);
    q.addBindValue(f.dueDate ? QVariant(f.dueDate) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(f.hostedUrl);
    q.addBindValue(f.number);
    return exec(q);
}

std::optional<SubscriptionFacts> StripeLedger::subscription(const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM stripe_subscriptions WHERE subscription_id = ?").arg(QLatin1String(kSubColumns)));
    q.addBindValue(id);
    if (exec(q) && q.next())
        return subFromRow(q);
    return std::nullopt;
}

QString StripeLedger::workspaceOfSubscription(const QString &subscriptionId) const
{
    const auto s = subscription(subscriptionId);
    return s ? s->workspaceId : QString();
}

QList<SubscriptionFacts> StripeLedger::subscriptionsOf(const QString &workspaceId) const
{
    QList<SubscriptionFacts> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM stripe_subscriptions WHERE workspace_id = ? ORDER BY created, subscription_id")
                  .arg(QLatin1String(kSubColumns)));
    q.addBindValue(workspaceId);
    if (exec(q)) {
        while (q.next())
            out.append(subFromRow(q));
    }
    return out;
}

std::optional<ScheduleFacts> StripeLedger::schedule(const QString &id) const
{
    return scheduleWhere(QStringLiteral("schedule_id = ?"), id);
}

std::optional<ScheduleFacts> StripeLedger::newestScheduleOf(const QString &subscriptionId) const
{
    return scheduleWhere(QStringLiteral("subscription_id = ? ORDER BY version_at DESC, version_tie DESC LIMIT 1"),
                         subscriptionId);
}

std::optional<ScheduleFacts> StripeLedger::scheduleWhere(const QString &condition, const QString &value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT schedule_id, subscription_id, version_at, version_tie, status, next_price_id, switch_at"
                             " FROM stripe_schedules WHERE ") + condition);
    q.addBindValue(value);
    if (!exec(q) || !q.next())
        return std::nullopt;
    ScheduleFacts f;
    f.id = q.value(0).toString();
    f.subscriptionId = q.value(1).toString();
    f.version = {q.value(2).toLongLong(), q.value(3).toString()};
    f.status = q.value(4).toString();
    f.nextPriceId = q.value(5).toString();
    f.switchAt = q.value(6).toLongLong();
    return f;
}

QList<InvoiceFacts> StripeLedger::invoicesOf(const QString &subscriptionId) const
{
    return invoicesWhere(QStringLiteral("subscription_id = ? ORDER BY period_start, created, invoice_id"), subscriptionId);
}

QList<InvoiceFacts> StripeLedger::unpaidSentInvoices(const QString &workspaceId) const
{
    return invoicesWhere(QStringLiteral("workspace_id = ? AND collection_method = 'send_invoice'"
                                        " AND status IN ('open', 'uncollectible') ORDER BY due_date, invoice_id"),
                         workspaceId);
}

QStringList StripeLedger::workspacesWithSentInvoices() const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT workspace_id FROM stripe_invoices WHERE collection_method = 'send_invoice'"
                             " ORDER BY workspace_id"));
    if (exec(q)) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

QList<InvoiceFacts> StripeLedger::invoicesWhere(const QString &condition, const QString &value) const
{
    QList<InvoiceFacts> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT invoice_id, subscription_id, billing_reason, status, price_id, period_start,"
                             " period_end, created, amount_paid, collection_method, amount_due, currency, due_date,"
                             " hosted_invoice_url, number FROM stripe_invoices WHERE ") + condition);
    q.addBindValue(value);
    if (exec(q)) {
        while (q.next()) {
            InvoiceFacts f;
            f.id = q.value(0).toString();
            f.subscriptionId = q.value(1).toString();
            f.billingReason = q.value(2).toString();
            f.status = q.value(3).toString();
            f.priceId = q.value(4).toString();
            f.periodStart = q.value(5).toLongLong();
            f.periodEnd = q.value(6).toLongLong();
            f.created = q.value(7).toLongLong();
            f.amountPaid = q.value(8).toLongLong();
            f.collectionMethod = q.value(9).toString();
            f.amountDue = q.value(10).toLongLong();
            f.currency = q.value(11).toString();
            f.dueDate = q.value(12).toLongLong();
            f.hostedUrl = q.value(13).toString();
            f.number = q.value(14).toString();
            out.append(f);
        }
    }
    return out;
}

QStringList StripeLedger::paidInvoiceIds(const QString &workspaceId) const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT invoice_id FROM stripe_invoices WHERE workspace_id = ? AND status = 'paid' ORDER BY invoice_id"));
    q.addBindValue(workspaceId);
    if (exec(q)) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

Version StripeLedger::newestVersion(const QString &table, const QString &idColumn, const QString &id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version_at, version_tie FROM %1 WHERE %2 = ?").arg(table, idColumn));
    q.addBindValue(id);
    if (exec(q) && q.next())
        return {q.value(0).toLongLong(), q.value(1).toString()};
    return {};
}

bool StripeLedger::keepUnplaced(const QString &eventId, const QString &type, const QString &subscriptionId,
                                const QString &customerId, qint64 created, qint64 now, const QJsonObject &object)
{
    // Bounded: what no workspace claimed within 30 days is another integration's.
    QSqlQuery prune(m_db);
    prune.prepare(QStringLiteral("DELETE FROM stripe_unplaced_events WHERE received_at < ?"));
    prune.addBindValue(now - 30 * 86400);
    if (!exec(prune))
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO stripe_unplaced_events (event_id, type, subscription_id, customer_id, created, "
                             "received_at, object) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING"));
    q.addBindValue(eventId);
    q.addBindValue(type);
    q.addBindValue(subscriptionId);
    q.addBindValue(customerId);
    q.addBindValue(created);
    q.addBindValue(now);
    q.addBindValue(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    return exec(q);
}

bool StripeLedger::unplacedFor(const QStringList &subscriptionIds, const QString &customerId, QList<Unplaced> *out) const
{
    QStringList conditions;
    QVariantList values;
    if (!customerId.isEmpty()) {
        conditions << QStringLiteral("customer_id = ?");
        values << customerId;
    }
    for (const QString &id : subscriptionIds) {
        if (!id.isEmpty()) {
            conditions << QStringLiteral("subscription_id = ?");
            values << id;
        }
    }
    if (conditions.isEmpty())
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT event_id, type, object FROM stripe_unplaced_events WHERE ")
              + conditions.join(QStringLiteral(" OR ")) + QStringLiteral(" ORDER BY created, event_id"));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!exec(q))
        return false;
    while (q.next())
        out->append({q.value(0).toString(), q.value(1).toString(),
                     QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
    return true;
}

bool StripeLedger::dropUnplaced(const QString &eventId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM stripe_unplaced_events WHERE event_id = ?"));
    q.addBindValue(eventId);
    return exec(q);
}

} // namespace stripe
