#include "serveroptions.h"
#include "storage/wirejson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QUrl>

namespace app {

static bool takeValue(const QStringList &args, int &i, QString *value, QString *error)
{
    const QString &opt = args.at(i);
    if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--"))) {
        *error = QStringLiteral("%1 needs a value").arg(opt);
        return false;
    }
    *value = args.at(++i);
    return true;
}

bool takeStorageOptions(QStringList *args, StorageOptions *out, QString *error)
{
    QStringList rest;
    for (int i = 0; i < args->size(); ++i) {
        const QString a = args->at(i);
        QString *target = nullptr;
        if (a == QLatin1String("--data"))
            target = &out->dataDir;
        else if (a == QLatin1String("--database"))
            target = &out->databaseUrl;
        else if (a == QLatin1String("--plans"))
            target = &out->plansFile;
        if (!target) {
            rest.append(a);
            continue;
        }
        if (!takeValue(*args, i, target, error))
            return false;
    }
    if (!out->databaseUrl.isEmpty() && !out->databaseUrl.startsWith(QLatin1String("postgresql://"))
        && !out->databaseUrl.startsWith(QLatin1String("postgres://"))) {
        *error = QStringLiteral("--database must be a postgresql:// URL");
        return false;
    }
    *args = rest;
    return true;
}

// Where the plan catalog is looked for without --plans (server/CMakeLists.txt
// defines these for this file): the installed one, next to the executable
// (BIN/../share/kliv: a package installs to a prefix of its own) or at the
// compiled-in prefix; the source tree's (`compiledPlansFile`) only for a
// binary inside its build tree, so an installed server never depends on where
// it was built.
static QString defaultPlansFile(const QString &compiledPlansFile)
{
    QStringList candidates;
    const QString binDir = QCoreApplication::applicationDirPath();
    if (!binDir.isEmpty())
        candidates.append(QDir(binDir).filePath(QStringLiteral(KLIV_PLANS_FROM_BINDIR)));
    candidates.append(QStringLiteral(KLIV_INSTALLED_PLANS_FILE));
    const QString buildTree = QFileInfo(QStringLiteral(KLIV_BUILD_TREE)).canonicalFilePath();
    const QString bin = QFileInfo(binDir).canonicalFilePath();
    if (!buildTree.isEmpty() && (bin == buildTree || bin.startsWith(buildTree + QLatin1Char('/'))))
        candidates.append(compiledPlansFile);
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo(c).isFile())
            return QDir::cleanPath(c);
    }
    return QDir::cleanPath(candidates.first());   // missing: the error names where it should be
}

void applyStorageDefaults(StorageOptions *s, const QString &compiledPlansFile)
{
    if (s->dataDir.isEmpty() && s->databaseUrl.isEmpty()) {
        QString base = qEnvironmentVariable("XDG_DATA_HOME");
        if (base.isEmpty())
            base = QDir::homePath() + QStringLiteral("/.local/share");
        s->dataDir = base + QStringLiteral("/kliv-billingd");
    }
    if (s->plansFile.isEmpty()) {
        s->plansFile = qEnvironmentVariable("KLIV_PLANS_FILE");
        if (s->plansFile.isEmpty())
            s->plansFile = defaultPlansFile(compiledPlansFile);
    }
}

bool parseServerOptions(const QStringList &argsIn, ServerOptions *out, QString *error)
{
    QStringList args = argsIn;
    if (!takeStorageOptions(&args, &out->storage, error))
        return false;
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        QString v;
        if (a == QLatin1String("--dev")) {
            out->dev = true;
        } else if (a == QLatin1String("--no-seed")) {
            out->noSeed = true;
        } else if (a == QLatin1String("--simulate-usage")) {
            out->simulateUsage = true;
        } else if (a == QLatin1String("--clock")) {
            if (!takeValue(args, i, &v, error))
                return false;
            out->clock = storage::fromRfc3339(v);
            if (!out->clock.isValid()) {
                *error = QStringLiteral("--clock needs an RFC 3339 instant, e.g. 2026-12-01T00:00:00Z");
                return false;
            }
        } else if (a == QLatin1String("--host")) {
            if (!takeValue(args, i, &out->host, error))
                return false;
        } else if (a == QLatin1String("--port")) {
            if (!takeValue(args, i, &v, error))
                return false;
            bool ok = false;
            out->port = v.toInt(&ok);
            if (!ok || out->port < 0 || out->port > 65535) {
                *error = QStringLiteral("--port needs a number from 0 to 65535");
                return false;
            }
        } else if (a == QLatin1String("--metrics-allow")) {
            if (!takeValue(args, i, &v, error))
                return false;
            out->metricsAllow.clear();
            for (const QString &entry : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString e = entry.trimmed();
                const auto net = QHostAddress::parseSubnet(e.contains(QLatin1Char('/')) ? e : e + (e.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32")));
                if (net.first.isNull()) {
                    *error = QStringLiteral("--metrics-allow needs addresses or prefixes such as 127.0.0.1,10.0.0.0/8, not %1").arg(e);
                    return false;
                }
                out->metricsAllow.append(e);
            }
        } else if (a == QLatin1String("--log-format")) {
            if (!takeValue(args, i, &v, error))
                return false;
            if (v != QLatin1String("text") && v != QLatin1String("json")) {
                *error = QStringLiteral("--log-format is text or json");
                return false;
            }
            out->jsonLog = v == QLatin1String("json");
        } else if (a == QLatin1String("--public-url")) {
            if (!takeValue(args, i, &out->publicUrl, error))
                return false;
            const QUrl u(out->publicUrl, QUrl::StrictMode);
            if (!u.isValid() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) || u.host().isEmpty()
                || u.hasQuery() || u.hasFragment()) {
                *error = QStringLiteral("--public-url needs an http(s) URL such as https://konto.kliv.se");
                return false;
            }
        } else if (a == QLatin1String("--token-ttl")) {
            if (!takeValue(args, i, &v, error))
                return false;
            bool ok = false;
            out->tokenTtl = v.toInt(&ok);
            if (!ok || out->tokenTtl < 1) {
                *error = QStringLiteral("--token-ttl needs a positive number of seconds");
                return false;
            }
        } else {
            *error = QStringLiteral("unknown option %1").arg(a);
            return false;
        }
    }
    if (out->clock.isValid() && !out->dev) {
        *error = QStringLiteral("--clock needs --dev");
        return false;
    }
    if (out->simulateUsage && !out->dev) {
        *error = QStringLiteral("--simulate-usage needs --dev");
        return false;
    }
    return true;
}

} // namespace app
