// The store against a real SQLite file and a real PostgreSQL schema: what a
// user of the billing server would notice if it were wrong (balances, history,
// idempotency, live updates, sign-in state).
#include "storetestdb.h"
#include "storage/wirejson.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace storage;
using namespace storetest;

namespace {
struct Ws { QString id; QString owner; QString ownerUser; };

Ws makeWorkspace(Store &s, const QDateTime &now, const QString &email = QStringLiteral("owner@example.se"))
{
    const auto user = s.createUser(email, QStringLiteral("Owner"), QStringLiteral("hash"), now);
    if (!user)
        return {};
    const auto ws = s.createWorkspace(QStringLiteral("Ateljé"), user->id, now);
    if (!ws)
        return {};
    return {ws->workspace.id, ws->owner.id, user->id};
}

UsageRequest req(const QString &key, const QString &member, qint64 credits,
                 const QString &project = QStringLiteral("site"), const QString &activity = QStringLiteral("generate"))
{
    return UsageRequest{key, member, project, activity, credits};
}

bool setPlan(Store &s, const QString &ws, const QString &plan, const QDateTime &now, int allowance = 0)
{
    return s.mutateSubscription(ws, now, catalog(), [&](billing::SubscriptionState &st) {
        st = billing::setPlanByAdmin(catalog(), st, plan, allowance, now);
        return true;
    }).ok;
}

qint64 count(Store &s, const QString &sql)
{
    QSqlQuery q(s.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}
} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openErrors();
    void reopen_data() { addBackendRows(); }
    void reopen();
    void usersAndMembers_data() { addBackendRows(); }
    void usersAndMembers();
    void singleSignOn_data() { addBackendRows(); }
    void singleSignOn();
    void freeDaysAndMonthlyCap_data() { addBackendRows(); }
    void freeDaysAndMonthlyCap();
    void paidCycleCountsPartialDays_data() { addBackendRows(); }
    void paidCycleCountsPartialDays();
    void periodEndIsPersisted_data() { addBackendRows(); }
    void periodEndIsPersisted();
    void idempotency_data() { addBackendRows(); }
    void idempotency();
    void failedSpendLeavesNothing_data() { addBackendRows(); }
    void failedSpendLeavesNothing();
    void batch_data() { addBackendRows(); }
    void batch();
    void grantsOncePerExternalId_data() { addBackendRows(); }
    void grantsOncePerExternalId();
    void historyEqualsRawSums_data() { addBackendRows(); }
    void historyEqualsRawSums();
    void pagingReturnsEveryEntryOnce_data() { addBackendRows(); }
    void pagingReturnsEveryEntryOnce();
    void liveSequence_data() { addBackendRows(); }
    void liveSequence();
    void tokens_data() { addBackendRows(); }
    void tokens();
    void authCodes_data() { addBackendRows(); }
    void authCodes();
    void auditGoesWithItsChange_data() { addBackendRows(); }
    void auditGoesWithItsChange();
    void csvAndInquiries_data() { addBackendRows(); }
    void csvAndInquiries();
    void failuresAreTyped_data() { addBackendRows(); }
    void failuresAreTyped();
    void postgresReconnects();
};

void TestStore::openErrors()
{
    QTemporaryDir tmp;
    QFile file(tmp.filePath(QStringLiteral("plain-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QString error;
    QVERIFY(!Store::open(tmp.filePath(QStringLiteral("plain-file/data")), &error));
    QVERIFY2(error.contains(QLatin1String("data directory")), qPrintable(error));
    QVERIFY(!Store::open(QStringLiteral("postgresql://kliv:secret-pw@127.0.0.1:1/none"), &error));
    QVERIFY2(!error.contains(QLatin1String("secret-pw")), "the password must not reach the error text");
    // A missing data directory is created.
    auto store = Store::open(tmp.filePath(QStringLiteral("a/b/c")), &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("a/b/c/kliv.sqlite"))));
}

void TestStore::reopen()
{
    STORETEST_DB(db);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    Store::registerMigrations(QStringLiteral("storetest"),
                              {Migration{1, QStringLiteral("a table"), {QStringLiteral("CREATE TABLE storetest_things (id INTEGER)")},
                                         {QStringLiteral("CREATE TABLE storetest_things (id INTEGER)")}},
                               Migration{2, QStringLiteral("a row"), {QStringLiteral("INSERT INTO storetest_things VALUES (7)")},
                                         {QStringLiteral("INSERT INTO storetest_things VALUES (7)")}}});
    Ws ws;
    {
        auto s = db.open();
        QVERIFY(s);
        ws = makeWorkspace(*s, now);
        QVERIFY(!ws.id.isEmpty());
        QCOMPARE(s->spend(ws.id, req(QStringLiteral("k1"), ws.owner, 3), now, catalog()).status, SpendStatus::Spent);
    }
    for (int i = 0; i < 2; ++i) {
        auto s = db.open();
        QVERIFY(s);
        QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE module = 'core'")), 9);   // v5 audit log, v6 SAML, v7 outbox, v8 credit alerts, v9 member limits
        QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE module = 'storetest'")), 2);
        QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM storetest_things")), 1);   // ran once
        QCOMPARE(s->userByEmail(QStringLiteral("OWNER@Example.SE"))->id, ws.ownerUser);
        const auto b = s->balance(ws.id, now, catalog());
        QVERIFY(b);
        QCOMPARE(b->balance.remaining, 2);
        QCOMPARE(s->liveSeq(ws.id), 2);
    }
    Store::registerMigrations(QStringLiteral("storetest"), {});
}

// SSO settings (one workspace per domain), AuthnRequests used once and only
// while open and for their workspace, assertion IDs once, the SP key made once.
void TestStore::singleSignOn()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const Ws a = makeWorkspace(*s, now), b = makeWorkspace(*s, now, QStringLiteral("boss@other.se"));
    QVERIFY(!s->ssoSettings(a.id));
    SsoSettings sa;
    sa.workspaceId = a.id;
    sa.domain = QStringLiteral("acme.se");
    sa.updatedAt = now;
    QCOMPARE(s->saveSsoSettings(sa), Store::SsoSave::Saved);
    sa.domainVerified = true;
    QCOMPARE(s->saveSsoSettings(sa), Store::SsoSave::Saved);
    QCOMPARE(s->ssoByDomain(QStringLiteral("ACME.se"))->workspaceId, a.id);
    QVERIFY(s->ssoByDomain(QStringLiteral("ACME.se"))->domainVerified);
    SsoSettings sb = sa;
    sb.workspaceId = b.id;
    QCOMPARE(s->saveSsoSettings(sb), Store::SsoSave::DomainTaken);
    sb.domain.clear();   // several workspaces without a domain
    QCOMPARE(s->saveSsoSettings(sb), Store::SsoSave::Saved);
    QCOMPARE(s->ssoSettings(b.id)->domain, QString());

    SamlRequest r{QStringLiteral("_req1"), a.id, false, QStringLiteral("kliv-konto"), QStringLiteral("http://127.0.0.1:1/cb"),
                  QStringLiteral("st"), QStringLiteral("ch"), now, now.addSecs(600)};
    QVERIFY(s->storeSamlRequest(r));
    QVERIFY(!s->consumeSamlRequest(r.id, b.id, now));            // another workspace's ACS
    const auto used = s->consumeSamlRequest(r.id, a.id, now);
    QVERIFY(used);
    QCOMPARE(used->redirectUri, r.redirectUri);
    QVERIFY(!s->consumeSamlRequest(r.id, a.id, now));            // once
    r.id = QStringLiteral("_req2");
    QVERIFY(s->storeSamlRequest(r));
    QVERIFY(!s->consumeSamlRequest(r.id, a.id, now.addSecs(600)));   // expired

    bool replay = false;
    QVERIFY(s->markAssertionSeen(QStringLiteral("idp"), QStringLiteral("_a1"), now.addSecs(300), &replay));
    QVERIFY(!s->markAssertionSeen(QStringLiteral("idp"), QStringLiteral("_a1"), now.addSecs(300), &replay));
    QVERIFY(replay);
    QVERIFY(s->markAssertionSeen(QStringLiteral("other-idp"), QStringLiteral("_a1"), now.addSecs(300), &replay));
    QCOMPARE(s->pruneExpiredSaml(now.addDays(3), 100), 4);   // two requests, two assertion IDs
    QVERIFY(s->markAssertionSeen(QStringLiteral("idp"), QStringLiteral("_a1"), now.addDays(4), &replay));

    QVERIFY(!s->samlSpKey());
    QVERIFY(s->storeSamlSpKeyIfMissing("key-1", "cert-1"));
    QVERIFY(s->storeSamlSpKeyIfMissing("key-2", "cert-2"));
    QCOMPARE(s->samlSpKey()->first, QByteArray("key-1"));
}

