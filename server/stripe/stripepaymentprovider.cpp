#include "stripepaymentprovider.h"
#include "service/metrics.h"
#include "stripeledger.h"
#include "stripeschema.h"
#include "subscriptionderiver.h"

#include "billing/invoicegrace.h"
#include "billing/sellerdetails.h"
#include "http/returnpage.h"
#include "storage/store.h"

#include <algorithm>
#include <QJsonArray>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSqlDatabase>

namespace stripe {

using http::ProviderError;

namespace {

ProviderError conflict(const QString &message) { return {409, QStringLiteral("conflict"), message}; }

// The invoice an invoice.* event reports; nullopt when it grants or refuses nothing.
std::optional<InvoiceFacts> invoiceFromEvent(const QString &type, const QJsonObject &object)
{
    InvoiceFacts f = InvoiceFacts::fromJson(object);
    if (type == QLatin1String("invoice.paid") || type == QLatin1String("invoice.payment_succeeded"))
        f.status = QStringLiteral("paid");
    else if (type == QLatin1String("invoice.payment_failed"))
        f.status = f.isSent() ? QStringLiteral("open") : QStringLiteral("failed");   // a sent one is still owed
    else if (f.status != QLatin1String("paid")
             && !(f.isSent() && (f.status == QLatin1String("open") || f.status == QLatin1String("void")
                                 || f.status == QLatin1String("uncollectible"))))
        return std::nullopt;   // a sent invoice is owed from its finalization: its due date counts
    return f;
}

ProviderError internal() { return {500, QStringLiteral("internal"), QStringLiteral("The billing database failed.")}; }

bool isLive(const SubscriptionFacts &s)
{
    return s.status == QLatin1String("active") || s.status == QLatin1String("past_due")
        || s.status == QLatin1String("trialing");
}

} // namespace

void StripePaymentProvider::registerMigrations()
{
    QList<storage::Migration> list;
    int v = 0;
    for (const QString &m : StripeSchema::migrations()) {
        QStringList stmts;
        for (const QString &s : m.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!s.trimmed().isEmpty())
                stmts.append(s.trimmed());
        }
        ++v;
        list.append({v, QStringLiteral("stripe tables v%1").arg(v), stmts, stmts});
    }
    storage::Store::registerMigrations(QStringLiteral("stripe"), list);
}

StripePaymentProvider::StripePaymentProvider(StripeConfig config, storage::Store *store,
                                             const billing::PlanCatalog &catalog, const billing::Clock &clock,
                                             QObject *parent)
    : http::PaymentProvider(parent)
    , m_config(config)
    , m_store(store)
    , m_catalog(catalog)
    , m_clock(clock)
    , m_keys(std::make_unique<IdempotencyKeys>(store))
    , m_client(config, m_keys.get())
    , m_verifier(config.webhookSecret)
{
    m_graceTimer.setInterval(10 * 60 * 1000);
    connect(&m_graceTimer, &QTimer::timeout, this, &StripePaymentProvider::enforceAllInvoiceGrace);
    m_graceTimer.start();
}

StripePaymentProvider::~StripePaymentProvider() = default;

qint64 StripePaymentProvider::nowUnix() const { return m_clock.now().toSecsSinceEpoch(); }

QUrl StripePaymentProvider::publicUrl(const QString &query) const
{
    QUrl u = m_config.publicBase;
    u.setPath(http::returnPagePath());   // served by the HTTP layer (returnpage.h)
    u.setQuery(query);
    return u;
}

std::optional<SubscriptionFacts> StripePaymentProvider::currentSubscription(const QString &workspaceId) const
{
    const QList<SubscriptionFacts> subs = StripeLedger(m_store->database()).subscriptionsOf(workspaceId);
    if (subs.isEmpty())
        return std::nullopt;
    return subs.last();
}

// ---- money-moving calls -------------------------------------------------

void StripePaymentProvider::ensureCustomer(const http::WorkspaceRef &ws,
                                           std::function<void(ProviderError, QString)> done)
{
    const QString existing = StripeLedger(m_store->database()).customerOf(ws.workspaceId);
    if (!existing.isEmpty())
        return done({}, existing);
    FormParams p;
    if (!ws.ownerEmail.isEmpty())
        p.add(QStringLiteral("email"), ws.ownerEmail);
    if (!ws.name.isEmpty())
        p.add(QStringLiteral("name"), ws.name);
    p.add(QStringLiteral("metadata[workspace_id]"), ws.workspaceId);
    p.add(QStringLiteral("preferred_locales[0]"), QStringLiteral("sv"));
    if (!m_config.seller.isEmpty()) {
        // What a Swedish company books, on every invoice of this customer.
        const billing::SellerDetails &seller = m_config.seller;
        p.add(QStringLiteral("invoice_settings[custom_fields][0][name]"), QStringLiteral("Org.nr"));
        p.add(QStringLiteral("invoice_settings[custom_fields][0][value]"), seller.orgNumber);
        p.add(QStringLiteral("invoice_settings[custom_fields][1][name]"), QStringLiteral("Momsreg.nr"));
        p.add(QStringLiteral("invoice_settings[custom_fields][1][value]"), seller.vatNumber);
        p.add(QStringLiteral("invoice_settings[footer]"), QStringLiteral("%1, %2. Org.nr %3, momsreg.nr %4.")
                                                              .arg(seller.name, seller.address, seller.orgNumber, seller.vatNumber));
    }
    m_client.post(QStringLiteral("/v1/customers"), p, QStringLiteral("customer:") + ws.workspaceId,
                  [this, ws, done](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        const QString id = r.body.value(QLatin1String("id")).toString();
        bool saved = false;
        m_store->transaction([&] {
            saved = StripeLedger(m_store->database()).saveCustomer(ws.workspaceId, id, nowUnix());
            return saved;
        });
        if (!saved)
            return done(internal(), {});
        // Two racing first checkouts share the idempotency key, hence the customer.
        done({}, StripeLedger(m_store->database()).customerOf(ws.workspaceId));
    });
}

