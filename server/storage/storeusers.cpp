// Users, workspaces, members, custom roles and the stored subscription state.
#include "store_p.h"

#include "billing/permissions.h"

#include <QJsonArray>

namespace storage {

namespace {
const QString kUserColumns = QStringLiteral("id, email, name, password_hash, created_ms");
const QString kMemberSelect = QStringLiteral(
    "SELECT m.id, m.workspace_id, m.user_id, u.email, u.name, m.role, m.joined_ms, m.credit_limit "
    "FROM members m JOIN users u ON u.id = m.user_id ");

User userFrom(const QSqlQuery &q)
{
    return User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                fromMs(q.value(4).toLongLong())};
}

Member memberFrom(const QSqlQuery &q)
{
    return Member{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                  q.value(4).toString(), q.value(5).toString(), fromMs(q.value(6).toLongLong()),
                  q.value(7).isNull() ? std::nullopt : std::optional<qint64>(q.value(7).toLongLong())};
}

QJsonObject roleJson(const QString &role) { return {{QStringLiteral("role"), role}}; }

CustomRole customRoleFrom(const QSqlQuery &q)
{
    return CustomRole{q.value(0).toString(), q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)};
}

QString renewalName(billing::Renewal r) { return r == billing::Renewal::Invoice ? QStringLiteral("invoice") : QStringLiteral("clock"); }
} // namespace

// --- users -------------------------------------------------------------------

std::optional<User> Store::createUser(const QString &email, const QString &name, const QString &passwordHash,
                                      const QDateTime &now, bool *conflict)
{
    if (conflict)
        *conflict = false;
    const QString trimmed = email.trimmed();
    if (trimmed.isEmpty() || !trimmed.contains(QLatin1Char('@'))) {
        d->fail(QStringLiteral("invalid email address"));
        return std::nullopt;
    }
    User user{newId("usr_"), trimmed, name, passwordHash, fromMs(msOf(now))};
    QSqlQuery *q = d->exec(QStringLiteral("INSERT INTO users (id, email, email_lower, name, password_hash, created_ms) "
                                          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email_lower) DO NOTHING RETURNING id"),
                           {user.id, user.email, user.email.toLower(), user.name, user.passwordHash, msOf(now)});
    if (!q)
        return std::nullopt;
    const bool inserted = q->next();
    q->finish();
    if (!inserted) {
        if (conflict)
            *conflict = true;
        d->fail(QStringLiteral("a user with this email already exists"));
        return std::nullopt;
    }
    return user;
}

std::optional<User> Store::userById(const QString &id)
{
    QSqlQuery *q = d->exec(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {id});
    if (!q || !q->next())
        return std::nullopt;
    User u = userFrom(*q);
    q->finish();
    return u;
}

std::optional<User> Store::userByEmail(const QString &email)
{
    QSqlQuery *q = d->exec(QStringLiteral("SELECT %1 FROM users WHERE email_lower = ?").arg(kUserColumns),
                           {email.trimmed().toLower()});
    if (!q || !q->next())
        return std::nullopt;
    User u = userFrom(*q);
    q->finish();
    return u;
}

bool Store::setPasswordHash(const QString &userId, const QString &passwordHash)
{
    QSqlQuery *q = d->exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {passwordHash, userId});
    return q && q->numRowsAffected() == 1;
}

