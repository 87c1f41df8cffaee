#include "rolemodel.h"

#include "logging.h"
#include "membermodel.h"
#include "session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <QUrl>

RoleModel::RoleModel(QObject *parent)
    : RequestModel(parent)
{
    connect(Session::instance(), &Session::workspaceReady, this, &RoleModel::reload);
    connect(Session::instance(), &Session::currentWorkspaceIdChanged, this, &RoleModel::permissionsChanged);
    QTimer::singleShot(0, this, &RoleModel::reload);
}

QStringList RoleModel::allPermissions()
{
    return {QStringLiteral("view_own_usage"), QStringLiteral("view_team_usage"), QStringLiteral("view_billing"),
            QStringLiteral("manage_plan"), QStringLiteral("manage_members")};
}

QString RoleModel::permissionText(const QString &permission)
{
    if (permission == QLatin1String("view_own_usage"))
        return QCoreApplication::translate("RoleModel", "Se sina egna krediter och sin användning");
    if (permission == QLatin1String("view_team_usage"))
        return QCoreApplication::translate("RoleModel", "Se hela teamets användning, per medlem");
    if (permission == QLatin1String("view_billing"))
        return QCoreApplication::translate("RoleModel", "Se fakturor och betalningsmetoder");
    if (permission == QLatin1String("manage_plan"))
        return QCoreApplication::translate("RoleModel", "Byta och avsluta planen");
    if (permission == QLatin1String("manage_members"))
        return QCoreApplication::translate("RoleModel", "Bjuda in, ta bort och ändra roller för teammedlemmar");
    return {};
}

QString RoleModel::inUseText(int members)
{
    return QCoreApplication::translate("RoleModel", "%n teammedlemmar har den här rollen. Ge dem en annan roll först.",
                                       "", members);
}

QString RoleModel::rolePath(const QString &name)
{
    return Session::instance()->workspacePath(QStringLiteral("/roles/") + QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

void RoleModel::reload()
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"GET", s->workspacePath(QStringLiteral("/roles"))}, CurrentWorkspace, [this](const ApiResult &r) {
        beginResetModel();
        m_rows.clear();
        for (const auto &v : r.object().value(QLatin1String("roles")).toArray()) {
            const QJsonObject o = v.toObject();
            Row row{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("built_in")).toBool(), {},
                    o.value(QLatin1String("members")).toInt()};
            for (const auto &p : o.value(QLatin1String("permissions")).toArray())
                row.permissions << p.toString();
            m_rows << row;
        }
        endResetModel();
        Q_EMIT countChanged();
    });
}

void RoleModel::create(const QString &name, const QStringList &permissions)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"POST", s->workspacePath(QStringLiteral("/roles")), {},
         {{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}}},
        AnyWorkspace, [this](const ApiResult &) { afterChange(QStringLiteral("create")); }, failure(QStringLiteral("create")));
}

void RoleModel::update(const QString &name, const QString &newName, const QStringList &permissions)
{
    if (!Session::instance()->isReady())
        return;
    QJsonObject body{{QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}};
    if (!newName.trimmed().isEmpty() && newName.trimmed() != name)
        body.insert(QStringLiteral("name"), newName.trimmed());
    run({"PATCH", rolePath(name), {}, body}, AnyWorkspace,
        [this](const ApiResult &) { afterChange(QStringLiteral("update")); }, failure(QStringLiteral("update")));
}

void RoleModel::remove(const QString &name)
{
    if (!Session::instance()->isReady())
        return;
    run({"DELETE", rolePath(name)}, AnyWorkspace, [this](const ApiResult &) { afterChange(QStringLiteral("delete")); },
        failure(QStringLiteral("delete")));
}

ApiCallback RoleModel::failure(const QString &action)
{
    return [this, action](const ApiResult &r) {
        QString message = r.error.message;
        // The server counts the holders; the sentence is ours, in the user's language.
        if (r.error.code == QLatin1String("role_in_use")) {
            const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
            message = inUseText(err.value(QLatin1String("members")).toInt());
            setError(message);
        }
        qCInfo(lcModels).noquote() << "role" << action << "refused:" << r.error.serverMessage;
        Q_EMIT actionFailed(action, message);
    };
}

void RoleModel::afterChange(const QString &action)
{
    Q_EMIT actionDone(action);
    reload();
}

QVariantList RoleModel::choices() const
{
    QVariantList out;
    for (const QString &builtIn : {QStringLiteral("member"), QStringLiteral("admin")})
        out << QVariantMap{{QStringLiteral("value"), builtIn}, {QStringLiteral("text"), MemberModel::roleText(builtIn)}};
    for (const Row &r : m_rows) {
        if (!r.builtIn)
            out << QVariantMap{{QStringLiteral("value"), r.name}, {QStringLiteral("text"), r.name}};
    }
    return out;
}

QVariantList RoleModel::permissionChoices() const
{
    const QStringList held = Session::instance()->permissions();
    QVariantList out;
    for (const QString &p : allPermissions()) {
        const bool has = held.contains(p);
        out << QVariantMap{{QStringLiteral("name"), p}, {QStringLiteral("text"), permissionText(p)},
                           {QStringLiteral("held"), has},
                           {QStringLiteral("reason"), has ? QString()
                                                          : tr("Du har inte den här behörigheten själv och kan därför inte ge den.")}};
    }
    return out;
}

QVariant RoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case NameRole: return r.name;
    case Qt::DisplayRole:
    case DisplayNameRole: return MemberModel::roleText(r.name);
    case BuiltInRole: return r.builtIn;
    case PermissionsRole: return r.permissions;
    case PermissionLinesRole: {
        QStringList lines;
        for (const QString &p : r.permissions)
            lines << permissionText(p);
        if (r.name == QLatin1String("owner"))
            lines << tr("Ge ägarrollen och flytta ägarskapet");
        return lines;
    }
    case MembersRole: return r.members;
    case MembersTextRole: return tr("%n teammedlemmar", "", r.members);
    }
    return {};
}

QHash<int, QByteArray> RoleModel::roleNames() const
{
    return {{NameRole, "name"}, {DisplayNameRole, "displayName"}, {BuiltInRole, "builtIn"},
            {PermissionsRole, "permissions"}, {PermissionLinesRole, "permissionLines"}, {MembersRole, "members"},
            {MembersTextRole, "membersText"}};
}
