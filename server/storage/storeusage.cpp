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
    const auto today = scalar(QStringLiteral("SELECT credits_on_free FROM usage_day WHERE workspace_id = ? AND day = ?"),
                              {workspaceId, dayOf(msOf(w.dayStart))});
    const auto month = scalar(QStringLiteral("SELECT COALESCE(SUM(credits_on_free), 0) FROM usage_day "
                                             "WHERE workspace_id = ? AND day >= ? AND day < ?"),
                              {workspaceId, dayOf(msOf(w.monthStart)), dayOf(msOf(w.monthEnd))});
    if (!today || !month)
        return std::nullopt;
    t.usedTodayOnFree = today->toLongLong();
    t.usedThisMonthOnFree = month->toLongLong();
    if (!w.cycleStart.isValid() || !w.cycleEnd.isValid())
        return t;

    // [a, b): whole days from usage_day, the partial first and last day from raw events.
    const qint64 a = msOf(w.cycleStart), b = msOf(w.cycleEnd);
    const qint64 firstWhole = dayOf(a + kDayMs - 1), endWhole = dayOf(b);
    auto raw = [&](qint64 from, qint64 to) -> std::optional<qint64> {
        if (from >= to)
            return 0;
        const auto v = scalar(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM usage_entries "
                                             "WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?"), {workspaceId, from, to});
        return v ? std::optional<qint64>(v->toLongLong()) : std::nullopt;
    };
    std::optional<qint64> used;
    if (firstWhole >= endWhole) {
        used = raw(a, b);
    } else {
        const auto whole = scalar(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM usage_day "
                                                 "WHERE workspace_id = ? AND day >= ? AND day < ?"),
                                  {workspaceId, firstWhole, endWhole});
        const auto head = raw(a, firstWhole * kDayMs);
        const auto tail = raw(endWhole * kDayMs, b);
        if (whole && head && tail)
            used = whole->toLongLong() + *head + *tail;
    }
    const auto grants = scalar(QStringLiteral("SELECT COALESCE(SUM(credits), 0) FROM grants "
                                              "WHERE workspace_id = ? AND at_ms >= ? AND at_ms < ?"), {workspaceId, a, b});
    if (!used || !grants)
        return std::nullopt;
    t.usedThisCycle = *used;
    t.grantsThisCycle = grants->toLongLong();
    return t;
}

std::optional<BalanceInfo> Store::Private::computeBalance(const QString &workspaceId, const billing::SubscriptionState &s,
                                                          const QDateTime &now, const billing::PlanCatalog &catalog)
{
    const billing::Plan *plan = catalog.find(s.planId);
    if (!plan) {
        fail(QStringLiteral("workspace %1 is on plan %2, which the catalog does not have").arg(workspaceId, s.planId));
        return std::nullopt;
    }
    const auto t = totals(workspaceId, s, now);
    const auto seq = scalar(QStringLiteral("SELECT live_seq FROM workspaces WHERE id = ?"), {workspaceId});
    if (!t || !seq)
        return std::nullopt;
    return BalanceInfo{billing::computeBalance(*plan, s, *t, now), s.planId, now, seq->toLongLong()};
}

// --- subscription ------------------------------------------------------------------

void Store::Private::announceState(const QString &workspaceId, const billing::SubscriptionState &s,
                                   const QDateTime &now, const billing::PlanCatalog &catalog)
{
    announce(workspaceId, QStringLiteral("subscription"),
             QJsonObject{{QStringLiteral("plan_id"), s.planId}, {QStringLiteral("subscription"), subscriptionToJson(s)}});
    if (auto b = computeBalance(workspaceId, s, now, catalog)) {
        b->seq += 1;
        announce(workspaceId, QStringLiteral("balance"), balanceToJson(*b));
    } else {
        txFailed = true;
    }
}

std::optional<billing::AdvanceResult> Store::Private::advanceLocked(const QString &workspaceId, const QDateTime &now,
                                                                    const billing::PlanCatalog &catalog, bool *changed)
{
    const auto stored = loadState(workspaceId);
    if (!stored)
        return std::nullopt;
    billing::AdvanceResult advanced = billing::advanceTo(catalog, *stored, now);
    *changed = !(advanced.state == *stored);
    if (*changed) {
        if (!saveState(workspaceId, advanced.state))
            return std::nullopt;
        announceState(workspaceId, advanced.state, now, catalog);
    }
    return advanced;
}

SubscriptionChange Store::mutateSubscription(const QString &workspaceId, const QDateTime &now,
                                             const billing::PlanCatalog &catalog,
                                             const std::function<bool(billing::SubscriptionState &)> &fn)
{
    SubscriptionChange result;
    result.ok = transaction([&] {
        if (!lockWorkspace(workspaceId)) {
            result.notFound = true;
            return d->fail(QStringLiteral("workspace not found"));
        }
        const auto stored = d->loadState(workspaceId);
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
            d->announceState(workspaceId, next, now, catalog);
        }
        const auto seq = d->scalar(QStringLiteral("SELECT live_seq FROM workspaces WHERE id = ?"), {workspaceId});
        if (!seq)
            return false;
        result.seq = seq->toLongLong();
        return true;
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
        const auto s = d->loadState(workspaceId);
        if (!s)
            return std::nullopt;
        return d->computeBalance(workspaceId, billing::advanceTo(catalog, *s, now).state, now, catalog);
    });
}

