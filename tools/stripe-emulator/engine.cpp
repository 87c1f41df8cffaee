#include "engine.h"

#include "apierror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

using namespace emu;

// ---------------------------------------------------------------- helpers

qint64 emu::addMonths(qint64 anchor, int months)
{
    // Stripe anchors every period on the first one; a missing day clamps to the month's end.
    return QDateTime::fromSecsSinceEpoch(anchor, Qt::UTC).addMonths(months).toSecsSinceEpoch();
}

int emu::intervalMonths(const QJsonObject &price)
{
    return price["recurring"].toObject()["interval"].toString() == QLatin1String("year") ? 12 : 1;
}

qint64 emu::taxOf(qint64 amount, double percentage, bool inclusive)
{
    const qint64 bp = qRound64(percentage * 100);   // basis points: 25 % = 2500
    const qint64 base = inclusive ? 10000 + bp : 10000;
    const qint64 a = qAbs(amount);
    const qint64 tax = (2 * a * bp + base) / (2 * base);
    return amount < 0 ? -tax : tax;
}

QString emu::intervalLabel(const QJsonObject &price)
{
    return intervalMonths(price) == 12 ? QStringLiteral("year") : QStringLiteral("month");
}

QJsonObject emu::item(const QJsonObject &subscription)
{
    return subscription["items"].toObject()["data"].toArray().first().toObject();
}

QJsonObject emu::withItem(QJsonObject subscription, const QJsonObject &item)
{
    QJsonObject items = subscription["items"].toObject();
    items["data"] = QJsonArray{item};
    subscription["items"] = items;
    return subscription;
}

QString emu::str(const QJsonObject &params, const QString &key)
{
    return params.value(key).toString();
}

QJsonValue emu::orNull(const QJsonObject &params, const QString &key)
{
    const QJsonValue v = params.value(key);
    return v.isUndefined() ? QJsonValue() : v;
}

bool emu::boolParam(const QJsonObject &params, const QString &key, bool fallback)
{
    const QJsonValue v = params.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (v.toString() == QLatin1String("true"))
        return true;
    if (v.toString() == QLatin1String("false"))
        return false;
    throw ApiError::invalid(key, QStringLiteral("Invalid boolean: %1").arg(v.toString()));
}

qint64 emu::intParam(const QJsonObject &params, const QString &key, qint64 fallback)
{
    const QJsonValue v = params.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    if (!ok)
        throw ApiError::invalid(key, QStringLiteral("Invalid integer: %1").arg(v.toString()));
    return n;
}

QString emu::formatAmount(qint64 minor, const QString &currency)
{
    const QString sign = minor < 0 ? QStringLiteral("−") : QString();
    minor = qAbs(minor);
    QString whole = QString::number(minor / 100);
    for (int i = whole.size() - 3; i > 0; i -= 3)
        whole.insert(i, QChar(0x00A0));
    const QString cur = currency.toLower() == QLatin1String("sek") ? QStringLiteral("kr") : currency.toUpper();
    return QStringLiteral("%1%2,%3 %4").arg(sign, whole).arg(minor % 100, 2, 10, QChar('0')).arg(cur);
}

QString emu::formatDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

emu::CardBehavior emu::cardBehavior(const QString &number)
{
    QString digits;
    for (QChar c : number) {
        if (c.isDigit())
            digits.append(c);
        else if (c != ' ' && c != '-')
            return CardBehavior::Invalid;
    }
    if (digits.size() < 12 || digits.size() > 19)
        return CardBehavior::Invalid;
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) { // Luhn
        int d = digits.at(digits.size() - 1 - i).digitValue();
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    if (sum % 10 != 0)
        return CardBehavior::Invalid;
    if (digits == QLatin1String("4242424242424242") || digits == QLatin1String("4000056655665556")
        || digits == QLatin1String("5555555555554444"))
        return CardBehavior::Succeeds;
    if (digits == QLatin1String("4000000000009995"))
        return CardBehavior::InsufficientFunds;
    if (digits == QLatin1String("4000000000000341"))
        return CardBehavior::AttachThenFail;
    return CardBehavior::Declines; // 4000000000000002 and any non-test card, as in test mode
}

