// Plan changes, the payment portal, invoices and the Stripe webhook. Money
// moves only through the PaymentProvider; without one, downgrade, cancel and
// undo of an admin-managed subscription apply directly through the rules and
// everything that would charge or show money answers 503 payments_unavailable.
#include "jsonbody.h"
#include "jsonviews.h"
#include "paymentprovider.h"
#include "routes.h"
#include "service/workers.h"
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
    return workspaceRef(ctx.store, a.workspace);
}

// What a change request means now: {"tier"} ("free" = cancel).
static billing::ChangeResult classify(ServerContext &ctx, const billing::SubscriptionState &s, const QString &tier)
{
    if (tier == ctx.catalog->freePlan().id)
        return billing::requestCancel(*ctx.catalog, s, ctx.now());
    return billing::requestChange(*ctx.catalog, s, tier, ctx.now());
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

// The payment provider lives on a thread of its own (its HTTP client does): call
// it there. Its answer is handled on that thread too, with that thread's Store,
// in order with the webhooks it receives (Stripe answers the API call before
// it sends the event: a webhook must not overtake the answer it follows).
static void viaProvider(ServerContext &ctx, std::function<void(PaymentProvider *)> call)
{
    PaymentProvider *provider = ctx.provider;
    QMetaObject::invokeMethod(provider, [provider, call = std::move(call)] { call(provider); }, Qt::AutoConnection);
}

// The rules' preview for now; amount and instant may come from the provider instead.
static std::optional<billing::ChangePreview> preview(ServerContext &ctx, const Access &a, const QString &tier)
{
    const auto balance = ctx.store->balance(a.workspace.id, ctx.now(), *ctx.catalog);
    if (!balance)
        return std::nullopt;
    return billing::previewChange(*ctx.catalog, a.state, totalsOf(balance->balance, a.state, *a.plan), tier, ctx.now());
}

// What the preview says beyond the rules' ChangePreview: the instant the amount
// was quoted for (sent back with the change, so the charge is the quote), the
// monthly price from the next cycle on, and whether a cancellation is still
// pending once the change is done.
struct PreviewExtras {
    QDateTime quotedAt;
    billing::Money nextCyclePrice;
    bool cancelPendingAfter = false;
};

static PreviewExtras previewExtras(ServerContext &ctx, const Access &a, const billing::ChangePreview &p)
{
    PreviewExtras x;
    x.quotedAt = ctx.now();
    const billing::Plan *next = ctx.catalog->find(p.tier);
    x.nextCyclePrice = next && next->price ? *next->price : billing::Money{0, ctx.catalog->currency()};
    const auto res = classify(ctx, a.state, p.tier);
    // An upgrade applies through applyUpgrade once paid; the rest through the rule's state.
    const billing::SubscriptionState after = p.kind == ChangeKind::Upgrade ? billing::applyUpgrade(a.state, p.tier)
                                                                         : res.state;
    x.cancelPendingAfter = after.cancelAtPeriodEnd;
    return x;
}

static QJsonObject previewJson(const billing::ChangePreview &p, const PreviewExtras &x)
{
    return {{QStringLiteral("kind"), kindName(p.kind)},
            {QStringLiteral("tier"), p.tier},
            {QStringLiteral("effective_at"), storage::toRfc3339(p.effectiveAt)},
            {QStringLiteral("amount_due_now"), moneyJson(p.amountDueNow)},
            {QStringLiteral("credits_after"), p.creditsAfter},
            {QStringLiteral("allowance_after"), p.allowanceAfter},
            {QStringLiteral("quoted_at"), storage::toRfc3339(x.quotedAt)},
            {QStringLiteral("price_from_next_cycle"), moneyJson(x.nextCyclePrice)},
            {QStringLiteral("cancel_at_period_end_after"), x.cancelPendingAfter}};
}

// The signed-in member who asked for a change (the audit log's actor).
static storage::Actor actorOf(const Access &a)
{
    return a.member ? storage::Actor::member(a.member->userId) : storage::Actor::system();
}

// A plan change that waits for the provider (checkout, upgrade): the request is
// recorded as it goes to the provider (its webhook may come before its answer),
// a refusal (a declined card: 402) when the answer says so, and the outcome
// when the webhook brings it (plan.changed, by the system).
static void auditRequest(ServerContext &ctx, const Access &a, const QString &tier, const ProviderError *refused = nullptr)
{
    QJsonObject after{{QStringLiteral("plan"), tier}};
    if (refused)
        after.insert(QStringLiteral("error"), refused->code.isEmpty() ? QStringLiteral("payment_provider_error") : refused->code);
    ctx.store->appendAudit(storage::AuditEntry{
        0, a.workspace.id, ctx.now(), actorOf(a),
        QString::fromLatin1(refused ? storage::audit::PlanChangeFailed : storage::audit::PlanChangeRequested), tier,
        QJsonObject{{QStringLiteral("plan"), a.state.planId}}, after});
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
                                                      }, actorOf(a));
    if (!failure.code.isEmpty())
        return reply->error(failure);
    if (!change.ok)
        return reply->error(change.notFound ? ApiError::notFound(QStringLiteral("no such workspace")) : ApiError::internal());
    const billing::Plan *plan = ctx.catalog->find(change.state.planId);
    QJsonObject out{{QStringLiteral("workspace"),
                     workspaceJson(ctx.store, a.workspace, change.state, plan ? *plan : ctx.catalog->freePlan(),
                                   a.role, a.permissions, ctx.provider != nullptr)}};
    if (!kind.isEmpty())
        out.insert(QStringLiteral("kind"), kind);
    reply->json(out);
}

