// /healthz, /readyz, /v1/plans, /v1/me, /billing/return
#include "jsonviews.h"
#include "returnpage.h"
#include "routes.h"
#include "signinpage.h"
#include "workspaceaccess.h"

#include "storage/store.h"

#include <QJsonArray>

namespace http {

using Method = QHttpServerRequest::Method;

void addPublicRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/healthz"), Auth::None, [](Request &, const ReplyPtr &reply) {
        reply->json({{QStringLiteral("status"), QStringLiteral("ok")}});
    }, Runs::OnLoop);

    r.add(Method::Get, QStringLiteral("/readyz"), Auth::None, [&ctx](Request &, const ReplyPtr &reply) {
        if (ctx.store->ping()) {
            reply->json({{QStringLiteral("status"), QStringLiteral("ready")}});
            return;
        }
        ApiError e = ApiError::internal(QStringLiteral("the database does not answer"));
        e.status = 503;
        reply->error(e);
    });

    r.add(Method::Get, QStringLiteral("/v1/plans"), Auth::None, [&ctx](Request &, const ReplyPtr &reply) {
        reply->json(planCatalogJson(*ctx.catalog));
    }, Runs::OnLoop);

    // Where Checkout and the Portal send the browser back; served with or without a provider.
    r.add(Method::Get, returnPagePath(), Auth::None, [](Request &req, const ReplyPtr &reply) {
        const ReturnPage page = renderReturnPage(req.queryValue(QStringLiteral("result")));
        reply->send(htmlResponse(page.html, page.status));
    }, Runs::OnLoop);

    r.add(Method::Get, QStringLiteral("/v1/me"), Auth::User, [&ctx](Request &req, const ReplyPtr &reply) {
        const auto user = ctx.store->userById(req.caller.userId);
        if (!user) {
            reply->error(ApiError::unauthorized(QStringLiteral("the token's user no longer exists")));
            return;
        }
        QJsonArray memberships;
        for (const storage::Membership &m : ctx.store->membershipsOfUser(user->id)) {
            const auto state = currentState(ctx, m.member.workspaceId);
            const QString planId = state ? state->planId : m.planId;
            memberships.append(QJsonObject{
                {QStringLiteral("workspace_id"), m.member.workspaceId},
                {QStringLiteral("workspace_name"), m.workspaceName},
                {QStringLiteral("member_id"), m.member.id},
                {QStringLiteral("role"), m.member.role},
                {QStringLiteral("permissions"), QJsonArray::fromStringList(billing::permissionNames(
                                                    memberPermissions(ctx, m.member.workspaceId, m.member.role,
                                                                      planOf(ctx, planId))))},
                {QStringLiteral("plan_id"), planId},
            });
        }
        reply->json({
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), user->id},
                                                 {QStringLiteral("email"), user->email},
                                                 {QStringLiteral("name"), user->name}}},
            {QStringLiteral("memberships"), memberships},
        });
    });
}

} // namespace http
