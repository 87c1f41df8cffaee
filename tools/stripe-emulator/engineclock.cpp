// Clocks: the global emulator clock, test clocks, and the work that falls due
// when time moves (renewals, payment retries, schedule phases, cancellations).
#include "apierror.h"
#include "engine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <limits>

Q_LOGGING_CATEGORY(lcClock, "kliv.emulator.clock")

using namespace emu;

namespace {
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
bool isLive(const QString &status)
{
    return status == QLatin1String("active") || status == QLatin1String("past_due") || status == QLatin1String("trialing");
}
} // namespace

qint64 Engine::globalNow() const
{
    if (m_options.runningClock)
        return QDateTime::currentSecsSinceEpoch() + m_store.metaInt("clock_offset").value_or(0);
    return m_store.metaInt("clock").value_or(QDateTime::currentSecsSinceEpoch());
}

bool Engine::globalClockFrozen() const
{
    return !m_options.runningClock && m_store.metaInt("clock").has_value();
}

qint64 Engine::nowFor(const QString &customerId) const
{
    if (!customerId.isEmpty()) {
        const QString clock = m_store.get(customerId)["test_clock"].toString();
        if (!clock.isEmpty())
            return m_store.get(clock)["frozen_time"].toInteger();
    }
    return globalNow();
}

void Engine::setGlobalClock(qint64 now)
{
    if (m_options.runningClock)
        m_store.setMetaInt("clock_offset", now - QDateTime::currentSecsSinceEpoch());
    else
        m_store.setMetaInt("clock", now);
    qCInfo(lcClock) << "emulator clock set to" << QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate);
    // One clock drives everything: test clocks that are behind follow it.
    for (const QJsonObject &clock : m_store.list("test_helpers.test_clock"))
        if (!clock["deleted"].toBool() && clock["frozen_time"].toInteger() < now)
            advanceClock(clock, now);
    processDue();
}

void Engine::processDue()
{
    const qint64 now = globalNow();
    for (const QJsonObject &c : m_store.list("customer"))
        if (c["test_clock"].toString().isEmpty())
            processCustomer(c["id"].toString(), now);
    for (const QJsonObject &s : m_store.list("checkout.session"))
        if (s["customer"].toString().isEmpty() && s["status"] == QLatin1String("open") && s["expires_at"].toInteger() <= now)
            expireCheckoutSession(s["id"].toString());
}

QJsonObject Engine::createTestClock(const QJsonObject &params)
{
    if (!params.contains("frozen_time"))
        throw ApiError::paramMissing("frozen_time");
    const qint64 frozen = intParam(params, "frozen_time", 0);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QJsonObject clock{{"id", m_store.newId("clock_")}, {"object", "test_helpers.test_clock"}, {"created", created},
                            {"deletes_after", created + 30 * 86400}, {"frozen_time", frozen}, {"livemode", false},
                            {"name", orNull(params, "name")}, {"status", "ready"}, {"status_details", QJsonObject()}};
    m_store.put(clock);
    return clock;
}

QJsonObject Engine::advanceTestClock(const QString &id, const QJsonObject &params)
{
    const QJsonObject clock = require(id, "test_helpers.test_clock", "test_clock");
    if (!params.contains("frozen_time"))
        throw ApiError::paramMissing("frozen_time");
    const qint64 to = intParam(params, "frozen_time", 0);
    if (to <= clock["frozen_time"].toInteger())
        throw ApiError::invalid("frozen_time", "The frozen_time must be after the test clock's current frozen_time.");
    advanceClock(clock, to);
    if (to > globalNow()) { // the emulator clock follows the furthest test clock
        m_store.setMetaInt("clock", to);
        processDue();
    }
    return m_store.get(id);
}

void Engine::deleteTestClock(const QString &id)
{
    QJsonObject clock = require(id, "test_helpers.test_clock", "test_clock");
    clock["deleted"] = true;
    m_store.put(clock);
}

void Engine::advanceClock(QJsonObject clock, qint64 to)
{
    clock["frozen_time"] = to;
    clock["status"] = "ready";
    m_store.put(clock);
    const QString id = clock["id"].toString();
    for (const QJsonObject &c : m_store.list("customer"))
        if (c["test_clock"].toString() == id)
            processCustomer(c["id"].toString(), to);
}

void Engine::processCustomer(const QString &customerId, qint64 now)
{
    for (const QJsonObject &s : m_store.list("checkout.session", customerId))
        if (s["status"] == QLatin1String("open") && s["expires_at"].toInteger() <= now)
            expireCheckoutSession(s["id"].toString());
    const QList<QJsonObject> subs = m_store.list("subscription", customerId);
    for (auto it = subs.rbegin(); it != subs.rend(); ++it) // oldest first
        processSubscription((*it)["id"].toString(), now);
}

void Engine::processSubscription(const QString &id, qint64 now)
{
    for (int guard = 0; guard < 1200; ++guard) {
        QJsonObject sub = m_store.get(id);
        if (!isLive(sub["status"].toString()))
            break;
        const qint64 periodEnd = item(sub)["current_period_end"].toInteger();
        const QJsonObject latest = m_store.get(sub["latest_invoice"].toString());
        const qint64 retryAt = latest["status"] == QLatin1String("open") && latest["next_payment_attempt"].isDouble()
                                   ? latest["next_payment_attempt"].toInteger() : kNever;
        const QJsonObject schedule = m_store.get(sub["schedule"].toString());
        const qint64 phaseEnd = schedule["status"] == QLatin1String("active")
                                    ? schedule["current_phase"].toObject()["end_date"].toInteger(kNever) : kNever;
        const qint64 t = std::min({periodEnd, retryAt, phaseEnd});
        if (t > now)
            break;
        m_eventTime = t;
        if (phaseEnd == t && phaseEnd <= periodEnd) {
            const QJsonObject before = sub;
            const bool atPeriodEnd = phaseEnd == periodEnd;
            schedulePhaseEnded(sub, t, atPeriodEnd);
            sub = m_store.get(id);
            if (atPeriodEnd && isLive(sub["status"].toString()))
                renew(sub, before, t);
        } else if (retryAt == t && retryAt < periodEnd) {
            retry(sub, t);
        } else if (sub["cancel_at_period_end"].toBool()) {
            endSubscription(sub, periodEnd, "cancellation_requested");
        } else {
            renew(sub, sub, t);
        }
    }
    m_eventTime = 0;
}

