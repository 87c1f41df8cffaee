#include "dailyusagemodel.h"

#include "format.h"

#include <QJsonObject>
#include <limits>

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
    m_axis = niceAxis(m_max);
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

bool DailyUsageModel::isToday(int row) const
{
    return row >= 0 && row < m_days.size() && m_days.at(row).date == QDateTime::currentDateTimeUtc().date();
}

DailyUsageModel::Axis DailyUsageModel::niceAxis(qint64 maxValue, int maxIntervals)
{
    const qint64 top = qMax<qint64>(maxValue, 5);
    const int intervals = qMax(1, maxIntervals);
    for (qint64 power = 1;; power *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            const qint64 step = m * power;
            const qint64 n = (top + step - 1) / step;
            if (n <= intervals)
                return Axis{n * step, step};
        }
        if (power > std::numeric_limits<qint64>::max() / 100)
            return Axis{top, top};
    }
}
