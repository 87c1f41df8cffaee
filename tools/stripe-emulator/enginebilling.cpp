// Checkout, subscription creation, invoices and payments.
#include "apierror.h"
#include "engine.h"

#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QUrl>

using namespace emu;

namespace {
bool isHttpUrl(const QString &s)
{
    const QUrl u(s, QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) && !u.host().isEmpty();
}
} // namespace

QJsonObject Engine::createCheckoutSession(const QJsonObject &params)
{
    const QString mode = str(params, "mode");
    if (mode.isEmpty())
        throw ApiError::paramMissing("mode");
    if (mode != QLatin1String("subscription"))
        throw ApiError::invalid("mode", "The Stripe emulator supports only mode=subscription.");
    const QJsonArray items = params["line_items"].toArray();
    if (items.isEmpty())
        throw ApiError::paramMissing("line_items");
    if (items.size() != 1)
        throw ApiError::invalid("line_items", "The Stripe emulator supports exactly one line item.");
    const QString priceId = str(items.first().toObject(), "price");
    if (priceId.isEmpty())
        throw ApiError::paramMissing("line_items[0][price]");
    QJsonObject price = m_catalog.price(priceId);
    if (price.isEmpty())
        throw ApiError{400, "invalid_request_error", "resource_missing",
                       QStringLiteral("No such price: '%1'").arg(priceId), "line_items[0][price]", {}};
    const QJsonArray lineTaxRates = taxRates(items.first().toObject()["tax_rates"], "line_items[0][tax_rates]");
    const qint64 quantity = intParam(items.first().toObject(), "quantity", 1);
    if (quantity != 1)
        throw ApiError::invalid("line_items[0][quantity]", "The Stripe emulator supports quantity 1 only.");
    const QString success = str(params, "success_url");
    if (success.isEmpty())
        throw ApiError::paramMissing("success_url");
    if (!isHttpUrl(QString(success).replace("{CHECKOUT_SESSION_ID}", "x")))
        throw ApiError{400, "invalid_request_error", "url_invalid", "Not a valid URL", "success_url", {}};
    const QString cancel = str(params, "cancel_url");
    if (!cancel.isEmpty() && !isHttpUrl(cancel))
        throw ApiError{400, "invalid_request_error", "url_invalid", "Not a valid URL", "cancel_url", {}};
    const QString customer = str(params, "customer");
    if (!customer.isEmpty() && params.contains("customer_email"))
        throw ApiError::invalid("customer_email", "You may only specify one of these parameters: customer, customer_email.");
    QJsonObject cus;
    if (!customer.isEmpty())
        cus = require(customer, "customer", "customer");
    const qint64 now = nowFor(customer);
    const qint64 expiresAt = intParam(params, "expires_at", now + 24 * 3600);
    if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600)
        throw ApiError::invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");

    const QString id = "cs_test_" + m_store.newId("").left(24) + m_store.newId("").left(24);
    const QJsonObject lineItem{{"id", m_store.newId("li_")}, {"object", "item"}, {"amount_discount", 0},
                               {"amount_subtotal", price["unit_amount"]}, {"amount_tax", 0},
                               {"amount_total", price["unit_amount"]}, {"currency", price["currency"]},
                               {"description", price["nickname"]}, {"price", price}, {"quantity", 1}};
    const QJsonObject s{
        {"id", id}, {"object", "checkout.session"}, {"allow_promotion_codes", QJsonValue()},
        {"amount_subtotal", price["unit_amount"]}, {"amount_total", price["unit_amount"]},
        {"automatic_tax", QJsonObject{{"enabled", false}, {"liability", QJsonValue()}, {"status", QJsonValue()}}},
        {"billing_address_collection", params.contains("billing_address_collection") ? params["billing_address_collection"] : QJsonValue()},
        {"cancel_url", cancel.isEmpty() ? QJsonValue() : QJsonValue(cancel)},
        {"client_reference_id", orNull(params, "client_reference_id")}, {"created", now}, {"currency", price["currency"]},
        {"customer", customer.isEmpty() ? QJsonValue() : QJsonValue(customer)},
        {"customer_creation", customer.isEmpty() ? QJsonValue("always") : QJsonValue()},
        {"customer_details", customer.isEmpty() ? QJsonValue()
                                                : QJsonValue(QJsonObject{{"email", cus["email"]}, {"name", cus["name"]}, {"address", QJsonValue()},
                                                                         {"phone", QJsonValue()}, {"tax_exempt", "none"}, {"tax_ids", QJsonArray()}})},
        {"customer_email", orNull(params, "customer_email")}, {"expires_at", expiresAt}, {"invoice", QJsonValue()},
        {"livemode", false}, {"locale", orNull(params, "locale")}, {"metadata", params["metadata"].toObject()},
        {"mode", mode}, {"payment_intent", QJsonValue()}, {"payment_link", QJsonValue()},
        {"payment_method_collection", "always"}, {"payment_method_types", QJsonArray{"card"}},
        {"payment_status", "unpaid"}, {"setup_intent", QJsonValue()}, {"status", "open"},
        {"submit_type", QJsonValue()}, {"subscription", QJsonValue()}, {"success_url", success},
        {"total_details", QJsonObject{{"amount_discount", 0}, {"amount_shipping", 0}, {"amount_tax", 0}}},
        {"tax_id_collection", QJsonObject{{"enabled", boolParam(params["tax_id_collection"].toObject(), "enabled", false)},
                                          {"required", "never"}}},
        {"ui_mode", "hosted"}, {"url", m_options.baseUrl + "/c/pay/" + id},
        {"_tax_rates", lineTaxRates},
        {"_line_items", QJsonArray{lineItem}},
        {"_subscription_metadata", params["subscription_data"].toObject()["metadata"].toObject()}};
    m_store.put(s);
    return s;
}

