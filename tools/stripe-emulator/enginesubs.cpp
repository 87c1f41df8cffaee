// Subscription changes (upgrade with proration, cancel), schedules, invoice previews.
#include "apierror.h"
#include "engine.h"

#include <QDateTime>
#include <QJsonArray>

using namespace emu;

namespace {
qint64 roundDiv(qint64 a, qint64 b) // a >= 0, b > 0: round half up, as Stripe rounds prorations
{
    return (2 * a + b) / (2 * b);
}
QString shortDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(QStringLiteral("d MMM yyyy"));
}
bool isLive(const QString &status)
{
    return status == QLatin1String("active") || status == QLatin1String("past_due") || status == QLatin1String("trialing");
}
} // namespace

QJsonArray Engine::prorationLines(const QJsonObject &subscription, const QJsonObject &newPrice, qint64 at) const
{
    const QJsonObject it = item(subscription);
    const qint64 start = it["current_period_start"].toInteger();
    const qint64 end = it["current_period_end"].toInteger();
    const qint64 remaining = end - at;
    if (remaining <= 0 || end <= start)
        return {};
    const qint64 period = end - start;
    const QJsonObject old = it["price"].toObject();
    const qint64 credit = roundDiv(old["unit_amount"].toInteger() * remaining, period);
    const qint64 debit = roundDiv(newPrice["unit_amount"].toInteger() * remaining, period);
    return QJsonArray{
        line(subscription, old, -credit, QStringLiteral("Unused time on %1 after %2").arg(old["nickname"].toString(), shortDate(at)), at, end, true),
        line(subscription, newPrice, debit, QStringLiteral("Remaining time on %1 after %2").arg(newPrice["nickname"].toString(), shortDate(at)), at, end, true)};
}

