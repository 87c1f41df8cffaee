#include "catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
// A fixed creation time keeps the catalog's objects identical across restarts.
constexpr qint64 kCatalogCreated = 1767225600; // 2026-01-01T00:00:00Z
}

bool Catalog::load(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read plan catalog %1").arg(file);
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("plan catalog %1 is not valid JSON: %2").arg(file, pe.errorString());
        return false;
    }
    const QString currency = doc["currency"].toString().toLower();
    if (currency.size() != 3) {
        *error = QStringLiteral("plan catalog %1 has no currency").arg(file);
        return false;
    }
    for (const QJsonValue &v : doc["plans"].toArray()) {
        const QJsonObject plan = v.toObject();
        const QString priceId = plan["stripe_price_id"].toString();
        if (priceId.isEmpty())
            continue;
        if (!plan["price"].isDouble() || plan["price"].toInteger() < 0) {
            *error = QStringLiteral("plan %1 has a Stripe price but no valid price").arg(plan["id"].toString());
            return false;
        }
        const qint64 amount = plan["price"].toInteger();
        const QString productId = "prod_" + plan["id"].toString().replace('-', '_');
        m_products.append(QJsonObject{
            {"id", productId}, {"object", "product"}, {"active", true}, {"created", kCatalogCreated},
            {"name", plan["name"].toString()}, {"livemode", false}, {"default_price", priceId},
            {"metadata", QJsonObject{{"plan", plan["id"].toString()}}}, {"description", QJsonValue()},
            {"type", "service"}, {"updated", kCatalogCreated}});
        m_prices.append(QJsonObject{
            {"id", priceId}, {"object", "price"}, {"active", plan["purchasable"].toBool(true)},
            {"billing_scheme", "per_unit"}, {"created", kCatalogCreated}, {"currency", currency},
            {"custom_unit_amount", QJsonValue()}, {"livemode", false},
            {"lookup_key", plan["id"].toString()},
            {"metadata", QJsonObject{{"plan", plan["id"].toString()}}},
            {"nickname", plan["name"].toString()}, {"product", productId},
            {"recurring", QJsonObject{{"interval", "month"}, {"interval_count", 1}, {"meter", QJsonValue()},
                                      {"usage_type", "licensed"}, {"trial_period_days", QJsonValue()}}},
            {"tax_behavior", "unspecified"}, {"tiers_mode", QJsonValue()},
            {"transform_quantity", QJsonValue()}, {"type", "recurring"}, {"unit_amount", amount},
            {"unit_amount_decimal", QString::number(amount)}});
    }
    if (m_prices.isEmpty()) {
        *error = QStringLiteral("plan catalog %1 has no plan with a stripe_price_id").arg(file);
        return false;
    }
    return true;
}

QJsonObject Catalog::price(const QString &id) const
{
    for (const QJsonObject &p : m_prices)
        if (p["id"].toString() == id)
            return p;
    return {};
}

QJsonObject Catalog::product(const QString &id) const
{
    for (const QJsonObject &p : m_products)
        if (p["id"].toString() == id)
            return p;
    return {};
}

QString Catalog::planName(const QString &priceId) const
{
    const QJsonObject p = price(priceId);
    return p.isEmpty() ? priceId : p["nickname"].toString();
}
