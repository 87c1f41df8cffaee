#include "usageentriesmodel.h"

#include "format.h"
#include "session.h"

#include <QJsonArray>

QVariant UsageEntriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case AtRole: return r.at;
    case AtTextRole: return Format::shortDate(r.at) + QLatin1Char(' ') + Format::time(r.at);
    case MemberNameRole: return r.memberName;
    case ProjectRole: return r.project;
    case Qt::DisplayRole:
    case ActivityRole: return r.activity;
    case CreditsRole: return r.credits;
    case IdRole: return r.id;
    }
    return {};
}

QHash<int, QByteArray> UsageEntriesModel::roleNames() const
{
    return {{AtRole, "at"}, {AtTextRole, "atText"}, {MemberNameRole, "memberName"}, {ProjectRole, "project"},
            {ActivityRole, "activity"}, {CreditsRole, "credits"}, {IdRole, "entryId"}};
}

void UsageEntriesModel::reset(const QString &month, const QString &period)
{
    // A page still coming is for the month we leave; loading ends before
    // endResetModel, where a view may fetch the first page.
    abandonRequests();
    beginResetModel();
    m_rows.clear();
    m_month = month;
    m_period = period;
    m_cursor.clear();
    m_atEnd = !Session::instance()->isReady();
    endResetModel();
    setError({});
    Q_EMIT countChanged();
    fetchMore({}); // no-op if a view already asked
}

bool UsageEntriesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !loading();
}

void UsageEntriesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Session *s = Session::instance();
    QUrlQuery q;
    if (!m_period.isEmpty())
        q.addQueryItem(QStringLiteral("period"), m_period);
    else if (!m_month.isEmpty())
        q.addQueryItem(QStringLiteral("month"), m_month);
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!m_cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(m_cursor)));
    run({"GET", s->workspacePath(QStringLiteral("/usage/entries")), q}, CurrentWorkspace, [this](const ApiResult &r) {
        const QJsonArray entries = r.object().value(QLatin1String("entries")).toArray();
        m_cursor = r.object().value(QLatin1String("next_cursor")).toString();
        m_atEnd = m_cursor.isEmpty();
        if (!entries.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + entries.size() - 1));
            for (const auto &v : entries) {
                const QJsonObject o = v.toObject();
                m_rows << Row{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("member_name")).toString(),
                              o.value(QLatin1String("project")).toString(), o.value(QLatin1String("activity")).toString(),
                              Format::parseInstant(o.value(QLatin1String("at")).toString()),
                              o.value(QLatin1String("credits")).toInteger()};
            }
            endInsertRows();
            Q_EMIT countChanged();
        }
    });
}