// --- spending -------------------------------------------------------------------------

SpendResult Store::Private::spendLocked(const QString &workspaceId, const UsageRequest &r, const QDateTime &now,
                                        const billing::PlanCatalog &catalog, const billing::SubscriptionState &state,
                                        bool announceBalance)
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

    // Same key: the first answer (same body) or a conflict, nothing spent.
    QSqlQuery *q = exec(QStringLiteral(
        "SELECT i.answer, e.id, e.at_ms, e.member_id, e.project, e.activity, e.credits, e.on_free "
        "FROM usage_idempotency i JOIN usage_entries e ON e.id = i.entry_id WHERE i.workspace_id = ? AND i.idem_key = ?"),
        {workspaceId, r.idempotencyKey});
    if (!q)
        return dbError();
    if (q->next()) {
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

    const auto member = loadMember(workspaceId, r.memberId, true);
    if (!member) {
        result.status = SpendStatus::UnknownMember;
        result.error = QStringLiteral("member_id is not a member of this workspace");
        return result;
    }
    const billing::Plan *plan = catalog.find(state.planId);
    if (!plan) {
        lastError = QStringLiteral("unknown plan %1").arg(state.planId);
        return dbError();
    }
    auto t = totals(workspaceId, state, now);
    const auto seqNow = scalar(QStringLiteral("SELECT live_seq FROM workspaces WHERE id = ?"), {workspaceId});
    if (!t || !seqNow)
        return dbError();
    const billing::Balance before = billing::computeBalance(*plan, state, *t, now);
    if (!billing::canSpend(before, r.credits)) {
        result.status = SpendStatus::Insufficient;
        result.balance = BalanceInfo{before, state.planId, now, seqNow->toLongLong()};
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
    const billing::UsageWindows w = billing::usageWindows(state, now);
    if (w.cycleStart.isValid() && now >= w.cycleStart && now < w.cycleEnd)
        t->usedThisCycle += r.credits;
    result.entry = UsageEntry{QStringLiteral("ue_%1").arg(entryId), workspaceId, fromMs(at), r.memberId,
                              member->name, r.project, r.activity, r.credits, onFree};
    result.balance = BalanceInfo{billing::computeBalance(*plan, state, *t, now), state.planId, now, 0};
    result.balance.seq = announce(workspaceId, QStringLiteral("usage"), usageEntryToJson(result.entry));
    if (announceBalance)
        result.balance.seq = announce(workspaceId, QStringLiteral("balance"), balanceToJson(result.balance));
    if (result.balance.seq < 0)
        return dbError();

    const QJsonObject answer{{QStringLiteral("balance"), balanceToJson(result.balance)},
                             {QStringLiteral("seq"), result.balance.seq},
                             {QStringLiteral("member_name"), member->name}};
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
        if (!lockWorkspace(workspaceId)) {
            batch.status = SpendStatus::NotFound;
            batch.error = QStringLiteral("workspace not found");
            return false;
        }
        bool changed = false;
        const auto advanced = d->advanceLocked(workspaceId, now, catalog, &changed);
        if (!advanced)
            return false;
        bool anySpent = false;
        for (const UsageRequest &r : requests) {
            SpendResult one = d->spendLocked(workspaceId, r, now, catalog, advanced->state, single);
            if (one.status == SpendStatus::Error) {
                batch.status = SpendStatus::Error;
                batch.error = one.error;
                return false;   // nothing of the batch stays
            }
            anySpent = anySpent || one.status == SpendStatus::Spent;
            batch.results.append(one);
        }
        auto after = d->computeBalance(workspaceId, advanced->state, now, catalog);
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
        if (!lockWorkspace(workspaceId)) {
            result.status = GrantResult::NotFound;
            result.error = QStringLiteral("workspace not found");
            return false;
        }
        bool changed = false;
        const auto advanced = d->advanceLocked(workspaceId, now, catalog, &changed);
        if (!advanced)
            return false;
        if (!externalId.isEmpty()) {
            const auto existing = d->scalar(QStringLiteral("SELECT id FROM grants WHERE workspace_id = ? AND external_id = ?"),
                                            {workspaceId, externalId});
            if (!existing)
                return false;
            if (!existing->isNull()) {
                result.status = GrantResult::Duplicate;
                result.grantId = existing->toString();
                const auto b = d->computeBalance(workspaceId, advanced->state, now, catalog);
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
        auto b = d->computeBalance(workspaceId, advanced->state, now, catalog);
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
