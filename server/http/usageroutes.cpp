// Balance and usage: reading (members, with team scope for those allowed) and
// recording (the platform, with a service token).
#include "jsonbody.h"
#include "jsonviews.h"
#include "routes.h"
#include "workspaceaccess.h"

#include "service/usagerecorder.h"
#include "storage/store.h"
#include "storage/wirejson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace http {

using Method = QHttpServerRequest::Method;
using billing::Permission;

// ?month=YYYY-MM (default: the current UTC month). nullopt: answered 400.
static std::optional<QDate> monthParam(ServerContext &ctx, const Request &req, const ReplyPtr &reply)
{
    if (!req.query.hasQueryItem(QStringLiteral("month"))) {
        const QDate today = ctx.now().date();
        return QDate(today.year(), today.month(), 1);
    }
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = re.match(req.queryValue(QStringLiteral("month")));
    const QDate d = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
    if (!d.isValid()) {
        reply->error(ApiError::validation({{QStringLiteral("month"), QStringLiteral("must be YYYY-MM")}}));
        return std::nullopt;
    }
    return d;
}

// What GET .../usage, .../usage/entries and .../usage.csv read: ?month=YYYY-MM
// (default the current UTC month) or ?period=cycle, the current billing cycle
// [period_start, period_end) of a paid plan; Free has no cycle, its cap counts
// per UTC month, so there period=cycle answers the current month.
struct UsageWindow {
    QString period;          // "month" | "cycle"
    QDate month;             // the month (a cycle: the month it starts in)
    QDateTime from, to;      // [from, to), UTC
};

static std::optional<UsageWindow> windowParam(ServerContext &ctx, const Request &req, const ReplyPtr &reply, const Access &a)
{
    const QString period = req.queryValue(QStringLiteral("period"));
    if (req.query.hasQueryItem(QStringLiteral("period")) && period != QLatin1String("month") && period != QLatin1String("cycle")) {
        reply->error(ApiError::validation({{QStringLiteral("period"), QStringLiteral("must be month or cycle")}}));
        return std::nullopt;
    }
    if (period == QLatin1String("cycle")) {
        if (req.query.hasQueryItem(QStringLiteral("month"))) {
            reply->error(ApiError::validation({{QStringLiteral("month"), QStringLiteral("cannot be combined with period=cycle")}}));
            return std::nullopt;
        }
        const auto b = ctx.store->balance(a.workspace.id, ctx.now(), *ctx.catalog);
        if (!b) {
            reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
            return std::nullopt;
        }
        if (b->balance.periodKind == billing::PeriodKind::Cycle && b->balance.periodStart.isValid()
            && b->balance.periodEnd > b->balance.periodStart) {
            const QDateTime from = b->balance.periodStart.toUTC(), to = b->balance.periodEnd.toUTC();
            return UsageWindow{QStringLiteral("cycle"), QDate(from.date().year(), from.date().month(), 1), from, to};
        }
    }
    const auto month = monthParam(ctx, req, reply);
    if (!month)
        return std::nullopt;
    return UsageWindow{QStringLiteral("month"), *month, QDateTime(*month, QTime(0, 0), Qt::UTC),
                       QDateTime(month->addMonths(1), QTime(0, 0), Qt::UTC)};
}

static storage::UsageRequest readUsage(JsonBody &body, const QString &prefix = {})
{
    JsonBody b(body.object());
    storage::UsageRequest u;
    u.idempotencyKey = b.string(QStringLiteral("idempotency_key"), 1, 200);
    u.memberId = b.string(QStringLiteral("member_id"), 1, 200);
    u.project = b.string(QStringLiteral("project"), 1, 200);
    u.activity = b.string(QStringLiteral("activity"), 1, 100);
    u.credits = b.integer(QStringLiteral("credits"), 1, 1000000);
    for (const FieldError &f : b.errors())
        body.fail(prefix + f.field, f.message);
    return u;
}

static QJsonObject spentJson(const storage::SpendResult &r)
{
    return {{QStringLiteral("entry"), storage::usageEntryToJson(r.entry)},
            {QStringLiteral("balance"), storage::balanceToJson(r.balance)}};
}

