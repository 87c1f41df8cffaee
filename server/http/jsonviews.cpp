#include "jsonviews.h"

#include "saml/serviceprovider.h"
#include "storage/wirejson.h"

#include <QJsonArray>

namespace http {

static QString kindName(billing::PlanKind k)
{
    switch (k) {
    case billing::PlanKind::Free: return QStringLiteral("free");
    case billing::PlanKind::Pro: return QStringLiteral("pro");
    case billing::PlanKind::Enterprise: return QStringLiteral("enterprise");
    }
    return {};
}

QJsonObject moneyJson(const billing::Money &m)
{
    return {{QStringLiteral("amount"), m.amount}, {QStringLiteral("currency"), m.currency}};
}

QJsonObject planJson(const billing::Plan &p)
{
    const bool free = p.kind == billing::PlanKind::Free;
    const bool pro = p.kind == billing::PlanKind::Pro;
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("kind"), kindName(p.kind)},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("rank"), p.rank},
        {QStringLiteral("monthly_credits"), pro ? QJsonValue(p.monthlyCredits) : QJsonValue()},
        {QStringLiteral("daily_credits"), free ? QJsonValue(p.dailyCredits) : QJsonValue()},
        {QStringLiteral("monthly_cap"), free ? QJsonValue(p.monthlyCap) : QJsonValue()},
        {QStringLiteral("seat_limit"), p.seatLimit ? QJsonValue(*p.seatLimit) : QJsonValue()},
        {QStringLiteral("price"), p.price ? QJsonValue(moneyJson(*p.price)) : QJsonValue()},
        {QStringLiteral("price_includes_vat"), p.priceIncludesVat},
        {QStringLiteral("purchasable"), p.purchasable},
        {QStringLiteral("entitlements"), QJsonArray::fromStringList(p.entitlements)},
    };
}

QJsonObject planCatalogJson(const billing::PlanCatalog &catalog)
{
    QJsonArray plans;
    for (const billing::Plan &p : catalog.plans())
        plans.append(planJson(p));
    return {{QStringLiteral("currency"), catalog.currency()}, {QStringLiteral("plans"), plans}};
}

QJsonObject memberJson(const storage::Member &m)
{
    return {
        {QStringLiteral("id"), m.id},
        {QStringLiteral("user_id"), m.userId},
        {QStringLiteral("email"), m.email},
        {QStringLiteral("name"), m.name},
        {QStringLiteral("role"), m.role},
        {QStringLiteral("joined_at"), storage::toRfc3339(m.joinedAt)},
        {QStringLiteral("limit"), m.creditLimit ? QJsonValue(*m.creditLimit) : QJsonValue()},
    };
}

QJsonObject inquiryJson(const storage::EnterpriseInquiry &i, bool full)
{
    QJsonObject o{{QStringLiteral("id"), i.id},
                  {QStringLiteral("workspace_id"), i.workspaceId},
                  {QStringLiteral("contact"), i.contact},
                  {QStringLiteral("seats"), i.seats},
                  {QStringLiteral("created_at"), storage::toRfc3339(i.createdAt)},
                  {QStringLiteral("handled_at"), i.handledAt.isValid() ? QJsonValue(storage::toRfc3339(i.handledAt))
                                                                       : QJsonValue(QJsonValue::Null)}};
    if (full) {
        o.insert(QStringLiteral("workspace_name"), i.workspaceName);
        o.insert(QStringLiteral("user_id"), i.userId);
        o.insert(QStringLiteral("message"), i.message);
        o.insert(QStringLiteral("handled_note"), i.handledNote);
    }
    return o;
}

QJsonObject ssoSettingsJson(storage::Store *store, const storage::SsoSettings &s)
{
    QString breakGlass;
    if (const auto u = s.breakGlassUserId.isEmpty() ? std::nullopt : store->userById(s.breakGlassUserId))
        breakGlass = u->email;
    return {{QStringLiteral("domain"), s.domain},
            {QStringLiteral("domain_verified"), s.domainVerified},
            {QStringLiteral("idp"), saml::idpSummaryJson(s.idpMetadata.toUtf8())},
            {QStringLiteral("enforced"), s.enforced},
            {QStringLiteral("break_glass_email"), breakGlass},
            {QStringLiteral("default_role"), s.defaultRole}};
}

QJsonObject seatsJson(const billing::Plan &plan, int used)
{
    return {{QStringLiteral("used"), used},
            {QStringLiteral("limit"), plan.seatLimit ? QJsonValue(*plan.seatLimit) : QJsonValue()}};
}

bool managedBySales(const billing::Plan &plan, const billing::SubscriptionState &state, bool paymentsOnline)
{
    if (plan.kind == billing::PlanKind::Enterprise)
        return true;
    return paymentsOnline && plan.isPaid() && state.renewal == billing::Renewal::Clock;
}

QJsonObject workspaceJson(storage::Store *store, const storage::Workspace &ws,
                          const billing::SubscriptionState &state, const billing::Plan &plan,
                          const QString &role, billing::Permissions permissions, bool paymentsOnline)
{
    return {
        {QStringLiteral("id"), ws.id},
        {QStringLiteral("name"), ws.name},
        {QStringLiteral("plan"), planJson(plan)},
        {QStringLiteral("subscription"), storage::subscriptionToJson(state)},
        {QStringLiteral("entitlements"), QJsonArray::fromStringList(plan.entitlements)},
        {QStringLiteral("seats"), seatsJson(plan, store->memberCount(ws.id))},
        {QStringLiteral("role"), role},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(billing::permissionNames(permissions))},
        {QStringLiteral("managed_by_sales"), managedBySales(plan, state, paymentsOnline)},
    };
}

QJsonObject workspaceJson(storage::Store *store, const Access &a, bool paymentsOnline)
{
    return workspaceJson(store, a.workspace, a.state, *a.plan, a.role, a.permissions, paymentsOnline);
}

} // namespace http
