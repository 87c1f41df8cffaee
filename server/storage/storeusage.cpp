// Subscription transitions, balance, spending and grants: everything that
// decides how many credits a workspace has, under the workspace lock.
#include "store_p.h"
#include "wirejson.h"

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
    const qint64 firstWhole = dayOf(a + kDayMs - 1), endWhole = dayOf(b);
    const bool split = firstWhole < endWhole;
    const qint64 headEnd = split ? firstWhole * kDayMs : b, tailStart = split ? endWhole * kDayMs : b;
    q = exec(QStringLiteral(
        "SELECT (SELECT COALESCE(SUM(credits), 0) FROM usage_day WHERE workspace_id = ? AND day >= ? AND day < ?), "
        "(SELECT COALESCE(SUM(credits), 0) FROM usage_entries WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?), "
        "(SELECT COALESCE(SUM(credits), 0) FROM usage_entries WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?)"),
        {workspaceId, firstWhole, split ? endWhole : firstWhole, workspaceId, a, headEnd, workspaceId, tailStart, b});
    if (!q || !q->next())
        return false;
    t->usedThisCycle = q->value(0).toLongLong() + q->value(1).toLongLong() + q->value(2).toLongLong();
    q->finish();
    if (txDepth > 0 && txWrite)
        return exec(QStringLiteral("UPDATE workspaces SET cycle_key_ms = ?, cycle_used = ? WHERE id = ?"),
                    {a, t->usedThisCycle, workspaceId}) != nullptr;
    return true;
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
        if (!saveState(workspaceId, locked.state))
            return std::nullopt;
        locked.seq = announceState(workspaceId, locked.state, now, catalog, locked.seq);
        if (locked.seq < 0)
            return std::nullopt;
    }
    return locked;
}

SubscriptionChange Store::mutateSubscription(const QString &workspaceId, const QDateTime &now,
                                             const billing::PlanCatalog &catalog,
                                             const std::function<bool(billing::SubscriptionState &)> &fn)
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
            if (!d->saveState(workspaceId, next))
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
                                          const billing::PlanCatalog &catalog)
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
        return d->computeBalance(workspaceId, billing::advanceTo(catalog, *s, now).state, now, catalog, seq);
    });
}

// --- spending -------------------------------------------------------------------------

