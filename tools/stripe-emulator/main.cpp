// stripe-emulator: a local Stripe that speaks the subset Kliv uses.
//   stripe-emulator --port P --data DIR --webhook-url URL --webhook-secret whsec_...
//                   [--plans FILE] [--host 127.0.0.1] [--payment-retries N]
//                   [--retry-interval-days D] [--after-retries unpaid|cancel]
//                   [--webhook-max-attempts N] [--running-clock]
#include "apiserver.h"
#include "catalog.h"
#include "engine.h"
#include "store.h"
#include "webhooksender.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUrl>
#include <cstdio>

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "stripe-emulator: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stripe-emulator"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local Stripe emulator for Kliv (test mode only)."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), "TCP port (0 = any free port).", "P", "12111");
    const QCommandLineOption host(QStringLiteral("host"), "Loopback address to bind.", "ADDR", "127.0.0.1");
    const QCommandLineOption data(QStringLiteral("data"), "Directory for the SQLite state.", "DIR");
    const QCommandLineOption plans(QStringLiteral("plans"), "The plan catalog (plans.json).", "FILE");
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"), "Where events are POSTed.", "URL");
    const QCommandLineOption webhookSecret(QStringLiteral("webhook-secret"), "Signing secret (whsec_...).", "SECRET");
    const QCommandLineOption retries(QStringLiteral("payment-retries"), "Extra charge attempts after a failed renewal.", "N", "2");
    const QCommandLineOption retryDays(QStringLiteral("retry-interval-days"), "Clock days between charge attempts.", "D", "3");
    const QCommandLineOption afterRetries(QStringLiteral("after-retries"), "Subscription state when retries run out: unpaid or cancel.", "STATE", "unpaid");
    const QCommandLineOption maxAttempts(QStringLiteral("webhook-max-attempts"), "Delivery attempts per event before giving up.", "N", "8");
    const QCommandLineOption runningClock(QStringLiteral("running-clock"),
                                          "A clock set through /_emulator/clock keeps running (as a dev server's does).");
    parser.addOptions({port, host, data, plans, webhookUrl, webhookSecret, retries, retryDays, afterRetries, maxAttempts,
                       runningClock});
    parser.process(app);

    bool ok = false;
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return fail("--port must be a number between 0 and 65535");
    const QHostAddress address(parser.value(host));
    if (!address.isLoopback())
        return fail("--host must be a loopback address: the emulator never listens on other interfaces");
    const QString secret = parser.value(webhookSecret);
    const QUrl hookUrl(parser.value(webhookUrl), QUrl::StrictMode);
    if (parser.isSet(webhookUrl) && (!hookUrl.isValid() || !hookUrl.scheme().startsWith("http")))
        return fail("--webhook-url must be an http(s) URL");
    if (parser.isSet(webhookUrl) && !secret.startsWith(QLatin1String("whsec_")))
        return fail("--webhook-secret whsec_... is required with --webhook-url");
    const QString after = parser.value(afterRetries);
    if (after != QLatin1String("unpaid") && after != QLatin1String("cancel"))
        return fail("--after-retries must be unpaid or cancel");

    QString plansFile = parser.value(plans);
    if (plansFile.isEmpty())
        plansFile = qEnvironmentVariable("KLIV_PLANS_FILE", QStringLiteral(KLIV_PLANS_FILE));
    QString error;
    Catalog catalog;
    if (!catalog.load(plansFile, &error))
        return fail(error);
    QString dataDir = parser.value(data);
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/stripe-emulator");
    Store store;
    if (!store.open(dataDir, &error))
        return fail(error);

    EngineOptions options;
    options.deliverWebhooks = parser.isSet(webhookUrl);
    options.paymentRetries = std::max(0, parser.value(retries).toInt());
    options.retryIntervalDays = std::max(1, parser.value(retryDays).toInt());
    options.cancelAfterRetries = after == QLatin1String("cancel");
    options.runningClock = parser.isSet(runningClock);
    Engine engine(store, catalog, options);
    std::unique_ptr<WebhookSender> sender;
    if (options.deliverWebhooks)
        sender = std::make_unique<WebhookSender>(store, hookUrl, secret.toUtf8(), std::max(1, parser.value(maxAttempts).toInt()));

    ApiServer server(engine, store, sender.get());
    const quint16 bound = server.listen(address, quint16(portNumber));
    if (bound == 0)
        return fail(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(portNumber));
    const QString base = QStringLiteral("http://%1:%2").arg(address.toString()).arg(bound);
    engine.setBaseUrl(base);
    std::printf("stripe-emulator listening on %s\n", qPrintable(base));
    std::fflush(stdout);
    if (sender)
        sender->kick(); // deliveries left over from the last run
    return app.exec();
}