QJsonObject Engine::updateSubscription(const QString &id, const QJsonObject &params)
{
    QJsonObject sub = require(id, "subscription", "subscription");
    const QString customer = sub["customer"].toString();
    const qint64 now = nowFor(customer);
    processCustomer(customer, now); // the period may have rolled over since the clock last moved
    sub = m_store.get(id);
    if (!isLive(sub["status"].toString()) && (params.contains("items") || params.contains("cancel_at_period_end")))
        throw ApiError::request(QStringLiteral("A canceled subscription can only update its cancellation_details and metadata."));
    const QString schedule = sub["schedule"].toString();

    if (params.contains("items")) {
        if (!schedule.isEmpty())
            throw ApiError::request(QStringLiteral("The subscription is managed by the subscription schedule `%1`, and updating its items directly is not allowed. Release the schedule or update it instead.").arg(schedule));
        const QJsonArray items = params["items"].toArray();
        if (items.size() != 1)
            throw ApiError::invalid("items", "The Stripe emulator supports exactly one subscription item.");
        const QJsonObject wanted = items.first().toObject();
        const QJsonObject current = item(sub);
        if (str(wanted, "id").isEmpty())
            throw ApiError::invalid("items[0][id]", "Pass items[0][id] (the si_ of the current item): without it Stripe adds a second item.");
        if (str(wanted, "id") != current["id"].toString())
            throw ApiError{400, "invalid_request_error", "resource_missing",
                           QStringLiteral("No such subscription item: '%1'").arg(str(wanted, "id")), "items[0][id]", {}};
        const QString priceId = str(wanted, "price");
        const QJsonObject price = priceId.isEmpty() ? current["price"].toObject() : this->price(priceId);
        if (price.isEmpty())
            throw ApiError{400, "invalid_request_error", "resource_missing",
                           QStringLiteral("No such price: '%1'").arg(priceId), "items[0][price]", {}};
        const QString proration = params.contains("proration_behavior") ? str(params, "proration_behavior") : QStringLiteral("create_prorations");
        if (!QStringList{"create_prorations", "none", "always_invoice"}.contains(proration))
            throw ApiError::invalid("proration_behavior", QStringLiteral("Invalid proration_behavior: %1").arg(proration));
        const QString payment = params.contains("payment_behavior") ? str(params, "payment_behavior") : QStringLiteral("allow_incomplete");
        if (!QStringList{"allow_incomplete", "error_if_incomplete", "pending_if_incomplete", "default_incomplete"}.contains(payment))
            throw ApiError::invalid("payment_behavior", QStringLiteral("Invalid payment_behavior: %1").arg(payment));
        const qint64 at = intParam(params, "proration_date", now);
        if (price["id"] != current["price"].toObject()["id"]) {
            const QJsonObject before = sub;
            const QJsonArray lines = proration == QLatin1String("none") ? QJsonArray() : prorationLines(sub, price, at);
            QJsonObject changed = setItemPrice(sub, price);
            if (proration == QLatin1String("always_invoice") && !lines.isEmpty()) {
                QJsonObject invoice = newInvoice(changed, "subscription_update", now, now, now, lines);
                const bool payable = charge(defaultPaymentMethod(sub), invoice["amount_remaining"].toInteger()).ok;
                if (!payable && payment == QLatin1String("error_if_incomplete")) {
                    const Charge c = charge(defaultPaymentMethod(sub), invoice["amount_remaining"].toInteger());
                    throw ApiError{402, "card_error", c.code, c.message, {}, c.declineCode};
                }
                if (!payable && payment == QLatin1String("pending_if_incomplete")) {
                    // The change waits for the invoice to be paid (invoicePaid applies it).
                    sub["pending_update"] = QJsonObject{{"billing_cycle_anchor", QJsonValue()}, {"expires_at", now + 23 * 3600},
                                                        {"subscription_items", QJsonArray{QJsonObject{{"id", current["id"]}, {"price", price["id"]}}}},
                                                        {"trial_end", QJsonValue()}, {"trial_from_plan", QJsonValue()}};
                    sub["latest_invoice"] = invoice["id"];
                    m_store.put(sub);
                    emitEvent("invoice.created", invoice);
                    emitEvent("invoice.finalized", invoice); // created and finalized at once, as for subscription invoices
                    attemptInvoice(invoice, now);
                    emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
                    return m_store.get(id);
                }
                changed["latest_invoice"] = invoice["id"];
                m_store.put(changed);
                emitEvent("customer.subscription.updated", changed, previousAttributes(before, changed));
                emitEvent("invoice.created", invoice);
                emitEvent("invoice.finalized", invoice); // created and finalized at once, as for subscription invoices
                if (!attemptInvoice(invoice, now)) {
                    const QJsonObject unpaid = m_store.get(id);
                    QJsonObject due = unpaid;
                    due["status"] = "past_due";
                    m_store.put(due);
                    emitEvent("customer.subscription.updated", due, previousAttributes(unpaid, due));
                }
            } else {
                if (proration == QLatin1String("create_prorations")) {
                    QJsonArray pending = changed["_pending_lines"].toArray();
                    for (const QJsonValue &l : lines)
                        pending.append(l);
                    changed["_pending_lines"] = pending;
                }
                m_store.put(changed);
                emitEvent("customer.subscription.updated", changed, previousAttributes(before, changed));
            }
            sub = m_store.get(id);
        }
    }

    const QJsonObject before = sub;
    if (params.contains("cancel_at_period_end")) {
        if (!schedule.isEmpty())
            throw ApiError::request(QStringLiteral("The subscription is managed by the subscription schedule `%1`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.").arg(schedule));
        const bool cancel = boolParam(params, "cancel_at_period_end", false);
        sub["cancel_at_period_end"] = cancel;
        sub["cancel_at"] = cancel ? QJsonValue(item(sub)["current_period_end"]) : QJsonValue();
        sub["canceled_at"] = cancel ? QJsonValue(now) : QJsonValue();
        QJsonObject details = sub["cancellation_details"].toObject();
        details["reason"] = cancel ? QJsonValue("cancellation_requested") : QJsonValue();
        sub["cancellation_details"] = details;
    }
    if (params.contains("metadata"))
        sub["metadata"] = mergeMetadata(sub["metadata"].toObject(), params["metadata"]);
    if (params.contains("default_payment_method")) {
        const QString pm = str(params, "default_payment_method");
        if (!pm.isEmpty() && require(pm, "payment_method", "PaymentMethod")["customer"].toString() != customer)
            throw ApiError::invalid("default_payment_method", "The PaymentMethod is not attached to this subscription's customer.");
        sub["default_payment_method"] = pm.isEmpty() ? QJsonValue() : QJsonValue(pm);
    }
    if (sub != before) {
        m_store.put(sub);
        emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
    }
    return sub;
}