bool Store::setUserName(const QString &userId, const QString &name)
{
    QSqlQuery *q = d->exec(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"), {name, userId});
    return q && q->numRowsAffected() == 1;
}

// --- workspaces ----------------------------------------------------------------

std::optional<Store::CreatedWorkspace> Store::createWorkspace(const QString &name, const QString &ownerUserId,
                                                              const QDateTime &now)
{
    std::optional<CreatedWorkspace> created;
    const bool ok = transaction([&] {
        const auto owner = userById(ownerUserId);
        if (!owner)
            return d->fail(QStringLiteral("unknown owner user"));
        const QDateTime at = fromMs(msOf(now));
        CreatedWorkspace c{Workspace{newId("ws_"), name, at},
                           Member{newId("mem_"), {}, owner->id, owner->email, owner->name, QStringLiteral("owner"), at}};
        c.owner.workspaceId = c.workspace.id;
        billing::SubscriptionState free;
        free.freeSince = at;
        if (!d->exec(QStringLiteral("INSERT INTO workspaces (id, name, created_ms, plan_id, status) VALUES (?, ?, ?, 'free', 'none')"),
                     {c.workspace.id, name, msOf(at)})
            || !d->saveState(c.workspace.id, free)
            || !d->exec(QStringLiteral("INSERT INTO members (id, workspace_id, user_id, role, joined_ms) VALUES (?, ?, ?, ?, ?)"),
                        {c.owner.id, c.workspace.id, c.owner.userId, c.owner.role, msOf(at)}))
            return false;
        created = c;
        return true;
    });
    return ok ? created : std::nullopt;
}

std::optional<Workspace> Store::workspace(const QString &id)
{
    QSqlQuery *q = d->exec(QStringLiteral("SELECT id, name, created_ms FROM workspaces WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    Workspace w{q->value(0).toString(), q->value(1).toString(), fromMs(q->value(2).toLongLong())};
    q->finish();
    return w;
}

QList<Workspace> Store::workspaces()
{
    QList<Workspace> all;
    QSqlQuery *q = d->exec(QStringLiteral("SELECT id, name, created_ms FROM workspaces ORDER BY created_ms, id"));
    while (q && q->next())
        all.append(Workspace{q->value(0).toString(), q->value(1).toString(), fromMs(q->value(2).toLongLong())});
    return all;
}

QList<Membership> Store::membershipsOfUser(const QString &userId)
{
    QList<Membership> all;
    QSqlQuery *q = d->exec(QStringLiteral(
        "SELECT m.id, m.workspace_id, m.user_id, u.email, u.name, m.role, m.joined_ms, m.credit_limit, w.name, w.plan_id "
        "FROM members m JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id "
        "WHERE m.user_id = ? AND m.removed_ms IS NULL ORDER BY m.joined_ms, m.id"), {userId});
    while (q && q->next())
        all.append(Membership{memberFrom(*q), q->value(8).toString(), q->value(9).toString()});
    return all;
}

// --- members -------------------------------------------------------------------

std::optional<Member> Store::Private::loadMember(const QString &workspaceId, const QString &memberId, bool activeOnly)
{
    QSqlQuery *query = exec(kMemberSelect + QStringLiteral("WHERE m.workspace_id = ? AND m.id = ?")
                                + (activeOnly ? QStringLiteral(" AND m.removed_ms IS NULL") : QString()),
                            {workspaceId, memberId});
    if (!query || !query->next())
        return std::nullopt;
    Member m = memberFrom(*query);
    query->finish();
    return m;
}

namespace {
bool roleExists(Store &store, const QString &workspaceId, const QString &role)
{
    return billing::isBuiltInRole(role) || store.role(workspaceId, role).has_value();
}
} // namespace

MemberChange Store::addMember(const QString &workspaceId, const QString &userId, const QString &role,
                              const QDateTime &now, const billing::PlanCatalog &catalog, Member *added,
                              const Actor &actor, const MemberGuard &guard)
{
    MemberChange result = MemberChange::Error;
    transaction([&] {
        bool notFound = false;
        const auto locked = d->lockAndAdvance(workspaceId, now, catalog, &notFound);
        if (!locked) {
            if (notFound)
                result = MemberChange::NotFound;
            return false;
        }
        if (!userById(userId)) {
            result = MemberChange::NotFound;
            return true;
        }
        if (!roleExists(*this, workspaceId, role)) {
            result = MemberChange::UnknownRole;
            return true;
        }
        if (guard) {
            result = guard(memberOfUser(workspaceId, actor.userId), nullptr, role);
            if (result != MemberChange::Done)
                return result != MemberChange::Error;
        }
        const auto existing = d->scalar(QStringLiteral("SELECT removed_ms IS NULL FROM members WHERE workspace_id = ? AND user_id = ?"),
                                        {workspaceId, userId});
        if (!existing)
            return false;
        if (!existing->isNull() && existing->toBool()) {
            result = MemberChange::AlreadyMember;
            return true;
        }
        const billing::Plan *plan = catalog.find(locked->state.planId);
        if (!plan || !billing::canAddMember(*plan, memberCount(workspaceId))) {
            result = MemberChange::SeatLimit;
            return true;
        }
        const qint64 at = msOf(now);
        if (existing->isNull()) {
            if (!d->exec(QStringLiteral("INSERT INTO members (id, workspace_id, user_id, role, joined_ms) VALUES (?, ?, ?, ?, ?)"),
                         {newId("mem_"), workspaceId, userId, role, at}))
                return false;
        } else if (!d->exec(QStringLiteral("UPDATE members SET role = ?, joined_ms = ?, removed_ms = NULL "
                                           "WHERE workspace_id = ? AND user_id = ?"), {role, at, workspaceId, userId})) {
            return false;   // a returning member keeps its id and its history
        }
        const auto m = memberOfUser(workspaceId, userId);
        if (!m)
            return false;
        if (added)
            *added = *m;
        if (!d->appendAudit(AuditEntry{0, workspaceId, now, actor, QString::fromLatin1(audit::MemberInvited), m->email,
                                       {}, roleJson(role)}))
            return false;
        result = MemberChange::Done;
        return true;
    });
    return result;
}

MemberChange Store::Private::changeMember(Store &store, const QString &workspaceId, const QString &memberId,
                                          const std::function<MemberChange(const Member &)> &apply)
{
    MemberChange result = MemberChange::Error;
    store.transaction([&] {
        if (!store.lockWorkspace(workspaceId)) {
            result = MemberChange::NotFound;
            return true;
        }
        const auto m = loadMember(workspaceId, memberId, true);
        if (!m) {
            result = MemberChange::NotFound;
            return true;
        }
        result = apply(*m);
        return result != MemberChange::Error;
    });
    return result;
}

std::optional<bool> Store::Private::atLastOwner(const QString &workspaceId)
{
    const auto owners = scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE workspace_id = ? "
                                              "AND role = 'owner' AND removed_ms IS NULL"), {workspaceId});
    if (!owners)
        return std::nullopt;
    return owners->toInt() <= 1;
}

MemberChange Store::setMemberRole(const QString &workspaceId, const QString &memberId, const QString &role,
                                  const Actor &actor, const MemberGuard &guard)
{
    return d->changeMember(*this, workspaceId, memberId, [&](const Member &m) {
        if (!roleExists(*this, workspaceId, role))
            return MemberChange::UnknownRole;
        if (guard) {
            const auto refused = guard(memberOfUser(workspaceId, actor.userId), &m, role);
            if (refused != MemberChange::Done)
                return refused;
        }
        if (m.role == QLatin1String("owner") && role != QLatin1String("owner")) {
            const auto last = d->atLastOwner(workspaceId);
            if (!last)
                return MemberChange::Error;
            if (*last)
                return MemberChange::LastOwner;
        }
        if (m.role == role)
            return MemberChange::Done;   // nothing changed, nothing to record
        const bool ok = d->exec(QStringLiteral("UPDATE members SET role = ? WHERE id = ?"), {role, memberId})
            && d->appendAudit(AuditEntry{0, workspaceId, {}, actor, QString::fromLatin1(audit::MemberRoleChanged), m.email,
                                         roleJson(m.role), roleJson(role)});
        return ok ? MemberChange::Done : MemberChange::Error;
    });
}

MemberChange Store::removeMember(const QString &workspaceId, const QString &memberId,
                                 const Actor &actor, const MemberGuard &guard)
{
    return d->changeMember(*this, workspaceId, memberId, [&](const Member &m) {
        if (guard) {
            const auto refused = guard(memberOfUser(workspaceId, actor.userId), &m, QString());
            if (refused != MemberChange::Done)
                return refused;
        }
        if (m.role == QLatin1String("owner")) {
            const auto last = d->atLastOwner(workspaceId);
            if (!last)
                return MemberChange::Error;
            if (*last)
                return MemberChange::LastOwner;
        }
        const bool ok = d->exec(QStringLiteral("UPDATE members SET removed_ms = ? WHERE id = ?"),
                                {QDateTime::currentMSecsSinceEpoch(), memberId})
            && d->appendAudit(AuditEntry{0, workspaceId, {}, actor, QString::fromLatin1(audit::MemberRemoved), m.email,
                                         roleJson(m.role), {}});
        return ok ? MemberChange::Done : MemberChange::Error;
    });
}

LimitChange Store::setMemberLimit(const QString &workspaceId, const QString &memberId, std::optional<qint64> credits,
                                  const QDateTime &now, const billing::PlanCatalog &catalog, const Actor &actor,
                                  const MemberGuard &guard)
{
    LimitChange result;
    auto limitJson = [](std::optional<qint64> v) {
        return QJsonObject{{QStringLiteral("monthly_credits"), v ? QJsonValue(*v) : QJsonValue()}};
    };
    const bool ok = transaction([&] {
        bool notFound = false;
        const auto locked = d->lockAndAdvance(workspaceId, now, catalog, &notFound);
        if (!locked) {
            if (notFound)
                result.status = LimitChange::NotFound;
            return false;
        }
        const auto m = d->loadMember(workspaceId, memberId, true);
        if (!m) {
            result.status = LimitChange::NotFound;
            return true;
        }
        if (guard && guard(memberOfUser(workspaceId, actor.userId), &*m, QString()) != MemberChange::Done) {
            result.status = LimitChange::Forbidden;
            return true;
        }
        const billing::Plan *plan = catalog.find(locked->state.planId);
        if (!plan)
            return d->fail(QStringLiteral("unknown plan %1").arg(locked->state.planId));
        if (const auto refusal = billing::checkMemberLimit(*plan, locked->state, credits)) {
            result.status = LimitChange::Refused;
            result.refusal = *refusal;
            result.ceiling = billing::tierAllowance(*plan, locked->state);
            return true;
        }
        result.before = m->creditLimit;
        result.after = credits;
        result.status = LimitChange::Done;
        if (m->creditLimit == credits)
            return true;   // nothing changed, nothing to record
        return d->exec(QStringLiteral("UPDATE members SET credit_limit = ? WHERE id = ?"),
                       {credits ? QVariant(*credits) : QVariant(QMetaType::fromType<qlonglong>()), memberId})
            && d->appendAudit(AuditEntry{0, workspaceId, now, actor, QString::fromLatin1(audit::MemberLimitChanged), m->email,
                                         limitJson(m->creditLimit), limitJson(credits)});
    });
    if (!ok && result.status != LimitChange::NotFound)
        result.status = LimitChange::Error;
    return result;
}

MemberChange Store::transferOwnership(const QString &workspaceId, const QString &actorUserId,
                                     const QString &newOwnerMemberId)
{
    return d->changeMember(*this, workspaceId, newOwnerMemberId, [&](const Member &target) {
        const auto actor = memberOfUser(workspaceId, actorUserId);
        if (!actor || actor->role != QLatin1String("owner"))
            return MemberChange::Forbidden;
        if (actor->id == target.id)
            return MemberChange::OwnRole;
        const bool ok = d->exec(QStringLiteral("UPDATE members SET role = 'owner' WHERE id = ?"), {target.id})
            && d->exec(QStringLiteral("UPDATE members SET role = 'admin' WHERE id = ?"), {actor->id})
            && d->appendAudit(AuditEntry{0, workspaceId, {}, Actor{Actor::Member, actorUserId, actor->email},
                                         QString::fromLatin1(audit::OwnershipTransferred), target.email,
                                         QJsonObject{{QStringLiteral("owner"), actor->email}},
                                         QJsonObject{{QStringLiteral("owner"), target.email}}});
        return ok ? MemberChange::Done : MemberChange::Error;
    });
}

std::optional<Member> Store::member(const QString &workspaceId, const QString &memberId)
{
    return d->loadMember(workspaceId, memberId, true);
}

std::optional<Member> Store::memberOfUser(const QString &workspaceId, const QString &userId)
{
    QSqlQuery *q = d->exec(kMemberSelect + QStringLiteral("WHERE m.workspace_id = ? AND m.user_id = ? AND m.removed_ms IS NULL"),
                           {workspaceId, userId});
    if (!q || !q->next())
        return std::nullopt;
    Member m = memberFrom(*q);
    q->finish();
    return m;
}

QList<Member> Store::members(const QString &workspaceId)
{
    QList<Member> all;
    QSqlQuery *q = d->exec(kMemberSelect + QStringLiteral("WHERE m.workspace_id = ? AND m.removed_ms IS NULL "
                                                          "ORDER BY m.joined_ms, m.id"), {workspaceId});
    while (q && q->next())
        all.append(memberFrom(*q));
    return all;
}

int Store::memberCount(const QString &workspaceId)
{
    const auto n = d->scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE workspace_id = ? AND removed_ms IS NULL"),
                             {workspaceId});
    return n ? n->toInt() : -1;
}

