// Subscription transitions, balance, spending and grants: everything that
// decides how many credits a workspace has, under the workspace lock.
#include "store_p.h"
#include "wirejson.h"

#include "billing/alerts.h"

#include <QJsonDocument>

namespace storage {

namespace {
bool validRequest(const UsageRequest &r, QString *why)
{
    if (r.idempotencyKey.isEmpty() || r.idempotencyKey.size() > 200)
        *why = QStringLiteral("idempotency_key must be 1 to 200 characters");
    else if (r.project.isEmpty() || r.project.size() > 200)
        *why = QStringLiteral("project must be 1 to 200 characters");
    else if (r.activity.isEmpty() || r.activity.size() > 100)
        *why = QStringLiteral("activity must be 1 to 100 characters");
    else if (r.credits < 1 || r.credits > 1000000)
        *why = QStringLiteral("credits must be between 1 and 1000000");
    else if (r.memberId.isEmpty())
        *why = QStringLiteral("member_id is required");
    else
        return true;
    return false;
}
} // namespace

// --- totals ---------------------------------------------------------------------

std::optional<billing::UsageTotals> Store::Private::totals(const QString &workspaceId, const billing::SubscriptionState &s,
                                                           const QDateTime &now)
{
    const billing::UsageWindows w = billing::usageWindows(s, now);
    billing::UsageTotals t;
    QSqlQuery *q = exec(QStringLiteral("SELECT COALESCE(SUM(CASE WHEN day = ? THEN credits_on_free ELSE 0 END), 0), "
                                       "COALESCE(SUM(credits_on_free), 0) FROM usage_day "
                                       "WHERE workspace_id = ? AND day >= ? AND day < ?"),
                        {dayOf(msOf(w.dayStart)), workspaceId, dayOf(msOf(w.monthStart)), dayOf(msOf(w.monthEnd))});
    if (!q || !q->next())
        return std::nullopt;
    t.usedTodayOnFree = q->value(0).toLongLong();
    t.usedThisMonthOnFree = q->value(1).toLongLong();
    q->finish();
    if (!cycleTotals(workspaceId, w, &t))
        return std::nullopt;
    return t;
}

bool Store::Private::cycleTotals(const QString &workspaceId, const billing::UsageWindows &w, billing::UsageTotals *t)
{
    if (!w.cycleStart.isValid() || !w.cycleEnd.isValid())
        return true;
    const qint64 a = msOf(w.cycleStart), b = msOf(w.cycleEnd);
    // The cycle's running counter (kept by every spend under the lock) when it
    // belongs to this cycle; grants are few rows.
    QSqlQuery *q = exec(QStringLiteral(
        "SELECT cycle_key_ms, cycle_used, "
        "(SELECT COALESCE(SUM(credits), 0) FROM grants WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?) "
        "FROM workspaces WHERE id = ?"), {workspaceId, a, b, workspaceId});
    if (!q || !q->next())
        return false;
    const bool cached = !q->value(0).isNull() && q->value(0).toLongLong() == a;
    t->usedThisCycle = q->value(1).toLongLong();
    t->grantsThisCycle = q->value(2).toLongLong();
    q->finish();
    if (cached)
        return true;

    // A new cycle: whole days from usage_day, the partial first and last day
    // from raw events (index on workspace_id, at_ms); remembered when writing.
    const DaySplit ds = splitDays(a, b);
    q = exec(QStringLiteral(
        "SELECT (SELECT COALESCE(SUM(credits), 0) FROM usage_day WHERE workspace_id = ? AND day >= ? AND day < ?), "
        "(SELECT COALESCE(SUM(credits), 0) FROM usage_entries WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?), "
        "(SELECT COALESCE(SUM(credits), 0) FROM usage_entries WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?)"),
        {workspaceId, ds.firstWhole, ds.split ? ds.endWhole : ds.firstWhole, workspaceId, a, ds.headEnd, workspaceId,
         ds.tailStart, b});
    if (!q || !q->next())
        return false;
    t->usedThisCycle = q->value(0).toLongLong() + q->value(1).toLongLong() + q->value(2).toLongLong();
    q->finish();
    if (txDepth > 0 && txWrite)
        return exec(QStringLiteral("UPDATE workspaces SET cycle_key_ms = ?, cycle_used = ? WHERE id = ?"),
                    {a, t->usedThisCycle, workspaceId}) != nullptr;
    return true;
}

std::optional<QHash<QString, qint64>> Store::Private::memberUsage(const QString &workspaceId, qint64 a, qint64 b,
                                                                 const QString &memberId)
{
    // As the cycle counter is rebuilt: whole days from the per-member roll-ups
    // (index usage_rollup_member), the partial days from raw events.
    const DaySplit ds = splitDays(a, b);
    const QString one = memberId.isEmpty() ? QString() : QStringLiteral(" AND member_id = ?");
    QHash<QString, qint64> used;
    QVariantList args{workspaceId, ds.firstWhole, ds.split ? ds.endWhole : ds.firstWhole};
    if (!memberId.isEmpty())
        args.append(memberId);
    QSqlQuery *q = exec(QStringLiteral("SELECT member_id, SUM(credits) FROM usage_rollup WHERE workspace_id = ? "
                                       "AND day >= ? AND day < ?") + one + QStringLiteral(" GROUP BY member_id"), args);
    if (!q)
        return std::nullopt;
    while (q->next())
        used[q->value(0).toString()] += q->value(1).toLongLong();
    args = {workspaceId, a, ds.headEnd, ds.tailStart, b};
    if (!memberId.isEmpty())
        args.append(memberId);
    q = exec(QStringLiteral("SELECT member_id, SUM(credits) FROM usage_entries WHERE workspace_id = ? "
                            "AND ((at_ms >= ? AND at_ms < ?) OR (at_ms >= ? AND at_ms < ?))") + one
                 + QStringLiteral(" GROUP BY member_id"), args);
    if (!q)
        return std::nullopt;
    while (q->next())
        used[q->value(0).toString()] += q->value(1).toLongLong();
    q->finish();
    return used;
}

std::optional<QHash<QString, billing::MemberLimit>> Store::Private::memberLimitsOf(
    const QString &workspaceId, const billing::SubscriptionState &s, const billing::Plan &plan, const QDateTime &now,
    const QString &memberId)
{
    QHash<QString, billing::MemberLimit> limits;
    const billing::UsageWindows w = billing::usageWindows(s, now);
    if (!billing::memberLimitsApply(plan) || !w.cycleStart.isValid() || !w.cycleEnd.isValid())
        return limits;
    QVariantList args{workspaceId};
    if (!memberId.isEmpty())
        args.append(memberId);
    QSqlQuery *q = exec(QStringLiteral("SELECT id, credit_limit FROM members WHERE workspace_id = ? AND removed_ms IS NULL "
                                       "AND credit_limit IS NOT NULL")
                            + (memberId.isEmpty() ? QString() : QStringLiteral(" AND id = ?")), args);
    if (!q)
        return std::nullopt;
    while (q->next())
        limits.insert(q->value(0).toString(), billing::MemberLimit{q->value(1).toLongLong(), 0});
    q->finish();
    if (limits.isEmpty())
        return limits;
    const auto used = memberUsage(workspaceId, msOf(w.cycleStart), msOf(w.cycleEnd),
                                  limits.size() == 1 ? limits.constBegin().key() : QString());
    if (!used)
        return std::nullopt;
    for (auto it = limits.begin(); it != limits.end(); ++it)
        it->used = used->value(it.key());
    return limits;
}

std::optional<BalanceInfo> Store::Private::computeBalance(const QString &workspaceId, const billing::SubscriptionState &s,
                                                          const QDateTime &now, const billing::PlanCatalog &catalog, qint64 seq)
{
    const billing::Plan *plan = catalog.find(s.planId);
    if (!plan) {
        fail(QStringLiteral("workspace %1 is on plan %2, which the catalog does not have").arg(workspaceId, s.planId));
        return std::nullopt;
    }
    const auto t = totals(workspaceId, s, now);
    if (!t)
        return std::nullopt;
    return BalanceInfo{billing::computeBalance(*plan, s, *t, now), s.planId, now, seq};
}

std::optional<billing::Forecast> Store::Private::forecastFor(const QString &workspaceId, const billing::Balance &b,
                                                             const QDateTime &now)
{
    const billing::ForecastWindow w = billing::forecastWindow(b, now);
    QList<billing::DayUsage> days;
    if (!w.clipped) {
        // At most 8 rows by primary key. Free counts only what was spent on Free.
        const QDate epoch(1970, 1, 1);
        QSqlQuery *q = exec(b.monthlyCap ? QStringLiteral("SELECT day, credits_on_free FROM usage_day WHERE workspace_id = ? AND day >= ? AND day <= ?")
                                         : QStringLiteral("SELECT day, credits FROM usage_day WHERE workspace_id = ? AND day >= ? AND day <= ?"),
                            {workspaceId, epoch.daysTo(w.first), epoch.daysTo(w.last)});
        if (!q)
            return std::nullopt;
        while (q->next())
            days.append(billing::DayUsage{epoch.addDays(q->value(0).toLongLong()), q->value(1).toLongLong()});
        q->finish();
    }
    return billing::forecast(b, days, now);
}

// --- subscription ------------------------------------------------------------------

qint64 Store::Private::announceState(const QString &workspaceId, const billing::SubscriptionState &s,
                                     const QDateTime &now, const billing::PlanCatalog &catalog, qint64 seq)
{
    seq = announce(workspaceId, QStringLiteral("subscription"),
                   QJsonObject{{QStringLiteral("plan_id"), s.planId}, {QStringLiteral("subscription"), subscriptionToJson(s)}});
    auto b = computeBalance(workspaceId, s, now, catalog, seq + 1);
    if (seq < 0 || !b) {
        txFailed = true;
        return -1;
    }
    return announce(workspaceId, QStringLiteral("balance"), balanceToJson(*b));
}

std::optional<Store::Private::Locked> Store::Private::lockAndAdvance(const QString &workspaceId, const QDateTime &now,
                                                                    const billing::PlanCatalog &catalog, bool *notFound)
{
    Locked locked;
    const auto stored = loadState(workspaceId, true, &locked.seq, notFound);
    if (!stored)
        return std::nullopt;
    locked.state = billing::advanceTo(catalog, *stored, now).state;
    if (!(locked.state == *stored)) {
        if (!saveState(workspaceId, locked.state) || !auditState(workspaceId, *stored, locked.state, Actor::system(), now))
            return std::nullopt;
        locked.seq = announceState(workspaceId, locked.state, now, catalog, locked.seq);
        if (locked.seq < 0)
            return std::nullopt;
    }
    return locked;
}

SubscriptionChange Store::mutateSubscription(const QString &workspaceId, const QDateTime &now,
                                             const billing::PlanCatalog &catalog,
                                             const std::function<bool(billing::SubscriptionState &)> &fn,
                                             const Actor &actor)
{
    SubscriptionChange result;
    result.ok = transaction([&] {
        const auto stored = d->loadState(workspaceId, true, &result.seq, &result.notFound);
        if (!stored)
            return false;
        const billing::AdvanceResult advanced = billing::advanceTo(catalog, *stored, now);
        billing::SubscriptionState next = advanced.state;
        if (fn && !fn(next))
            next = advanced.state;
        result.steps = advanced.steps;
        result.state = next;
        result.changed = !(next == *stored);
        if (result.changed) {
            // The period end happened on its own; what fn did is the actor's.
            if (!d->saveState(workspaceId, next) || !d->auditState(workspaceId, *stored, advanced.state, Actor::system(), now)
                || !d->auditState(workspaceId, advanced.state, next, actor, now))
                return false;
            result.seq = d->announceState(workspaceId, next, now, catalog, result.seq);
        }
        return result.seq >= 0;
    });
    if (!result.ok)
        result.error = d->lastError;
    return result;
}

std::optional<BalanceInfo> Store::balance(const QString &workspaceId, const QDateTime &now,
                                          const billing::PlanCatalog &catalog, const QString &memberId)
{
    const auto stored = d->loadState(workspaceId);
    if (!stored)
        return std::nullopt;
    // A period end passed: persist (and announce) the transition under the lock first.
    if (!(billing::advanceTo(catalog, *stored, now).state == *stored)) {
        if (!mutateSubscription(workspaceId, now, catalog, {}).ok)
            return std::nullopt;
    }
    return d->read([&]() -> std::optional<BalanceInfo> {
        qint64 seq = 0;
        const auto s = d->loadState(workspaceId, false, &seq);
        if (!s)
            return std::nullopt;
        auto info = d->computeBalance(workspaceId, billing::advanceTo(catalog, *s, now).state, now, catalog, seq);
        if (info) {
            info->forecast = d->forecastFor(workspaceId, info->balance, now);
            if (!info->forecast)
                return std::optional<BalanceInfo>();
        }
        if (info && !memberId.isEmpty()) {
            const billing::Plan *plan = catalog.find(info->planId);
            const auto limits = d->memberLimitsOf(workspaceId, billing::advanceTo(catalog, *s, now).state, *plan, now,
                                                  memberId);
            if (!limits)
                return std::optional<BalanceInfo>();
            if (limits->contains(memberId))
                info->memberLimit = limits->value(memberId);
        }
        return info;
    });
}

std::optional<billing::Forecast> Store::forecast(const QString &workspaceId, const billing::Balance &b, const QDateTime &now)
{
    return d->read([&] { return d->forecastFor(workspaceId, b, now); });
}

std::optional<QHash<QString, qint64>> Store::memberUsage(const QString &workspaceId, const QDateTime &from,
                                                         const QDateTime &to, const QString &memberId)
{
    return d->read([&] { return d->memberUsage(workspaceId, msOf(from), msOf(to), memberId); });
}

std::optional<QHash<QString, billing::MemberLimit>> Store::memberLimits(const QString &workspaceId, const QDateTime &now,
                                                                         const billing::PlanCatalog &catalog,
                                                                         const QString &memberId)
{
    return d->read([&]() -> std::optional<QHash<QString, billing::MemberLimit>> {
        const auto s = d->loadState(workspaceId);
        if (!s)
            return std::nullopt;
        const billing::SubscriptionState state = billing::advanceTo(catalog, *s, now).state;
        const billing::Plan *plan = catalog.find(state.planId);
        if (!plan)
            return std::nullopt;
        return d->memberLimitsOf(workspaceId, state, *plan, now, memberId);
    });
}

// --- spending -------------------------------------------------------------------------

// One workspace's consecutive spends under one lock (a batch, or several
// requests of a group): the totals, member names and seq are kept in memory
// and the roll-ups written once at the end, instead of once per event.
struct Store::Private::SpendRun {
    QString workspaceId;
    billing::SubscriptionState state;
    const billing::Plan *plan = nullptr;
    billing::UsageWindows windows;
    billing::UsageTotals totals;               // now, this run's spends included
    qint64 seq = 0;                            // the workspace's live seq as the run goes
    qint64 firstSeq = 0;
    QHash<QString, std::optional<QString>> memberNames;   // nullopt: not a member
    QHash<QString, billing::MemberLimit> memberLimits;    // members with a limit: their use this cycle so far
    struct DayAdd { qint64 credits = 0; qint64 onFree = 0; };
    QMap<qint64, DayAdd> days;
    QHash<QString, qint64> rollups;            // day \x1f member \x1f project \x1f activity
    qint64 cycleUsed = 0;
    bool spent = false;
};

// Inside the run's transaction: writes what the run kept in memory.
// Inside the run's transaction: writes what the run kept in memory, a few
// multi-row upserts (the same key never twice in one statement).
bool Store::Private::flushRun(SpendRun &run)
{
    if (!run.spent)
        return true;
    constexpr int Chunk = 32;   // rows per statement (bounded: each count is one cached statement)
    auto upsert = [&](const QString &head, int width, const QString &tail, const QList<QVariantList> &rows) {
        for (qsizetype at = 0; at < rows.size(); at += Chunk) {
            const qsizetype n = qMin<qsizetype>(Chunk, rows.size() - at);
            QString sql = head;
            const QString one = QLatin1Char('(') + QStringLiteral("?, ").repeated(width - 1) + QStringLiteral("?)");
            QVariantList args;
            for (qsizetype i = 0; i < n; ++i) {
                sql += (i ? QStringLiteral(", ") : QString()) + one;
                args += rows.at(at + i);
            }
            if (!exec(sql + tail, args))
                return false;
        }
        return true;
    };
    QList<QVariantList> days, rollups, months;
    for (auto it = run.days.cbegin(); it != run.days.cend(); ++it)
        days.append({run.workspaceId, it.key(), it->credits, it->onFree});
    QHash<QString, qint64> monthTotals;   // month \x1f kind \x1f key
    for (auto it = run.rollups.cbegin(); it != run.rollups.cend(); ++it) {
        const QStringList k = it.key().split(QChar(0x1f));
        rollups.append({run.workspaceId, k.at(0).toLongLong(), k.at(1), k.at(2), k.at(3), it.value()});
        const QDate date = QDate(1970, 1, 1).addDays(k.at(0).toLongLong());
        const QString month = QString::number(QDate(1970, 1, 1).daysTo(QDate(date.year(), date.month(), 1))) + QChar(0x1f);
        monthTotals[month + QLatin1Char('m') + QChar(0x1f) + k.at(1)] += it.value();
        monthTotals[month + QLatin1Char('p') + QChar(0x1f) + k.at(2)] += it.value();
        monthTotals[month + QLatin1Char('a') + QChar(0x1f) + k.at(3)] += it.value();
    }
    for (auto it = monthTotals.cbegin(); it != monthTotals.cend(); ++it) {
        const QStringList k = it.key().split(QChar(0x1f));
        months.append({run.workspaceId, k.at(0).toLongLong(), k.at(1), k.at(2), it.value()});
    }
    if (!upsert(QStringLiteral("INSERT INTO usage_day (workspace_id, day, credits, credits_on_free) VALUES "), 4,
                QStringLiteral(" ON CONFLICT (workspace_id, day) DO UPDATE SET credits = usage_day.credits + excluded.credits, "
                               "credits_on_free = usage_day.credits_on_free + excluded.credits_on_free"), days)
        || !upsert(QStringLiteral("INSERT INTO usage_rollup (workspace_id, day, member_id, project, activity, credits) VALUES "), 6,
                   QStringLiteral(" ON CONFLICT (workspace_id, day, member_id, project, activity) "
                                  "DO UPDATE SET credits = usage_rollup.credits + excluded.credits"), rollups)
        || !upsert(QStringLiteral("INSERT INTO usage_month (workspace_id, month, kind, key, credits) VALUES "), 5,
                   QStringLiteral(" ON CONFLICT (workspace_id, month, kind, key) DO UPDATE SET credits = usage_month.credits + excluded.credits"),
                   months))
        return false;
    // cycleTotals() keyed the counter to this cycle, under the same lock.
    return exec(QStringLiteral("UPDATE workspaces SET live_seq = ?, cycle_used = cycle_used + ? WHERE id = ?"),
                {run.seq, run.cycleUsed, run.workspaceId}) != nullptr;
}

// Announces with the run's next seq (live_seq is written by flushRun).
qint64 Store::Private::announceInRun(SpendRun &run, const QString &type, const QJsonObject &data)
{
    ++run.seq;
    return announceAs(run.workspaceId, run.seq, type, data) ? run.seq : -1;
}

// The thresholds this spend crossed, each announced once (live and to the
// operator's notification URL) in the spend's own transaction.
bool Store::Private::announceAlerts(SpendRun &run, const billing::Balance &before, const billing::Balance &after,
                                    const QDateTime &now)
{
    for (const billing::CreditAlert &a : billing::crossedThresholds(before, after, now)) {
        QSqlQuery *row = exec(QStringLiteral("INSERT INTO credit_alerts (workspace_id, scope, period_start_ms, threshold, created_ms) "
                                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                            {run.workspaceId, a.scope, msOf(a.periodStart), a.threshold, msOf(now)});
        if (!row)
            return false;
        if (row->numRowsAffected() != 1)
            continue;   // announced before (this period, this threshold)
        const QJsonObject data{{QStringLiteral("scope"), a.scope},
                               {QStringLiteral("threshold"), a.threshold},
                               {QStringLiteral("used"), a.used},
                               {QStringLiteral("allowance"), a.allowance},
                               {QStringLiteral("remaining"), a.remaining},
                               {QStringLiteral("period_start"), toRfc3339(a.periodStart)},
                               {QStringLiteral("resets_at"), toRfc3339(a.resetsAt)},
                               {QStringLiteral("plan"), run.state.planId}};
        if (announceInRun(run, QStringLiteral("credit_alert"), data) < 0)
            return false;
        QJsonObject withWorkspace = data;
        withWorkspace.insert(QStringLiteral("workspace_id"), run.workspaceId);
        if (!q->queueNotification(QStringLiteral("credits.threshold_reached"), withWorkspace, now))
            return false;
    }
    return true;
}

SpendResult Store::Private::spendInRun(SpendRun &run, const UsageRequest &r, const QDateTime &now, bool announceBalance)
{
    SpendResult result;
    if (!validRequest(r, &result.error)) {
        result.status = SpendStatus::Invalid;
        return result;
    }
    auto dbError = [&] {
        result.status = SpendStatus::Error;
        result.error = lastError;
        return result;
    };
    const QString &workspaceId = run.workspaceId;
    QSqlQuery *q = exec(QStringLiteral(
        "SELECT i.answer, e.id, e.at_ms, e.member_id, e.project, e.activity, e.credits, e.on_free "
        "FROM usage_idempotency i JOIN usage_entries e ON e.id = i.entry_id WHERE i.workspace_id = ? AND i.idem_key = ?"),
        {workspaceId, r.idempotencyKey});
    if (!q)
        return dbError();
    if (q->next()) {
        // Same key: the first answer (same body) or a conflict, nothing spent.
        const QJsonObject answer = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        result.entry = UsageEntry{QStringLiteral("ue_%1").arg(q->value(1).toLongLong()), workspaceId,
                                  fromMs(q->value(2).toLongLong()), q->value(3).toString(),
                                  answer.value(QStringLiteral("member_name")).toString(), q->value(4).toString(),
                                  q->value(5).toString(), q->value(6).toLongLong(), q->value(7).toInt() != 0};
        q->finish();
        if (result.entry.memberId != r.memberId || result.entry.project != r.project
            || result.entry.activity != r.activity || result.entry.credits != r.credits) {
            result.status = SpendStatus::Conflict;
            result.error = QStringLiteral("the idempotency key was used with a different request");
            result.entry = {};
            return result;
        }
        const auto first = balanceFromJson(answer.value(QStringLiteral("balance")).toObject());
        if (!first) {
            lastError = QStringLiteral("stored answer for an idempotency key is unreadable");
            return dbError();
        }
        result.balance = *first;
        result.balance.seq = answer.value(QStringLiteral("seq")).toInteger();
        result.status = SpendStatus::Replayed;
        return result;
    }
    q->finish();
    auto name = run.memberNames.constFind(r.memberId);
    if (name == run.memberNames.constEnd()) {
        q = exec(QStringLiteral("SELECT COALESCE(u.name, ''), m.credit_limit FROM members m JOIN users u ON u.id = m.user_id "
                                "WHERE m.workspace_id = ? AND m.id = ? AND m.removed_ms IS NULL"),
                 {workspaceId, r.memberId});
        if (!q)
            return dbError();
        std::optional<QString> found;
        std::optional<qint64> limit;
        if (q->next()) {
            found = q->value(0).toString();
            if (!q->value(1).isNull())
                limit = q->value(1).toLongLong();
        }
        q->finish();
        // A limited member's use this cycle, read once under the run's lock and
        // then counted in memory with the run's own spends.
        const billing::UsageWindows &w = run.windows;
        if (found && limit && billing::memberLimitsApply(*run.plan) && w.cycleStart.isValid() && w.cycleEnd.isValid()) {
            const auto used = memberUsage(workspaceId, msOf(w.cycleStart), msOf(w.cycleEnd), r.memberId);
            if (!used)
                return dbError();
            run.memberLimits.insert(r.memberId, billing::MemberLimit{*limit, used->value(r.memberId)});
        }
        name = run.memberNames.insert(r.memberId, found);
    }
    if (!name.value()) {
        result.status = SpendStatus::UnknownMember;
        result.error = QStringLiteral("member_id is not a member of this workspace");
        return result;
    }
    const QString memberName = *name.value();

    const billing::Balance before = billing::computeBalance(*run.plan, run.state, run.totals, now);
    if (!billing::canSpend(before, r.credits)) {
        result.status = SpendStatus::Insufficient;
        result.balance = BalanceInfo{before, run.state.planId, now, run.seq};
        result.error = QStringLiteral("not enough credits: %1 remaining, %2 requested").arg(before.remaining).arg(r.credits);
        return result;
    }
    const auto limited = run.memberLimits.find(r.memberId);
    if (limited != run.memberLimits.end() && !billing::withinMemberLimit(*limited, r.credits)) {
        result.status = SpendStatus::MemberLimitReached;
        result.balance = BalanceInfo{before, run.state.planId, now, run.seq};
        result.memberLimit = *limited;
        result.error = QStringLiteral("member limit: %1 of %2 used, %3 requested").arg(limited->used).arg(limited->limit).arg(r.credits);
        return result;
    }

    const bool onFree = !run.plan->isPaid();
    const qint64 at = msOf(now), day = dayOf(at);
    q = exec(QStringLiteral("INSERT INTO usage_entries (workspace_id, at_ms, member_id, project, activity, credits, on_free) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
             {workspaceId, at, r.memberId, r.project, r.activity, r.credits, int(onFree)});
    if (!q || !q->next())
        return dbError();
    const qint64 entryId = q->value(0).toLongLong();
    q->finish();
    SpendRun::DayAdd &d = run.days[day];
    d.credits += r.credits;
    d.onFree += onFree ? r.credits : 0;
    run.rollups[QString::number(day) + QChar(0x1f) + r.memberId + QChar(0x1f) + r.project + QChar(0x1f) + r.activity] += r.credits;
    run.spent = true;

    // The balance after: the same totals plus this entry (it lies in every current window).
    if (onFree) {
        run.totals.usedTodayOnFree += r.credits;
        run.totals.usedThisMonthOnFree += r.credits;
    }
    const billing::UsageWindows &w = run.windows;
    if (w.cycleStart.isValid() && now >= w.cycleStart && now < w.cycleEnd) {
        run.totals.usedThisCycle += r.credits;
        run.cycleUsed += r.credits;
        if (limited != run.memberLimits.end())
            limited->used += r.credits;
    }
    result.entry = UsageEntry{QStringLiteral("ue_%1").arg(entryId), workspaceId, fromMs(at), r.memberId,
                              memberName, r.project, r.activity, r.credits, onFree};
    result.balance = BalanceInfo{billing::computeBalance(*run.plan, run.state, run.totals, now), run.state.planId, now, 0};
    result.balance.seq = announceInRun(run, QStringLiteral("usage"), usageEntryToJson(result.entry));
    if (announceBalance && result.balance.seq >= 0)
        result.balance.seq = announceInRun(run, QStringLiteral("balance"), balanceToJson(result.balance));
    if (result.balance.seq < 0 || !announceAlerts(run, before, result.balance.balance, now))
        return dbError();

    const QJsonObject answer{{QStringLiteral("balance"), balanceToJson(result.balance)},
                             {QStringLiteral("seq"), result.balance.seq},
                             {QStringLiteral("member_name"), memberName}};
    if (!exec(QStringLiteral("INSERT INTO usage_idempotency (workspace_id, idem_key, entry_id, answer) VALUES (?, ?, ?, ?)"),
              {workspaceId, r.idempotencyKey, entryId,
               QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))}))
        return dbError();
    result.status = SpendStatus::Spent;
    return result;
}

SpendResult Store::spend(const QString &workspaceId, const UsageRequest &request, const QDateTime &now,
                         const billing::PlanCatalog &catalog)
{
    const BatchResult batch = spendBatch(workspaceId, {request}, now, catalog);
    if (batch.results.size() == 1)
        return batch.results.first();
    SpendResult r;
    r.status = batch.status;
    r.error = batch.error;
    return r;
}

BatchResult Store::spendBatch(const QString &workspaceId, const QList<UsageRequest> &requests, const QDateTime &now,
                              const billing::PlanCatalog &catalog)
{
    const QList<BatchResult> one = spendGroup({SpendJob{workspaceId, requests, now}}, catalog);
    return one.value(0);
}

// Jobs from `first` (before `last`, all of one workspace) in one locked step,
// as long as they fall in the same UTC day and billing cycle as the first;
// *next is where it stopped. The caller's transaction makes it durable.
bool Store::Private::spendRunOf(const QList<Store::SpendJob> &jobs, qsizetype first, qsizetype last,
                                const billing::PlanCatalog &catalog, QList<BatchResult> *out, qsizetype *next)
{
    *next = last;
    const QString &workspaceId = jobs.at(first).workspaceId;
    const QDateTime &lockNow = jobs.at(first).now;
    bool notFound = false;
    auto locked = lockAndAdvance(workspaceId, lockNow, catalog, &notFound);
    if (!locked) {
        for (qsizetype i = first; i < last; ++i) {
            BatchResult b;
            b.status = notFound ? SpendStatus::NotFound : SpendStatus::Error;
            b.error = notFound ? QStringLiteral("workspace not found") : lastError;
            out->append(b);
        }
        return false;
    }
    SpendRun run;
    run.workspaceId = workspaceId;
    run.state = locked->state;
    run.seq = run.firstSeq = locked->seq;
    run.plan = catalog.find(run.state.planId);
    if (!run.plan)
        return fail(QStringLiteral("unknown plan %1").arg(run.state.planId));
    run.windows = billing::usageWindows(run.state, lockNow);
    const auto t = totals(workspaceId, run.state, lockNow);   // keys the cycle counter under the lock
    if (!t)
        return false;
    run.totals = *t;

    for (qsizetype i = first; i < last; ++i) {
        const SpendJob &job = jobs.at(i);
        if (i > first && (dayOf(msOf(job.now)) != dayOf(msOf(lockNow)) || job.now < lockNow
                          || (run.windows.cycleEnd.isValid() && job.now >= run.windows.cycleEnd))) {
            *next = i;   // another day or cycle: its own lock and windows
            break;
        }
        BatchResult batch;
        if (job.requests.isEmpty() || job.requests.size() > Store::MaxBatch) {
            batch.status = SpendStatus::Invalid;
            batch.error = QStringLiteral("a batch holds 1 to %1 usage events").arg(Store::MaxBatch);
            out->append(batch);
            continue;
        }
        const bool single = job.requests.size() == 1;
        bool anySpent = false;
        for (const UsageRequest &r : job.requests) {
            SpendResult one = spendInRun(run, r, job.now, single);
            if (one.status == SpendStatus::Error)
                return false;   // nothing of the group stays
            anySpent = anySpent || one.status == SpendStatus::Spent;
            batch.results.append(one);
        }
        if (single && (batch.results.constFirst().status == SpendStatus::Spent
                       || batch.results.constFirst().status == SpendStatus::Insufficient
                       || batch.results.constFirst().status == SpendStatus::MemberLimitReached)) {
            batch.balance = batch.results.constFirst().balance;
        } else {
            batch.balance = BalanceInfo{billing::computeBalance(*run.plan, run.state, run.totals, job.now),
                                        run.state.planId, job.now, run.seq};
            if (anySpent && !single) {
                batch.balance.seq = announceInRun(run, QStringLiteral("balance"), balanceToJson(batch.balance));
                if (batch.balance.seq < 0)
                    return false;
            }
        }
        batch.status = SpendStatus::Spent;
        out->append(batch);
    }
    return flushRun(run);
}

QList<BatchResult> Store::spendGroup(const QList<SpendJob> &jobs, const billing::PlanCatalog &catalog)
{
    // Runs: consecutive jobs of one workspace within one UTC day and one
    // billing cycle share a lock, their totals and one write of the roll-ups.
    auto runEnd = [&](qsizetype first) {
        qsizetype i = first + 1;
        while (i < jobs.size() && jobs.at(i).workspaceId == jobs.at(first).workspaceId)
            ++i;
        return i;
    };
    QList<BatchResult> results;
    results.reserve(jobs.size());
    const bool ok = transaction([&] {
        for (qsizetype first = 0; first < jobs.size();) {
            qsizetype next = first;
            if (!d->spendRunOf(jobs, first, runEnd(first), catalog, &results, &next))
                return false;
            first = next;
        }
        return true;
    });
    if (ok)
        return results;
    // Rolled back as a whole: every job again, alone, so that one failing
    // workspace (or a job refused whole) never fails another's usage.
    const QString groupError = d->lastError;
    QList<BatchResult> alone;
    alone.reserve(jobs.size());
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        QList<BatchResult> one;
        qsizetype next = i;
        const bool done = transaction([&] { return d->spendRunOf(jobs, i, i + 1, catalog, &one, &next); });
        BatchResult b = one.value(0);
        if (!done) {
            b.results.clear();
            if (b.status == SpendStatus::Spent || b.error.isEmpty()) {
                b.status = SpendStatus::Error;
                b.error = d->lastError.isEmpty() ? groupError : d->lastError;
            }
        }
        alone.append(b);
    }
    return alone;
}

