// billing-rules.md's worked examples (1-7) and the calendar edge cases, driven
// through the HTTP API and the dev clock of a real kliv-billingd. Usage is
// spent with the service token, plans are set with `admin set-plan`,
// downgrade/cancel/undo go through the API (admin-managed subscriptions have
// no payment provider, so the server applies them itself).
// Example 8 (Stripe event order) is covered by the Stripe suites.
//
// `admin set-plan` acts at the server's dev clock (kept in the database), so
// a cycle starts where the test put the clock. The Pro examples still read
// their dates as offsets from A = period_start (12-10 -> A, 12-15 -> A + 5
// days, 01-10 -> A + 1 month); the leap-day and 31st cases use fixed dates.
#include "apitest.h"

using apitest::at;

#define CLOCK(t) QVERIFY2(fx->setClock(at(t)), qPrintable(fx->errorString()))
#define CLOCK_AT(t) QVERIFY2(fx->setClock(apitest::ceilSecond(t)), qPrintable(fx->errorString()))
// set-plan, then A = the period_start of the cycle it started; the dev clock catches up with A.
#define ANCHOR_PLAN(plan)                                                                          \
    do {                                                                                           \
        const QJsonObject w_ = fx->setPlan(m_ws.id, QStringLiteral(plan));                         \
        QVERIFY2(!w_.isEmpty(), qPrintable(fx->errorString()));                                    \
        m_anchor = apitest::instant(w_[QLatin1String("subscription")][QLatin1String("period_start")]); \
        QVERIFY2(m_anchor.isValid(), qPrintable(apitest::compact(w_)));                            \
        QCOMPARE(apitest::instant(w_[QLatin1String("subscription")][QLatin1String("period_end")]), m_anchor.addMonths(1)); \
        if (fx->clock() < m_anchor)                                                                \
            CLOCK_AT(m_anchor);                                                                    \
    } while (false)
#define COMPARE_INSTANT(jsonValue, expected) QCOMPARE(apitest::instant(jsonValue), (expected))
#define SETPLAN(plan) QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral(plan)).isEmpty(), qPrintable(fx->errorString()))
#define SPEND(credits, expected)                                                                   \
    do {                                                                                           \
        const HttpReply r_ = spend(credits);                                                       \
        KLIV_VERIFY_STATUS(r_, expected);                                                          \
    } while (false)
#define BALANCE(var)                                                                               \
    const QJsonObject var = fx->balance(m_ws.id, m_owner);                                         \
    QVERIFY2(!var.isEmpty(), qPrintable(fx->errorString()))
#define REMAINING(expected)                                                                        \
    do {                                                                                           \
        BALANCE(b_);                                                                               \
        QVERIFY2(b_.value(QLatin1String("remaining")).toInt(-1) == (expected),                     \
                 qPrintable(QStringLiteral("expected remaining %1, balance %2")                    \
                                .arg(expected).arg(apitest::compact(b_))));                        \
    } while (false)
#define WORKSPACE(var)                                                                             \
    const HttpReply var##Reply_ = fx->get(QStringLiteral("/v1/workspaces/") + m_ws.id, m_owner);   \
    KLIV_VERIFY_STATUS(var##Reply_, 200);                                                          \
    const QJsonObject var = var##Reply_.json()
#define CHANGE(path, body, var)                                                                    \
    const HttpReply var##Reply_ = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/" path).arg(m_ws.id), \
                                           body, m_owner);                                         \
    KLIV_VERIFY_STATUS(var##Reply_, 200);                                                          \
    const QJsonObject var = var##Reply_.json()

// A fresh server at `clock` with one Free workspace, an owner token and a service token.
#define BEGIN(clock)                                                                               \
    KLIV_START(fx, clock);                                                                     \
    m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));         \
    QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));                                       \
    m_owner = fx->issueUserToken(m_ws.ownerEmail);                                                 \
    QVERIFY2(!m_owner.isEmpty(), qPrintable(fx->errorString()));                                   \
    m_service = fx->issueServiceToken();                                                           \
    QVERIFY2(!m_service.isEmpty(), qPrintable(fx->errorString()))