void StripePaymentProvider::ensureTaxRate(std::function<void(ProviderError, QString)> done)
{
    const bool inclusive = m_catalog.freePlan().priceIncludesVat;
    const QString name = QStringLiteral("tax_rate:%1:%2").arg(billing::kVatPercent).arg(inclusive ? "inclusive" : "exclusive");
    const QString existing = StripeLedger(m_store->database()).objectId(name);
    if (!existing.isEmpty())
        return done({}, existing);
    FormParams p;
    p.add(QStringLiteral("display_name"), QStringLiteral("Moms"));
    p.add(QStringLiteral("percentage"), qint64(billing::kVatPercent));
    p.add(QStringLiteral("inclusive"), inclusive);
    p.add(QStringLiteral("country"), QStringLiteral("SE"));
    p.add(QStringLiteral("jurisdiction"), QStringLiteral("SE"));
    p.add(QStringLiteral("tax_type"), QStringLiteral("vat"));
    m_client.post(QStringLiteral("/v1/tax_rates"), p, name, [this, name, done](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        bool saved = false;
        m_store->transaction([&] {
            saved = StripeLedger(m_store->database()).saveObjectId(name, r.body.value(QLatin1String("id")).toString(), nowUnix());
            return saved;
        });
        if (!saved)
            return done(internal(), {});
        done({}, StripeLedger(m_store->database()).objectId(name));   // a racing first one may have won
    });
}

void StripePaymentProvider::startCheckout(const http::WorkspaceRef &ws, const billing::Plan &plan,
                                          std::function<void(ProviderError, QString)> done)
{
    if (plan.kind != billing::PlanKind::Pro || !plan.purchasable || plan.stripePriceId.isEmpty())
        return done(conflict(QStringLiteral("This plan is sold through sales, not online.")), {});
    const auto current = currentSubscription(ws.workspaceId);
    if (current && isLive(*current))
        return done(conflict(QStringLiteral("The workspace already has a subscription.")), {});

    auto createSession = [this, ws, plan, done](const QString &customer, const QString &taxRate) {
        FormParams p;
        p.add(QStringLiteral("mode"), QStringLiteral("subscription"));
        p.add(QStringLiteral("line_items[0][price]"), plan.stripePriceId);
        p.add(QStringLiteral("line_items[0][quantity]"), qint64(1));
        p.add(QStringLiteral("line_items[0][tax_rates][0]"), taxRate);   // 25 % moms, shown on the invoice
        // What a company books: its billing address and VAT number, saved on the customer.
        p.add(QStringLiteral("billing_address_collection"), QStringLiteral("required"));
        p.add(QStringLiteral("tax_id_collection[enabled]"), true);
        p.add(QStringLiteral("customer_update[address]"), QStringLiteral("auto"));
        p.add(QStringLiteral("customer_update[name]"), QStringLiteral("auto"));
        p.add(QStringLiteral("customer"), customer);
        p.add(QStringLiteral("client_reference_id"), ws.workspaceId);
        p.add(QStringLiteral("metadata[workspace_id]"), ws.workspaceId);
        p.add(QStringLiteral("metadata[tier]"), plan.id);
        p.add(QStringLiteral("subscription_data[metadata][workspace_id]"), ws.workspaceId);
        p.add(QStringLiteral("locale"), QStringLiteral("sv"));
        p.add(QStringLiteral("success_url"),
              publicUrl(QStringLiteral("result=success")).toString() + QStringLiteral("&session_id={CHECKOUT_SESSION_ID}"));
        p.add(QStringLiteral("cancel_url"), publicUrl(QStringLiteral("result=cancel")).toString());
        // One session per workspace, tier and ten minutes: a retried click gets the same page.
        const QString op = QStringLiteral("checkout:%1:%2:%3").arg(ws.workspaceId, plan.stripePriceId)
                               .arg(QDateTime::currentSecsSinceEpoch() / 600);
        m_client.post(QStringLiteral("/v1/checkout/sessions"), p, op, [done](StripeResult r) {
            if (!r.ok())
                return done(r.error, {});
            const QString url = r.body.value(QLatin1String("url")).toString();
            if (url.isEmpty())
                return done({502, QStringLiteral("payment_provider_error"),
                             QStringLiteral("The payment provider returned no checkout page.")}, {});
            done({}, url);
        });
    };
    auto withCustomer = [this, ws, done, createSession] {
        ensureCustomer(ws, [this, done, createSession](ProviderError e, QString customer) {
            if (!e.ok())
                return done(e, {});
            ensureTaxRate([done, createSession, customer](ProviderError te, QString taxRate) {
                if (!te.ok())
                    return done(te, {});
                createSession(customer, taxRate);
            });
        });
    };
    // An unpaid subscription still exists at Stripe: end it, never two live subscriptions.
    if (current && current->status == QLatin1String("unpaid")) {
        m_client.del(QStringLiteral("/v1/subscriptions/") + current->id, QStringLiteral("end:") + current->id,
                     [this, ws, done, withCustomer](StripeResult r) {
            if (!r.ok())
                return done(r.error, {});
            recordFetched(ws.workspaceId, r.body, true);
            withCustomer();
        });
        return;
    }
    withCustomer();
}

// The schedule that governs `sub`, as the derived state sees it: the one its
// last copy names, or one learnt after that copy (newer facts win). Every
// action asks this, so what the user is shown pending is what undo releases.
static std::optional<ScheduleFacts> governingSchedule(StripeLedger &ledger, const SubscriptionFacts &sub)
{
    if (!sub.scheduleId.isEmpty())
        return ledger.schedule(sub.scheduleId);
    if (auto latest = ledger.newestScheduleOf(sub.id); latest && latest->version.newerThan(sub.version))
        return latest;
    return std::nullopt;
}

