#include "usagebreakdownmodel.h"

#include <QJsonObject>
#include <algorithm>

QVariant UsageBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case CreditsRole: return r.credits;
    case ShareRole: return m_total > 0 ? qreal(r.credits) / qreal(m_total) : 0.0;
    case KeyRole: return r.key;
    case DetailRole: return r.detail;
    }
    return {};
}

QHash<int, QByteArray> UsageBreakdownModel::roleNames() const
{
    return {{NameRole, "name"}, {CreditsRole, "credits"}, {ShareRole, "share"}, {KeyRole, "key"}, {DetailRole, "detail"}};
}

void UsageBreakdownModel::set(const QJsonArray &rows, const QString &nameKey, const QString &keyKey, const QString &detailKey)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rows.size());
    m_total = 0;
    for (const auto &v : rows) {
        const QJsonObject o = v.toObject();
        Row r;
        r.name = o.value(nameKey).toString();
        r.key = keyKey.isEmpty() ? r.name : o.value(keyKey).toString();
        r.detail = detailKey.isEmpty() ? QString() : o.value(detailKey).toString();
        r.credits = o.value(QLatin1String("credits")).toInteger();
        m_total += r.credits;
        m_rows << r;
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.credits > b.credits; });
    endResetModel();
    Q_EMIT countChanged();
}