void TestStore::usersAndMembers()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const Ws ws = makeWorkspace(*s, now, QStringLiteral("Anna@Example.se"));
    bool conflict = false;
    QVERIFY(!s->createUser(QStringLiteral("anna@EXAMPLE.se"), {}, {}, now, &conflict));
    QVERIFY(conflict);
    QCOMPARE(s->userByEmail(QStringLiteral("ANNA@example.SE"))->email, QStringLiteral("Anna@Example.se"));

    // Free: at most 10 members.
    QStringList users;
    for (int i = 1; i < 11; ++i) {
        const auto u = s->createUser(QStringLiteral("m%1@example.se").arg(i), QStringLiteral("M%1").arg(i), {}, now);
        QVERIFY(u);
        users << u->id;
    }
    Member added;
    for (int i = 0; i < 9; ++i)
        QCOMPARE(s->addMember(ws.id, users[i], QStringLiteral("member"), now, catalog(), &added), MemberChange::Done);
    QCOMPARE(s->memberCount(ws.id), 10);
    QCOMPARE(s->addMember(ws.id, users[9], QStringLiteral("member"), now, catalog()), MemberChange::SeatLimit);
    QCOMPARE(s->addMember(ws.id, users[0], QStringLiteral("member"), now, catalog()), MemberChange::AlreadyMember);
    QCOMPARE(s->addMember(ws.id, users[9], QStringLiteral("wizard"), now, catalog()), MemberChange::UnknownRole);
    QCOMPARE(s->addMember(QStringLiteral("ws_nope"), users[9], QStringLiteral("member"), now, catalog()), MemberChange::NotFound);

    // The last owner stays.
    QCOMPARE(s->removeMember(ws.id, ws.owner), MemberChange::LastOwner);
    QCOMPARE(s->setMemberRole(ws.id, ws.owner, QStringLiteral("admin")), MemberChange::LastOwner);
    QCOMPARE(s->setMemberRole(ws.id, added.id, QStringLiteral("owner")), MemberChange::Done);
    QCOMPARE(s->setMemberRole(ws.id, ws.owner, QStringLiteral("admin")), MemberChange::Done);

    // A removed member comes back with the same id (history keeps its name).
    QCOMPARE(s->removeMember(ws.id, added.id), MemberChange::LastOwner);
    Member first;
    for (const Member &m : s->members(ws.id)) {
        if (m.role == QLatin1String("member"))
            first = m;
    }
    QCOMPARE(s->removeMember(ws.id, first.id), MemberChange::Done);
    QVERIFY(!s->member(ws.id, first.id));
    QCOMPARE(s->memberCount(ws.id), 9);
    Member back;
    QCOMPARE(s->addMember(ws.id, first.userId, QStringLiteral("admin"), now, catalog(), &back), MemberChange::Done);
    QCOMPARE(back.id, first.id);
    QCOMPARE(back.role, QStringLiteral("admin"));

    const auto memberships = s->membershipsOfUser(first.userId);
    QCOMPARE(memberships.size(), 1);
    QCOMPARE(memberships.first().workspaceName, QStringLiteral("Ateljé"));
    QCOMPARE(memberships.first().planId, QStringLiteral("free"));

    // Custom roles.
    QVERIFY(s->createRole(ws.id, CustomRole{QStringLiteral("billing"), {QStringLiteral("view_billing")}}));
    QVERIFY(!s->createRole(ws.id, CustomRole{QStringLiteral("billing"), {QStringLiteral("view_billing")}}, &conflict));
    QVERIFY(conflict);
    QVERIFY(!s->createRole(ws.id, CustomRole{QStringLiteral("x"), {QStringLiteral("fly")}}));
    QCOMPARE(s->roles(ws.id).size(), 1);
    QCOMPARE(s->setMemberRole(ws.id, back.id, QStringLiteral("billing")), MemberChange::Done);
    QCOMPARE(s->roleMemberCounts(ws.id).value(QStringLiteral("billing")), 1);

    // The live sweep's key carries a custom role's permissions, so an edit reads as a change.
    const QString key = ws.id + QLatin1Char('\n') + back.userId;
    QCOMPARE(s->activeRolesOfUsers({back.userId})->value(key), QStringLiteral("billing\nview_billing"));
    QCOMPARE(s->roleKey(ws.id, QStringLiteral("billing")), QStringLiteral("billing\nview_billing"));
    QCOMPARE(s->roleKey(ws.id, QStringLiteral("admin")), QStringLiteral("admin"));

    // Rename + new permissions in one transaction: the member follows.
    CustomRole before;
    QCOMPARE(s->updateRole(ws.id, QStringLiteral("billing"),
                           CustomRole{QStringLiteral("Ekonomi"), {QStringLiteral("view_own_usage"), QStringLiteral("view_billing")}},
                           {}, {}, &before), RoleChange::Done);
    QCOMPARE(before.name, QStringLiteral("billing"));
    QCOMPARE(s->member(ws.id, back.id)->role, QStringLiteral("Ekonomi"));
    QVERIFY(!s->role(ws.id, QStringLiteral("billing")));
    QCOMPARE(s->activeRolesOfUsers({back.userId})->value(key), QStringLiteral("Ekonomi\nview_own_usage,view_billing"));
    QVERIFY(s->createRole(ws.id, CustomRole{QStringLiteral("spare"), {}}));
    QCOMPARE(s->updateRole(ws.id, QStringLiteral("spare"), CustomRole{QStringLiteral("Ekonomi"), {}}), RoleChange::Conflict);
    QCOMPARE(s->updateRole(ws.id, QStringLiteral("nope"), CustomRole{QStringLiteral("x"), {}}), RoleChange::NotFound);
    // A guard's refusal changes nothing.
    QCOMPARE(s->updateRole(ws.id, QStringLiteral("spare"), CustomRole{QStringLiteral("spare2"), {}}, {},
                           [](const std::optional<Member> &, const CustomRole &, const CustomRole *) { return RoleChange::Forbidden; }),
             RoleChange::Forbidden);
    QVERIFY(s->role(ws.id, QStringLiteral("spare")));

    // Deleting: refused while held (with the count), done once free.
    int holders = -1;
    QCOMPARE(s->deleteRole(ws.id, QStringLiteral("Ekonomi"), {}, {}, &holders), RoleChange::InUse);
    QCOMPARE(holders, 1);
    QVERIFY(s->role(ws.id, QStringLiteral("Ekonomi")));
    QCOMPARE(s->setMemberRole(ws.id, back.id, QStringLiteral("member")), MemberChange::Done);
    QCOMPARE(s->deleteRole(ws.id, QStringLiteral("Ekonomi"), {}, {}, &holders), RoleChange::Done);
    QCOMPARE(holders, 0);
    QCOMPARE(s->deleteRole(ws.id, QStringLiteral("Ekonomi")), RoleChange::NotFound);
    QCOMPARE(s->roles(ws.id).size(), 1);
}