// The id of that schedule while it may still switch the price (unknown counts), else "".
static QString pendingScheduleId(StripeLedger &ledger, const SubscriptionFacts &sub)
{
    const auto sched = governingSchedule(ledger, sub);
    const QString id = !sub.scheduleId.isEmpty() ? sub.scheduleId : (sched ? sched->id : QString());
    return (sched && !sched->isPending()) ? QString() : id;
}

void StripePaymentProvider::releaseScheduleIfPending(const SubscriptionFacts &sub,
                                                     std::function<void(ProviderError)> done)
{
    StripeLedger ledger(m_store->database());
    const QString scheduleId = pendingScheduleId(ledger, sub);
    if (scheduleId.isEmpty())
        return done({});
    const QString ws = sub.workspaceId;
    m_client.post(QStringLiteral("/v1/subscription_schedules/%1/release").arg(scheduleId), {},
                  QStringLiteral("release:") + scheduleId, [this, ws, done](StripeResult r) {
        // Already released or completed at Stripe: nothing left to release.
        if (!r.ok() && r.httpStatus != 400)
            return done(r.error);
        if (r.ok())
            recordFetched(ws, r.body, false);
        done({});
    });
}

void StripePaymentProvider::setCancelFlag(const SubscriptionFacts &sub, bool cancel,
                                          std::function<void(ProviderError)> done)
{
    FormParams p;
    p.add(QStringLiteral("cancel_at_period_end"), cancel);
    const QString ws = sub.workspaceId;
    m_client.post(QStringLiteral("/v1/subscriptions/") + sub.id, p,
                  QStringLiteral("cancel:%1:%2:%3").arg(sub.id).arg(cancel).arg(sub.periodEnd),
                  [this, ws, done](StripeResult r) {
        if (!r.ok())
            return done(r.error);
        recordFetched(ws, r.body, false);
        done({});
    });
}

void StripePaymentProvider::upgrade(const http::WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &prorateAt,
                                    std::function<void(ProviderError)> done)
{
    const auto sub = currentSubscription(ws.workspaceId);
    if (!sub || !isLive(*sub))
        return done(conflict(QStringLiteral("The workspace has no subscription to upgrade.")));
    if (plan.stripePriceId.isEmpty() || !plan.purchasable)
        return done(conflict(QStringLiteral("This plan is sold through sales, not online.")));
    // An upgrade replaces a pending downgrade: release the schedule first.
    const qint64 at = (prorateAt.isValid() ? prorateAt : m_clock.now()).toSecsSinceEpoch();
    releaseScheduleIfPending(*sub, [this, sub = *sub, plan, at, done](ProviderError e) {
        if (!e.ok())
            return done(e);
        FormParams p;
        p.add(QStringLiteral("items[0][id]"), sub.itemId);
        p.add(QStringLiteral("items[0][price]"), plan.stripePriceId);
        p.add(QStringLiteral("proration_behavior"), QStringLiteral("always_invoice"));
        // The instant the preview quoted: what was shown is what is charged.
        p.add(QStringLiteral("proration_date"), at);
        // A declined card changes nothing and answers 402 now.
        p.add(QStringLiteral("payment_behavior"), QStringLiteral("error_if_incomplete"));
        if (sub.cancelAtPeriodEnd)
            p.add(QStringLiteral("cancel_at_period_end"), false);
        // The new tier applies when Stripe's webhook confirms it, not on this answer.
        m_client.post(QStringLiteral("/v1/subscriptions/") + sub.id, p,
                      QStringLiteral("upgrade:%1:%2:%3").arg(sub.id, plan.stripePriceId).arg(sub.periodStart),
                      [done](StripeResult r) { done(r.error); });
    });
}

void StripePaymentProvider::scheduleDowngrade(const http::WorkspaceRef &ws, const billing::Plan &plan,
                                              std::function<void(ProviderError)> done)
{
    const auto sub = currentSubscription(ws.workspaceId);
    if (!sub || !isLive(*sub))
        return done(conflict(QStringLiteral("The workspace has no subscription to change.")));
    if (plan.stripePriceId.isEmpty())
        return done(conflict(QStringLiteral("This plan is not sold online.")));

    auto phases = [this, sub = *sub, plan, done](const QString &scheduleId) {
        FormParams p;
        p.add(QStringLiteral("phases[0][items][0][price]"), sub.priceId);
        p.add(QStringLiteral("phases[0][items][0][quantity]"), qint64(1));
        p.add(QStringLiteral("phases[0][start_date]"), sub.periodStart);
        p.add(QStringLiteral("phases[0][end_date]"), sub.periodEnd);
        p.add(QStringLiteral("phases[1][items][0][price]"), plan.stripePriceId);
        p.add(QStringLiteral("phases[1][items][0][quantity]"), qint64(1));
        p.add(QStringLiteral("phases[1][duration][interval]"), QStringLiteral("month"));
        p.add(QStringLiteral("phases[1][duration][interval_count]"), qint64(1));
        p.add(QStringLiteral("end_behavior"), QStringLiteral("release"));
        p.add(QStringLiteral("proration_behavior"), QStringLiteral("none"));
        m_client.post(QStringLiteral("/v1/subscription_schedules/") + scheduleId, p,
                      QStringLiteral("downgrade:%1:%2:%3").arg(scheduleId, plan.stripePriceId).arg(sub.periodEnd),
                      [this, ws = sub.workspaceId, done](StripeResult r) {
            if (!r.ok())
                return done(r.error);
            recordFetched(ws, r.body, false);
            done({});
        });
    };
    auto withSchedule = [this, sub = *sub, done, phases] {
        StripeLedger ledger(m_store->database());
        const auto sched = governingSchedule(ledger, sub);
        if (sched && sched->isPending())   // a new downgrade replaces the pending one
            return phases(sched->id);
        FormParams p;
        p.add(QStringLiteral("from_subscription"), sub.id);
        m_client.post(QStringLiteral("/v1/subscription_schedules"), p,
                      QStringLiteral("schedule:%1:%2").arg(sub.id).arg(sub.periodEnd),
                      [done, phases](StripeResult r) {
            if (!r.ok())
                return done(r.error);
            phases(r.body.value(QLatin1String("id")).toString());
        });
    };
    if (sub->cancelAtPeriodEnd) {   // a downgrade replaces a pending cancel
        setCancelFlag(*sub, false, [done, withSchedule](ProviderError e) {
            if (!e.ok())
                return done(e);
            withSchedule();
        });
        return;
    }
    withSchedule();
}

