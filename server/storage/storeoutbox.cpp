// The outbox of outgoing notifications: rows written in the transaction of
// the change they announce, so a notification is never sent for a change that
// rolled back and never lost for one that committed. service::Notifier claims
// what is due (a lease, so two instances sharing PostgreSQL do not both send
// it), sends it and records the outcome.
#include "store_p.h"

#include <QJsonDocument>
#include <atomic>

namespace storage {

namespace {
std::atomic<bool> g_notificationsEnabled{false};

const QString kSelect = QStringLiteral(
    "SELECT id, type, body, created_ms, attempts, sent_ms, last_error, gave_up FROM notification_outbox ");

OutgoingNotification notificationFrom(const QSqlQuery &q)
{
    OutgoingNotification n;
    n.id = q.value(0).toString();
    n.type = q.value(1).toString();
    n.body = q.value(2).toString().toUtf8();
    n.createdAt = fromMs(q.value(3).toLongLong());
    n.attempts = q.value(4).toInt();
    n.sentAt = optFromMs(q.value(5));
    n.lastError = q.value(6).toString();
    n.gaveUp = q.value(7).toInt() != 0;
    return n;
}
} // namespace

void Store::setNotificationsEnabled(bool on) { g_notificationsEnabled = on; }
bool Store::notificationsEnabled() { return g_notificationsEnabled; }

bool Store::queueNotification(const QString &type, const QJsonObject &data, const QDateTime &now)
{
    if (!g_notificationsEnabled)
        return true;
    const QString id = newId("ntf_");
    const QJsonObject envelope{{QStringLiteral("id"), id},
                               {QStringLiteral("type"), type},
                               {QStringLiteral("created"), now.toUTC().toString(Qt::ISODate)},
                               {QStringLiteral("data"), data}};
    const QString body = QString::fromUtf8(QJsonDocument(envelope).toJson(QJsonDocument::Compact));
    return d->exec(QStringLiteral("INSERT INTO notification_outbox (id, type, body, created_ms, next_attempt_ms) VALUES (?, ?, ?, ?, ?)"),
                   {id, type, body, msOf(now), msOf(now)}) != nullptr;
}

QList<OutgoingNotification> Store::claimNotifications(const QDateTime &now, int leaseSecs, int limit)
{
    QList<OutgoingNotification> due;
    QSqlQuery *q = d->exec(kSelect + QStringLiteral("WHERE next_attempt_ms IS NOT NULL AND next_attempt_ms <= ? "
                                                    "ORDER BY next_attempt_ms, id LIMIT ?"),
                           {msOf(now), limit});
    while (q && q->next())
        due.append(notificationFrom(*q));
    // Claimed only where the row is still due: the instance whose UPDATE changed it sends it.
    QList<OutgoingNotification> claimed;
    for (const OutgoingNotification &n : std::as_const(due)) {
        QSqlQuery *u = d->exec(QStringLiteral("UPDATE notification_outbox SET next_attempt_ms = ? "
                                              "WHERE id = ? AND next_attempt_ms IS NOT NULL AND next_attempt_ms <= ?"),
                               {msOf(now) + qint64(leaseSecs) * 1000, n.id, msOf(now)});
        if (u && u->numRowsAffected() == 1)
            claimed.append(n);
    }
    return claimed;
}

bool Store::notificationSent(const QString &id, const QDateTime &now)
{
    return d->exec(QStringLiteral("UPDATE notification_outbox SET sent_ms = ?, next_attempt_ms = NULL, attempts = attempts + 1, "
                                  "last_error = '' WHERE id = ?"),
                   {msOf(now), id}) != nullptr;
}

bool Store::notificationFailed(const QString &id, const QString &error, const QDateTime &next, bool giveUp)
{
    return d->exec(QStringLiteral("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, "
                                  "next_attempt_ms = ?, gave_up = ? WHERE id = ? AND sent_ms IS NULL"),
                   {error.left(500), giveUp ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(msOf(next)),
                    giveUp ? 1 : 0, id}) != nullptr;
}

std::optional<OutgoingNotification> Store::notification(const QString &id)
{
    QSqlQuery *q = d->exec(kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (q && q->next())
        return notificationFrom(*q);
    return std::nullopt;
}

int Store::pendingNotifications()
{
    const auto n = d->scalar(QStringLiteral("SELECT COUNT(*) FROM notification_outbox WHERE next_attempt_ms IS NOT NULL"));
    return n ? n->toInt() : -1;
}

} // namespace storage