// --- grants ------------------------------------------------------------------------------

GrantResult Store::addGrant(const QString &workspaceId, qint64 credits, const QString &reason,
                            const QString &externalId, const QDateTime &now, const billing::PlanCatalog &catalog)
{
    GrantResult result;
    if (credits < 1 || credits > 100000000) {
        result.status = GrantResult::Invalid;
        result.error = QStringLiteral("credits must be between 1 and 100000000");
        return result;
    }
    const bool ok = transaction([&] {
        bool notFound = false;
        const auto locked = d->lockAndAdvance(workspaceId, now, catalog, &notFound);
        if (!locked) {
            if (notFound) {
                result.status = GrantResult::NotFound;
                result.error = QStringLiteral("workspace not found");
            }
            return false;
        }
        if (!externalId.isEmpty()) {
            const auto existing = d->scalar(QStringLiteral("SELECT id FROM grants WHERE workspace_id = ? AND external_id = ?"),
                                            {workspaceId, externalId});
            if (!existing)
                return false;
            if (!existing->isNull()) {
                result.status = GrantResult::Duplicate;
                result.grantId = existing->toString();
                const auto b = d->computeBalance(workspaceId, locked->state, now, catalog, locked->seq);
                if (b)
                    result.balance = *b;
                return b.has_value();
            }
        }
        result.grantId = newId("gr_");
        if (!d->exec(QStringLiteral("INSERT INTO grants (id, workspace_id, at_ms, credits, reason, external_id) VALUES (?, ?, ?, ?, ?, ?)"),
                     {result.grantId, workspaceId, msOf(now), credits, reason,
                      externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(externalId)}))
            return false;
        auto b = d->computeBalance(workspaceId, locked->state, now, catalog, locked->seq);
        if (!b)
            return false;
        b->seq = d->announce(workspaceId, QStringLiteral("balance"), balanceToJson(*b));
        result.balance = *b;
        result.status = GrantResult::Added;
        return b->seq >= 0;
    });
    if (!ok && result.status != GrantResult::NotFound) {
        result.status = GrantResult::Error;
        result.error = d->lastError;
    }
    return result;
}

} // namespace storage
