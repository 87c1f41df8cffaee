// The permission matrix: every workspace route of api/openapi.yaml (and the
// public ones; the live channel's refusals are in tst_live) x
// owner / admin / member / another workspace's owner / no token / expired token /
// service token / a custom role per permission subset -> the expected status
// (403 missing permission, 404 another workspace's, 401 no or expired token;
// the service token only on usage routes; a custom role gets the admin's
// answer where it holds the route's permission, else 403).
#include "apitest.h"

#include <QThread>

namespace {

enum Caller { Owner, Admin, Member, OtherOwner, NoToken, Expired, Service,
              RoleNone, RoleTeam, RoleBilling, RolePlan, RoleMembers, RoleAll, CallerCount };
const char *callerName(int c)
{
    static const char *names[] = {"owner", "admin", "member", "other workspace's owner", "no token",
                                  "expired token", "service token", "custom role (nothing)",
                                  "custom role (team usage)", "custom role (billing)", "custom role (plan)",
                                  "custom role (members)", "custom role (everything)"};
    return names[c];
}

// The custom roles of the matrix: each permission next to view_own_usage, none, all.
struct CustomCaller {
    Caller caller;
    const char *role;
    QStringList permissions;
};
QList<CustomCaller> customCallers()
{
    const QString own = QStringLiteral("view_own_usage");
    return {
        {RoleNone, "nothing", {}},
        {RoleTeam, "team-reader", {own, QStringLiteral("view_team_usage")}},
        {RoleBilling, "bookkeeper", {own, QStringLiteral("view_billing")}},
        {RolePlan, "planner", {own, QStringLiteral("manage_plan")}},
        {RoleMembers, "people", {own, QStringLiteral("manage_members")}},
        {RoleAll, "deputy", {own, QStringLiteral("view_team_usage"), QStringLiteral("view_billing"),
                             QStringLiteral("manage_plan"), QStringLiteral("manage_members")}},
    };
}

using Allowed = QList<int>;

struct Route {
    QByteArray method;
    QString path;                        // {ws} and {id} are filled in
    std::function<QByteArray()> body;    // a fresh valid body per call
    QList<Allowed> expected;             // indexed by Caller, up to Service
    bool freshMember = false;            // {id} = a member added just before the call
    QString needs;                       // the permission a custom role needs ("" = none)
    bool freshRole = false;              // {role} = a custom role created just before the call
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
        for (const CustomCaller &cc : customCallers()) {
            const QString role = QString::fromLatin1(cc.role);
            const HttpReply made = fx->post(QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id),
                                            {{QStringLiteral("name"), role},
                                             {QStringLiteral("permissions"), QJsonArray::fromStringList(cc.permissions)}},
                                            m_tokens[Owner]);
            KLIV_VERIFY_STATUS(made, 201);
            const QString email = role + QStringLiteral("@acme.test");
            QVERIFY2(!fx->addMember(m_a.id, email, role).isEmpty(), qPrintable(fx->errorString()));
            m_tokens[cc.caller] = fx->issueUserToken(email);
        }
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
        const QString own = QStringLiteral("view_own_usage");
        const QString billing = QStringLiteral("view_billing");
        const QString plan = QStringLiteral("manage_plan");
        const QString members = QStringLiteral("manage_members");
        const QString ownerOrAdmin = QStringLiteral("(owner or admin)");   // no custom role holds it
        auto readRoute = [&](const QString &path, Allowed service = kUserOnly) {
            return Route{"GET", path, [] { return QByteArray(); },
                         {ok200, ok200, ok200, {404}, k401, k401, service}, false, own};
        };
        auto manageRoute = [&](QByteArray method, const QString &path, std::function<QByteArray()> body,
                               Allowed allowed, const QString &needs, bool freshMember = false) {
            return Route{method, path, body, {allowed, allowed, {403}, {404}, k401, k401, kUserOnly}, freshMember, needs};
        };
        auto roleRoute = [&](QByteArray method, std::function<QByteArray()> body, Allowed allowed) {
            Route r = manageRoute(method, QStringLiteral("/v1/workspaces/{ws}/roles/{role}"), body, allowed, members);
            r.freshRole = true;
            return r;
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
            // The audit log: owners and admins only, whatever a custom role holds ("" is never a permission).
            manageRoute("GET", ws + QStringLiteral("/audit"), none, ok200, ownerOrAdmin),
            manageRoute("GET", ws + QStringLiteral("/audit.csv"), none, ok200, ownerOrAdmin),
            Route{"POST", ws + QStringLiteral("/usage"), usage, {kUserOnly, kUserOnly, kUserOnly, {401, 403, 404}, k401, k401, {201}}},
            Route{"POST", ws + QStringLiteral("/usage/batch"), batch, {kUserOnly, kUserOnly, kUserOnly, {401, 403, 404}, k401, k401, ok200}},
            manageRoute("GET", ws + QStringLiteral("/invoices"), none, {200, 503}, billing),
            manageRoute("POST", ws + QStringLiteral("/billing-portal"), [] { return QByteArray("{}"); }, {200, 503}, billing),
            manageRoute("POST", ws + QStringLiteral("/members"), [this] {
                return json({{QStringLiteral("email"), QStringLiteral("new%1@acme.test").arg(++m_counter)},
                             {QStringLiteral("role"), QStringLiteral("member")}});
            }, {201}, members),
            manageRoute("PATCH", ws + QStringLiteral("/members/{target}"), [this] {
                return json({{QStringLiteral("role"), QStringLiteral("member")}});
            }, ok200, members),
            manageRoute("DELETE", ws + QStringLiteral("/members/{id}"), none, {204}, members, true),
            // Ownership is the owner's to give: an admin holds every permission but not that one.
            Route{"PATCH", ws + QStringLiteral("/members/{id}"), [this] {
                      return json({{QStringLiteral("role"), QStringLiteral("owner")}});
                  }, {{200}, {403}, {403}, {404}, k401, k401, kUserOnly}, true, members},
            Route{"POST", ws + QStringLiteral("/members"), [this] {
                      return json({{QStringLiteral("email"), QStringLiteral("co%1@acme.test").arg(++m_counter)},
                                   {QStringLiteral("role"), QStringLiteral("owner")}});
                  }, {{201}, {403}, {403}, {404}, k401, k401, kUserOnly}, false, members},
            manageRoute("POST", ws + QStringLiteral("/roles"), [this] {
                return json({{QStringLiteral("name"), QStringLiteral("role-%1").arg(++m_counter)},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}});
            }, {201}, members),
            roleRoute("PATCH", [this] {
                return json({{QStringLiteral("name"), QStringLiteral("renamed-%1").arg(++m_counter)},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}});
            }, ok200),
            roleRoute("DELETE", none, {204}),
            // Built-in roles are fixed, for everyone.
            Route{"PATCH", ws + QStringLiteral("/roles/member"), [this] {
                      return json({{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing")}}});
                  }, {{403}, {403}, {403}, {404}, k401, k401, kUserOnly}, false, members},
            Route{"DELETE", ws + QStringLiteral("/roles/admin"), none,
                  {{403}, {403}, {403}, {404}, k401, k401, kUserOnly}, false, members},
            manageRoute("POST", ws + QStringLiteral("/subscription/preview"), [this] {
                return json({{QStringLiteral("tier"), QStringLiteral("pro-200")}});
            }, {200, 409}, plan),
            manageRoute("POST", ws + QStringLiteral("/subscription/change"), [this] {
                return json({{QStringLiteral("tier"), QStringLiteral("pro-200")}});
            }, {200, 409, 503}, plan),
            manageRoute("POST", ws + QStringLiteral("/subscription/cancel"), [] { return QByteArray("{}"); }, {200, 409}, plan),
            manageRoute("POST", ws + QStringLiteral("/subscription/undo"), [] { return QByteArray("{}"); }, {200, 409}, plan),
            Route{"POST", ws + QStringLiteral("/enterprise-inquiry"), [this] {
                      return json({{QStringLiteral("contact"), QStringLiteral("cto@acme.test")},
                                   {QStringLiteral("seats"), 40},
                                   {QStringLiteral("message"), QStringLiteral("SSO please")}});
                  }, {{201}, {201}, {201, 403}, {404}, k401, k401, kUserOnly}, false, own},
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
        const auto custom = customCallers();
        for (const Route &route : routes()) {
            for (int c = 0; c < CallerCount; ++c) {
                QString path = route.path;
                path.replace(QLatin1String("{ws}"), m_a.id).replace(QLatin1String("{target}"), m_targetMember);
                if (route.freshMember) {
                    const QJsonObject m = fx->addMember(m_a.id, QStringLiteral("gone%1@acme.test").arg(++m_counter));
                    QVERIFY2(!m.isEmpty(), qPrintable(fx->errorString()));
                    path.replace(QLatin1String("{id}"), m[QLatin1String("member_id")].toString());
                }
                if (route.freshRole) {
                    const QString role = QStringLiteral("fresh-%1").arg(++m_counter);
                    KLIV_VERIFY_STATUS(fx->post(QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id),
                                                {{QStringLiteral("name"), role},
                                                 {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}},
                                                m_tokens[Owner]), 201);
                    path.replace(QLatin1String("{role}"), role);
                }
                const HttpReply r = fx->request(route.method, path, route.body(), m_tokens[c]);
                ++checked;
                Allowed expected;
                if (c < RoleNone) {
                    expected = route.expected[c];
                } else {
                    const auto cc = std::find_if(custom.cbegin(), custom.cend(), [c](const CustomCaller &x) { return x.caller == c; });
                    expected = route.needs.isEmpty() || cc->permissions.contains(route.needs) ? route.expected[Admin]
                                                                                               : Allowed{403};
                }
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

    int membersOfRole(const QString &role)
    {
        const HttpReply r = fx->get(QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id), m_tokens[Member]);
        for (const QJsonValue &v : r.jsonArray("roles")) {
            if (v[QLatin1String("name")].toString() == role)
                return v[QLatin1String("members")].toInt(-1);
        }
        return -1;
    }

    // Edit, rename and delete: members follow a rename, a role in use stays
    // (409 with the count), nobody edits their own role or one above them.
    void customRoleLifecycle()
    {
        KLIV_START(fx, apitest::wallClock());
        setUpWorkspaces();
        if (QTest::currentTestFailed())
            return;
        const QString roles = QStringLiteral("/v1/workspaces/%1/roles").arg(m_a.id);
        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("Ekonomi")},
                                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}},
                                    m_tokens[Owner]), 201);
        const QString a1 = fx->addMember(m_a.id, QStringLiteral("e1@acme.test"), QStringLiteral("Ekonomi"))
                               .value(QLatin1String("member_id")).toString();
        const QString a2 = fx->addMember(m_a.id, QStringLiteral("e2@acme.test"), QStringLiteral("Ekonomi"))
                               .value(QLatin1String("member_id")).toString();
        QVERIFY2(!a1.isEmpty() && !a2.isEmpty(), qPrintable(fx->errorString()));
        QCOMPARE(membersOfRole(QStringLiteral("Ekonomi")), 2);
        QCOMPARE(membersOfRole(QStringLiteral("owner")), 1);
        QCOMPARE(membersOfRole(QStringLiteral("member")), 2);   // member@ and target@

        // Rename and widen in one call (percent-encoded name with a space).
        const HttpReply edited = fx->patch(roles + QStringLiteral("/Ekonomi"),
                                           {{QStringLiteral("name"), QStringLiteral("Ekonomi och plan")},
                                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing"),
                                                                                       QStringLiteral("view_own_usage")}}},
                                           m_tokens[Admin]);
        KLIV_VERIFY_STATUS(edited, 200);
        QCOMPARE(edited.json()[QLatin1String("name")].toString(), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(edited.json()[QLatin1String("members")].toInt(), 2);
        QCOMPARE(edited.json()[QLatin1String("permissions")].toArray(),
                 (QJsonArray{QStringLiteral("view_own_usage"), QStringLiteral("view_billing")}));
        QCOMPARE(roleOf(a1), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(roleOf(a2), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(membersOfRole(QStringLiteral("Ekonomi")), -1);
        // The members hold the new permissions at once.
        const QString e1 = fx->issueUserToken(QStringLiteral("e1@acme.test"));
        const HttpReply invoices = fx->get(QStringLiteral("/v1/workspaces/%1/invoices").arg(m_a.id), e1);
        QVERIFY2(invoices.status == 200 || invoices.status == 503, qPrintable(invoices.describe()));
        const QString spaced = roles + QStringLiteral("/Ekonomi%20och%20plan");

        // Refusals: an unknown role, a taken or built-in name, the caller's own role,
        // and a role with a permission the caller lacks.
        KLIV_VERIFY_STATUS(fx->patch(roles + QStringLiteral("/Ekonomi"), {{QStringLiteral("name"), QStringLiteral("x")}},
                                     m_tokens[Owner]), 404);
        const HttpReply taken = fx->patch(spaced, {{QStringLiteral("name"), QStringLiteral("people")}}, m_tokens[Owner]);
        KLIV_VERIFY_STATUS(taken, 409);
        QCOMPARE(taken.errorCode(), QStringLiteral("conflict"));
        KLIV_VERIFY_STATUS(fx->patch(spaced, {{QStringLiteral("name"), QStringLiteral("admin")}}, m_tokens[Owner]), 400);
        KLIV_VERIFY_STATUS(fx->patch(spaced, {{QStringLiteral("name"), QStringLiteral("a/b")}}, m_tokens[Owner]), 400);
        KLIV_VERIFY_STATUS(fx->patch(spaced, {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("fly")}}},
                                     m_tokens[Owner]), 400);
        KLIV_VERIFY_STATUS(fx->patch(spaced, QJsonObject{}, m_tokens[Owner]), 400);
        const QString people = m_tokens[RoleMembers];   // view_own_usage + manage_members
        KLIV_VERIFY_STATUS(fx->patch(spaced, {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}},
                                     people), 403);      // the role holds view_billing, "people" does not
        KLIV_VERIFY_STATUS(fx->del(spaced, people), 403);
        KLIV_VERIFY_STATUS(fx->patch(roles + QStringLiteral("/people"),
                                     {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}}, people), 403);
        KLIV_VERIFY_STATUS(fx->patch(roles + QStringLiteral("/nothing"),
                                     {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("manage_plan")}}}, people), 403);
        KLIV_VERIFY_STATUS(fx->patch(roles + QStringLiteral("/nothing"),
                                     {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_own_usage")}}}, people), 200);

        // In use: 409 role_in_use says how many; free once the members moved.
        const HttpReply inUse = fx->del(spaced, m_tokens[Owner]);
        KLIV_VERIFY_STATUS(inUse, 409);
        QCOMPARE(inUse.errorCode(), QStringLiteral("role_in_use"));
        const QJsonObject err = inUse.json()[QLatin1String("error")].toObject();
        QCOMPARE(err[QLatin1String("members")].toInt(), 2);
        QVERIFY2(err[QLatin1String("message")].toString().startsWith(QLatin1String("2 members hold this role")),
                 qPrintable(inUse.describe()));
        KLIV_VERIFY_STATUS(patchRole(a1, QStringLiteral("member"), m_tokens[Owner]), 200);
        const HttpReply one = fx->del(spaced, m_tokens[Owner]);
        KLIV_VERIFY_STATUS(one, 409);
        QCOMPARE(one.json()[QLatin1String("error")][QLatin1String("members")].toInt(), 1);
        KLIV_VERIFY_STATUS(fx->del(QStringLiteral("/v1/workspaces/%1/members/%2").arg(m_a.id, a2), m_tokens[Owner]), 204);
        KLIV_VERIFY_STATUS(fx->del(spaced, m_tokens[Owner]), 204);
        KLIV_VERIFY_STATUS(fx->del(spaced, m_tokens[Owner]), 404);
        QCOMPARE(membersOfRole(QStringLiteral("Ekonomi och plan")), -1);

        // After a downgrade: no more editing, but unused roles can still go.
        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("spare")},
                                            {QStringLiteral("permissions"), QJsonArray{}}}, m_tokens[Owner]), 201);
        QVERIFY2(!fx->setPlan(m_a.id, QStringLiteral("pro-200")).isEmpty(), qPrintable(fx->errorString()));
        KLIV_VERIFY_STATUS(fx->patch(roles + QStringLiteral("/nothing"),
                                     {{QStringLiteral("name"), QStringLiteral("none")}}, m_tokens[Owner]), 403);
        KLIV_VERIFY_STATUS(fx->del(roles + QStringLiteral("/nothing"), m_tokens[Owner]), 409);
        KLIV_VERIFY_STATUS(fx->post(roles, {{QStringLiteral("name"), QStringLiteral("unused")},
                                            {QStringLiteral("permissions"), QJsonArray{}}}, m_tokens[Owner]), 403);
        KLIV_VERIFY_STATUS(fx->del(roles + QStringLiteral("/spare"), m_tokens[Owner]), 204);
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
