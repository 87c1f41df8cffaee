#pragma once
// Who may do what in a workspace: resolves the workspace, the caller's
// membership and effective permissions, with period-end transitions applied
// for `now`. Answers 404 for an unknown workspace or one the caller is not a
// member of (never its data), 403 for a missing permission.
#include "reply.h"
#include "request.h"
#include "servercontext.h"
#include "service/paymentprovider.h"
#include "storage/store.h"

#include "billing/permissions.h"

#include <functional>
#include <optional>

namespace http {

struct Access {
    storage::Workspace workspace;
    std::optional<storage::Member> member;   // empty for service callers
    QString role;
    billing::Permissions permissions;        // effective (team usage only on plans that have it)
    billing::SubscriptionState state;
    const billing::Plan *plan = nullptr;
};

// The workspace as the payment provider knows it: id, name, the owner's e-mail.
WorkspaceRef workspaceRef(storage::Store *store, const storage::Workspace &ws);

// The subscription with every due period end applied (persisted when something was due).
std::optional<billing::SubscriptionState> currentState(ServerContext &ctx, const QString &workspaceId);

// nullopt: the error has been answered.
std::optional<Access> resolveAccess(ServerContext &ctx, const Request &req, const ReplyPtr &reply,
                                    billing::Permission needed);

// A route handler that runs only once the caller's access is resolved.
using AccessHandler = std::function<void(Request &, const ReplyPtr &, const Access &)>;
std::function<void(Request &, const ReplyPtr &)> withAccess(ServerContext &ctx, billing::Permission needed,
                                                            AccessHandler handler);

// A role's permissions in a workspace (built-in or custom); nullopt for an unknown role.
std::optional<billing::Permissions> rolePermissions(storage::Store *store, const QString &workspaceId,
                                                    const QString &role);
billing::Permissions effectivePermissions(billing::Permissions p, const billing::Plan &plan);
// The plan a subscription is on (Free when the catalog no longer has it).
const billing::Plan &planOf(const ServerContext &ctx, const QString &planId);
// A member's effective permissions: their role's (unknown role: none), limited by the plan.
billing::Permissions memberPermissions(ServerContext &ctx, const QString &workspaceId, const QString &role,
                                       const billing::Plan &plan);

} // namespace http
