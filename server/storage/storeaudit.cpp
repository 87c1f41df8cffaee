// The audit log (audit.h): appended inside the changes' transactions, read paged and as CSV.
#include "store_p.h"
#include "wirejson.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>

namespace storage {

namespace {
const QString kAuditSelect = QStringLiteral(
    "SELECT id, workspace_id, at_ms, actor_kind, actor_user_id, actor_email, kind, target, before_json, after_json "
    "FROM audit_log WHERE workspace_id = ? ");

Actor::Kind actorKindFrom(const QString &s)
{
    if (s == QLatin1String("member"))
        return Actor::Member;
    return s == QLatin1String("operator") ? Actor::Operator : Actor::System;
}

QJsonObject objectFrom(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QString textOf(const QJsonObject &o)
{
    return o.isEmpty() ? QString(QLatin1String("")) : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

AuditEntry entryFrom(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.workspaceId = q.value(1).toString();
    e.at = fromMs(q.value(2).toLongLong());
    e.actor = Actor{actorKindFrom(q.value(3).toString()), q.value(4).toString(), q.value(5).toString()};
    e.kind = q.value(6).toString();
    e.target = q.value(7).toString();
    e.before = objectFrom(q.value(8));
    e.after = objectFrom(q.value(9));
    return e;
}

// A kind or a prefix of one: dotted lower-case words, optionally ending in '.'.
bool validKindFilter(const QString &kind)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_]+(\\.[a-z_]+)*\\.?$"));
    return kind.size() <= 60 && re.match(kind).hasMatch();
}

// The WHERE tail of the query's filters (exact kind, or every kind under the
// prefix: "plan" and "plan." both match "plan.changed").
QString filterSql(const AuditQuery &query, QVariantList *args)
{
    QString sql;
    if (query.before > 0) {
        sql += QStringLiteral("AND id < ? ");
        args->append(query.before);
    }
    if (!query.kind.isEmpty()) {
        const QString prefix = query.kind.endsWith(QLatin1Char('.')) ? query.kind : query.kind + QLatin1Char('.');
        // substr, not LIKE: '_' in the kinds would be a wildcard.
        sql += QStringLiteral("AND (kind = ? OR substr(kind, 1, ?) = ?) ");
        args->append(query.kind);
        args->append(int(prefix.size()));
        args->append(prefix);
    }
    if (!query.actorUserId.isEmpty()) {
        sql += QStringLiteral("AND actor_user_id = ? ");
        args->append(query.actorUserId);
    }
    return sql;
}

QJsonObject planJson(const billing::SubscriptionState &s)
{
    return {{QStringLiteral("plan"), s.planId}};
}
} // namespace

QString actorKindName(Actor::Kind k)
{
    switch (k) {
    case Actor::Member: return QStringLiteral("member");
    case Actor::Operator: return QStringLiteral("operator");
    case Actor::System: break;
    }
    return QStringLiteral("system");
}

bool Store::Private::appendAudit(const AuditEntry &entry)
{
    QString email = entry.actor.email;
    if (entry.actor.kind == Actor::Member && email.isEmpty()) {
        // The e-mail as it is now: the entry keeps it if the user changes it later.
        const auto found = scalar(QStringLiteral("SELECT email FROM users WHERE id = ?"), {entry.actor.userId});
        if (!found)
            return false;
        email = found->toString();
    }
    const QDateTime at = entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc();
    if (!exec(QStringLiteral("INSERT INTO audit_log (workspace_id, at_ms, actor_kind, actor_user_id, actor_email, kind, "
                             "target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {entry.workspaceId, msOf(at), actorKindName(entry.actor.kind), entry.actor.userId, email, entry.kind,
               entry.target, textOf(entry.before), textOf(entry.after)})) {
        txFailed = true;
        return false;
    }
    return true;
}

bool Store::Private::auditState(const QString &workspaceId, const billing::SubscriptionState &before,
                                const billing::SubscriptionState &after, const Actor &actor, const QDateTime &at)
{
    const auto add = [&](const char *kind, QJsonObject b, QJsonObject a) {
        return appendAudit(AuditEntry{0, workspaceId, at, actor, QString::fromLatin1(kind), after.planId, b, a});
    };
    const auto effective = [](QJsonObject o, const QDateTime &t) {
        if (t.isValid())
            o.insert(QStringLiteral("effective_at"), toRfc3339(t));
        return o;
    };
    if (before.planId != after.planId) {
        const bool ended = after.planId == QLatin1String("free");
        return add(ended ? audit::SubscriptionEnded : audit::PlanChanged, planJson(before), planJson(after));
    }
    bool ok = true;
    if (!before.cancelAtPeriodEnd && after.cancelAtPeriodEnd)
        ok = add(audit::PlanCancelScheduled, planJson(before),
                 effective(QJsonObject{{QStringLiteral("plan"), QStringLiteral("free")}}, after.periodEnd));
    else if (before.cancelAtPeriodEnd && !after.cancelAtPeriodEnd)
        ok = add(audit::PlanCancelUndone, effective(QJsonObject{{QStringLiteral("plan"), QStringLiteral("free")}}, before.periodEnd),
                 planJson(after));
    const auto tierOf = [](const billing::SubscriptionState &s) { return s.pendingDowngrade ? s.pendingDowngrade->tier : QString(); };
    if (ok && tierOf(before) != tierOf(after)) {
        if (after.pendingDowngrade)
            ok = add(audit::PlanChangeRequested, planJson(before),
                     effective(QJsonObject{{QStringLiteral("plan"), after.pendingDowngrade->tier}}, after.pendingDowngrade->effectiveAt));
        else
            ok = add(audit::PlanChangeUndone,
                     effective(QJsonObject{{QStringLiteral("plan"), before.pendingDowngrade->tier}}, before.pendingDowngrade->effectiveAt),
                     planJson(after));
    }
    if (ok && before.status != billing::SubscriptionStatus::PastDue && after.status == billing::SubscriptionStatus::PastDue)
        ok = add(audit::PaymentFailed, planJson(before), planJson(after));
    return ok;
}

bool Store::appendAudit(const AuditEntry &entry)
{
    return transaction([&] { return d->appendAudit(entry); });
}

std::optional<AuditPage> Store::auditLog(const QString &workspaceId, const AuditQuery &query, QString *error)
{
    if (error)
        error->clear();
    if (query.limit < 1 || query.limit > 200 || query.before < 0 || (!query.kind.isEmpty() && !validKindFilter(query.kind))) {
        if (error)
            *error = QStringLiteral("invalid limit, before or kind");
        return std::nullopt;
    }
    QVariantList args{workspaceId};
    const QString sql = kAuditSelect + filterSql(query, &args) + QStringLiteral("ORDER BY id DESC LIMIT ?");
    args.append(query.limit + 1);   // one more says whether there is a next page
    QSqlQuery *q = d->exec(sql, args);
    if (!q)
        return std::nullopt;
    AuditPage page;
    while (q->next())
        page.entries.append(entryFrom(*q));
    q->finish();
    if (page.entries.size() > query.limit) {
        page.entries.removeLast();
        page.nextBefore = page.entries.last().id;
    }
    return page;
}

std::optional<QByteArray> Store::auditCsv(const QString &workspaceId, const AuditQuery &query, QString *error)
{
    if (error)
        error->clear();
    if (query.before < 0 || (!query.kind.isEmpty() && !validKindFilter(query.kind))) {
        if (error)
            *error = QStringLiteral("invalid before or kind");
        return std::nullopt;
    }
    QVariantList args{workspaceId};
    QSqlQuery *q = d->exec(kAuditSelect + filterSql(query, &args) + QStringLiteral("ORDER BY id DESC"), args);
    if (!q)
        return std::nullopt;   // never a partial file for a failed read
    QByteArray csv("at,actor_kind,actor,kind,target,before,after\r\n");
    while (q->next()) {
        const AuditEntry e = entryFrom(*q);
        csv += toRfc3339(e.at).toUtf8() + ',' + actorKindName(e.actor.kind).toUtf8() + ',' + csvField(e.actor.email) + ','
            + csvField(e.kind) + ',' + csvField(e.target) + ',' + csvField(textOf(e.before)) + ','
            + csvField(textOf(e.after)) + "\r\n";
    }
    const bool failed = q->lastError().isValid();
    if (failed)
        d->fail(QStringLiteral("reading the audit log failed: %1").arg(q->lastError().text()));
    q->finish();
    if (failed)
        return std::nullopt;
    return csv;
}

} // namespace storage
