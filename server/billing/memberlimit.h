#pragma once
// Member credit limits (billing-rules.md, "Member limits"): an owner or admin
// of a paid workspace caps what one member may spend per billing cycle. The
// cycle is the balance's (usageWindows: [periodStart, periodEnd)); on Free
// there is no cycle and no limit applies.
#include "balance.h"

#include <QtGlobal>
#include <optional>

namespace billing {

struct MemberLimit {
    qint64 limit = 0;   // credits per cycle
    qint64 used = 0;    // the member's usage in the current cycle
};

// Limits apply (and can be set) only on paid plans.
inline bool memberLimitsApply(const Plan &plan) { return plan.isPaid(); }

// At most the plan's own allowance per cycle (tierAllowance; grants aside).
enum class LimitRefusal { FreePlan, Negative, AboveAllowance };
// nullopt: `credits` (nullopt = no limit) may be set now.
std::optional<LimitRefusal> checkMemberLimit(const Plan &plan, const SubscriptionState &s,
                                             std::optional<qint64> credits);

// Whether a member's spend of `credits` stays within the limit. Refused whole when it does not.
inline bool withinMemberLimit(const MemberLimit &m, qint64 credits) { return credits > 0 && m.used + credits <= m.limit; }

} // namespace billing
