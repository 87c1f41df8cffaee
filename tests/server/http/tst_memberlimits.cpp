// Member credit limits (billing-rules.md, "Member limits") against the real
// kliv-billingd, SQLite and PostgreSQL rows: who may set one, what is refused,
// that a spend over it is refused whole with its own 402, and that it counts
// per billing cycle.
#include "apitest.h"

using apitest::at;

class MemberLimits : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner, m_service, m_memberId, m_memberToken;
    int m_key = 0;

    QString limitPath(const QString &memberId) const
    {
        return QStringLiteral("/v1/workspaces/%1/members/%2/limit").arg(m_ws.id, memberId);
    }
    HttpReply putLimit(const QString &memberId, const QJsonValue &credits, const QString &token = {})
    {
        return fx->request("PUT", limitPath(memberId),
                           QJsonDocument(QJsonObject{{QStringLiteral("monthly_credits"), credits}}).toJson(QJsonDocument::Compact),
                           token.isEmpty() ? m_owner : token);
    }
    HttpReply spendAsMember(int credits)
    {
        return fx->spend(m_ws.id, m_service, m_memberId, credits, QStringLiteral("m-%1").arg(++m_key));
    }
    // The member's row of GET .../members.
    QJsonObject memberRow()
    {
        const HttpReply r = fx->get(QStringLiteral("/v1/workspaces/%1/members").arg(m_ws.id), m_owner);
        for (const QJsonValue &m : r.json().value(QLatin1String("members")).toArray()) {
            if (m[QLatin1String("id")].toString() == m_memberId)
                return m.toObject();
        }
        return {};
    }

    // A workspace (on `plan` unless empty) with the owner and Ann, a member, signed in.
    void setUpWorkspace(const QString &plan)
    {
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        if (!plan.isEmpty())
            QVERIFY2(!fx->setPlan(m_ws.id, plan).isEmpty(), qPrintable(fx->errorString()));
        const QJsonObject ann = fx->addMember(m_ws.id, QStringLiteral("ann@acme.test"), QStringLiteral("member"), QStringLiteral("Ann"));
        m_memberId = ann.value(QLatin1String("member_id")).toString();
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_memberToken = fx->issueUserToken(QStringLiteral("ann@acme.test"));
        m_service = fx->issueServiceToken();
        QVERIFY(!m_memberId.isEmpty() && !m_owner.isEmpty() && !m_memberToken.isEmpty() && !m_service.isEmpty());
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    // Over the limit is refused whole (402 member_limit_reached, its Swedish
    // message); the member sees their own limit and use; clearing lets spends through.
    void spendsStopAtTheLimitUntilCleared()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QStringLiteral("pro-200"));

        const HttpReply set = putLimit(m_memberId, 3);
        KLIV_VERIFY_STATUS(set, 200);
        QCOMPARE(set.json().value(QLatin1String("limit")).toInt(), 3);
        QCOMPARE(set.json().value(QLatin1String("used_this_cycle")).toInt(-1), 0);

        KLIV_VERIFY_STATUS(spendAsMember(2), 201);
        const HttpReply over = spendAsMember(2);
        KLIV_VERIFY_STATUS(over, 402);
        QCOMPARE(over.errorCode(), QStringLiteral("member_limit_reached"));
        const QJsonObject error = over.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("message")).toString(),
                 QStringLiteral("Du har nått din gräns på 3 krediter för den här perioden. Be en administratör höja gränsen."));
        QCOMPARE(error.value(QLatin1String("limit")).toInt(), 3);
        QCOMPARE(error.value(QLatin1String("used")).toInt(), 2);
        KLIV_VERIFY_STATUS(spendAsMember(1), 201);   // exactly up to the limit
        KLIV_VERIFY_STATUS(spendAsMember(1), 402);
        // The owner has no limit: the workspace still has credits.
        KLIV_VERIFY_STATUS(fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, 10, QStringLiteral("owner-1")), 201);

        const QJsonObject own = fx->balance(m_ws.id, m_memberToken);
        QCOMPARE(own.value(QLatin1String("member_limit")).toObject(),
                 (QJsonObject{{QStringLiteral("limit"), 3}, {QStringLiteral("used"), 3}}));
        QCOMPARE(own.value(QLatin1String("used")).toInt(), 13);
        QVERIFY(!fx->balance(m_ws.id, m_owner).contains(QLatin1String("member_limit")));   // the owner's own: none

        const QJsonObject row = memberRow();
        QCOMPARE(row.value(QLatin1String("limit")).toInt(), 3);
        QCOMPARE(row.value(QLatin1String("used_this_cycle")).toInt(), 3);

        const HttpReply cleared = putLimit(m_memberId, QJsonValue());
        KLIV_VERIFY_STATUS(cleared, 200);
        QVERIFY(cleared.json().value(QLatin1String("limit")).isNull());
        KLIV_VERIFY_STATUS(spendAsMember(5), 201);
        QVERIFY(!fx->balance(m_ws.id, m_memberToken).contains(QLatin1String("member_limit")));
        QCOMPARE(memberRow().value(QLatin1String("used_this_cycle")).toInt(), 8);
    }

    // The limit counts per billing cycle: the next cycle starts from zero.
    void theLimitResetsWithTheNextCycle()
    {
        KLIV_START(fx, at("2026-12-01T09:00:00Z"));
        setUpWorkspace(QStringLiteral("pro-200"));
        const QDateTime end = apitest::instant(fx->balance(m_ws.id, m_owner)[QLatin1String("period")][QLatin1String("end")]);
        QVERIFY(end.isValid());
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 4), 200);
        KLIV_VERIFY_STATUS(spendAsMember(4), 201);
        KLIV_VERIFY_STATUS(spendAsMember(1), 402);

        QVERIFY2(fx->setClock(apitest::ceilSecond(end).addSecs(3600)), qPrintable(fx->errorString()));
        QCOMPARE(fx->balance(m_ws.id, m_memberToken).value(QLatin1String("member_limit")).toObject(),
                 (QJsonObject{{QStringLiteral("limit"), 4}, {QStringLiteral("used"), 0}}));
        KLIV_VERIFY_STATUS(spendAsMember(4), 201);
        const HttpReply over = spendAsMember(1);
        KLIV_VERIFY_STATUS(over, 402);
        QCOMPARE(over.errorCode(), QStringLiteral("member_limit_reached"));
        QCOMPARE(memberRow().value(QLatin1String("used_this_cycle")).toInt(), 4);
    }

    // Owners and admins set limits (permissions module: manage_members); a
    // member cannot, not even their own; an admin cannot limit an owner.
    void onlyOwnersAndAdminsSetLimits()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QStringLiteral("pro-200"));
        fx->addMember(m_ws.id, QStringLiteral("bo@acme.test"), QStringLiteral("admin"), QStringLiteral("Bo"));
        const QString admin = fx->issueUserToken(QStringLiteral("bo@acme.test"));
        QVERIFY(!admin.isEmpty());

        KLIV_VERIFY_STATUS(putLimit(m_memberId, 10, m_memberToken), 403);
        KLIV_VERIFY_STATUS(putLimit(m_ws.ownerMemberId, 10, admin), 403);
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 10, admin), 200);
        KLIV_VERIFY_STATUS(putLimit(m_ws.ownerMemberId, 10), 200);   // an owner may limit themselves
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 10, QStringLiteral("not-a-token")), 401);
        KLIV_VERIFY_STATUS(putLimit(QStringLiteral("mem_nobody"), 10), 404);
        QCOMPARE(memberRow().value(QLatin1String("limit")).toInt(), 10);
    }

    // Another member's use is team usage: a member sees their own use and
    // everyone's limit, not what the others used.
    void othersUseIsTeamUsage()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QStringLiteral("pro-200"));
        KLIV_VERIFY_STATUS(putLimit(m_ws.ownerMemberId, 100), 200);
        KLIV_VERIFY_STATUS(fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, 7, QStringLiteral("owner-1")), 201);
        KLIV_VERIFY_STATUS(spendAsMember(2), 201);
        const HttpReply r = fx->get(QStringLiteral("/v1/workspaces/%1/members").arg(m_ws.id), m_memberToken);
        KLIV_VERIFY_STATUS(r, 200);
        for (const QJsonValue &m : r.json().value(QLatin1String("members")).toArray()) {
            if (m[QLatin1String("id")].toString() == m_memberId) {
                QCOMPARE(m[QLatin1String("used_this_cycle")].toInt(), 2);
            } else {
                QVERIFY(m[QLatin1String("used_this_cycle")].isNull());
                QCOMPARE(m[QLatin1String("limit")].toInt(), 100);
            }
        }
        QCOMPARE(memberRow().value(QLatin1String("used_this_cycle")).toInt(), 2);   // the owner sees it
    }

    // Bad input is refused with a clear error and changes nothing.
    void badInputIsRefused()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QStringLiteral("pro-200"));
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 50), 200);

        const HttpReply notJson = fx->request("PUT", limitPath(m_memberId), "{\"monthly_credits\":", m_owner);
        KLIV_VERIFY_STATUS(notJson, 400);
        QCOMPARE(notJson.errorCode(), QStringLiteral("invalid_json"));
        const HttpReply missing = fx->request("PUT", limitPath(m_memberId), "{}", m_owner);
        KLIV_VERIFY_STATUS(missing, 400);
        QCOMPARE(missing.errorCode(), QStringLiteral("validation_failed"));
        for (const QJsonValue &bad : {QJsonValue(QStringLiteral("50")), QJsonValue(-1), QJsonValue(2.5), QJsonValue(true)}) {
            const HttpReply r = putLimit(m_memberId, bad);
            KLIV_VERIFY_STATUS(r, 400);
            QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
        }
        // Above the plan's own 200 per cycle: the largest allowed is said.
        const HttpReply above = putLimit(m_memberId, 201);
        KLIV_VERIFY_STATUS(above, 400);
        QCOMPARE(above.json()[QLatin1String("error")][QLatin1String("max")].toInt(), 200);
        QCOMPARE(above.json()[QLatin1String("error")][QLatin1String("fields")][0][QLatin1String("message")].toString(),
                 QStringLiteral("Gränsen kan vara högst 200 krediter, planens krediter per period."));
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 200), 200);
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 0), 200);   // 0: the member spends nothing
        KLIV_VERIFY_STATUS(spendAsMember(1), 402);
        QCOMPARE(memberRow().value(QLatin1String("limit")).toInt(-1), 0);
    }

    // Free has no billing cycle: no limits there (409), clearing still works.
    void freeWorkspacesHaveNoLimits()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QString());
        const HttpReply r = putLimit(m_memberId, 3);
        KLIV_VERIFY_STATUS(r, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("member_limits_need_paid_plan"));
        QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("message")].toString(),
                 QStringLiteral("Gränser för medlemmar finns bara på betalda planer. Uppgradera arbetsytan för att sätta en gräns."));
        KLIV_VERIFY_STATUS(putLimit(m_memberId, QJsonValue()), 200);
        const QJsonObject row = memberRow();
        QVERIFY(row.value(QLatin1String("limit")).isNull());
        QVERIFY(row.contains(QLatin1String("used_this_cycle")) && row.value(QLatin1String("used_this_cycle")).isNull());
    }

    // member.limit_changed with the old and the new value, only when it changed.
    void changesAreAudited()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspace(QStringLiteral("pro-200"));
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 50), 200);
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 50), 200);   // the same: nothing to record
        KLIV_VERIFY_STATUS(putLimit(m_memberId, QJsonValue()), 200);
        KLIV_VERIFY_STATUS(putLimit(m_memberId, 500), 400);  // refused: no entry
        const HttpReply log = fx->get(QStringLiteral("/v1/workspaces/%1/audit?kind=member.limit_changed").arg(m_ws.id), m_owner);
        KLIV_VERIFY_STATUS(log, 200);
        const QJsonArray entries = log.json().value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 2);   // newest first
        QCOMPARE(entries[0][QLatin1String("target")].toString(), QStringLiteral("ann@acme.test"));
        QCOMPARE(entries[0][QLatin1String("actor")][QLatin1String("email")].toString(), m_ws.ownerEmail);
        QCOMPARE(entries[0][QLatin1String("before")].toObject(), (QJsonObject{{QStringLiteral("monthly_credits"), 50}}));
        QCOMPARE(entries[0][QLatin1String("after")].toObject(), (QJsonObject{{QStringLiteral("monthly_credits"), QJsonValue()}}));
        QCOMPARE(entries[1][QLatin1String("before")].toObject(), (QJsonObject{{QStringLiteral("monthly_credits"), QJsonValue()}}));
        QCOMPARE(entries[1][QLatin1String("after")].toObject(), (QJsonObject{{QStringLiteral("monthly_credits"), 50}}));
    }
};

QTEST_GUILESS_MAIN(MemberLimits)
#include "tst_memberlimits.moc"
