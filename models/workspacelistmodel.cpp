#include "workspacelistmodel.h"

#include "membermodel.h"
#include "session.h"

#include <QCoreApplication>
#include <QJsonObject>

QVariant WorkspaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &it = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return it.name;
    case WorkspaceIdRole: return it.workspaceId;
    case RoleRole: return it.role;
    case PlanIdRole: return it.planId;
    case PermissionsRole: return it.permissions;
    case PlanNameRole: return Session::instance()->planName(it.planId);
    case RoleNameRole: return MemberModel::roleText(it.role);
    case DetailRole:
        return QCoreApplication::translate("WorkspaceListModel", "%1 · %2")
            .arg(Session::instance()->planName(it.planId), MemberModel::roleText(it.role));
    }
    return {};
}

QHash<int, QByteArray> WorkspaceListModel::roleNames() const
{
    return {{WorkspaceIdRole, "workspaceId"}, {NameRole, "name"}, {RoleRole, "role"},
            {PlanIdRole, "planId"}, {PermissionsRole, "permissions"}, {PlanNameRole, "planName"},
            {RoleNameRole, "roleName"}, {DetailRole, "detail"}};
}

void WorkspaceListModel::setMemberships(const QJsonArray &memberships)
{
    beginResetModel();
    m_items.clear();
    for (const auto &v : memberships) {
        const QJsonObject m = v.toObject();
        Item it;
        it.workspaceId = m.value(QLatin1String("workspace_id")).toString();
        it.name = m.value(QLatin1String("workspace_name")).toString();
        it.role = m.value(QLatin1String("role")).toString();
        it.planId = m.value(QLatin1String("plan_id")).toString();
        for (const auto &p : m.value(QLatin1String("permissions")).toArray())
            it.permissions << p.toString();
        if (!it.workspaceId.isEmpty())
            m_items << it;
    }
    endResetModel();
    Q_EMIT countChanged();
}

void WorkspaceListModel::clear()
{
    setMemberships({});
}

const WorkspaceListModel::Item *WorkspaceListModel::find(const QString &workspaceId) const
{
    for (const auto &it : m_items)
        if (it.workspaceId == workspaceId)
            return &it;
    return nullptr;
}

void WorkspaceListModel::refreshTexts()
{
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {PlanNameRole, RoleNameRole, DetailRole});
}