void StripePaymentProvider::cancelAtPeriodEnd(const http::WorkspaceRef &ws, std::function<void(ProviderError)> done)
{
    const auto sub = currentSubscription(ws.workspaceId);
    if (!sub || !isLive(*sub))
        return done(conflict(QStringLiteral("The workspace has no subscription to cancel.")));
    releaseScheduleIfPending(*sub, [this, sub = *sub, done](ProviderError e) {
        if (!e.ok())
            return done(e);
        setCancelFlag(sub, true, done);
    });
}

void StripePaymentProvider::undo(const http::WorkspaceRef &ws, std::function<void(ProviderError)> done)
{
    const auto sub = currentSubscription(ws.workspaceId);
    if (!sub || !isLive(*sub))
        return done(conflict(QStringLiteral("Nothing to undo.")));
    StripeLedger ledger(m_store->database());
    const bool pendingSchedule = !pendingScheduleId(ledger, *sub).isEmpty();
    if (!pendingSchedule && !sub->cancelAtPeriodEnd)
        return done(conflict(QStringLiteral("Nothing to undo.")));
    releaseScheduleIfPending(*sub, [this, sub = *sub, done](ProviderError e) {
        if (!e.ok() || !sub.cancelAtPeriodEnd)
            return done(e);
        setCancelFlag(sub, false, done);
    });
}

void StripePaymentProvider::preview(const http::WorkspaceRef &ws, const billing::Plan &plan, const QDateTime &at,
                                    std::function<void(ProviderError, http::Preview)> done)
{
    const auto sub = currentSubscription(ws.workspaceId);
    const QDateTime now = at.isValid() ? at : m_clock.now();
    if (!sub || !isLive(*sub)) {   // checkout: the full price now
        if (!plan.price)
            return done(conflict(QStringLiteral("This plan is sold through sales, not online.")), {});
        return done({}, {now, *plan.price});
    }
    const billing::Plan *current = m_catalog.findByStripePrice(sub->priceId);
    const QDateTime periodEnd = QDateTime::fromSecsSinceEpoch(sub->periodEnd, Qt::UTC);
    const QString currency = m_catalog.currency().isEmpty() ? QStringLiteral("SEK") : m_catalog.currency();
    if (!plan.isPaid() || !current || plan.rank <= current->rank)   // cancel or downgrade: nothing now
        return done({}, {periodEnd, billing::Money{0, currency}});

    FormParams p;
    p.add(QStringLiteral("customer"), sub->customerId);
    p.add(QStringLiteral("subscription"), sub->id);
    p.add(QStringLiteral("subscription_details[items][0][id]"), sub->itemId);
    p.add(QStringLiteral("subscription_details[items][0][price]"), plan.stripePriceId);
    p.add(QStringLiteral("subscription_details[proration_behavior]"), QStringLiteral("always_invoice"));
    p.add(QStringLiteral("subscription_details[proration_date]"), now.toSecsSinceEpoch());
    m_client.post(QStringLiteral("/v1/invoices/create_preview"), p, {}, [done, now, currency](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        const qint64 due = qint64(r.body.value(QLatin1String("amount_due")).toDouble());
        const QString cur = r.body.value(QLatin1String("currency")).toString().toUpper();
        done({}, {now, billing::Money{due, cur.isEmpty() ? currency : cur}});
    });
}

void StripePaymentProvider::portalSession(const http::WorkspaceRef &ws, std::function<void(ProviderError, QString)> done)
{
    const QString customer = StripeLedger(m_store->database()).customerOf(ws.workspaceId);
    if (customer.isEmpty())
        return done(conflict(QStringLiteral("The workspace has no billing account yet.")), {});
    FormParams p;
    p.add(QStringLiteral("customer"), customer);
    p.add(QStringLiteral("return_url"), publicUrl(QStringLiteral("result=portal")).toString());
    p.add(QStringLiteral("locale"), QStringLiteral("sv"));
    m_client.post(QStringLiteral("/v1/billing_portal/sessions"), p, {}, [done](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        done({}, r.body.value(QLatin1String("url")).toString());
    });
}

// What an invoice was for, from its lines: the plan of the (last) subscription
// line, the period the lines cover, and whether any line is a proration.
void StripePaymentProvider::describeInvoice(const QJsonObject &invoice, http::Invoice *out) const
{
    qint64 start = 0, end = 0;
    for (const QJsonValue &v : invoice.value(QLatin1String("lines")).toObject().value(QLatin1String("data")).toArray()) {
        const QJsonObject line = v.toObject();
        const QJsonObject period = line.value(QLatin1String("period")).toObject();
        const qint64 s = qint64(period.value(QLatin1String("start")).toDouble());
        const qint64 e = qint64(period.value(QLatin1String("end")).toDouble());
        if (s > 0 && (start == 0 || s < start))
            start = s;
        end = qMax(end, e);
        const QJsonObject parent = line.value(QLatin1String("parent")).toObject();
        const QJsonObject details = parent.value(QLatin1String("subscription_item_details")).toObject();
        const bool proration = details.value(QLatin1String("proration")).toBool() || line.value(QLatin1String("proration")).toBool();
        out->proration = out->proration || proration;
        // A proration's credit line names the old plan: the plan is the charged line's.
        if (qint64(line.value(QLatin1String("amount")).toDouble()) < 0)
            continue;
        const QJsonObject pricing = line.value(QLatin1String("pricing")).toObject();
        QString priceId = pricing.value(QLatin1String("price_details")).toObject().value(QLatin1String("price")).toString();
        if (priceId.isEmpty())
            priceId = line.value(QLatin1String("price")).toObject().value(QLatin1String("id")).toString();
        if (const billing::Plan *plan = m_catalog.findByStripePrice(priceId))
            out->planId = plan->id;
    }
    if (start > 0)
        out->periodStart = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
    if (end > 0)
        out->periodEnd = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
}