QJsonObject Engine::expireCheckoutSession(const QString &id)
{
    QJsonObject s = require(id, "checkout.session", "checkout.session");
    if (s["status"].toString() != QLatin1String("open"))
        throw ApiError::request(QStringLiteral("Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"%1\".")
                                    .arg(s["status"].toString()));
    s["status"] = "expired";
    s["url"] = QJsonValue();
    m_store.put(s);
    emitEvent("checkout.session.expired", s);
    return s;
}

QJsonObject Engine::completeCheckout(const QString &sessionId, const QString &cardNumber, const CheckoutDetails &details)
{
    QJsonObject s = require(sessionId, "checkout.session", "checkout.session");
    if (s["status"].toString() != QLatin1String("open"))
        throw ApiError::request("This Checkout Session is no longer open.", "checkout_session_not_open");
    const QString email = details.email;
    if (s["billing_address_collection"] == QLatin1String("required")
        && (str(details.address, "line1").trimmed().isEmpty() || str(details.address, "postal_code").trimmed().isEmpty()
            || str(details.address, "city").trimmed().isEmpty()))
        throw ApiError::request(QStringLiteral("Fyll i faktureringsadressen (gata, postnummer och ort)."), "billing_address_required");
    static const QRegularExpression vatForm(QStringLiteral("^[A-Z]{2}[0-9A-Z]{8,12}$"));
    const QString vat = QString(details.vatNumber).remove(' ').toUpper();
    if (!vat.isEmpty() && (!s["tax_id_collection"].toObject()["enabled"].toBool() || !vatForm.match(vat).hasMatch()))
        throw ApiError::request(QStringLiteral("Momsregistreringsnumret är ogiltigt (t.ex. SE556036079301)."), "tax_id_invalid");
    // Checkout charges the first invoice at once: a card that attaches but cannot be charged is a decline here.
    const CardBehavior behavior = cardBehavior(cardNumber);
    if (behavior == CardBehavior::AttachThenFail)
        throw ApiError{402, "card_error", "card_declined", "Your card was declined.", {}, "generic_decline"};
    if (behavior == CardBehavior::InsufficientFunds)
        throw ApiError{402, "card_error", "card_declined", "Your card has insufficient funds.", {}, "insufficient_funds"};

    QString customerId = s["customer"].toString();
    if (customerId.isEmpty()) {
        if (cardBehavior(cardNumber) == CardBehavior::Invalid || behavior == CardBehavior::Declines)
            attachCard({}, cardNumber); // throws the card error before a customer exists
        QString mail = s["customer_email"].toString();
        if (mail.isEmpty())
            mail = email;
        customerId = createCustomer(QJsonObject{{"email", mail.isEmpty() ? QJsonValue() : QJsonValue(mail)}})["id"].toString();
    }
    const QJsonObject pm = attachCard(customerId, cardNumber);
    setDefaultPaymentMethod(customerId, pm["id"].toString());
    if (s["billing_address_collection"] == QLatin1String("required") || !vat.isEmpty()) {
        // customer_update[address]=auto: what Checkout collected is saved on the customer.
        QJsonObject c = m_store.get(customerId);
        const QJsonObject before = c;
        if (s["billing_address_collection"] == QLatin1String("required"))
            c["address"] = QJsonObject{{"line1", str(details.address, "line1").trimmed()}, {"line2", QJsonValue()},
                                       {"postal_code", str(details.address, "postal_code").trimmed()},
                                       {"city", str(details.address, "city").trimmed()},
                                       {"country", str(details.address, "country").isEmpty() ? QStringLiteral("SE") : str(details.address, "country")},
                                       {"state", QJsonValue()}};
        if (!vat.isEmpty())
            c["tax_ids"] = QJsonObject{{"object", "list"}, {"has_more", false}, {"url", "/v1/customers/" + customerId + "/tax_ids"},
                                       {"data", QJsonArray{QJsonObject{{"id", m_store.newId("txi_")}, {"object", "tax_id"},
                                                                       {"country", vat.left(2)}, {"customer", customerId},
                                                                       {"type", "eu_vat"}, {"value", vat},
                                                                       {"verification", QJsonObject{{"status", "unavailable"}}}}}}};
        m_store.put(c);
        emitEvent("customer.updated", c, previousAttributes(before, c));
    }
    const QJsonObject customer = m_store.get(customerId);
    const qint64 now = nowFor(customerId);
    const QJsonObject price = s["_line_items"].toArray().first().toObject()["price"].toObject();
    SubscriptionTerms terms;
    terms.taxRates = s["_tax_rates"].toArray();
    const QJsonObject sub = newSubscription(customer, price, pm["id"].toString(),
                                            s["_subscription_metadata"].toObject(), now, terms);
    s["status"] = "complete";
    s["payment_status"] = "paid";
    s["url"] = QJsonValue();
    s["customer"] = customerId;
    s["subscription"] = sub["id"];
    s["invoice"] = sub["latest_invoice"];
    QJsonArray collectedTaxIds;
    for (const QJsonValue &t : customer["tax_ids"].toObject()["data"].toArray())
        collectedTaxIds.append(QJsonObject{{"type", t["type"]}, {"value", t["value"]}});
    s["customer_details"] = QJsonObject{{"email", customer["email"]}, {"name", customer["name"]}, {"address", customer["address"]},
                                        {"phone", QJsonValue()}, {"tax_exempt", "none"}, {"tax_ids", collectedTaxIds}};
    m_store.put(s);
    emitEvent("checkout.session.completed", s);
    return s;
}

