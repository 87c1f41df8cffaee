// SAML single sign-on: the workspaces' settings, the AuthnRequests this server
// made (single use), the assertion IDs seen (replay protection) and the SP key.
#include "store_p.h"

#include <algorithm>

namespace storage {

namespace {
const QString kSsoSelect = QStringLiteral(
    "SELECT workspace_id, COALESCE(domain, ''), domain_verified, idp_metadata, idp_entity_id, enforced, "
    "break_glass_user_id, default_role, updated_ms FROM workspace_sso ");

SsoSettings ssoFrom(const QSqlQuery &q)
{
    SsoSettings s;
    s.workspaceId = q.value(0).toString();
    s.domain = q.value(1).toString();
    s.domainVerified = q.value(2).toInt() != 0;
    s.idpMetadata = q.value(3).toString();
    s.idpEntityId = q.value(4).toString();
    s.enforced = q.value(5).toInt() != 0;
    s.breakGlassUserId = q.value(6).toString();
    s.defaultRole = q.value(7).toString();
    s.updatedAt = fromMs(q.value(8).toLongLong());
    return s;
}
} // namespace

std::optional<SsoSettings> Store::ssoSettings(const QString &workspaceId)
{
    QSqlQuery *q = d->exec(kSsoSelect + QStringLiteral("WHERE workspace_id = ?"), {workspaceId});
    if (!q || !q->next())
        return std::nullopt;
    const SsoSettings s = ssoFrom(*q);
    q->finish();
    return s;
}

std::optional<SsoSettings> Store::ssoByDomain(const QString &domain)
{
    const QString lower = domain.trimmed().toLower();
    if (lower.isEmpty())
        return std::nullopt;
    QSqlQuery *q = d->exec(kSsoSelect + QStringLiteral("WHERE domain = ?"), {lower});
    if (!q || !q->next())
        return std::nullopt;
    const SsoSettings s = ssoFrom(*q);
    q->finish();
    return s;
}

// What the audit log keeps of the settings (no metadata XML: its entity ID says which IdP).
static QJsonObject ssoAuditJson(const SsoSettings &s)
{
    return {{QStringLiteral("domain"), s.domain},
            {QStringLiteral("domain_verified"), s.domainVerified},
            {QStringLiteral("idp_entity_id"), s.idpEntityId},
            {QStringLiteral("enforced"), s.enforced},
            {QStringLiteral("break_glass_user_id"), s.breakGlassUserId},
            {QStringLiteral("default_role"), s.defaultRole}};
}

Store::SsoSave Store::saveSsoSettings(const SsoSettings &s, const Actor &actor)
{
    // Another workspace holding the domain: checked first, the UNIQUE index decides a race.
    const QString domain = s.domain.trimmed().toLower();
    if (!domain.isEmpty()) {
        const auto holder = d->scalar(QStringLiteral("SELECT workspace_id FROM workspace_sso WHERE domain = ?"), {domain});
        if (holder && holder->isValid() && !holder->isNull() && holder->toString() != s.workspaceId)
            return SsoSave::DomainTaken;
    }
    const QVariant domainValue = domain.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(domain);
    bool taken = false;
    const bool ok = transaction([&] {
        const auto before = ssoSettings(s.workspaceId);
        QSqlQuery *q = d->exec(
            QStringLiteral("INSERT INTO workspace_sso (workspace_id, domain, domain_verified, idp_metadata, idp_entity_id, enforced, "
                           "break_glass_user_id, default_role, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (workspace_id) DO UPDATE SET domain = excluded.domain, "
                           "domain_verified = excluded.domain_verified, idp_metadata = excluded.idp_metadata, "
                           "idp_entity_id = excluded.idp_entity_id, enforced = excluded.enforced, "
                           "break_glass_user_id = excluded.break_glass_user_id, default_role = excluded.default_role, "
                           "updated_ms = excluded.updated_ms"),
            {s.workspaceId, domainValue, s.domainVerified ? 1 : 0, s.idpMetadata, s.idpEntityId, s.enforced ? 1 : 0,
             s.breakGlassUserId, s.defaultRole, msOf(s.updatedAt)});
        if (!q) {
            taken = d->lastError.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
                || d->lastError.contains(QLatin1String("23505")) || d->lastError.contains(QLatin1String("duplicate key"));
            return false;
        }
        q->finish();
        // Recorded in the same transaction, when something the log keeps changed.
        SsoSettings after = s;
        after.domain = domain;
        const QJsonObject b = before ? ssoAuditJson(*before) : QJsonObject(), a = ssoAuditJson(after);
        return b == a || before.has_value() == false && !s.idpMetadata.isEmpty() == false && domain.isEmpty()
            || d->appendAudit(AuditEntry{0, s.workspaceId, {}, actor, QString::fromLatin1(audit::SsoSettingsChanged), domain, b, a});
    });
    if (ok)
        return SsoSave::Saved;
    return taken ? SsoSave::DomainTaken : SsoSave::Error;
}

bool Store::storeSamlRequest(const SamlRequest &r)
{
    return d->exec(QStringLiteral("INSERT INTO saml_requests (id, workspace_id, is_test, client_id, redirect_uri, state, "
                                  "code_challenge, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {r.id, r.workspaceId, r.test ? 1 : 0, r.clientId, r.redirectUri, r.state, r.codeChallenge,
                    msOf(r.createdAt), msOf(r.expiresAt)})
        != nullptr;
}

std::optional<SamlRequest> Store::consumeSamlRequest(const QString &id, const QString &workspaceId, const QDateTime &now)
{
    // Mark used and read back in one statement: of two racing answers only one gets the row.
    QSqlQuery *q = d->exec(QStringLiteral("UPDATE saml_requests SET used = 1 WHERE id = ? AND workspace_id = ? AND used = 0 "
                                          "RETURNING is_test, client_id, redirect_uri, state, code_challenge, created_ms, expires_ms"),
                           {id, workspaceId});
    if (!q || !q->next())
        return std::nullopt;
    SamlRequest r;
    r.id = id;
    r.workspaceId = workspaceId;
    r.test = q->value(0).toInt() != 0;
    r.clientId = q->value(1).toString();
    r.redirectUri = q->value(2).toString();
    r.state = q->value(3).toString();
    r.codeChallenge = q->value(4).toString();
    r.createdAt = fromMs(q->value(5).toLongLong());
    r.expiresAt = fromMs(q->value(6).toLongLong());
    q->finish();
    if (r.expiresAt <= now)
        return std::nullopt;
    return r;
}

bool Store::markAssertionSeen(const QString &issuer, const QString &assertionId, const QDateTime &expires, bool *replay)
{
    if (replay)
        *replay = false;
    QSqlQuery *q = d->exec(QStringLiteral("INSERT INTO saml_assertions_seen (issuer, assertion_id, expires_ms) VALUES (?, ?, ?) "
                                          "ON CONFLICT (issuer, assertion_id) DO NOTHING RETURNING assertion_id"),
                           {issuer, assertionId, msOf(expires)});
    if (!q)
        return false;
    const bool inserted = q->next();
    q->finish();
    if (!inserted && replay)
        *replay = true;
    return inserted;
}

int Store::pruneExpiredSaml(const QDateTime &now, int limit)
{
    QSqlQuery *requests = d->exec(QStringLiteral("DELETE FROM saml_requests WHERE id IN (SELECT id FROM saml_requests "
                                                 "WHERE used = 1 OR expires_ms <= ? LIMIT ?)"),
                                  {msOf(now), limit});
    if (!requests)
        return -1;
    const int a = requests->numRowsAffected();
    requests->finish();
    // Kept a day past their expiry: an assertion valid a little longer by the skew is still refused.
    QSqlQuery *seen = d->exec(QStringLiteral("DELETE FROM saml_assertions_seen WHERE (issuer, assertion_id) IN "
                                             "(SELECT issuer, assertion_id FROM saml_assertions_seen WHERE expires_ms <= ? LIMIT ?)"),
                              {msOf(now.addDays(-1)), limit});
    if (!seen)
        return -1;
    const int b = seen->numRowsAffected();
    seen->finish();
    return std::max(0, a) + std::max(0, b);
}

std::optional<std::pair<QByteArray, QByteArray>> Store::samlSpKey()
{
    QSqlQuery *q = d->exec(QStringLiteral("SELECT private_key_pem, certificate_pem FROM saml_sp_key WHERE id = 'sp'"));
    if (!q || !q->next())
        return std::nullopt;
    std::pair<QByteArray, QByteArray> out{q->value(0).toString().toLatin1(), q->value(1).toString().toLatin1()};
    q->finish();
    return out;
}

bool Store::storeSamlSpKeyIfMissing(const QByteArray &privateKeyPem, const QByteArray &certificatePem)
{
    QSqlQuery *q = d->exec(QStringLiteral("INSERT INTO saml_sp_key (id, private_key_pem, certificate_pem, created_ms) "
                                          "VALUES ('sp', ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
                           {QString::fromLatin1(privateKeyPem), QString::fromLatin1(certificatePem),
                            QDateTime::currentMSecsSinceEpoch()});
    if (!q)
        return false;
    q->finish();
    return true;
}

} // namespace storage
