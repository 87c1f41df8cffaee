#pragma once
// Persistence for kliv-billingd: SQLite (a data directory) or PostgreSQL (a URL).
//
// One Store = one database connection, used from the thread that opened it
// (the server is single-threaded; tests and other instances open their own).
// Every write that must be consistent with the balance runs in ONE transaction
// with the workspace locked (PostgreSQL: SELECT ... FOR UPDATE on the workspace
// row; SQLite: BEGIN IMMEDIATE), and period-end transitions
// (billing::advanceTo) are applied under that lock before anything else.
//
// Live events: every committed change clients should see gets the workspace's
// next sequence number (persisted, strictly increasing by one, across
// instances) and is delivered through liveEvent() after commit, exactly once
// per Store (PostgreSQL: NOTIFY kliv_live inside the transaction, received by
// every listening Store, the writer included; SQLite: emitted locally).
#include "audit.h"
#include "billing/balance.h"
#include "billing/forecast.h"
#include "billing/memberlimit.h"
#include "billing/plancatalog.h"
#include "billing/subscription.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace storage {

enum class Dialect { Sqlite, Postgres };

// A versioned schema step. Versions are per module (1, 2, 3, ...), applied in
// order, once, recorded in schema_version(module, version).
struct Migration {
    int version = 0;
    QString description;
    QStringList sqlite;     // statements for SQLite
    QStringList postgres;   // statements for PostgreSQL
};

struct User {
    QString id;
    QString email;           // as entered; unique case-insensitively
    QString name;
    QString passwordHash;    // hashed by the caller (Argon2id); empty = no password sign-in
    QDateTime createdAt;
};

struct Workspace {
    QString id;
    QString name;
    QDateTime createdAt;
};

struct Member {
    QString id;
    QString workspaceId;
    QString userId;
    QString email;           // from the user
    QString name;            // from the user
    QString role;            // "owner" | "admin" | "member" | a custom role name
    QDateTime joinedAt;
    std::optional<qint64> creditLimit;   // credits per billing cycle (billing::MemberLimit); nullopt = none
};

// One of a user's memberships, for GET /v1/me.
struct Membership {
    Member member;
    QString workspaceName;
    QString planId;          // as stored (transitions apply on the next balance/mutate)
};

struct CustomRole {
    QString name;
    QStringList permissions; // wire names ("view_team_usage", ...)
};

struct UsageEntry {
    QString id;              // "ue_<n>"
    QString workspaceId;
    QDateTime at;
    QString memberId;
    QString memberName;
    QString project;
    QString activity;
    qint64 credits = 0;
    bool onFree = false;     // spent while the workspace was on Free
};

struct UsageRequest {
    QString idempotencyKey;
    QString memberId;
    QString project;
    QString activity;
    qint64 credits = 0;
};

// The balance as the API answers it.
struct BalanceInfo {
    billing::Balance balance;
    QString planId;
    QDateTime asOf;          // the `now` it was computed for
    qint64 seq = 0;          // the workspace's live sequence number at that point
    // Read with the balance for GET and the live channel, not in a spend's
    // answer (the hot path): nullopt there, and "forecast" is left out.
    std::optional<billing::Forecast> forecast;
    // The caller's own limit and use this cycle, when they have one (GET and
    // the live channel, for a member): nullopt otherwise.
    std::optional<billing::MemberLimit> memberLimit;
};

enum class SpendStatus {
    Spent,          // recorded now (201)
    Replayed,       // same key, same body: the first answer, nothing spent (201)
    Insufficient,   // refused whole (402): balance.nextRefillAt, balance.remaining
    MemberLimitReached, // the member's limit this cycle would be exceeded (402): memberLimit
    Conflict,       // same key, different body (409)
    UnknownMember,  // member_id is not a member of this workspace (400)
    Invalid,        // credits < 1, empty key/project/activity, too long (400)
    NotFound,       // no such workspace (404)
    Error,          // database failure (500); `error` says what
};

