#pragma once
// The server's command line (BRIEF.md, "The server's command line").
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace app {

struct StorageOptions {
    QString dataDir;       // SQLite: DIR/kliv.sqlite (default $XDG_DATA_HOME/kliv-billingd)
    QString databaseUrl;   // postgresql://user@host:port/db; wins over dataDir when set
    QString plansFile;
};

struct ServerOptions {
    bool dev = false;
    bool noSeed = false;
    QDateTime clock;       // dev only: frozen start instant
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;
    StorageOptions storage;
    bool simulateUsage = false;
    int tokenTtl = 3600;
    QStringList metricsAllow;   // empty: loopback only
    bool jsonLog = false;
    QString publicUrl;          // --public-url: how browsers and IdPs reach the server (SAML)
};

// Parses the arguments after the program name. Returns false and sets *error
// on an unknown option, a missing value or a bad value.
bool parseServerOptions(const QStringList &args, ServerOptions *out, QString *error);

// Takes --data/--database/--plans out of `args` (used by `admin`), leaving the rest.
bool takeStorageOptions(QStringList *args, StorageOptions *out, QString *error);

// Defaults: --data from XDG, --plans from env KLIV_PLANS_FILE or the compiled-in path.
void applyStorageDefaults(StorageOptions *s, const QString &compiledPlansFile);


} // namespace app
