#include "spkey.h"

#include <QList>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace saml {

namespace {
template<typename T, void (*F)(T *)> struct Deleter { void operator()(T *p) const { F(p); } };
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}
} // namespace

std::optional<std::pair<QByteArray, QByteArray>> generateSpKeyPair()
{
    Key key(EVP_RSA_gen(2048));
    Cert cert(X509_new());
    if (!key || !cert)
        return std::nullopt;
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return std::nullopt;
    serial[0] &= 0x7f;   // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const bool ok = serialSet && X509_set_version(cert.get(), 2)
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0)
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), 20L * 365 * 24 * 3600)
        && X509_set_pubkey(cert.get(), key.get())
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>("kliv-billingd SAML SP"), -1, -1, 0)
        && X509_set_issuer_name(cert.get(), name) && X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    if (!ok)
        return std::nullopt;
    Bio keyBio(BIO_new(BIO_s_mem())), certBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certBio || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certBio.get(), cert.get()) != 1)
        return std::nullopt;
    return std::pair{bioBytes(keyBio.get()), bioBytes(certBio.get())};
}

QByteArray certificateBase64(const QByteArray &certificatePem)
{
    QByteArray b64;
    for (const QByteArray &line : certificatePem.split('\n')) {
        const QByteArray l = line.trimmed();
        if (!l.isEmpty() && !l.startsWith("-----"))
            b64 += l;
    }
    return b64;
}

} // namespace saml