// An audit entry is written in the change's transaction: a rolled-back or
// refused change leaves none; the actor's e-mail is the one it had then.
void TestStore::auditGoesWithItsChange()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const Ws ws = makeWorkspace(*s, now);
    const auto u = s->createUser(QStringLiteral("bo@example.se"), QStringLiteral("Bo"), {}, now);
    QVERIFY(u);
    const auto log = [&] { return s->auditLog(ws.id, AuditQuery{})->entries; };
    Member bo;
    QCOMPARE(s->addMember(ws.id, u->id, QStringLiteral("member"), now, catalog(), &bo, Actor::member(ws.ownerUser)),
             MemberChange::Done);
    QCOMPARE(log().size(), 1);
    QCOMPARE(log().first().actor.email, QStringLiteral("owner@example.se"));
    QCOMPARE(log().first().at, now);

    // The change and its entry roll back together.
    bool changed = false;
    QVERIFY(!s->transaction([&] {
        changed = s->setMemberRole(ws.id, bo.id, QStringLiteral("admin"), Actor::member(ws.ownerUser)) == MemberChange::Done;
        return false;   // something later in the same transaction failed
    }));
    QVERIFY(changed);
    QCOMPARE(s->member(ws.id, bo.id)->role, QStringLiteral("member"));
    QCOMPARE(log().size(), 1);
    // Refused: nothing written.
    QCOMPARE(s->removeMember(ws.id, ws.owner, Actor::member(ws.ownerUser)), MemberChange::LastOwner);
    QCOMPARE(log().size(), 1);

    QCOMPARE(s->setMemberRole(ws.id, bo.id, QStringLiteral("admin"), Actor::operatorNamed(QStringLiteral("eva"))), MemberChange::Done);
    const AuditEntry e = log().first();
    QCOMPARE(e.kind, QString::fromLatin1(audit::MemberRoleChanged));
    QCOMPARE(e.actor.kind, Actor::Operator);
    QCOMPARE(e.actor.email, QStringLiteral("operator:eva"));
    QCOMPARE(e.before.value(QStringLiteral("role")).toString(), QStringLiteral("member"));
    QCOMPARE(e.after.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QVERIFY(e.id > log().last().id);
}

// Worked examples 1 and 2: the daily 5 does not carry over; the month caps at 30.
void TestStore::freeDaysAndMonthlyCap()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-11-30T12:00:00Z"));
    SpendResult r = s->spend(ws.id, req(QStringLiteral("d1"), ws.owner, 3), at("2026-12-01T09:00:00Z"), catalog());
    QCOMPARE(r.status, SpendStatus::Spent);
    QCOMPARE(r.balance.balance.remaining, 2);
    QVERIFY(r.entry.onFree);
    QCOMPARE(s->balance(ws.id, at("2026-12-02T00:00:00Z"), catalog())->balance.remaining, 5);

    for (int day = 2; day <= 6; ++day) {
        const QDateTime t = at("2026-12-01T08:00:00Z").addDays(day - 1);
        QCOMPARE(s->spend(ws.id, req(QStringLiteral("day%1").arg(day), ws.owner, 5), t, catalog()).status, SpendStatus::Spent);
    }
    // 12-01 had only 3: two more that day brings the month to exactly 30.
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("d1b"), ws.owner, 2), at("2026-12-01T23:59:59Z"), catalog()).status,
             SpendStatus::Spent);
    const auto b = s->balance(ws.id, at("2026-12-07T10:00:00Z"), catalog());
    QCOMPARE(b->balance.remaining, 0);
    QCOMPARE(b->balance.monthlyCap->used, 30);
    QCOMPARE(b->balance.nextRefillAt, at("2027-01-01T00:00:00Z"));
    r = s->spend(ws.id, req(QStringLiteral("d7"), ws.owner, 1), at("2026-12-07T10:00:00Z"), catalog());
    QCOMPARE(r.status, SpendStatus::Insufficient);
    QCOMPARE(r.balance.balance.nextRefillAt, at("2027-01-01T00:00:00Z"));
    QCOMPARE(s->balance(ws.id, at("2027-01-01T00:00:00Z"), catalog())->balance.remaining, 5);
}

