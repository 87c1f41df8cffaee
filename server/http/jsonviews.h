#pragma once
// JSON shapes of api/openapi.yaml that belong to the HTTP layer (the store's
// shapes, Balance/UsageEntry/Subscription, live in storage/wirejson.h).
#include "workspaceaccess.h"

#include "billing/plancatalog.h"
#include "storage/store.h"

#include <QJsonObject>

namespace http {

QJsonObject moneyJson(const billing::Money &m);
QJsonObject planJson(const billing::Plan &plan);
QJsonObject planCatalogJson(const billing::PlanCatalog &catalog);
QJsonObject memberJson(const storage::Member &m);
// An enterprise inquiry; `full` adds who asked and the message (operators only).
QJsonObject inquiryJson(const storage::EnterpriseInquiry &i, bool full);
QJsonObject seatsJson(const billing::Plan &plan, int used);
// A workspace's SSO settings as the settings API and `admin show-sso` show them:
// domain, domain_verified, idp (summary of its metadata), enforced,
// break_glass_email, default_role.
QJsonObject ssoSettingsJson(storage::Store *store, const storage::SsoSettings &s);
// Whether the plan changes only through Kliv's sales team: Enterprise always;
// a paid plan an operator set (renews by the clock, no online subscription)
// while a payment provider is configured. The one rule behind both the
// workspace's "managed_by_sales" and the 409 managed_by_admin answers.
bool managedBySales(const billing::Plan &plan, const billing::SubscriptionState &state, bool paymentsOnline);
// The Workspace schema as seen by a caller with `role` and `permissions`.
QJsonObject workspaceJson(storage::Store *store, const storage::Workspace &ws,
                          const billing::SubscriptionState &state, const billing::Plan &plan,
                          const QString &role, billing::Permissions permissions, bool paymentsOnline);
QJsonObject workspaceJson(storage::Store *store, const Access &a, bool paymentsOnline);

} // namespace http