QJsonObject emu::mergeMetadata(QJsonObject current, const QJsonValue &update)
{
    if (update.isNull()) // metadata= clears everything
        return {};
    const QJsonObject upd = update.toObject();
    for (auto it = upd.begin(); it != upd.end(); ++it) {
        if (it->isNull())
            current.remove(it.key()); // metadata[key]= removes one key
        else
            current.insert(it.key(), it.value());
    }
    return current;
}

// ---------------------------------------------------------------- basics

Engine::Engine(Store &store, const Catalog &catalog, EngineOptions options, QObject *parent)
    : QObject(parent), m_store(store), m_catalog(catalog), m_options(std::move(options))
{
}

void Engine::setRequestContext(const QString &requestId, const QString &idempotencyKey)
{
    m_requestId = requestId;
    m_idempotencyKey = idempotencyKey;
}

QJsonObject Engine::publicView(const QJsonObject &object)
{
    QJsonObject out = object;
    for (const QString &k : object.keys())
        if (k.startsWith('_'))
            out.remove(k);
    return out;
}

QJsonObject Engine::require(const QString &id, const QString &type, const QString &what) const
{
    QJsonObject o = type == QLatin1String("price") ? price(id)
                  : type == QLatin1String("product") && !m_catalog.product(id).isEmpty() ? m_catalog.product(id)
                                                      : m_store.get(id);
    if (o.isEmpty() || o["object"].toString() != type || o["deleted"].toBool())
        throw ApiError::missing(id, what);
    return o;
}

QJsonObject Engine::previousAttributes(const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject prev;
    for (auto it = before.begin(); it != before.end(); ++it)
        if (!it.key().startsWith('_') && after.value(it.key()) != it.value())
            prev.insert(it.key(), it.value());
    return prev;
}

void Engine::emitEvent(const QString &type, const QJsonObject &object, const QJsonObject &previous)
{
    const QString customer = object["object"].toString() == QLatin1String("customer")
                                 ? object["id"].toString() : object["customer"].toString();
    QJsonObject data{{"object", publicView(object)}};
    if (!previous.isEmpty())
        data.insert("previous_attributes", previous);
    const QJsonObject event{
        {"id", m_store.newId("evt_")}, {"object", "event"}, {"api_version", kApiVersion},
        {"created", m_eventTime > 0 ? m_eventTime : nowFor(customer)}, {"data", data}, {"livemode", false},
        {"pending_webhooks", m_options.deliverWebhooks ? 1 : 0},
        {"request", QJsonObject{{"id", m_requestId.isEmpty() ? QJsonValue() : QJsonValue(m_requestId)},
                                {"idempotency_key", m_idempotencyKey.isEmpty() ? QJsonValue() : QJsonValue(m_idempotencyKey)}}},
        {"type", type}};
    m_store.addEvent(event, m_options.deliverWebhooks); // delivered after the caller commits
}

QJsonObject Engine::expand(QJsonObject object, const QStringList &paths) const
{
    for (const QString &path : paths) {
        const QStringList parts = path.split('.');
        if (parts.size() > 4)
            throw ApiError::invalid("expand", QStringLiteral("You cannot expand more than 4 levels of a property. Property: %1").arg(path));
        std::function<QJsonValue(const QJsonValue &, int)> walk = [&](const QJsonValue &v, int i) -> QJsonValue {
            if (v.isArray()) {
                QJsonArray a;
                for (const QJsonValue &e : v.toArray())
                    a.append(walk(e, i));
                return a;
            }
            QJsonValue value = v;
            if (v.isString()) { // an id: expand it, then go on inside it
                const QString id = v.toString();
                const QJsonObject o = id.startsWith("price_") ? price(id)
                                    : id.startsWith("prod_") && !m_catalog.product(id).isEmpty() ? m_catalog.product(id) : m_store.get(id);
                if (!o.isEmpty())
                    value = publicView(o);
            }
            if (!value.isObject() || i == parts.size())
                return value;
            QJsonObject o = value.toObject();
            const QString key = parts.at(i);
            if (key == QLatin1String("line_items") && o["object"] == QLatin1String("checkout.session")) {
                o["line_items"] = QJsonObject{{"object", "list"}, {"data", o["_line_items"]}, {"has_more", false},
                                              {"url", "/v1/checkout/sessions/" + o["id"].toString() + "/line_items"}};
                return o;
            }
            if (!o.contains(key))
                throw ApiError::invalid("expand", QStringLiteral("This property cannot be expanded (%1).").arg(path));
            o[key] = walk(o.value(key), i + 1);
            return o;
        };
        object = walk(object, 0).toObject();
    }
    return object;
}