QJsonObject Engine::setCancelAtPeriodEnd(const QString &id, bool cancel)
{
    return updateSubscription(id, QJsonObject{{"cancel_at_period_end", cancel ? "true" : "false"}});
}

QJsonObject Engine::endSubscription(QJsonObject sub, qint64 at, const QString &reason)
{
    sub["status"] = "canceled";
    sub["ended_at"] = at;
    if (sub["canceled_at"].isNull())
        sub["canceled_at"] = at;
    sub["cancel_at_period_end"] = false;
    QJsonObject details = sub["cancellation_details"].toObject();
    if (details["reason"].isNull())
        details["reason"] = reason;
    sub["cancellation_details"] = details;
    const QString scheduleId = sub["schedule"].toString();
    if (!scheduleId.isEmpty()) {
        QJsonObject schedule = m_store.get(scheduleId);
        if (schedule["status"] == QLatin1String("active") || schedule["status"] == QLatin1String("not_started")) {
            schedule["status"] = "canceled";
            schedule["canceled_at"] = at;
            m_store.put(schedule);
            emitEvent("subscription_schedule.canceled", schedule);
        }
    }
    m_store.put(sub);
    emitEvent("customer.subscription.deleted", sub);
    return sub;
}

QJsonObject Engine::cancelSubscription(const QString &id)
{
    const QJsonObject sub = require(id, "subscription", "subscription");
    if (sub["status"].toString() == QLatin1String("canceled"))
        throw ApiError{404, "invalid_request_error", "resource_missing",
                       QStringLiteral("No such subscription: '%1'").arg(id), "id", {}}; // Stripe: a canceled subscription cannot be canceled again
    return endSubscription(sub, nowFor(sub["customer"].toString()), "cancellation_requested");
}

// ---------------------------------------------------------------- schedules

QJsonObject Engine::createSchedule(const QJsonObject &params)
{
    const QString subId = str(params, "from_subscription");
    if (subId.isEmpty())
        throw ApiError::invalid("from_subscription", "The Stripe emulator creates schedules only with from_subscription.");
    if (params.contains("phases"))
        throw ApiError::invalid("phases", "You cannot set `phases` if `from_subscription` is set.");
    const QJsonObject before = require(subId, "subscription", "subscription");
    if (!isLive(before["status"].toString()))
        throw ApiError::request(QStringLiteral("You cannot migrate a subscription that is in the `%1` status.").arg(before["status"].toString()));
    if (!before["schedule"].toString().isEmpty())
        throw ApiError::request(QStringLiteral("You cannot migrate a subscription that is already attached to a schedule: `%1`.").arg(before["schedule"].toString()));
    const QJsonObject it = item(before);
    const qint64 start = it["current_period_start"].toInteger();
    const qint64 end = before["cancel_at_period_end"].toBool() ? it["current_period_end"].toInteger() : it["current_period_end"].toInteger();
    const QString id = m_store.newId("sub_sched_");
    const QJsonObject phase{
        {"add_invoice_items", QJsonArray()}, {"application_fee_percent", QJsonValue()}, {"billing_cycle_anchor", QJsonValue()},
        {"collection_method", QJsonValue()}, {"currency", before["currency"]}, {"default_payment_method", QJsonValue()},
        {"default_tax_rates", QJsonArray()}, {"description", QJsonValue()}, {"discounts", QJsonArray()}, {"end_date", end},
        {"invoice_settings", QJsonValue()},
        {"items", QJsonArray{QJsonObject{{"discounts", QJsonArray()}, {"metadata", QJsonObject()}, {"price", it["price"].toObject()["id"]},
                                         {"quantity", 1}, {"tax_rates", QJsonArray()}, {"billing_thresholds", QJsonValue()}}}},
        {"metadata", QJsonObject()}, {"on_behalf_of", QJsonValue()}, {"proration_behavior", "create_prorations"},
        {"start_date", start}, {"transfer_data", QJsonValue()}, {"trial_end", QJsonValue()}, {"billing_thresholds", QJsonValue()}};
    const qint64 now = nowFor(before["customer"].toString());
    const QJsonObject schedule{
        {"id", id}, {"object", "subscription_schedule"}, {"application", QJsonValue()}, {"billing_mode", QJsonObject{{"type", "classic"}}},
        {"canceled_at", QJsonValue()}, {"completed_at", QJsonValue()}, {"created", now},
        {"current_phase", QJsonObject{{"start_date", start}, {"end_date", end}}}, {"customer", before["customer"]},
        {"default_settings", QJsonObject{{"application_fee_percent", QJsonValue()}, {"automatic_tax", QJsonObject{{"enabled", false}, {"liability", QJsonValue()}}},
                                         {"billing_cycle_anchor", "automatic"}, {"collection_method", "charge_automatically"},
                                         {"default_payment_method", QJsonValue()}, {"description", QJsonValue()},
                                         {"invoice_settings", QJsonObject{{"account_tax_ids", QJsonValue()}, {"days_until_due", QJsonValue()}, {"issuer", QJsonObject{{"type", "self"}}}}},
                                         {"on_behalf_of", QJsonValue()}, {"transfer_data", QJsonValue()}, {"billing_thresholds", QJsonValue()}}},
        {"end_behavior", "release"}, {"livemode", false}, {"metadata", params["metadata"].toObject()}, {"phases", QJsonArray{phase}},
        {"released_at", QJsonValue()}, {"released_subscription", QJsonValue()}, {"status", "active"},
        {"subscription", subId}, {"test_clock", before["test_clock"]}};
    m_store.put(schedule, subId);
    QJsonObject sub = before;
    sub["schedule"] = id;
    m_store.put(sub);
    emitEvent("subscription_schedule.created", schedule);
    emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
    return schedule;
}