class BillingExamples : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner, m_service;
    int m_key = 0;
    QDateTime m_anchor;     // period_start of the cycle set-plan started

    HttpReply spend(int credits)
    {
        return fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, credits,
                         QStringLiteral("key-%1").arg(++m_key));
    }
    static QJsonObject tier(const char *t) { return {{QStringLiteral("tier"), QLatin1String(t)}}; }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    // 1. Free, 2026-12-01: uses 3 -> remaining 2. Next day remaining 5 (not 7).
    void example1_freeDailyDoesNotCarryOver()
    {
        BEGIN(at("2026-12-01T09:00:00Z"));
        const HttpReply r = spend(3);
        KLIV_VERIFY_STATUS(r, 201);
        QCOMPARE(r.json()[QLatin1String("balance")][QLatin1String("remaining")].toInt(), 2);
        QCOMPARE(r.json()[QLatin1String("entry")][QLatin1String("credits")].toInt(), 3);
        BALANCE(b);
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 2);
        QCOMPARE(b[QLatin1String("used")].toInt(), 3);
        QCOMPARE(b[QLatin1String("allowance")].toInt(), 5);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("free"));
        QCOMPARE(b[QLatin1String("period")][QLatin1String("kind")].toString(), QStringLiteral("day"));
        KLIV_COMPARE_AT(b[QLatin1String("next_refill_at")], "2026-12-02T00:00:00Z");
        KLIV_COMPARE_AT(b[QLatin1String("as_of")], "2026-12-01T09:00:00Z");
        QCOMPARE(b[QLatin1String("monthly_cap")][QLatin1String("used")].toInt(), 3);
        QCOMPARE(b[QLatin1String("monthly_cap")][QLatin1String("cap")].toInt(), 30);
        // Costing more than what remains is refused whole, with the refill instant.
        const HttpReply refused = spend(3);
        KLIV_VERIFY_STATUS(refused, 402);
        QCOMPARE(refused.errorCode(), QStringLiteral("insufficient_credits"));
        QCOMPARE(refused.json()[QLatin1String("error")][QLatin1String("remaining")].toInt(), 2);
        KLIV_COMPARE_AT(refused.json()[QLatin1String("error")][QLatin1String("next_refill_at")], "2026-12-02T00:00:00Z");
        REMAINING(2);
        CLOCK("2026-12-02T00:00:00Z");
        REMAINING(5);
    }

    // 2. Free, 5 every day from 12-01 -> 12-06 used_this_month 30; 12-07 remaining 0
    //    with next refill 2027-01-01; 2027-01-01 remaining 5.
    void example2_freeMonthlyCap()
    {
        BEGIN(at("2026-12-01T08:00:00Z"));
        for (int day = 1; day <= 6; ++day) {
            QVERIFY(fx->setClock(QDateTime(QDate(2026, 12, day), QTime(8, 0), Qt::UTC)));
            SPEND(5, 201);
            SPEND(1, 402);
        }
        {
            BALANCE(b);
            QCOMPARE(b[QLatin1String("monthly_cap")][QLatin1String("used")].toInt(), 30);
            QVERIFY(b[QLatin1String("monthly_cap_reached")].toBool());
        }
        CLOCK("2026-12-07T08:00:00Z");
        {
            BALANCE(b);
            QCOMPARE(b[QLatin1String("remaining")].toInt(), 0);
            QVERIFY(b[QLatin1String("monthly_cap_reached")].toBool());
            KLIV_COMPARE_AT(b[QLatin1String("next_refill_at")], "2027-01-01T00:00:00Z");
        }
        const HttpReply refused = spend(1);
        KLIV_VERIFY_STATUS(refused, 402);
        KLIV_COMPARE_AT(refused.json()[QLatin1String("error")][QLatin1String("next_refill_at")], "2027-01-01T00:00:00Z");
        CLOCK("2026-12-31T23:59:59Z");
        REMAINING(0);
        CLOCK("2027-01-01T00:00:00Z");
        REMAINING(5);
        BALANCE(jan);
        QCOMPARE(jan[QLatin1String("monthly_cap")][QLatin1String("used")].toInt(), 0);
    }

    // 3. Pro-200, cycle 12-10 -> 01-10, used 150. Upgrade to pro-400 on 12-20 -> 250.
    //    (Upgrade = admin set-plan: without a payment provider the API refuses it.)
    void example3_upgradeKeepsUsage()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-200");
        {
            BALANCE(b);
            QCOMPARE(b[QLatin1String("remaining")].toInt(), 200);
            QCOMPARE(b[QLatin1String("allowance")].toInt(), 200);
            QCOMPARE(b[QLatin1String("period")][QLatin1String("kind")].toString(), QStringLiteral("cycle"));
            COMPARE_INSTANT(b[QLatin1String("period")][QLatin1String("start")], m_anchor);
            COMPARE_INSTANT(b[QLatin1String("period")][QLatin1String("end")], m_anchor.addMonths(1));
            COMPARE_INSTANT(b[QLatin1String("next_refill_at")], m_anchor.addMonths(1));
            QVERIFY(b[QLatin1String("monthly_cap")].isNull() || b[QLatin1String("monthly_cap")].isUndefined());
        }
        SPEND(150, 201);
        REMAINING(50);
        const HttpReply api = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id), tier("pro-400"), m_owner);
        KLIV_VERIFY_STATUS(api, 503);
        QCOMPARE(api.errorCode(), QStringLiteral("payments_unavailable"));
        CLOCK_AT(m_anchor.addDays(10));
        SETPLAN("pro-400");
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("pro-400"));
        // Upgrading never mints credits twice in a cycle: same cycle, 400 - 150.
        COMPARE_INSTANT(b[QLatin1String("period")][QLatin1String("end")], m_anchor.addMonths(1));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 250);
    }

    // 4. Pro-400, used 100, downgrade to pro-200 on 12-15 -> 300 until 01-10; then 200.
    void example4_downgradeAtPeriodEnd()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-400");
        SPEND(100, 201);
        CLOCK_AT(m_anchor.addDays(5));
        CHANGE("change", tier("pro-200"), changed);
        QCOMPARE(changed[QLatin1String("kind")].toString(), QStringLiteral("downgrade"));
        const QJsonObject sub = changed[QLatin1String("workspace")][QLatin1String("subscription")].toObject();
        QCOMPARE(sub[QLatin1String("tier")].toString(), QStringLiteral("pro-400"));
        QCOMPARE(sub[QLatin1String("pending_change")][QLatin1String("tier")].toString(), QStringLiteral("pro-200"));
        COMPARE_INSTANT(sub[QLatin1String("pending_change")][QLatin1String("effective_at")], m_anchor.addMonths(1));
        REMAINING(300);
        CLOCK_AT(m_anchor.addMonths(1).addSecs(-2));
        REMAINING(300);
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("pro-200"));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 200);
        COMPARE_INSTANT(b[QLatin1String("period")][QLatin1String("end")], m_anchor.addMonths(2));
        WORKSPACE(w);
        QVERIFY(w[QLatin1String("subscription")][QLatin1String("pending_change")].isNull()
                || w[QLatin1String("subscription")].toObject().value(QLatin1String("pending_change")).isUndefined());
    }

    // 5. Pro-200 cancels on 12-15 -> Pro with its balance until 01-10; then Free: 5 that day.
    void example5_cancelAtPeriodEnd()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-200");
        SPEND(20, 201);
        CLOCK_AT(m_anchor.addDays(5));
        CHANGE("cancel", QJsonObject{}, canceled);
        QVERIFY(canceled[QLatin1String("workspace")][QLatin1String("subscription")][QLatin1String("cancel_at_period_end")].toBool());
        REMAINING(180);
        CLOCK_AT(m_anchor.addMonths(1).addSecs(-3600));
        SPEND(10, 201);
        REMAINING(170);
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("free"));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 5);
        QCOMPARE(b[QLatin1String("period")][QLatin1String("kind")].toString(), QStringLiteral("day"));
        WORKSPACE(w);
        QCOMPARE(w[QLatin1String("plan")][QLatin1String("id")].toString(), QStringLiteral("free"));
        QVERIFY(!w[QLatin1String("subscription")][QLatin1String("cancel_at_period_end")].toBool());
        SPEND(5, 201);
        SPEND(1, 402);
    }

    // 6. Two requests of cost 1 together with remaining 1 -> exactly one succeeds.
    void example6_lastCreditRace()
    {
        BEGIN(at("2026-12-01T10:00:00Z"));
        for (int round = 0; round < 4; ++round) { // remaining 1 at the start of each day-round
            QVERIFY(fx->setClock(QDateTime(QDate(2026, 12, 1 + round), QTime(10, 0), Qt::UTC)));
            SPEND(4, 201);
            QList<HttpRequestSpec> two;
            for (int i = 0; i < 2; ++i) {
                two.append({"POST", QStringLiteral("/v1/workspaces/%1/usage").arg(m_ws.id),
                            QJsonDocument(ServerFixture::usageBody(m_ws.ownerMemberId, 1,
                                              QStringLiteral("race-%1-%2").arg(round).arg(i)))
                                .toJson(QJsonDocument::Compact),
                            m_service});
            }
            const QList<HttpReply> rs = fx->parallel(two);
            QList<int> statuses = {rs[0].status, rs[1].status};
            std::sort(statuses.begin(), statuses.end());
            QVERIFY2(statuses == (QList<int>{201, 402}), qPrintable(rs[0].describe() + " | " + rs[1].describe()));
            REMAINING(0);
        }
    }

    // 7. The same request three times with one key -> spent once, identical answers.
    void example7_idempotentRepeats()
    {
        BEGIN(at("2026-12-01T10:00:00Z"));
        QList<QJsonObject> answers;
        for (int i = 0; i < 3; ++i) {
            const HttpReply r = fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, 2, QStringLiteral("same-key"));
            KLIV_VERIFY_STATUS(r, 201);
            answers.append(r.json());
        }
        QCOMPARE(apitest::compact(answers[1]), apitest::compact(answers[0]));
        QCOMPARE(apitest::compact(answers[2]), apitest::compact(answers[0]));
        REMAINING(3);
        // The same key with a different body is a conflict, and spends nothing.
        const HttpReply conflict = fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, 1, QStringLiteral("same-key"));
        KLIV_VERIFY_STATUS(conflict, 409);
        QCOMPARE(conflict.errorCode(), QStringLiteral("conflict"));
        REMAINING(3);
    }

    // Free across the month and year boundary: day and month counters restart.
    void freeAcrossYearBoundary()
    {
        BEGIN(at("2026-12-31T23:00:00Z"));
        SPEND(5, 201);
        REMAINING(0);
        {
            BALANCE(b);
            KLIV_COMPARE_AT(b[QLatin1String("next_refill_at")], "2027-01-01T00:00:00Z");
        }
        CLOCK("2027-01-01T00:00:00Z");
        BALANCE(b);
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 5);
        QCOMPARE(b[QLatin1String("monthly_cap")][QLatin1String("used")].toInt(), 0);
        KLIV_COMPARE_AT(b[QLatin1String("period")][QLatin1String("start")], "2027-01-01T00:00:00Z");
        KLIV_COMPARE_AT(b[QLatin1String("next_refill_at")], "2027-01-02T00:00:00Z");
    }

    // A Pro cycle spans whatever calendar months it covers; nothing rolls over.
    void proCycleAcrossMonthBoundary()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-100");
        SPEND(40, 201);
        CLOCK_AT(m_anchor.addDays(20)); // in the next calendar month whatever A is
        SPEND(50, 201);
        REMAINING(10);
        SPEND(11, 402);
        {
            const HttpReply refused = spend(11);
            COMPARE_INSTANT(refused.json()[QLatin1String("error")][QLatin1String("next_refill_at")], m_anchor.addMonths(1));
        }
        CLOCK_AT(m_anchor.addMonths(1));
        REMAINING(100);
        // Two period ends passed in one clock move: both apply, in order.
        SPEND(30, 201);
        CLOCK_AT(m_anchor.addMonths(3));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 100);
        COMPARE_INSTANT(b[QLatin1String("period")][QLatin1String("start")], m_anchor.addMonths(3));
    }

    // Leap day: a cycle anchored on Jan 31 ends on Feb 29, the next on Mar 31.
    void proCycleOnLeapDay()
    {
        BEGIN(at("2028-01-31T12:00:00Z"));
        const QJsonObject w = fx->setPlan(m_ws.id, QStringLiteral("pro-100"));
        QVERIFY2(!w.isEmpty(), qPrintable(fx->errorString()));
        COMPARE_INSTANT(w[QLatin1String("subscription")][QLatin1String("period_start")], at("2028-01-31T12:00:00Z"));
        COMPARE_INSTANT(w[QLatin1String("subscription")][QLatin1String("period_end")], at("2028-02-29T12:00:00Z"));
        SPEND(100, 201);
        CLOCK("2028-02-29T11:59:59Z");
        REMAINING(0);
        CLOCK("2028-02-29T12:00:00Z");
        BALANCE(b);
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 100);
        KLIV_COMPARE_AT(b[QLatin1String("period")][QLatin1String("end")], "2028-03-31T12:00:00Z");
    }

    void freeOnLeapDay()
    {
        BEGIN(at("2028-02-28T12:00:00Z"));
        SPEND(5, 201);
        CLOCK("2028-02-29T00:00:00Z");
        {
            BALANCE(b);
            QCOMPARE(b[QLatin1String("remaining")].toInt(), 5);
            KLIV_COMPARE_AT(b[QLatin1String("next_refill_at")], "2028-03-01T00:00:00Z");
        }
        SPEND(5, 201);
        CLOCK("2028-03-01T00:00:00Z");
        BALANCE(b);
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 5);
        QCOMPARE(b[QLatin1String("monthly_cap")][QLatin1String("used")].toInt(), 0);
    }

    // A cycle starting on the 31st: Jan 31 -> Feb 28 -> Mar 31 (day clamped, anchor kept).
    void cycleStartingOn31st()
    {
        BEGIN(at("2027-01-31T10:00:00Z"));
        const QJsonObject w = fx->setPlan(m_ws.id, QStringLiteral("pro-100"));
        QVERIFY2(!w.isEmpty(), qPrintable(fx->errorString()));
        COMPARE_INSTANT(w[QLatin1String("subscription")][QLatin1String("period_start")], at("2027-01-31T10:00:00Z"));
        KLIV_COMPARE_AT(w[QLatin1String("subscription")][QLatin1String("period_end")], "2027-02-28T10:00:00Z");
        SPEND(60, 201);
        CLOCK("2027-02-28T10:00:00Z");
        {
            BALANCE(b);
            QCOMPARE(b[QLatin1String("remaining")].toInt(), 100);
            KLIV_COMPARE_AT(b[QLatin1String("period")][QLatin1String("end")], "2027-03-31T10:00:00Z");
        }
        CLOCK("2027-04-30T10:00:00Z");
        BALANCE(b);
        KLIV_COMPARE_AT(b[QLatin1String("period")][QLatin1String("start")], "2027-04-30T10:00:00Z");
        KLIV_COMPARE_AT(b[QLatin1String("period")][QLatin1String("end")], "2027-05-31T10:00:00Z");
    }

    void cancelThenUndo()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-200");
        {
            const HttpReply nothing = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/undo").arg(m_ws.id), {}, m_owner);
            KLIV_VERIFY_STATUS(nothing, 409);
        }
        SPEND(50, 201);
        CLOCK_AT(m_anchor.addDays(5));
        CHANGE("cancel", QJsonObject{}, canceled);
        QVERIFY(canceled[QLatin1String("workspace")][QLatin1String("subscription")][QLatin1String("cancel_at_period_end")].toBool());
        CLOCK_AT(m_anchor.addDays(6));
        CHANGE("undo", QJsonObject{}, undone);
        const QJsonObject sub = undone[QLatin1String("workspace")][QLatin1String("subscription")].toObject();
        QVERIFY(!sub[QLatin1String("cancel_at_period_end")].toBool());
        QCOMPARE(sub[QLatin1String("tier")].toString(), QStringLiteral("pro-200"));
        REMAINING(150); // undo changes no credits
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("pro-200"));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 200);
    }

    // At most one pending change: a new downgrade replaces the pending one.
    void downgradeReplacedByAnotherDowngrade()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-800");
        SPEND(100, 201);
        CLOCK_AT(m_anchor.addDays(2));
        {
            CHANGE("change", tier("pro-400"), first);
            QCOMPARE(first[QLatin1String("workspace")][QLatin1String("subscription")][QLatin1String("pending_change")][QLatin1String("tier")].toString(),
                     QStringLiteral("pro-400"));
        }
        CLOCK_AT(m_anchor.addDays(3));
        {
            CHANGE("change", tier("pro-200"), second);
            QCOMPARE(second[QLatin1String("workspace")][QLatin1String("subscription")][QLatin1String("pending_change")][QLatin1String("tier")].toString(),
                     QStringLiteral("pro-200"));
        }
        REMAINING(700);
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("pro-200"));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 200);
    }

    // ... and a cancel replaces a pending downgrade.
    void cancelReplacesPendingDowngrade()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-400");
        CHANGE("change", tier("pro-200"), down);
        Q_UNUSED(down);
        CHANGE("cancel", QJsonObject{}, canceled);
        const QJsonObject sub = canceled[QLatin1String("workspace")][QLatin1String("subscription")].toObject();
        QVERIFY(sub[QLatin1String("cancel_at_period_end")].toBool());
        QVERIFY(sub.value(QLatin1String("pending_change")).isNull() || sub.value(QLatin1String("pending_change")).isUndefined());
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("free"));
    }

    // An upgrade (admin set-plan here) cancels a pending downgrade and then
    // applies; the cycle's usage still counts.
    void upgradeOverPendingDowngrade()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-400");
        SPEND(100, 201);
        CLOCK_AT(m_anchor.addDays(2));
        CHANGE("change", tier("pro-200"), down);
        Q_UNUSED(down);
        CLOCK_AT(m_anchor.addDays(4));
        SETPLAN("pro-800");
        {
            WORKSPACE(w);
            const QJsonObject sub = w[QLatin1String("subscription")].toObject();
            QCOMPARE(sub[QLatin1String("tier")].toString(), QStringLiteral("pro-800"));
            COMPARE_INSTANT(sub[QLatin1String("period_end")], m_anchor.addMonths(1));
            QVERIFY(sub.value(QLatin1String("pending_change")).isNull() || sub.value(QLatin1String("pending_change")).isUndefined());
            QVERIFY(!sub[QLatin1String("cancel_at_period_end")].toBool());
        }
        REMAINING(700);
        CLOCK_AT(m_anchor.addMonths(1));
        BALANCE(b);
        QCOMPARE(b[QLatin1String("plan_id")].toString(), QStringLiteral("pro-800"));
        QCOMPARE(b[QLatin1String("remaining")].toInt(), 800);
    }

    // "change" to the current tier is nothing to change; unknown and sales-only tiers are refused.
    void changeToSameTierIsRefused()
    {
        BEGIN(apitest::wallClock());
        ANCHOR_PLAN("pro-200");
        const HttpReply same = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id),
                                        tier("pro-200"), m_owner);
        KLIV_VERIFY_STATUS(same, 409);
        const HttpReply unknown = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id),
                                           tier("pro-123"), m_owner);
        QVERIFY2(unknown.status == 400 || unknown.status == 404 || unknown.status == 409, qPrintable(unknown.describe()));
        const HttpReply enterprise = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id),
                                              tier("enterprise"), m_owner);
        KLIV_VERIFY_STATUS(enterprise, 409);
    }
    // Free: at most 10 members. After conversion to Free with more, every member
    // stays, but none can be added while more than 10 remain.
    void freeSeatLimit()
    {
        BEGIN(apitest::wallClock());
        const QString members = QStringLiteral("/v1/workspaces/%1/members").arg(m_ws.id);
        auto invite = [&](int i) {
            return fx->post(members, {{QStringLiteral("email"), QStringLiteral("m%1@acme.test").arg(i)},
                                      {QStringLiteral("role"), QStringLiteral("member")}}, m_owner);
        };
        for (int i = 1; i <= 9; ++i)
            KLIV_VERIFY_STATUS(invite(i), 201);
        const HttpReply eleventh = invite(10);
        KLIV_VERIFY_STATUS(eleventh, 409);
        QCOMPARE(eleventh.errorCode(), QStringLiteral("seat_limit_reached"));
        ANCHOR_PLAN("pro-100");
        for (int i = 10; i <= 11; ++i)
            KLIV_VERIFY_STATUS(invite(i), 201);
        SETPLAN("free");
        const HttpReply list = fx->get(members, m_owner);
        KLIV_VERIFY_STATUS(list, 200);
        QCOMPARE(list.jsonArray("members").size(), 12);
        QCOMPARE(list.json()[QLatin1String("seats")][QLatin1String("used")].toInt(), 12);
        QCOMPARE(list.json()[QLatin1String("seats")][QLatin1String("limit")].toInt(), 10);
        const HttpReply refused = invite(12);
        KLIV_VERIFY_STATUS(refused, 409);
        QCOMPARE(refused.errorCode(), QStringLiteral("seat_limit_reached"));
    }

    // The dev clock only moves forward.
    void devClockNeverMovesBack()
    {
        BEGIN(at("2026-12-10T00:00:00Z"));
        const HttpReply back = fx->post(QStringLiteral("/v1/dev/clock"), {{QStringLiteral("now"), QStringLiteral("2026-12-09T00:00:00Z")}});
        KLIV_VERIFY_STATUS(back, 409);
        const HttpReply now = fx->get(QStringLiteral("/v1/dev/clock"));
        KLIV_VERIFY_STATUS(now, 200);
        KLIV_COMPARE_AT(now.json()[QLatin1String("now")], "2026-12-10T00:00:00Z");
    }
};

QTEST_GUILESS_MAIN(BillingExamples)
#include "tst_billingexamples.moc"
