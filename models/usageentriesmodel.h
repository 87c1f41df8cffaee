#pragma once
#include <QQmlEngine>
#include <QAbstractListModel>
#include <QDateTime>

// A month's usage entries, newest first, fetched page by page over the
// server's cursor (canFetchMore/fetchMore, as views ask for them).
class UsageEntriesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    enum Roles { AtRole = Qt::UserRole + 1, AtTextRole, MemberNameRole, ProjectRole, ActivityRole, CreditsRole, IdRole };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Starts over for a month ("YYYY-MM"; empty = the server's current one),
    // or for period "cycle": the current billing cycle (Free: the month).
    void reset(const QString &month, const QString &period = {});
    void setPageSize(int n) { m_pageSize = n; }
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void errorChanged();

private:
    struct Row { QString id, memberName, project, activity; QDateTime at; qint64 credits = 0; };
    void setLoading(bool l);
    void setError(const QString &e);

    QList<Row> m_rows;
    QString m_month;
    QString m_period;
    QString m_cursor;
    bool m_atEnd = true;
    bool m_loading = false;
    QString m_error;
    int m_generation = 0;
    int m_pageSize = 100;
};
