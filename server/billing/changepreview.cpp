#include "changepreview.h"

namespace billing {

qint64 proratedUpgradeAmount(qint64 oldPrice, qint64 newPrice, const QDateTime &periodStart,
                             const QDateTime &periodEnd, const QDateTime &now)
{
    if (newPrice <= oldPrice || !periodStart.isValid() || !periodEnd.isValid() || !(periodEnd > periodStart))
        return 0;
    const qint64 period = periodStart.secsTo(periodEnd);
    const qint64 left = std::clamp<qint64>(now.secsTo(periodEnd), 0, period);
    // 128-bit intermediate: price differences times seconds can exceed 64 bits.
    const __int128 scaled = static_cast<__int128>(newPrice - oldPrice) * left;
    return static_cast<qint64>((scaled + period / 2) / period);
}

ChangePreview previewChange(const PlanCatalog &catalog, const SubscriptionState &s, const UsageTotals &usage,
                            const QString &targetTier, const QDateTime &now)
{
    ChangePreview p;
    p.amountDueNow = Money{0, catalog.currency()};
    const ChangeResult r = requestChange(catalog, s, targetTier, now);
    p.error = r.error;
    p.kind = r.kind;
    if (!r.ok())
        return p;

    const Plan *current = catalog.find(s.planId);
    const Plan *target = catalog.find(targetTier);
    const auto tierAllowance = [](const Plan &plan) {
        return qint64(plan.isPaid() ? plan.monthlyCredits : plan.dailyCredits);
    };
    switch (r.kind) {
    case ChangeKind::Checkout:
        p.tier = target->id;
        p.effectiveAt = now;
        p.amountDueNow.amount = target->price ? target->price->amount : 0;
        p.allowanceAfter = tierAllowance(*target);
        p.creditsAfter = p.allowanceAfter; // a new cycle with the full allowance
        break;
    case ChangeKind::Upgrade: {
        p.tier = target->id;
        p.effectiveAt = now;
        p.amountDueNow.amount = proratedUpgradeAmount(current->price ? current->price->amount : 0,
                                                      target->price ? target->price->amount : 0,
                                                      s.periodStart, s.periodEnd, now);
        p.allowanceAfter = tierAllowance(*target);
        p.creditsAfter = computeBalance(*target, applyUpgrade(s, target->id), usage, now).remaining;
        break;
    }
    case ChangeKind::Downgrade:
        p.tier = target->id;
        p.effectiveAt = s.periodEnd;
        p.allowanceAfter = tierAllowance(*target);
        p.creditsAfter = p.allowanceAfter; // the next cycle, on the smaller tier
        break;
    case ChangeKind::Cancel: {
        const Plan &free = catalog.freePlan();
        p.tier = free.id;
        p.effectiveAt = s.periodEnd;
        p.allowanceAfter = tierAllowance(free);
        p.creditsAfter = std::min<qint64>(free.dailyCredits, free.monthlyCap); // a fresh Free day
        break;
    }
    case ChangeKind::Same:
        p.tier = s.planId;
        p.effectiveAt = now;
        if (current) {
            p.allowanceAfter = current->kind == PlanKind::Enterprise ? s.customAllowance : tierAllowance(*current);
            p.creditsAfter = computeBalance(*current, r.state, usage, now).remaining;
        }
        break;
    }
    return p;
}

} // namespace billing