QJsonObject Engine::updateSchedule(const QString &id, const QJsonObject &params)
{
    QJsonObject schedule = require(id, "subscription_schedule", "subscription_schedule");
    const QString status = schedule["status"].toString();
    if (status != QLatin1String("active") && status != QLatin1String("not_started"))
        throw ApiError::request(QStringLiteral("You cannot update a subscription schedule that is currently in the `%1` status. It must be in one of the following statuses: `not_started`, `active`.").arg(status));
    const qint64 now = nowFor(schedule["customer"].toString());
    if (params.contains("end_behavior")) {
        const QString eb = str(params, "end_behavior");
        if (eb != QLatin1String("release") && eb != QLatin1String("cancel"))
            throw ApiError::invalid("end_behavior", QStringLiteral("Invalid end_behavior: %1").arg(eb));
        schedule["end_behavior"] = eb;
    }
    if (params.contains("metadata"))
        schedule["metadata"] = params["metadata"].toObject();
    if (params.contains("phases")) {
        const QJsonArray given = params["phases"].toArray();
        if (given.isEmpty())
            throw ApiError::invalid("phases", "phases must contain at least one phase.");
        const QJsonObject templ = schedule["phases"].toArray().first().toObject();
        const qint64 currentStart = schedule["current_phase"].toObject()["start_date"].toInteger();
        QJsonArray phases;
        qint64 start = currentStart;
        for (int i = 0; i < given.size(); ++i) {
            const QJsonObject p = given.at(i).toObject();
            const QString prefix = QStringLiteral("phases[%1]").arg(i);
            for (auto it = p.begin(); it != p.end(); ++it)
                if (!QStringList{"items", "start_date", "end_date", "duration", "proration_behavior", "metadata", "billing_cycle_anchor", "default_payment_method"}.contains(it.key()))
                    throw ApiError::invalid(prefix + "[" + it.key() + "]", QStringLiteral("Received unknown parameter: %1[%2]").arg(prefix, it.key()));
            auto timeParam = [&](const QString &key) -> std::optional<qint64> {
                if (!p.contains(key) || p[key].isNull())
                    return std::nullopt;
                return p[key].toString() == QLatin1String("now") ? now : intParam(p, key, 0);
            };
            if (auto s = timeParam("start_date")) {
                if (i == 0 && *s != currentStart)
                    throw ApiError::invalid(prefix + "[start_date]", "You can not modify the start date of the current phase.");
                if (i > 0 && *s != start)
                    throw ApiError::invalid(prefix + "[start_date]", "The start date of a phase must be the end date of the previous phase.");
            }
            qint64 end = 0;
            if (auto e = timeParam("end_date")) {
                end = *e;
            } else if (p.contains("duration")) {
                const QJsonObject d = p["duration"].toObject();
                const QString interval = str(d, "interval");
                const int count = int(intParam(d, "interval_count", 1));
                const QDateTime s = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
                if (interval == QLatin1String("month"))
                    end = addMonths(start, count);
                else if (interval == QLatin1String("year"))
                    end = s.addYears(count).toSecsSinceEpoch();
                else if (interval == QLatin1String("week"))
                    end = start + qint64(count) * 7 * 86400;
                else if (interval == QLatin1String("day"))
                    end = start + qint64(count) * 86400;
                else
                    throw ApiError::invalid(prefix + "[duration][interval]", QStringLiteral("Invalid interval: %1").arg(interval));
            } else if (i == given.size() - 1) {
                end = addMonths(start, 1);
            } else {
                throw ApiError::paramMissing(prefix + "[end_date]");
            }
            if (end <= start)
                throw ApiError::invalid(prefix + "[end_date]", "The end date of a phase must be after its start date.");
            const QJsonArray items = p["items"].toArray();
            if (items.size() != 1)
                throw ApiError::invalid(prefix + "[items]", "The Stripe emulator supports exactly one item per phase.");
            const QString priceId = str(items.first().toObject(), "price");
            if (m_catalog.price(priceId).isEmpty())
                throw ApiError{400, "invalid_request_error", "resource_missing", QStringLiteral("No such price: '%1'").arg(priceId), prefix + "[items][0][price]", {}};
            QJsonObject phase = templ;
            QJsonArray phaseItems = templ["items"].toArray();
            QJsonObject pi = phaseItems.first().toObject();
            pi["price"] = priceId;
            phase["items"] = QJsonArray{pi};
            phase["start_date"] = start;
            phase["end_date"] = end;
            phase["metadata"] = p["metadata"].toObject();
            if (p.contains("proration_behavior"))
                phase["proration_behavior"] = p["proration_behavior"];
            phases.append(phase);
            start = end;
        }
        schedule["phases"] = phases;
        const QJsonObject first = phases.first().toObject();
        schedule["current_phase"] = QJsonObject{{"start_date", first["start_date"]}, {"end_date", first["end_date"]}};
        // A new price for the current phase applies now (the emulator does not prorate it).
        const QJsonObject sub = m_store.get(schedule["subscription"].toString());
        const QString firstPrice = first["items"].toArray().first().toObject()["price"].toString();
        if (item(sub)["price"].toObject()["id"].toString() != firstPrice) {
            const QJsonObject changed = setItemPrice(sub, m_catalog.price(firstPrice));
            m_store.put(changed);
            emitEvent("customer.subscription.updated", changed, previousAttributes(sub, changed));
        }
    }
    m_store.put(schedule);
    emitEvent("subscription_schedule.updated", schedule);
    return schedule;
}

