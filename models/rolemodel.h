#pragma once
#include "requestmodel.h"

#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

// The workspace's roles: the built-in ones (owner, admin, member) and the
// Enterprise custom roles, each with its permissions in plain Swedish and how
// many members hold it; create, edit (rename and/or permissions), delete.
class RoleModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // For the member role pickers: [{value, text}] of member, admin and the custom roles.
    Q_PROPERTY(QVariantList choices READ choices NOTIFY countChanged)
    // Every permission in the server's order: [{name, text, held, reason}] for the editor.
    Q_PROPERTY(QVariantList permissionChoices READ permissionChoices NOTIFY permissionsChanged)
public:
    enum Roles { NameRole = Qt::UserRole + 1, DisplayNameRole, BuiltInRole, PermissionsRole, PermissionLinesRole,
                 MembersRole, MembersTextRole };
    Q_ENUM(Roles)

    explicit RoleModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantList choices() const;
    QVariantList permissionChoices() const;
    // The stable wire names (server/billing/permissions.h), in order.
    static QStringList allPermissions();
    // One line of plain Swedish per permission ("" for an unknown name).
    Q_INVOKABLE static QString permissionText(const QString &permission);
    // The sentence of a 409 role_in_use: how many members hold the role.
    static QString inUseText(int members);

    Q_INVOKABLE void reload();
    Q_INVOKABLE void create(const QString &name, const QStringList &permissions);
    // newName empty or unchanged: only the permissions.
    Q_INVOKABLE void update(const QString &name, const QString &newName, const QStringList &permissions);
    Q_INVOKABLE void remove(const QString &name);

Q_SIGNALS:
    void countChanged();
    void permissionsChanged();
    void actionDone(const QString &action);      // "create" | "update" | "delete"
    void actionFailed(const QString &action, const QString &message);

private:
    struct Row { QString name; bool builtIn = false; QStringList permissions; int members = 0; };
    static QString rolePath(const QString &name);
    void afterChange(const QString &action);
    ApiCallback failure(const QString &action);

    QList<Row> m_rows;
};
