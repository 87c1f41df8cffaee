#include "serverconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace app {

namespace {

struct Key {
    const char *file;       // "section/key" in the INI file
    const char *env;        // environment variable (overrides the file)
    const char *option;     // the command-line option it becomes
};

// Everything the command line sets for a production server.
constexpr Key kKeys[] = {
    {"server/host", "KLIV_HOST", "--host"},
    {"server/port", "KLIV_PORT", "--port"},
    {"server/token_ttl", "KLIV_TOKEN_TTL", "--token-ttl"},
    {"server/log_format", "KLIV_LOG_FORMAT", "--log-format"},
    {"server/metrics_allow", "KLIV_METRICS_ALLOW", "--metrics-allow"},
    {"storage/data", "KLIV_DATA_DIR", "--data"},
    {"storage/database", "KLIV_DATABASE_URL", "--database"},
    {"storage/plans", "KLIV_PLANS_FILE", "--plans"},
};

// File keys that become environment variables (Stripe's and billing/* read by StripeConfig;
// notifications/* by main: the URL of the operator's webhook and its secret).
constexpr Key kEnvKeys[] = {
    {"stripe/secret_key_file", "STRIPE_SECRET_KEY_FILE", nullptr},
    {"stripe/webhook_secret_file", "STRIPE_WEBHOOK_SECRET_FILE", nullptr},
    {"stripe/api_base", "STRIPE_API_BASE", nullptr},
    {"billing/invoice_grace_days", "KLIV_INVOICE_GRACE_DAYS", nullptr},
    {"invoice/seller_name", "KLIV_INVOICE_SELLER_NAME", nullptr},
    {"invoice/org_number", "KLIV_INVOICE_ORG_NUMBER", nullptr},
    {"invoice/vat_number", "KLIV_INVOICE_VAT_NUMBER", nullptr},
    {"invoice/address", "KLIV_INVOICE_ADDRESS", nullptr},
    {"notifications/url", "KLIV_NOTIFY_URL", nullptr},
    {"notifications/secret_file", "KLIV_NOTIFY_SECRET_FILE", nullptr},
};

} // namespace

bool loadServerConfig(QStringList *args, QStringList *configArgs, QString *usedFile, QString *error)
{
    QString file;
    const int at = args->indexOf(QStringLiteral("--config"));
    if (at >= 0) {
        if (at + 1 >= args->size()) {
            *error = QStringLiteral("--config needs a file");
            return false;
        }
        file = args->at(at + 1);
        args->remove(at, 2);
    } else if (!qEnvironmentVariableIsEmpty("KLIV_BILLINGD_CONFIG")) {
        file = qEnvironmentVariable("KLIV_BILLINGD_CONFIG");
    } else if (QFileInfo(QString::fromLatin1(kDefaultConfigFile)).isFile()) {
        file = QString::fromLatin1(kDefaultConfigFile);
    }

    QStringList fromFile;
    if (!file.isEmpty()) {
        if (!QFileInfo(file).isReadable()) {
            *error = QStringLiteral("cannot read the configuration file %1").arg(file);
            return false;
        }
        QSettings ini(file, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError) {
            *error = QStringLiteral("%1 is not a valid configuration file (INI: [section] key = value)").arg(file);
            return false;
        }
        QStringList known;
        for (const Key &k : kKeys)
            known << QString::fromLatin1(k.file);
        for (const Key &k : kEnvKeys)
            known << QString::fromLatin1(k.file);
        for (const QString &key : ini.allKeys()) {
            if (!known.contains(key)) {
                *error = QStringLiteral("%1: unknown setting %2 (known: %3)").arg(file, key, known.join(QStringLiteral(", ")));
                return false;
            }
        }
        for (const Key &k : kKeys) {
            // "a, b" reads as a list in INI: the options take it comma-separated.
            const QVariant raw = ini.value(QString::fromLatin1(k.file));
            const QString v = (raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(',')) : raw.toString()).trimmed();
            if (!v.isEmpty() && qEnvironmentVariableIsEmpty(k.env))
                fromFile << QString::fromLatin1(k.option) << v;
        }
        for (const Key &k : kEnvKeys) {
            // An address "Storgatan 1, 111 22 Stockholm" reads as a list in INI: joined back.
            const QVariant raw = ini.value(QString::fromLatin1(k.file));
            const QString v = (raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QStringLiteral(", ")) : raw.toString()).trimmed();
            if (!v.isEmpty() && qEnvironmentVariableIsEmpty(k.env))
                qputenv(k.env, v.toUtf8());
        }
        *usedFile = file;
    }
    QStringList fromEnv;
    for (const Key &k : kKeys) {
        if (qstrcmp(k.env, "KLIV_PLANS_FILE") == 0)
            continue;   // read where the plans default is decided (applyStorageDefaults)
        if (!qEnvironmentVariableIsEmpty(k.env))
            fromEnv << QString::fromLatin1(k.option) << qEnvironmentVariable(k.env);
    }
    *configArgs = fromFile + fromEnv;
    return true;
}

QByteArray secretFromEnvironment(const char *name, QString *error)
{
    const QByteArray direct = qgetenv(name);
    if (!direct.isEmpty())
        return direct;
    const QByteArray fileVar = QByteArray(name) + "_FILE";
    const QString path = qEnvironmentVariable(fileVar.constData());
    if (path.isEmpty())
        return {};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read %2").arg(QString::fromLatin1(fileVar), path);
        return {};
    }
    return f.readAll().trimmed();
}

} // namespace app
