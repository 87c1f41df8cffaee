#include "invoicegrace.h"

#include <algorithm>

namespace billing {

QDateTime graceEndsAt(const QDateTime &dueDate, int graceDays)
{
    return dueDate.addDays(std::max(0, graceDays));
}

InvoiceStanding invoiceStanding(const QString &status, const QDateTime &dueDate, int graceDays, const QDateTime &now)
{
    const bool unpaid = status == QLatin1String("open") || status == QLatin1String("uncollectible");
    if (!unpaid || !dueDate.isValid() || now <= dueDate)
        return InvoiceStanding::Current;
    return now > graceEndsAt(dueDate, graceDays) ? InvoiceStanding::PastGrace : InvoiceStanding::Overdue;
}

InvoiceStanding worstStanding(const QList<InvoiceStanding> &standings)
{
    InvoiceStanding worst = InvoiceStanding::Current;
    for (InvoiceStanding s : standings)
        worst = std::max(worst, s);
    return worst;
}

SubscriptionState applyInvoiceStanding(const PlanCatalog &catalog, const SubscriptionState &s, InvoiceStanding worst)
{
    const Plan *plan = catalog.find(s.planId);
    // Only the operator's plans: a self-serve plan's funding is its paid invoices'.
    if (!plan || !plan->isPaid() || s.renewal != Renewal::Clock)
        return s;
    SubscriptionState next = s;
    next.cycleFunded = worst != InvoiceStanding::PastGrace;
    return next;
}

} // namespace billing
