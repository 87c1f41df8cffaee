#include "wirejson.h"

namespace storage {

QString toRfc3339(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    // Hot (every answer carries several instants): formatted by hand, the same
    // text as Qt::ISODate / Qt::ISODateWithMs in UTC. Days to civil date after
    // H. Hinnant's days_from_civil inverse.
    const qint64 ms = t.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const qint64 inDay = ms - days * 86400000;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2);
    if (year < 0 || year > 9999) {
        const QDateTime u = t.toUTC();
        return u.toString(u.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
    }
    const int msec = int(inDay % 1000), sec = int(inDay / 1000 % 60), min = int(inDay / 60000 % 60),
              hour = int(inDay / 3600000);
    char buf[32];
    auto two = [](char *p, int v) { p[0] = char('0' + v / 10); p[1] = char('0' + v % 10); };
    const int y = int(year);
    buf[0] = char('0' + y / 1000); buf[1] = char('0' + y / 100 % 10); buf[2] = char('0' + y / 10 % 10); buf[3] = char('0' + y % 10);
    buf[4] = '-'; two(buf + 5, month); buf[7] = '-'; two(buf + 8, day); buf[10] = 'T';
    two(buf + 11, hour); buf[13] = ':'; two(buf + 14, min); buf[16] = ':'; two(buf + 17, sec);
    int n = 19;
    if (msec) {
        buf[n++] = '.';
        buf[n++] = char('0' + msec / 100);
        buf[n++] = char('0' + msec / 10 % 10);
        buf[n++] = char('0' + msec % 10);
    }
    buf[n++] = 'Z';
    return QString::fromLatin1(buf, n);
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

QJsonObject forecastToJson(const billing::Forecast &f)
{
    QJsonValue month;
    if (f.month)
        month = QJsonObject{{QStringLiteral("remaining"), f.month->remaining},
                            {QStringLiteral("runs_out_at"), instant(f.month->runsOutAt)},
                            {QStringLiteral("lasts_until_reset"), f.month->lastsUntilReset},
                            {QStringLiteral("reset_at"), instant(f.month->resetAt)}};
    return QJsonObject{
        {QStringLiteral("runs_out_at"), instant(f.runsOutAt)},
        {QStringLiteral("lasts_until_reset"), f.lastsUntilReset},
        {QStringLiteral("reset_at"), instant(f.resetAt)},
        {QStringLiteral("window_start"), f.windowStart.toString(Qt::ISODate)},
        {QStringLiteral("window_days"), f.windowDays},
        {QStringLiteral("window_used"), f.windowUsed},
        {QStringLiteral("daily_rate"), f.dailyRate},
        {QStringLiteral("month"), month},
    };
}

QJsonObject memberLimitToJson(const billing::MemberLimit &m)
{
    return {{QStringLiteral("limit"), m.limit}, {QStringLiteral("used"), m.used}};
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
    if (info.forecast)
        o.insert(QStringLiteral("forecast"), forecastToJson(*info.forecast));
    if (info.memberLimit)
        o.insert(QStringLiteral("member_limit"), memberLimitToJson(*info.memberLimit));
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
