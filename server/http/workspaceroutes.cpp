// A workspace, its members, its roles and the enterprise inquiry.
#include "jsonbody.h"
#include "jsonviews.h"
#include "routes.h"
#include "workspaceaccess.h"

#include "livehub.h"
#include "storage/store.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace http {

using Method = QHttpServerRequest::Method;
using billing::Permission;

static ApiError memberChangeError(storage::MemberChange c)
{
    switch (c) {
    case storage::MemberChange::NotFound:
        return ApiError::notFound(QStringLiteral("no such member"));
    case storage::MemberChange::AlreadyMember:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("already a member of this workspace"));
    case storage::MemberChange::SeatLimit:
        return ApiError::conflict(QStringLiteral("seat_limit_reached"), QStringLiteral("the plan's member limit is reached"));
    case storage::MemberChange::LastOwner:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("the last owner cannot be removed or demoted"));
    case storage::MemberChange::UnknownRole:
        return ApiError::validation({{QStringLiteral("role"), QStringLiteral("is not a role of this workspace")}});
    case storage::MemberChange::Forbidden:
        return ApiError::forbidden(QStringLiteral("only an owner gives or moves ownership, and nobody gives or changes "
                                                  "more permissions than they hold"));
    case storage::MemberChange::OwnRole:
        return ApiError::forbidden(QStringLiteral("nobody changes their own role"));
    case storage::MemberChange::Done:
    case storage::MemberChange::Error:
        break;
    }
    return ApiError::internal(QStringLiteral("could not change the member"));
}

static bool looksLikeEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

// Who may give which role to whom, checked under the workspace lock with the
// caller's role as it is at that moment (not as it was when the request came in).
static storage::MemberGuard memberGuard(ServerContext &ctx, const QString &workspaceId)
{
    return [&ctx, workspaceId](const std::optional<storage::Member> &actor, const storage::Member *target,
                               const QString &role) {
        if (!actor)
            return storage::MemberChange::Forbidden;
        const auto actorPerms = rolePermissions(ctx.store, workspaceId, actor->role).value_or(billing::Permissions());
        if (!actorPerms.testFlag(Permission::ManageMembers))
            return storage::MemberChange::Forbidden;
        if (target && target->id == actor->id && !role.isEmpty())
            return storage::MemberChange::OwnRole;
        if (target && !billing::mayManageMember(actor->role, actorPerms, target->role,
                                                rolePermissions(ctx.store, workspaceId, target->role)
                                                    .value_or(billing::Permissions())))
            return storage::MemberChange::Forbidden;
        if (!role.isEmpty()
            && !billing::mayGrantRole(actor->role, actorPerms, role,
                                      rolePermissions(ctx.store, workspaceId, role).value_or(billing::Permissions())))
            return storage::MemberChange::Forbidden;
        return storage::MemberChange::Done;
    };
}

static ApiError roleChangeError(storage::RoleChange c, int holders)
{
    switch (c) {
    case storage::RoleChange::NotFound:
        return ApiError::notFound(QStringLiteral("no such custom role"));
    case storage::RoleChange::Conflict:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("a role with that name exists"));
    case storage::RoleChange::InUse: {
        ApiError e = ApiError::conflict(QStringLiteral("role_in_use"),
                                        holders == 1 ? QStringLiteral("1 member holds this role: give them another role first")
                                                     : QStringLiteral("%1 members hold this role: give them another role first")
                                                           .arg(holders));
        e.extra.insert(QStringLiteral("members"), holders);
        return e;
    }
    case storage::RoleChange::Forbidden:
        return ApiError::forbidden(QStringLiteral("nobody edits the role they hold, or a role with more permissions "
                                                  "than they hold, or gives a role more than they hold"));
    case storage::RoleChange::Done:
    case storage::RoleChange::Error:
        break;
    }
    return ApiError::internal(QStringLiteral("could not change the role"));
}

