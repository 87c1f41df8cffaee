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
// The Workspace schema as seen by a caller with `role` and `permissions`.
QJsonObject workspaceJson(storage::Store *store, const storage::Workspace &ws,
                          const billing::SubscriptionState &state, const billing::Plan &plan,
                          const QString &role, billing::Permissions permissions);
QJsonObject workspaceJson(storage::Store *store, const Access &a);

} // namespace http
