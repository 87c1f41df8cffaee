#include "formencoder.h"

#include <QUrl>
#include <QVariantMap>

namespace stripe {

namespace {

QByteArray percent(const QString &s)
{
    // Encode everything but unreserved characters; brackets too, as Stripe's SDKs do.
    return QUrl::toPercentEncoding(s);
}

} // namespace

FormParams &FormParams::add(const QString &key, const QString &value)
{
    m_pairs.append({key, value});
    return *this;
}

FormParams &FormParams::add(const QString &key, qint64 value)
{
    return add(key, QString::number(value));
}

FormParams &FormParams::add(const QString &key, bool value)
{
    return add(key, value ? QStringLiteral("true") : QStringLiteral("false"));
}

FormParams &FormParams::addNested(const QString &prefix, const QVariant &value)
{
    const auto child = [&prefix](const QString &k) {
        return prefix.isEmpty() ? k : prefix + QLatin1Char('[') + k + QLatin1Char(']');
    };
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            addNested(child(it.key()), it.value());
        break;
    }
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        for (int i = 0; i < list.size(); ++i)
            addNested(child(QString::number(i)), list.at(i));
        break;
    }
    case QMetaType::Bool:
        add(prefix, value.toBool());
        break;
    default:
        add(prefix, value.isNull() ? QString() : value.toString());
    }
    return *this;
}

QByteArray FormParams::encode() const
{
    QByteArray out;
    for (const auto &[k, v] : m_pairs) {
        if (!out.isEmpty())
            out += '&';
        out += percent(k) + '=' + percent(v);
    }
    return out;
}

QString FormParams::value(const QString &key) const
{
    for (const auto &[k, v] : m_pairs) {
        if (k == key)
            return v;
    }
    return {};
}

} // namespace stripe