QJsonObject Engine::newSubscription(const QJsonObject &customer, const QJsonObject &price, const QString &pmId,
                                    const QJsonObject &metadata, qint64 now, const SubscriptionTerms &terms)
{
    const bool sendInvoice = terms.sendInvoice;
    const QString id = m_store.newId("sub_");
    const qint64 end = addMonths(now, intervalMonths(price));
    const QJsonObject item{{"id", m_store.newId("si_")}, {"object", "subscription_item"}, {"billing_thresholds", QJsonValue()},
                           {"created", now}, {"current_period_start", now}, {"current_period_end", end},
                           {"discounts", QJsonArray()}, {"metadata", QJsonObject()}, {"price", price}, {"quantity", 1},
                           {"subscription", id}, {"tax_rates", QJsonArray()}};
    QJsonObject sub{
        {"id", id}, {"object", "subscription"}, {"application", QJsonValue()}, {"application_fee_percent", QJsonValue()},
        {"automatic_tax", QJsonObject{{"enabled", false}, {"liability", QJsonValue()}, {"disabled_reason", QJsonValue()}}},
        {"billing_cycle_anchor", now}, {"billing_cycle_anchor_config", QJsonValue()},
        {"billing_mode", QJsonObject{{"type", "classic"}}}, {"cancel_at", QJsonValue()}, {"cancel_at_period_end", false},
        {"canceled_at", QJsonValue()},
        {"cancellation_details", QJsonObject{{"comment", QJsonValue()}, {"feedback", QJsonValue()}, {"reason", QJsonValue()}}},
        {"collection_method", sendInvoice ? "send_invoice" : "charge_automatically"}, {"created", now},
        {"currency", price["currency"]}, {"customer", customer["id"]},
        {"days_until_due", sendInvoice ? QJsonValue(terms.daysUntilDue) : QJsonValue()},
        {"default_payment_method", pmId.isEmpty() ? QJsonValue() : QJsonValue(pmId)},
        {"default_source", QJsonValue()}, {"default_tax_rates", terms.taxRates}, {"description", QJsonValue()},
        {"discounts", QJsonArray()}, {"ended_at", QJsonValue()},
        {"invoice_settings", QJsonObject{{"account_tax_ids", QJsonValue()}, {"issuer", QJsonObject{{"type", "self"}}}}},
        {"items", QJsonObject{{"object", "list"}, {"data", QJsonArray{item}}, {"has_more", false}, {"total_count", 1},
                              {"url", "/v1/subscription_items?subscription=" + id}}},
        {"latest_invoice", QJsonValue()}, {"livemode", false}, {"metadata", metadata},
        {"next_pending_invoice_item_invoice", QJsonValue()}, {"on_behalf_of", QJsonValue()},
        {"pause_collection", QJsonValue()},
        {"payment_settings", QJsonObject{{"payment_method_options", QJsonValue()}, {"payment_method_types", QJsonValue()},
                                         {"save_default_payment_method", "off"}}},
        {"pending_invoice_item_interval", QJsonValue()}, {"pending_setup_intent", QJsonValue()},
        {"pending_update", QJsonValue()}, {"schedule", QJsonValue()}, {"start_date", now},
        // As in Stripe: incomplete until the first invoice is paid, then customer.subscription.updated -> active;
        // a sent invoice's subscription is active at once (the customer pays by the due date).
        {"status", sendInvoice ? "active" : "incomplete"},
        {"test_clock", customer["test_clock"]}, {"transfer_data", QJsonValue()}, {"trial_end", QJsonValue()},
        {"trial_settings", QJsonObject{{"end_behavior", QJsonObject{{"missing_payment_method", "create_invoice"}}}}},
        {"trial_start", QJsonValue()},
        {"_period_index", 0}, {"_pending_lines", QJsonArray()}};
    QJsonObject invoice = newInvoice(sub, "subscription_create", now, now, now,
                                     QJsonArray{line(sub, price, price["unit_amount"].toInteger(),
                                                     QStringLiteral("1 × %1 (at %2 / %3)").arg(price["nickname"].toString(),
                                                                                                  formatAmount(price["unit_amount"].toInteger(), price["currency"].toString()),
                                                                                                  intervalLabel(price)),
                                                     now, end, false)});
    sub["latest_invoice"] = invoice["id"];
    m_store.put(sub);
    emitEvent("customer.subscription.created", sub);
    emitEvent("invoice.created", invoice);
    emitEvent("invoice.finalized", invoice); // created and finalized at once, as for subscription invoices
    if (sendInvoice)
        emitEvent("invoice.sent", invoice);  // e-mailed with its hosted page; no charge attempt
    else
        attemptInvoice(invoice, now);
    return m_store.get(id);
}

