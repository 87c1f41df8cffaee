// Plan changes, the payment portal, invoices and the Stripe webhook. Money
// moves only through the PaymentProvider; without one, downgrade, cancel and
// undo of an admin-managed subscription apply directly through the rules and
// everything that would charge or show money answers 503 payments_unavailable.
#include "jsonbody.h"
#include "jsonviews.h"
#include "paymentprovider.h"
#include "routes.h"
#include "workspaceaccess.h"

#include "billing/changepreview.h"
#include "storage/store.h"
#include "storage/wirejson.h"

#include <QJsonArray>

namespace http {

using Method = QHttpServerRequest::Method;
using billing::ChangeError;
using billing::ChangeKind;
using billing::Permission;

static QString kindName(ChangeKind k)
{
    switch (k) {
    case ChangeKind::Checkout: return QStringLiteral("checkout");
    case ChangeKind::Upgrade: return QStringLiteral("upgrade");
    case ChangeKind::Downgrade: return QStringLiteral("downgrade");
    case ChangeKind::Cancel: return QStringLiteral("cancel");
    case ChangeKind::Same: break;
    }
    return QStringLiteral("none");
}

static ApiError changeError(ChangeError e)
{
    switch (e) {
    case ChangeError::UnknownTier:
        return ApiError::validation({{QStringLiteral("tier"), QStringLiteral("is not a plan in the catalog")}});
    case ChangeError::NotPurchasable:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("that plan is sold through sales, not checkout"));
    case ChangeError::PastDue:
        return ApiError::conflict(QStringLiteral("past_due"), QStringLiteral("the last payment failed; only cancel is possible until it is paid"));
    case ChangeError::NothingToUndo:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("there is no pending change to undo"));
    case ChangeError::NotOnPaidPlan:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("the workspace is not on a paid plan"));
    case ChangeError::EnterpriseBySales:
        return ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("Enterprise plans change through sales"));
    case ChangeError::None:
        break;
    }
    return ApiError::internal();
}

static ApiError providerError(const ProviderError &e)
{
    return ApiError{e.httpStatus, e.code.isEmpty() ? QStringLiteral("payment_provider_error") : e.code,
                    e.message.isEmpty() ? QStringLiteral("the payment provider refused the request") : e.message, {}, {}};
}

static WorkspaceRef refFor(ServerContext &ctx, const Access &a)
{
    WorkspaceRef ref{a.workspace.id, a.workspace.name, {}};
    for (const auto &m : ctx.store->members(a.workspace.id)) {
        if (m.role == QLatin1String("owner")) {
            ref.ownerEmail = m.email;
            break;
        }
    }
    return ref;
}

// What a change request means now: {"tier"} ("free" = cancel).
static billing::ChangeResult classify(ServerContext &ctx, const billing::SubscriptionState &s, const QString &tier)
{
    if (tier == ctx.catalog->freePlan().id)
        return billing::requestCancel(*ctx.catalog, s, ctx.now());
    return billing::requestChange(*ctx.catalog, s, tier, ctx.now());
}

static std::optional<QString> readTier(const Request &req, const ReplyPtr &reply)
{
    QJsonObject obj;
    if (auto err = JsonBody::parse(req.body, &obj)) {
        reply->error(*err);
        return std::nullopt;
    }
    JsonBody body(obj);
    const QString tier = body.string(QStringLiteral("tier"), 1, 100);
    if (!body.ok()) {
        reply->error(body.error());
        return std::nullopt;
    }
    return tier;
}

// The usage totals behind a balance (the store hands out balances, the
// preview rules take totals): paid plans count the cycle, Free the day and month.
static billing::UsageTotals totalsOf(const billing::Balance &b, const billing::SubscriptionState &s,
                                     const billing::Plan &plan)
{
    billing::UsageTotals t;
    if (!plan.isPaid()) {
        t.usedTodayOnFree = b.used;
        t.usedThisMonthOnFree = b.monthlyCap ? b.monthlyCap->used : 0;
        return t;
    }
    const qint64 tier = plan.kind == billing::PlanKind::Enterprise ? s.customAllowance : plan.monthlyCredits;
    t.usedThisCycle = b.used;
    t.grantsThisCycle = qMax<qint64>(0, b.allowance - (s.cycleFunded ? tier : 0));
    return t;
}