void StripePaymentProvider::invoices(const http::WorkspaceRef &ws,
                                     std::function<void(ProviderError, QList<http::Invoice>)> done)
{
    const QString customer = StripeLedger(m_store->database()).customerOf(ws.workspaceId);
    if (customer.isEmpty())
        return done({}, {});
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("customer"), customer);
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_client.get(QStringLiteral("/v1/invoices"), q, [this, done](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        QList<http::Invoice> out;
        for (const QJsonValue &v : r.body.value(QLatin1String("data")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("status")).toString() == QLatin1String("draft"))
                continue;   // not issued yet: nothing the customer can see or pay
            http::Invoice inv;
            inv.id = o.value(QLatin1String("id")).toString();
            inv.number = o.value(QLatin1String("number")).toString();
            inv.created = QDateTime::fromSecsSinceEpoch(qint64(o.value(QLatin1String("created")).toDouble()), Qt::UTC);
            inv.total = {qint64(o.value(QLatin1String("total")).toDouble()),
                         o.value(QLatin1String("currency")).toString().toUpper()};
            inv.status = o.value(QLatin1String("status")).toString();
            inv.hostedUrl = o.value(QLatin1String("hosted_invoice_url")).toString();
            inv.pdfUrl = o.value(QLatin1String("invoice_pdf")).toString();
            describeInvoice(o, &inv);
            const InvoiceFacts facts = InvoiceFacts::fromJson(o);
            inv.amountDue = {facts.amountDue, facts.currency};
            inv.tax = {facts.tax, facts.currency};
            if (facts.dueDate > 0) {
                inv.dueDate = QDateTime::fromSecsSinceEpoch(facts.dueDate, Qt::UTC);
                inv.graceEndsAt = billing::graceEndsAt(inv.dueDate, m_config.invoiceGraceDays);
            }
            const auto standing = billing::invoiceStanding(inv.status, inv.dueDate, m_config.invoiceGraceDays, m_clock.now());
            inv.overdue = standing != billing::InvoiceStanding::Current;
            inv.allowanceWithheld = standing == billing::InvoiceStanding::PastGrace;
            out.append(inv);
        }
        done({}, out);
    });
}

// ---- webhooks ----------------------------------------------------------

http::PaymentProvider::WebhookResult StripePaymentProvider::handleWebhook(const QByteArray &rawBody,
                                                                          const QByteArray &signatureHeader)
{
    const WebhookResult r = verifyAndApply(rawBody, signatureHeader);
    // /metrics: every delivery's outcome; the lag of those that parsed.
    const QString outcome = r.httpStatus == 200 ? (r.body.value(QLatin1String("duplicate")).toBool() ? QStringLiteral("duplicate")
                                                                                                  : QStringLiteral("applied"))
        : r.httpStatus < 500 ? QStringLiteral("refused") : QStringLiteral("error");
    double lag = -1;
    if (r.httpStatus != 400) {
        const qint64 created = qint64(QJsonDocument::fromJson(rawBody).object().value(QLatin1String("created")).toDouble());
        if (created > 0)
            lag = double(qMax<qint64>(0, QDateTime::currentSecsSinceEpoch() - created));
    }
    service::Metrics::instance().webhook(outcome, lag);
    return r;
}

http::PaymentProvider::WebhookResult StripePaymentProvider::verifyAndApply(const QByteArray &rawBody,
                                                                           const QByteArray &signatureHeader)
{
    auto error = [](int status, const QString &code, const QString &message) {
        return WebhookResult{status, QJsonObject{{QStringLiteral("error"),
            QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}}};
    };
    // Stripe signs with real time (also under a moved development clock): replay
    // protection is about the wire, not about the billing clock.
    const auto verdict = m_verifier.verify(rawBody, signatureHeader, QDateTime::currentSecsSinceEpoch());
    if (verdict != WebhookVerifier::Result::Ok) {
        qCWarning(lcStripe) << "webhook refused:" << WebhookVerifier::describe(verdict);
        return error(400, QStringLiteral("bad_signature"), WebhookVerifier::describe(verdict));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody, &pe);
    const QJsonObject event = doc.object();
    if (pe.error != QJsonParseError::NoError || !doc.isObject()
        || event.value(QLatin1String("id")).toString().isEmpty()
        || event.value(QLatin1String("type")).toString().isEmpty()
        || !event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).isObject())
        return error(400, QStringLiteral("invalid_json"), QStringLiteral("not a Stripe event"));
    return applyEvent(event);
}

