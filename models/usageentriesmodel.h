#pragma once
#include "requestmodel.h"

#include <QQmlEngine>
#include <QDateTime>

// A month's usage entries, newest first, fetched page by page over the
// server's cursor (canFetchMore/fetchMore, as views ask for them).
class UsageEntriesModel : public RequestModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles { AtRole = Qt::UserRole + 1, AtTextRole, MemberNameRole, ProjectRole, ActivityRole, CreditsRole, IdRole };
    Q_ENUM(Roles)

    using RequestModel::RequestModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Starts over for a month ("YYYY-MM"; empty = the server's current one),
    // or for period "cycle": the current billing cycle (Free: the month).
    void reset(const QString &month, const QString &period = {});
    void setPageSize(int n) { m_pageSize = n; }

Q_SIGNALS:
    void countChanged();

private:
    struct Row { QString id, memberName, project, activity; QDateTime at; qint64 credits = 0; };

    QList<Row> m_rows;
    QString m_month;
    QString m_period;
    QString m_cursor;
    bool m_atEnd = true;
    int m_pageSize = 100;
};
