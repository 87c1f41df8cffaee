#pragma once
// Roles and permissions (billing-rules.md, "Roles and permissions").
#include "plancatalog.h"

#include <QFlags>
#include <QString>
#include <QStringList>
#include <optional>

namespace billing {

enum class Permission {
    ViewOwnUsage   = 0x01,  // own balance and own usage (everyone)
    ViewTeamUsage  = 0x02,  // per-member usage; only effective on plans with "team_usage"
    ViewBilling    = 0x04,  // invoices, payment portal
    ManagePlan     = 0x08,  // change plan, cancel, undo
    ManageMembers  = 0x10,  // invite and remove members
};
Q_DECLARE_FLAGS(Permissions, Permission)
Q_DECLARE_OPERATORS_FOR_FLAGS(Permissions)

// "owner", "admin", "member"; nullopt for anything else (custom roles are
// resolved by the caller from the workspace's stored role definitions).
std::optional<Permissions> builtInRolePermissions(const QString &role);
bool isBuiltInRole(const QString &role);
QStringList permissionNames(Permissions p);              // stable wire names, e.g. "view_team_usage"
std::optional<Permissions> permissionsFromNames(const QStringList &names); // nullopt on an unknown name

// Custom roles exist only on plans with the "custom_roles" entitlement (Enterprise).
bool canDefineCustomRoles(const Plan &plan);
// Team usage per member needs the permission and a plan with "team_usage".
bool canViewTeamUsage(Permissions p, const Plan &plan);

// Role changes made by a member (the operator's commands are not limited):
// only an owner gives the owner role or changes/removes an owner, and nobody
// gives a role, or touches a member, holding a permission they lack. Owner
// and admin hold the same permissions; ownership is the difference.
bool mayGrantRole(const QString &actorRole, Permissions actor, const QString &role, Permissions granted);
bool mayManageMember(const QString &actorRole, Permissions actor, const QString &targetRole, Permissions target);

// Seats: may one more member be added? (Free: at most 10; after conversion
// to Free with more than 10, no member can be added until below the limit.)
bool canAddMember(const Plan &plan, int currentMembers);

} // namespace billing
