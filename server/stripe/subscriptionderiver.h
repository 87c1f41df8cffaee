#pragma once
// Pure: a workspace's subscription state from what Stripe told us about one
// subscription (newest snapshot, its schedule, its invoices). Because it is a
// function of those facts and not of the order they arrived in, repeated and
// out-of-order webhooks end in the same state.
#include "billing/plancatalog.h"
#include "billing/subscription.h"
#include "stripefacts.h"

#include <QList>
#include <optional>

namespace stripe {

// `base`: the Free state the workspace was in before this subscription.
billing::SubscriptionState deriveState(const billing::PlanCatalog &catalog,
                                       const billing::SubscriptionState &base,
                                       const SubscriptionFacts &sub,
                                       const std::optional<ScheduleFacts> &schedule,
                                       const QList<InvoiceFacts> &invoices);

// Folds every subscription of a workspace, oldest first: each starts from the
// Free state the previous one left (or the workspace's original freeSince).
struct SubscriptionHistory {
    SubscriptionFacts sub;
    std::optional<ScheduleFacts> schedule;
    QList<InvoiceFacts> invoices;
};
billing::SubscriptionState deriveWorkspaceState(const billing::PlanCatalog &catalog,
                                                const QList<SubscriptionHistory> &subs);

} // namespace stripe
