// The plan catalog is data: the shipped file must parse, and a broken file
// must be refused with an error that names the problem.
#include "billing/permissions.h"
#include "rulesfixture.h"

#include <QFile>

using namespace billing;

class TestPlanCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedCatalogParses()
    {
        const QString path = qEnvironmentVariable("KLIV_PLANS_FILE");
        if (path.isEmpty())
            QSKIP("KLIV_PLANS_FILE is not set (run through ctest)");
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QString error;
        const auto c = PlanCatalog::fromJson(f.readAll(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->currency(), QStringLiteral("SEK"));
        QCOMPARE(c->freePlan().id, QStringLiteral("free"));
        QCOMPARE(c->freePlan().dailyCredits, 5);
        QCOMPARE(c->freePlan().monthlyCap, 30);
        QCOMPARE(c->freePlan().seatLimit, std::optional<int>(10));
        // The tiers and prices the product documentation promises.
        const struct { const char *id; int credits; qint64 price; } tiers[] = {
            {"pro-100", 100, 25000}, {"pro-200", 200, 50000}, {"pro-400", 400, 100000}, {"pro-800", 800, 200000}};
        for (const auto &t : tiers) {
            const Plan *p = c->find(QLatin1String(t.id));
            QVERIFY2(p, t.id);
            QCOMPARE(p->kind, PlanKind::Pro);
            QCOMPARE(p->monthlyCredits, t.credits);
            QCOMPARE(p->price, std::optional<Money>(Money{t.price, QStringLiteral("SEK")}));
            QVERIFY(p->purchasable);
            QVERIFY(!p->seatLimit);
            QCOMPARE(c->findByStripePrice(p->stripePriceId), p);
        }
        const Plan *ent = c->find(QStringLiteral("enterprise"));
        QVERIFY(ent);
        QCOMPARE(ent->kind, PlanKind::Enterprise);
        QVERIFY(!ent->purchasable);
        QVERIFY(!ent->price);
        QVERIFY(ent->hasEntitlement(QStringLiteral("custom_roles")));
    }

    void fixtureCatalog()
    {
        const PlanCatalog &c = rulestest::catalog();
        QCOMPARE(c.plans().size(), 6);
        QCOMPARE(c.find(QStringLiteral("pro-400"))->rank, 400);
        QCOMPARE(c.find(QStringLiteral("nope")), nullptr);
        QCOMPARE(c.findByStripePrice(QString()), nullptr);
        QCOMPARE(c.findByStripePrice(QStringLiteral("price_unknown")), nullptr);
        QCOMPARE(c.freePlan().price, std::optional<Money>(Money{0, QStringLiteral("SEK")}));
        QVERIFY(!c.freePlan().isPaid());
    }

    void unloadedCatalogAllowsNothing()
    {
        const PlanCatalog empty;
        QVERIFY(empty.plans().isEmpty());
        QCOMPARE(empty.find(QStringLiteral("free")), nullptr);
        const Plan &free = empty.freePlan();
        QCOMPARE(free.id, QStringLiteral("free"));
        QCOMPARE(free.dailyCredits, 0);
        QVERIFY(!canAddMember(free, 0));
        QCOMPARE(computeBalance(free, SubscriptionState{}, UsageTotals{}, rulestest::utc("2026-12-01T00:00:00Z")).remaining, 0);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected"); // a part of the error message

        const QByteArray free = R"({"id":"free","kind":"free","name":"Gratis","rank":0,"daily_credits":5,"monthly_cap":30,"seat_limit":10,"price":0})";
        const auto wrap = [&free](const QByteArray &more, const QByteArray &freePlan = QByteArray()) {
            return QByteArray(R"({"currency":"SEK","plans":[)") + (freePlan.isNull() ? free : freePlan)
                + (more.isEmpty() ? QByteArray() : "," + more) + "]}";
        };
        const QByteArray pro = R"({"id":"pro-100","kind":"pro","name":"Pro 100","rank":100,"monthly_credits":100,"price":25000,"stripe_price_id":"price_pro_100","purchasable":true})";
        auto proWith = [&pro](const char *from, const char *to) { return QByteArray(pro).replace(from, to); };

        QTest::newRow("empty") << QByteArray() << "invalid JSON";
        QTest::newRow("truncated") << QByteArray(R"({"currency":"SEK","plans":[)") << "invalid JSON";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "top level";
        QTest::newRow("no currency") << QByteArray(R"({"plans":[]})") << "currency";
        QTest::newRow("lower-case currency") << wrap("").replace("SEK", "sek") << "currency";
        QTest::newRow("plans not array") << QByteArray(R"({"currency":"SEK","plans":{}})") << "\"plans\"";
        QTest::newRow("no plans") << QByteArray(R"({"currency":"SEK","plans":[]})") << "\"plans\"";
        QTest::newRow("plan not object") << wrap("42") << "plans[1]: must be an object";
        QTest::newRow("missing free") << QByteArray(R"({"currency":"SEK","plans":[)") + pro + "]}" << "no \"free\" plan";
        QTest::newRow("duplicate id") << wrap(pro + "," + proWith("price_pro_100", "price_x").replace("\"rank\":100", "\"rank\":101"))
                                      << "duplicate plan id \"pro-100\"";
        QTest::newRow("duplicate price id") << wrap(pro + "," + proWith("pro-100", "pro-101").replace("\"rank\":100", "\"rank\":101"))
                                            << "duplicate stripe_price_id";
        QTest::newRow("duplicate rank") << wrap(pro + "," + proWith("pro-100", "pro-101").replace("price_pro_100", "price_x"))
                                        << "duplicate rank";
        QTest::newRow("unknown kind") << wrap(proWith("\"pro\"", "\"gold\"")) << "unknown kind \"gold\"";
        QTest::newRow("kind missing") << wrap(proWith("\"kind\":\"pro\",", "")) << "\"kind\" is required";
        QTest::newRow("negative credits") << wrap(proWith("100,\"price\"", "-5,\"price\"")) << "monthly_credits";
        QTest::newRow("fractional credits") << wrap(proWith("100,\"price\"", "10.5,\"price\"")) << "monthly_credits";
        QTest::newRow("credits as string") << wrap(proWith("100,\"price\"", "\"100\",\"price\"")) << "monthly_credits";
        QTest::newRow("zero credits pro") << wrap(proWith("100,\"price\"", "0,\"price\"")) << "monthly_credits >= 1";
        QTest::newRow("huge credits") << wrap(proWith("100,\"price\"", "1e12,\"price\"")) << "monthly_credits";
        QTest::newRow("negative price") << wrap(proWith("25000", "-1")) << "\"price\"";
        QTest::newRow("fractional price") << wrap(proWith("25000", "249.5")) << "\"price\"";
        QTest::newRow("pro without price") << wrap(proWith("\"price\":25000,", "")) << "needs a price";
        QTest::newRow("negative rank") << wrap(proWith("\"rank\":100", "\"rank\":-1")) << "\"rank\"";
        QTest::newRow("purchasable without price id") << wrap(proWith("\"price_pro_100\"", "null")) << "stripe_price_id";
        QTest::newRow("purchasable not bool") << wrap(proWith("true", "\"yes\"")) << "\"purchasable\"";
        QTest::newRow("entitlements not strings") << wrap(proWith("\"purchasable\":true", "\"purchasable\":true,\"entitlements\":[1]")) << "entitlements";
        QTest::newRow("empty name") << wrap(proWith("\"Pro 100\"", "\"  \"")) << "\"name\"";
        QTest::newRow("bad id") << wrap(proWith("\"pro-100\"", "\"Pro 100!\"")) << "id \"Pro 100!\"";
        QTest::newRow("free without daily") << wrap("", QByteArray(free).replace("\"daily_credits\":5,", "")) << "daily_credits";
        QTest::newRow("free negative cap") << wrap("", QByteArray(free).replace("\"monthly_cap\":30", "\"monthly_cap\":-30")) << "monthly_cap";
        QTest::newRow("free cap below daily") << wrap("", QByteArray(free).replace("\"monthly_cap\":30", "\"monthly_cap\":3")) << "monthly_cap >= daily_credits";
        QTest::newRow("free priced") << wrap("", QByteArray(free).replace("\"price\":0", "\"price\":100")) << "price 0";
        QTest::newRow("free with other id") << QByteArray(R"({"currency":"SEK","plans":[)") + QByteArray(free).replace("\"free\",\"kind\"", "\"gratis\",\"kind\"") + "]}"
                                            << "must have id \"free\"";
        QTest::newRow("zero seat limit") << wrap("", QByteArray(free).replace("\"seat_limit\":10", "\"seat_limit\":0")) << "seat_limit";
        QTest::newRow("enterprise purchasable")
            << wrap(R"({"id":"enterprise","kind":"enterprise","name":"Enterprise","rank":9,"price":null,"purchasable":true,"stripe_price_id":"p"})")
            << "sold through sales";
        QTest::newRow("enterprise priced")
            << wrap(R"({"id":"enterprise","kind":"enterprise","name":"Enterprise","rank":9,"price":100})") << "per contract";
    }

    void parseErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error = QStringLiteral("stale");
        const auto c = PlanCatalog::fromJson(json, &error);
        QVERIFY2(!c, "a broken catalog was accepted");
        QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("error \"%1\" lacks \"%2\"").arg(error, expected)));
        QVERIFY(error.startsWith(QLatin1String("plan catalog: ")));
    }

    void minimalCatalogAndNullErrorPointer()
    {
        const auto c = PlanCatalog::fromJson(
            R"({"currency":"EUR","plans":[{"id":"free","kind":"free","name":"Free","rank":0,"daily_credits":1,"monthly_cap":1,"unknown_future_field":true}]})",
            nullptr);
        QVERIFY(c);
        QCOMPARE(c->currency(), QStringLiteral("EUR"));
        QVERIFY(!c->freePlan().seatLimit); // null/absent = unlimited
        QVERIFY(!PlanCatalog::fromJson("nonsense", nullptr));
    }
};

QTEST_GUILESS_MAIN(TestPlanCatalog)
#include "tst_plancatalog.moc"