// --- custom roles ----------------------------------------------------------------

bool Store::createRole(const QString &workspaceId, const CustomRole &role, bool *conflict, const Actor &actor)
{
    if (conflict)
        *conflict = false;
    if (role.name.trimmed().isEmpty() || billing::isBuiltInRole(role.name)
        || !billing::permissionsFromNames(role.permissions)) {
        if (conflict)
            *conflict = billing::isBuiltInRole(role.name);
        return d->fail(QStringLiteral("invalid role name or permissions"));
    }
    bool inserted = false;
    const bool ok = transaction([&] {
        QSqlQuery *q = d->exec(QStringLiteral("INSERT INTO custom_roles (workspace_id, name, permissions) VALUES (?, ?, ?) "
                                              "ON CONFLICT (workspace_id, name) DO NOTHING RETURNING name"),
                               {workspaceId, role.name, role.permissions.join(QLatin1Char(','))});
        if (!q)
            return false;
        inserted = q->next();
        q->finish();
        return !inserted
            || d->appendAudit(AuditEntry{0, workspaceId, {}, actor, QString::fromLatin1(audit::RoleCreated), role.name, {},
                                         QJsonObject{{QStringLiteral("permissions"), QJsonArray::fromStringList(role.permissions)}}});
    });
    if (ok && !inserted && conflict)
        *conflict = true;
    return ok && inserted;
}

