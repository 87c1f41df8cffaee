#include "demoseed.h"
#include "secrets.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "kliv.demo")

#include "storage/store.h"

#include <QUuid>

namespace app {

namespace secrets = http::secrets;

static const QString DemoName = QStringLiteral("Demo AB");
static const QString StudioName = QStringLiteral("Kliv Studio");
static const QString EnterpriseName = QStringLiteral("Norrsken Enterprise");
static const QString DemoPassword = QStringLiteral("kliv-demo");
static const QStringList Projects = {QStringLiteral("Webbshop"), QStringLiteral("Portfolio"), QStringLiteral("Bageriet")};
static const QStringList Activities = {QStringLiteral("chat"), QStringLiteral("generate_page"),
                                       QStringLiteral("edit_section"), QStringLiteral("image")};

static QList<DemoAccount> demoAccounts()
{
    return {
        {QStringLiteral("anna@demo-ab.se"), QStringLiteral("Anna Lind"), QStringLiteral("owner"), DemoPassword, {}},
        {QStringLiteral("bjorn@demo-ab.se"), QStringLiteral("Björn Ek"), QStringLiteral("admin"), DemoPassword, {}},
        {QStringLiteral("cecilia@demo-ab.se"), QStringLiteral("Cecilia Berg"), QStringLiteral("member"), DemoPassword, {}},
        {QStringLiteral("david@demo-ab.se"), QStringLiteral("David Holm"), QStringLiteral("member"), DemoPassword, {}},
        {QStringLiteral("elsa@demo-ab.se"), QStringLiteral("Elsa Nyström"), QStringLiteral("member"), DemoPassword, {}},
    };
}

QString demoWorkspaceName() { return DemoName; }
QString studioWorkspaceName() { return StudioName; }
QString enterpriseWorkspaceName() { return EnterpriseName; }

// The owner's workspace called `name`, or an empty string.
static QString workspaceOfOwner(storage::Store *store, const QString &ownerUserId, const QString &name)
{
    for (const storage::Membership &m : store->membershipsOfUser(ownerUserId)) {
        if (m.workspaceName == name)
            return m.member.workspaceId;
    }
    return {};
}

// "Kliv Studio": the demo owner's own workspace on Free, so the app shows the
// workspace switcher and an upgrade that goes through Checkout. When created it
// gets a little usage on the 30 days before today (a credit on about half of
// them, well inside Free's 5 a day and 30 a month), so its chart is not a
// single bar; and 3 of its 5 daily credits used today (once per day the demo is started).
static bool ensureStudio(ServerContext &ctx, const QString &ownerUserId, const QDateTime &createdAt, DemoSeed *seed,
                         QString *error)
{
    storage::Store *store = ctx.store;
    QString memberId;
    seed->studioWorkspaceId = workspaceOfOwner(store, ownerUserId, StudioName);
    if (seed->studioWorkspaceId.isEmpty()) {
        const auto created = store->createWorkspace(StudioName, ownerUserId, createdAt);
        if (!created) {
            *error = QStringLiteral("could not create the demo workspace %1").arg(StudioName);
            return false;
        }
        seed->studioWorkspaceId = created->workspace.id;
        memberId = created->owner.id;
        const QDateTime today(ctx.now().date(), QTime(0, 0), Qt::UTC);
        QRandomGenerator random(20261117);
        for (int daysAgo = 30; daysAgo >= 1; --daysAgo) {
            const QDateTime at = today.addDays(-daysAgo).addSecs(9 * 3600 + random.bounded(8 * 3600));
            if (at < createdAt || random.bounded(2) == 0)
                continue;
            storage::UsageRequest u;
            u.idempotencyKey = QStringLiteral("studio-history-%1").arg(daysAgo);
            u.memberId = memberId;
            u.project = QStringLiteral("Portfolio");
            u.activity = Activities.at(random.bounded(Activities.size()));
            u.credits = 1;
            store->spend(seed->studioWorkspaceId, u, at, *ctx.catalog);
        }
    } else if (const auto member = store->memberOfUser(seed->studioWorkspaceId, ownerUserId)) {
        memberId = member->id;
    }
    if (memberId.isEmpty())
        return true;
    const QDateTime now = ctx.now();
    const QDateTime dayStart(now.date(), QTime(0, 0), Qt::UTC);
    const struct { const char *activity; int credits; } today[] = {{"chat", 1}, {"generate_page", 2}};
    int i = 0;
    for (const auto &t : today) {
        storage::UsageRequest u;
        // One key per day: a restart the same day spends nothing more.
        u.idempotencyKey = QStringLiteral("studio-%1-%2").arg(now.date().toString(Qt::ISODate)).arg(++i);
        u.memberId = memberId;
        u.project = QStringLiteral("Portfolio");
        u.activity = QString::fromLatin1(t.activity);
        u.credits = t.credits;
        store->spend(seed->studioWorkspaceId, u, dayStart.addSecs(dayStart.secsTo(now) * i / 3), *ctx.catalog);
    }
    return true;
}

// "Norrsken Enterprise": the demo owner's Enterprise workspace (set by an
// operator, as sales would) with two custom roles held by demo people, so the
// app's Roller and Säkerhet pages have something to show. Created once.
static bool ensureEnterprise(ServerContext &ctx, const QString &ownerUserId, const QDateTime &createdAt, DemoSeed *seed,
                             QString *error)
{
    storage::Store *store = ctx.store;
    seed->enterpriseWorkspaceId = workspaceOfOwner(store, ownerUserId, EnterpriseName);
    if (!seed->enterpriseWorkspaceId.isEmpty())
        return true;
    const auto created = store->createWorkspace(EnterpriseName, ownerUserId, createdAt);
    if (!created) {
        *error = QStringLiteral("could not create the demo workspace %1").arg(EnterpriseName);
        return false;
    }
    const QString ws = created->workspace.id;
    seed->enterpriseWorkspaceId = ws;
    const auto plan = store->mutateSubscription(ws, createdAt, *ctx.catalog, [&](billing::SubscriptionState &s) {
        s = billing::setPlanByAdmin(*ctx.catalog, s, QStringLiteral("enterprise"), 5000, createdAt);
        return true;
    });
    if (!plan.ok) {
        *error = QStringLiteral("could not put %1 on Enterprise").arg(EnterpriseName);
        return false;
    }
    const QList<storage::CustomRole> roles{
        {QStringLiteral("Ekonomi"), {QStringLiteral("view_own_usage"), QStringLiteral("view_billing")}},
        {QStringLiteral("Projektledare"), {QStringLiteral("view_own_usage"), QStringLiteral("view_team_usage")}},
    };
    for (const auto &r : roles) {
        if (!store->createRole(ws, r)) {
            *error = QStringLiteral("could not create the demo role %1").arg(r.name);
            return false;
        }
    }
    const struct { const char *email; const char *role; } people[] = {
        {"bjorn@demo-ab.se", "admin"}, {"cecilia@demo-ab.se", "Ekonomi"}, {"david@demo-ab.se", "Projektledare"},
        {"elsa@demo-ab.se", "member"}};
    for (const auto &p : people) {
        const auto user = store->userByEmail(QString::fromLatin1(p.email));
        if (!user || store->addMember(ws, user->id, QString::fromLatin1(p.role), createdAt, *ctx.catalog)
                         != storage::MemberChange::Done) {
            *error = QStringLiteral("could not add %1 to %2").arg(QLatin1String(p.email), EnterpriseName);
            return false;
        }
    }
    return true;
}

static std::optional<DemoSeed> existingDemo(storage::Store *store)
{
    QList<DemoAccount> accounts = demoAccounts();
    const auto owner = store->userByEmail(accounts.first().email);
    if (!owner)
        return std::nullopt;
    DemoSeed seed;
    seed.workspaceId = workspaceOfOwner(store, owner->id, DemoName);
    if (seed.workspaceId.isEmpty())
        return std::nullopt;
    for (DemoAccount a : accounts) {
        const auto user = store->userByEmail(a.email);
        const auto member = user ? store->memberOfUser(seed.workspaceId, user->id) : std::nullopt;
        if (member) {
            a.memberId = member->id;
            a.role = member->role;
            seed.accounts.append(a);
        }
    }
    return seed;
}

std::optional<DemoSeed> seedDemo(ServerContext &ctx, QString *error)
{
    storage::Store *store = ctx.store;
    if (auto seed = existingDemo(store)) {
        const auto owner = store->userByEmail(demoAccounts().first().email);
        if (!ensureStudio(ctx, owner->id, ctx.now(), &*seed, error)
            || !ensureEnterprise(ctx, owner->id, ctx.now(), &*seed, error))
            return std::nullopt;
        return seed;
    }

    const QDateTime now = ctx.now();
    // Mid-cycle: the current cycle began two weeks ago (day clamped to 28 so the
    // previous cycle lines up), the previous one a month before that.
    QDate start = now.date().addDays(-14);
    if (start.day() > 28)
        start = QDate(start.year(), start.month(), 28);
    const QDateTime cycleStart(start, QTime(8, 0), Qt::UTC);
    const QDateTime anchor = cycleStart.addMonths(-1);

    DemoSeed seed;
    seed.created = true;
    const QList<DemoAccount> accounts = demoAccounts();
    QList<QString> userIds;
    for (const DemoAccount &a : accounts) {
        auto user = store->userByEmail(a.email);
        if (!user)
            user = store->createUser(a.email, a.name, secrets::hashPassword(a.password), anchor.addDays(-3));
        if (!user) {
            *error = QStringLiteral("could not create the demo user %1").arg(a.email);
            return std::nullopt;
        }
        userIds.append(user->id);
    }
    const auto created = store->createWorkspace(DemoName, userIds.first(), anchor.addDays(-2));
    if (!created) {
        *error = QStringLiteral("could not create the demo workspace");
        return std::nullopt;
    }
    seed.workspaceId = created->workspace.id;
    DemoAccount owner = accounts.first();
    owner.memberId = created->owner.id;
    seed.accounts.append(owner);
    // Made as people would, so that Händelselogg has a story: Anna invites
    // Björn, Björn the others; Cecilia starts as admin until Anna changes it
    // today (at the end: the log's order is the order of writing).
    const auto inviter = [&](int i) { return storage::Actor::member(userIds.at(i == 1 ? 0 : 1)); };
    const auto firstRole = [&](int i) { return i == 2 ? QStringLiteral("admin") : accounts.at(i).role; };
    for (int i = 1; i < accounts.size(); ++i) {
        storage::Member m;
        if (store->addMember(seed.workspaceId, userIds.at(i), firstRole(i), anchor.addDays(-1).addSecs(600 * i), *ctx.catalog,
                             &m, inviter(i))
                != storage::MemberChange::Done) {
            *error = QStringLiteral("could not add the demo member %1").arg(accounts.at(i).email);
            return std::nullopt;
        }
        DemoAccount a = accounts.at(i);
        a.memberId = m.id;
        seed.accounts.append(a);
    }
    const auto plan = store->mutateSubscription(seed.workspaceId, anchor, *ctx.catalog, [&](billing::SubscriptionState &s) {
        s = billing::setPlanByAdmin(*ctx.catalog, s, QStringLiteral("pro-200"), 0, anchor);
        return true;
    }, storage::Actor::operatorNamed(QStringLiteral("sales")));
    if (!plan.ok) {
        *error = QStringLiteral("could not put the demo on Pro 200");
        return std::nullopt;
    }

    // A working team: most days a handful of events, quieter weekends.
    QRandomGenerator random(20261201);
    int n = 0;
    for (QDateTime day = anchor; day < now; day = day.addDays(1)) {
        const bool weekend = day.date().dayOfWeek() >= 6;
        const int events = weekend ? random.bounded(0, 2) : random.bounded(2, 6);
        for (int e = 0; e < events; ++e) {
            const QDateTime at = day.addSecs(3600 + random.bounded(9 * 3600));
            if (at >= now)
                break;
            const QString activity = Activities.at(random.bounded(Activities.size()));
            storage::UsageRequest u;
            u.idempotencyKey = QStringLiteral("demo-%1").arg(++n);
            u.memberId = seed.accounts.at(random.bounded(seed.accounts.size())).memberId;
            u.project = Projects.at(random.bounded(Projects.size()));
            u.activity = activity;
            u.credits = activity == QLatin1String("image") ? 3 : activity == QLatin1String("generate_page") ? 2 : 1;
            store->spend(seed.workspaceId, u, at, *ctx.catalog);
        }
    }
    for (int i = 1; i < accounts.size(); ++i) {
        if (firstRole(i) != accounts.at(i).role
            && store->setMemberRole(seed.workspaceId, seed.accounts.at(i).memberId, accounts.at(i).role,
                                    storage::Actor::member(userIds.first())) != storage::MemberChange::Done) {
            *error = QStringLiteral("could not give %1 the demo role").arg(accounts.at(i).email);
            return std::nullopt;
        }
    }
    if (!ensureStudio(ctx, userIds.first(), anchor.addDays(-2), &seed, error)
        || !ensureEnterprise(ctx, userIds.first(), anchor.addDays(-2), &seed, error))
        return std::nullopt;
    qCInfo(lcDemo) << "seeded the demo workspace with" << n << "usage events";
    return seed;
}

UsageSimulator::UsageSimulator(ServerContext *ctx, DemoSeed seed, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_seed(std::move(seed))
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &UsageSimulator::tick);
    m_timer.start();
}

void UsageSimulator::tick()
{
    if (m_seed.accounts.isEmpty())
        return;
    storage::UsageRequest u;
    u.idempotencyKey = QStringLiteral("sim-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    u.memberId = m_seed.accounts.at(m_random.bounded(m_seed.accounts.size())).memberId;
    u.project = Projects.at(m_random.bounded(Projects.size()));
    u.activity = Activities.at(m_random.bounded(Activities.size()));
    u.credits = 1;
    const auto r = m_ctx->store->spend(m_seed.workspaceId, u, m_ctx->now(), *m_ctx->catalog);
    if (r.ok())
        ++m_count;
}

} // namespace app