// A cycle starting mid-day: the balance counts exactly the usage inside
// [period_start, period_end), although the roll-ups are per day.
void TestStore::paidCycleCountsPartialDays()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("free"), ws.owner, 4), at("2026-12-10T09:00:00Z"), catalog()).status,
             SpendStatus::Spent);
    QVERIFY(setPlan(*s, ws.id, QStringLiteral("pro-200"), at("2026-12-10T15:30:00Z")));
    qint64 spent = 0;
    QDateTime t = at("2026-12-10T15:30:00Z");
    for (int i = 0; i < 40; ++i) {
        t = t.addSecs(3600 * 7 + 13);   // crosses several midnights
        const qint64 credits = 1 + i % 4;
        const SpendResult r = s->spend(ws.id, req(QStringLiteral("p%1").arg(i), ws.owner, credits), t, catalog());
        QCOMPARE(r.status, SpendStatus::Spent);
        QVERIFY(!r.entry.onFree);
        spent += credits;
        QCOMPARE(r.balance.balance.used, spent);
        QCOMPARE(r.balance.balance.remaining, 200 - spent);
    }
    const auto b = s->balance(ws.id, t, catalog());
    QCOMPARE(b->balance.used, spent);
    QCOMPARE(b->balance.periodStart, at("2026-12-10T15:30:00Z"));
    QCOMPARE(b->balance.periodEnd, at("2027-01-10T15:30:00Z"));
    QCOMPARE(count(*s, QStringLiteral("SELECT SUM(credits) FROM usage_entries")), spent + 4);
    // Another connection, and a new cycle starting mid-day (an operator's move
    // to a smaller tier starts one): counted from zero again.
    auto other = db.open(false);
    QCOMPARE(other->balance(ws.id, t, catalog())->balance.used, spent);
    const QDateTime restart = t.addSecs(600);
    QVERIFY(setPlan(*other, ws.id, QStringLiteral("pro-100"), restart));
    QCOMPARE(s->balance(ws.id, restart, catalog())->balance.used, 0);
    const SpendResult r = s->spend(ws.id, req(QStringLiteral("new"), ws.owner, 7), restart.addSecs(1), catalog());
    QCOMPARE(r.balance.balance.used, 7);
    QCOMPARE(other->balance(ws.id, restart.addDays(3), catalog())->balance.remaining, 93);
}

// Worked example 5 at the storage level: the cancel takes effect at period end,
// persisted by the next read, and announced.
void TestStore::periodEndIsPersisted()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QVERIFY(setPlan(*s, ws.id, QStringLiteral("pro-200"), at("2026-12-10T00:00:00Z")));
    const SubscriptionChange c = s->mutateSubscription(ws.id, at("2026-12-15T00:00:00Z"), catalog(),
                                                       [](billing::SubscriptionState &st) {
        auto r = billing::requestCancel(catalog(), st, at("2026-12-15T00:00:00Z"));
        st = r.state;
        return r.ok();
    });
    QVERIFY(c.ok && c.changed);
    QCOMPARE(s->balance(ws.id, at("2027-01-09T23:00:00Z"), catalog())->planId, QStringLiteral("pro-200"));
    const qint64 seqBefore = s->liveSeq(ws.id);
    QSignalSpy spy(s.get(), &Store::liveEvent);
    const auto b = s->balance(ws.id, at("2027-01-10T08:00:00Z"), catalog());
    QCOMPARE(b->planId, QStringLiteral("free"));
    QCOMPARE(b->balance.remaining, 5);
    QCOMPARE(b->seq, seqBefore + 2);
    QCOMPARE(s->subscription(ws.id)->planId, QStringLiteral("free"));
    QStringList types;   // PostgreSQL may still deliver the earlier events first
    QTRY_VERIFY(!spy.isEmpty() && spy.last().at(1).toLongLong() == seqBefore + 2);
    for (const auto &args : spy) {
        if (args.at(1).toLongLong() > seqBefore)
            types << args.at(2).toString();
    }
    QCOMPARE(types, (QStringList{QStringLiteral("subscription"), QStringLiteral("balance")}));
    QCOMPARE(s->mutateSubscription(QStringLiteral("ws_nope"), at("2027-01-10T08:00:00Z"), catalog(), {}).notFound, true);
}