QJsonObject Engine::releaseSchedule(const QString &id)
{
    QJsonObject schedule = require(id, "subscription_schedule", "subscription_schedule");
    const QString status = schedule["status"].toString();
    if (status != QLatin1String("active") && status != QLatin1String("not_started"))
        throw ApiError::request(QStringLiteral("You cannot release a subscription schedule that is currently in the `%1` status. It must be in one of the following statuses: `not_started`, `active`.").arg(status));
    const QString subId = schedule["subscription"].toString();
    const qint64 now = nowFor(schedule["customer"].toString());
    schedule["status"] = "released";
    schedule["released_at"] = now;
    schedule["released_subscription"] = subId;
    schedule["subscription"] = QJsonValue();
    schedule["current_phase"] = QJsonValue();
    m_store.put(schedule);
    emitEvent("subscription_schedule.released", schedule);
    const QJsonObject before = m_store.get(subId);
    QJsonObject sub = before;
    sub["schedule"] = QJsonValue();
    m_store.put(sub);
    emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
    return schedule;
}

QJsonObject Engine::cancelSchedule(const QString &id)
{
    const QJsonObject schedule = require(id, "subscription_schedule", "subscription_schedule");
    const QString status = schedule["status"].toString();
    if (status != QLatin1String("active") && status != QLatin1String("not_started"))
        throw ApiError::request(QStringLiteral("You cannot cancel a subscription schedule that is currently in the `%1` status.").arg(status));
    const QJsonObject sub = m_store.get(schedule["subscription"].toString());
    endSubscription(sub, nowFor(sub["customer"].toString()), "cancellation_requested");
    return m_store.get(id);
}

