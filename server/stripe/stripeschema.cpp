#include "stripeschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace stripe {

QStringList StripeSchema::migrations()
{
    return {
        // 1: everything the provider keeps. Times are unix seconds (Stripe's own unit).
        QStringLiteral(
            "CREATE TABLE stripe_idempotency_keys ("
            " operation TEXT PRIMARY KEY, idem_key TEXT NOT NULL, created_at BIGINT NOT NULL);"
            "CREATE TABLE stripe_customers ("
            " workspace_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL);"
            // Every event id ever processed: a repeat delivery changes nothing.
            "CREATE TABLE stripe_events ("
            " event_id TEXT PRIMARY KEY, type TEXT NOT NULL, created BIGINT NOT NULL, received_at BIGINT NOT NULL);"
            // The newest known snapshot of each subscription (version = event created, then a tie-break).
            "CREATE TABLE stripe_subscriptions ("
            " subscription_id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, customer_id TEXT,"
            " created BIGINT NOT NULL, version_at BIGINT NOT NULL, version_tie TEXT NOT NULL,"
            " status TEXT NOT NULL, price_id TEXT, item_id TEXT,"
            " period_start BIGINT, period_end BIGINT, cancel_at_period_end INTEGER NOT NULL DEFAULT 0,"
            " schedule_id TEXT, ended_at BIGINT, base_free_since BIGINT);"
            "CREATE INDEX stripe_subscriptions_ws ON stripe_subscriptions (workspace_id);"
            "CREATE TABLE stripe_schedules ("
            " schedule_id TEXT PRIMARY KEY, subscription_id TEXT, version_at BIGINT NOT NULL,"
            " version_tie TEXT NOT NULL, status TEXT NOT NULL, next_price_id TEXT, switch_at BIGINT);"
            // One row per invoice; a 'paid' row is the one grant of that invoice's allowance.
            "CREATE TABLE stripe_invoices ("
            " invoice_id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, subscription_id TEXT,"
            " billing_reason TEXT, status TEXT NOT NULL, price_id TEXT,"
            " period_start BIGINT, period_end BIGINT, created BIGINT NOT NULL, amount_paid BIGINT NOT NULL DEFAULT 0);"
            "CREATE INDEX stripe_invoices_sub ON stripe_invoices (subscription_id);"),
        // 2: events that name no known workspace yet (Stripe keeps no order: an
        // invoice.paid may come before its checkout or subscription); applied
        // when the link arrives, pruned after 30 days when it never does.
        QStringLiteral(
            "CREATE TABLE stripe_unplaced_events ("
            " event_id TEXT PRIMARY KEY, type TEXT NOT NULL, subscription_id TEXT, customer_id TEXT,"
            " created BIGINT NOT NULL, received_at BIGINT NOT NULL, object TEXT NOT NULL);"
            "CREATE INDEX stripe_unplaced_sub ON stripe_unplaced_events (subscription_id);"
            "CREATE INDEX stripe_unplaced_cus ON stripe_unplaced_events (customer_id);"
            "CREATE INDEX stripe_unplaced_received ON stripe_unplaced_events (received_at);"),
        // 3: what a sent invoice (collection_method=send_invoice, invoiced Enterprise)
        // needs for its due date and the grace period: what is owed, when, and the
        // page where it is paid. Unix seconds, öre.
        QStringLiteral(
            "ALTER TABLE stripe_invoices ADD COLUMN collection_method TEXT;"
            "ALTER TABLE stripe_invoices ADD COLUMN amount_due BIGINT NOT NULL DEFAULT 0;"
            "ALTER TABLE stripe_invoices ADD COLUMN currency TEXT;"
            "ALTER TABLE stripe_invoices ADD COLUMN due_date BIGINT;"
            "ALTER TABLE stripe_invoices ADD COLUMN hosted_invoice_url TEXT;"
            "ALTER TABLE stripe_invoices ADD COLUMN number TEXT;"
            "CREATE INDEX stripe_invoices_ws ON stripe_invoices (workspace_id);"),
        // 4: the ids of objects the provider creates once and reuses (the moms tax rate).
        QStringLiteral(
            "CREATE TABLE stripe_objects (name TEXT PRIMARY KEY, object_id TEXT NOT NULL, created_at BIGINT NOT NULL);"),
    };
}

bool StripeSchema::migrate(QSqlDatabase db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS stripe_schema_version (version INTEGER NOT NULL)"))) {
        *error = q.lastError().text();
        return false;
    }
    int version = 0;
    if (q.exec(QStringLiteral("SELECT MAX(version) FROM stripe_schema_version")) && q.next())
        version = q.value(0).toInt();
    const QStringList all = migrations();
    if (version >= all.size())
        return true;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    for (int v = version; v < all.size(); ++v) {
        for (const QString &stmt : all.at(v).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (stmt.trimmed().isEmpty())
                continue;
            if (!q.exec(stmt)) {
                *error = QStringLiteral("stripe migration %1: %2").arg(v + 1).arg(q.lastError().text());
                db.rollback();
                return false;
            }
        }
        q.prepare(QStringLiteral("INSERT INTO stripe_schema_version (version) VALUES (?)"));
        q.addBindValue(v + 1);
        if (!q.exec()) {
            *error = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace stripe