// Worked example 7, one connection: same key -> first answer; other body -> conflict;
// a refused spend records nothing, so the same key may succeed later.
void TestStore::idempotency()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    const SpendResult first = s->spend(ws.id, req(QStringLiteral("same"), ws.owner, 2), at("2026-12-01T10:00:00Z"), catalog());
    QCOMPARE(first.status, SpendStatus::Spent);
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("other"), ws.owner, 1), at("2026-12-01T10:01:00Z"), catalog()).status,
             SpendStatus::Spent);
    for (int i = 0; i < 2; ++i) {
        const SpendResult again = s->spend(ws.id, req(QStringLiteral("same"), ws.owner, 2), at("2026-12-01T11:00:00Z"), catalog());
        QCOMPARE(again.status, SpendStatus::Replayed);
        QCOMPARE(usageEntryToJson(again.entry), usageEntryToJson(first.entry));
        QCOMPARE(balanceToJson(again.balance), balanceToJson(first.balance));
        QCOMPARE(again.balance.seq, first.balance.seq);
    }
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("same"), ws.owner, 3), at("2026-12-01T11:00:00Z"), catalog()).status,
             SpendStatus::Conflict);
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("same"), ws.owner, 2, QStringLiteral("x")), at("2026-12-01T11:00:00Z"),
                      catalog()).status, SpendStatus::Conflict);
    QCOMPARE(s->balance(ws.id, at("2026-12-01T11:00:00Z"), catalog())->balance.remaining, 2);

    const qint64 seq = s->liveSeq(ws.id);
    const SpendResult refused = s->spend(ws.id, req(QStringLiteral("big"), ws.owner, 3), at("2026-12-01T12:00:00Z"), catalog());
    QCOMPARE(refused.status, SpendStatus::Insufficient);
    QCOMPARE(refused.balance.balance.remaining, 2);
    QCOMPARE(refused.balance.balance.nextRefillAt, at("2026-12-02T00:00:00Z"));
    QCOMPARE(s->liveSeq(ws.id), seq);
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM usage_entries")), 2);
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM usage_idempotency")), 2);
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("big"), ws.owner, 3), at("2026-12-02T09:00:00Z"), catalog()).status,
             SpendStatus::Spent);

    QCOMPARE(s->spend(ws.id, req(QStringLiteral("k"), QStringLiteral("mem_stranger"), 1), at("2026-12-02T09:00:00Z"),
                      catalog()).status, SpendStatus::UnknownMember);
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("k"), ws.owner, 0), at("2026-12-02T09:00:00Z"), catalog()).status,
             SpendStatus::Invalid);
    QCOMPARE(s->spend(QStringLiteral("ws_nope"), req(QStringLiteral("k"), ws.owner, 1), at("2026-12-02T09:00:00Z"),
                      catalog()).status, SpendStatus::NotFound);
}

// Keying and spending are one transaction: when the last write of a spend (the
// idempotency record) fails, the entry, the roll-ups and the seq are gone too.
void TestStore::failedSpendLeavesNothing()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QSqlQuery q(s->database());
    if (s->dialect() == Dialect::Sqlite) {
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON usage_idempotency WHEN NEW.idem_key = 'boom' "
                                      "BEGIN SELECT RAISE(ABORT, 'boom'); END")));
    } else {
        QVERIFY(q.exec(QStringLiteral("CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.idem_key = 'boom' THEN "
                                      "RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON usage_idempotency FOR EACH ROW EXECUTE FUNCTION boom()")));
    }
    QSignalSpy spy(s.get(), &Store::liveEvent);
    const SpendResult r = s->spend(ws.id, req(QStringLiteral("boom"), ws.owner, 2), at("2026-12-01T10:00:00Z"), catalog());
    QCOMPARE(r.status, SpendStatus::Error);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM usage_entries")), 0);
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM usage_day")), 0);
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM usage_rollup")), 0);
    QCOMPARE(s->liveSeq(ws.id), 0);
    QCOMPARE(s->balance(ws.id, at("2026-12-01T10:00:00Z"), catalog())->balance.remaining, 5);
    // The connection is usable afterwards, and nothing was announced.
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("fine"), ws.owner, 2), at("2026-12-01T10:00:00Z"), catalog()).status,
             SpendStatus::Spent);
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(1).toLongLong(), 1);
}

void TestStore::batch()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const BatchResult b = s->spendBatch(ws.id,
                                        {req(QStringLiteral("a"), ws.owner, 3), req(QStringLiteral("b"), ws.owner, 3),
                                         req(QStringLiteral("c"), ws.owner, 2), req(QStringLiteral("a"), ws.owner, 3),
                                         req(QStringLiteral("c"), ws.owner, 1), req(QStringLiteral("d"), ws.owner, 0)},
                                        now, catalog());
    QCOMPARE(b.status, SpendStatus::Spent);
    QCOMPARE(b.results.size(), 6);
    QCOMPARE(b.results[0].status, SpendStatus::Spent);
    QCOMPARE(b.results[1].status, SpendStatus::Insufficient);
    QCOMPARE(b.results[2].status, SpendStatus::Spent);
    QCOMPARE(b.results[3].status, SpendStatus::Replayed);
    QCOMPARE(b.results[3].entry.id, b.results[0].entry.id);
    QCOMPARE(b.results[4].status, SpendStatus::Conflict);
    QCOMPARE(b.results[5].status, SpendStatus::Invalid);
    QCOMPARE(b.balance.balance.remaining, 0);
    QCOMPARE(b.balance.seq, 6);   // two usage events, the day's 75, 90 and 100 % alerts (3 + 2 of 5), one balance
    QCOMPARE(s->spendBatch(ws.id, QList<UsageRequest>(101, req(QStringLiteral("x"), ws.owner, 1)), now, catalog()).status,
             SpendStatus::Invalid);
}

void TestStore::grantsOncePerExternalId()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    const QDateTime now = at("2026-12-10T00:00:00Z");
    QVERIFY(setPlan(*s, ws.id, QStringLiteral("pro-100"), now));
    GrantResult g = s->addGrant(ws.id, 50, QStringLiteral("invoice"), QStringLiteral("in_1"), now, catalog());
    QCOMPARE(g.status, GrantResult::Added);
    QCOMPARE(g.balance.balance.remaining, 150);
    g = s->addGrant(ws.id, 50, QStringLiteral("invoice"), QStringLiteral("in_1"), now, catalog());
    QCOMPARE(g.status, GrantResult::Duplicate);
    QCOMPARE(g.balance.balance.remaining, 150);
    QCOMPARE(s->addGrant(ws.id, 5, {}, {}, now, catalog()).balance.balance.remaining, 155);
    QCOMPARE(s->addGrant(ws.id, 0, {}, {}, now, catalog()).status, GrantResult::Invalid);
    QCOMPARE(s->addGrant(QStringLiteral("ws_nope"), 5, {}, {}, now, catalog()).status, GrantResult::NotFound);
    // Grants belong to their cycle: the next one starts from the allowance again.
    QCOMPARE(s->balance(ws.id, at("2027-01-10T00:00:00Z"), catalog())->balance.remaining, 100);
}

