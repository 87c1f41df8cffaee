#include "ssosettings.h"

#include "format.h"
#include "logging.h"
#include "membermodel.h"
#include "session.h"

#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QTimer>

SsoSettings::SsoSettings(QObject *parent)
    : RequestModel(parent)
{
    connect(Session::instance(), &Session::workspaceReady, this, &SsoSettings::reload);
    connect(Session::instance(), &Session::currentWorkspaceIdChanged, this, [this] {
        apply({});   // nothing of the previous workspace stays on screen
        setErrorField({});
    });
    QTimer::singleShot(0, this, &SsoSettings::reload);
}

void SsoSettings::reload()
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"GET", s->workspacePath(QStringLiteral("/sso"))}, CurrentWorkspace,
        [this](const ApiResult &r) { apply(r.object()); });
}

void SsoSettings::apply(const QJsonObject &o)
{
    const QJsonObject sp = o.value(QLatin1String("sp")).toObject();
    const QJsonObject idp = o.value(QLatin1String("idp")).toObject();   // null: {}
    m_loaded = !o.isEmpty();
    m_available = o.value(QLatin1String("available")).toBool();
    m_spEntityId = sp.value(QLatin1String("entity_id")).toString();
    m_acsUrl = sp.value(QLatin1String("acs_url")).toString();
    m_metadataUrl = sp.value(QLatin1String("metadata_url")).toString();
    m_domain = o.value(QLatin1String("domain")).toString();
    m_domainVerified = o.value(QLatin1String("domain_verified")).toBool();
    m_idpEntityId = idp.value(QLatin1String("entity_id")).toString();
    m_idpSsoUrl = idp.value(QLatin1String("sso_url")).toString();
    m_certificateSha256 = idp.value(QLatin1String("certificate_sha256")).toString();
    m_certificateNotAfter = Format::parseInstant(idp.value(QLatin1String("certificate_not_after")).toString());
    m_enforced = o.value(QLatin1String("enforced")).toBool();
    m_breakGlassEmail = o.value(QLatin1String("break_glass_email")).toString();
    m_defaultRole = o.value(QLatin1String("default_role")).toString(QStringLiteral("member"));
    m_testUrl = QUrl(o.value(QLatin1String("test_url")).toString());

    beginResetModel();
    m_spRows.clear();
    if (m_loaded)
        m_spRows = {{QStringLiteral("entity_id"), tr("Entity ID (SP)"), m_spEntityId},
                    {QStringLiteral("acs_url"), tr("ACS-URL (Assertion Consumer Service)"), m_acsUrl},
                    {QStringLiteral("metadata_url"), tr("Metadata-URL"), m_metadataUrl}};
    endResetModel();
    Q_EMIT changed();
}

bool SsoSettings::editable() const
{
    return m_available && Session::instance()->role() == QLatin1String("owner");
}

QString SsoSettings::domainStatusText() const
{
    if (m_domain.isEmpty())
        return tr("Ingen domän angiven.");
    return m_domainVerified ? tr("Verifierad") : tr("Väntar på verifiering av Kliv");
}

QString SsoSettings::certificateFingerprint() const
{
    // SHA-256 as pairs of upper-case hex digits, the way IdP consoles show it.
    QString hex = m_certificateSha256;
    hex.remove(QLatin1Char(':'));
    hex = hex.toUpper();
    QStringList pairs;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2);
    return pairs.join(QLatin1Char(':'));
}

QString SsoSettings::certificateExpiryText() const
{
    return m_certificateNotAfter.isValid() ? Format::date(m_certificateNotAfter) : QString();
}

bool SsoSettings::canEnforce() const
{
    return editable() && hasIdp() && !m_domain.isEmpty() && m_domainVerified;
}

QString SsoSettings::enforceBlockedReason() const
{
    if (!m_available)
        return tr("Single sign-on ingår i Enterprise.");
    if (!editable())
        return tr("Bara ägare kan ändra inställningarna för single sign-on.");
    if (!hasIdp())
        return tr("Ladda upp IdP-metadata först.");
    if (m_domain.isEmpty())
        return tr("Ange domänen först.");
    if (!m_domainVerified)
        return tr("Domänen måste vara verifierad av Kliv innan SSO kan krävas.");
    return {};
}

void SsoSettings::setErrorField(const QString &field)
{
    if (field == m_errorField)
        return;
    m_errorField = field;
    Q_EMIT errorFieldChanged();
}

void SsoSettings::put(const QJsonObject &changes)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    setErrorField({});
    run({"PUT", s->workspacePath(QStringLiteral("/sso")), {}, changes}, AnyWorkspace,
        [this](const ApiResult &r) {
            apply(r.object());
            Q_EMIT saved();
        },
        [this](const ApiResult &r) {
            // 422 names the field ("field", or the first of "fields"); 409: another workspace holds the domain.
            const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
            QString field = err.value(QLatin1String("field")).toString();
            if (field.isEmpty())
                field = err.value(QLatin1String("fields")).toArray().first().toObject().value(QLatin1String("field")).toString();
            if (r.status == 409) {
                field = QStringLiteral("domain");
                setError(tr("Domänen används redan av en annan arbetsyta i Kliv."));
            } else if ((r.status == 422 || r.status == 400) && field == QLatin1String("idp_metadata")) {
                setError(tr("Filen är inte giltig IdP-metadata för SAML 2.0 (en EntityDescriptor med "
                            "IDPSSODescriptor och ett signeringscertifikat)."));
            }
            qCInfo(lcModels).noquote() << "sso settings refused:" << r.status << field << r.error.serverMessage;
            setErrorField(field);
        });
}

bool SsoSettings::uploadMetadata(const QUrl &file)
{
    QFile f(file.isLocalFile() ? file.toLocalFile() : file.toString());
    // Metadata is a few kB; a limit keeps a wrong pick (a video) out of memory.
    constexpr qint64 kMaxBytes = 1024 * 1024;
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxBytes) {
        setErrorField(QStringLiteral("idp_metadata"));
        setError(f.isOpen() ? tr("Filen är för stor för att vara IdP-metadata.") : tr("Filen kunde inte läsas."));
        return false;
    }
    setIdpMetadata(QString::fromUtf8(f.readAll()));
    return true;
}

void SsoSettings::setIdpMetadata(const QString &xml) { put({{QStringLiteral("idp_metadata"), xml}}); }
void SsoSettings::setDomain(const QString &domain) { put({{QStringLiteral("domain"), domain.trimmed().toLower()}}); }
void SsoSettings::setDefaultRole(const QString &role) { put({{QStringLiteral("default_role"), role}}); }

void SsoSettings::setEnforced(bool enforced, const QString &breakGlassEmail)
{
    QJsonObject changes{{QStringLiteral("enforced"), enforced}};
    if (enforced || !breakGlassEmail.trimmed().isEmpty())
        changes.insert(QStringLiteral("break_glass_email"), breakGlassEmail.trimmed());
    put(changes);
}

bool SsoSettings::openTest()
{
    const bool opened = m_testUrl.isValid() && !m_testUrl.isEmpty() && QDesktopServices::openUrl(m_testUrl);
    if (opened != !m_testOpenFailed) {
        m_testOpenFailed = !opened;
        Q_EMIT testOpenFailedChanged();
    }
    return opened;
}

QVariant SsoSettings::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SpRow &r = m_spRows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole: return r.label;
    case ValueRole: return r.value;
    case KeyRole: return r.key;
    }
    return {};
}

QHash<int, QByteArray> SsoSettings::roleNames() const
{
    return {{LabelRole, "label"}, {ValueRole, "value"}, {KeyRole, "key"}};
}