struct SpendResult {
    SpendStatus status = SpendStatus::Error;
    UsageEntry entry;        // Spent / Replayed
    BalanceInfo balance;     // after (Spent), as first answered (Replayed), current (Insufficient, MemberLimitReached)
    billing::MemberLimit memberLimit;   // MemberLimitReached: the limit and what the member used before
    QString error;           // human-readable, English, no secrets
    bool ok() const { return status == SpendStatus::Spent || status == SpendStatus::Replayed; }
};

struct BatchResult {
    SpendStatus status = SpendStatus::Spent; // NotFound / Error / Invalid(>100 items) for the whole batch
    QList<SpendResult> results;              // one per item, in order (when the batch ran)
    BalanceInfo balance;                     // after the whole batch
    QString error;
};

struct SubscriptionChange {
    bool ok = false;
    bool changed = false;                    // the stored state differs from before
    billing::SubscriptionState state;        // after
    QList<billing::ClockStep> steps;         // period-end transitions applied first
    qint64 seq = 0;
    QString error;                           // human-readable, for the log
    bool notFound = false;                   // no such workspace (else !ok is a database failure)
};

struct GrantResult {
    enum Status { Added, Duplicate, NotFound, Invalid, Error } status = Error;
    QString grantId;
    BalanceInfo balance;
    QString error;
};

struct DayTotal { QDate date; qint64 credits = 0; };
struct KeyTotal { QString key; qint64 credits = 0; };
struct MemberTotal { QString memberId; QString name; QString email; qint64 credits = 0; };

// One UTC month of usage, from the daily roll-ups (never from raw events), or
// a window such as a billing cycle (windowHistory).
struct MonthHistory {
    QDate month;                  // first day of the month (a window: the month of `from`)
    QDateTime from, to;           // the instants read: [from, to)
    qint64 total = 0;
    QList<DayTotal> days;         // every day of the month, zeros included
    QList<KeyTotal> byActivity;   // credits descending, then name
    QList<KeyTotal> byProject;
    QList<MemberTotal> byMember;
};

struct EntryQuery {
    QDate month;                  // invalid = all months
    QDateTime from, to;           // both valid: this window [from, to) instead of the month
    QString memberId;             // empty = every member
    QString cursor;               // from the previous page's nextCursor; empty = newest
    int limit = 100;              // 1..500
};

struct EntryPage {
    QList<UsageEntry> entries;    // newest first
    QString nextCursor;           // empty when there are no more
};

enum class TokenKind { Access, Refresh, Service };

// Tokens are stored only as SHA-256 hashes: the API takes the raw token and
// hashes it; TokenRecord never holds the secret.
struct TokenRecord {
    QByteArray hash;              // hex SHA-256 of the token
    TokenKind kind = TokenKind::Access;
    QString userId;               // empty for service tokens
    QString workspaceId;          // optional scope
    QString clientId;
    QString familyId;             // refresh-token chain (access tokens carry theirs too)
    QDateTime createdAt;
    QDateTime expiresAt;          // invalid = never
    bool revoked = false;
    bool used = false;            // refresh token already rotated
};

struct NewToken {
    QString token;                // the raw secret (hashed before it is stored)
    TokenKind kind = TokenKind::Access;
    QString userId;
    QString workspaceId;
    QString clientId;
    QString familyId;             // empty = a new family
    QDateTime expiresAt;          // invalid = never
};

struct RotateResult {
    enum Status { Rotated, Invalid, Expired, Reused, Error } status = Error;
    QString familyId;             // Rotated
    QString userId;
    QString clientId;
};

struct AuthCode {
    QString userId;
    QString clientId;
    QString redirectUri;
    QString codeChallenge;        // S256
    QDateTime expiresAt;
};

struct OutgoingNotification {
    QString id;
    QString type;
    QByteArray body;        // the exact bytes every attempt sends (and signs)
    QDateTime createdAt;
    int attempts = 0;       // made before this one
    QDateTime sentAt;       // invalid until a 2xx answer
    QString lastError;
    bool gaveUp = false;
};