// The month's history (from roll-ups) equals a brute-force sum over raw entries.
void TestStore::historyEqualsRawSums()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-11-01T00:00:00Z"));
    QVERIFY(setPlan(*s, ws.id, QStringLiteral("enterprise"), at("2026-11-20T00:00:00Z"), 1000000));
    QStringList members{ws.owner};
    for (int i = 0; i < 3; ++i) {
        const auto u = s->createUser(QStringLiteral("h%1@example.se").arg(i), QStringLiteral("H%1").arg(i), {}, at("2026-11-20T00:00:00Z"));
        Member m;
        QCOMPARE(s->addMember(ws.id, u->id, QStringLiteral("member"), at("2026-11-20T00:00:00Z"), catalog(), &m), MemberChange::Done);
        members << m.id;
    }
    const QStringList projects{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    const QStringList activities{QStringLiteral("generate"), QStringLiteral("edit"), QStringLiteral("image")};
    QRandomGenerator rng(42);
    QDateTime t = at("2026-11-28T00:00:00Z");   // spans into December and January
    QList<UsageRequest> batch;
    for (int i = 0; i < 600; ++i) {
        t = t.addSecs(rng.bounded(1, 12000));
        batch << req(QStringLiteral("h%1").arg(i), members[rng.bounded(members.size())], rng.bounded(1, 9),
                     projects[rng.bounded(3)], activities[rng.bounded(3)]);
        if (batch.size() == 50 || i == 599) {
            const BatchResult r = s->spendBatch(ws.id, batch, t, catalog());
            QCOMPARE(r.status, SpendStatus::Spent);
            for (const auto &one : r.results)
                QCOMPARE(one.status, SpendStatus::Spent);
            batch.clear();
        }
    }
    for (const QString &filter : {QString(), members[2]}) {
        const auto h = s->monthHistory(ws.id, QDate(2026, 12, 17), filter);
        QVERIFY(h);
        QCOMPARE(h->month, QDate(2026, 12, 1));
        QCOMPARE(h->days.size(), 31);
        QMap<QDate, qint64> days;
        QMap<QString, qint64> byActivity, byProject, byMember;
        qint64 total = 0;
        QSqlQuery q(s->database());
        QVERIFY(q.exec(QStringLiteral("SELECT at_ms, member_id, project, activity, credits FROM usage_entries")));
        while (q.next()) {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
            if (when.date().month() != 12 || (!filter.isEmpty() && q.value(1).toString() != filter))
                continue;
            const qint64 c = q.value(4).toLongLong();
            days[when.date()] += c;
            byMember[q.value(1).toString()] += c;
            byProject[q.value(2).toString()] += c;
            byActivity[q.value(3).toString()] += c;
            total += c;
        }
        QVERIFY(total > 0);
        QCOMPARE(h->total, total);
        for (const DayTotal &d : h->days)
            QCOMPARE(d.credits, days.value(d.date));
        auto asMap = [](const QList<KeyTotal> &list) {
            QMap<QString, qint64> m;
            for (const auto &k : list)
                m[k.key] = k.credits;
            return m;
        };
        QCOMPARE(asMap(h->byActivity), byActivity);
        QCOMPARE(asMap(h->byProject), byProject);
        QMap<QString, qint64> members2;
        for (const auto &m : h->byMember)
            members2[m.memberId] = m.credits;
        QCOMPARE(members2, byMember);
        QVERIFY(h->byActivity.first().credits >= h->byActivity.last().credits);
    }
    QVERIFY(!s->monthHistory(QStringLiteral("ws_nope"), QDate(2026, 12, 1)));
}

void TestStore::pagingReturnsEveryEntryOnce()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QVERIFY(setPlan(*s, ws.id, QStringLiteral("pro-800"), at("2026-12-01T00:00:00Z")));
    const auto u = s->createUser(QStringLiteral("p@example.se"), QStringLiteral("P"), {}, at("2026-12-01T00:00:00Z"));
    Member other;
    QCOMPARE(s->addMember(ws.id, u->id, QStringLiteral("member"), at("2026-12-01T00:00:00Z"), catalog(), &other), MemberChange::Done);
    // Several entries share an instant: the order needs the id as a tie-break.
    QSet<QString> all, mine;
    for (int i = 0; i < 61; ++i) {
        const QDateTime t = at("2026-12-03T10:00:00Z").addSecs(i / 4);
        const QString member = i % 3 ? ws.owner : other.id;
        const SpendResult r = s->spend(ws.id, req(QStringLiteral("e%1").arg(i), member, 1), t, catalog());
        QCOMPARE(r.status, SpendStatus::Spent);
        all.insert(r.entry.id);
        if (member == other.id)
            mine.insert(r.entry.id);
    }
    for (const QString &filter : {QString(), other.id}) {
        EntryQuery query;
        query.month = QDate(2026, 12, 1);
        query.memberId = filter;
        query.limit = 7;
        QList<UsageEntry> seen;
        int pages = 0;
        do {
            QString error;
            const auto page = s->entries(ws.id, query, &error);
            QVERIFY2(page, qPrintable(error));
            QVERIFY(page->entries.size() <= 7);
            seen += page->entries;
            query.cursor = page->nextCursor;
            QVERIFY(++pages < 20);
        } while (!query.cursor.isEmpty());
        QSet<QString> ids;
        for (int i = 0; i < seen.size(); ++i) {
            ids.insert(seen[i].id);
            if (i > 0)
                QVERIFY(seen[i - 1].at > seen[i].at
                        || (seen[i - 1].at == seen[i].at && seen[i - 1].id.mid(3).toLongLong() > seen[i].id.mid(3).toLongLong()));
        }
        QCOMPARE(seen.size(), ids.size());
        QCOMPARE(ids, filter.isEmpty() ? all : mine);
    }
    EntryQuery other2;
    other2.month = QDate(2026, 11, 1);
    QCOMPARE(s->entries(ws.id, other2)->entries.size(), 0);
    QString error;
    other2.cursor = QStringLiteral("not a cursor!");
    QVERIFY(!s->entries(ws.id, other2, &error));
    QVERIFY(!error.isEmpty());
    other2.cursor.clear();
    other2.limit = 501;
    QVERIFY(!s->entries(ws.id, other2, &error));
}