std::optional<CustomRole> Store::role(const QString &workspaceId, const QString &name)
{
    QSqlQuery *q = d->exec(QStringLiteral("SELECT name, permissions FROM custom_roles WHERE workspace_id = ? AND name = ?"),
                           {workspaceId, name});
    if (!q || !q->next())
        return std::nullopt;
    CustomRole r = customRoleFrom(*q);
    q->finish();
    return r;
}

QList<CustomRole> Store::roles(const QString &workspaceId)
{
    QList<CustomRole> all;
    QSqlQuery *q = d->exec(QStringLiteral("SELECT name, permissions FROM custom_roles WHERE workspace_id = ? ORDER BY name"),
                           {workspaceId});
    while (q && q->next())
        all.append(customRoleFrom(*q));
    return all;
}

// The start of a role change, inside its transaction: the workspace locked,
// the role read (into *before) and the caller's guard passed. nullopt when
// the change ends here: *result says why, *commit whether the transaction stands.
std::optional<CustomRole> Store::lockRoleForChange(const QString &workspaceId, const QString &name, const QString &actorUserId,
                                                   const RoleGuard &guard, const CustomRole *proposed, CustomRole *before,
                                                   RoleChange *result, bool *commit)
{
    *commit = true;
    const auto current = lockWorkspace(workspaceId) ? role(workspaceId, name) : std::nullopt;
    if (!current) {
        *result = RoleChange::NotFound;
        return std::nullopt;
    }
    if (before)
        *before = *current;
    if (guard) {
        *result = guard(memberOfUser(workspaceId, actorUserId), *current, proposed);
        if (*result != RoleChange::Done) {
            *commit = *result != RoleChange::Error;
            return std::nullopt;
        }
    }
    return current;
}