struct EnterpriseInquiry {
    QString id;
    QString workspaceId;
    QString userId;
    QString contact;
    int seats = 0;
    QString message;
    QDateTime createdAt;
    QDateTime handledAt;     // invalid while open
    QString handledNote;
    QString workspaceName;   // read with the inquiry (not stored with it)
};

// SAML single sign-on of a workspace (workspace_sso).
struct SsoSettings {
    QString workspaceId;
    QString domain;              // lower case; empty = none
    bool domainVerified = false; // by an operator (admin set-sso --verify-domain)
    QString idpMetadata;         // the IdP's SAML metadata (XML); empty = no IdP
    QString idpEntityId;
    bool enforced = false;       // password sign-in refused for the domain (but the break-glass owner)
    QString breakGlassUserId;
    QString defaultRole = QStringLiteral("member");   // of members made by just-in-time provisioning
    QDateTime updatedAt;
};

// An AuthnRequest this server sent, and how to continue when its answer comes.
struct SamlRequest {
    QString id;                  // the AuthnRequest ID (InResponseTo of the answer)
    QString workspaceId;
    bool test = false;           // "Testa inloggningen": no OAuth parameters, no session
    QString clientId, redirectUri, state, codeChallenge;
    QDateTime createdAt, expiresAt;
};

enum class MemberChange { Done, NotFound, AlreadyMember, SeatLimit, LastOwner, UnknownRole, Forbidden, OwnRole, Error };

// Run under the workspace lock right before a change made by a member: the
// acting member as it is now (nullopt: no longer a member), the target
// (nullptr when adding) and the role to give (empty when removing). Anything
// but Done refuses the change. An empty guard: the operator, no checks.
using MemberGuard = std::function<MemberChange(const std::optional<Member> &actor, const Member *target,
                                               const QString &role)>;
// The guard reads the actor's membership from actor.userId (a Member actor).

// A member's credit limit changed (Store::setMemberLimit).
struct LimitChange {
    enum Status { Done, NotFound, Forbidden, Refused, Error } status = Error;
    billing::LimitRefusal refusal = billing::LimitRefusal::FreePlan;   // Refused: why
    qint64 ceiling = 0;                       // Refused: the largest limit the plan allows
    std::optional<qint64> before, after;      // Done
};

enum class RoleChange { Done, NotFound, Conflict, InUse, Forbidden, Error };
// Run under the workspace lock before a custom role is edited or deleted: the
// acting member as it is now, the role as stored and what it becomes (nullptr
// when deleting). Anything but Done refuses. An empty guard: no checks.
using RoleGuard = std::function<RoleChange(const std::optional<Member> &actor, const CustomRole &before,
                                           const CustomRole *after)>;

class Store : public QObject
{
    Q_OBJECT
public:
    struct Options {
        bool listen = true;       // PostgreSQL: LISTEN kliv_live on this connection
    };
    // A directory (SQLite at DIR/kliv.sqlite, created if missing) or a
    // postgresql://user[:pw]@host[:port]/db[?schema=NAME] URL. `schema` makes
    // the Store use (and create) that schema, e.g. for isolated tests.
    // Runs every pending migration (own and registered) before returning.
    static std::unique_ptr<Store> open(const QString &sqliteDirOrPostgresUrl, QString *error);
    static std::unique_ptr<Store> open(const QString &sqliteDirOrPostgresUrl, QString *error,
                                       const Options &options);
    ~Store() override;

    // Other modules (server/stripe) add their own tables: register before
    // open(); applied by every open(), name-spaced by `module`.
    static void registerMigrations(const QString &module, const QList<Migration> &migrations);

    Dialect dialect() const;
    // What open() was given: another thread opens its own Store on the same database with it.
    QString location() const;
    // For the Stripe module's own tables, inside transaction(). PostgreSQL: do
    // not setForwardOnly(true) on queries of this connection (Qt 6.4 then stops
    // delivering LISTEN notifications while idle). After a reconnect (a lost
    // PostgreSQL connection) this returns the new connection: don't keep it.
    QSqlDatabase database() const;
    bool ping();                         // readyz
    QString lastError() const;