using Rule = std::function<billing::ChangeResult(const billing::SubscriptionState &)>;
using ProviderCall = std::function<void(PaymentProvider *, const WorkspaceRef &, std::function<void(ProviderError)>)>;

// A change that needs no payment now (downgrade, cancel, undo): with a provider
// it goes through the provider first; without one it applies directly, but
// only to an admin-managed subscription (a provider-managed one would drift).
static void changeWithoutCharge(ServerContext &ctx, const Access &a, const ReplyPtr &reply, const QString &kind,
                                const Rule &rule, const ProviderCall &call)
{
    if (!ctx.provider) {
        if (a.state.renewal == billing::Renewal::Invoice)
            return reply->error(ApiError::paymentsUnavailable());
        return applyLocally(ctx, a, reply, kind, rule);
    }
    const WorkspaceRef ref = refFor(ctx, a);
    auto done = std::function<void(ProviderError)>([&ctx, reply, a, kind, rule](ProviderError e) {
        if (!e.ok())
            return reply->error(providerError(e));
        applyLocally(ctx, a, reply, kind, rule);
    });
    viaProvider(ctx, [call, ref, done](PaymentProvider *p) { call(p, ref, done); });
}

// {"tier", "quoted_at"?} of a preview or change request; nullopt after
// answering the error. quoted_at is a preview's instant (RFC 3339).
struct TierRequest {
    QString tier;
    QDateTime quotedAt;
};

static std::optional<TierRequest> readTier(const Request &req, const ReplyPtr &reply)
{
    auto body = JsonBody::read(req.body, [&](const ApiError &e) { reply->error(e); });
    if (!body)
        return std::nullopt;
    TierRequest out;
    out.tier = body->string(QStringLiteral("tier"), 1, 100);
    if (body->has(QStringLiteral("quoted_at"))) {
        out.quotedAt = storage::fromRfc3339(body->string(QStringLiteral("quoted_at"), 1, 40));
        if (body->ok() && !out.quotedAt.isValid())
            body->fail(QStringLiteral("quoted_at"), QStringLiteral("must be an RFC 3339 instant (a preview's quoted_at)"));
    }
    if (!body->ok()) {
        reply->error(body->error());
        return std::nullopt;
    }
    return out;
}

