#pragma once
#include "requestmodel.h"

#include <QDateTime>
#include <QQmlEngine>
#include <QUrl>

// The workspace's SAML single sign-on (GET/PUT /v1/workspaces/{ws}/sso). The
// rows are what the customer's IT gives their IdP (the SP's entity ID, ACS URL
// and metadata URL, each copyable); the properties are the rest of the setup.
class SsoSettings : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool available READ available NOTIFY changed)        // Enterprise
    Q_PROPERTY(bool editable READ editable NOTIFY changed)          // available and the user is an owner
    Q_PROPERTY(QString spEntityId READ spEntityId NOTIFY changed)
    Q_PROPERTY(QString acsUrl READ acsUrl NOTIFY changed)
    Q_PROPERTY(QString metadataUrl READ metadataUrl NOTIFY changed)
    Q_PROPERTY(QString domain READ domain NOTIFY changed)
    Q_PROPERTY(bool domainVerified READ domainVerified NOTIFY changed)
    Q_PROPERTY(QString domainStatusText READ domainStatusText NOTIFY changed)
    Q_PROPERTY(bool hasIdp READ hasIdp NOTIFY changed)
    Q_PROPERTY(QString idpEntityId READ idpEntityId NOTIFY changed)
    Q_PROPERTY(QString idpSsoUrl READ idpSsoUrl NOTIFY changed)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY changed)
    Q_PROPERTY(QString certificateExpiryText READ certificateExpiryText NOTIFY changed)
    Q_PROPERTY(bool enforced READ enforced NOTIFY changed)
    Q_PROPERTY(QString breakGlassEmail READ breakGlassEmail NOTIFY changed)
    Q_PROPERTY(QString defaultRole READ defaultRole NOTIFY changed)
    Q_PROPERTY(bool canEnforce READ canEnforce NOTIFY changed)
    Q_PROPERTY(QString enforceBlockedReason READ enforceBlockedReason NOTIFY changed)
    Q_PROPERTY(QUrl testUrl READ testUrl NOTIFY changed)
    // The field a 422 named ("idp_metadata", "domain", ...) and its message.
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorFieldChanged)
    Q_PROPERTY(bool testOpenFailed READ testOpenFailed NOTIFY testOpenFailedChanged)
public:
    enum Roles { LabelRole = Qt::UserRole + 1, ValueRole, KeyRole };
    Q_ENUM(Roles)

    explicit SsoSettings(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_spRows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loaded() const { return m_loaded; }
    bool available() const { return m_available; }
    bool editable() const;
    QString spEntityId() const { return m_spEntityId; }
    QString acsUrl() const { return m_acsUrl; }
    QString metadataUrl() const { return m_metadataUrl; }
    QString domain() const { return m_domain; }
    bool domainVerified() const { return m_domainVerified; }
    QString domainStatusText() const;
    bool hasIdp() const { return !m_idpEntityId.isEmpty(); }
    QString idpEntityId() const { return m_idpEntityId; }
    QString idpSsoUrl() const { return m_idpSsoUrl; }
    QString certificateFingerprint() const;
    QString certificateExpiryText() const;
    bool enforced() const { return m_enforced; }
    QString breakGlassEmail() const { return m_breakGlassEmail; }
    QString defaultRole() const { return m_defaultRole; }
    bool canEnforce() const;
    QString enforceBlockedReason() const;
    QUrl testUrl() const { return m_testUrl; }
    QString errorField() const { return m_errorField; }
    bool testOpenFailed() const { return m_testOpenFailed; }

    Q_INVOKABLE void reload();
    // Reads the XML file (a FileDialog's file:// URL) and sends it as idp_metadata.
    Q_INVOKABLE bool uploadMetadata(const QUrl &file);
    Q_INVOKABLE void setIdpMetadata(const QString &xml);
    Q_INVOKABLE void setDomain(const QString &domain);
    Q_INVOKABLE void setDefaultRole(const QString &role);
    Q_INVOKABLE void setEnforced(bool enforced, const QString &breakGlassEmail);
    // Opens test_url in the browser; false (and testOpenFailed) when the system could not.
    Q_INVOKABLE bool openTest();

Q_SIGNALS:
    void changed();
    void errorFieldChanged();
    void testOpenFailedChanged();
    void saved();

private:
    void apply(const QJsonObject &o);
    void put(const QJsonObject &changes);
    void setErrorField(const QString &field);

    struct SpRow { QString key, label, value; };
    QList<SpRow> m_spRows;
    bool m_loaded = false;
    bool m_available = false;
    QString m_spEntityId, m_acsUrl, m_metadataUrl, m_domain, m_idpEntityId, m_idpSsoUrl, m_certificateSha256;
    QDateTime m_certificateNotAfter;
    bool m_domainVerified = false;
    bool m_enforced = false;
    QString m_breakGlassEmail;
    QString m_defaultRole;
    QUrl m_testUrl;
    QString m_errorField;
    bool m_testOpenFailed = false;
};