    // Runs fn in one transaction (SQLite: BEGIN IMMEDIATE). fn returns false to
    // roll back. Nested calls join the outer transaction (a false anywhere rolls
    // the whole one back). Live events are delivered only after the commit.
    bool transaction(const std::function<bool()> &fn, QString *error = nullptr);
    // Inside transaction(): lock the workspace row. False if it does not exist.
    bool lockWorkspace(const QString &workspaceId);

    // Users. Email uniqueness is case-insensitive; createUser fails (nullopt,
    // *conflict = true) when the email is taken.
    std::optional<User> createUser(const QString &email, const QString &name,
                                   const QString &passwordHash, const QDateTime &now,
                                   bool *conflict = nullptr);
    std::optional<User> userById(const QString &id);
    std::optional<User> userByEmail(const QString &email);
    bool setPasswordHash(const QString &userId, const QString &passwordHash);
    bool setUserName(const QString &userId, const QString &name);

    // Workspaces. createWorkspace makes the owner member and a Free subscription
    // (freeSince = now).
    struct CreatedWorkspace { Workspace workspace; Member owner; };
    std::optional<CreatedWorkspace> createWorkspace(const QString &name, const QString &ownerUserId,
                                                    const QDateTime &now);
    std::optional<Workspace> workspace(const QString &id);
    QList<Workspace> workspaces();
    QList<Membership> membershipsOfUser(const QString &userId);

    // Members. addMember checks the seat limit of the workspace's current plan
    // (billing::canAddMember) under the workspace lock.
    // Each writes its audit entry (member.invited, .role_changed, .removed) in its transaction.
    MemberChange addMember(const QString &workspaceId, const QString &userId, const QString &role,
                           const QDateTime &now, const billing::PlanCatalog &catalog,
                           Member *added = nullptr, const Actor &actor = {},
                           const MemberGuard &guard = {});
    MemberChange setMemberRole(const QString &workspaceId, const QString &memberId, const QString &role,
                               const Actor &actor = {}, const MemberGuard &guard = {});
    MemberChange removeMember(const QString &workspaceId, const QString &memberId,
                              const Actor &actor = {}, const MemberGuard &guard = {});
    // The acting user, an owner, hands ownership to another active member in
    // one locked transaction: the new owner becomes "owner", the old one "admin".
    // Forbidden: the actor is not an owner; OwnRole: the target is the actor.
    MemberChange transferOwnership(const QString &workspaceId, const QString &actorUserId,
                                   const QString &newOwnerMemberId);
    std::optional<Member> member(const QString &workspaceId, const QString &memberId);
    std::optional<Member> memberOfUser(const QString &workspaceId, const QString &userId);
    QList<Member> members(const QString &workspaceId);   // by joined date
    int memberCount(const QString &workspaceId);
    // Sets (nullopt: clears) a member's credit limit per billing cycle under the
    // workspace lock, checked against the plan as it is then
    // (billing::checkMemberLimit); audited as member.limit_changed when it changed.
    // The guard is asked with an empty role (as for removing).
    LimitChange setMemberLimit(const QString &workspaceId, const QString &memberId, std::optional<qint64> credits,
                               const QDateTime &now, const billing::PlanCatalog &catalog, const Actor &actor = {},
                               const MemberGuard &guard = {});
    // Each member's usage in [from, to) (members without usage are absent), or one member's.
    std::optional<QHash<QString, qint64>> memberUsage(const QString &workspaceId, const QDateTime &from,
                                                      const QDateTime &to, const QString &memberId = {});
    // The members with a limit and their use this cycle (none on Free), or just `memberId`'s.
    std::optional<QHash<QString, billing::MemberLimit>> memberLimits(const QString &workspaceId, const QDateTime &now,
                                                                      const billing::PlanCatalog &catalog,
                                                                      const QString &memberId = {});
    // The live hub's sweep: the current role of each active membership of these
    // users, keyed by workspace id + '\n' + user id (absent: not a member).
    // For a custom role the value is the role name + '\n' + its stored
    // permissions, so that editing the role's permissions reads as a change too.
    std::optional<QHash<QString, QString>> activeRolesOfUsers(const QStringList &userIds);
    // What the live hub compares that with at authentication.
    QString roleKey(const QString &workspaceId, const QString &role);

