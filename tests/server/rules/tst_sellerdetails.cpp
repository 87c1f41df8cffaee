// The seller's invoice fields ([invoice] settings): the organisationsnummer's
// Luhn check digit and the VAT number's form, checked when the server starts.
#include "billing/sellerdetails.h"

#include <QTest>

using namespace billing;

class TestSellerDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orgNumber_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << "556036-0793" << true;
        QTest::newRow("another valid") << "556703-7485" << true;
        QTest::newRow("a public body") << "212000-0142" << true;
        QTest::newRow("wrong check digit") << "556036-0794" << false;
        QTest::newRow("digits swapped") << "556306-0793" << false;
        QTest::newRow("no hyphen") << "5560360793" << false;
        QTest::newRow("too short") << "55603-0793" << false;
        QTest::newRow("letters") << "55603A-0793" << false;
        QTest::newRow("empty") << "" << false;
    }
    void orgNumber()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(validOrgNumber(number), valid);
    }

    void vatNumber_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << "SE556036079301" << true;
        QTest::newRow("wrong check digit") << "SE556036079401" << false;
        QTest::newRow("not 01") << "SE556036079302" << false;
        QTest::newRow("lower case") << "se556036079301" << false;
        QTest::newRow("spaces") << "SE 5560360793 01" << false;
        QTest::newRow("another country") << "DK556036079301" << false;
    }
    void vatNumber()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(validVatNumber(number), valid);
    }

    void detailsTogether()
    {
        const SellerDetails ok{QStringLiteral("Kliv AB"), QStringLiteral("556036-0793"), QStringLiteral("SE556036079301"),
                               QStringLiteral("Storgatan 1, 111 22 Stockholm")};
        QCOMPARE(checkSellerDetails(ok), QString());
        SellerDetails other = ok;
        other.vatNumber = QStringLiteral("SE556703748501");   // valid, but another company's
        QVERIFY(checkSellerDetails(other).contains(QStringLiteral("is not the VAT number of org_number")));
        SellerDetails bad = ok;
        bad.orgNumber = QStringLiteral("556036-0794");
        QVERIFY(checkSellerDetails(bad).contains(QStringLiteral("org_number \"556036-0794\"")));
        SellerDetails noName = ok;
        noName.name.clear();
        QVERIFY(checkSellerDetails(noName).contains(QStringLiteral("seller_name")));
    }
};

QTEST_GUILESS_MAIN(TestSellerDetails)
#include "tst_sellerdetails.moc"