http::PaymentProvider::WebhookResult StripePaymentProvider::applyEvent(const QJsonObject &event)
{
    const QString eventId = event.value(QLatin1String("id")).toString();
    const QString type = event.value(QLatin1String("type")).toString();
    const qint64 created = qint64(event.value(QLatin1String("created")).toDouble());
    const QJsonObject object = event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    const Version version{created, eventId};

    bool duplicate = false;
    bool changed = false;
    bool sentInvoice = false;   // an invoiced plan's invoice: its standing may have changed
    QString workspace;
    QStringList fetch;   // API paths to re-read after commit
    QString dbError;
    const bool ok = m_store->transaction([&] {
        StripeLedger ledger(m_store->database());
        if (!ledger.markEventProcessed(eventId, type, created, nowUnix(), &dbError)) {
            duplicate = dbError.isEmpty();
            return duplicate;   // a repeat: commit nothing new, answer 200
        }
        if (type.startsWith(QLatin1String("customer.subscription."))) {
            SubscriptionFacts f = SubscriptionFacts::fromJson(object);
            f.version = version;
            if (type == QLatin1String("customer.subscription.deleted") && !f.isTerminal())
                f.status = QStringLiteral("canceled");
            workspace = f.workspaceId;
            if (workspace.isEmpty())
                workspace = ledger.workspaceOfCustomer(f.customerId);
            if (workspace.isEmpty())
                workspace = ledger.workspaceOfSubscription(f.id);
            if (workspace.isEmpty())
                return true;   // not one of ours (another integration on the account)
            if (!m_store->workspace(workspace)) {
                // Answering 500 would make Stripe retry it for days; it will never be ours.
                qCInfo(lcStripe) << "webhook" << eventId << "names workspace" << workspace
                                 << "which does not exist; ignored";
                return true;
            }
            if (const auto st = m_store->subscription(workspace))
                f.baseFreeSince = st->freeSince.isValid() ? st->freeSince.toSecsSinceEpoch() : 0;
            if (!ledger.recordSubscription(workspace, f))
                return false;
            fetch << QStringLiteral("/v1/subscriptions/") + f.id;
        } else if (type.startsWith(QLatin1String("invoice."))) {
            const auto f = invoiceFromEvent(type, object);
            if (!f || f->subscriptionId.isEmpty())
                return true;   // drafts, finalization, upcoming: nothing to grant or refuse
            workspace = ledger.workspaceOfSubscription(f->subscriptionId);
            if (workspace.isEmpty())
                workspace = ledger.workspaceOfCustomer(f->customerId);
            if (workspace.isEmpty()) {
                // Before its checkout and subscription: kept (not lost), applied when they arrive.
                fetch << QStringLiteral("/v1/subscriptions/") + f->subscriptionId;
                return ledger.keepUnplaced(eventId, type, f->subscriptionId, f->customerId, created, nowUnix(), object);
            }
            if (!ledger.recordInvoice(workspace, *f))
                return false;
            sentInvoice = f->isSent();
            if (!ledger.subscription(f->subscriptionId))
                fetch << QStringLiteral("/v1/subscriptions/") + f->subscriptionId;
        } else if (type.startsWith(QLatin1String("subscription_schedule."))) {
            ScheduleFacts f = ScheduleFacts::fromJson(object);
            f.version = version;
            if (!ledger.recordSchedule(f))
                return false;
            workspace = ledger.workspaceOfSubscription(f.subscriptionId);
            fetch << QStringLiteral("/v1/subscription_schedules/") + f.id;
        } else if (type == QLatin1String("checkout.session.completed")) {
            const QString ws = object.value(QLatin1String("client_reference_id")).toString();
            const QString customer = object.value(QLatin1String("customer")).toString();
            if (!ws.isEmpty() && !customer.isEmpty() && ledger.customerOf(ws).isEmpty()
                && m_store->workspace(ws) && !ledger.saveCustomer(ws, customer, nowUnix()))
                return false;
            const QString sub = object.value(QLatin1String("subscription")).toString();
            if (!sub.isEmpty())
                fetch << QStringLiteral("/v1/subscriptions/") + sub;
            workspace = ledger.workspaceOfCustomer(customer);
        }
        if (!workspace.isEmpty()) {
            if (!placeWaiting(ledger, workspace))
                return false;
            changed = rederive(workspace, ledger);
        }
        return true;
    }, &dbError);

    if (!ok) {
        // Stripe retries a non-2xx delivery later; nothing was committed.
        qCWarning(lcStripe) << "webhook" << eventId << "not applied:" << dbError;
        return {500, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("internal")},
                                                                       {QStringLiteral("message"), QStringLiteral("not applied; retry")}}}}};
    }
    if (sentInvoice)
        enforceInvoiceGrace(workspace);   // paid: the allowance is back at once
    if (changed || sentInvoice)
        Q_EMIT workspaceChanged(workspace);   // also the overdue banner's invoice
    if (!duplicate && m_refetch) {
        for (const QString &path : std::as_const(fetch))
            refetch(path);
    }
    return {200, QJsonObject{{QStringLiteral("received"), true}, {QStringLiteral("duplicate"), duplicate}}};
}

bool StripePaymentProvider::placeWaiting(StripeLedger &ledger, const QString &workspaceId)
{
    QStringList subscriptions;
    for (const SubscriptionFacts &s : ledger.subscriptionsOf(workspaceId))
        subscriptions << s.id;
    QList<StripeLedger::Unplaced> waiting;
    if (!ledger.unplacedFor(subscriptions, ledger.customerOf(workspaceId), &waiting))
        return false;
    for (const StripeLedger::Unplaced &u : std::as_const(waiting)) {
        const auto f = invoiceFromEvent(u.type, u.object);
        if (f && !ledger.recordInvoice(workspaceId, *f))
            return false;
        if (!ledger.dropUnplaced(u.eventId))
            return false;
        qCInfo(lcStripe) << "webhook" << u.eventId << "placed in workspace" << workspaceId;
    }
    return true;
}

