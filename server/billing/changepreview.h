#pragma once
// What a plan change requested now would do: the "preview" API answer.
// Pure, like the rest of server/billing.
#include "balance.h"
#include "subscription.h"

namespace billing {

struct ChangePreview {
    ChangeError error = ChangeError::None;
    ChangeKind kind = ChangeKind::Same;
    QString tier;               // the plan after the change ("free" for a cancel)
    QDateTime effectiveAt;      // now (checkout, upgrade, same) or periodEnd (downgrade, cancel)
    Money amountDueNow;         // checkout: full price; upgrade: prorated difference; else 0
    qint64 creditsAfter = 0;    // remaining right when the change takes effect
    qint64 allowanceAfter = 0;  // the new plan's allowance per period (Free: per day)
    bool ok() const { return error == ChangeError::None; }
};

// `targetTier` "free" previews a cancel. `usage` are the totals for the
// current windows (as for computeBalance at `now`).
ChangePreview previewChange(const PlanCatalog &catalog, const SubscriptionState &s, const UsageTotals &usage,
                            const QString &targetTier, const QDateTime &now);

// The prorated price difference for the rest of [periodStart, periodEnd) from
// `now`, by the second, rounded half up to a whole minor unit. 0 outside the
// period or when the new price is not higher. The provider's invoice is what
// is charged; this is the estimate shown before.
qint64 proratedUpgradeAmount(qint64 oldPrice, qint64 newPrice, const QDateTime &periodStart,
                             const QDateTime &periodEnd, const QDateTime &now);

} // namespace billing
