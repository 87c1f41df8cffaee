// Roles and permissions (docs/billing-rules.md, "Roles and permissions") and seats.
#include "billing/permissions.h"
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

class TestPermissions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("granted");
        const struct { Permission p; const char *name; bool owner, admin, member; } rows[] = {
            {Permission::ViewOwnUsage, "view own usage", true, true, true},
            {Permission::ViewTeamUsage, "view team usage", true, true, false},
            {Permission::ViewBilling, "view billing", true, true, false},
            {Permission::ManagePlan, "manage plan", true, true, false},
            {Permission::ManageMembers, "manage members", true, true, false},
        };
        for (const auto &r : rows) {
            QTest::addRow("owner: %s", r.name) << "owner" << r.p << r.owner;
            QTest::addRow("admin: %s", r.name) << "admin" << r.p << r.admin;
            QTest::addRow("member: %s", r.name) << "member" << r.p << r.member;
        }
    }
    void builtInMatrix()
    {
        QFETCH(QString, role);
        QFETCH(Permission, permission);
        QFETCH(bool, granted);
        QVERIFY(isBuiltInRole(role));
        const auto p = builtInRolePermissions(role);
        QVERIFY(p);
        QCOMPARE(p->testFlag(permission), granted);
    }

    void unknownRoles()
    {
        for (const char *r : {"", "Owner", "ADMIN", "billing-viewer", "members"}) {
            QVERIFY2(!isBuiltInRole(QLatin1String(r)), r);
            QVERIFY2(!builtInRolePermissions(QLatin1String(r)), r);
        }
    }

    void names()
    {
        QCOMPARE(permissionNames(*builtInRolePermissions(QStringLiteral("owner"))),
                 (QStringList{"view_own_usage", "view_team_usage", "view_billing", "manage_plan", "manage_members"}));
        QCOMPARE(permissionNames(*builtInRolePermissions(QStringLiteral("member"))), QStringList{"view_own_usage"});
        QCOMPARE(permissionNames({}), QStringList());
    }

    void customRoles_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QStringList>("canonical");
        QTest::newRow("billing viewer") << QStringList{"view_billing"} << true << QStringList{"view_billing"};
        QTest::newRow("order and duplicates") << QStringList{"manage_members", "view_own_usage", "manage_members"} << true
                                              << QStringList{"view_own_usage", "manage_members"};
        QTest::newRow("nothing at all") << QStringList{} << true << QStringList{};
        QTest::newRow("team analyst") << QStringList{"view_team_usage", "view_own_usage"} << true << QStringList{"view_own_usage", "view_team_usage"};
        QTest::newRow("unknown name") << QStringList{"view_billing", "delete_workspace"} << false << QStringList{};
        QTest::newRow("wrong case") << QStringList{"VIEW_BILLING"} << false << QStringList{};
        QTest::newRow("empty name") << QStringList{""} << false << QStringList{};
    }
    void customRoles()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, valid);
        QFETCH(QStringList, canonical);
        const auto p = permissionsFromNames(names);
        QCOMPARE(p.has_value(), valid);
        if (valid)
            QCOMPARE(permissionNames(*p), canonical);
    }

    void customRolesOnlyOnEnterprise()
    {
        QVERIFY(canDefineCustomRoles(plan(QStringLiteral("enterprise"))));
        QVERIFY(!canDefineCustomRoles(plan(QStringLiteral("pro-800"))));
        QVERIFY(!canDefineCustomRoles(plan(QStringLiteral("free"))));
    }

    void teamUsage_data()
    {
        QTest::addColumn<QStringList>("permissions");
        QTest::addColumn<QString>("planId");
        QTest::addColumn<bool>("allowed");
        const QStringList all{"view_own_usage", "view_team_usage", "view_billing", "manage_plan", "manage_members"};
        QTest::newRow("owner on free") << all << "free" << false;
        QTest::newRow("owner on pro") << all << "pro-100" << true;
        QTest::newRow("member on pro") << QStringList{"view_own_usage"} << "pro-100" << false;
        QTest::newRow("custom analyst on enterprise") << QStringList{"view_team_usage"} << "enterprise" << true;
        QTest::newRow("custom billing role on enterprise") << QStringList{"view_billing", "manage_plan"} << "enterprise" << false;
    }
    void teamUsage()
    {
        QFETCH(QStringList, permissions);
        QFETCH(QString, planId);
        QFETCH(bool, allowed);
        QCOMPARE(canViewTeamUsage(*permissionsFromNames(permissions), plan(planId)), allowed);
    }

    void seats_data()
    {
        QTest::addColumn<QString>("planId");
        QTest::addColumn<int>("members");
        QTest::addColumn<bool>("canAdd");
        QTest::newRow("free with 1") << "free" << 1 << true;
        QTest::newRow("free with 9") << "free" << 9 << true;
        QTest::newRow("free with 10") << "free" << 10 << false;
        QTest::newRow("free with 11 (after conversion)") << "free" << 11 << false;
        QTest::newRow("free with 40") << "free" << 40 << false;
        QTest::newRow("pro with 10") << "pro-100" << 10 << true;
        QTest::newRow("pro with 11") << "pro-100" << 11 << true;
        QTest::newRow("pro with 5000") << "pro-800" << 5000 << true;
        QTest::newRow("enterprise with 100000") << "enterprise" << 100000 << true;
    }
    void seats()
    {
        QFETCH(QString, planId);
        QFETCH(int, members);
        QFETCH(bool, canAdd);
        QCOMPARE(canAddMember(plan(planId), members), canAdd);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