RoleChange Store::updateRole(const QString &workspaceId, const QString &name, const CustomRole &after,
                             const QString &actorUserId, const RoleGuard &guard, CustomRole *before)
{
    RoleChange result = RoleChange::Error;
    if (after.name.trimmed().isEmpty() || billing::isBuiltInRole(after.name)
        || !billing::permissionsFromNames(after.permissions)) {
        d->fail(QStringLiteral("invalid role name or permissions"));
        return result;
    }
    transaction([&] {
        bool commit = true;
        const auto current = lockRoleForChange(workspaceId, name, actorUserId, guard, &after, before, &result, &commit);
        if (!current)
            return commit;
        if (after.name != name && role(workspaceId, after.name)) {
            result = RoleChange::Conflict;
            return true;
        }
        if (!d->exec(QStringLiteral("UPDATE custom_roles SET name = ?, permissions = ? WHERE workspace_id = ? AND name = ?"),
                     {after.name, after.permissions.join(QLatin1Char(',')), workspaceId, name})
            || (after.name != name
                && !d->exec(QStringLiteral("UPDATE members SET role = ? WHERE workspace_id = ? AND role = ?"),
                            {after.name, workspaceId, name})))
            return false;
        const auto roleJson = [](const CustomRole &r) {
            return QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("permissions"), QJsonArray::fromStringList(r.permissions)}};
        };
        if (!d->appendAudit(AuditEntry{0, workspaceId, {}, Actor::member(actorUserId), QString::fromLatin1(audit::RoleUpdated),
                                       name, roleJson(*current), roleJson(after)}))
            return false;
        result = RoleChange::Done;
        return true;
    });
    return result;
}

