#pragma once
// Shared fixture for the pure rules tests: a fixed catalog (so rule tests do
// not depend on the shipped prices) and short helpers for UTC instants.
#include "billing/balance.h"
#include "billing/plancatalog.h"
#include "billing/subscription.h"

#include <QDateTime>
#include <QTest>

namespace rulestest {

inline QByteArray catalogJson()
{
    return R"({
  "currency": "SEK",
  "plans": [
    {"id": "free", "kind": "free", "name": "Gratis", "rank": 0, "daily_credits": 5, "monthly_cap": 30,
     "seat_limit": 10, "price": 0, "stripe_price_id": null, "purchasable": false,
     "entitlements": ["core_ai", "made_with_kliv_badge"]},
    {"id": "pro-100", "kind": "pro", "name": "Pro 100", "rank": 100, "monthly_credits": 100, "seat_limit": null,
     "price": 25000, "stripe_price_id": "price_pro_100", "purchasable": true, "entitlements": ["custom_domains", "team_usage"]},
    {"id": "pro-200", "kind": "pro", "name": "Pro 200", "rank": 200, "monthly_credits": 200, "seat_limit": null,
     "price": 50000, "stripe_price_id": "price_pro_200", "purchasable": true, "entitlements": ["custom_domains", "team_usage"]},
    {"id": "pro-400", "kind": "pro", "name": "Pro 400", "rank": 400, "monthly_credits": 400, "seat_limit": null,
     "price": 100000, "stripe_price_id": "price_pro_400", "purchasable": true, "entitlements": ["custom_domains", "team_usage"]},
    {"id": "pro-800", "kind": "pro", "name": "Pro 800", "rank": 800, "monthly_credits": 800, "seat_limit": null,
     "price": 200000, "stripe_price_id": "price_pro_800", "purchasable": true, "entitlements": ["custom_domains", "team_usage"]},
    {"id": "enterprise", "kind": "enterprise", "name": "Enterprise", "rank": 100000, "monthly_credits": null,
     "seat_limit": null, "price": null, "stripe_price_id": null, "purchasable": false,
     "entitlements": ["custom_domains", "team_usage", "custom_roles", "saml_sso"]}
  ]
})";
}

inline const billing::PlanCatalog &catalog()
{
    static const billing::PlanCatalog c = [] {
        QString error;
        auto parsed = billing::PlanCatalog::fromJson(catalogJson(), &error);
        if (!parsed)
            qFatal("test catalog does not parse: %s", qPrintable(error));
        return *parsed;
    }();
    return c;
}

inline const billing::Plan &plan(const QString &id)
{
    const billing::Plan *p = catalog().find(id);
    if (!p)
        qFatal("no plan %s in the test catalog", qPrintable(id));
    return *p;
}

// "2026-12-01T10:00:00Z" -> a UTC QDateTime; aborts on a typo in a test table.
inline QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!t.isValid())
        qFatal("bad instant in test: %s", iso);
    return t.toUTC();
}

// A workspace that bought `tier` at `start` (provider-managed renewals by default).
inline billing::SubscriptionState paid(const QString &tier, const QDateTime &start,
                                       billing::Renewal renewal = billing::Renewal::Invoice)
{
    return billing::startPaidCycle(billing::SubscriptionState{}, tier, start,
                                   billing::addMonthsClamped(start, 1), renewal);
}

inline qint64 remainingPaid(const billing::SubscriptionState &s, qint64 usedThisCycle, qint64 grants = 0)
{
    billing::UsageTotals t;
    t.usedThisCycle = usedThisCycle;
    t.grantsThisCycle = grants;
    return billing::computeBalance(plan(s.planId), s, t, s.periodStart).remaining;
}

inline billing::Balance freeBalance(qint64 usedToday, qint64 usedMonth, const QDateTime &now)
{
    billing::UsageTotals t;
    t.usedTodayOnFree = usedToday;
    t.usedThisMonthOnFree = usedMonth;
    return billing::computeBalance(plan(QStringLiteral("free")), billing::SubscriptionState{}, t, now);
}

} // namespace rulestest