QJsonObject Engine::line(const QJsonObject &subscription, const QJsonObject &price, qint64 amount,
                         const QString &description, qint64 start, qint64 end, bool proration) const
{
    const QJsonObject it = item(subscription);
    return QJsonObject{
        {"id", Store::newId("il_")}, {"object", "line_item"}, {"amount", amount},
        {"currency", price["currency"]}, {"description", description}, {"discount_amounts", QJsonArray()},
        {"discountable", !proration}, {"discounts", QJsonArray()}, {"livemode", false}, {"metadata", QJsonObject()},
        {"parent", QJsonObject{{"type", "subscription_item_details"}, {"invoice_item_details", QJsonValue()},
                               {"subscription_item_details", QJsonObject{{"invoice_item", QJsonValue()}, {"proration", proration},
                                                                         {"proration_details", QJsonObject{{"credited_items", QJsonValue()}}},
                                                                         {"subscription", subscription["id"]},
                                                                         {"subscription_item", it["id"]}}}}},
        {"period", QJsonObject{{"start", start}, {"end", end}}}, {"pretax_credit_amounts", QJsonArray()},
        {"pricing", QJsonObject{{"type", "price_details"},
                                {"price_details", QJsonObject{{"price", price["id"]}, {"product", price["product"]}}},
                                {"unit_amount_decimal", QString::number(amount)}}},
        {"quantity", 1}, {"subtotal", amount}, {"taxes", QJsonArray()}};
}

