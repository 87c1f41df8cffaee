#include "subscriptionderiver.h"

#include <algorithm>

namespace stripe {

using billing::SubscriptionState;

namespace {

QDateTime at(qint64 secs) { return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC); }

QString tierOf(const billing::PlanCatalog &catalog, const QString &priceId, const QString &fallback)
{
    const billing::Plan *p = catalog.findByStripePrice(priceId);
    return p ? p->id : fallback;
}

int rankOf(const billing::PlanCatalog &catalog, const QString &tier)
{
    const billing::Plan *p = catalog.find(tier);
    return p ? p->rank : 0;
}

} // namespace

SubscriptionState deriveState(const billing::PlanCatalog &catalog, const SubscriptionState &base,
                              const SubscriptionFacts &sub, const std::optional<ScheduleFacts> &schedule,
                              const QList<InvoiceFacts> &invoices)
{
    QList<InvoiceFacts> cycles;
    for (const InvoiceFacts &inv : invoices) {
        if (inv.fundsCycle())
            cycles.append(inv);
    }
    // Never paid (checkout abandoned, first payment failed): the workspace never left Free.
    if (cycles.isEmpty())
        return base;
    std::sort(cycles.begin(), cycles.end(), [](const InvoiceFacts &a, const InvoiceFacts &b) {
        return a.periodStart != b.periodStart ? a.periodStart < b.periodStart : a.id < b.id;
    });
    const InvoiceFacts &first = cycles.first();
    const InvoiceFacts &latest = cycles.last();
    const QString firstTier = tierOf(catalog, first.priceId, tierOf(catalog, sub.priceId, QString()));
    if (firstTier.isEmpty())
        return base;   // a price we do not sell: nothing to grant

    // The first paid invoice starts the paid plan with its full allowance.
    SubscriptionState s = billing::startPaidCycle(base, firstTier, at(first.periodStart), at(first.periodEnd),
                                                  billing::Renewal::Invoice);

    // The current period: the subscription's, unless a paid renewal is newer than our snapshot of it.
    qint64 ps = sub.periodStart, pe = sub.periodEnd;
    QString tier = tierOf(catalog, sub.priceId, firstTier);
    if (latest.periodStart > ps || !pe) {
        ps = latest.periodStart;
        pe = latest.periodEnd;
        tier = tierOf(catalog, latest.priceId, tier);
    }
    // A paid upgrade invoice newer than our snapshot confirms the larger tier.
    for (const InvoiceFacts &inv : invoices) {
        if (inv.status == QLatin1String("paid") && inv.billingReason == QLatin1String("subscription_update")
            && inv.periodEnd == pe && inv.created >= sub.version.at) {
            const QString t = tierOf(catalog, inv.priceId, tier);
            if (rankOf(catalog, t) > rankOf(catalog, tier))
                tier = t;
        }
    }

    if (ps != first.periodStart) {
        // A later cycle: the period moved (a scheduled downgrade takes effect here).
        s.periodStart = at(ps);
        s.periodEnd = at(pe);
        s.planId = tier;
        s.pendingDowngrade.reset();
        s.cancelAtPeriodEnd = false;
    } else if (tier != firstTier) {
        s = billing::applyUpgrade(s, tier);
    }

    const bool funded = std::any_of(cycles.cbegin(), cycles.cend(),
                                    [ps](const InvoiceFacts &i) { return i.periodStart == ps; });
    if (sub.isTerminal() || sub.status == QLatin1String("unpaid")) {
        // Stripe gave up or the cancel took effect.
        const qint64 end = sub.endedAt ? sub.endedAt : (sub.status == QLatin1String("unpaid") ? sub.version.at : pe);
        return billing::convertToFree(s, at(end));
    }
    if (sub.status == QLatin1String("past_due")) {
        s = billing::markPaymentFailed(s);
        s.cycleFunded = funded;
    } else if (funded) {
        s = billing::markCyclePaid(s);
    } else {
        // Renewed, invoice not paid yet: features stay, the new allowance waits.
        s.status = billing::SubscriptionStatus::Active;
        s.cycleFunded = false;
    }

    s.cancelAtPeriodEnd = sub.cancelAtPeriodEnd;
    s.pendingDowngrade.reset();
    if (!s.cancelAtPeriodEnd && schedule && schedule->isPending() && schedule->switchAt >= ps) {
        const QString next = tierOf(catalog, schedule->nextPriceId, QString());
        if (!next.isEmpty() && rankOf(catalog, next) < rankOf(catalog, s.planId))
            s.pendingDowngrade = billing::PendingChange{next, at(schedule->switchAt ? schedule->switchAt : pe)};
    }
    return s;
}

SubscriptionState deriveWorkspaceState(const billing::PlanCatalog &catalog, const QList<SubscriptionHistory> &subs)
{
    SubscriptionState s;
    if (subs.isEmpty())
        return s;
    s.freeSince = at(subs.first().sub.baseFreeSince);
    for (const SubscriptionHistory &h : subs) {
        SubscriptionState base;
        base.freeSince = s.planId == QLatin1String("free") ? s.freeSince : at(h.sub.created);
        s = deriveState(catalog, base, h.sub, h.schedule, h.invoices);
    }
    return s;
}

} // namespace stripe