// The rules' preview for now; amount and instant may come from the provider instead.
static std::optional<billing::ChangePreview> preview(ServerContext &ctx, const Access &a, const QString &tier)
{
    const auto balance = ctx.store->balance(a.workspace.id, ctx.now(), *ctx.catalog);
    if (!balance)
        return std::nullopt;
    return billing::previewChange(*ctx.catalog, a.state, totalsOf(balance->balance, a.state, *a.plan), tier, ctx.now());
}

static QJsonObject previewJson(const billing::ChangePreview &p)
{
    return {{QStringLiteral("kind"), kindName(p.kind)},
            {QStringLiteral("tier"), p.tier},
            {QStringLiteral("effective_at"), storage::toRfc3339(p.effectiveAt)},
            {QStringLiteral("amount_due_now"), moneyJson(p.amountDueNow)},
            {QStringLiteral("credits_after"), p.creditsAfter},
            {QStringLiteral("allowance_after"), p.allowanceAfter}};
}

// Applies a downgrade/cancel/undo through the rules, under the workspace lock,
// and answers {"kind"?, "workspace"}.
static void applyLocally(ServerContext &ctx, const Access &a, const ReplyPtr &reply, const QString &kind,
                         const std::function<billing::ChangeResult(const billing::SubscriptionState &)> &rule)
{
    ApiError failure;
    const auto change = ctx.store->mutateSubscription(a.workspace.id, ctx.now(), *ctx.catalog,
                                                      [&](billing::SubscriptionState &s) {
                                                          const auto r = rule(s);
                                                          if (!r.ok()) {
                                                              failure = changeError(r.error);
                                                              return false;
                                                          }
                                                          s = r.state;
                                                          return true;
                                                      });
    if (!failure.code.isEmpty())
        return reply->error(failure);
    if (!change.ok)
        return reply->error(change.notFound ? ApiError::notFound(QStringLiteral("no such workspace")) : ApiError::internal());
    const billing::Plan *plan = ctx.catalog->find(change.state.planId);
    QJsonObject out{{QStringLiteral("workspace"),
                     workspaceJson(ctx.store, a.workspace, change.state, plan ? *plan : ctx.catalog->freePlan(),
                                   a.role, a.permissions)}};
    if (!kind.isEmpty())
        out.insert(QStringLiteral("kind"), kind);
    reply->json(out);
}

static bool needsProvider(ServerContext &ctx, const Access &a)
{
    return ctx.provider || a.state.renewal == billing::Renewal::Invoice;
}

void addSubscriptionRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/preview"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ManagePlan);
              const auto tier = a ? readTier(req, reply) : std::nullopt;
              if (!tier)
                  return;
              const auto p = preview(ctx, *a, *tier);
              if (!p)
                  return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
              if (!p->ok())
                  return reply->error(changeError(p->error));
              if (p->kind == ChangeKind::Same)
                  return reply->error(ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("already on that plan")));
              const bool chargesNow = p->kind == ChangeKind::Checkout || p->kind == ChangeKind::Upgrade;
              if (!ctx.provider || !chargesNow)
                  return reply->json(previewJson(*p));
              ctx.provider->preview(refFor(ctx, *a), *ctx.catalog->find(p->tier), [reply, p = *p](ProviderError e, Preview pp) mutable {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  p.amountDueNow = pp.amountDueNow;
                  if (pp.effectiveAt.isValid())
                      p.effectiveAt = pp.effectiveAt;
                  reply->json(previewJson(p));
              });
          });

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/change"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ManagePlan);
              const auto tier = a ? readTier(req, reply) : std::nullopt;
              if (!tier)
                  return;
              const auto res = classify(ctx, a->state, *tier);
              if (!res.ok())
                  return reply->error(changeError(res.error));
              if (res.kind == ChangeKind::Same)
                  return reply->error(ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("already on that plan")));
              const billing::Plan target = *ctx.catalog->find(*tier);
              const auto rule = [&ctx, t = *tier](const billing::SubscriptionState &s) { return classify(ctx, s, t); };
              const bool paid = res.kind == ChangeKind::Checkout || res.kind == ChangeKind::Upgrade;
              if (!ctx.provider && (paid || needsProvider(ctx, *a)))
                  return reply->error(ApiError::paymentsUnavailable());
              if (!ctx.provider)
                  return applyLocally(ctx, *a, reply, kindName(res.kind), rule);
              const WorkspaceRef ref = refFor(ctx, *a);
              switch (res.kind) {
              case ChangeKind::Checkout:
                  ctx.provider->startCheckout(ref, target, [reply](ProviderError e, QString url) {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      reply->json({{QStringLiteral("kind"), QStringLiteral("checkout")}, {QStringLiteral("checkout_url"), url}});
                  });
                  return;
              case ChangeKind::Upgrade:
                  ctx.provider->upgrade(ref, target, [&ctx, reply, a = *a](ProviderError e) {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      // The new tier applies when the provider confirms the payment (webhook).
                      reply->json({{QStringLiteral("kind"), QStringLiteral("upgrade")},
                                   {QStringLiteral("workspace"), workspaceJson(ctx.store, a)}});
                  });
                  return;
              case ChangeKind::Downgrade:
                  ctx.provider->scheduleDowngrade(ref, target, [&ctx, reply, a = *a, rule](ProviderError e) {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      applyLocally(ctx, a, reply, QStringLiteral("downgrade"), rule);
                  });
                  return;
              case ChangeKind::Cancel:
                  ctx.provider->cancelAtPeriodEnd(ref, [&ctx, reply, a = *a, rule](ProviderError e) {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      applyLocally(ctx, a, reply, QStringLiteral("cancel"), rule);
                  });
                  return;
              case ChangeKind::Same:
                  break;
              }
          });

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/cancel"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ManagePlan);
              if (!a)
                  return;
              const auto rule = [&ctx](const billing::SubscriptionState &s) {
                  return billing::requestCancel(*ctx.catalog, s, ctx.now());
              };
              const auto res = rule(a->state);
              if (!res.ok())
                  return reply->error(changeError(res.error));
              if (!ctx.provider && needsProvider(ctx, *a))
                  return reply->error(ApiError::paymentsUnavailable());
              if (!ctx.provider)
                  return applyLocally(ctx, *a, reply, QString(), rule);
              ctx.provider->cancelAtPeriodEnd(refFor(ctx, *a), [&ctx, reply, a = *a, rule](ProviderError e) {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  applyLocally(ctx, a, reply, QString(), rule);
              });
          });

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/undo"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ManagePlan);
              if (!a)
                  return;
              const auto rule = [&ctx](const billing::SubscriptionState &s) { return billing::requestUndo(s, ctx.now()); };
              const auto res = rule(a->state);
              if (!res.ok())
                  return reply->error(changeError(res.error));
              if (!ctx.provider && needsProvider(ctx, *a))
                  return reply->error(ApiError::paymentsUnavailable());
              if (!ctx.provider)
                  return applyLocally(ctx, *a, reply, QString(), rule);
              ctx.provider->undo(refFor(ctx, *a), [&ctx, reply, a = *a, rule](ProviderError e) {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  applyLocally(ctx, a, reply, QString(), rule);
              });
          });

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/billing-portal"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ViewBilling);
              if (!a)
                  return;
              if (!ctx.provider)
                  return reply->error(ApiError::paymentsUnavailable());
              ctx.provider->portalSession(refFor(ctx, *a), [reply](ProviderError e, QString url) {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  reply->json({{QStringLiteral("url"), url}});
              });
          });

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/invoices"), Auth::User,
          [&ctx](Request &req, const ReplyPtr &reply) {
              const auto a = resolveAccess(ctx, req, reply, Permission::ViewBilling);
              if (!a)
                  return;
              if (!ctx.provider)
                  return reply->error(ApiError::paymentsUnavailable());
              ctx.provider->invoices(refFor(ctx, *a), [reply](ProviderError e, QList<Invoice> list) {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  QJsonArray out;
                  for (const Invoice &i : list)
                      out.append(QJsonObject{{QStringLiteral("id"), i.id},
                                             {QStringLiteral("number"), i.number},
                                             {QStringLiteral("created"), storage::toRfc3339(i.created)},
                                             {QStringLiteral("total"), moneyJson(i.total)},
                                             {QStringLiteral("status"), i.status},
                                             {QStringLiteral("hosted_url"), i.hostedUrl}});
                  reply->json({{QStringLiteral("invoices"), out}});
              });
          });

    r.add(Method::Post, QStringLiteral("/webhooks/stripe"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        if (!ctx.provider)
            return reply->error(ApiError::paymentsUnavailable());
        const auto res = ctx.provider->handleWebhook(req.body, req.header(QByteArrayLiteral("stripe-signature")));
        reply->json(res.body, res.httpStatus);
    });
}

} // namespace http