    // Custom roles (Enterprise; the caller checks the entitlement).
    bool createRole(const QString &workspaceId, const CustomRole &role, bool *conflict = nullptr,
                    const Actor &actor = {});
    std::optional<CustomRole> role(const QString &workspaceId, const QString &name);
    QList<CustomRole> roles(const QString &workspaceId);
    // Renames and/or sets the permissions of a custom role in one locked
    // transaction; its members (also removed ones, for their history) follow a
    // rename. Conflict: the new name is taken. *before: the role as it was.
    RoleChange updateRole(const QString &workspaceId, const QString &name, const CustomRole &after,
                          const QString &actorUserId = {}, const RoleGuard &guard = {}, CustomRole *before = nullptr);
    // InUse (with *holders = the active members holding it): nobody may hold it.
    RoleChange deleteRole(const QString &workspaceId, const QString &name, const QString &actorUserId = {},
                          const RoleGuard &guard = {}, int *holders = nullptr, CustomRole *before = nullptr);
    // Active members per role name (roles nobody holds are absent).
    QHash<QString, int> roleMemberCounts(const QString &workspaceId);

    // Subscription state as stored (no transitions applied).
    std::optional<billing::SubscriptionState> subscription(const QString &workspaceId);
    // Locked: advanceTo(now), then fn (false = keep the advanced state only),
    // saved; announces "subscription" and "balance" when something changed.
    // Audited from the difference: the period-end transitions as the system,
    // what fn changed as `actor` (plan.*, subscription.*).
    SubscriptionChange mutateSubscription(const QString &workspaceId, const QDateTime &now,
                                          const billing::PlanCatalog &catalog,
                                          const std::function<bool(billing::SubscriptionState &)> &fn,
                                          const Actor &actor = {});

    // Balance for now; persists period-end transitions (announced) first.
    // A memberId adds that member's own limit (BalanceInfo::memberLimit) when they have one.
    std::optional<BalanceInfo> balance(const QString &workspaceId, const QDateTime &now,
                                       const billing::PlanCatalog &catalog, const QString &memberId = {});
    // The forecast for a balance computed at `now` (one read of the day roll-ups,
    // none when the window is the cycle's or month's own count).
    std::optional<billing::Forecast> forecast(const QString &workspaceId, const billing::Balance &b, const QDateTime &now);

    // Usage. Idempotent per (workspace, idempotency key); keying and spending in
    // one locked transaction. A refused spend records nothing (a retry may succeed).
    SpendResult spend(const QString &workspaceId, const UsageRequest &request, const QDateTime &now,
                      const billing::PlanCatalog &catalog);
    static constexpr int MaxBatch = 100;
    BatchResult spendBatch(const QString &workspaceId, const QList<UsageRequest> &requests,
                           const QDateTime &now, const billing::PlanCatalog &catalog);
    // Group commit: several batches (of any workspaces) in ONE transaction, each
    // exactly as spendBatch would do it, in the order given (callers keep
    // arrival order per workspace). One durable commit for all of them; if the
    // group fails as a whole, each batch is retried on its own so that one
    // failing workspace never fails another's usage.
    struct SpendJob {
        QString workspaceId;
        QList<UsageRequest> requests;
        QDateTime now;
    };
    QList<BatchResult> spendGroup(const QList<SpendJob> &jobs, const billing::PlanCatalog &catalog);

    // One-off credits. A non-empty externalId (e.g. an invoice id) grants at
    // most once per workspace: a repeat answers Duplicate and adds nothing.
    GrantResult addGrant(const QString &workspaceId, qint64 credits, const QString &reason,
                         const QString &externalId, const QDateTime &now,
                         const billing::PlanCatalog &catalog);

