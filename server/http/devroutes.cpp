// Development mode only (--dev): the clock and the demo seed. Never
// registered otherwise, so these paths answer 404 in production.
#include "jsonbody.h"
#include "routes.h"

#include "storage/devclock.h"
#include "storage/wirejson.h"

namespace http {

using Method = QHttpServerRequest::Method;

void addDevRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/v1/dev/clock"), Auth::None, [&ctx](Request &, const ReplyPtr &reply) {
        reply->json({{QStringLiteral("now"), storage::toRfc3339(ctx.now())}});
    }, Runs::OnLoop);

    r.add(Method::Post, QStringLiteral("/v1/dev/clock"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
        if (!body)
            return;
        const QDateTime t = storage::fromRfc3339(body->string(QStringLiteral("now"), 1, 40));
        if (body->ok() && !t.isValid())
            body->fail(QStringLiteral("now"), QStringLiteral("must be an RFC 3339 instant, e.g. 2026-12-10T00:00:00Z"));
        if (!body->ok())
            return reply->error(body->error());
        if (!ctx.devClock->setNow(t))
            return reply->error(ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("the clock never moves back")));
        storage::saveDevClock(ctx.store, *ctx.devClock, ctx.devClock->isFrozen());
        if (ctx.clockMoved)
            ctx.clockMoved();
        reply->json({{QStringLiteral("now"), storage::toRfc3339(ctx.now())}});
    });

    r.add(Method::Post, QStringLiteral("/v1/dev/seed"), Auth::None, [&ctx](Request &, const ReplyPtr &reply) {
        QString error;
        const auto seeded = ctx.seedDemo ? ctx.seedDemo(&error) : std::nullopt;
        if (!seeded)
            return reply->error(ApiError::internal(error.isEmpty() ? QStringLiteral("no demo seed in this server") : error));
        reply->json({{QStringLiteral("workspace_id"), *seeded}});
    });
}

} // namespace http