bool StripePaymentProvider::rederive(const QString &workspaceId, StripeLedger &ledger)
{
    QList<SubscriptionHistory> history;
    for (const SubscriptionFacts &s : ledger.subscriptionsOf(workspaceId)) {
        history.append(SubscriptionHistory{s, governingSchedule(ledger, s), ledger.invoicesOf(s.id)});
    }
    if (history.isEmpty())
        return false;
    const billing::SubscriptionState derived = deriveWorkspaceState(m_catalog, history);
    const storage::SubscriptionChange change = m_store->mutateSubscription(
        workspaceId, m_clock.now(), m_catalog, [&](billing::SubscriptionState &st) {
            const billing::Plan *plan = m_catalog.find(st.planId);
            if (plan && plan->isPaid() && st.renewal == billing::Renewal::Clock) {
                // Set by an operator (Enterprise by sales): Stripe does not manage it.
                qCWarning(lcStripe) << "workspace" << workspaceId << "is managed by admin; Stripe event not applied";
                return false;
            }
            if (st == derived)
                return false;
            st = derived;
            return true;
        });
    return change.ok && change.changed;
}

Version StripePaymentProvider::fetchVersion(StripeLedger &ledger, const QString &table, const QString &idColumn,
                                            const QString &id, const QString &subscriptionId)
{
    // Newer than every event stored so far (same second, "~f" sorts after "evt_"):
    // of this object, and of its subscription, since a schedule first seen in the
    // answer to our own call must outrank its older .created (without the phase we
    // just added) arriving after it. Not every event's time: test clocks differ.
    const Version newest = ledger.newestVersion(table, idColumn, id);
    qint64 at = newest.at;
    if (!subscriptionId.isEmpty() && subscriptionId != id)
        at = std::max(at, ledger.newestVersion(QStringLiteral("stripe_subscriptions"), QStringLiteral("subscription_id"), subscriptionId).at);
    return {at, QStringLiteral("~f%1").arg(QDateTime::currentMSecsSinceEpoch() * 1000 + (m_fetchSeq++ % 1000), 20, 10, QLatin1Char('0'))};
}

void StripePaymentProvider::refetch(const QString &path)
{
    m_client.get(path, {}, [this](StripeResult r) {
        if (!r.ok())
            return;   // the next event or fetch brings it
        recordFetched(QString(), r.body, true);
    });
}

void StripePaymentProvider::recordFetched(const QString &workspaceHint, const QJsonObject &object, bool derive)
{
    const QString kind = object.value(QLatin1String("object")).toString();
    QString workspace = workspaceHint;
    bool changed = false;
    m_store->transaction([&] {
        StripeLedger ledger(m_store->database());
        if (kind == QLatin1String("subscription")) {
            SubscriptionFacts f = SubscriptionFacts::fromJson(object);
            if (workspace.isEmpty())
                workspace = f.workspaceId.isEmpty() ? ledger.workspaceOfCustomer(f.customerId) : f.workspaceId;
            if (workspace.isEmpty() || !m_store->workspace(workspace))
                return true;
            f.version = fetchVersion(ledger, QStringLiteral("stripe_subscriptions"), QStringLiteral("subscription_id"), f.id);
            if (const auto st = m_store->subscription(workspace))
                f.baseFreeSince = st->freeSince.isValid() ? st->freeSince.toSecsSinceEpoch() : 0;
            if (!ledger.recordSubscription(workspace, f))
                return false;
        } else if (kind == QLatin1String("subscription_schedule")) {
            ScheduleFacts f = ScheduleFacts::fromJson(object);
            f.version = fetchVersion(ledger, QStringLiteral("stripe_schedules"), QStringLiteral("schedule_id"), f.id, f.subscriptionId);
            if (!ledger.recordSchedule(f))
                return false;
            // A released schedule no longer names its subscription (released_subscription does).
            if (workspace.isEmpty())
                workspace = ledger.workspaceOfSubscription(f.subscriptionId);
        } else if (kind == QLatin1String("invoice")) {
            // Only a sent invoice is kept from an answer (its due date); a
            // charged one's outcome comes with its events.
            const InvoiceFacts f = InvoiceFacts::fromJson(object);
            if (workspace.isEmpty())
                workspace = ledger.workspaceOfSubscription(f.subscriptionId);
            if (!f.isSent() || workspace.isEmpty())
                return true;
            if (!ledger.recordInvoice(workspace, f))
                return false;
        } else {
            return true;
        }
        if (!workspace.isEmpty() && !placeWaiting(ledger, workspace))
            return false;
        if (derive && !workspace.isEmpty())
            changed = rederive(workspace, ledger);
        return true;
    });
    if (changed)
        Q_EMIT workspaceChanged(workspace);
}

// ---- invoiced plans (Enterprise by sales) -------------------------------

void StripePaymentProvider::startInvoicedPlan(const http::WorkspaceRef &ws, const InvoicedPlan &plan,
                                              std::function<void(ProviderError, QJsonObject)> done)
{
    const auto current = currentSubscription(ws.workspaceId);
    if (current && (isLive(*current) || current->status == QLatin1String("unpaid")))
        return done(conflict(QStringLiteral("The workspace already has a Stripe subscription (%1); it ends first.").arg(current->id)), {});
    ensureCustomer(ws, [this, ws, plan, done](ProviderError e, QString customer) {
        if (!e.ok())
            return done(e, {});
        ensureTaxRate([this, ws, plan, customer, done](ProviderError te, QString taxRate) {
            if (!te.ok())
                return done(te, {});
            createInvoicedSubscription(ws, plan, customer, taxRate, done);
        });
    });
}

