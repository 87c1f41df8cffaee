// The audit log (storage/audit.h): paged JSON and CSV, for owners and admins.
#include "routes.h"
#include "workspaceaccess.h"

#include "storage/store.h"
#include "storage/wirejson.h"

#include <QJsonArray>

namespace http {

using Method = QHttpServerRequest::Method;
using billing::Permission;

static QJsonObject auditEntryJson(const storage::AuditEntry &e)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), storage::toRfc3339(e.at)},
            {QStringLiteral("actor"), QJsonObject{{QStringLiteral("kind"), storage::actorKindName(e.actor.kind)},
                                                  {QStringLiteral("user_id"), orNull(e.actor.userId)},
                                                  {QStringLiteral("email"), orNull(e.actor.email)}}},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("target"), e.target},
            {QStringLiteral("before"), e.before},
            {QStringLiteral("after"), e.after}};
}

// The log shows everyone's changes: owners and admins only, whatever a custom role grants.
static bool mayReadAudit(const Access &a, const ReplyPtr &reply)
{
    if (a.role == QLatin1String("owner") || a.role == QLatin1String("admin"))
        return true;
    reply->error(ApiError::forbidden(QStringLiteral("the audit log is for owners and admins")));
    return false;
}

static ApiError kindError()
{
    return ApiError::validation({{QStringLiteral("kind"), QStringLiteral("must be a kind or its prefix, e.g. member.invited or plan")}});
}

// ?limit=1..200&before=<id>&kind=<kind or prefix>&actor=<user id>; nullopt: answered 400.
static std::optional<storage::AuditQuery> auditQuery(const Request &req, const ReplyPtr &reply)
{
    storage::AuditQuery q;
    bool ok = true;
    if (req.query.hasQueryItem(QStringLiteral("limit"))) {
        q.limit = req.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 200) {
            reply->error(ApiError::validation({{QStringLiteral("limit"), QStringLiteral("must be an integer from 1 to 200")}}));
            return std::nullopt;
        }
    }
    if (req.query.hasQueryItem(QStringLiteral("before"))) {
        q.before = req.queryValue(QStringLiteral("before")).toLongLong(&ok);
        if (!ok || q.before < 1) {
            reply->error(ApiError::validation({{QStringLiteral("before"), QStringLiteral("must be an entry id (next_before)")}}));
            return std::nullopt;
        }
    }
    q.kind = req.queryValue(QStringLiteral("kind"));
    q.actorUserId = req.queryValue(QStringLiteral("actor"));
    return q;
}

void addAuditRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/audit"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (!mayReadAudit(a, reply))
                  return;
              const auto q = auditQuery(req, reply);
              if (!q)
                  return;
              QString error;
              const auto page = ctx.store->auditLog(a.workspace.id, *q, &error);
              if (!page && !error.isEmpty())
                  return reply->error(kindError());
              if (!page)
                  return reply->error(ApiError::internal(QStringLiteral("could not read the audit log")));
              QJsonArray entries;
              for (const auto &e : page->entries)
                  entries.append(auditEntryJson(e));
              reply->json({{QStringLiteral("entries"), entries},
                           {QStringLiteral("next_before"), page->nextBefore ? QJsonValue(page->nextBefore) : QJsonValue()}});
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/audit.csv"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (!mayReadAudit(a, reply))
                  return;
              auto q = auditQuery(req, reply);
              if (!q)
                  return;
              QString error;
              const auto csv = ctx.store->auditCsv(a.workspace.id, *q, &error);
              if (!csv && !error.isEmpty())
                  return reply->error(kindError());
              if (!csv)   // never an empty file for a failed read
                  return reply->error(ApiError::internal(QStringLiteral("could not read the audit log")));
              Response resp(QByteArrayLiteral("text/csv; charset=utf-8"), *csv);
              resp.addHeader(QByteArrayLiteral("Content-Disposition"),
                             QByteArrayLiteral("attachment; filename=\"kliv-audit-")
                                 + ctx.now().date().toString(Qt::ISODate).toLatin1() + QByteArrayLiteral(".csv\""));
              reply->send(resp);
          }));
}

} // namespace http