// The instant an upgrade is prorated for: the preview's quote when it is recent
// and in this period (what the customer confirmed is what is charged), else now.
static QDateTime prorationInstant(ServerContext &ctx, const Access &a, const QDateTime &quotedAt)
{
    static constexpr qint64 kQuoteValidSecs = 30 * 60;
    const QDateTime now = ctx.now();
    if (!quotedAt.isValid() || quotedAt > now || quotedAt.secsTo(now) > kQuoteValidSecs)
        return now;
    if (a.state.periodStart.isValid() && quotedAt < a.state.periodStart)
        return now;
    return quotedAt;
}

// A paid plan an operator set (Pro or Enterprise by sales: renews by the clock,
// no subscription at the payment provider). With a provider configured the
// provider has nothing to upgrade, schedule or cancel, so only sales/admin
// change it; without one, downgrade/cancel/undo apply directly as before.
static bool refuseIfManagedByAdmin(const ServerContext &ctx, const Access &a, const ReplyPtr &reply)
{
    // Enterprise answers its own 409 (EnterpriseBySales) before this.
    if (!a.plan || a.plan->kind == billing::PlanKind::Enterprise || !managedBySales(*a.plan, a.state, ctx.provider != nullptr))
        return false;
    reply->error(ApiError::conflict(QStringLiteral("managed_by_admin"),
                                    QStringLiteral("this plan is managed by Kliv's sales team (set by an administrator, "
                                                   "no online subscription); contact sales to change it")));
    return true;
}

// Whether `res` may go on; answers the refusal otherwise.
static bool changeAllowed(ChangeError error, ChangeKind kind, const ReplyPtr &reply)
{
    if (error != ChangeError::None)
        reply->error(changeError(error));
    else if (kind == ChangeKind::Same)
        reply->error(ApiError::conflict(QStringLiteral("conflict"), QStringLiteral("already on that plan")));
    return error == ChangeError::None && kind != ChangeKind::Same;
}

