#pragma once
// Prices come from the plan catalog (data/plans.json): every plan with a
// stripe_price_id becomes a monthly recurring price in the catalog currency.
#include <QJsonObject>
#include <QList>
#include <QString>

class Catalog
{
public:
    bool load(const QString &file, QString *error);
    QJsonObject price(const QString &id) const; // empty when unknown
    QList<QJsonObject> prices() const { return m_prices; }
    QJsonObject product(const QString &id) const;
    QString planName(const QString &priceId) const;

private:
    QList<QJsonObject> m_prices;
    QList<QJsonObject> m_products;
};
