#pragma once
// The ServiceProvider on lasso. lasso's objects are not thread-safe: every
// call makes its own LassoServer (from the SP's and the IdP's metadata) and the
// calls into lasso are serialised (sign-ins are rare; the checks are short).
#include "serviceprovider.h"


namespace saml {

// lasso_init(), once per process (the constructor calls it; call it at start-up).
void initLasso();

class LassoServiceProvider : public ServiceProvider
{
public:
    LassoServiceProvider(QByteArray privateKeyPem, QByteArray certificatePem);

    QByteArray metadata(const SpEndpoints &sp) const override;
    std::optional<AuthnRequest> authnRequest(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                             const QString &relayState, QString *error) override;
    ResponseCheck checkResponse(const SpEndpoints &sp, const QByteArray &idpMetadata,
                                const QByteArray &samlResponseBase64, const QDateTime &now, int skewSecs) override;

private:
    QByteArray m_key;
    QByteArray m_cert;
};

} // namespace saml
