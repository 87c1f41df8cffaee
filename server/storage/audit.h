#pragma once
// The audit log: who changed what in a workspace, when, before and after.
//
// Append-only: the Store writes entries inside the transaction of the change
// they describe (Store::Private::appendAudit) and has no method that updates
// or deletes them. A refused or rolled-back change leaves no entry.
//
// Adding a kind: a constant below (stable dotted name, never renamed: the app
// and exported files filter by it), an appendAudit call inside the Store
// method's transaction, a Swedish name in the app (AuditLogModel).
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace storage {

namespace audit {
// Plans. before/after: {"plan"} plus what the change is about.
inline constexpr char PlanChangeRequested[] = "plan.change_requested"; // after: {"plan", "effective_at"?}
inline constexpr char PlanChanged[] = "plan.changed";                  // the new plan applies (payment, period end, operator)
inline constexpr char PlanChangeFailed[] = "plan.change_failed";       // the payment provider refused it; after: {"plan", "error": code}
inline constexpr char PlanChangeUndone[] = "plan.change_undone";       // a scheduled downgrade withdrawn
inline constexpr char PlanCancelScheduled[] = "plan.cancel_scheduled"; // after: {"plan", "effective_at"}
inline constexpr char PlanCancelUndone[] = "plan.cancel_undone";
inline constexpr char PaymentFailed[] = "subscription.payment_failed";
inline constexpr char SubscriptionEnded[] = "subscription.ended";      // back on Free
// Members: target = the member's e-mail; before/after: {"role"}.
inline constexpr char MemberInvited[] = "member.invited";
inline constexpr char MemberRemoved[] = "member.removed";
inline constexpr char MemberRoleChanged[] = "member.role_changed";
inline constexpr char MemberLimitChanged[] = "member.limit_changed";  // before/after: {"monthly_credits": n or null}
inline constexpr char OwnershipTransferred[] = "ownership.transferred"; // before/after: {"owner": e-mail}
// Roles: target = the role's name; before/after: {"permissions": [...]}.
inline constexpr char RoleCreated[] = "role.created";
inline constexpr char RoleUpdated[] = "role.updated";                  // before/after: {"name", "permissions"}
inline constexpr char RoleDeleted[] = "role.deleted";                  // before: {"permissions"}
// SSO: target = the domain.
inline constexpr char SsoSettingsChanged[] = "sso.settings_changed";   // before/after: domain, verified, enforced, IdP, default role
inline constexpr char SsoSignInFailed[] = "sso.sign_in_failed";        // after: {"reason"} (never the assertion or the e-mail)
} // namespace audit

// Who made a change.
struct Actor {
    enum Kind { Member, Operator, System };
    Kind kind = System;
    QString userId;          // Member
    QString email;           // Member: filled in from the user when empty; Operator: "operator:<name>"
    static Actor member(const QString &userId) { return {Member, userId, {}}; }
    static Actor operatorNamed(const QString &name) { return {Operator, {}, QStringLiteral("operator:") + name}; }
    static Actor system() { return {}; }
};
QString actorKindName(Actor::Kind k);   // "member" | "operator" | "system"

struct AuditEntry {
    qint64 id = 0;           // increasing in the order written
    QString workspaceId;
    QDateTime at;            // invalid when appending: now (wall clock)
    Actor actor;
    QString kind;            // one of audit::*
    QString target;
    QJsonObject before, after;   // small: names, plan ids, counts; never secrets or tokens
};

struct AuditQuery {
    qint64 before = 0;       // only entries with a smaller id (the previous page's nextBefore); 0 = newest
    QString kind;            // a kind ("member.invited") or its prefix ("member", "plan."); empty = all
    QString actorUserId;     // empty = everyone
    int limit = 50;          // 1..200 (CSV: no limit)
};

struct AuditPage {
    QList<AuditEntry> entries;   // newest first
    qint64 nextBefore = 0;       // 0 when there are no more
};

} // namespace storage
