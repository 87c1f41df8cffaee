// The /v1 routes the emulator serves, with Stripe's paths and parameter names.
#include "apierror.h"
#include "apiserver.h"
#include "engine.h"
#include "store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace emu;

namespace {

// Matches "POST /v1/customers/:id" against a call; fills ids.
bool match(const QString &method, const QStringList &segments, const char *pattern, QStringList *ids)
{
    const QStringList p = QString::fromLatin1(pattern).split(' ');
    if (p.first() != method)
        return false;
    const QStringList want = p.at(1).split('/', Qt::SkipEmptyParts);
    if (want.size() != segments.size())
        return false;
    ids->clear();
    for (int i = 0; i < want.size(); ++i) {
        if (want.at(i) == QLatin1String(":id"))
            ids->append(segments.at(i));
        else if (want.at(i) != segments.at(i))
            return false;
    }
    return true;
}

// Stripe refuses parameters it does not know; so does the emulator.
void allow(const QJsonObject &params, const QStringList &known)
{
    static const QStringList paging{"limit", "starting_after", "ending_before"};
    for (auto it = params.begin(); it != params.end(); ++it)
        if (!known.contains(it.key()) && !paging.contains(it.key()))
            throw ApiError{400, "invalid_request_error", "parameter_unknown",
                           QStringLiteral("Received unknown parameter: %1").arg(it.key()), it.key(), {}};
}

QString path(const QStringList &segments)
{
    return "/" + segments.join('/');
}

} // namespace

QJsonObject ApiServer::emulatorClock(const Call &call)
{
    if (call.method == QLatin1String("POST")) {
        QJsonObject params = call.params;
        if (!call.rawBody.trimmed().startsWith('{') && call.params.isEmpty())
            throw ApiError::paramMissing("now");
        if (call.rawBody.trimmed().startsWith('{')) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(call.rawBody, &pe);
            if (!doc.isObject())
                throw ApiError::invalid("now", "The body is not a JSON object: " + pe.errorString());
            params = doc.object();
        }
        const QJsonValue v = params.value("now");
        qint64 now = 0;
        if (v.isDouble()) {
            now = v.toInteger();
        } else if (v.isString()) {
            bool ok = false;
            now = v.toString().toLongLong(&ok);
            if (!ok) {
                const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
                if (!t.isValid())
                    throw ApiError::invalid("now", "now must be a unix timestamp or an RFC 3339 instant.");
                now = t.toSecsSinceEpoch();
            }
        } else {
            throw ApiError::paramMissing("now");
        }
        m_engine.setGlobalClock(now);
    }
    return QJsonObject{{"object", "emulator.clock"}, {"now", m_engine.globalNow()}, {"frozen", m_engine.globalClockFrozen()},
                       {"iso", QDateTime::fromSecsSinceEpoch(m_engine.globalNow(), Qt::UTC).toString(Qt::ISODateWithMs)}};
}

