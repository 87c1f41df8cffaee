#pragma once
// PaymentStack: the real kliv-billingd (through ServerFixture) wired to the real
// stripe-emulator, as in production: the server talks to the emulator's API
// (STRIPE_API_BASE, STRIPE_SECRET_KEY) and the emulator delivers signed webhooks
// to the server's /webhooks/stripe with one shared whsec_ secret.
//
//   PaymentStack stack;
//   QVERIFY2(stack.start(ServerFixture::utc("2026-12-10T09:00:00Z")), qPrintable(stack.errorString()));
//   stack.server().createWorkspace(...);  stack.server().setClock(...);   // the fixture as usual
//   stack.emulatorUrl();  stack.emulatorNow();  // the emulator's clock (GET /_emulator/clock)
#include "serverfixture.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class PaymentStack : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *SecretKey = "sk_test_kliv_e2e_stack";
    static constexpr const char *WebhookSecret = "whsec_kliv_e2e_stack";

    explicit PaymentStack(QObject *parent = nullptr);
    ~PaymentStack() override;

    static QString emulatorBinary();          // $KLIV_BUILD_DIR/tools/stripe-emulator/stripe-emulator
    static QString missingParts();            // "" when the server and the emulator are built

    bool start(const QDateTime &clock);
    void stop();
    ServerFixture &server() { return m_server; }
    QUrl emulatorUrl() const { return m_emulatorUrl; }
    QString errorString() const { return m_error; }
    QByteArray emulatorLog() const;

    // The emulator's own clock, read from its API: proves the server moved it.
    QDateTime emulatorNow();

private:
    bool startEmulator(quint16 serverPort);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_emulator;
    QUrl m_emulatorUrl;
    QString m_error;
};
