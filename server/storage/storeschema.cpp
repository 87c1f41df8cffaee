// The core schema, versioned. Append new versions; never edit an applied one.
// Instants are BIGINT milliseconds since the epoch (UTC); days are days since
// the epoch; booleans are INTEGER 0/1 (the same in both dialects).
#include "store_p.h"

namespace storage {

namespace {
// Statements that read the same in both dialects.
QStringList common()
{
    return {
        QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL, email_lower TEXT NOT NULL UNIQUE, "
                       "name TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms BIGINT NOT NULL, "
                       "live_seq BIGINT NOT NULL DEFAULT 0, "
                       "plan_id TEXT NOT NULL, status TEXT NOT NULL, cycle_anchor_ms BIGINT, period_start_ms BIGINT, "
                       "period_end_ms BIGINT, cancel_at_period_end INTEGER NOT NULL DEFAULT 0, pending_tier TEXT, "
                       "pending_at_ms BIGINT, custom_allowance INTEGER NOT NULL DEFAULT 0, "
                       "cycle_funded INTEGER NOT NULL DEFAULT 0, renewal TEXT NOT NULL DEFAULT 'clock', free_since_ms BIGINT)"),
        // Removed members stay (removed_ms set) so that their history keeps a name.
        QStringLiteral("CREATE TABLE members (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                       "user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL, joined_ms BIGINT NOT NULL, "
                       "removed_ms BIGINT, UNIQUE (workspace_id, user_id))"),
        QStringLiteral("CREATE INDEX members_user ON members (user_id)"),
        QStringLiteral("CREATE TABLE custom_roles (workspace_id TEXT NOT NULL REFERENCES workspaces(id), name TEXT NOT NULL, "
                       "permissions TEXT NOT NULL, PRIMARY KEY (workspace_id, name))"),
        QStringLiteral("CREATE INDEX usage_entries_ws_at ON usage_entries (workspace_id, at_ms, id)"),
        QStringLiteral("CREATE INDEX usage_entries_ws_member_at ON usage_entries (workspace_id, member_id, at_ms, id)"),
        // The first answer to an idempotency key, replayed verbatim.
        QStringLiteral("CREATE TABLE usage_idempotency (workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                       "idem_key TEXT NOT NULL, entry_id BIGINT NOT NULL REFERENCES usage_entries(id), "
                       "answer TEXT NOT NULL, PRIMARY KEY (workspace_id, idem_key))"),
        // Per workspace and day: what the balance needs without scanning events.
        QStringLiteral("CREATE TABLE usage_day (workspace_id TEXT NOT NULL REFERENCES workspaces(id), day INTEGER NOT NULL, "
                       "credits BIGINT NOT NULL, credits_on_free BIGINT NOT NULL, PRIMARY KEY (workspace_id, day))"),
        // Per day x member x project x activity: the month's history.
        QStringLiteral("CREATE TABLE usage_rollup (workspace_id TEXT NOT NULL REFERENCES workspaces(id), day INTEGER NOT NULL, "
                       "member_id TEXT NOT NULL, project TEXT NOT NULL, activity TEXT NOT NULL, credits BIGINT NOT NULL, "
                       "PRIMARY KEY (workspace_id, day, member_id, project, activity))"),
        QStringLiteral("CREATE TABLE grants (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                       "at_ms BIGINT NOT NULL, credits BIGINT NOT NULL, reason TEXT NOT NULL DEFAULT '', external_id TEXT, "
                       "UNIQUE (workspace_id, external_id))"),
        QStringLiteral("CREATE INDEX grants_ws_at ON grants (workspace_id, at_ms)"),
        QStringLiteral("CREATE TABLE tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', "
                       "workspace_id TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL DEFAULT '', "
                       "family_id TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL, expires_ms BIGINT, "
                       "revoked INTEGER NOT NULL DEFAULT 0, used INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX tokens_family ON tokens (family_id)"),
        QStringLiteral("CREATE TABLE auth_codes (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, client_id TEXT NOT NULL, "
                       "redirect_uri TEXT NOT NULL, code_challenge TEXT NOT NULL, expires_ms BIGINT NOT NULL, "
                       "used INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE enterprise_inquiries (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, "
                       "user_id TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL, seats INTEGER NOT NULL, "
                       "message TEXT NOT NULL, created_ms BIGINT NOT NULL)"),
    };
}

QStringList withEntries(const QString &entriesTable)
{
    QStringList all = common();
    all.insert(4, entriesTable); // before its indexes and the tables referring to it
    return all;
}
} // namespace