void addSubscriptionRoutes(Router &r, ServerContext &ctx)
{
    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/preview"), Auth::User,
          withAccess(ctx, Permission::ManagePlan, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto tier = readTier(req, reply);
              if (!tier)
                  return;
              const auto p = preview(ctx, a, tier->tier);
              if (!p)
                  return reply->error(ApiError::notFound(QStringLiteral("no such workspace")));
              if (!changeAllowed(p->error, p->kind, reply) || refuseIfManagedByAdmin(ctx, a, reply))
                  return;
              const PreviewExtras extras = previewExtras(ctx, a, *p);
              const bool chargesNow = p->kind == ChangeKind::Checkout || p->kind == ChangeKind::Upgrade;
              if (!ctx.provider || !chargesNow)
                  return reply->json(previewJson(*p, extras));
              const WorkspaceRef ref = refFor(ctx, a);
              const billing::Plan plan = *ctx.catalog->find(p->tier);
              viaProvider(ctx, [ref, plan, reply, p = *p, extras](PaymentProvider *provider) {
                  provider->preview(ref, plan, extras.quotedAt, [reply, p, extras](ProviderError e, Preview pp) mutable {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      p.amountDueNow = pp.amountDueNow;
                      if (pp.effectiveAt.isValid())
                          p.effectiveAt = pp.effectiveAt;
                      reply->json(previewJson(p, extras));
                  });
              });
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/change"), Auth::User,
          withAccess(ctx, Permission::ManagePlan, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              const auto tier = readTier(req, reply);
              if (!tier)
                  return;
              const auto res = classify(ctx, a.state, tier->tier);
              if (!changeAllowed(res.error, res.kind, reply) || refuseIfManagedByAdmin(ctx, a, reply))
                  return;
              const billing::Plan target = *ctx.catalog->find(tier->tier);
              const Rule rule = [&ctx, t = tier->tier](const billing::SubscriptionState &s) { return classify(ctx, s, t); };
              switch (res.kind) {
              case ChangeKind::Checkout:
                  if (!ctx.provider)
                      return reply->error(ApiError::paymentsUnavailable());
                  auditRequest(ctx, a, target.id);
                  return viaProvider(ctx, [&ctx, a, ref = refFor(ctx, a), target, reply](PaymentProvider *p) {
                      p->startCheckout(ref, target, [&ctx, a, tier = target.id, reply](ProviderError e, QString url) {
                          if (!e.ok()) {
                              auditRequest(ctx, a, tier, &e);
                              return reply->error(providerError(e));
                          }
                          reply->json({{QStringLiteral("kind"), QStringLiteral("checkout")}, {QStringLiteral("checkout_url"), url}});
                      });
                  });
              case ChangeKind::Upgrade:
                  if (!ctx.provider)
                      return reply->error(ApiError::paymentsUnavailable());
              {
                  auto done = std::function<void(ProviderError)>([&ctx, reply, a, tier = target.id](ProviderError e) {
                      if (!e.ok()) {
                          auditRequest(ctx, a, tier, &e);   // e.g. a declined card
                          return reply->error(providerError(e));
                      }
                      // The new tier applies when the provider confirms the payment (webhook).
                      reply->json({{QStringLiteral("kind"), QStringLiteral("upgrade")},
                                   {QStringLiteral("workspace"), workspaceJson(ctx.store, a, true)}});
                  });
                  const QDateTime at = prorationInstant(ctx, a, tier->quotedAt);
                  auditRequest(ctx, a, target.id);
                  return viaProvider(ctx, [ref = refFor(ctx, a), target, at, done](PaymentProvider *p) {
                      p->upgrade(ref, target, at, done);
                  });
              }
              case ChangeKind::Downgrade:
                  return changeWithoutCharge(ctx, a, reply, QStringLiteral("downgrade"), rule,
                                             [target](PaymentProvider *p, const WorkspaceRef &ref, auto done) {
                                                 p->scheduleDowngrade(ref, target, std::move(done));
                                             });
              case ChangeKind::Cancel:
                  return changeWithoutCharge(ctx, a, reply, QStringLiteral("cancel"), rule,
                                             [](PaymentProvider *p, const WorkspaceRef &ref, auto done) {
                                                 p->cancelAtPeriodEnd(ref, std::move(done));
                                             });
              case ChangeKind::Same:
                  break;
              }
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/cancel"), Auth::User,
          withAccess(ctx, Permission::ManagePlan, [&ctx](Request &, const ReplyPtr &reply, const Access &a) {
              const Rule rule = [&ctx](const billing::SubscriptionState &s) {
                  return billing::requestCancel(*ctx.catalog, s, ctx.now());
              };
              if (const auto res = rule(a.state); !changeAllowed(res.error, res.kind, reply))
                  return;
              if (refuseIfManagedByAdmin(ctx, a, reply))
                  return;
              changeWithoutCharge(ctx, a, reply, QString(), rule, [](PaymentProvider *p, const WorkspaceRef &ref, auto done) {
                  p->cancelAtPeriodEnd(ref, std::move(done));
              });
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/subscription/undo"), Auth::User,
          withAccess(ctx, Permission::ManagePlan, [&ctx](Request &, const ReplyPtr &reply, const Access &a) {
              const Rule rule = [&ctx](const billing::SubscriptionState &s) { return billing::requestUndo(s, ctx.now()); };
              if (const auto res = rule(a.state); res.error != ChangeError::None)
                  return reply->error(changeError(res.error));
              if (refuseIfManagedByAdmin(ctx, a, reply))
                  return;
              changeWithoutCharge(ctx, a, reply, QString(), rule, [](PaymentProvider *p, const WorkspaceRef &ref, auto done) {
                  p->undo(ref, std::move(done));
              });
          }));

    r.add(Method::Post, QStringLiteral("/v1/workspaces/{ws}/billing-portal"), Auth::User,
          withAccess(ctx, Permission::ViewBilling, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (!ctx.provider)
                  return reply->error(ApiError::paymentsUnavailable());
              viaProvider(ctx, [ref = refFor(ctx, a), reply](PaymentProvider *p) {
                  p->portalSession(ref, [reply](ProviderError e, QString url) {
                      if (!e.ok())
                          return reply->error(providerError(e));
                      reply->json({{QStringLiteral("url"), url}});
                  });
              });
          }));

    r.add(Method::Get, QStringLiteral("/v1/workspaces/{ws}/invoices"), Auth::User,
          withAccess(ctx, Permission::ViewBilling, [&ctx](Request &req, const ReplyPtr &reply, const Access &a) {
              if (!ctx.provider)
                  return reply->error(ApiError::paymentsUnavailable());
              viaProvider(ctx, [ref = refFor(ctx, a), reply](PaymentProvider *p) {
              p->invoices(ref, [reply](ProviderError e, QList<Invoice> list) {
                  if (!e.ok())
                      return reply->error(providerError(e));
                  QJsonArray out;
                  const auto instant = [](const QDateTime &t) {
                      return t.isValid() ? QJsonValue(storage::toRfc3339(t)) : QJsonValue();
                  };
                  // The earliest-due unpaid invoice past its due date: the app's warning banner.
                  const Invoice *overdue = nullptr;
                  for (const Invoice &i : list) {
                      if (i.overdue && (!overdue || i.dueDate < overdue->dueDate))
                          overdue = &i;
                      out.append(QJsonObject{{QStringLiteral("id"), i.id},
                                             {QStringLiteral("number"), i.number},
                                             {QStringLiteral("created"), storage::toRfc3339(i.created)},
                                             {QStringLiteral("total"), moneyJson(i.total)},
                                             {QStringLiteral("tax"), moneyJson(i.tax)},
                                             {QStringLiteral("status"), i.status},
                                             {QStringLiteral("hosted_url"), i.hostedUrl},
                                             {QStringLiteral("pdf_url"), i.pdfUrl.isEmpty() ? QJsonValue() : QJsonValue(i.pdfUrl)},
                                             {QStringLiteral("plan_id"), i.planId.isEmpty() ? QJsonValue() : QJsonValue(i.planId)},
                                             {QStringLiteral("period_start"), instant(i.periodStart)},
                                             {QStringLiteral("period_end"), instant(i.periodEnd)},
                                             {QStringLiteral("proration"), i.proration},
                                             {QStringLiteral("amount_due"), moneyJson(i.amountDue)},
                                             {QStringLiteral("due_date"), instant(i.dueDate)}});
                  }
                  QJsonValue overdueJson;
                  if (overdue)
                      overdueJson = QJsonObject{{QStringLiteral("number"), overdue->number},
                                                {QStringLiteral("amount_due"), moneyJson(overdue->amountDue)},
                                                {QStringLiteral("due_date"), instant(overdue->dueDate)},
                                                {QStringLiteral("hosted_url"), overdue->hostedUrl},
                                                {QStringLiteral("grace_ends_at"), instant(overdue->graceEndsAt)},
                                                {QStringLiteral("allowance_withheld"), overdue->allowanceWithheld}};
                  reply->json({{QStringLiteral("invoices"), out}, {QStringLiteral("overdue"), overdueJson}});
              });
              });
          }));

    r.add(Method::Post, QStringLiteral("/webhooks/stripe"), Auth::None, [&ctx](Request &req, const ReplyPtr &reply) {
        if (!ctx.provider)
            return reply->error(ApiError::paymentsUnavailable());
        viaProvider(ctx, [body = req.body, sig = req.header(QByteArrayLiteral("stripe-signature")), reply](PaymentProvider *p) {
            const auto res = p->handleWebhook(body, sig);
            reply->json(res.body, res.httpStatus);
        });
    });
}

} // namespace http