// ---------------------------------------------------------------- customers

namespace {
// invoice_settings[custom_fields][i][name|value] and [footer]: what every invoice of the customer shows.
QJsonObject invoiceSettings(const QJsonObject &params)
{
    const QJsonArray fields = params["custom_fields"].toArray();
    if (fields.size() > 4)
        throw ApiError::invalid("invoice_settings[custom_fields]", "You can have at most 4 custom fields.");
    QJsonArray custom;
    for (const QJsonValue &f : fields) {
        const QString name = str(f.toObject(), "name"), value = str(f.toObject(), "value");
        if (name.isEmpty() || name.size() > 40 || value.isEmpty() || value.size() > 140)
            throw ApiError::invalid("invoice_settings[custom_fields]", "A custom field needs a name (at most 40 characters) and a value (at most 140).");
        custom.append(QJsonObject{{"name", name}, {"value", value}});
    }
    return QJsonObject{{"custom_fields", custom.isEmpty() ? QJsonValue() : QJsonValue(custom)},
                       {"default_payment_method", QJsonValue()},
                       {"footer", params.contains("footer") ? params["footer"] : QJsonValue()}, {"rendering_options", QJsonValue()}};
}
} // namespace

QJsonObject Engine::createCustomer(const QJsonObject &params)
{
    QString clock = str(params, "test_clock");
    if (!clock.isEmpty())
        require(clock, "test_helpers.test_clock", "test_clock");
    const QString id = m_store.newId("cus_");
    const qint64 now = clock.isEmpty() ? globalNow() : m_store.get(clock)["frozen_time"].toInteger();
    QJsonObject c{{"id", id}, {"object", "customer"}, {"address", QJsonValue()}, {"balance", 0},
                  {"created", now}, {"currency", QJsonValue()}, {"default_source", QJsonValue()},
                  {"delinquent", false}, {"description", orNull(params, "description")}, {"discount", QJsonValue()},
                  {"email", orNull(params, "email")}, {"invoice_prefix", id.mid(4, 8).toUpper()},
                  {"invoice_settings", invoiceSettings(params["invoice_settings"].toObject())},
                  {"livemode", false}, {"metadata", params["metadata"].toObject()}, {"name", orNull(params, "name")},
                  {"next_invoice_sequence", 1}, {"phone", orNull(params, "phone")},
                  {"preferred_locales", params["preferred_locales"].toArray()}, {"shipping", QJsonValue()},
                  {"tax_exempt", "none"}, {"test_clock", clock.isEmpty() ? QJsonValue() : QJsonValue(clock)}};
    m_store.put(c);
    emitEvent("customer.created", c);
    return c;
}

QJsonObject Engine::updateCustomer(const QString &id, const QJsonObject &params)
{
    const QJsonObject before = require(id, "customer", "customer");
    QJsonObject c = before;
    for (const char *k : {"email", "name", "description", "phone"})
        if (params.contains(k))
            c[k] = params[k];
    if (params.contains("metadata"))
        c["metadata"] = mergeMetadata(c["metadata"].toObject(), params["metadata"]);
    const QJsonObject settings = params["invoice_settings"].toObject();
    if (settings.contains("default_payment_method")) {
        const QString pm = str(settings, "default_payment_method");
        if (!pm.isEmpty()) {
            const QJsonObject p = require(pm, "payment_method", "PaymentMethod");
            if (p["customer"].toString() != id)
                throw ApiError::invalid("invoice_settings[default_payment_method]",
                                        "The PaymentMethod is not attached to this customer.");
        }
        QJsonObject s = c["invoice_settings"].toObject();
        s["default_payment_method"] = pm.isEmpty() ? QJsonValue() : QJsonValue(pm);
        c["invoice_settings"] = s;
    }
    m_store.put(c);
    const QJsonObject prev = previousAttributes(before, c);
    if (!prev.isEmpty())
        emitEvent("customer.updated", c, prev);
    return c;
}

