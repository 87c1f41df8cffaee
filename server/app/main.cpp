// kliv-billingd: the billing server, and `kliv-billingd admin ...` operator commands.
#include "admincommands.h"
#include "storage/devclock.h"
#include "bootstrap.h"
#include "demoseed.h"
#include "httpserver.h"
#include "livehub.h"
#include "reply.h"
#include "serverconfig.h"
#include "serveroptions.h"
#include "storethread.h"
#include "service/notifier.h"
#include "shutdownsignal.h"
#ifdef KLIV_HAVE_STRIPE
#include "stripe/stripepaymentprovider.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <cstdio>

#ifndef KLIV_PLANS_FILE
#define KLIV_PLANS_FILE ""
#endif

static void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

static int fatal(const QString &message)
{
    std::fprintf(stderr, "kliv-billingd: %s\n", qPrintable(message));
    return 1;
}

#ifdef KLIV_HAVE_STRIPE
// Stripe from the environment; the secrets may come from files (STRIPE_SECRET_KEY_FILE,
// ..._FILE), so they sit neither in the unit, the configuration nor the process list.
static std::optional<stripe::StripeConfig> stripeConfigFromEnvironment(QString *error)
{
    stripe::StripeConfig config = stripe::StripeConfig::fromEnvironment(error);
    config.secretKey = app::secretFromEnvironment("STRIPE_SECRET_KEY", error);
    config.webhookSecret = app::secretFromEnvironment("STRIPE_WEBHOOK_SECRET", error);
    if (!error->isEmpty())
        return std::nullopt;
    return config;
}

// admin set-plan --price: the invoiced subscription, through Stripe.
static app::InvoicedPlanStarter invoicedPlanStarter(const stripe::StripeConfig &config)
{
    return [config](storage::Store *store, const billing::PlanCatalog &catalog, const app::InvoicedPlanRequest &req,
                    app::InvoicingError *error) {
        stripe::InvoicedPlan plan;
        plan.price = req.price;
        plan.interval = req.interval;
        plan.daysUntilDue = req.invoiceDays;
        plan.credits = req.credits;
        plan.productName = QStringLiteral("Kliv Enterprise – %1").arg(req.workspaceName);
        http::ProviderError e;
        const QJsonObject out = stripe::StripePaymentProvider::startInvoicedPlanNow(
            config, store, catalog, req.now, {req.workspaceId, req.workspaceName, req.ownerEmail}, plan, &e);
        if (!e.ok())
            *error = {e.code, e.message};
        return out;
    };
}
#endif

static const char Usage[] =
    "usage: kliv-billingd [--dev] [--no-seed] [--clock RFC3339] [--simulate-usage]\n"
    "                     [--host 127.0.0.1] [--port P] [--data DIR | --database postgresql://...]\n"
    "                     [--plans FILE] [--token-ttl SECONDS] [--config FILE]\n"
    "                     [--metrics-allow ADDR[/BITS],...] [--log-format text|json] [--public-url URL]\n"
    "       kliv-billingd admin COMMAND [--data DIR | --database URL] ...\n"
    "\n"
    "  --config FILE    settings file (default $KLIV_BILLINGD_CONFIG, else /etc/kliv/billingd.conf)\n"
    "  --port 0         pick a free port (printed as 'kliv-billingd listening on URL')\n"
    "  --data DIR       SQLite database in DIR (default: $XDG_DATA_HOME/kliv-billingd)\n"
    "  --database URL   PostgreSQL, for several instances sharing one database\n"
    "  --dev            development mode: demo seed, POST /v1/dev/clock, /v1/dev/seed\n"
    "  --clock T        (dev) start the clock at T, frozen until POST /v1/dev/clock\n"
    "  --simulate-usage (dev) spend a demo credit every few seconds\n"
    "  --public-url URL how browsers and IdPs reach the server (SAML SSO), default http://HOST:PORT\n"
    "\n"
    "admin commands (each prints JSON): create-workspace --name N --owner-email E [--plan free],\n"
    "  add-member --workspace W --email E [--role R], issue-token --user E [--ttl S] | --service,\n"
    "  set-plan --workspace W --plan ID [--credits N]\n"
    "    [--price ORE --interval month|year --invoice-days D [--inquiry ID]] (invoiced through Stripe),\n"
    "  grant --workspace W --credits N,\n"
    "  set-password --user E --password P,\n"
    "  set-sso WS [--metadata FILE] [--domain D] [--verify-domain] [--enforce on|off] [--break-glass EMAIL]\n"
    "    [--default-role R], show-sso WS (SAML single sign-on of a workspace),\n"
    "  inquiries [--all], show-inquiry --id I, handle-inquiry --id I [--note TEXT] (the sales inbox),\n"
    "  backup --to FILE (SQLite: a consistent copy while the server runs),\n"
    "  restore --from FILE (SQLite, server stopped: the old database is kept beside it)\n"
    "\n"
    "Stripe: set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and optionally STRIPE_API_BASE.\n";

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kliv-billingd"));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"));
    const QString compiledPlans = QStringLiteral(KLIV_PLANS_FILE);

    QStringList args = app.arguments().mid(1);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(Usage, stdout);
        return 0;
    }
    const bool admin = !args.isEmpty() && args.first() == QLatin1String("admin");
    if (admin)
        args.removeFirst();
    // The configuration file and environment come first: the command line wins.
    QStringList configArgs;
    QString configFile, error;
    const auto adminFailure = [](const QString &message) {
        printLine(QJsonDocument(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("bad_request")},
                                                                                  {QStringLiteral("message"), message}}}})
                      .toJson(QJsonDocument::Compact));
        return 1;
    };
    if (!app::loadServerConfig(&args, &configArgs, &configFile, &error)) {
        if (admin)
            return adminFailure(error);
        fatal(error);
        return 2;
    }
    if (admin) {
        // Operator commands take only where the data is from the configuration.
        QStringList storageArgs;
        for (int i = 0; i + 1 < configArgs.size(); i += 2) {
            if (configArgs.at(i) == QLatin1String("--data") || configArgs.at(i) == QLatin1String("--database")
                || configArgs.at(i) == QLatin1String("--plans"))
                storageArgs << configArgs.at(i) << configArgs.at(i + 1);
        }
        QJsonObject out;
        app::InvoicedPlanStarter invoicing;
#ifdef KLIV_HAVE_STRIPE
        const auto stripeConfig = stripeConfigFromEnvironment(&error);
        if (!stripeConfig)
            return adminFailure(error);
        if (stripeConfig->enabled()) {
            stripe::StripePaymentProvider::registerMigrations();
            invoicing = invoicedPlanStarter(*stripeConfig);
        }
#endif
        const int rc = app::runAdminCommand(storageArgs + args, compiledPlans, &out, invoicing);
        printLine(QJsonDocument(out).toJson(QJsonDocument::Compact));
        return rc;
    }

    app::ServerOptions opts;
    if (!configFile.isEmpty())
        std::fprintf(stderr, "kliv-billingd: configuration from %s\n", qPrintable(configFile));
    if (!app::parseServerOptions(configArgs + args, &opts, &error)) {
        fatal(error);
        return 2;
    }
    app::applyStorageDefaults(&opts.storage, compiledPlans);
    const auto catalog = app::loadCatalog(opts.storage.plansFile, &error);
    if (!catalog)
        return fatal(error);
