#pragma once
// Stripe's request encoding: application/x-www-form-urlencoded with nested
// keys: a[b]=v for objects, a[0][b]=v for lists; a null value is sent as
// "key=" (which clears the field at Stripe).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

namespace stripe {

class FormParams
{
public:
    FormParams() = default;
    FormParams &add(const QString &key, const QString &value);
    FormParams &add(const QString &key, qint64 value);
    FormParams &add(const QString &key, bool value);
    // Flattens a nested QVariantMap / QVariantList under `prefix` (empty = top level).
    FormParams &addNested(const QString &prefix, const QVariant &value);

    QByteArray encode() const;
    QString value(const QString &key) const;   // first value for key, for tests and logs
    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }
    bool isEmpty() const { return m_pairs.isEmpty(); }

private:
    QList<QPair<QString, QString>> m_pairs;
};

} // namespace stripe