// ---------------------------------------------------------------- payment methods

QJsonObject Engine::attachCard(const QString &customerId, const QString &cardNumber)
{
    const CardBehavior behavior = cardBehavior(cardNumber);
    if (behavior == CardBehavior::Invalid)
        throw ApiError{402, "card_error", "incorrect_number", "Your card number is incorrect.", "number", {}};
    if (behavior == CardBehavior::Declines)
        throw ApiError{402, "card_error", "card_declined", "Your card was declined.", {}, "generic_decline"};
    QString digits = cardNumber;
    digits.remove(' ').remove('-');
    const qint64 now = nowFor(customerId);
    const QJsonObject pm{
        {"id", m_store.newId("pm_")}, {"object", "payment_method"}, {"allow_redisplay", "always"},
        {"billing_details", QJsonObject{{"address", QJsonValue()}, {"email", QJsonValue()}, {"name", QJsonValue()}, {"phone", QJsonValue()}}},
        {"card", QJsonObject{{"brand", digits.startsWith('5') ? "mastercard" : "visa"}, {"country", "SE"},
                             {"exp_month", 12}, {"exp_year", QDateTime::fromSecsSinceEpoch(now, Qt::UTC).date().year() + 3},
                             {"funding", "credit"}, {"last4", digits.right(4)},
                             {"display_brand", digits.startsWith('5') ? "mastercard" : "visa"}}},
        {"created", now}, {"customer", customerId}, {"livemode", false}, {"metadata", QJsonObject()},
        {"type", "card"},
        // Internal: how charges on this card behave (never the card number).
        {"_behavior", behavior == CardBehavior::Succeeds ? "succeeds"
                      : behavior == CardBehavior::InsufficientFunds ? "insufficient_funds" : "attach_then_fail"}};
    m_store.put(pm); // 0341 and 9995 attach fine: only their charges fail
    return pm;
}

void Engine::setDefaultPaymentMethod(const QString &customerId, const QString &pmId)
{
    QJsonObject settings{{"default_payment_method", pmId}};
    updateCustomer(customerId, QJsonObject{{"invoice_settings", settings}});
}

Engine::Charge Engine::charge(const QString &pmId, qint64 amount) const
{
    if (amount <= 0)
        return {true, {}, {}, {}};
    if (pmId.isEmpty())
        return {false, "invoice_no_payment_method", {}, "The customer has no default payment method."};
    const QString behavior = m_store.get(pmId)["_behavior"].toString();
    if (behavior == QLatin1String("succeeds"))
        return {true, {}, {}, {}};
    if (behavior == QLatin1String("insufficient_funds"))
        return {false, "card_declined", "insufficient_funds", "Your card has insufficient funds."};
    return {false, "card_declined", "generic_decline", "Your card was declined."};
}

QString Engine::defaultPaymentMethod(const QJsonObject &subscription) const
{
    const QString own = subscription["default_payment_method"].toString();
    if (!own.isEmpty())
        return own;
    return m_store.get(subscription["customer"].toString())["invoice_settings"].toObject()["default_payment_method"].toString();
}

// ---------------------------------------------------------------- portal

QJsonObject Engine::createPortalSession(const QJsonObject &params)
{
    const QString customer = str(params, "customer");
    if (customer.isEmpty())
        throw ApiError::paramMissing("customer");
    require(customer, "customer", "customer");
    const QString id = m_store.newId("bps_");
    const QJsonObject s{{"id", id}, {"object", "billing_portal.session"},
                        {"configuration", params["configuration"].isString() ? params["configuration"] : QJsonValue("bpc_emulator_default")},
                        {"created", nowFor(customer)}, {"customer", customer},
                        {"flow", params["flow_data"].isObject() ? params["flow_data"] : QJsonValue()},
                        {"livemode", false}, {"locale", orNull(params, "locale")}, {"on_behalf_of", QJsonValue()},
                        {"return_url", orNull(params, "return_url")}, {"url", m_options.baseUrl + "/p/session/" + id}};
    m_store.put(s);
    return s;
}
