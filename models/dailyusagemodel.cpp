#include "dailyusagemodel.h"

#include "format.h"

#include <QJsonObject>

QVariant DailyUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Day &d = m_days.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == 0 ? QVariant(d.date.day()) : QVariant(d.credits);
    switch (role) {
    case DayRole: return d.date.day();
    case CreditsRole: return d.credits;
    case DateRole: return d.date;
    case DateTextRole: return Format::locale().toString(d.date, QStringLiteral("d MMM"));
    }
    return {};
}

QVariant DailyUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section == 0 ? tr("Dag") : tr("Krediter");
    return section + 1;
}

QHash<int, QByteArray> DailyUsageModel::roleNames() const
{
    auto r = QAbstractTableModel::roleNames();
    r.insert(DayRole, "day");
    r.insert(CreditsRole, "credits");
    r.insert(DateRole, "date");
    r.insert(DateTextRole, "dateText");
    return r;
}

void DailyUsageModel::set(const QJsonArray &days)
{
    beginResetModel();
    m_days.clear();
    m_max = 0;
    for (const auto &v : days) {
        const QJsonObject o = v.toObject();
        Day d{QDate::fromString(o.value(QLatin1String("date")).toString(), Qt::ISODate),
              o.value(QLatin1String("credits")).toInteger()};
        if (!d.date.isValid())
            continue;
        m_max = qMax(m_max, d.credits);
        m_days << d;
    }
    endResetModel();
    Q_EMIT countChanged();
}

int DailyUsageModel::creditsAt(int row) const
{
    return row >= 0 && row < m_days.size() ? int(m_days.at(row).credits) : 0;
}

QString DailyUsageModel::labelAt(int row) const
{
    if (row < 0 || row >= m_days.size())
        return {};
    const Day &d = m_days.at(row);
    return tr("%1: %2").arg(Format::locale().toString(d.date, QStringLiteral("d MMM")), Format::credits(d.credits));
}