// Every announced change has the next seq: strictly increasing, no gaps, each
// delivered once; with PostgreSQL a second connection receives them too.
void TestStore::liveSequence()
{
    STORETEST_DB(db);
    auto writer = db.open();
    auto listener = db.open();
    QVERIFY(writer && listener);
    const Ws ws = makeWorkspace(*writer, at("2026-12-01T00:00:00Z"));
    const Ws otherWs = makeWorkspace(*writer, at("2026-12-01T00:00:00Z"), QStringLiteral("other@example.se"));
    QSignalSpy mine(writer.get(), &Store::liveEvent);
    QSignalSpy theirs(listener.get(), &Store::liveEvent);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    QCOMPARE(writer->spend(ws.id, req(QStringLiteral("1"), ws.owner, 1), now, catalog()).status, SpendStatus::Spent);
    QCOMPARE(writer->spend(otherWs.id, req(QStringLiteral("1"), otherWs.owner, 1), now, catalog()).status, SpendStatus::Spent);
    QCOMPARE(writer->spendBatch(ws.id, {req(QStringLiteral("2"), ws.owner, 1), req(QStringLiteral("3"), ws.owner, 1)}, now,
                                catalog()).status, SpendStatus::Spent);
    QVERIFY(setPlan(*writer, ws.id, QStringLiteral("pro-100"), now));
    QCOMPARE(writer->addGrant(ws.id, 10, {}, {}, now, catalog()).status, GrantResult::Added);
    QCOMPARE(writer->spend(ws.id, req(QStringLiteral("1"), ws.owner, 1), now, catalog()).status, SpendStatus::Replayed);
    const qint64 last = writer->liveSeq(ws.id);
    QCOMPARE(last, 2 + 3 + 2 + 1);   // usage+balance, 2 usage+balance, subscription+balance, balance

    auto seqsOf = [&](const QSignalSpy &spy) {
        QList<qint64> seqs;
        for (const auto &args : spy) {
            if (args.at(0).toString() == ws.id)
                seqs << args.at(1).toLongLong();
        }
        return seqs;
    };
    QList<qint64> expected;
    for (qint64 i = 1; i <= last; ++i)
        expected << i;
    QTRY_COMPARE(seqsOf(mine), expected);
    const QList<QVariant> firstUsage = mine.at(0);
    QCOMPARE(firstUsage.at(2).toString(), QStringLiteral("usage"));
    QCOMPARE(firstUsage.at(3).value<QJsonObject>().value(QStringLiteral("credits")).toInt(), 1);
    QCOMPARE(firstUsage.at(3).value<QJsonObject>().value(QStringLiteral("member_name")).toString(), QStringLiteral("Owner"));
    QCOMPARE(mine.at(1).at(3).value<QJsonObject>().value(QStringLiteral("remaining")).toInt(), 4);
    if (writer->dialect() == Dialect::Postgres) {
        QTRY_COMPARE(seqsOf(theirs), expected);
        QCOMPARE(theirs.at(1).at(3).value<QJsonObject>(), mine.at(1).at(3).value<QJsonObject>());
    } else {
        QTest::qWait(50);
        QCOMPARE(theirs.size(), 0);   // SQLite: delivered only by the instance that wrote
    }
    QTest::qWait(100);
    QCOMPARE(seqsOf(mine), expected);   // exactly once
}

void TestStore::tokens()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const auto u = s->createUser(QStringLiteral("t@example.se"), {}, {}, now);
    QString family;
    QVERIFY(s->storeToken(NewToken{QStringLiteral("refresh-1"), TokenKind::Refresh, u->id, {}, QStringLiteral("kliv-konto"), {},
                                   now.addDays(30)}, now, &family));
    QVERIFY(!family.isEmpty());
    QVERIFY(s->storeToken(NewToken{QStringLiteral("access-1"), TokenKind::Access, u->id, {}, QStringLiteral("kliv-konto"), family,
                                   now.addSecs(3600)}, now));
    QVERIFY(s->storeToken(NewToken{QStringLiteral("service-1"), TokenKind::Service, {}, {}, {}, {}, {}}, now));
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM tokens WHERE hash LIKE '%access%' OR hash LIKE '%refresh%'")), 0);
    const auto access = s->findToken(QStringLiteral("access-1"), now);
    QVERIFY(access);
    QCOMPARE(access->userId, u->id);
    QCOMPARE(access->kind, TokenKind::Access);
    QVERIFY(!s->findToken(QStringLiteral("access-1"), now.addSecs(3600)));   // expired
    QVERIFY(s->findToken(QStringLiteral("service-1"), now.addYears(5)));     // no expiry
    QVERIFY(!s->findToken(QStringLiteral("nope"), now));

    RotateResult r = s->rotateRefreshToken(QStringLiteral("refresh-1"), NewToken{QStringLiteral("refresh-2"), TokenKind::Refresh, {}, {}, {}, {}, now.addDays(30)},
                                           NewToken{QStringLiteral("access-2"), TokenKind::Access, {}, {}, {}, {}, now.addSecs(3600)}, now);
    QCOMPARE(r.status, RotateResult::Rotated);
    QCOMPARE(r.familyId, family);
    QCOMPARE(s->findToken(QStringLiteral("access-2"), now)->userId, u->id);
    QVERIFY(!s->findToken(QStringLiteral("refresh-1"), now));
    QVERIFY(s->findToken(QStringLiteral("refresh-2"), now));
    // Reusing the rotated token revokes the chain, the newest tokens included.
    r = s->rotateRefreshToken(QStringLiteral("refresh-1"), NewToken{QStringLiteral("refresh-3"), TokenKind::Refresh, {}, {}, {}, {}, {}},
                              NewToken{QStringLiteral("access-3"), TokenKind::Access, {}, {}, {}, {}, {}}, now);
    QCOMPARE(r.status, RotateResult::Reused);
    QVERIFY(!s->findToken(QStringLiteral("refresh-2"), now));
    QVERIFY(!s->findToken(QStringLiteral("access-2"), now));
    QVERIFY(!s->findToken(QStringLiteral("access-1"), now));
    QVERIFY(!s->findToken(QStringLiteral("access-3"), now));
    QCOMPARE(s->rotateRefreshToken(QStringLiteral("refresh-2"), NewToken{QStringLiteral("r4")}, NewToken{QStringLiteral("a4")}, now).status,
             RotateResult::Invalid);
    QCOMPARE(s->rotateRefreshToken(QStringLiteral("nope"), NewToken{QStringLiteral("r5")}, NewToken{QStringLiteral("a5")}, now).status,
             RotateResult::Invalid);
    // Expiry and revoke.
    QVERIFY(s->storeToken(NewToken{QStringLiteral("refresh-x"), TokenKind::Refresh, u->id, {}, {}, {}, now.addSecs(10)}, now));
    QCOMPARE(s->rotateRefreshToken(QStringLiteral("refresh-x"), NewToken{QStringLiteral("r6")}, NewToken{QStringLiteral("a6")},
                                   now.addSecs(10)).status, RotateResult::Expired);
    QVERIFY(s->revokeToken(QStringLiteral("service-1")));
    QVERIFY(!s->findToken(QStringLiteral("service-1"), now));
}