QJsonObject Engine::newInvoice(const QJsonObject &subscription, const QString &reason, qint64 now,
                               qint64 periodStart, qint64 periodEnd, const QJsonArray &lines, bool preview)
{
    const QString id = m_store.newId(preview ? "upcoming_in_" : "in_");
    QJsonObject customer = m_store.get(subscription["customer"].toString());
    qint64 total = 0;
    qint64 inclusiveTax = 0;
    QJsonArray withIds;
    QMap<QString, QJsonObject> totalTaxes;   // per tax rate
    const QJsonArray rates = subscription["default_tax_rates"].toArray();
    for (const QJsonValue &l : lines) {
        QJsonObject o = l.toObject();
        o["invoice"] = id;
        const qint64 amount = o["amount"].toInteger();
        total += amount;
        QJsonArray taxes;
        for (const QJsonValue &r : rates) {
            const QJsonObject rate = r.toObject();
            const bool inclusive = rate["inclusive"].toBool();
            const qint64 tax = taxOf(amount, rate["percentage"].toDouble(), inclusive);
            const qint64 taxable = inclusive ? amount - tax : amount;
            const QJsonObject entry{{"amount", tax}, {"tax_behavior", inclusive ? "inclusive" : "exclusive"},
                                    {"tax_rate_details", QJsonObject{{"tax_rate", rate["id"]}}},
                                    {"taxability_reason", "standard_rated"}, {"taxable_amount", taxable},
                                    {"type", "tax_rate_details"}};
            taxes.append(entry);
            QJsonObject sum = totalTaxes.value(rate["id"].toString(), entry);
            if (totalTaxes.contains(rate["id"].toString())) {
                sum["amount"] = sum["amount"].toInteger() + tax;
                sum["taxable_amount"] = sum["taxable_amount"].toInteger() + taxable;
            }
            totalTaxes.insert(rate["id"].toString(), sum);
            if (inclusive)
                inclusiveTax += tax;
            else
                total += tax;   // an exclusive rate is added on top
        }
        o["taxes"] = taxes;
        withIds.append(o);
    }
    QJsonArray totalTaxList;
    for (const QJsonObject &t : std::as_const(totalTaxes))
        totalTaxList.append(t);
    qint64 taxSum = 0;
    for (const QJsonObject &t : std::as_const(totalTaxes))
        taxSum += t["amount"].toInteger();
    const qint64 subtotal = total - (taxSum - inclusiveTax);   // before exclusive tax
    // A credit larger than the charge goes to the customer's balance, as Stripe does.
    const qint64 balance = customer["balance"].toInteger();
    qint64 due = total + balance;
    qint64 endingBalance = 0;
    if (due < 0) {
        endingBalance = due;
        due = 0;
    }
    QJsonArray customerTaxIds;
    for (const QJsonValue &t : customer["tax_ids"].toObject()["data"].toArray())
        customerTaxIds.append(QJsonObject{{"type", t["type"]}, {"value", t["value"]}});
    const qint64 seq = customer["next_invoice_sequence"].toInteger(1);
    if (!preview) {
        customer["next_invoice_sequence"] = seq + 1;
        customer["balance"] = endingBalance;
        m_store.put(customer);
    }
    QJsonObject invoice{
        {"id", id}, {"object", "invoice"}, {"account_country", "SE"}, {"account_name", "Kliv (Stripe emulator)"},
        {"account_tax_ids", QJsonValue()}, {"amount_due", due}, {"amount_overpaid", 0}, {"amount_paid", 0},
        {"amount_remaining", due}, {"amount_shipping", 0}, {"application", QJsonValue()}, {"attempt_count", 0},
        {"attempted", false}, {"auto_advance", true},
        {"automatic_tax", QJsonObject{{"enabled", false}, {"liability", QJsonValue()}, {"status", QJsonValue()}, {"disabled_reason", QJsonValue()}, {"provider", QJsonValue()}}},
        {"automatically_finalizes_at", QJsonValue()}, {"billing_reason", reason},
        {"collection_method", subscription["collection_method"].toString("charge_automatically")}, {"created", now},
        {"currency", subscription["currency"]},
        {"custom_fields", customer["invoice_settings"].toObject()["custom_fields"]}, {"customer", customer["id"]},
        {"customer_address", customer["address"]},
        {"customer_email", customer["email"]}, {"customer_name", customer["name"]}, {"customer_phone", QJsonValue()},
        {"customer_shipping", QJsonValue()}, {"customer_tax_exempt", "none"}, {"customer_tax_ids", customerTaxIds},
        {"default_payment_method", QJsonValue()}, {"default_source", QJsonValue()}, {"default_tax_rates", QJsonArray()},
        {"description", QJsonValue()}, {"discounts", QJsonArray()}, {"due_date", subscription["days_until_due"].isDouble() ? QJsonValue(now + subscription["days_until_due"].toInteger() * 86400) : QJsonValue()},
        {"effective_at", now},
        {"ending_balance", endingBalance}, {"footer", customer["invoice_settings"].toObject()["footer"]},
        {"from_invoice", QJsonValue()},
        {"hosted_invoice_url", m_options.baseUrl + "/i/" + id}, {"invoice_pdf", m_options.baseUrl + "/i/" + id + "/pdf"},
        {"issuer", QJsonObject{{"type", "self"}}}, {"last_finalization_error", QJsonValue()}, {"latest_revision", QJsonValue()},
        {"lines", QJsonObject{{"object", "list"}, {"data", withIds}, {"has_more", false}, {"total_count", withIds.size()},
                              {"url", "/v1/invoices/" + id + "/lines"}}},
        {"livemode", false}, {"metadata", QJsonObject()}, {"next_payment_attempt", QJsonValue()},
        {"number", QStringLiteral("%1-%2").arg(customer["invoice_prefix"].toString()).arg(seq, 4, 10, QChar('0'))},
        {"on_behalf_of", QJsonValue()},
        {"parent", QJsonObject{{"type", "subscription_details"}, {"quote_details", QJsonValue()},
                               {"subscription_details", QJsonObject{{"metadata", subscription["metadata"]},
                                                                    {"subscription", subscription["id"]}}}}},
        {"period_end", periodEnd}, {"period_start", periodStart}, {"post_payment_credit_notes_amount", 0},
        {"pre_payment_credit_notes_amount", 0}, {"receipt_number", QJsonValue()}, {"starting_balance", balance},
        {"statement_descriptor", QJsonValue()}, {"status", "open"},
        {"status_transitions", QJsonObject{{"finalized_at", now}, {"marked_uncollectible_at", QJsonValue()},
                                           {"paid_at", QJsonValue()}, {"voided_at", QJsonValue()}}},
        {"subtotal", subtotal}, {"subtotal_excluding_tax", subtotal - inclusiveTax}, {"test_clock", subscription["test_clock"]},
        {"total", total}, {"total_discount_amounts", QJsonArray()}, {"total_excluding_tax", total - taxSum},
        {"total_pretax_credit_amounts", QJsonArray()}, {"total_taxes", totalTaxList},
        {"webhooks_delivered_at", now}};
    if (preview) {
        invoice["status"] = "draft";
        invoice["number"] = QJsonValue();
        invoice["hosted_invoice_url"] = QJsonValue();
        invoice["invoice_pdf"] = QJsonValue();
        invoice["status_transitions"] = QJsonObject{{"finalized_at", QJsonValue()}, {"marked_uncollectible_at", QJsonValue()},
                                                    {"paid_at", QJsonValue()}, {"voided_at", QJsonValue()}};
        return invoice;
    }
    m_store.put(invoice, subscription["id"].toString());
    return invoice;
}

