#pragma once
// Decodes Stripe's form encoding (a[b]=v, a[0][b]=v, a[]=v, empty value = null)
// into nested JSON. Leaf values stay strings; the handlers convert them.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace FormDecoder {
// Throws ApiError (400) on malformed names or conflicting keys.
QJsonObject decode(const QByteArray &encoded);
// A canonical, order-independent rendering of decoded params (for idempotency).
QByteArray canonical(const QJsonObject &params);
}
