#pragma once
// The plan catalog: plans are data (data/plans.json), never code.
// Parsing is pure: the caller reads the file and hands over the bytes.
#include "money.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace billing {

enum class PlanKind { Free, Pro, Enterprise };

struct Plan {
    QString id;                 // "free", "pro-200", "enterprise"
    PlanKind kind = PlanKind::Free;
    QString name;               // display name from the catalog ("Pro 200")
    int rank = 0;               // orders tiers: higher rank = larger plan
    int dailyCredits = 0;       // Free only (5)
    int monthlyCap = 0;         // Free only (30)
    int monthlyCredits = 0;     // Pro: the tier's cycle allowance; Enterprise: 0 (per contract)
    std::optional<int> seatLimit; // nullopt = unlimited
    std::optional<Money> price; // per month; nullopt for Enterprise (by contract)
    QString stripePriceId;      // empty when not sold through Stripe
    bool purchasable = false;   // can be bought through Checkout
    QStringList entitlements;   // e.g. "custom_domains", "team_usage"
    bool priceIncludesVat = true; // the catalog's "prices_include_vat" (moms), the same for every plan

    bool hasEntitlement(const QString &e) const { return entitlements.contains(e); }
    bool isPaid() const { return kind != PlanKind::Free; }
};

class PlanCatalog
{
public:
    // Parses data/plans.json. Returns nullopt and sets *error on any problem
    // (bad JSON, missing free plan, duplicate id, negative numbers, ...).
    static std::optional<PlanCatalog> fromJson(const QByteArray &json, QString *error);

    const QList<Plan> &plans() const { return m_plans; }
    const Plan *find(const QString &id) const;
    const Plan *findByStripePrice(const QString &priceId) const;
    const Plan &freePlan() const;
    QString currency() const { return m_currency; }

private:
    QList<Plan> m_plans;
    QString m_currency;
};

} // namespace billing