QList<Migration> coreMigrations()
{
    const QString columns = QStringLiteral(" workspace_id TEXT NOT NULL REFERENCES workspaces(id), at_ms BIGINT NOT NULL, "
                                           "member_id TEXT NOT NULL, project TEXT NOT NULL, activity TEXT NOT NULL, "
                                           "credits BIGINT NOT NULL, on_free INTEGER NOT NULL)");
    Migration v1;
    v1.version = 1;
    v1.description = QStringLiteral("users, workspaces, members, roles, usage, grants, tokens, codes, inquiries");
    v1.sqlite = withEntries(QStringLiteral("CREATE TABLE usage_entries (id INTEGER PRIMARY KEY AUTOINCREMENT,") + columns);
    v1.postgres = withEntries(QStringLiteral("CREATE TABLE usage_entries (id BIGSERIAL PRIMARY KEY,") + columns);
    // The current cycle's usage as a running counter, so that a balance does
    // not sum the raw events of the cycle's partial first and last day.
    const QStringList counter{
        QStringLiteral("ALTER TABLE workspaces ADD COLUMN cycle_key_ms BIGINT"),
        QStringLiteral("ALTER TABLE workspaces ADD COLUMN cycle_used BIGINT NOT NULL DEFAULT 0"),
    };
    const Migration v2{2, QStringLiteral("per-cycle usage counter"), counter, counter};
    // A month's totals per member, project and activity, kept by every spend, so
    // that the month's history reads a few hundred rows instead of every roll-up
    // of the month (1,000 members: 240,000 rows, seconds with 16 readers).
    // month = the epoch day of the month's first day; kind m|p|a.
    const QString monthTable = QStringLiteral(
        "CREATE TABLE usage_month (workspace_id TEXT NOT NULL REFERENCES workspaces(id), month INTEGER NOT NULL, "
        "kind TEXT NOT NULL, key TEXT NOT NULL, credits BIGINT NOT NULL, PRIMARY KEY (workspace_id, month, kind, key))");
    const QString memberIndex = QStringLiteral("CREATE INDEX usage_rollup_member ON usage_rollup (workspace_id, member_id, day)");
    auto backfill = [](const QString &monthOfDay) {
        QStringList out;
        for (const auto &[kind, column] : {std::pair{"m", "member_id"}, std::pair{"p", "project"}, std::pair{"a", "activity"}})
            out << QStringLiteral("INSERT INTO usage_month (workspace_id, month, kind, key, credits) "
                                  "SELECT workspace_id, %1, '%2', %3, SUM(credits) FROM usage_rollup "
                                  "GROUP BY workspace_id, %1, %3").arg(monthOfDay, QLatin1String(kind), QLatin1String(column));
        return out;
    };
    Migration v3{3, QStringLiteral("month totals per member, project and activity"), {}, {}};
    v3.sqlite = QStringList{monthTable, memberIndex}
        + backfill(QStringLiteral("CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER)"));
    v3.postgres = QStringList{monthTable, memberIndex}
        + backfill(QStringLiteral("(date_trunc('month', to_timestamp(day * 86400) AT TIME ZONE 'UTC')::date - DATE '1970-01-01')"));
    // The sales inbox: an operator marks an inquiry handled (admin handle-inquiry).
    const QStringList handled{
        QStringLiteral("ALTER TABLE enterprise_inquiries ADD COLUMN handled_ms BIGINT"),
        QStringLiteral("ALTER TABLE enterprise_inquiries ADD COLUMN handled_note TEXT NOT NULL DEFAULT ''"),
    };
    const Migration v4{4, QStringLiteral("enterprise inquiries can be marked handled"), handled, handled};
    // The audit log (audit.h): append-only, no foreign key to members or users
    // (an entry outlives a removed member and keeps the e-mail as it was).
    const QString auditColumns = QStringLiteral(
        " workspace_id TEXT NOT NULL REFERENCES workspaces(id), at_ms BIGINT NOT NULL, actor_kind TEXT NOT NULL, "
        "actor_user_id TEXT NOT NULL DEFAULT '', actor_email TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL, "
        "target TEXT NOT NULL DEFAULT '', before_json TEXT NOT NULL DEFAULT '', after_json TEXT NOT NULL DEFAULT '')");
    const QStringList auditIndexes{
        QStringLiteral("CREATE INDEX audit_log_ws ON audit_log (workspace_id, id DESC)"),
        QStringLiteral("CREATE INDEX audit_log_ws_actor ON audit_log (workspace_id, actor_user_id, id DESC)"),
    };
    Migration v5{5, QStringLiteral("audit log"), {}, {}};
    v5.sqlite = QStringList{QStringLiteral("CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT,") + auditColumns}
        + auditIndexes;
    v5.postgres = QStringList{QStringLiteral("CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY,") + auditColumns}
        + auditIndexes;
    // SAML single sign-on: per-workspace settings, the AuthnRequests this server
    // made (single use), the assertion IDs seen (replay) and the SP's key pair.
    const QStringList sso{
        QStringLiteral("CREATE TABLE workspace_sso (workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id), "
                       "domain TEXT UNIQUE, domain_verified INTEGER NOT NULL DEFAULT 0, "
                       "idp_metadata TEXT NOT NULL DEFAULT '', idp_entity_id TEXT NOT NULL DEFAULT '', "
                       "enforced INTEGER NOT NULL DEFAULT 0, break_glass_user_id TEXT NOT NULL DEFAULT '', "
                       "default_role TEXT NOT NULL DEFAULT 'member', updated_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE saml_requests (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, "
                       "is_test INTEGER NOT NULL DEFAULT 0, client_id TEXT NOT NULL DEFAULT '', "
                       "redirect_uri TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT '', "
                       "code_challenge TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, "
                       "used INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE saml_assertions_seen (issuer TEXT NOT NULL, assertion_id TEXT NOT NULL, "
                       "expires_ms BIGINT NOT NULL, PRIMARY KEY (issuer, assertion_id))"),
        QStringLiteral("CREATE TABLE saml_sp_key (id TEXT PRIMARY KEY, private_key_pem TEXT NOT NULL, "
                       "certificate_pem TEXT NOT NULL, created_ms BIGINT NOT NULL)"),
    };
    const Migration v6{6, QStringLiteral("SAML single sign-on"), sso, sso};
    // Outgoing notifications (Store::queueNotification): written with what they
    // announce, sent at least once; the index serves "what is due".
    const QStringList outbox{
        QStringLiteral("CREATE TABLE notification_outbox (id TEXT PRIMARY KEY, type TEXT NOT NULL, body TEXT NOT NULL, "
                       "created_ms BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_ms BIGINT, "
                       "sent_ms BIGINT, gave_up INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_ms) WHERE next_attempt_ms IS NOT NULL"),
    };
    const Migration v7{7, QStringLiteral("outgoing notifications"), outbox, outbox};
    // Credit alerts already announced: one per workspace, scope, period and threshold.
    const QStringList alerts{QStringLiteral(
        "CREATE TABLE credit_alerts (workspace_id TEXT NOT NULL REFERENCES workspaces(id), scope TEXT NOT NULL, "
        "period_start_ms BIGINT NOT NULL, threshold INTEGER NOT NULL, created_ms BIGINT NOT NULL, "
        "PRIMARY KEY (workspace_id, scope, period_start_ms, threshold))")};
    const Migration v8{8, QStringLiteral("credit alerts announced"), alerts, alerts};
    // A member's credit limit per billing cycle (billing::MemberLimit); NULL = none.
    const QStringList limits{QStringLiteral("ALTER TABLE members ADD COLUMN credit_limit BIGINT")};
    const Migration v9{9, QStringLiteral("member credit limits"), limits, limits};
    return {v1, v2, v3, v4, v5, v6, v7, v8, v9};
}

} // namespace storage