// ---------------------------------------------------------------- preview

QJsonObject Engine::previewInvoice(const QJsonObject &params)
{
    QString subId = str(params, "subscription");
    if (subId.isEmpty()) {
        const QString customer = str(params, "customer");
        if (customer.isEmpty())
            throw ApiError::paramMissing("subscription");
        require(customer, "customer", "customer");
        for (const QJsonObject &s : m_store.list("subscription", customer))
            if (isLive(s["status"].toString()))
                subId = s["id"].toString();
        if (subId.isEmpty())
            throw ApiError{400, "invalid_request_error", "invoice_upcoming_none",
                           QStringLiteral("No upcoming invoices for customer: %1").arg(customer), {}, {}};
    }
    const QJsonObject sub = require(subId, "subscription", "subscription");
    const QJsonObject details = params["subscription_details"].toObject();
    const QJsonObject it = item(sub);
    const qint64 now = nowFor(sub["customer"].toString());
    const qint64 end = it["current_period_end"].toInteger();
    const qint64 nextEnd = addMonths(sub["billing_cycle_anchor"].toInteger(), sub["_period_index"].toInt() + 2);
    QJsonArray pending = sub["_pending_lines"].toArray();
    auto regular = [&](const QJsonObject &price) {
        return line(sub, price, price["unit_amount"].toInteger(),
                    QStringLiteral("1 × %1 (at %2 / month)").arg(price["nickname"].toString(),
                                                                formatAmount(price["unit_amount"].toInteger(), price["currency"].toString())),
                    end, nextEnd, false);
    };
    if (details.contains("items")) {
        const QJsonObject wanted = details["items"].toArray().first().toObject();
        const QString priceId = str(wanted, "price");
        const QJsonObject price = m_catalog.price(priceId);
        if (price.isEmpty())
            throw ApiError{400, "invalid_request_error", "resource_missing", QStringLiteral("No such price: '%1'").arg(priceId),
                           "subscription_details[items][0][price]", {}};
        const QString proration = details.contains("proration_behavior") ? str(details, "proration_behavior") : QStringLiteral("create_prorations");
        if (!QStringList{"create_prorations", "none", "always_invoice"}.contains(proration))
            throw ApiError::invalid("subscription_details[proration_behavior]", QStringLiteral("Invalid proration_behavior: %1").arg(proration));
        const qint64 at = intParam(details, "proration_date", now);
        const QJsonArray lines = proration == QLatin1String("none") ? QJsonArray() : prorationLines(sub, price, at);
        if (proration == QLatin1String("always_invoice"))
            return newInvoice(sub, "subscription_update", now, now, now, lines, true);
        for (const QJsonValue &l : lines)
            pending.append(l);
        pending.append(regular(price));
        return newInvoice(sub, "upcoming", end, it["current_period_start"].toInteger(), end, pending, true);
    }
    if (!isLive(sub["status"].toString()) || sub["cancel_at_period_end"].toBool())
        throw ApiError{400, "invalid_request_error", "invoice_upcoming_none",
                       QStringLiteral("No upcoming invoices for customer: %1").arg(sub["customer"].toString()), {}, {}};
    QJsonObject price = it["price"].toObject();
    const QJsonObject schedule = m_store.get(sub["schedule"].toString());
    for (const QJsonValue &p : schedule["phases"].toArray())
        if (p.toObject()["start_date"].toInteger() == end)
            price = m_catalog.price(p.toObject()["items"].toArray().first().toObject()["price"].toString());
    pending.append(regular(price));
    return newInvoice(sub, "upcoming", end, it["current_period_start"].toInteger(), end, pending, true);
}
