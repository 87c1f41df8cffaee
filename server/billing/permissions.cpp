#include "permissions.h"

namespace billing {

namespace {
struct NamedPermission {
    Permission permission;
    const char *name;
};
// Wire names, in the order they are listed everywhere.
constexpr NamedPermission kPermissions[] = {
    {Permission::ViewOwnUsage, "view_own_usage"},
    {Permission::ViewTeamUsage, "view_team_usage"},
    {Permission::ViewBilling, "view_billing"},
    {Permission::ManagePlan, "manage_plan"},
    {Permission::ManageMembers, "manage_members"},
};

Permissions allPermissions()
{
    Permissions p;
    for (const auto &np : kPermissions)
        p |= np.permission;
    return p;
}
} // namespace

std::optional<Permissions> builtInRolePermissions(const QString &role)
{
    if (role == QLatin1String("owner") || role == QLatin1String("admin"))
        return allPermissions();
    if (role == QLatin1String("member"))
        return Permissions(Permission::ViewOwnUsage);
    return std::nullopt;
}

bool isBuiltInRole(const QString &role)
{
    return builtInRolePermissions(role).has_value();
}

QStringList permissionNames(Permissions p)
{
    QStringList out;
    for (const auto &np : kPermissions) {
        if (p.testFlag(np.permission))
            out.append(QString::fromLatin1(np.name));
    }
    return out;
}

std::optional<Permissions> permissionsFromNames(const QStringList &names)
{
    Permissions out;
    for (const QString &name : names) {
        bool known = false;
        for (const auto &np : kPermissions) {
            if (name == QLatin1String(np.name)) {
                out |= np.permission;
                known = true;
                break;
            }
        }
        if (!known)
            return std::nullopt;
    }
    return out;
}

bool canDefineCustomRoles(const Plan &plan)
{
    return plan.hasEntitlement(QStringLiteral("custom_roles"));
}

bool canViewTeamUsage(Permissions p, const Plan &plan)
{
    return p.testFlag(Permission::ViewTeamUsage) && plan.hasEntitlement(QStringLiteral("team_usage"));
}

namespace {
bool isOwner(const QString &role) { return role == QLatin1String("owner"); }
bool within(Permissions p, Permissions limit) { return (p & ~limit) == Permissions(); }
} // namespace

bool mayGrantRole(const QString &actorRole, Permissions actor, const QString &role, Permissions granted)
{
    if (isOwner(role) && !isOwner(actorRole))
        return false;
    return within(granted, actor);
}

bool mayManageMember(const QString &actorRole, Permissions actor, const QString &targetRole, Permissions target)
{
    if (isOwner(targetRole) && !isOwner(actorRole))
        return false;
    return within(target, actor);
}

bool canAddMember(const Plan &plan, int currentMembers)
{
    return !plan.seatLimit || currentMembers < *plan.seatLimit;
}

} // namespace billing