// The error of a refused spend; status 0 when it was spent.
static ApiError spendError(const storage::SpendResult &r)
{
    switch (r.status) {
    case storage::SpendStatus::Spent:
    case storage::SpendStatus::Replayed:
        return ApiError{0, {}, {}, {}, {}};
    case storage::SpendStatus::Insufficient: {
        ApiError e{402, QStringLiteral("insufficient_credits"),
                   QStringLiteral("not enough credits: %1 remaining").arg(r.balance.balance.remaining), {}, {}};
        e.extra.insert(QStringLiteral("next_refill_at"), storage::toRfc3339(r.balance.balance.nextRefillAt));
        e.extra.insert(QStringLiteral("remaining"), r.balance.balance.remaining);
        return e;
    }
    case storage::SpendStatus::MemberLimitReached: {
        // Shown to the member as it is (the app's meter and the platform's UI).
        ApiError e{402, QStringLiteral("member_limit_reached"),
                   QStringLiteral("Du har nått din gräns på %1 krediter för den här perioden. "
                                  "Be en administratör höja gränsen.").arg(r.memberLimit.limit), {}, {}};
        e.extra.insert(QStringLiteral("limit"), r.memberLimit.limit);
        e.extra.insert(QStringLiteral("used"), r.memberLimit.used);
        e.extra.insert(QStringLiteral("resets_at"), storage::toRfc3339(r.balance.balance.periodEnd));
        return e;
    }
    case storage::SpendStatus::Conflict:
        return ApiError::conflict(QStringLiteral("conflict"),
                                  QStringLiteral("the idempotency_key was already used with a different request"));
    case storage::SpendStatus::UnknownMember:
        return ApiError::validation({{QStringLiteral("member_id"), QStringLiteral("is not a member of this workspace")}});
    case storage::SpendStatus::Invalid:
        return ApiError::validation({{QString(), r.error}});
    case storage::SpendStatus::NotFound:
        return ApiError::notFound(QStringLiteral("no such workspace"));
    case storage::SpendStatus::Error:
        break;
    }
    return ApiError::internal(QStringLiteral("could not record the usage"));
}

static ApiError serverBusy()
{
    return ApiError{503, QStringLiteral("server_busy"), QStringLiteral("the server is busy; try again shortly"), {}, {}};
}

// The batch's answer: one result per event, and the balance after all of them.
static void answerBatch(const ReplyPtr &reply, const storage::BatchResult &res)
{
    if (res.status == storage::SpendStatus::NotFound)
        return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
    if (res.status == storage::SpendStatus::Error)
        return reply->error(ApiError::internal(QStringLiteral("could not record the usage")));
    if (res.status == storage::SpendStatus::Invalid)
        return reply->error(ApiError::validation({{QStringLiteral("events"), res.error}}));
    QJsonArray results;
    for (const auto &one : res.results) {
        if (one.ok()) {
            results.append(QJsonObject{{QStringLiteral("status"), 201},
                                       {QStringLiteral("entry"), storage::usageEntryToJson(one.entry)}});
            continue;
        }
        const ApiError e = spendError(one);
        results.append(QJsonObject{{QStringLiteral("status"), e.status},
                                   {QStringLiteral("error"), e.toJson().value(QStringLiteral("error"))}});
    }
    reply->json({{QStringLiteral("results"), results},
                 {QStringLiteral("balance"), storage::balanceToJson(res.balance)}});
}

// The platform records usage for any workspace with its service token: no
// member or permission to resolve, and whether the workspace exists is decided
// by the writer in the same transaction (404 from there). Saves the hot path
// the access lookups.
static std::function<void(Request &, const ReplyPtr &)> forService(AccessHandler handler)
{
    return [handler = std::move(handler)](Request &req, const ReplyPtr &reply) {
        Access a;
        a.workspace.id = req.param(QStringLiteral("ws"));
        a.role = QStringLiteral("service");
        a.permissions = billing::Permission::ViewOwnUsage;
        handler(req, reply, a);
    };
}

void addUsageRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/balance"), Auth::UserOrService,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              // A member also sees their own limit (member_limit), when they have one.
              const auto b = ctx.store->balance(a.workspace.id, ctx.now(), *ctx.catalog, a.member ? a.member->id : QString());
              if (!b)
                  return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
              reply->json(storage::balanceToJson(*b));
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/usage"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto w = windowParam(ctx, req, reply, a);
              if (!w)
                  return;
              const bool team = a.permissions.testFlag(Permission::ViewTeamUsage);
              const QString own = team ? QString() : a.member->id;
              // A month reads its month totals; a cycle spans two months.
              const auto h = w->period == QLatin1String("month") ? ctx.store->monthHistory(a.workspace.id, w->month, own)
                                                                 : ctx.store->windowHistory(a.workspace.id, w->from, w->to, own);
              if (!h)
                  return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
              QJsonArray days, activities, projects, members;
              for (const auto &d : h->days)
                  days.append(QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                          {QStringLiteral("credits"), d.credits}});
              for (const auto &k : h->byActivity)
                  activities.append(QJsonObject{{QStringLiteral("activity"), k.key}, {QStringLiteral("credits"), k.credits}});
              for (const auto &k : h->byProject)
                  projects.append(QJsonObject{{QStringLiteral("project"), k.key}, {QStringLiteral("credits"), k.credits}});
              QJsonObject out{
                  {QStringLiteral("month"), w->month.toString(QStringLiteral("yyyy-MM"))},
                  {QStringLiteral("period"), w->period},
                  {QStringLiteral("from"), storage::toRfc3339(w->from)},
                  {QStringLiteral("to"), storage::toRfc3339(w->to)},
                  {QStringLiteral("scope"), team ? QStringLiteral("workspace") : QStringLiteral("own")},
                  {QStringLiteral("total"), h->total},
                  {QStringLiteral("days"), days},
                  {QStringLiteral("by_activity"), activities},
                  {QStringLiteral("by_project"), projects},
              };
              if (team) {
                  for (const auto &m : h->byMember)
                      members.append(QJsonObject{{QStringLiteral("member_id"), m.memberId},
                                                 {QStringLiteral("name"), m.name},
                                                 {QStringLiteral("email"), m.email},
                                                 {QStringLiteral("credits"), m.credits}});
                  out.insert(QStringLiteral("by_member"), members);
              }
              reply->json(out);
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/usage"), Auth::Service,
          forService([&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const storage::UsageRequest u = readUsage(*body);
              if (!body->ok())
                  return reply->error(body->error());
              // Group commit: answered by the usage writer once the spend is durable.
              const bool queued = ctx.recorder->submit(a.workspace.id, {u}, ctx.now(), [reply](const storage::BatchResult &batch) {
                  if (batch.results.size() != 1) {
                      storage::SpendResult failed;
                      failed.status = batch.status;
                      failed.error = batch.error;
                      return reply->error(spendError(failed));
                  }
                  const storage::SpendResult &res = batch.results.constFirst();
                  if (res.ok())
                      return reply->json(spentJson(res), 201);
                  reply->error(spendError(res));
              });
              if (!queued)
                  reply->error(serverBusy());
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/usage/batch"), Auth::Service,
          forService([&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
              if (!body)
                  return;
              const QJsonValue events = body->object().value(QStringLiteral("events"));
              if (!events.isArray())
                  body->fail(QStringLiteral("events"), QStringLiteral("must be an array of usage requests"));
              else if (events.toArray().isEmpty() || events.toArray().size() > storage::Store::MaxBatch)
                  body->fail(QStringLiteral("events"), QStringLiteral("must have 1 to %1 items").arg(storage::Store::MaxBatch));
              QList<storage::UsageRequest> list;
              const QJsonArray arr = events.toArray();
              for (int i = 0; body->ok() && i < arr.size(); ++i) {
                  const QString prefix = QStringLiteral("events[%1].").arg(i);
                  if (!arr.at(i).isObject()) {
                      body->fail(prefix.chopped(1), QStringLiteral("must be an object"));
                      continue;
                  }
                  JsonBody item(arr.at(i).toObject());
                  list.append(readUsage(item));
                  for (const FieldError &f : item.errors())
                      body->fail(prefix + f.field, f.message);
              }
              if (!body->ok())
                  return reply->error(body->error());
              const bool queued = ctx.recorder->submit(a.workspace.id, list, ctx.now(), [reply](const storage::BatchResult &res) {
                  answerBatch(reply, res);
              });
              if (!queued)
                  reply->error(serverBusy());
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/usage/entries"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto w = windowParam(ctx, req, reply, a);
              if (!w)
                  return;
              storage::EntryQuery q;
              q.month = w->month;
              q.from = w->from;
              q.to = w->to;
              if (!a.permissions.testFlag(Permission::ViewTeamUsage))
                  q.memberId = a.member->id;
              q.cursor = req.queryValue(QStringLiteral("cursor"));
              if (req.query.hasQueryItem(QStringLiteral("limit"))) {
                  bool ok = false;
                  q.limit = req.queryValue(QStringLiteral("limit")).toInt(&ok);
                  if (!ok || q.limit < 1 || q.limit > 500)
                      return reply->error(ApiError::validation({{QStringLiteral("limit"), QStringLiteral("must be an integer from 1 to 500")}}));
              }
              QString error;
              const auto page = ctx.store->entries(a.workspace.id, q, &error);
              if (!page)
                  return reply->error(ApiError::validation({{QStringLiteral("cursor"), error.isEmpty() ? QStringLiteral("is not valid") : error}}));
              QJsonArray entries;
              for (const auto &e : page->entries)
                  entries.append(storage::usageEntryToJson(e));
              reply->json({{QStringLiteral("entries"), entries},
                           {QStringLiteral("next_cursor"), page->nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page->nextCursor)}});
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/usage.csv"), Auth::User,
          withAccess(ctx, Permission::ViewOwnUsage, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto w = windowParam(ctx, req, reply, a);
              if (!w)
                  return;
              const bool team = a.permissions.testFlag(Permission::ViewTeamUsage);
              bool notFound = false;
              const auto csv = ctx.store->usageCsv(a.workspace.id, w->from, w->to, team ? QString() : a.member->id, &notFound);
              if (!csv && notFound)
                  return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
              if (!csv)   // an empty file would look like a month without usage
                  return reply->error(ApiError::internal(QStringLiteral("could not read the usage")));
              Response resp(QByteArrayLiteral("text/csv; charset=utf-8"), *csv);
              resp.addHeader(QByteArrayLiteral("Content-Disposition"),
                             QByteArrayLiteral("attachment; filename=\"kliv-usage-")
                                 + (w->period == QLatin1String("cycle") ? w->from.date().toString(Qt::ISODate)
                                                                        : w->month.toString(QStringLiteral("yyyy-MM"))).toLatin1()
                                 + QByteArrayLiteral(".csv\""));
              reply->send(resp);
          }));
}

} // namespace http