bool Engine::attemptInvoice(QJsonObject &invoice, qint64 now, qint64 nextAttempt)
{
    const QString subId = invoice["parent"].toObject()["subscription_details"].toObject()["subscription"].toString();
    const QJsonObject sub = m_store.get(subId);
    const QString pm = invoice["default_payment_method"].isString() ? invoice["default_payment_method"].toString()
                                                                    : defaultPaymentMethod(sub);
    const Charge c = charge(pm, invoice["amount_remaining"].toInteger());
    invoice["attempt_count"] = invoice["attempt_count"].toInt() + (invoice["amount_remaining"].toInteger() > 0 ? 1 : 0);
    invoice["attempted"] = true;
    if (c.ok) {
        markPaid(invoice, now);
        emitEvent("invoice.paid", invoice);
        emitEvent("invoice.payment_succeeded", invoice);
        invoicePaid(invoice, now);
        return true;
    }
    invoice["next_payment_attempt"] = nextAttempt > 0 ? QJsonValue(nextAttempt) : QJsonValue();
    invoice["last_payment_error"] = QJsonObject{{"code", c.code}, {"decline_code", c.declineCode}, {"message", c.message}, {"type", "card_error"}};
    m_store.put(invoice);
    emitEvent("invoice.payment_failed", invoice);
    return false;
}

void Engine::markPaid(QJsonObject &invoice, qint64 now)
{
    invoice["status"] = "paid";
    invoice["amount_paid"] = invoice["amount_due"];
    invoice["amount_remaining"] = 0;
    invoice["next_payment_attempt"] = QJsonValue();
    QJsonObject st = invoice["status_transitions"].toObject();
    st["paid_at"] = now;
    invoice["status_transitions"] = st;
    m_store.put(invoice);
}

void Engine::invoicePaid(const QJsonObject &invoice, qint64 now)
{
    Q_UNUSED(now)
    // A paid invoice settles a past_due subscription and applies a pending update.
    const QString subId = invoice["parent"].toObject()["subscription_details"].toObject()["subscription"].toString();
    const QJsonObject before = m_store.get(subId);
    if (before.isEmpty() || before["latest_invoice"].toString() != invoice["id"].toString())
        return;
    QJsonObject sub = before;
    const QJsonObject pending = sub["pending_update"].toObject();
    if (!pending.isEmpty()) {
        const QJsonObject price = this->price(pending["subscription_items"].toArray().first().toObject()["price"].toString());
        if (!price.isEmpty())
            sub = setItemPrice(sub, price);
        sub["pending_update"] = QJsonValue();
    }
    if (QStringList{"past_due", "unpaid", "incomplete"}.contains(sub["status"].toString()))
        sub["status"] = "active";
    if (sub != before) {
        m_store.put(sub);
        emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
        if (!pending.isEmpty())
            emitEvent("customer.subscription.pending_update_applied", sub, previousAttributes(before, sub));
    }
}

