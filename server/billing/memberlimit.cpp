#include "memberlimit.h"

namespace billing {

std::optional<LimitRefusal> checkMemberLimit(const Plan &plan, const SubscriptionState &s, std::optional<qint64> credits)
{
    // Clearing is always allowed (also after a downgrade to Free), setting only on a paid plan.
    if (!credits)
        return std::nullopt;
    if (!memberLimitsApply(plan))
        return LimitRefusal::FreePlan;
    if (*credits < 0)
        return LimitRefusal::Negative;
    if (*credits > tierAllowance(plan, s))
        return LimitRefusal::AboveAllowance;
    return std::nullopt;
}

} // namespace billing
