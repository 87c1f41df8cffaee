#pragma once
#include <QQmlEngine>
#include <QAbstractListModel>
#include <QJsonArray>
#include <QStringList>

// The caller's memberships, from /v1/me, with the plan and role as the
// switcher shows them ("Pro 200 · Ägare").
class WorkspaceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles { WorkspaceIdRole = Qt::UserRole + 1, NameRole, RoleRole, PlanIdRole, PermissionsRole,
                 PlanNameRole, RoleNameRole, DetailRole };
    Q_ENUM(Roles)
    struct Item {
        QString workspaceId, name, role, planId;
        QStringList permissions;
    };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setMemberships(const QJsonArray &memberships);
    void clear();
    // The plan names arrived (or changed language): the texts are asked again.
    void refreshTexts();
    const Item *find(const QString &workspaceId) const;
    const QList<Item> &items() const { return m_items; }

Q_SIGNALS:
    void countChanged();

private:
    QList<Item> m_items;
};