#ifdef KLIV_HAVE_STRIPE
    // Stripe: only with a secret key; its tables are migrated with the store's.
    const auto stripeFromEnvironment = stripeConfigFromEnvironment(&error);
    if (!stripeFromEnvironment)
        return fatal(error);
    const stripe::StripeConfig stripeConfig = *stripeFromEnvironment;
    if (stripeConfig.enabled())
        stripe::StripePaymentProvider::registerMigrations();
#endif
    storage::registerDevClockMigrations();
    // One server per SQLite data directory; `admin restore` needs it stopped.
    std::unique_ptr<QLockFile> dataLock;
    if (opts.storage.databaseUrl.isEmpty()) {
        QDir().mkpath(opts.storage.dataDir);
        dataLock = app::lockDataDir(opts.storage.dataDir, &error);
        if (!dataLock)
            return fatal(error);
    }
    const auto store = app::openStore(opts.storage, &error);
    if (!store)
        return fatal(QStringLiteral("cannot open the database: %1").arg(error));

    billing::SystemClock systemClock;
    std::unique_ptr<billing::ManualClock> devClock;
    billing::Clock *clock = &systemClock;
    if (opts.dev) {
        // --clock starts frozen at that instant; otherwise the clock resumes where
        // the last run left it (never behind the wall clock unless it was frozen).
        bool frozen = opts.clock.isValid();
        QDateTime start = opts.clock;
        if (!start.isValid()) {
            const auto stored = storage::loadDevClockNow(store.get(), &frozen);
            const QDateTime wall = QDateTime::currentDateTimeUtc();
            start = stored && (frozen || *stored > wall) ? *stored : wall;
        }
        devClock = std::make_unique<billing::ManualClock>(start);
        devClock->setFrozen(frozen);
        storage::saveDevClock(store.get(), *devClock, frozen);
        clock = devClock.get();
    }

    http::HttpServer::Config config;
    config.dev = opts.dev;
    config.tokenTtl = opts.tokenTtl;
    config.publicUrl = QUrl(opts.publicUrl);
    if (!opts.metricsAllow.isEmpty())
        config.metricsAllow = opts.metricsAllow;
    http::Reply::setJsonLog(opts.jsonLog);
    http::HttpServer server(store.get(), &*catalog, clock, devClock.get(), config);
    const QHostAddress host(opts.host);
    if (host.isNull())
        return fatal(QStringLiteral("--host needs an IP address, not %1").arg(opts.host));
    const quint16 port = server.listenOn(host, quint16(opts.port));
    if (port == 0)
        return fatal(QStringLiteral("cannot listen on %1:%2").arg(opts.host).arg(opts.port));
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(opts.host) : opts.host;
    printLine(QStringLiteral("kliv-billingd listening on http://%1:%2").arg(hostText).arg(port).toUtf8());