SpendResult Store::Private::spendLocked(const QString &workspaceId, const UsageRequest &r, const QDateTime &now,
                                        const billing::PlanCatalog &catalog, const billing::SubscriptionState &state,
                                        bool announceBalance, qint64 *seq)
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

    // One round trip for the common case: the first answer to this key (if
    // any), the member's name (NULL: not a member) and the Free day/month sums.
    const billing::UsageWindows w = billing::usageWindows(state, now);
    QSqlQuery *q = exec(QStringLiteral(
        "SELECT i.answer, e.id, e.at_ms, e.member_id, e.project, e.activity, e.credits, e.on_free, "
        "(SELECT COALESCE(u.name, '') FROM members m JOIN users u ON u.id = m.user_id "
        " WHERE m.workspace_id = ? AND m.id = ? AND m.removed_ms IS NULL), "
        "(SELECT COALESCE(SUM(CASE WHEN d.day = ? THEN d.credits_on_free ELSE 0 END), 0) FROM usage_day d "
        " WHERE d.workspace_id = ? AND d.day >= ? AND d.day < ?), "
        "(SELECT COALESCE(SUM(d.credits_on_free), 0) FROM usage_day d WHERE d.workspace_id = ? AND d.day >= ? AND d.day < ?) "
        "FROM (SELECT 1 AS one) AS one LEFT JOIN usage_idempotency i ON i.workspace_id = ? AND i.idem_key = ? "
        "LEFT JOIN usage_entries e ON e.id = i.entry_id"),
        {workspaceId, r.memberId, dayOf(msOf(w.dayStart)), workspaceId, dayOf(msOf(w.monthStart)), dayOf(msOf(w.monthEnd)),
         workspaceId, dayOf(msOf(w.monthStart)), dayOf(msOf(w.monthEnd)), workspaceId, r.idempotencyKey});
    if (!q || !q->next())
        return dbError();
    if (!q->value(1).isNull()) {
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
    if (q->value(8).isNull()) {
        q->finish();
        result.status = SpendStatus::UnknownMember;
        result.error = QStringLiteral("member_id is not a member of this workspace");
        return result;
    }
    const QString memberName = q->value(8).toString();
    billing::UsageTotals totalsNow;
    totalsNow.usedTodayOnFree = q->value(9).toLongLong();
    totalsNow.usedThisMonthOnFree = q->value(10).toLongLong();
    q->finish();
    std::optional<billing::UsageTotals> t = totalsNow;
    if (!cycleTotals(workspaceId, w, &*t))
        return dbError();

    const billing::Plan *plan = catalog.find(state.planId);
    if (!plan) {
        lastError = QStringLiteral("unknown plan %1").arg(state.planId);
        return dbError();
    }
    const billing::Balance before = billing::computeBalance(*plan, state, *t, now);
    if (!billing::canSpend(before, r.credits)) {
        result.status = SpendStatus::Insufficient;
        result.balance = BalanceInfo{before, state.planId, now, *seq};
        result.error = QStringLiteral("not enough credits: %1 remaining, %2 requested").arg(before.remaining).arg(r.credits);
        return result;
    }

    const bool onFree = !plan->isPaid();
    const qint64 at = msOf(now), day = dayOf(at);
    q = exec(QStringLiteral("INSERT INTO usage_entries (workspace_id, at_ms, member_id, project, activity, credits, on_free) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
             {workspaceId, at, r.memberId, r.project, r.activity, r.credits, int(onFree)});
    if (!q || !q->next())
        return dbError();
    const qint64 entryId = q->value(0).toLongLong();
    q->finish();
    if (!exec(QStringLiteral("INSERT INTO usage_day (workspace_id, day, credits, credits_on_free) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (workspace_id, day) DO UPDATE SET credits = usage_day.credits + excluded.credits, "
                             "credits_on_free = usage_day.credits_on_free + excluded.credits_on_free"),
              {workspaceId, day, r.credits, onFree ? r.credits : 0})
        || !exec(QStringLiteral("INSERT INTO usage_rollup (workspace_id, day, member_id, project, activity, credits) "
                                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, day, member_id, project, activity) "
                                "DO UPDATE SET credits = usage_rollup.credits + excluded.credits"),
                 {workspaceId, day, r.memberId, r.project, r.activity, r.credits}))
        return dbError();

    // The balance after: the same totals plus this entry (it lies in every current window).
    if (onFree) {
        t->usedTodayOnFree += r.credits;
        t->usedThisMonthOnFree += r.credits;
    }
    if (w.cycleStart.isValid() && now >= w.cycleStart && now < w.cycleEnd) {
        t->usedThisCycle += r.credits;
        // cycleTotals() above keyed the counter to this cycle, under the same lock.
        if (!exec(QStringLiteral("UPDATE workspaces SET cycle_used = cycle_used + ? WHERE id = ?"), {r.credits, workspaceId}))
            return dbError();
    }
    result.entry = UsageEntry{QStringLiteral("ue_%1").arg(entryId), workspaceId, fromMs(at), r.memberId,
                              memberName, r.project, r.activity, r.credits, onFree};
    result.balance = BalanceInfo{billing::computeBalance(*plan, state, *t, now), state.planId, now, 0};
    result.balance.seq = announce(workspaceId, QStringLiteral("usage"), usageEntryToJson(result.entry));
    if (announceBalance && result.balance.seq >= 0)
        result.balance.seq = announce(workspaceId, QStringLiteral("balance"), balanceToJson(result.balance));
    if (result.balance.seq < 0)
        return dbError();
    *seq = result.balance.seq;

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
    BatchResult batch;
    if (requests.isEmpty() || requests.size() > MaxBatch) {
        batch.status = SpendStatus::Invalid;
        batch.error = QStringLiteral("a batch holds 1 to %1 usage events").arg(MaxBatch);
        return batch;
    }
    const bool single = requests.size() == 1;
    const bool ok = transaction([&] {
        bool notFound = false;
        auto locked = d->lockAndAdvance(workspaceId, now, catalog, &notFound);
        if (!locked) {
            if (notFound) {
                batch.status = SpendStatus::NotFound;
                batch.error = QStringLiteral("workspace not found");
            }
            return false;
        }
        bool anySpent = false;
        for (const UsageRequest &r : requests) {
            SpendResult one = d->spendLocked(workspaceId, r, now, catalog, locked->state, single, &locked->seq);
            if (one.status == SpendStatus::Error) {
                batch.status = SpendStatus::Error;
                batch.error = one.error;
                return false;   // nothing of the batch stays
            }
            anySpent = anySpent || one.status == SpendStatus::Spent;
            batch.results.append(one);
        }
        if (single) {
            const SpendResult &one = batch.results.first();
            if (one.status == SpendStatus::Spent || one.status == SpendStatus::Insufficient) {
                batch.balance = one.balance;   // already computed, under the same lock
                batch.status = SpendStatus::Spent;
                return true;
            }
        }
        auto after = d->computeBalance(workspaceId, locked->state, now, catalog, locked->seq);
        if (!after)
            return false;
        if (anySpent && !single)
            after->seq = d->announce(workspaceId, QStringLiteral("balance"), balanceToJson(*after));
        batch.balance = *after;
        batch.status = SpendStatus::Spent;
        return after->seq >= 0;
    });
    if (!ok) {
        batch.results.clear();
        if (batch.status == SpendStatus::Spent || batch.error.isEmpty()) {
            batch.status = SpendStatus::Error;
            batch.error = d->lastError;
        }
    }
    return batch;
}

QList<BatchResult> Store::spendGroup(const QList<SpendJob> &jobs, const billing::PlanCatalog &catalog)
{
    QList<BatchResult> results;
    results.reserve(jobs.size());
    // Each batch joins this transaction (nested transaction() calls do); a batch
    // that fails marks the whole transaction failed, so nothing half-applied
    // can commit. Refusals (402, 409, unknown member) are answers, not failures.
    const bool ok = transaction([&] {
        for (const SpendJob &job : jobs) {
            results.append(spendBatch(job.workspaceId, job.requests, job.now, catalog));
            const SpendStatus st = results.constLast().status;
            if (st == SpendStatus::Error || st == SpendStatus::NotFound)
                return false;
        }
        return true;
    });
    if (ok)
        return results;
    // Rolled back as a whole: every batch again, alone, so each gets its own answer.
    results.clear();
    for (const SpendJob &job : jobs)
        results.append(spendBatch(job.workspaceId, job.requests, job.now, catalog));
    return results;
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
