#pragma once
// The provider's own tables (see stripeschema.cpp): customers, processed
// event ids, the newest snapshot of each subscription and schedule, and one
// row per invoice. Writes keep only newer snapshots, never revive a canceled
// subscription and never turn a paid invoice back, so the tables end in the
// same content whatever order Stripe delivers in. Call inside a transaction.
#include "stripefacts.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace stripe {

class StripeLedger
{
public:
    explicit StripeLedger(QSqlDatabase db) : m_db(std::move(db)) {}

    QString customerOf(const QString &workspaceId) const;
    QString workspaceOfCustomer(const QString &customerId) const;
    bool saveCustomer(const QString &workspaceId, const QString &customerId, qint64 now);

    // False when the event id was processed before (or on a database error: *error).
    bool markEventProcessed(const QString &eventId, const QString &type, qint64 created, qint64 now,
                            QString *error);

    // Keeps `f` when it is newer than what is stored. Returns false on a database error.
    bool recordSubscription(const QString &workspaceId, const SubscriptionFacts &f);
    bool recordSchedule(const ScheduleFacts &f);
    bool recordInvoice(const QString &workspaceId, const InvoiceFacts &f);

    std::optional<SubscriptionFacts> subscription(const QString &id) const;
    QString workspaceOfSubscription(const QString &subscriptionId) const;
    QList<SubscriptionFacts> subscriptionsOf(const QString &workspaceId) const;   // oldest first
    std::optional<ScheduleFacts> schedule(const QString &id) const;
    // The most recently learnt schedule of a subscription (its own facts may
    // not name it yet when the schedule's answer came first).
    std::optional<ScheduleFacts> newestScheduleOf(const QString &subscriptionId) const;
    QList<InvoiceFacts> invoicesOf(const QString &subscriptionId) const;
    // Sent invoices (send_invoice) not paid yet (open, uncollectible), the earliest due first.
    QList<InvoiceFacts> unpaidSentInvoices(const QString &workspaceId) const;
    QStringList workspacesWithSentInvoices() const;
    QStringList paidInvoiceIds(const QString &workspaceId) const;                   // sorted
    // The newest version stamp of the object, to order an API snapshot after it.
    Version newestVersion(const QString &table, const QString &idColumn, const QString &id) const;

    // Objects created once and reused (stripe_objects), e.g. "tax_rate:25:inclusive" -> txr_...
    QString objectId(const QString &name) const;
    bool saveObjectId(const QString &name, const QString &objectId, qint64 now);

    // Events waiting for their workspace (stripe_unplaced_events).
    struct Unplaced { QString eventId; QString type; QJsonObject object; };
    bool keepUnplaced(const QString &eventId, const QString &type, const QString &subscriptionId,
                      const QString &customerId, qint64 created, qint64 now, const QJsonObject &object);
    // Waiting events of these subscriptions or this customer, oldest first.
    bool unplacedFor(const QStringList &subscriptionIds, const QString &customerId, QList<Unplaced> *out) const;
    bool dropUnplaced(const QString &eventId);

    QString lastError() const { return m_error; }

private:
    std::optional<ScheduleFacts> scheduleWhere(const QString &condition, const QString &value) const;
    QList<InvoiceFacts> invoicesWhere(const QString &condition, const QString &value) const;
    bool exec(class QSqlQuery &q) const;
    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace stripe