QJsonObject ApiServer::route(const Call &call)
{
    const QString &m = call.method;
    const QStringList &s = call.segments;
    const QJsonObject &p = call.params;
    QStringList ids;
    const auto one = [&](const QJsonObject &o) { return m_engine.expand(Engine::publicView(o), call.expand); };
    const auto many = [&](const QList<QJsonObject> &items) { return m_engine.expand(list(items, p, path(s)), call.expand); };
    const auto is = [&](const char *pattern) { return match(m, s, pattern, &ids); };

    if (s.value(0) == QLatin1String("_emulator")) {
        if (s.size() == 2 && s.at(1) == QLatin1String("clock") && (m == QLatin1String("GET") || m == QLatin1String("POST")))
            return emulatorClock(call);
        throw ApiError{404, "invalid_request_error", {}, QStringLiteral("Unrecognized request URL (%1: %2).").arg(m, path(s)), {}, {}};
    }

    // customers
    if (is("POST /v1/customers")) {
        allow(p, {"email", "name", "description", "phone", "metadata", "test_clock", "preferred_locales", "invoice_settings"});
        return one(m_engine.createCustomer(p));
    }
    if (is("GET /v1/customers")) {
        allow(p, {"email", "test_clock"});
        QList<QJsonObject> out;
        for (const QJsonObject &c : m_store.list("customer"))
            if ((!p.contains("email") || c["email"] == p["email"]) && (!p.contains("test_clock") || c["test_clock"] == p["test_clock"]))
                out.append(c);
        return many(out);
    }
    if (is("GET /v1/customers/:id"))
        return one(m_engine.require(ids[0], "customer", "customer"));
    if (is("POST /v1/customers/:id")) {
        allow(p, {"email", "name", "description", "phone", "metadata", "invoice_settings", "preferred_locales"});
        return one(m_engine.updateCustomer(ids[0], p));
    }
    if (is("GET /v1/customers/:id/payment_methods") || is("GET /v1/payment_methods")) {
        allow(p, {"customer", "type"});
        const QString customer = ids.isEmpty() ? str(p, "customer") : ids[0];
        if (customer.isEmpty())
            throw ApiError::paramMissing("customer");
        m_engine.require(customer, "customer", "customer");
        return many(m_store.list("payment_method", customer));
    }
    if (is("GET /v1/payment_methods/:id"))
        return one(m_engine.require(ids[0], "payment_method", "PaymentMethod"));

    // prices and products: the plan catalog
    if (is("GET /v1/prices")) {
        allow(p, {"lookup_keys", "active", "product", "type", "currency", "recurring"});
        QStringList keys;
        for (const QJsonValue &k : p["lookup_keys"].toArray())
            keys.append(k.toString());
        QList<QJsonObject> out;
        for (const QJsonObject &price : m_engine.catalog().prices())
            if ((keys.isEmpty() || keys.contains(price["lookup_key"].toString()))
                && (!p.contains("product") || price["product"] == p["product"])
                && (!p.contains("active") || price["active"].toBool() == boolParam(p, "active", true)))
                out.append(price);
        return many(out);
    }
    if (is("POST /v1/prices")) {
        allow(p, {"currency", "unit_amount", "recurring", "product", "product_data", "metadata", "nickname", "tax_behavior"});
        return one(m_engine.createPrice(p));
    }
    if (is("POST /v1/tax_rates")) {
        allow(p, {"display_name", "percentage", "inclusive", "country", "jurisdiction", "description", "tax_type", "metadata"});
        return one(m_engine.createTaxRate(p));
    }
    if (is("GET /v1/tax_rates/:id"))
        return one(m_engine.require(ids[0], "tax_rate", "tax_rate"));
    if (is("GET /v1/prices/:id"))
        return one(m_engine.require(ids[0], "price", "price"));
    if (is("GET /v1/products/:id"))
        return one(m_engine.require(ids[0], "product", "product"));

    // checkout
    if (is("POST /v1/checkout/sessions")) {
        allow(p, {"mode", "line_items", "customer", "customer_email", "client_reference_id", "success_url", "cancel_url",
                  "metadata", "subscription_data", "locale", "expires_at", "allow_promotion_codes", "payment_method_types",
                  "billing_address_collection", "customer_update", "automatic_tax", "tax_id_collection", "ui_mode",
                  "payment_method_collection"});
        for (const QString &key : p["subscription_data"].toObject().keys())
            if (key != QLatin1String("metadata") && key != QLatin1String("description"))
                throw ApiError::invalid("subscription_data[" + key + "]",
                                        QStringLiteral("The Stripe emulator does not support subscription_data[%1].").arg(key));
        return one(m_engine.createCheckoutSession(p));
    }
    if (is("GET /v1/checkout/sessions")) {
        allow(p, {"customer", "subscription", "status", "payment_intent"});
        QList<QJsonObject> out;
        for (const QJsonObject &cs : m_store.list("checkout.session"))
            if ((!p.contains("customer") || cs["customer"] == p["customer"]) && (!p.contains("subscription") || cs["subscription"] == p["subscription"])
                && (!p.contains("status") || cs["status"] == p["status"]))
                out.append(cs);
        return many(out);
    }
    if (is("GET /v1/checkout/sessions/:id"))
        return one(m_engine.require(ids[0], "checkout.session", "checkout.session"));
    if (is("GET /v1/checkout/sessions/:id/line_items")) {
        QList<QJsonObject> out;
        for (const QJsonValue &v : m_engine.require(ids[0], "checkout.session", "checkout.session")["_line_items"].toArray())
            out.append(v.toObject());
        return many(out);
    }
    if (is("POST /v1/checkout/sessions/:id/expire")) {
        allow(p, {});
        return one(m_engine.expireCheckoutSession(ids[0]));
    }

    // subscriptions
    if (is("GET /v1/subscriptions")) {
        allow(p, {"customer", "status", "price", "test_clock"});
        const QString status = p.contains("status") ? str(p, "status") : QString();
        QList<QJsonObject> out;
        for (const QJsonObject &sub : m_store.list("subscription", str(p, "customer"))) {
            const QString st = sub["status"].toString();
            const bool statusOk = status == QLatin1String("all") || (status.isEmpty() ? st != QLatin1String("canceled") : st == status);
            if (statusOk && (!p.contains("price") || item(sub)["price"].toObject()["id"] == p["price"]))
                out.append(sub);
        }
        return many(out);
    }
    if (is("POST /v1/subscriptions")) {
        allow(p, {"customer", "items", "collection_method", "days_until_due", "metadata", "description", "default_tax_rates"});
        return one(m_engine.createSubscription(p));
    }
    if (is("GET /v1/subscriptions/:id"))
        return one(m_engine.require(ids[0], "subscription", "subscription"));
    if (is("POST /v1/subscriptions/:id")) {
        allow(p, {"items", "proration_behavior", "proration_date", "payment_behavior", "cancel_at_period_end", "metadata",
                  "default_payment_method"});
        return one(m_engine.updateSubscription(ids[0], p));
    }
    if (is("DELETE /v1/subscriptions/:id")) {
        allow(p, {"invoice_now", "prorate", "cancellation_details"});
        return one(m_engine.cancelSubscription(ids[0]));
    }

    // subscription schedules
    if (is("POST /v1/subscription_schedules")) {
        allow(p, {"from_subscription", "metadata", "customer", "phases", "end_behavior", "start_date"});
        return one(m_engine.createSchedule(p));
    }
    if (is("GET /v1/subscription_schedules")) {
        allow(p, {"customer"});
        return many(m_store.list("subscription_schedule", str(p, "customer")));
    }
    if (is("GET /v1/subscription_schedules/:id"))
        return one(m_engine.require(ids[0], "subscription_schedule", "subscription_schedule"));
    if (is("POST /v1/subscription_schedules/:id")) {
        allow(p, {"phases", "end_behavior", "metadata", "proration_behavior"});
        return one(m_engine.updateSchedule(ids[0], p));
    }
    if (is("POST /v1/subscription_schedules/:id/release")) {
        allow(p, {"preserve_cancel_date"});
        return one(m_engine.releaseSchedule(ids[0]));
    }
    if (is("POST /v1/subscription_schedules/:id/cancel")) {
        allow(p, {"invoice_now", "prorate"});
        return one(m_engine.cancelSchedule(ids[0]));
    }

    // invoices
    if (is("POST /v1/invoices/create_preview")) {
        allow(p, {"customer", "subscription", "subscription_details", "automatic_tax"});
        return one(m_engine.previewInvoice(p));
    }
    if (is("GET /v1/invoices")) {
        allow(p, {"customer", "subscription", "status", "collection_method"});
        QList<QJsonObject> out;
        for (const QJsonObject &inv : m_store.list("invoice", str(p, "customer"), str(p, "subscription")))
            if (!p.contains("status") || inv["status"] == p["status"])
                out.append(inv);
        return many(out);
    }
    if (is("GET /v1/invoices/:id"))
        return one(m_engine.require(ids[0], "invoice", "invoice"));
    if (is("GET /v1/invoices/:id/lines")) {
        QList<QJsonObject> out;
        for (const QJsonValue &v : m_engine.require(ids[0], "invoice", "invoice")["lines"].toObject()["data"].toArray())
            out.append(v.toObject());
        return many(out);
    }
    if (is("POST /v1/invoices/:id/pay")) {
        allow(p, {"off_session", "paid_out_of_band"});
        if (boolParam(p, "paid_out_of_band", false))
            return one(m_engine.payInvoiceOutOfBand(ids[0]));
        return one(m_engine.payInvoice(ids[0], true));
    }
    if (is("POST /v1/invoices/:id/void")) {
        allow(p, {});
        return one(m_engine.voidInvoice(ids[0]));
    }
    if (is("POST /v1/invoices/:id/finalize")) {
        allow(p, {"auto_advance"});
        return one(m_engine.finalizeInvoice(ids[0]));
    }

    // portal
    if (is("POST /v1/billing_portal/sessions")) {
        allow(p, {"customer", "return_url", "configuration", "locale", "flow_data", "on_behalf_of"});
        return one(m_engine.createPortalSession(p));
    }

    // events
    if (is("GET /v1/events")) {
        allow(p, {"type", "types", "created", "delivery_success"});
        QStringList types;
        for (const QJsonValue &t : p["types"].toArray())
            types.append(t.toString());
        if (p.contains("type"))
            types.append(str(p, "type"));
        QList<QJsonObject> out;
        for (const QJsonObject &e : m_store.events())
            if (types.isEmpty() || types.contains(e["type"].toString())
                || std::any_of(types.cbegin(), types.cend(), [&](const QString &t) {
                       return t.endsWith('*') && e["type"].toString().startsWith(t.chopped(1));
                   }))
                out.append(e);
        return many(out);
    }
    if (is("GET /v1/events/:id")) {
        for (const QJsonObject &e : m_store.events())
            if (e["id"].toString() == ids[0])
                return one(e);
        throw ApiError::missing(ids[0], "event");
    }

    // test clocks
    if (is("POST /v1/test_helpers/test_clocks")) {
        allow(p, {"frozen_time", "name"});
        return one(m_engine.createTestClock(p));
    }
    if (is("GET /v1/test_helpers/test_clocks"))
        return many(m_store.list("test_helpers.test_clock"));
    if (is("GET /v1/test_helpers/test_clocks/:id"))
        return one(m_engine.require(ids[0], "test_helpers.test_clock", "test_clock"));
    if (is("POST /v1/test_helpers/test_clocks/:id/advance")) {
        allow(p, {"frozen_time"});
        return one(m_engine.advanceTestClock(ids[0], p));
    }
    if (is("DELETE /v1/test_helpers/test_clocks/:id")) {
        m_engine.deleteTestClock(ids[0]);
        return QJsonObject{{"id", ids[0]}, {"object", "test_helpers.test_clock"}, {"deleted", true}};
    }

    throw ApiError{404, "invalid_request_error", {}, QStringLiteral("Unrecognized request URL (%1: %2). The Stripe emulator serves only the subset Kliv uses.").arg(m, path(s)), {}, {}};
}
