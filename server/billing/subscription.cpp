#include "subscription.h"


namespace billing {

namespace {

const Plan *planOf(const PlanCatalog &catalog, const SubscriptionState &s)
{
    return catalog.find(s.planId);
}

bool onPaidPlan(const PlanCatalog &catalog, const SubscriptionState &s)
{
    const Plan *p = planOf(catalog, s);
    return p ? p->isPaid() : s.planId != QLatin1String("free");
}

bool hasPending(const SubscriptionState &s)
{
    return s.cancelAtPeriodEnd || s.pendingDowngrade.has_value();
}

SubscriptionState clearPending(SubscriptionState s)
{
    s.cancelAtPeriodEnd = false;
    s.pendingDowngrade.reset();
    return s;
}

ChangeResult refuse(const SubscriptionState &s, ChangeError e, ChangeKind k = ChangeKind::Same)
{
    return ChangeResult{e, k, s};
}

// Payment outcomes for the current cycle; a Free workspace has none.
SubscriptionState withFunding(const SubscriptionState &s, bool funded, SubscriptionStatus status)
{
    if (s.planId == QLatin1String("free"))
        return s;
    SubscriptionState next = s;
    next.cycleFunded = funded;
    next.status = status;
    return next;
}

// Whole months from `anchor`'s month to `t`'s month.
int monthsBetween(const QDateTime &anchor, const QDateTime &t)
{
    const QDate a = anchor.toUTC().date();
    const QDate b = t.toUTC().date();
    return (b.year() - a.year()) * 12 + (b.month() - a.month());
}

// The period that follows [s.periodStart, s.periodEnd): it starts at the old
// end and ends at the next anchor-based boundary after it.
SubscriptionState rollPeriod(SubscriptionState s)
{
    const QDateTime anchor = s.cycleAnchor.isValid() ? s.cycleAnchor : s.periodStart;
    const QDateTime start = s.periodEnd;
    QDateTime end = addMonthsClamped(anchor, monthsBetween(anchor, start) + 1);
    if (!end.isValid() || end <= start) // a period from the provider that does not follow the anchor
        end = addMonthsClamped(start, 1);
    s.periodStart = start;
    s.periodEnd = end;
    return s;
}

} // namespace

QString statusToString(SubscriptionStatus s)
{
    switch (s) {
    case SubscriptionStatus::None: return QStringLiteral("none");
    case SubscriptionStatus::Active: return QStringLiteral("active");
    case SubscriptionStatus::PastDue: return QStringLiteral("past_due");
    case SubscriptionStatus::Unpaid: return QStringLiteral("unpaid");
    case SubscriptionStatus::Canceled: return QStringLiteral("canceled");
    case SubscriptionStatus::Incomplete: return QStringLiteral("incomplete");
    }
    return QStringLiteral("none");
}

std::optional<SubscriptionStatus> statusFromString(const QString &s)
{
    for (auto st : {SubscriptionStatus::None, SubscriptionStatus::Active, SubscriptionStatus::PastDue,
                    SubscriptionStatus::Unpaid, SubscriptionStatus::Canceled, SubscriptionStatus::Incomplete}) {
        if (statusToString(st) == s)
            return st;
    }
    return std::nullopt;
}

QDateTime addMonthsClamped(const QDateTime &anchor, int months)
{
    if (!anchor.isValid())
        return {};
    const QDateTime utc = anchor.toUTC();
    const QDate a = utc.date();
    const int index = a.year() * 12 + (a.month() - 1) + months;
    const int year = index / 12; // years stay positive for any realistic anchor
    const int month = index % 12 + 1;
    const int day = std::min(a.day(), QDate(year, month, 1).daysInMonth());
    return QDateTime(QDate(year, month, day), utc.time(), Qt::UTC);
}

ChangeResult requestChange(const PlanCatalog &catalog, const SubscriptionState &s,
                           const QString &targetTier, const QDateTime &now)
{
    const Plan *target = catalog.find(targetTier);
    if (!target)
        return refuse(s, ChangeError::UnknownTier);
    const Plan *current = planOf(catalog, s);
    if (current && current->kind == PlanKind::Enterprise)
        return refuse(s, ChangeError::EnterpriseBySales);
    if (target->kind == PlanKind::Free) {
        // Asking for Free is a cancel (or nothing to do when already Free).
        if (!onPaidPlan(catalog, s))
            return ChangeResult{ChangeError::None, ChangeKind::Same, s};
        return requestCancel(catalog, s, now);
    }
    if (target->kind == PlanKind::Enterprise || !target->purchasable)
        return refuse(s, ChangeError::NotPurchasable);
    if (!onPaidPlan(catalog, s) || !current)
        return ChangeResult{ChangeError::None, ChangeKind::Checkout, s};
    if (s.status == SubscriptionStatus::PastDue)
        return refuse(s, ChangeError::PastDue);

    if (target->id == current->id) {
        // Staying on the current tier: drops whatever was pending (like undo).
        return ChangeResult{ChangeError::None, ChangeKind::Same, clearPending(s)};
    }
    if (target->rank > current->rank) // applies once payment confirms (applyUpgrade)
        return ChangeResult{ChangeError::None, ChangeKind::Upgrade, s};

    SubscriptionState next = clearPending(s); // replaces an older downgrade, clears a cancel
    next.pendingDowngrade = PendingChange{target->id, s.periodEnd};
    return ChangeResult{ChangeError::None, ChangeKind::Downgrade, next};
}

ChangeResult requestCancel(const PlanCatalog &catalog, const SubscriptionState &s, const QDateTime &now)
{
    Q_UNUSED(now);
    if (!onPaidPlan(catalog, s))
        return refuse(s, ChangeError::NotOnPaidPlan, ChangeKind::Cancel);
    const Plan *current = planOf(catalog, s);
    if (current && current->kind == PlanKind::Enterprise)
        return refuse(s, ChangeError::EnterpriseBySales, ChangeKind::Cancel);
    // Allowed also while past_due. Clears a pending downgrade: one pending change.
    SubscriptionState next = clearPending(s);
    next.cancelAtPeriodEnd = true;
    return ChangeResult{ChangeError::None, ChangeKind::Cancel, next};
}

ChangeResult requestUndo(const SubscriptionState &s, const QDateTime &now)
{
    if (s.planId == QLatin1String("free") || !s.periodEnd.isValid())
        return refuse(s, ChangeError::NotOnPaidPlan);
    if (!hasPending(s) || now >= s.periodEnd) // at periodEnd the change has taken effect
        return refuse(s, ChangeError::NothingToUndo);
    if (s.status == SubscriptionStatus::PastDue) // only cancel is accepted while past_due
        return refuse(s, ChangeError::PastDue);
    return ChangeResult{ChangeError::None, ChangeKind::Same, clearPending(s)};
}

SubscriptionState startPaidCycle(const SubscriptionState &s, const QString &tier,
                                 const QDateTime &periodStart, const QDateTime &periodEnd,
                                 Renewal renewal)
{
    SubscriptionState next = clearPending(s);
    next.planId = tier;
    next.status = SubscriptionStatus::Active;
    next.cycleAnchor = periodStart.toUTC();
    next.periodStart = periodStart.toUTC();
    next.periodEnd = periodEnd.isValid() && periodEnd > periodStart ? periodEnd.toUTC()
                                                                    : addMonthsClamped(periodStart, 1);
    next.cycleFunded = true;
    next.renewal = renewal;
    return next;
}

SubscriptionState applyUpgrade(const SubscriptionState &s, const QString &tier)
{
    SubscriptionState next = clearPending(s);
    next.planId = tier;
    return next;
}

SubscriptionState setPlanByAdmin(const PlanCatalog &catalog, const SubscriptionState &s,
                                 const QString &planId, int customAllowance, const QDateTime &now)
{
    const Plan *plan = catalog.find(planId);
    if (!plan)
        return s;
    if (!plan->isPaid())
        return convertToFree(s, now);
    SubscriptionState next;
    const Plan *current = catalog.find(s.planId);
    const auto allowanceOf = [](const Plan &p, int custom) {
        return p.kind == PlanKind::Enterprise ? std::max(0, custom) : p.monthlyCredits;
    };
    if (onPaidPlan(catalog, s) && current
        && allowanceOf(*plan, customAllowance) >= allowanceOf(*current, s.customAllowance)
        && s.periodStart.isValid() && s.periodEnd.isValid() && s.periodStart <= now && now < s.periodEnd) {
        // To an equal or larger allowance inside a running cycle: the cycle
        // stays and only the tier changes, as an upgrade does, so the cycle's
        // usage still counts and no allowance is minted twice. To a smaller
        // one an operator starts a new cycle, so nobody ends up below zero.
        next = applyUpgrade(s, plan->id);
        next.status = SubscriptionStatus::Active;
        next.cycleFunded = true;
        next.renewal = Renewal::Clock;
    } else {
        next = startPaidCycle(s, plan->id, now, addMonthsClamped(now, 1), Renewal::Clock);
    }
    next.customAllowance = plan->kind == PlanKind::Enterprise ? std::max(0, customAllowance) : 0;
    return next;
}

SubscriptionState convertToFree(const SubscriptionState &s, const QDateTime &now)
{
    Q_UNUSED(s); // nothing of the paid subscription survives
    SubscriptionState next;
    next.planId = QStringLiteral("free");
    next.status = SubscriptionStatus::None;
    next.freeSince = now.toUTC();
    return next;
}

SubscriptionState markCyclePaid(const SubscriptionState &s)
{
    return withFunding(s, true, SubscriptionStatus::Active);
}

SubscriptionState markPaymentFailed(const SubscriptionState &s)
{
    return withFunding(s, false, SubscriptionStatus::PastDue);
}

AdvanceResult advanceTo(const PlanCatalog &catalog, const SubscriptionState &s, const QDateTime &now)
{
    AdvanceResult r{s, {}};
    SubscriptionState &st = r.state;
    // Each pass moves periodEnd strictly forward, so a long offline gap
    // crosses every missed period end in order.
    while (onPaidPlan(catalog, st) && st.periodEnd.isValid() && st.periodStart.isValid()
           && st.periodEnd <= now) {
        const QDateTime at = st.periodEnd;
        if (st.cancelAtPeriodEnd) {
            st = convertToFree(st, at);
            r.steps.append({ClockStep::ConvertedToFree, at});
            break;
        }
        ClockStep::Kind kind = ClockStep::Renewed;
        if (st.pendingDowngrade) {
            if (catalog.find(st.pendingDowngrade->tier)) {
                st.planId = st.pendingDowngrade->tier;
                kind = ClockStep::DowngradeApplied;
            }
            st.pendingDowngrade.reset();
        }
        st = rollPeriod(st);
        if (st.renewal == Renewal::Clock) { // admin-managed: nothing to pay, renews funded
            st.cycleFunded = true;
            st.status = SubscriptionStatus::Active;
        } else {
            st.cycleFunded = false; // until markCyclePaid
        }
        r.steps.append({kind, at});
    }
    return r;
}

} // namespace billing
