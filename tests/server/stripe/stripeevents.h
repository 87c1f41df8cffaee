#pragma once
// Builds Stripe-shaped objects and events (API 2026-10-28: periods on the
// subscription item, invoice.parent.subscription_details, line prices under
// pricing.price_details) for the webhook tests.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace testevents {

inline qint64 ts(const char *rfc3339) { return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate).toSecsSinceEpoch(); }

struct Sub {
    QString id, customer, price, status = QStringLiteral("active"), schedule;
    qint64 created = 0, periodStart = 0, periodEnd = 0, endedAt = 0;
    bool cancelAtPeriodEnd = false;
};

inline QJsonObject subscription(const Sub &s)
{
    QJsonObject item{{"id", "si_" + s.id.mid(4)}, {"object", "subscription_item"},
                     {"price", QJsonObject{{"id", s.price}, {"object", "price"}}},
                     {"quantity", 1}, {"current_period_start", s.periodStart}, {"current_period_end", s.periodEnd}};
    return QJsonObject{{"id", s.id}, {"object", "subscription"}, {"customer", s.customer},
                       {"status", s.status}, {"created", s.created},
                       {"cancel_at_period_end", s.cancelAtPeriodEnd},
                       {"schedule", s.schedule.isEmpty() ? QJsonValue() : QJsonValue(s.schedule)},
                       {"ended_at", s.endedAt ? QJsonValue(s.endedAt) : QJsonValue()},
                       {"metadata", QJsonObject{}},
                       {"items", QJsonObject{{"object", "list"}, {"data", QJsonArray{item}}}}};
}

struct Inv {
    QString id, customer, subscription, reason, price, status = QStringLiteral("paid");
    qint64 created = 0, periodStart = 0, periodEnd = 0, amount = 0;
};

inline QJsonObject invoice(const Inv &i)
{
    QJsonObject line{{"id", "il_" + i.id.mid(3)}, {"object", "line_item"}, {"amount", i.amount},
                     {"period", QJsonObject{{"start", i.periodStart}, {"end", i.periodEnd}}},
                     {"pricing", QJsonObject{{"type", "price_details"},
                                             {"price_details", QJsonObject{{"price", i.price}}}}}};
    QJsonArray lines{line};
    if (i.reason == QLatin1String("subscription_update"))   // the credit for the unused old tier
        lines.prepend(QJsonObject{{"id", "il_c" + i.id.mid(3)}, {"amount", -i.amount / 2},
                                  {"period", QJsonObject{{"start", i.periodStart}, {"end", i.periodEnd}}},
                                  {"pricing", QJsonObject{{"price_details", QJsonObject{{"price", "price_old"}}}}}});
    return QJsonObject{{"id", i.id}, {"object", "invoice"}, {"customer", i.customer},
                       {"billing_reason", i.reason}, {"status", i.status}, {"created", i.created},
                       {"amount_paid", i.status == QLatin1String("paid") ? i.amount : 0}, {"currency", "sek"},
                       {"parent", QJsonObject{{"type", "subscription_details"},
                                              {"subscription_details", QJsonObject{{"subscription", i.subscription}}}}},
                       {"lines", QJsonObject{{"object", "list"}, {"data", lines}}}};
}

inline QJsonObject schedule(const QString &id, const QString &sub, const QString &status,
                            const QString &currentPrice, qint64 start, qint64 end, const QString &nextPrice)
{
    QJsonArray phases{QJsonObject{{"start_date", start}, {"end_date", end},
                                  {"items", QJsonArray{QJsonObject{{"price", currentPrice}, {"quantity", 1}}}}},
                      QJsonObject{{"start_date", end}, {"end_date", end + 31 * 86400},
                                  {"items", QJsonArray{QJsonObject{{"price", nextPrice}, {"quantity", 1}}}}}};
    return QJsonObject{{"id", id}, {"object", "subscription_schedule"}, {"status", status},
                       {"subscription", status == QLatin1String("released") ? QJsonValue() : QJsonValue(sub)},
                       {"released_subscription", status == QLatin1String("released") ? QJsonValue(sub) : QJsonValue()},
                       {"current_phase", status == QLatin1String("active") ? QJsonValue(QJsonObject{{"start_date", start}, {"end_date", end}}) : QJsonValue()},
                       {"end_behavior", "release"}, {"phases", phases}};
}

inline QJsonObject stripeEvent(const QString &id, const QString &type, qint64 created, const QJsonObject &object)
{
    return QJsonObject{{"id", id}, {"object", "event"}, {"type", type}, {"created", created},
                       {"api_version", "2026-10-28.endive"}, {"livemode", false},
                       {"data", QJsonObject{{"object", object}}}};
}

} // namespace testevents
