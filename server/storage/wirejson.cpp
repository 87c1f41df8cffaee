#include "wirejson.h"

namespace storage {

QString toRfc3339(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime u = t.toUTC();
    return u.toString(u.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

QDateTime fromRfc3339(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {};
    return t.toUTC();
}

namespace {
QJsonValue instant(const QDateTime &t) { return t.isValid() ? QJsonValue(toRfc3339(t)) : QJsonValue(); }
}

QJsonObject balanceToJson(const BalanceInfo &info)
{
    const billing::Balance &b = info.balance;
    QJsonObject o{
        {QStringLiteral("remaining"), b.remaining},
        {QStringLiteral("allowance"), b.allowance},
        {QStringLiteral("used"), b.used},
        {QStringLiteral("period"), QJsonObject{
             {QStringLiteral("kind"), b.periodKind == billing::PeriodKind::Day ? QStringLiteral("day") : QStringLiteral("cycle")},
             {QStringLiteral("start"), instant(b.periodStart)},
             {QStringLiteral("end"), instant(b.periodEnd)}}},
        {QStringLiteral("next_refill_at"), instant(b.nextRefillAt)},
        {QStringLiteral("monthly_cap_reached"), b.monthlyCapReached},
        {QStringLiteral("plan_id"), info.planId},
        {QStringLiteral("as_of"), instant(info.asOf)},
    };
    if (b.monthlyCap)
        o.insert(QStringLiteral("monthly_cap"), QJsonObject{{QStringLiteral("used"), b.monthlyCap->used},
                                                            {QStringLiteral("cap"), b.monthlyCap->cap}});
    else
        o.insert(QStringLiteral("monthly_cap"), QJsonValue());
    return o;
}

std::optional<BalanceInfo> balanceFromJson(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("remaining")).isDouble() || !o.value(QStringLiteral("period")).isObject())
        return std::nullopt;
    BalanceInfo info;
    billing::Balance &b = info.balance;
    b.remaining = o.value(QStringLiteral("remaining")).toInteger();
    b.allowance = o.value(QStringLiteral("allowance")).toInteger();
    b.used = o.value(QStringLiteral("used")).toInteger();
    const QJsonObject p = o.value(QStringLiteral("period")).toObject();
    b.periodKind = p.value(QStringLiteral("kind")).toString() == QLatin1String("cycle") ? billing::PeriodKind::Cycle
                                                                                       : billing::PeriodKind::Day;
    b.periodStart = fromRfc3339(p.value(QStringLiteral("start")).toString());
    b.periodEnd = fromRfc3339(p.value(QStringLiteral("end")).toString());
    b.nextRefillAt = fromRfc3339(o.value(QStringLiteral("next_refill_at")).toString());
    b.monthlyCapReached = o.value(QStringLiteral("monthly_cap_reached")).toBool();
    if (o.value(QStringLiteral("monthly_cap")).isObject()) {
        const QJsonObject c = o.value(QStringLiteral("monthly_cap")).toObject();
        b.monthlyCap = billing::Balance::MonthlyCap{c.value(QStringLiteral("used")).toInteger(),
                                                    c.value(QStringLiteral("cap")).toInteger()};
    }
    info.planId = o.value(QStringLiteral("plan_id")).toString();
    info.asOf = fromRfc3339(o.value(QStringLiteral("as_of")).toString());
    return info;
}

QJsonObject usageEntryToJson(const UsageEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("at"), instant(e.at)},
        {QStringLiteral("member_id"), e.memberId},
        {QStringLiteral("member_name"), e.memberName},
        {QStringLiteral("project"), e.project},
        {QStringLiteral("activity"), e.activity},
        {QStringLiteral("credits"), e.credits},
    };
}

QJsonObject subscriptionToJson(const billing::SubscriptionState &s)
{
    QJsonValue pending;
    if (s.pendingDowngrade)
        pending = QJsonObject{{QStringLiteral("tier"), s.pendingDowngrade->tier},
                              {QStringLiteral("effective_at"), instant(s.pendingDowngrade->effectiveAt)}};
    return QJsonObject{
        {QStringLiteral("status"), billing::statusToString(s.status)},
        {QStringLiteral("tier"), s.planId},
        {QStringLiteral("period_start"), instant(s.periodStart)},
        {QStringLiteral("period_end"), instant(s.periodEnd)},
        {QStringLiteral("cancel_at_period_end"), s.cancelAtPeriodEnd},
        {QStringLiteral("pending_change"), pending},
        {QStringLiteral("cycle_funded"), s.cycleFunded},
    };
}

} // namespace storage