// Editing or deleting a custom role, checked under the workspace lock: the
// actor may manage members, does not hold the role, and holds every
// permission the role has now and would have after the edit.
static storage::RoleGuard roleGuard(ServerContext &ctx, const QString &workspaceId)
{
    return [&ctx, workspaceId](const std::optional<storage::Member> &actor, const storage::CustomRole &before,
                               const storage::CustomRole *after) {
        if (!actor || actor->role == before.name)
            return storage::RoleChange::Forbidden;
        const auto actorPerms = rolePermissions(ctx.store, workspaceId, actor->role).value_or(billing::Permissions());
        if (!actorPerms.testFlag(Permission::ManageMembers))
            return storage::RoleChange::Forbidden;
        const auto held = billing::permissionsFromNames(before.permissions).value_or(billing::Permissions());
        if (!billing::mayManageMember(actor->role, actorPerms, before.name, held))
            return storage::RoleChange::Forbidden;
        if (after
            && !billing::mayGrantRole(actor->role, actorPerms, after->name,
                                      billing::permissionsFromNames(after->permissions).value_or(billing::Permissions())))
            return storage::RoleChange::Forbidden;
        return storage::RoleChange::Done;
    };
}

static ApiError limitChangeError(const storage::LimitChange &c)
{
    switch (c.status) {
    case storage::LimitChange::NotFound:
        return ApiError::notFound(QStringLiteral("no such member"));
    case storage::LimitChange::Forbidden:
        return memberChangeError(storage::MemberChange::Forbidden);
    case storage::LimitChange::Refused:
        if (c.refusal == billing::LimitRefusal::FreePlan)
            return ApiError::conflict(QStringLiteral("member_limits_need_paid_plan"),
                                      QStringLiteral("Gränser för medlemmar finns bara på betalda planer. "
                                                     "Uppgradera arbetsytan för att sätta en gräns."));
        if (c.refusal == billing::LimitRefusal::AboveAllowance) {
            ApiError e = ApiError::validation({{QStringLiteral("monthly_credits"),
                                                QStringLiteral("Gränsen kan vara högst %1 krediter, planens krediter per period.")
                                                    .arg(c.ceiling)}});
            e.extra.insert(QStringLiteral("max"), c.ceiling);
            return e;
        }
        return ApiError::validation({{QStringLiteral("monthly_credits"), QStringLiteral("must be an integer from 0")}});
    case storage::LimitChange::Done:
    case storage::LimitChange::Error:
        break;
    }
    return ApiError::internal(QStringLiteral("could not change the limit"));
}

// Each member's use this billing cycle (or one member's), what their limit is
// held against. *used stays empty on Free (no cycle). False: the database failed.
static bool cycleUsage(ServerContext &ctx, const Access &a, const QString &memberId,
                       std::optional<QHash<QString, qint64>> *used)
{
    const billing::UsageWindows w = billing::usageWindows(a.state, ctx.now());
    if (!billing::memberLimitsApply(*a.plan) || !w.cycleStart.isValid())
        return true;
    *used = ctx.store->memberUsage(a.workspace.id, w.cycleStart, w.cycleEnd, memberId);
    return used->has_value();
}

// The Member schema with "used_this_cycle" (null on Free, or when not the caller's to see).
static QJsonObject memberWithUsage(const storage::Member &m, const std::optional<QHash<QString, qint64>> &used)
{
    QJsonObject o = memberJson(m);
    o.insert(QStringLiteral("used_this_cycle"), used ? QJsonValue(used->value(m.id)) : QJsonValue());
    return o;
}

static QJsonObject roleJson(const QString &name, const QStringList &permissions, bool builtIn, int members)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
            {QStringLiteral("built_in"), builtIn},
            {QStringLiteral("members"), members}};
}

// A custom role's name: not a built-in one, and usable as a path segment.
static void checkRoleName(JsonBody &body, const QString &name)
{
    if (name.isEmpty()) {
        if (body.ok())
            body.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
        return;
    }
    if (billing::isBuiltInRole(name))
        body.fail(QStringLiteral("name"), QStringLiteral("is a built-in role"));
    else if (name.contains(QLatin1Char('/')))
        body.fail(QStringLiteral("name"), QStringLiteral("must not contain /"));
}

void addWorkspaceRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}"), Auth::User, [&ctx](Request &req, const ReplyPtr &reply) {
        if (const auto a = resolveAccess(ctx, req, reply, Permission::ViewOwnUsage))
            reply->json(workspaceJson(ctx.store, *a, ctx.provider != nullptr));
    });

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/members"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              QJsonArray members;
              const auto list = ctx.store->members(a.workspace.id);
              // Another member's use is team usage (as GET .../usage): without it only one's own.
              const bool team = a.permissions.testFlag(Permission::ViewTeamUsage);
              std::optional<QHash<QString, qint64>> used;
              if (!cycleUsage(ctx, a, team || !a.member ? QString() : a.member->id, &used))
                  return reply->error(ApiError::internal(QStringLiteral("could not read the members' usage")));
              for (const auto &m : list)
                  members.append(memberWithUsage(m, team || (a.member && m.id == a.member->id) ? used : std::nullopt));
              reply->json({{QStringLiteral("members"), members},
                           {QStringLiteral("seats"), seatsJson(*a.plan, int(list.size()))}});
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/members"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const QString email = body->string(QStringLiteral("email"), 3, 254).trimmed();
              const QString name = body->string(QStringLiteral("name"), 0, 200, false);
              const QString role = body->string(QStringLiteral("role"), 1, 50);
              if (!email.isEmpty() && !looksLikeEmail(email))
                  body->fail(QStringLiteral("email"), QStringLiteral("is not an e-mail address"));
              if (!role.isEmpty() && !rolePermissions(ctx.store, a.workspace.id, role))
                  body->fail(QStringLiteral("role"), QStringLiteral("is not a role of this workspace"));
              if (!body->ok())
                  return reply->error(body->error());
              auto user = ctx.store->userByEmail(email);
              if (!user)
                  user = ctx.store->createUser(email, name.isEmpty() ? email.section(QLatin1Char('@'), 0, 0) : name,
                                               QStringLiteral(""), ctx.now());
              if (!user)
                  return reply->error(ApiError::internal(QStringLiteral("could not create the user")));
              storage::Member added;
              const auto c = ctx.store->addMember(a.workspace.id, user->id, role, ctx.now(), *ctx.catalog, &added,
                                                   storage::Actor::member(req.caller.userId), memberGuard(ctx, a.workspace.id));
              if (c != storage::MemberChange::Done)
                  return reply->error(memberChangeError(c));
              reply->json(memberJson(added), 201);
          }));

    r.add(Method::Patch, QStringLiteral("/v1/workspaces/{ws}/members/{id}"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const QString role = body->string(QStringLiteral("role"), 1, 50);
              if (!role.isEmpty() && !rolePermissions(ctx.store, a.workspace.id, role))
                  body->fail(QStringLiteral("role"), QStringLiteral("is not a role of this workspace"));
              if (!body->ok())
                  return reply->error(body->error());
              const QString id = req.param(QStringLiteral("id"));
              const auto c = ctx.store->setMemberRole(a.workspace.id, id, role, storage::Actor::member(req.caller.userId),
                                                     memberGuard(ctx, a.workspace.id));
              if (c != storage::MemberChange::Done)
                  return reply->error(memberChangeError(c));
              const auto m = ctx.store->member(a.workspace.id, id);
              if (!m)
                  return reply->error(ApiError::notFound(QStringLiteral("no such member")));
              reply->json(memberJson(*m));
          }));

    r.add(Method::Delete, QStringLiteral("/v1/workspaces/{ws}/members/{id}"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto c = ctx.store->removeMember(a.workspace.id, req.param(QStringLiteral("id")),
                                                    storage::Actor::member(req.caller.userId),
                                                    memberGuard(ctx, a.workspace.id));
              if (c != storage::MemberChange::Done)
                  return reply->error(memberChangeError(c));
              reply->noContent();
          }));

    // A member's credit limit per billing cycle: {"monthly_credits": n} sets it, null clears it.
    // Who may: as for removing the member (the guard, under the lock).
    r.add(Method::Put, QStringLiteral("/v1/workspaces/{ws}/members/{id}/limit"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const QString field = QStringLiteral("monthly_credits");
              std::optional<qint64> credits;
              if (!body->object().contains(field))
                  body->fail(field, QStringLiteral("is required (an integer, or null for no limit)"));
              else if (body->has(field))
                  credits = body->integer(field, 0, 1000000000);
              if (!body->ok())
                  return reply->error(body->error());
              const QString id = req.param(QStringLiteral("id"));
              const auto c = ctx.store->setMemberLimit(a.workspace.id, id, credits, ctx.now(), *ctx.catalog,
                                                       storage::Actor::member(req.caller.userId),
                                                       memberGuard(ctx, a.workspace.id));
              if (c.status != storage::LimitChange::Done)
                  return reply->error(limitChangeError(c));
              const auto m = ctx.store->member(a.workspace.id, id);
              std::optional<QHash<QString, qint64>> used;
              if (!m || !cycleUsage(ctx, a, id, &used))
                  return reply->error(ApiError::internal(QStringLiteral("could not read the member")));
              // Another member's use is team usage, as in the list.
              const bool seesUse = a.permissions.testFlag(Permission::ViewTeamUsage) || m->userId == req.caller.userId;
              reply->json(memberWithUsage(*m, seesUse ? used : std::nullopt));
              // The member's meter follows at once (the live balance carries their own limit).
              ctx.onMainThread([live = ctx.live, ws = a.workspace.id] {
                  if (live)
                      live->pushCurrent(ws);
              });
          }));

    // Ownership moves only by this explicit, confirmed call of an owner.
    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/transfer-ownership"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const QString memberId = body->string(QStringLiteral("member_id"), 1, 100);
              const QJsonValue confirm = body->object().value(QStringLiteral("confirm"));
              if (confirm != QJsonValue(true))
                  body->fail(QStringLiteral("confirm"), QStringLiteral("must be true"));
              if (!body->ok())
                  return reply->error(body->error());
              if (a.role != QLatin1String("owner"))
                  return reply->error(memberChangeError(storage::MemberChange::Forbidden));
              const auto c = ctx.store->transferOwnership(a.workspace.id, req.caller.userId, memberId);
              if (c != storage::MemberChange::Done)
                  return reply->error(memberChangeError(c));
              QJsonArray members;
              for (const auto &m : ctx.store->members(a.workspace.id))
                  members.append(memberJson(m));
              reply->json({{QStringLiteral("members"), members}});
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/roles"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              QJsonArray roles;
              const auto counts = ctx.store->roleMemberCounts(a.workspace.id);
              for (const QString &name : {QStringLiteral("owner"), QStringLiteral("admin"), QStringLiteral("member")})
                  roles.append(roleJson(name, billing::permissionNames(*billing::builtInRolePermissions(name)), true,
                                        counts.value(name)));
              for (const auto &c : ctx.store->roles(a.workspace.id))
                  roles.append(roleJson(c.name, c.permissions, false, counts.value(c.name)));
              reply->json({{QStringLiteral("roles"), roles}});
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/roles"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (!billing::canDefineCustomRoles(*a.plan))
                  return reply->error(ApiError::forbidden(QStringLiteral("custom roles need an Enterprise plan")));
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              storage::CustomRole role;
              role.name = body->string(QStringLiteral("name"), 1, 50).trimmed();
              role.permissions = body->stringList(QStringLiteral("permissions"), 10);
              checkRoleName(*body, role.name);
              if (body->ok() && !billing::permissionsFromNames(role.permissions))
                  body->fail(QStringLiteral("permissions"), QStringLiteral("contains an unknown permission"));
              if (!body->ok())
                  return reply->error(body->error());
              const auto granted = *billing::permissionsFromNames(role.permissions);
              // A custom role never carries more than its creator holds.
              if (!billing::mayGrantRole(a.role, rolePermissions(ctx.store, a.workspace.id, a.role).value_or(
                                                     billing::Permissions()), role.name, granted))
                  return reply->error(memberChangeError(storage::MemberChange::Forbidden));
              role.permissions = billing::permissionNames(granted);
              bool conflict = false;
              if (!ctx.store->createRole(a.workspace.id, role, &conflict, storage::Actor::member(req.caller.userId)))
                  return reply->error(conflict ? ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("a role with that name exists"))
                                               : ApiError::internal(QStringLiteral("could not create the role")));
              reply->json(roleJson(role.name, role.permissions, false, 0), 201);
          }));

    // Built-in roles are fixed: editing or deleting one is 403 (a permission
    // question, not a malformed request). Editing needs Enterprise; deleting
    // does not, so that after a downgrade the roles can still be cleaned up.
    r.add(Method::Patch, QStringLiteral("/v1/workspaces/{ws}/roles/{name}"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const QString name = req.param(QStringLiteral("name"));
              if (billing::isBuiltInRole(name))
                  return reply->error(ApiError::forbidden(QStringLiteral("built-in roles cannot be edited")));
              if (!billing::canDefineCustomRoles(*a.plan))
                  return reply->error(ApiError::forbidden(QStringLiteral("custom roles need an Enterprise plan")));
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const auto current = ctx.store->role(a.workspace.id, name);
              if (!current)
                  return reply->error(roleChangeError(storage::RoleChange::NotFound, 0));
              storage::CustomRole after = *current;
              if (body->has(QStringLiteral("name")))
                  after.name = body->string(QStringLiteral("name"), 1, 50).trimmed();
              if (body->has(QStringLiteral("permissions")))
                  after.permissions = body->stringList(QStringLiteral("permissions"), 10);
              if (!body->has(QStringLiteral("name")) && !body->has(QStringLiteral("permissions")))
                  body->fail(QStringLiteral("name"), QStringLiteral("name or permissions is required"));
              checkRoleName(*body, after.name);
              if (body->ok() && !billing::permissionsFromNames(after.permissions))
                  body->fail(QStringLiteral("permissions"), QStringLiteral("contains an unknown permission"));
              if (!body->ok())
                  return reply->error(body->error());
              after.permissions = billing::permissionNames(*billing::permissionsFromNames(after.permissions));
              storage::CustomRole before;
              const auto c = ctx.store->updateRole(a.workspace.id, name, after, req.caller.userId,
                                                   roleGuard(ctx, a.workspace.id), &before);
              if (c != storage::RoleChange::Done)
                  return reply->error(roleChangeError(c, 0));
              // Members holding it see the change live: the hub's authority sweep
              // compares the role's stored permissions too (role_changed, 4409).
              reply->json(roleJson(after.name, after.permissions, false,
                                   ctx.store->roleMemberCounts(a.workspace.id).value(after.name)));
          }));

    r.add(Method::Delete, QStringLiteral("/v1/workspaces/{ws}/roles/{name}"), Auth::User,
          withAccess(ctx, Permission::ManageMembers, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const QString name = req.param(QStringLiteral("name"));
              if (billing::isBuiltInRole(name))
                  return reply->error(ApiError::forbidden(QStringLiteral("built-in roles cannot be deleted")));
              int holders = 0;
              storage::CustomRole before;
              const auto c = ctx.store->deleteRole(a.workspace.id, name, req.caller.userId,
                                                   roleGuard(ctx, a.workspace.id), &holders, &before);
              if (c != storage::RoleChange::Done)
                  return reply->error(roleChangeError(c, holders));
              reply->noContent();
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/enterprise-inquiry"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              storage::EnterpriseInquiry inq;
              inq.workspaceId = a.workspace.id;
              inq.userId = req.caller.userId;
              inq.contact = body->string(QStringLiteral("contact"), 1, 200);
              inq.seats = int(body->integer(QStringLiteral("seats"), 1, 1000000));
              inq.message = body->string(QStringLiteral("message"), 0, 5000);
              inq.createdAt = ctx.now();
              if (!body->ok())
                  return reply->error(body->error());
              const auto id = ctx.store->addEnterpriseInquiry(inq);
              if (!id)
                  return reply->error(ApiError::internal(QStringLiteral("could not store the inquiry")));
              inq.id = *id;
              reply->json(inquiryJson(inq, false), 201);
          }));

    // The app shows that the request reached sales, and when (and when it was handled).
    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/enterprise-inquiry"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &, const ReplyPtr &reply, const Access &a) {
              const auto latest = ctx.store->latestEnterpriseInquiry(a.workspace.id);
              if (!latest)
                  return reply->error(ApiError::notFound(QStringLiteral("no inquiry from this workspace")));
              reply->json(inquiryJson(*latest, false));
          }));
}

} // namespace http
