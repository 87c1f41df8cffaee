#pragma once
// Invoiced plans (Enterprise through Stripe with collection_method=send_invoice):
// how an unpaid invoice stands against its due date and the grace period, and
// what that does to the allowance. Pure: `now` is passed in.
#include "plancatalog.h"
#include "subscription.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace billing {

enum class InvoiceStanding {
    Current,    // paid, void, or not yet due
    Overdue,    // unpaid after its due date: a warning, nothing withheld yet
    PastGrace,  // unpaid more than graceDays after its due date: the allowance is withheld
};

inline constexpr int kDefaultInvoiceGraceDays = 14;

// `status` is Stripe's (open, paid, void, uncollectible); uncollectible is unpaid.
InvoiceStanding invoiceStanding(const QString &status, const QDateTime &dueDate, int graceDays, const QDateTime &now);
QDateTime graceEndsAt(const QDateTime &dueDate, int graceDays);
// The worst of several invoices' standings (Current for none).
InvoiceStanding worstStanding(const QList<InvoiceStanding> &standings);

// The operator's policy (docs/billing-rules.md, "Invoiced Enterprise"): an
// operator-set paid plan keeps its plan and features, but past the grace
// period its cycle's allowance is withheld (grants stay) until the invoice is
// paid; otherwise the cycle is funded, as the operator set it. Other states
// (self-serve, Free) are returned unchanged.
SubscriptionState applyInvoiceStanding(const PlanCatalog &catalog, const SubscriptionState &s, InvoiceStanding worst);

} // namespace billing
