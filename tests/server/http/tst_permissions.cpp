// The permission matrix: every workspace route of api/openapi.yaml (and the
// public ones; the live channel's refusals are in tst_live) x
// owner / admin / member / another workspace's owner / no token / expired token /
// service token -> the expected status (403 missing permission, 404 another
// workspace's, 401 no or expired token; the service token only on usage routes).
#include "apitest.h"

#include <QThread>

namespace {

enum Caller { Owner, Admin, Member, OtherOwner, NoToken, Expired, Service, CallerCount };
const char *callerName(int c)
{
    static const char *names[] = {"owner", "admin", "member", "other workspace's owner", "no token",
                                  "expired token", "service token"};
    return names[c];
}

using Allowed = QList<int>;

struct Route {
    QByteArray method;
    QString path;                        // {ws} and {id} are filled in
    std::function<QByteArray()> body;    // a fresh valid body per call
    QList<Allowed> expected;             // indexed by Caller
    bool freshMember = false;            // {id} = a member added just before the call
};

const Allowed k401 = {401};
const Allowed kUserOnly = {401, 403};    // a service token on a user route: refused either way

} // namespace

class Permissions : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_a, m_b;
    QString m_tokens[CallerCount];
    QString m_targetMember;
    int m_counter = 0;

    QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    void setUpWorkspaces()
    {
        m_a = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_a.isValid(), qPrintable(fx->errorString()));
        // Enterprise: custom roles and team usage exist, so every route has a permitted caller.
        QVERIFY2(!fx->setPlan(m_a.id, QStringLiteral("enterprise"), 1000).isEmpty(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->addMember(m_a.id, QStringLiteral("admin@acme.test"), QStringLiteral("admin")).isEmpty(),
                 qPrintable(fx->errorString()));
        QVERIFY2(!fx->addMember(m_a.id, QStringLiteral("member@acme.test"), QStringLiteral("member")).isEmpty(),
                 qPrintable(fx->errorString()));
        const QJsonObject target = fx->addMember(m_a.id, QStringLiteral("target@acme.test"), QStringLiteral("member"));
        m_targetMember = target[QLatin1String("member_id")].toString();
        QVERIFY2(!m_targetMember.isEmpty(), qPrintable(fx->errorString()));
        m_b = fx->createWorkspace(QStringLiteral("Other"), QStringLiteral("owner@other.test"));
        QVERIFY2(m_b.isValid(), qPrintable(fx->errorString()));

        m_tokens[Owner] = fx->issueUserToken(QStringLiteral("owner@acme.test"));
        m_tokens[Admin] = fx->issueUserToken(QStringLiteral("admin@acme.test"));
        m_tokens[Member] = fx->issueUserToken(QStringLiteral("member@acme.test"));
        m_tokens[OtherOwner] = fx->issueUserToken(QStringLiteral("owner@other.test"));
        const AdminResult expiring = fx->admin({QStringLiteral("issue-token"), QStringLiteral("--user"),
                                                QStringLiteral("owner@acme.test"), QStringLiteral("--ttl"),
                                                QStringLiteral("1")});
        QVERIFY2(expiring.ok(), qPrintable(expiring.describe()));
        m_tokens[Expired] = expiring.json[QLatin1String("access_token")].toString();
        m_tokens[Service] = fx->issueServiceToken();
        for (int c = 0; c < CallerCount; ++c) {
            if (c != NoToken)
                QVERIFY2(!m_tokens[c].isEmpty(), qPrintable(QStringLiteral("no token for ") + callerName(c)));
        }
        // Let the 1-second token expire: move the dev clock, and let real time
        // pass too, whichever clock the server checks tokens with.
        QVERIFY2(fx->setClock(fx->clock().addSecs(3600)), qPrintable(fx->errorString()));
        const QDateTime expiresAt = apitest::instant(expiring.json[QLatin1String("expires_at")]);
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(expiresAt) + 1100;
        if (wait > 0 && wait < 5000)
            QTest::qWait(int(wait));
    }

    QList<Route> routes()
    {
        const Allowed ok200 = {200};
        auto readRoute = [&](const QString &path, Allowed service = kUserOnly) {
            return Route{"GET", path, [] { return QByteArray(); },
                         {ok200, ok200, ok200, {404}, k401, k401, service}};
        };
        auto manageRoute = [&](QByteArray method, const QString &path, std::function<QByteArray()> body,
                               Allowed allowed, bool freshMember = false) {
            return Route{method, path, body, {allowed, allowed, {403}, {404}, k401, k401, kUserOnly}, freshMember};
        };
        auto none = [] { return QByteArray(); };
        auto usage = [this] {
            return json(ServerFixture::usageBody(m_a.ownerMemberId, 1, QStringLiteral("perm-%1").arg(++m_counter)));
        };
        auto batch = [this] {
            return json({{QStringLiteral("events"), QJsonArray{ServerFixture::usageBody(
                              m_a.ownerMemberId, 1, QStringLiteral("perm-batch-%1").arg(++m_counter))}}});
        };
        const QString ws = QStringLiteral("/v1/workspaces/{ws}");
        return {
            readRoute(ws),
            readRoute(ws + QStringLiteral("/balance"), ok200),
            readRoute(ws + QStringLiteral("/usage")),
            readRoute(ws + QStringLiteral("/usage/entries")),
            readRoute(ws + QStringLiteral("/usage.csv")),
            readRoute(ws + QStringLiteral("/members")),
            readRoute(ws + QStringLiteral("/roles")),
            manageRoute("GET", ws + QStringLiteral("/audit"), none, ok200),
            manageRoute("GET", ws + QStringLiteral("/audit.csv"), none, ok200),
            Route{"POST", ws + QStringLiteral("/usage"), usage, {kUserOnly, kUserOnly, kUserOnly, {401, 403, 404}, k401, k401, {201}}},
            Route{"POST", ws + QStringLiteral("/usage/batch"), batch, {kUserOnly, kUserOnly, kUserOnly, {401, 403, 404}, k401, k401, ok200}},
            manageRoute("GET", ws + QStringLiteral("/invoices"), none, {200, 503}),
            manageRoute("POST", ws + QStringLiteral("/billing-portal"), [] { return QByteArray("{}"); }, {200, 503}),
            manageRoute("POST", ws + QStringLiteral("/members"), [this] {
                return json({{QStringLiteral("email"), QStringLiteral("new%1@acme.test").arg(++m_counter)},
                             {QStringLiteral("role"), QStringLiteral("member")}});
            }, {201}),
            manageRoute("PATCH", ws + QStringLiteral("/members/{target}"), [this] {
                return json({{QStringLiteral("role"), QStringLiteral("member")}});
            }, ok200),
            manageRoute("DELETE", ws + QStringLiteral("/members/{id}"), none, {204}, true),
            // Ownership is the owner's to give: an admin holds every permission but not that one.
            Route{"PATCH", ws + QStringLiteral("/members/{id}"), [this] {
                      return json({{QStringLiteral("role"), QStringLiteral("owner")}});
                  }, {{200}, {403}, {403}, {404}, k401, k401, kUserOnly}, true},
            Route{"POST", ws + QStringLiteral("/members"), [this] {
                      return json({{QStringLiteral("email"), QStringLiteral("co%1@acme.test").arg(++m_counter)},
                                   {QStringLiteral("role"), QStringLiteral("owner")}});
                  }, {{201}, {403}, {403}, {404}, k401, k401, kUserOnly}},
            manageRoute("POST", ws + QStringLiteral("/roles"), [this] {
                return json({{QStringLiteral("name"), QStringLiteral("role-%1").arg(++m_counter)},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}});
            }, {201}),
            manageRoute("POST", ws + QStringLiteral("/subscription/preview"), [this] {
                return json({{QStringLiteral("tier"), QStringLiteral("pro-200")}});
            }, {200, 409}),
            manageRoute("POST", ws + QStringLiteral("/subscription/change"), [this] {
                return json({{QStringLiteral("tier"), QStringLiteral("pro-200")}});
            }, {200, 409, 503}),
            manageRoute("POST", ws + QStringLiteral("/subscription/cancel"), [] { return QByteArray("{}"); }, {200, 409}),
            manageRoute("POST", ws + QStringLiteral("/subscription/undo"), [] { return QByteArray("{}"); }, {200, 409}),
            Route{"POST", ws + QStringLiteral("/enterprise-inquiry"), [this] {
                      return json({{QStringLiteral("contact"), QStringLiteral("cto@acme.test")},
                                   {QStringLiteral("seats"), 40},
                                   {QStringLiteral("message"), QStringLiteral("SSO please")}});
                  }, {{201}, {201}, {201, 403}, {404}, k401, k401, kUserOnly}},
            Route{"GET", QStringLiteral("/v1/me"), none, {ok200, ok200, ok200, ok200, k401, k401, kUserOnly}},
            // Public: no token needed, any token ignored.
            Route{"GET", QStringLiteral("/v1/plans"), none, {ok200, ok200, ok200, ok200, ok200, ok200, ok200}},
            Route{"GET", QStringLiteral("/healthz"), none, {ok200, ok200, ok200, ok200, ok200, ok200, ok200}},
            Route{"GET", QStringLiteral("/readyz"), none, {ok200, ok200, ok200, ok200, ok200, ok200, ok200}},
            Route{"GET", QStringLiteral("/v1/dev/clock"), none, {ok200, ok200, ok200, ok200, ok200, ok200, ok200}},
        };
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void matrix()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        QStringList mismatches;
        int checked = 0;
        for (const Route &route : routes()) {
            for (int c = 0; c < CallerCount; ++c) {
                QString path = route.path;
                path.replace(QLatin1String("{ws}"), m_a.id).replace(QLatin1String("{target}"), m_targetMember);
                if (route.freshMember) {
                    const QJsonObject m = fx->addMember(m_a.id, QStringLiteral("gone%1@acme.test").arg(++m_counter));
                    QVERIFY2(!m.isEmpty(), qPrintable(fx->errorString()));
                    path.replace(QLatin1String("{id}"), m[QLatin1String("member_id")].toString());
                }
                const HttpReply r = fx->request(route.method, path, route.body(), m_tokens[c]);
                ++checked;
                const Allowed &expected = route.expected[c];
                bool good = expected.contains(r.status);
                // Refusals carry the error shape and nothing of the workspace.
                if (good && r.status >= 400 && r.status != 503) {
                    good = r.isJson() && !r.errorCode().isEmpty()
                        && !r.body.contains(m_a.id.toUtf8()) && !r.body.contains("Acme");
                    if (r.status == 401)
                        good = good && (r.errorCode() == QLatin1String("unauthorized")
                                        || r.errorCode() == QLatin1String("token_expired"));
                    if (r.status == 403)
                        good = good && r.errorCode() == QLatin1String("forbidden");
                    if (r.status == 404)
                        good = good && r.errorCode() == QLatin1String("not_found");
                }
                if (!good) {
                    QStringList want;
                    for (int s : expected)
                        want << QString::number(s);
                    mismatches << QStringLiteral("%1 %2 as %3: expected %4, got %5")
                                      .arg(QString::fromLatin1(route.method), route.path, QLatin1String(callerName(c)),
                                           want.join(QLatin1Char('|')), r.describe().left(200));
                }
            }
        }
        qInfo("%d route x caller combinations checked", checked);
        QVERIFY2(mismatches.isEmpty(), qPrintable(QLatin1Char('\n') + mismatches.join(QLatin1Char('\n'))));
    }

    // Another workspace's id and an unknown one look the same: 404, never data.
    void unknownAndForeignWorkspaceLookAlike()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const HttpReply foreign = fx->get(QStringLiteral("/v1/workspaces/%1/balance").arg(m_b.id), m_tokens[Owner]);
        const HttpReply unknown = fx->get(QStringLiteral("/v1/workspaces/ws_does_not_exist/balance"), m_tokens[Owner]);
        KLIV_VERIFY_STATUS(foreign, 404);
        KLIV_VERIFY_STATUS(unknown, 404);
        QCOMPARE(foreign.errorCode(), unknown.errorCode());
    }

    // Members see their own usage only; owners and admins see the team (Pro/Enterprise).
    void teamUsageNeedsThePermission()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const QJsonObject me = fx->get(QStringLiteral("/v1/me"), m_tokens[Member]).json();
        QString memberId;
        for (const QJsonValue &m : me[QLatin1String("memberships")].toArray()) {
            if (m[QLatin1String("workspace_id")].toString() == m_a.id)
                memberId = m[QLatin1String("member_id")].toString();
        }
        QVERIFY2(!memberId.isEmpty(), qPrintable(apitest::compact(me)));
        KLIV_VERIFY_STATUS(fx->spend(m_a.id, m_tokens[Service], m_a.ownerMemberId, 7, QStringLiteral("owner-use")), 201);
        KLIV_VERIFY_STATUS(fx->spend(m_a.id, m_tokens[Service], memberId, 2, QStringLiteral("member-use")), 201);

        const HttpReply own = fx->get(QStringLiteral("/v1/workspaces/%1/usage").arg(m_a.id), m_tokens[Member]);
        KLIV_VERIFY_STATUS(own, 200);
        QCOMPARE(own.json()[QLatin1String("scope")].toString(), QStringLiteral("own"));
        QCOMPARE(own.json()[QLatin1String("total")].toInt(), 2);
        QVERIFY(own.json()[QLatin1String("by_member")].toArray().isEmpty());
        const HttpReply ownEntries = fx->get(QStringLiteral("/v1/workspaces/%1/usage/entries").arg(m_a.id), m_tokens[Member]);
        KLIV_VERIFY_STATUS(ownEntries, 200);
        QCOMPARE(ownEntries.jsonArray("entries").size(), 1);

        const HttpReply team = fx->get(QStringLiteral("/v1/workspaces/%1/usage").arg(m_a.id), m_tokens[Admin]);
        KLIV_VERIFY_STATUS(team, 200);
        QCOMPARE(team.json()[QLatin1String("scope")].toString(), QStringLiteral("workspace"));
        QCOMPARE(team.json()[QLatin1String("total")].toInt(), 9);
        QCOMPARE(team.jsonArray("by_member").size(), 2);
    }

    QString memberIdOf(const QString &token)
    {
        const QJsonObject me = fx->get(QStringLiteral("/v1/me"), token).json();
        for (const QJsonValue &m : me[QLatin1String("memberships")].toArray()) {
            if (m[QLatin1String("workspace_id")].toString() == m_a.id)
                return m[QLatin1String("member_id")].toString();
        }
        return {};
    }
    QString roleOf(const QString &memberId)
    {
        const HttpReply r = fx->get(QStringLiteral("/v1/workspaces/%1/members").arg(m_a.id), m_tokens[Member]);
        for (const QJsonValue &m : r.jsonArray("members")) {
            if (m[QLatin1String("id")].toString() == memberId)
                return m[QLatin1String("role")].toString();
        }
        return {};
    }
    HttpReply patchRole(const QString &memberId, const QString &role, const QString &token)
    {
        return fx->patch(QStringLiteral("/v1/workspaces/%1/members/%2").arg(m_a.id, memberId),
                         {{QStringLiteral("role"), role}}, token);
    }

    // An admin cannot take the workspace: no own role change, no touching the
    // owner; ownership moves by the owner's confirmed transfer only.
    void ownershipIsTheOwnersToGive()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const QString owner = m_a.ownerMemberId;
        const QString admin = memberIdOf(m_tokens[Admin]);
        QVERIFY(!admin.isEmpty());
        const HttpReply selfPromote = patchRole(admin, QStringLiteral("owner"), m_tokens[Admin]);
        KLIV_VERIFY_STATUS(selfPromote, 403);
        QCOMPARE(selfPromote.errorCode(), QStringLiteral("forbidden"));
        KLIV_VERIFY_STATUS(patchRole(admin, QStringLiteral("member"), m_tokens[Admin]), 403);
        KLIV_VERIFY_STATUS(patchRole(owner, QStringLiteral("member"), m_tokens[Admin]), 403);
        KLIV_VERIFY_STATUS(fx->del(QStringLiteral("/v1/workspaces/%1/members/%2").arg(m_a.id, owner), m_tokens[Admin]), 403);
        KLIV_VERIFY_STATUS(patchRole(owner, QStringLiteral("admin"), m_tokens[Owner]), 403);
        QCOMPARE(roleOf(admin), QStringLiteral("admin"));
        QCOMPARE(roleOf(owner), QStringLiteral("owner"));

        const QString transfer = QStringLiteral("/v1/workspaces/%1/transfer-ownership").arg(m_a.id);
        const QJsonObject toAdmin{{QStringLiteral("member_id"), admin}, {QStringLiteral("confirm"), true}};
        KLIV_VERIFY_STATUS(fx->post(transfer, {{QStringLiteral("member_id"), admin}}, m_tokens[Owner]), 400);
        KLIV_VERIFY_STATUS(fx->post(transfer, {{QStringLiteral("member_id"), owner}, {QStringLiteral("confirm"), true}},
                                    m_tokens[Admin]), 403);
        KLIV_VERIFY_STATUS(fx->post(transfer, {{QStringLiteral("member_id"), QStringLiteral("mem_nope")},
                                               {QStringLiteral("confirm"), true}}, m_tokens[Owner]), 404);
        QCOMPARE(roleOf(owner), QStringLiteral("owner"));
        const HttpReply moved = fx->post(transfer, toAdmin, m_tokens[Owner]);
        KLIV_VERIFY_STATUS(moved, 200);
        QCOMPARE(roleOf(admin), QStringLiteral("owner"));
        QCOMPARE(roleOf(owner), QStringLiteral("admin"));
        // The former owner is an admin now, with an admin's limits.
        KLIV_VERIFY_STATUS(patchRole(admin, QStringLiteral("member"), m_tokens[Owner]), 403);
        KLIV_VERIFY_STATUS(fx->post(transfer, {{QStringLiteral("member_id"), owner}, {QStringLiteral("confirm"), true}},
                                    m_tokens[Owner]), 403);
        // The last owner stays.
        const HttpReply leave = fx->del(QStringLiteral("/v1/workspaces/%1/members/%2").arg(m_a.id, admin), m_tokens[Admin]);
        KLIV_VERIFY_STATUS(leave, 409);
        QCOMPARE(roleOf(admin), QStringLiteral("owner"));
    }

    // A custom role never hands out or touches more than it holds.
    void customRoleCannotEscalate()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const QString roles = QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id);
        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("hr")},
                                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage"),
                                                                                       QStringLiteral("manage_members")}}},
                                    m_tokens[Owner]), 201);
        const QJsonObject hrMember = fx->addMember(m_a.id, QStringLiteral("hr@acme.test"), QStringLiteral("hr"));
        const QString hrId = hrMember[QLatin1String("member_id")].toString();
        QVERIFY2(!hrId.isEmpty(), qPrintable(fx->errorString()));
        const QString hr = fx->issueUserToken(QStringLiteral("hr@acme.test"));
        const QString admin = memberIdOf(m_tokens[Admin]);

        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("payer")},
                                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("manage_plan")}}},
                                    hr), 403);
        const QString members = QStringLiteral("/v1/workspaces/%1/members").arg(m_a.id);
        KLIV_VERIFY_STATUS(fx->post(members, {{QStringLiteral("email"), QStringLiteral("a2@acme.test")},
                                              {QStringLiteral("role"), QStringLiteral("admin")}}, hr), 403);
        KLIV_VERIFY_STATUS(patchRole(m_targetMember, QStringLiteral("admin"), hr), 403);
        KLIV_VERIFY_STATUS(patchRole(admin, QStringLiteral("member"), hr), 403);
        KLIV_VERIFY_STATUS(fx->del(members + QLatin1Char('/') + admin, hr), 403);
        KLIV_VERIFY_STATUS(patchRole(hrId, QStringLiteral("admin"), hr), 403);
        QCOMPARE(roleOf(admin), QStringLiteral("admin"));
        QCOMPARE(roleOf(m_targetMember), QStringLiteral("member"));
        // Within its own permissions it works.
        KLIV_VERIFY_STATUS(fx->post(members, {{QStringLiteral("email"), QStringLiteral("m2@acme.test")},
                                              {QStringLiteral("role"), QStringLiteral("member")}}, hr), 201);
        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("viewer")},
                                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}},
                                    hr), 201);
    }

    // Enterprise custom roles grant exactly their permissions.
    void customRoleGrantsItsPermissions()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const HttpReply role = fx->post(QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id),
                                        {{QStringLiteral("name"), QStringLiteral("billing")},
                                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage"),
                                                                                    QStringLiteral("view_billing")}}},
                                        m_tokens[Owner]);
        KLIV_VERIFY_STATUS(role, 201);
        QVERIFY2(!fx->addMember(m_a.id, QStringLiteral("books@acme.test"), QStringLiteral("billing")).isEmpty(),
                 qPrintable(fx->errorString()));
        const QString books = fx->issueUserToken(QStringLiteral("books@acme.test"));
        const HttpReply invoices = fx->get(QStringLiteral("/v1/workspaces/%1/invoices").arg(m_a.id), books);
        QVERIFY2(invoices.status == 200 || invoices.status == 503, qPrintable(invoices.describe()));
        const HttpReply invite = fx->post(QStringLiteral("/v1/workspaces/%1/members").arg(m_a.id),
                                          {{QStringLiteral("email"), QStringLiteral("x@acme.test")},
                                           {QStringLiteral("role"), QStringLiteral("member")}}, books);
        KLIV_VERIFY_STATUS(invite, 403);
        const HttpReply cancel = fx->post(QStringLiteral("/v1/workspaces/%1/subscription/cancel").arg(m_a.id), {}, books);
        KLIV_VERIFY_STATUS(cancel, 403);
        // Free workspaces cannot define custom roles at all.
        const QString otherOwner = m_tokens[OtherOwner];
        const HttpReply freeRole = fx->post(QStringLiteral("/v1/workspaces/%1/roles").arg(m_b.id),
                                            {{QStringLiteral("name"), QStringLiteral("x")},
                                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing")}}},
                                            otherOwner);
        KLIV_VERIFY_STATUS(freeRole, 403);
    }
};

QTEST_GUILESS_MAIN(Permissions)
#include "tst_permissions.moc"