    // History (`month` = any day of the UTC month). memberId filters to one
    // member's usage ("own" scope). Workspace not found -> nullopt.
    std::optional<MonthHistory> monthHistory(const QString &workspaceId, const QDate &month,
                                             const QString &memberId = {});
    // The same for any window [from, to), e.g. a billing cycle: `days` has every
    // UTC day the window touches; whole days come from the roll-ups, a partial
    // first or last day from its raw events, so `total` is exactly the usage in
    // the window (a cycle's total equals the balance's `used`).
    std::optional<MonthHistory> windowHistory(const QString &workspaceId, const QDateTime &from,
                                              const QDateTime &to, const QString &memberId = {});
    // Bad cursor or limit -> nullopt with *error.
    std::optional<EntryPage> entries(const QString &workspaceId, const EntryQuery &query,
                                     QString *error = nullptr);
    // text/csv, header "at,member,project,activity,credits", oldest first;
    // fields that a spreadsheet would run as formulas are quoted with a leading '.
    // nullopt when the workspace does not exist (*notFound = true) or the
    // database failed (*notFound = false, lastError() says what).
    std::optional<QByteArray> usageCsv(const QString &workspaceId, const QDate &month, const QString &memberId = {},
                                       bool *notFound = nullptr);
    std::optional<QByteArray> usageCsv(const QString &workspaceId, const QDateTime &from, const QDateTime &to,
                                       const QString &memberId = {}, bool *notFound = nullptr);

    // Tokens (raw secrets in, hashes stored).
    static QByteArray hashToken(const QString &token);  // hex SHA-256
    bool storeToken(const NewToken &token, const QDateTime &now, QString *familyId = nullptr);
    // Valid = known, not revoked, not expired at now (refresh: also not used).
    std::optional<TokenRecord> findToken(const QString &token, const QDateTime &now);
    // Refresh rotation in one transaction: the old one is marked used and the
    // new pair joins its family. Presenting an already-used refresh token
    // revokes the whole family (Reused).
    RotateResult rotateRefreshToken(const QString &oldRefresh, const NewToken &newRefresh,
                                    const NewToken &newAccess, const QDateTime &now);
    bool revokeToken(const QString &token);      // revokes its whole family when it has one
    bool revokeFamily(const QString &familyId);
    // The live hub's sweep: which of these token hashes are known and not
    // revoked (read from the database, never from the service-token cache).
    // nullopt on a database error (then nothing may be concluded).
    std::optional<QSet<QByteArray>> standingTokens(const QList<QByteArray> &hashes);

    // OAuth authorization codes: single use, consuming is atomic.
    bool storeAuthCode(const QString &code, const AuthCode &data);
    // nullopt when unknown, already consumed or expired (consumed anyway).
    std::optional<AuthCode> consumeAuthCode(const QString &code, const QDateTime &now);
    // Deletes at most `limit` used or expired codes and at most `limit` tokens
    // expired more than a day ago (until then they answer "token_expired").
    // Returns the number of rows deleted, -1 on a database error.
    int pruneExpiredAuth(const QDateTime &now, int limit);

    // SAML single sign-on. ssoSettings: nullopt when none are stored (or on a database error).
    std::optional<SsoSettings> ssoSettings(const QString &workspaceId);
    // The settings whose domain is `domain` (case-insensitive), verified or not.
    std::optional<SsoSettings> ssoByDomain(const QString &domain);
    enum class SsoSave { Saved, DomainTaken, Error };
    // Insert or replace (updatedAt set by the caller), recorded in the audit log as actor's change.
    SsoSave saveSsoSettings(const SsoSettings &settings, const Actor &actor = Actor::system());
    bool storeSamlRequest(const SamlRequest &request);
    // Open (not used, not expired at now) and of this workspace: marked used and returned, once.
    std::optional<SamlRequest> consumeSamlRequest(const QString &id, const QString &workspaceId, const QDateTime &now);
    // Records an assertion ID until `expires`; false with *replay when it was seen already.
    bool markAssertionSeen(const QString &issuer, const QString &assertionId, const QDateTime &expires, bool *replay);
    // Deletes at most `limit` expired or used requests and at most `limit` expired assertion IDs.
    int pruneExpiredSaml(const QDateTime &now, int limit);
    // The SP's signing key pair (PEM), made once: the first writer wins, everyone reads that one.
    std::optional<std::pair<QByteArray, QByteArray>> samlSpKey();
    bool storeSamlSpKeyIfMissing(const QByteArray &privateKeyPem, const QByteArray &certificatePem);