QJsonObject Engine::payInvoice(const QString &id, bool throwOnFailure)
{
    QJsonObject invoice = require(id, "invoice", "invoice");
    if (invoice["status"].toString() == QLatin1String("paid"))
        throw ApiError::request("Invoice is already paid", "invoice_already_paid");
    if (invoice["status"].toString() != QLatin1String("open"))
        throw ApiError::request(QStringLiteral("You can only pay an open invoice. This invoice is %1.").arg(invoice["status"].toString()),
                                "invoice_not_open");
    const qint64 now = nowFor(invoice["customer"].toString());
    if (!attemptInvoice(invoice, now) && throwOnFailure) {
        const QJsonObject err = invoice["last_payment_error"].toObject();
        throw ApiError{402, "card_error", err["code"].toString(), err["message"].toString(), {}, err["decline_code"].toString()};
    }
    return m_store.get(id);
}

// Stripe's POST /v1/invoices/:id/pay with paid_out_of_band=true: paid outside
// Stripe (a bank transfer to the seller's account); no charge, invoice.paid only.
QJsonObject Engine::payInvoiceOutOfBand(const QString &id)
{
    QJsonObject invoice = require(id, "invoice", "invoice");
    if (invoice["status"].toString() == QLatin1String("paid"))
        throw ApiError::request("Invoice is already paid", "invoice_already_paid");
    if (invoice["status"].toString() != QLatin1String("open") && invoice["status"].toString() != QLatin1String("uncollectible"))
        throw ApiError::request(QStringLiteral("You can only pay an open invoice. This invoice is %1.").arg(invoice["status"].toString()),
                                "invoice_not_open");
    const qint64 now = nowFor(invoice["customer"].toString());
    invoice["paid_out_of_band"] = true;
    markPaid(invoice, now);
    emitEvent("invoice.paid", invoice);
    invoicePaid(invoice, now);
    return m_store.get(id);
}

QJsonObject Engine::voidInvoice(const QString &id)
{
    QJsonObject invoice = require(id, "invoice", "invoice");
    if (invoice["status"].toString() != QLatin1String("open") && invoice["status"].toString() != QLatin1String("uncollectible"))
        throw ApiError::request(QStringLiteral("You can only void an open or uncollectible invoice. This invoice is %1.")
                                    .arg(invoice["status"].toString()), "invoice_not_open");
    invoice["status"] = "void";
    invoice["amount_remaining"] = 0;
    QJsonObject st = invoice["status_transitions"].toObject();
    st["voided_at"] = nowFor(invoice["customer"].toString());
    invoice["status_transitions"] = st;
    m_store.put(invoice);
    emitEvent("invoice.voided", invoice);
    return invoice;
}

// Subscription invoices are finalized when they are created: finalizing one again is Stripe's error.
QJsonObject Engine::finalizeInvoice(const QString &id)
{
    const QJsonObject invoice = require(id, "invoice", "invoice");
    if (invoice["status"].toString() != QLatin1String("draft"))
        throw ApiError::request("This invoice is already finalized, you can't re-finalize a non-draft invoice.",
                                "invoice_not_editable");
    return invoice;
}

QJsonObject Engine::createPrice(const QJsonObject &params)
{
    const QString currency = str(params, "currency").toLower();
    if (currency.isEmpty())
        throw ApiError::paramMissing("currency");
    if (!params.contains("unit_amount"))
        throw ApiError::paramMissing("unit_amount");
    const qint64 amount = intParam(params, "unit_amount", 0);
    if (amount < 0)
        throw ApiError::invalid("unit_amount", "This value must be greater than or equal to 0.");
    const QJsonObject recurring = params["recurring"].toObject();
    const QString interval = str(recurring, "interval");
    if (interval != QLatin1String("month") && interval != QLatin1String("year"))
        throw ApiError::invalid("recurring[interval]", "The Stripe emulator supports recurring[interval] month or year.");
    const QString name = str(params["product_data"].toObject(), "name");
    QString productId = str(params, "product");
    if (productId.isEmpty()) {
        if (name.isEmpty())
            throw ApiError::paramMissing("product");
        productId = m_store.newId("prod_");
        m_store.put(QJsonObject{{"id", productId}, {"object", "product"}, {"active", true}, {"created", globalNow()},
                                {"name", name}, {"livemode", false}, {"metadata", QJsonObject()}, {"type", "service"}});
    }
    const QString product = require(productId, "product", "product")["name"].toString();
    const QJsonObject p{
        {"id", m_store.newId("price_")}, {"object", "price"}, {"active", true}, {"billing_scheme", "per_unit"},
        {"created", globalNow()}, {"currency", currency}, {"custom_unit_amount", QJsonValue()}, {"livemode", false},
        {"lookup_key", QJsonValue()}, {"metadata", params["metadata"].toObject()}, {"nickname", product},
        {"product", productId},
        {"recurring", QJsonObject{{"interval", interval}, {"interval_count", 1}, {"meter", QJsonValue()},
                                  {"usage_type", "licensed"}, {"trial_period_days", QJsonValue()}}},
        {"tax_behavior", "unspecified"}, {"tiers_mode", QJsonValue()}, {"transform_quantity", QJsonValue()},
        {"type", "recurring"}, {"unit_amount", amount}, {"unit_amount_decimal", QString::number(amount)}};
    m_store.put(p);
    return p;
}

