#pragma once
#include <QQmlEngine>
#include <QAbstractListModel>
#include <QJsonArray>

// One breakdown of a month's usage (per activity, project or member), largest
// first. A plain vector behind a list model: fine for thousands of rows.
class UsageBreakdownModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles { NameRole = Qt::UserRole + 1, CreditsRole, ShareRole, KeyRole, DetailRole };
    Q_ENUM(Roles)

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // nameKey names the label field ("activity", "project", "name");
    // keyKey an optional id field ("member_id"), detailKey e.g. "email".
    void set(const QJsonArray &rows, const QString &nameKey, const QString &keyKey = {}, const QString &detailKey = {});

Q_SIGNALS:
    void countChanged();

private:
    struct Row { QString name, key, detail; qint64 credits = 0; };
    QList<Row> m_rows;
    qint64 m_total = 0;
};