RoleChange Store::deleteRole(const QString &workspaceId, const QString &name, const QString &actorUserId,
                             const RoleGuard &guard, int *holders, CustomRole *before)
{
    RoleChange result = RoleChange::Error;
    transaction([&] {
        bool commit = true;
        const auto current = lockRoleForChange(workspaceId, name, actorUserId, guard, nullptr, before, &result, &commit);
        if (!current)
            return commit;
        // Under the lock: nobody gets the role between the count and the delete.
        const auto n = d->scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE workspace_id = ? AND role = ? "
                                                "AND removed_ms IS NULL"), {workspaceId, name});
        if (!n)
            return false;
        if (holders)
            *holders = n->toInt();
        if (n->toInt() > 0) {
            result = RoleChange::InUse;
            return true;
        }
        if (!d->exec(QStringLiteral("DELETE FROM custom_roles WHERE workspace_id = ? AND name = ?"), {workspaceId, name}))
            return false;
        if (!d->appendAudit(AuditEntry{0, workspaceId, {}, Actor::member(actorUserId), QString::fromLatin1(audit::RoleDeleted), name,
                                       QJsonObject{{QStringLiteral("permissions"), QJsonArray::fromStringList(current->permissions)}}, {}}))
            return false;
        result = RoleChange::Done;
        return true;
    });
    return result;
}

QHash<QString, int> Store::roleMemberCounts(const QString &workspaceId)
{
    QHash<QString, int> counts;
    QSqlQuery *q = d->exec(QStringLiteral("SELECT role, COUNT(*) FROM members WHERE workspace_id = ? AND removed_ms IS NULL "
                                          "GROUP BY role"), {workspaceId});
    while (q && q->next())
        counts.insert(q->value(0).toString(), q->value(1).toInt());
    return counts;
}

QString Store::roleKey(const QString &workspaceId, const QString &role)
{
    if (billing::isBuiltInRole(role))
        return role;
    const auto custom = this->role(workspaceId, role);
    return custom ? role + QLatin1Char('\n') + custom->permissions.join(QLatin1Char(',')) : role;
}

// --- subscription state ----------------------------------------------------------