void TestStore::authCodes()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const QDateTime now = at("2026-12-01T10:00:00Z");
    const AuthCode code{QStringLiteral("usr_1"), QStringLiteral("kliv-konto"), QStringLiteral("http://127.0.0.1:5000/cb"),
                        QStringLiteral("challenge"), now.addSecs(60)};
    QVERIFY(s->storeAuthCode(QStringLiteral("code-1"), code));
    QVERIFY(s->storeAuthCode(QStringLiteral("code-2"), code));
    auto second = db.open(false);
    QVERIFY(second);
    const auto got = s->consumeAuthCode(QStringLiteral("code-1"), now);
    QVERIFY(got);
    QCOMPARE(got->redirectUri, code.redirectUri);
    QCOMPARE(got->codeChallenge, code.codeChallenge);
    QVERIFY(!s->consumeAuthCode(QStringLiteral("code-1"), now));
    QVERIFY(!second->consumeAuthCode(QStringLiteral("code-1"), now));
    QVERIFY(!s->consumeAuthCode(QStringLiteral("code-2"), now.addSecs(60)));   // expired...
    QVERIFY(!s->consumeAuthCode(QStringLiteral("code-2"), now));                // ...and used up
    QCOMPARE(count(*s, QStringLiteral("SELECT COUNT(*) FROM auth_codes WHERE hash LIKE 'code%'")), 0);
}

void TestStore::csvAndInquiries()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QVERIFY(s->setUserName(ws.ownerUser, QStringLiteral("Åsa, \"AB\"")));
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("1"), ws.owner, 2, QStringLiteral("=HYPERLINK(1)")), at("2026-12-02T10:00:00Z"),
                      catalog()).status, SpendStatus::Spent);
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("2"), ws.owner, 1, QStringLiteral("plain")), at("2026-12-02T11:00:00Z"),
                      catalog()).status, SpendStatus::Spent);
    const auto csv = s->usageCsv(ws.id, QDate(2026, 12, 1));
    QVERIFY2(csv, qPrintable(s->lastError()));
    QCOMPARE(*csv, QByteArray("at,member,project,activity,credits\r\n"
                             "2026-12-02T10:00:00Z,\"Åsa, \"\"AB\"\"\",\"'=HYPERLINK(1)\",generate,2\r\n"
                             "2026-12-02T11:00:00Z,\"Åsa, \"\"AB\"\"\",plain,generate,1\r\n"));
    QCOMPARE(s->usageCsv(ws.id, QDate(2026, 11, 1)).value_or("failed"), QByteArray("at,member,project,activity,credits\r\n"));

    const auto id = s->addEnterpriseInquiry(EnterpriseInquiry{{}, ws.id, ws.ownerUser, QStringLiteral("anna@example.se"), 40,
                                                              QStringLiteral("SSO, tack"), at("2026-12-02T12:00:00Z")});
    QVERIFY(id);
    const auto all = s->enterpriseInquiries();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, *id);
    QCOMPARE(all.first().seats, 40);
    QCOMPARE(all.first().message, QStringLiteral("SSO, tack"));
}

// "No such workspace" and "the database failed" are different answers (404
// and 500), decided where the store knows, never from an error text; a failed
// export is never an empty file.
void TestStore::failuresAreTyped()
{
    STORETEST_DB(db);
    auto s = db.open();
    QVERIFY(s);
    const Ws ws = makeWorkspace(*s, at("2026-12-01T00:00:00Z"));
    QVERIFY(!ws.id.isEmpty());
    QCOMPARE(s->spend(ws.id, req(QStringLiteral("1"), ws.owner, 2), at("2026-12-02T10:00:00Z"), catalog()).status,
             SpendStatus::Spent);
    const QDate december(2026, 12, 1);

    bool notFound = false;
    QVERIFY(!s->usageCsv(QStringLiteral("ws_nope"), december, {}, &notFound));
    QVERIFY(notFound);
    SubscriptionChange change = s->mutateSubscription(QStringLiteral("ws_nope"), at("2026-12-02T11:00:00Z"), catalog(), {});
    QVERIFY(!change.ok);
    QVERIFY(change.notFound);

    // The database fails under the store: a second connection takes the tables away.
    auto other = db.open(false);
    QVERIFY(other);
    QSqlQuery ddl(other->database());
    QVERIFY(ddl.exec(QStringLiteral("ALTER TABLE usage_entries RENAME TO usage_entries_gone")));
    notFound = true;
    QVERIFY(!s->usageCsv(ws.id, december, {}, &notFound));
    QVERIFY(!notFound);
    QVERIFY(!s->lastError().isEmpty());

    QVERIFY(ddl.exec(QStringLiteral("ALTER TABLE workspaces RENAME TO workspaces_gone")));
    change = s->mutateSubscription(ws.id, at("2026-12-02T11:00:00Z"), catalog(), {});
    QVERIFY(!change.ok);
    QVERIFY(!change.notFound);
    notFound = true;
    QVERIFY(!s->usageCsv(ws.id, december, {}, &notFound));
    QVERIFY(!notFound);
    ddl.finish();
}

// A terminated backend (restart, failover): the next call reconnects, and the
// listener is back on the live channel.
void TestStore::postgresReconnects()
{
    TestDb db(TestDb::Postgres);
    if (!db.available())
        QSKIP("KLIV_TEST_PG_URL is not set: this test needs a PostgreSQL server (./dev test sets it)");
    auto victim = db.open();
    auto other = db.open();
    QVERIFY(victim && other);
    const Ws ws = makeWorkspace(*other, at("2026-12-01T00:00:00Z"));
    QSqlQuery pid(victim->database());
    QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
    const qint64 backend = pid.value(0).toLongLong();
    pid.finish();
    QSqlQuery kill(other->database());
    QVERIFY(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backend)));
    kill.finish();
    QTest::qWait(100);
    QVERIFY(victim->workspace(ws.id));   // reconnected transparently
    QVERIFY(victim->ping());
    QSignalSpy spy(victim.get(), &Store::liveEvent);
    QCOMPARE(other->spend(ws.id, req(QStringLiteral("1"), ws.owner, 1), at("2026-12-01T10:00:00Z"), catalog()).status,
             SpendStatus::Spent);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 3000);   // promptly: not at the next keep-alive ping
    QCOMPARE(spy.at(1).at(1).toLongLong(), 2);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
