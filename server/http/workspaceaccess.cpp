#include "workspaceaccess.h"

namespace http {

WorkspaceRef workspaceRef(storage::Store *store, const storage::Workspace &ws)
{
    WorkspaceRef ref{ws.id, ws.name, {}};
    for (const auto &m : store->members(ws.id)) {
        if (m.role == QLatin1String("owner")) {
            ref.ownerEmail = m.email;
            break;
        }
    }
    return ref;
}

std::optional<billing::SubscriptionState> currentState(ServerContext &ctx, const QString &workspaceId)
{
    auto state = ctx.store->subscription(workspaceId);
    if (!state)
        return std::nullopt;
    const QDateTime now = ctx.now();
    if (billing::advanceTo(*ctx.catalog, *state, now).steps.isEmpty())
        return state;
    const auto change = ctx.store->mutateSubscription(workspaceId, now, *ctx.catalog,
                                                      [](billing::SubscriptionState &) { return false; });
    if (!change.ok)
        return std::nullopt;
    return change.state;
}

std::optional<billing::Permissions> rolePermissions(storage::Store *store, const QString &workspaceId,
                                                    const QString &role)
{
    if (auto p = billing::builtInRolePermissions(role))
        return p;
    if (auto custom = store->role(workspaceId, role))
        return billing::permissionsFromNames(custom->permissions);
    return std::nullopt;
}

billing::Permissions effectivePermissions(billing::Permissions p, const billing::Plan &plan)
{
    if (!billing::canViewTeamUsage(p, plan))
        p &= ~billing::Permissions(billing::Permission::ViewTeamUsage);
    return p;
}

const billing::Plan &planOf(const ServerContext &ctx, const QString &planId)
{
    const billing::Plan *plan = ctx.catalog->find(planId);
    return plan ? *plan : ctx.catalog->freePlan();
}

billing::Permissions memberPermissions(ServerContext &ctx, const QString &workspaceId, const QString &role,
                                       const billing::Plan &plan)
{
    return effectivePermissions(rolePermissions(ctx.store, workspaceId, role).value_or(billing::Permissions()), plan);
}

std::optional<Access> resolveAccess(ServerContext &ctx, const Request &req, const ReplyPtr &reply,
                                    billing::Permission needed)
{
    const QString wsId = req.param(QStringLiteral("ws"));
    const auto notFound = [&] {
        reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
        return std::nullopt;
    };
    Access a;
    if (req.caller.kind == Caller::User) {
        auto member = ctx.store->memberOfUser(wsId, req.caller.userId);
        if (!member)
            return notFound();
        a.member = member;
        a.role = member->role;
    } else if (req.caller.kind == Caller::Service) {
        a.role = QStringLiteral("service");
    } else {
        reply->error(ApiError::unauthorized());
        return std::nullopt;
    }
    auto ws = ctx.store->workspace(wsId);
    auto state = ws ? currentState(ctx, wsId) : std::nullopt;
    if (!ws || !state)
        return notFound();
    a.workspace = *ws;
    a.state = *state;
    a.plan = &planOf(ctx, state->planId);

    if (req.caller.kind == Caller::Service) {
        // The platform's service token reads balances and records usage for any workspace.
        a.permissions = billing::Permission::ViewOwnUsage;
    } else {
        a.permissions = memberPermissions(ctx, wsId, a.role, *a.plan);
    }
    if (!a.permissions.testFlag(needed)) {
        if (needed == billing::Permission::ViewTeamUsage && !billing::canViewTeamUsage(~billing::Permissions(), *a.plan))
            reply->error(ApiError::forbidden(QStringLiteral("team usage needs a Pro or Enterprise plan")));
        else
            reply->error(ApiError::forbidden());
        return std::nullopt;
    }
    return a;
}

std::function<void(Request &, const ReplyPtr &)> withAccess(ServerContext &ctx, billing::Permission needed,
                                                            AccessHandler handler)
{
    return [&ctx, needed, handler = std::move(handler)](Request &req, const ReplyPtr &reply) {
        if (const auto a = resolveAccess(ctx, req, reply, needed))
            handler(req, reply, *a);
    };
}

} // namespace http