std::optional<billing::SubscriptionState> Store::Private::loadState(const QString &workspaceId, bool lock, qint64 *seq,
                                                                    bool *notFound)
{
    if (notFound)
        *notFound = false;
    // One round trip: the lock (PostgreSQL), the state and the live seq.
    const QString sql = QStringLiteral(
        "SELECT plan_id, status, cycle_anchor_ms, period_start_ms, period_end_ms, cancel_at_period_end, pending_tier, "
        "pending_at_ms, custom_allowance, cycle_funded, renewal, free_since_ms, live_seq FROM workspaces WHERE id = ?");
    // The advisory lock queues writers first: the lock manager hands it to one
    // waiter at a time, where a contended row lock wakes every waiter on each
    // commit (64 waiting connections on 2 cores: 10x slower). The row lock
    // still excludes writers that only use lockWorkspace().
    QSqlQuery *query = exec(lock && dialect == Dialect::Postgres
                                ? sql.left(sql.indexOf(QLatin1String(" FROM")))
                                      + QStringLiteral(", pg_advisory_xact_lock(hashtextextended(id, 7134)) FROM workspaces "
                                                       "WHERE id = ? FOR UPDATE")
                                : sql,
                            {workspaceId});
    if (!query)
        return std::nullopt;
    if (!query->next()) {
        query->finish();
        if (notFound)
            *notFound = true;
        fail(QStringLiteral("workspace not found"));
        return std::nullopt;
    }
    if (seq)
        *seq = query->value(12).toLongLong();
    billing::SubscriptionState s;
    s.planId = query->value(0).toString();
    s.status = billing::statusFromString(query->value(1).toString()).value_or(billing::SubscriptionStatus::None);
    s.cycleAnchor = optFromMs(query->value(2));
    s.periodStart = optFromMs(query->value(3));
    s.periodEnd = optFromMs(query->value(4));
    s.cancelAtPeriodEnd = query->value(5).toInt() != 0;
    if (!query->value(6).isNull())
        s.pendingDowngrade = billing::PendingChange{query->value(6).toString(), optFromMs(query->value(7))};
    s.customAllowance = query->value(8).toInt();
    s.cycleFunded = query->value(9).toInt() != 0;
    s.renewal = query->value(10).toString() == QLatin1String("invoice") ? billing::Renewal::Invoice : billing::Renewal::Clock;
    s.freeSince = optFromMs(query->value(11));
    query->finish();
    return s;
}

bool Store::Private::saveState(const QString &workspaceId, const billing::SubscriptionState &s)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    return exec(QStringLiteral(
               "UPDATE workspaces SET plan_id = ?, status = ?, cycle_anchor_ms = ?, period_start_ms = ?, period_end_ms = ?, "
               "cancel_at_period_end = ?, pending_tier = ?, pending_at_ms = ?, custom_allowance = ?, cycle_funded = ?, "
               "renewal = ?, free_since_ms = ? WHERE id = ?"),
               {s.planId, billing::statusToString(s.status), optMs(s.cycleAnchor), optMs(s.periodStart), optMs(s.periodEnd),
                int(s.cancelAtPeriodEnd), s.pendingDowngrade ? QVariant(s.pendingDowngrade->tier) : nullText,
                optMs(s.pendingDowngrade ? s.pendingDowngrade->effectiveAt : QDateTime()), s.customAllowance,
                int(s.cycleFunded), renewalName(s.renewal), optMs(s.freeSince), workspaceId})
        != nullptr;
}

std::optional<billing::SubscriptionState> Store::subscription(const QString &workspaceId)
{
    return d->loadState(workspaceId);
}

std::optional<QHash<QString, QString>> Store::activeRolesOfUsers(const QStringList &userIds)
{
    QHash<QString, QString> roles;
    const bool ok = d->execInChunks(QStringLiteral("SELECT m.workspace_id, m.user_id, m.role, c.permissions FROM members m "
                                                   "LEFT JOIN custom_roles c ON c.workspace_id = m.workspace_id AND c.name = m.role "
                                                   "WHERE m.removed_ms IS NULL AND m.user_id IN (%1)"),
                    userIds, [&](const QSqlQuery &q) {
                        QString role = q.value(2).toString();
                        if (!q.value(3).isNull() && !billing::isBuiltInRole(role))
                            role += QLatin1Char('\n') + q.value(3).toString();
                        roles.insert(q.value(0).toString() + QLatin1Char('\n') + q.value(1).toString(), role);
                    });
    return ok ? std::optional(roles) : std::nullopt;
}

} // namespace storage
