// The balance's forecast (docs/billing-rules.md, "Forecast") through GET
// .../balance against the real server and the dev clock: spending over a few
// days moves the date the credits run out. SQLite and PostgreSQL rows.
#include "apitest.h"

#include <QNetworkRequest>
#include <QWebSocket>

using apitest::at;

class Forecast : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner, m_service;
    int m_key = 0;

    QJsonObject forecast()
    {
        const QJsonObject b = fx->balance(m_ws.id, m_owner);
        return b.value(QLatin1String("forecast")).toObject();
    }

    bool setUp(const char *start)
    {
        if (!fx->setClock(at(start)))
            return false;
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_service = fx->issueServiceToken();
        return m_ws.isValid() && !m_owner.isEmpty() && !m_service.isEmpty();
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void paidForecastMovesWithThePace()
    {
        KLIV_START(fx, at("2026-12-01T08:00:00Z"));
        QVERIFY2(setUp("2026-12-01T08:00:00Z"), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("pro-100")).isEmpty(), qPrintable(fx->errorString()));

        // No usage yet: the 100 last until the reset.
        QJsonObject f = forecast();
        QVERIFY(f.value(QLatin1String("lasts_until_reset")).toBool());
        QVERIFY(f.value(QLatin1String("runs_out_at")).isNull());
        QCOMPARE(apitest::instant(f.value(QLatin1String("reset_at"))), at("2027-01-01T08:00:00Z"));
        QCOMPARE(f.value(QLatin1String("window_days")).toInt(), 1);
        QCOMPARE(f.value(QLatin1String("daily_rate")).toInt(), 0);
        QVERIFY(f.value(QLatin1String("month")).isNull());

        // A burst on the first day: 20 a day, the 80 left last 4 days.
        KLIV_CLOCK("2026-12-01T10:00:00Z");
        KLIV_SPEND_OK(20);
        f = forecast();
        QVERIFY(!f.value(QLatin1String("lasts_until_reset")).toBool());
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-05T10:00:00Z"));
        QCOMPARE(f.value(QLatin1String("window_used")).toInt(), 20);

        // Slower: 30 over 3 days, the 70 left last 7 days.
        KLIV_CLOCK("2026-12-03T10:00:00Z");
        KLIV_SPEND_OK(10);
        f = forecast();
        QCOMPARE(f.value(QLatin1String("window_start")).toString(), QStringLiteral("2026-12-01"));
        QCOMPARE(f.value(QLatin1String("window_days")).toInt(), 3);
        QCOMPARE(f.value(QLatin1String("daily_rate")).toInt(), 10);
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-10T10:00:00Z"));

        // Faster again: 80 over 4 days, the 20 left last one day.
        KLIV_CLOCK("2026-12-04T10:00:00Z");
        KLIV_SPEND_OK(50);
        f = forecast();
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-05T10:00:00Z"));

        // Five quiet days: the window is 12-02..12-09 (from the day roll-ups),
        // 60 over 8 days; the 20 left last 2 2/3 days.
        KLIV_CLOCK("2026-12-09T10:00:00Z");
        f = forecast();
        QCOMPARE(f.value(QLatin1String("window_start")).toString(), QStringLiteral("2026-12-02"));
        QCOMPARE(f.value(QLatin1String("window_days")).toInt(), 8);
        QCOMPARE(f.value(QLatin1String("window_used")).toInt(), 60);
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-12T02:00:00Z"));

        // Once the spending days leave the window, the rest lasts until the reset.
        KLIV_CLOCK("2026-12-12T10:00:00Z");
        f = forecast();
        QCOMPARE(f.value(QLatin1String("window_used")).toInt(), 0);
        QVERIFY(f.value(QLatin1String("lasts_until_reset")).toBool());
    }

    // The live channel's hello and the balance after a spend carry it too.
    void liveMessagesCarryTheForecast()
    {
        KLIV_START(fx, at("2026-12-01T08:00:00Z"));
        QVERIFY2(setUp("2026-12-01T08:00:00Z"), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("pro-100")).isEmpty(), qPrintable(fx->errorString()));
        QList<QJsonObject> messages;
        QWebSocket socket;
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&](const QString &m) { messages.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
        QUrl url = fx->baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/workspaces/%1/live").arg(m_ws.id));
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + m_owner.toUtf8());
        socket.open(req);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
        QCOMPARE(messages.first()[QLatin1String("type")].toString(), QStringLiteral("hello"));
        QVERIFY(messages.first()[QLatin1String("data")][QLatin1String("forecast")][QLatin1String("lasts_until_reset")].toBool());

        KLIV_CLOCK("2026-12-01T10:00:00Z");
        const HttpReply spent = fx->spend(m_ws.id, m_service, m_ws.ownerMemberId, 20, QStringLiteral("live-1"));
        KLIV_VERIFY_STATUS(spent, 201);
        // The usage answer stays as it was: the spend computes no forecast.
        QVERIFY(!spent.json().value(QLatin1String("balance")).toObject().contains(QLatin1String("forecast")));
        auto balanceAfterSpend = [&]() -> QJsonObject {
            for (const QJsonObject &m : std::as_const(messages))
                if (m[QLatin1String("type")].toString() == QLatin1String("balance")
                    && m[QLatin1String("data")][QLatin1String("remaining")].toInt() == 80)
                    return m[QLatin1String("data")].toObject();
            return {};
        };
        QTRY_VERIFY_WITH_TIMEOUT(!balanceAfterSpend().isEmpty(), 10000);
        const QJsonObject f = balanceAfterSpend().value(QLatin1String("forecast")).toObject();
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-05T10:00:00Z"));
        socket.close();
    }

    void freeSpeaksOfTodayAndTheMonth()
    {
        KLIV_START(fx, at("2026-12-01T08:00:00Z"));
        QVERIFY2(setUp("2026-12-01T10:00:00Z"), qPrintable(fx->errorString()));
        KLIV_SPEND_OK(3);
        // 3 today: the 2 left last until midnight; the month's 27 at 3 a day last 9 days.
        QJsonObject f = forecast();
        QVERIFY(f.value(QLatin1String("lasts_until_reset")).toBool());
        QCOMPARE(apitest::instant(f.value(QLatin1String("reset_at"))), at("2026-12-02T00:00:00Z"));
        QJsonObject m = f.value(QLatin1String("month")).toObject();
        QCOMPARE(m.value(QLatin1String("remaining")).toInt(), 27);
        QCOMPARE(apitest::instant(m.value(QLatin1String("runs_out_at"))), at("2026-12-10T10:00:00Z"));
        QCOMPARE(apitest::instant(m.value(QLatin1String("reset_at"))), at("2027-01-01T00:00:00Z"));

        // The next day at 02:00, 5 more: 8 over 2 days; today's 0 left run out now.
        KLIV_CLOCK("2026-12-02T02:00:00Z");
        KLIV_SPEND_OK(5);
        f = forecast();
        QVERIFY(!f.value(QLatin1String("lasts_until_reset")).toBool());
        QCOMPARE(apitest::instant(f.value(QLatin1String("runs_out_at"))), at("2026-12-02T02:00:00Z"));
        m = f.value(QLatin1String("month")).toObject();
        QCOMPARE(m.value(QLatin1String("remaining")).toInt(), 22);
        // 22 x 2 / 8 days = 5.5 days
        QCOMPARE(apitest::instant(m.value(QLatin1String("runs_out_at"))), at("2026-12-07T14:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(Forecast)
#include "tst_forecast.moc"
