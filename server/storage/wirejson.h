#pragma once
// The API's JSON shapes for what the store hands out (api/openapi.yaml), in
// one place: the store needs them for NOTIFY payloads and stored idempotent
// answers, the HTTP layer for its responses.
#include "store.h"

#include <QJsonObject>
#include <optional>

namespace storage {

QString toRfc3339(const QDateTime &t);                 // "2026-12-10T00:00:00Z" (ms kept when present)
QDateTime fromRfc3339(const QString &s);               // invalid on bad input

QJsonObject balanceToJson(const BalanceInfo &b);       // the Balance schema ("forecast" when b.forecast is set)
// A member's own limit in the Balance schema: {"limit", "used"} ("member_limit" when b.memberLimit is set).
QJsonObject memberLimitToJson(const billing::MemberLimit &m);
QJsonObject forecastToJson(const billing::Forecast &f); // the Forecast schema
std::optional<BalanceInfo> balanceFromJson(const QJsonObject &o);
QJsonObject usageEntryToJson(const UsageEntry &e);     // the UsageEntry schema
QJsonObject subscriptionToJson(const billing::SubscriptionState &s); // the Subscription schema

} // namespace storage
