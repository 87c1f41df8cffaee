#pragma once
// A workspace's subscription state and its transitions. Pure: every function
// takes the current state and `now` and returns the next state; nothing here
// reads a clock, a database or the network.
#include "plancatalog.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace billing {

enum class SubscriptionStatus {
    None,       // Free plan, no paid subscription
    Active,
    PastDue,    // renewal payment failed; features stay, no new allowance until paid
    Unpaid,     // Stripe gave up (converted to Free by convertToFree)
    Canceled,
    Incomplete, // checkout started, first invoice not paid yet
};
QString statusToString(SubscriptionStatus s);          // "none", "active", "past_due", ...
std::optional<SubscriptionStatus> statusFromString(const QString &s);

struct PendingChange {
    QString tier;               // the smaller tier that applies at effectiveAt
    QDateTime effectiveAt;      // == periodEnd
    friend bool operator==(const PendingChange &, const PendingChange &) = default;
};

// How the next cycle gets its allowance.
enum class Renewal {
    Clock,   // admin-managed (no payment provider): renews funded at period end
    Invoice, // payment-provider-managed: the new cycle is unfunded until its invoice is paid
};

struct SubscriptionState {
    QString planId = QStringLiteral("free");
    SubscriptionStatus status = SubscriptionStatus::None;
    QDateTime cycleAnchor;      // first period start; periods are anchor + n months (day clamped)
    QDateTime periodStart;      // [periodStart, periodEnd), invalid on Free
    QDateTime periodEnd;
    bool cancelAtPeriodEnd = false;
    std::optional<PendingChange> pendingDowngrade; // at most one pending change in all:
                                                   // never set together with cancelAtPeriodEnd
    int customAllowance = 0;    // Enterprise contract allowance per cycle
    bool cycleFunded = false;   // this cycle's allowance has been granted (paid, or admin-set)
    Renewal renewal = Renewal::Clock;
    QDateTime freeSince;        // when the workspace (last) became Free

    friend bool operator==(const SubscriptionState &, const SubscriptionState &) = default;
};

// What a requested change to `targetTier` means from the current state.
enum class ChangeKind {
    Checkout,     // Free (or ended) -> paid Pro tier: must go through payment
    Upgrade,      // Pro X -> larger Pro Y: applies now once payment confirms
    Downgrade,    // Pro Y -> smaller Pro X: scheduled at periodEnd
    Cancel,       // paid -> Free: at periodEnd
    Same,         // already on that tier (and nothing pending): nothing to do
};

// Why a requested change is refused. Maps to HTTP 409 / 400 in the API.
enum class ChangeError {
    None,
    UnknownTier,          // not in the catalog -> 400
    NotPurchasable,       // Enterprise or another sales-only plan -> 409
    PastDue,              // only cancel is allowed while past_due -> 409
    NothingToUndo,        // -> 409
    NotOnPaidPlan,        // cancel/undo on Free -> 409
    EnterpriseBySales,    // enterprise workspaces change through sales -> 409
};

struct ChangeResult {
    ChangeError error = ChangeError::None;
    ChangeKind kind = ChangeKind::Same;
    SubscriptionState state;    // the state after the request (unchanged for Checkout/Upgrade,
                                // which wait for payment confirmation)
    bool ok() const { return error == ChangeError::None; }
};

// The end of the n-th period after `anchor`, with the day clamped to the
// month's length (anchor on Jan 31 -> Feb 28/29 -> Mar 31), time of day kept.
QDateTime addMonthsClamped(const QDateTime &anchor, int months);

// Classify and validate a change request ("change" API) without payment.
// Downgrade -> pendingDowngrade set (replacing an older one, clearing a cancel).
// Cancel -> cancelAtPeriodEnd set (clearing a pending downgrade).
// Checkout / Upgrade -> state unchanged; the caller starts payment and later
// calls startPaidCycle / applyUpgrade when it is confirmed.
ChangeResult requestChange(const PlanCatalog &catalog, const SubscriptionState &s,
                           const QString &targetTier, const QDateTime &now);
ChangeResult requestCancel(const PlanCatalog &catalog, const SubscriptionState &s, const QDateTime &now);
// Undo a pending downgrade or cancel, before periodEnd.
ChangeResult requestUndo(const SubscriptionState &s, const QDateTime &now);

// Payment confirmed: Free -> Pro (or resubscribe). A new cycle starts at `periodStart`
// with the full allowance (funded); pending changes cleared.
SubscriptionState startPaidCycle(const SubscriptionState &s, const QString &tier,
                                 const QDateTime &periodStart, const QDateTime &periodEnd,
                                 Renewal renewal);
// Payment confirmed: upgrade within the cycle. Period unchanged; pending
// downgrade or cancel cleared. The balance follows from the new tier's allowance.
SubscriptionState applyUpgrade(const SubscriptionState &s, const QString &tier);
// Admin: set a plan directly (operator command, Enterprise by sales). To an
// equal or larger allowance inside the running cycle, the cycle is kept and
// only the tier (or the contract allowance) changes, funded; otherwise a new
// funded cycle starts at `now`. To Free: converts now.
SubscriptionState setPlanByAdmin(const PlanCatalog &catalog, const SubscriptionState &s,
                                 const QString &planId, int customAllowance, const QDateTime &now);
// Converts to Free now (cancel took effect, unpaid, canceled by payment provider).
SubscriptionState convertToFree(const SubscriptionState &s, const QDateTime &now);
// The invoice for the current cycle is paid: funded, status active.
SubscriptionState markCyclePaid(const SubscriptionState &s);
// A renewal payment failed: past_due, features stay, cycle unfunded.
SubscriptionState markPaymentFailed(const SubscriptionState &s);

// Time passes: applies every period end that lies at or before `now`, in
// order: a pending downgrade takes effect, a cancel converts to Free, else the
// cycle renews (funded if renewal == Clock, unfunded until paid if Invoice).
struct ClockStep {
    enum Kind { Renewed, DowngradeApplied, ConvertedToFree } kind;
    QDateTime at;
};
struct AdvanceResult {
    SubscriptionState state;
    QList<ClockStep> steps;     // empty when nothing happened
};
AdvanceResult advanceTo(const PlanCatalog &catalog, const SubscriptionState &s, const QDateTime &now);

} // namespace billing