void StripePaymentProvider::createInvoicedSubscription(const http::WorkspaceRef &ws, const InvoicedPlan &plan,
                                                       const QString &customer, const QString &taxRate,
                                                       std::function<void(ProviderError, QJsonObject)> done)
{
    FormParams price;
    price.add(QStringLiteral("currency"), m_catalog.currency().toLower());
    price.add(QStringLiteral("unit_amount"), plan.price);
    price.add(QStringLiteral("recurring[interval]"), plan.interval);
    price.add(QStringLiteral("product_data[name]"), plan.productName);
    price.add(QStringLiteral("metadata[workspace_id]"), ws.workspaceId);
    // One price per workspace, amount and interval: a rerun after a failure reuses it.
    const QString priceOp = QStringLiteral("invoiced-price:%1:%2:%3").arg(ws.workspaceId).arg(plan.price).arg(plan.interval);
    m_client.post(QStringLiteral("/v1/prices"), price, priceOp, [this, ws, plan, customer, taxRate, done](StripeResult r) {
        if (!r.ok())
            return done(r.error, {});
        const QString priceId = r.body.value(QLatin1String("id")).toString();
        FormParams p;
        p.add(QStringLiteral("customer"), customer);
        p.add(QStringLiteral("items[0][price]"), priceId);
        p.add(QStringLiteral("collection_method"), QStringLiteral("send_invoice"));
        p.add(QStringLiteral("days_until_due"), qint64(plan.daysUntilDue));
        p.add(QStringLiteral("default_tax_rates[0]"), taxRate);
        p.add(QStringLiteral("metadata[workspace_id]"), ws.workspaceId);
        p.add(QStringLiteral("metadata[credits]"), qint64(plan.credits));
        m_client.post(QStringLiteral("/v1/subscriptions"), p,
                      QStringLiteral("invoiced-subscription:%1:%2").arg(ws.workspaceId, priceId),
                      [this, ws, customer, priceId, plan, done](StripeResult sr) {
            if (!sr.ok())
                return done(sr.error, {});
            recordFetched(ws.workspaceId, sr.body, false);
            const QString invoiceId = sr.body.value(QLatin1String("latest_invoice")).toString();
            QJsonObject out{{QStringLiteral("customer_id"), customer},
                            {QStringLiteral("price_id"), priceId},
                            {QStringLiteral("subscription_id"), sr.body.value(QLatin1String("id")).toString()},
                            {QStringLiteral("collection_method"), sr.body.value(QLatin1String("collection_method"))},
                            {QStringLiteral("days_until_due"), plan.daysUntilDue}};
            if (invoiceId.isEmpty())
                return done({}, out);
            m_client.get(QStringLiteral("/v1/invoices/") + invoiceId, {}, [this, ws, out, done](StripeResult ir) mutable {
                if (ir.ok()) {
                    recordFetched(ws.workspaceId, ir.body, false);
                    const InvoiceFacts f = InvoiceFacts::fromJson(ir.body);
                    out.insert(QStringLiteral("invoice"), QJsonObject{
                        {QStringLiteral("id"), f.id}, {QStringLiteral("number"), f.number},
                        {QStringLiteral("status"), f.status}, {QStringLiteral("amount_due"), f.amountDue},
                        {QStringLiteral("currency"), f.currency},
                        {QStringLiteral("due_date"), f.dueDate ? QJsonValue(QDateTime::fromSecsSinceEpoch(f.dueDate, Qt::UTC)
                                                                                .toString(Qt::ISODate)) : QJsonValue()},
                        {QStringLiteral("hosted_invoice_url"), f.hostedUrl}});
                }
                done({}, out);   // the invoice's webhooks bring it too
            });
        });
    });
}

QJsonObject StripePaymentProvider::startInvoicedPlanNow(const StripeConfig &config, storage::Store *store,
                                                        const billing::PlanCatalog &catalog, const QDateTime &now,
                                                        const http::WorkspaceRef &ws, const InvoicedPlan &plan,
                                                        ProviderError *error)
{
    const billing::ManualClock clock(now);
    StripePaymentProvider provider(config, store, catalog, clock);
    provider.setRefetch(false);
    QEventLoop loop;
    QJsonObject result;
    bool finished = false;
    provider.startInvoicedPlan(ws, plan, [&](ProviderError e, QJsonObject out) {
        *error = e;
        result = out;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

bool StripePaymentProvider::enforceInvoiceGrace(const QString &workspaceId)
{
    const QDateTime now = m_clock.now();
    QList<billing::InvoiceStanding> standings;
    for (const InvoiceFacts &f : StripeLedger(m_store->database()).unpaidSentInvoices(workspaceId)) {
        const QDateTime due = f.dueDate ? QDateTime::fromSecsSinceEpoch(f.dueDate, Qt::UTC) : QDateTime();
        standings << billing::invoiceStanding(f.status, due, m_config.invoiceGraceDays, now);
    }
    const billing::InvoiceStanding worst = billing::worstStanding(standings);
    const storage::SubscriptionChange change = m_store->mutateSubscription(
        workspaceId, now, m_catalog, [&](billing::SubscriptionState &st) {
            const billing::SubscriptionState next = billing::applyInvoiceStanding(m_catalog, st, worst);
            if (next == st)
                return false;
            qCInfo(lcStripe) << "workspace" << workspaceId
                             << (next.cycleFunded ? "invoice paid: allowance restored" : "invoice past its grace period: allowance withheld");
            st = next;
            return true;
        });
    return change.ok && change.changed;
}

void StripePaymentProvider::enforceAllInvoiceGrace()
{
    for (const QString &ws : StripeLedger(m_store->database()).workspacesWithSentInvoices())
        enforceInvoiceGrace(ws);
}

void StripePaymentProvider::clockMoved(const QDateTime &now)
{
    // A moved development clock may end a grace period (the live hub announces it).
    enforceAllInvoiceGrace();
    // Development: the emulator's clock follows ours, so renewals happen at the same instant.
    FormParams p;
    p.add(QStringLiteral("now"), now.toSecsSinceEpoch());
    m_client.post(QStringLiteral("/_emulator/clock"), p, {}, [](StripeResult r) {
        if (!r.ok())
            qCWarning(lcStripe) << "could not move the Stripe emulator's clock:" << r.error.message;
    });
}

} // namespace stripe