void Engine::renew(QJsonObject sub, const QJsonObject &before, qint64 at)
{
    QJsonObject it = item(sub);
    const qint64 prevStart = it["current_period_start"].toInteger();
    const qint64 start = it["current_period_end"].toInteger();
    const int index = sub["_period_index"].toInt() + 1;
    const int months = intervalMonths(it["price"].toObject());
    qint64 end = addMonths(sub["billing_cycle_anchor"].toInteger(), (index + 1) * months);
    if (end <= start)
        end = addMonths(start, months);
    it["current_period_start"] = start;
    it["current_period_end"] = end;
    sub = withItem(sub, it);
    sub["_period_index"] = index;
    const QJsonObject price = it["price"].toObject();
    QJsonArray lines = sub["_pending_lines"].toArray();
    lines.append(line(sub, price, price["unit_amount"].toInteger(),
                      QStringLiteral("1 × %1 (at %2 / %3)").arg(price["nickname"].toString(),
                                                                formatAmount(price["unit_amount"].toInteger(), price["currency"].toString()),
                                                                intervalLabel(price)),
                      start, end, false));
    sub["_pending_lines"] = QJsonArray();
    QJsonObject invoice = newInvoice(sub, "subscription_cycle", at, prevStart, start, lines);
    sub["latest_invoice"] = invoice["id"];
    m_store.put(sub);
    emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
    emitEvent("invoice.created", invoice);
    emitEvent("invoice.finalized", invoice); // created and finalized at once, as for subscription invoices
    if (sub["collection_method"] == QLatin1String("send_invoice")) {
        emitEvent("invoice.sent", invoice);  // the customer pays by its due date: no charge, no past_due
        return;
    }
    const qint64 next = m_options.paymentRetries > 0 ? at + qint64(m_options.retryIntervalDays) * 86400 : 0;
    if (attemptInvoice(invoice, at, next))
        return;
    if (next == 0) {
        retry(m_store.get(sub["id"].toString()), at); // no retries configured: give up at once
        return;
    }
    const QJsonObject unpaid = m_store.get(sub["id"].toString());
    QJsonObject due = unpaid;
    due["status"] = "past_due";
    if (due != unpaid) {
        m_store.put(due);
        emitEvent("customer.subscription.updated", due, previousAttributes(unpaid, due));
    }
}

void Engine::retry(QJsonObject sub, qint64 at)
{
    QJsonObject invoice = m_store.get(sub["latest_invoice"].toString());
    const int attempts = invoice["attempt_count"].toInt();
    const bool last = attempts >= 1 + m_options.paymentRetries - 1 || m_options.paymentRetries == 0;
    bool paid = false;
    if (attempts < 1 + m_options.paymentRetries) {
        const qint64 next = last ? 0 : at + qint64(m_options.retryIntervalDays) * 86400;
        paid = attemptInvoice(invoice, at, next);
    }
    if (paid || !last)
        return;
    // Stripe gives up: the configured final state.
    sub = m_store.get(sub["id"].toString());
    if (m_options.cancelAfterRetries) {
        endSubscription(sub, at, "payment_failed");
        return;
    }
    const QJsonObject before = sub;
    sub["status"] = "unpaid";
    m_store.put(sub);
    emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
}

bool Engine::schedulePhaseEnded(QJsonObject &sub, qint64 at, bool deferSubscriptionEvent)
{
    QJsonObject schedule = m_store.get(sub["schedule"].toString());
    const QJsonObject before = sub;
    QJsonObject next;
    for (const QJsonValue &p : schedule["phases"].toArray())
        if (p.toObject()["start_date"].toInteger() == at)
            next = p.toObject();
    if (!next.isEmpty()) {
        const QJsonObject price = this->price(next["items"].toArray().first().toObject()["price"].toString());
        if (!price.isEmpty())
            sub = setItemPrice(sub, price);
        schedule["current_phase"] = QJsonObject{{"start_date", next["start_date"]}, {"end_date", next["end_date"]}};
        m_store.put(schedule);
        emitEvent("subscription_schedule.updated", schedule);
    } else if (schedule["end_behavior"] == QLatin1String("cancel")) {
        schedule["status"] = "completed";
        schedule["completed_at"] = at;
        schedule["current_phase"] = QJsonValue();
        m_store.put(schedule);
        emitEvent("subscription_schedule.completed", schedule);
        endSubscription(sub, at, "cancellation_requested");
        sub = m_store.get(sub["id"].toString());
        return true;
    } else {
        schedule["status"] = "released";
        schedule["released_at"] = at;
        schedule["released_subscription"] = sub["id"];
        schedule["subscription"] = QJsonValue();
        schedule["current_phase"] = QJsonValue();
        m_store.put(schedule);
        emitEvent("subscription_schedule.released", schedule);
        sub["schedule"] = QJsonValue();
    }
    m_store.put(sub);
    if (!deferSubscriptionEvent && sub != before)
        emitEvent("customer.subscription.updated", sub, previousAttributes(before, sub));
    return true;
}
