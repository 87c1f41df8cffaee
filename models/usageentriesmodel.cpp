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
    ++m_generation;
    const bool wasLoading = m_loading;
    beginResetModel();
    m_rows.clear();
    m_month = month;
    m_period = period;
    m_cursor.clear();
    m_atEnd = !Session::instance()->isReady();
    m_loading = false; // before endResetModel: a view may fetch the first page right then
    endResetModel();
    if (wasLoading && !m_loading)
        Q_EMIT loadingChanged();
    setError({});
    Q_EMIT countChanged();
    fetchMore({}); // no-op if a view already asked
}

bool UsageEntriesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
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
    setLoading(true);
    const int generation = m_generation;
    s->api()->get(s->workspacePath(QStringLiteral("/usage/entries")), q, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return; // a page for a month we left
        if (!r.ok()) {
            setLoading(false);
            return setError(r.error.message);
        }
        const QJsonArray entries = r.object().value(QLatin1String("entries")).toArray();
        m_cursor = r.object().value(QLatin1String("next_cursor")).toString();
        m_atEnd = m_cursor.isEmpty();
        setLoading(false);
        setError({});
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

void UsageEntriesModel::setLoading(bool l)
{
    if (l == m_loading)
        return;
    m_loading = l;
    Q_EMIT loadingChanged();
}

void UsageEntriesModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    Q_EMIT errorChanged();
}