QJsonObject Engine::createTaxRate(const QJsonObject &params)
{
    const QString name = str(params, "display_name");
    if (name.isEmpty())
        throw ApiError::paramMissing("display_name");
    if (!params.contains("percentage"))
        throw ApiError::paramMissing("percentage");
    if (!params.contains("inclusive"))
        throw ApiError::paramMissing("inclusive");
    bool ok = false;
    const double percentage = str(params, "percentage").toDouble(&ok);
    if (!ok || percentage < 0 || percentage > 100)
        throw ApiError::invalid("percentage", "percentage must be a number from 0 to 100.");
    const QJsonObject rate{
        {"id", m_store.newId("txr_")}, {"object", "tax_rate"}, {"active", true}, {"country", orNull(params, "country")},
        {"created", globalNow()}, {"description", orNull(params, "description")}, {"display_name", name},
        {"effective_percentage", percentage}, {"inclusive", boolParam(params, "inclusive", false)},
        {"jurisdiction", orNull(params, "jurisdiction")}, {"livemode", false}, {"metadata", params["metadata"].toObject()},
        {"percentage", percentage}, {"state", QJsonValue()}, {"tax_type", orNull(params, "tax_type")}};
    m_store.put(rate);
    return rate;
}

QJsonArray Engine::taxRates(const QJsonValue &ids, const QString &param) const
{
    QJsonArray out;
    for (const QJsonValue &v : ids.toArray()) {
        const QJsonObject rate = m_store.get(v.toString());
        if (rate["object"] != QLatin1String("tax_rate"))
            throw ApiError{400, "invalid_request_error", "resource_missing", QStringLiteral("No such tax rate: '%1'").arg(v.toString()), param, {}};
        out.append(rate);
    }
    return out;
}

QJsonObject Engine::price(const QString &id) const
{
    const QJsonObject fromCatalog = m_catalog.price(id);
    if (!fromCatalog.isEmpty())
        return fromCatalog;
    const QJsonObject created = m_store.get(id);
    return created["object"] == QLatin1String("price") ? created : QJsonObject();
}

QJsonObject Engine::createSubscription(const QJsonObject &params)
{
    const QString customerId = str(params, "customer");
    if (customerId.isEmpty())
        throw ApiError::paramMissing("customer");
    const QJsonObject customer = require(customerId, "customer", "customer");
    const QString method = str(params, "collection_method");
    if (method != QLatin1String("send_invoice"))
        throw ApiError::invalid("collection_method", "The Stripe emulator creates subscriptions directly only with collection_method=send_invoice; card subscriptions start in Checkout.");
    if (!params.contains("days_until_due"))
        throw ApiError::paramMissing("days_until_due");
    const qint64 days = intParam(params, "days_until_due", 0);
    if (days < 0 || days > 365)
        throw ApiError::invalid("days_until_due", "days_until_due must be between 0 and 365.");
    const QJsonArray items = params["items"].toArray();
    if (items.size() != 1)
        throw ApiError::invalid("items", "The Stripe emulator supports exactly one subscription item.");
    const QString priceId = str(items.first().toObject(), "price");
    const QJsonObject p = price(priceId);
    if (p.isEmpty())
        throw ApiError{400, "invalid_request_error", "resource_missing", QStringLiteral("No such price: '%1'").arg(priceId),
                       "items[0][price]", {}};
    SubscriptionTerms terms;
    terms.sendInvoice = true;
    terms.daysUntilDue = int(days);
    terms.taxRates = taxRates(params["default_tax_rates"], "default_tax_rates");
    return newSubscription(customer, p, {}, params["metadata"].toObject(), nowFor(customerId), terms);
}

QJsonObject Engine::setItemPrice(QJsonObject subscription, const QJsonObject &price) const
{
    QJsonObject it = item(subscription);
    it["price"] = price;
    return withItem(subscription, it);
}