    // Enterprise inquiries, stored for sales.
    std::optional<QString> addEnterpriseInquiry(const EnterpriseInquiry &inquiry);
    // Oldest first; only the open ones unless `all`.
    QList<EnterpriseInquiry> enterpriseInquiries(bool all = true);
    std::optional<EnterpriseInquiry> enterpriseInquiry(const QString &id);
    // The workspace's latest inquiry (the app shows that it was received, and when).
    std::optional<EnterpriseInquiry> latestEnterpriseInquiry(const QString &workspaceId);
    // false when unknown; *wasHandled when it had been marked already (unchanged then).
    bool markInquiryHandled(const QString &id, const QString &note, const QDateTime &now, bool *wasHandled);

    // Outgoing notifications (the operator's signed webhook, e.g. for sales and
    // the platform's e-mail): an outbox written in the same transaction as what
    // it announces, delivered at least once by service::Notifier. Nothing is
    // queued unless enabled (a server with a notification URL).
    static void setNotificationsEnabled(bool on);
    static bool notificationsEnabled();
    // Queues {"id","type","created","data"}; inside a write transaction or alone.
    bool queueNotification(const QString &type, const QJsonObject &data, const QDateTime &now);
    // Up to `limit` notifications due at `now`, each leased for `leaseSecs` (another
    // instance does not send it meanwhile). Oldest first.
    QList<OutgoingNotification> claimNotifications(const QDateTime &now, int leaseSecs, int limit);
    bool notificationSent(const QString &id, const QDateTime &now);
    // Another attempt at `next`; `giveUp` ends it (kept with its error, never sent again).
    bool notificationFailed(const QString &id, const QString &error, const QDateTime &next, bool giveUp);
    std::optional<OutgoingNotification> notification(const QString &id);
    int pendingNotifications();

    // The audit log (audit.h). appendAudit joins an open transaction or runs
    // its own: for a record with no other write (a provider's refusal).
    bool appendAudit(const AuditEntry &entry);
    // nullopt: a bad limit, before or kind (*error says so) or a database failure (*error empty).
    std::optional<AuditPage> auditLog(const QString &workspaceId, const AuditQuery &query, QString *error = nullptr);
    // text/csv, header "at,actor_kind,actor,kind,target,before,after", newest
    // first, every entry matching the query's filters (its limit is ignored).
    std::optional<QByteArray> auditCsv(const QString &workspaceId, const AuditQuery &query, QString *error = nullptr);

    // The workspace's current live sequence number (0 before any event).
    qint64 liveSeq(const QString &workspaceId);

Q_SIGNALS:
    // After commit, once per Store. type: "usage" (data: UsageEntry JSON),
    // "balance" (data: Balance JSON as in the API), "subscription"
    // (data: {"plan_id", "subscription": Subscription JSON}). PostgreSQL: data
    // too large for a NOTIFY arrives as {"omitted": true} (refetch instead).
    void liveEvent(const QString &workspaceId, qint64 seq, const QString &type, const QJsonObject &data);

private:
    // updateRole's and deleteRole's common start (storeusers.cpp).
    std::optional<CustomRole> lockRoleForChange(const QString &workspaceId, const QString &name, const QString &actorUserId,
                                                const RoleGuard &guard, const CustomRole *proposed, CustomRole *before,
                                                RoleChange *result, bool *commit);
    explicit Store(QObject *parent = nullptr);
    class Private;
    std::unique_ptr<Private> d;
    friend class Private;
};

} // namespace storage