#ifdef KLIV_HAVE_STRIPE
    // Declared before it is used and destroyed after the server has stopped:
    // the provider lives (and is destroyed) on its own thread.
    app::StoreThread payments(QStringLiteral("payments"));
    if (stripeConfig.enabled()) {
        stripe::StripeConfig c = stripeConfig;
        c.publicBase = QUrl(QStringLiteral("http://%1:%2").arg(hostText).arg(port));   // Checkout/Portal return pages
        const billing::PlanCatalog &plans = *catalog;
        QObject *made = payments.start(*store, [&](storage::Store *own) -> QObject * {
            server.liveHub()->watch(own);   // its commits are announced like every other Store's
            return new stripe::StripePaymentProvider(c, own, plans, *clock);
        }, &error);
        auto *provider = qobject_cast<stripe::StripePaymentProvider *>(made);
        if (!provider)
            return fatal(QStringLiteral("cannot start the payment provider: %1").arg(error));
        server.setPaymentProvider(provider);
        if (opts.dev) {   // one clock drives both: the emulator starts at ours
            const QDateTime now = clock->now();
            QMetaObject::invokeMethod(provider, [provider, now] { provider->clockMoved(now); });
        }
    }
#endif

    // Outgoing notifications (sales inquiries): only with a URL, and then only signed.
    app::StoreThread notifications(QStringLiteral("notifications"));
    const QUrl notifyUrl(qEnvironmentVariable("KLIV_NOTIFY_URL"), QUrl::StrictMode);
    if (!notifyUrl.isEmpty()) {
        if (!notifyUrl.isValid() || (notifyUrl.scheme() != QLatin1String("https") && notifyUrl.scheme() != QLatin1String("http")))
            return fatal(QStringLiteral("KLIV_NOTIFY_URL must be an http(s) URL"));
        service::Notifier::Config nc;
        nc.url = notifyUrl;
        if (const int first = qEnvironmentVariableIntValue("KLIV_NOTIFY_RETRY_SECS"); first > 0)
            nc.firstRetrySecs = first;   // the first retry's wait (default 5 s, doubling to an hour)
        QString secretError;
        nc.secret = app::secretFromEnvironment("KLIV_NOTIFY_SECRET", &secretError);
        if (!secretError.isEmpty())
            return fatal(secretError);
        if (nc.secret.size() < 16)
            return fatal(QStringLiteral("KLIV_NOTIFY_URL needs KLIV_NOTIFY_SECRET (or _FILE) of at least 16 bytes to sign with"));
        storage::Store::setNotificationsEnabled(true);
        if (!notifications.start(*store, [&](storage::Store *own) -> QObject * { return new service::Notifier(nc, own); }, &error))
            return fatal(QStringLiteral("cannot start the notifier: %1").arg(error));
        printLine(QStringLiteral("notifications to %1").arg(notifyUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)).toUtf8());
    }

    if (opts.dev) {
        server.context().seedDemo = [&server](QString *error) -> std::optional<QString> {
            const auto seed = app::seedDemo(server.context(), error);
            return seed ? std::optional<QString>(seed->workspaceId) : std::nullopt;
        };
    }
    std::unique_ptr<app::UsageSimulator> simulator;
    if (opts.dev && !opts.noSeed) {
        const auto seed = app::seedDemo(server.context(), &error);
        if (!seed)
            return fatal(QStringLiteral("demo seed failed: %1").arg(error));
        printLine(QStringLiteral("demo workspace \"%1\": %2").arg(app::demoWorkspaceName(), seed->workspaceId).toUtf8());
        printLine(QStringLiteral("demo workspace \"%1\" (the owner's, on Free): %2")
                      .arg(app::studioWorkspaceName(), seed->studioWorkspaceId).toUtf8());
        printLine(QStringLiteral("demo workspace \"%1\" (the owner's, on Enterprise with custom roles): %2")
                      .arg(app::enterpriseWorkspaceName(), seed->enterpriseWorkspaceId).toUtf8());
        for (const auto &a : seed->accounts)
            printLine(QStringLiteral("demo %1: %2 / %3").arg(a.role, a.email, a.password).toUtf8());
        if (opts.simulateUsage)
            simulator = std::make_unique<app::UsageSimulator>(&server.context(), *seed);
    }
    // SIGTERM: stop accepting, answer what is in flight, record what is queued,
    // close the databases; then exit 0. A second signal exits at once.
    app::ShutdownSignal shutdown;
    bool stopping = false;
    QObject::connect(&shutdown, &app::ShutdownSignal::requested, &server, [&](int number) {
        if (stopping) {
            std::fprintf(stderr, "kliv-billingd: signal %d again, exiting now\n", number);
            std::_Exit(1);
        }
        stopping = true;
        std::fprintf(stderr, "kliv-billingd: signal %d, stopping gracefully\n", number);
        simulator.reset();
        server.shutdown(10000);
    });
    QObject::connect(&server, &http::HttpServer::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
