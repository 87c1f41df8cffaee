// A start with a stored session, the window as main.cpp loads it: the balance
// is asked for as soon as the token is there (before /v1/me answers), and
// nothing is asked twice when the workspace opens, from the server or from the
// cache. The token refresh goes to a scripted server (ApiClient), the models
// and /v1/me to a scripted transport; the keyring is the real one.
#include "appsettings.h"
#include "creditmeter.h"
#include "scriptedserver.h"
#include "scriptedsession.h"
#include "scriptedtransport.h"
#include "session.h"
#include "windowloader.h"

#include <QApplication>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Kliv_KontoPlugin)

namespace {
const QString kBalance = QStringLiteral("/v1/workspaces/ws1/balance");
const QString kMe = QStringLiteral("/v1/me");

QByteArray tokenAnswer(const QByteArray &refresh)
{
    return ScriptedServer::response(200, R"({"access_token": "at-)" + refresh + R"(", "refresh_token": ")" + refresh
                                             + R"(", "token_type": "Bearer", "expires_in": 3600})");
}

QString describe(const ApiRequest &r)
{
    return QString::fromLatin1(r.verb) + QLatin1Char(' ') + r.path + QLatin1Char('?') + r.query.toString();
}
}

class TestStartup : public QObject
{
    Q_OBJECT
    ScriptedServer m_server;       // POST /oauth/token (and the live channel's attempts)
    ScriptedTransport m_t;         // /v1/me, /v1/plans and every model's request
    QQmlApplicationEngine *m_engine = nullptr;

    void storeRefreshToken(const QString &token)
    {
        bool done = false;
        Session::instance()->tokenStore()->write(QUrl(m_server.url()), token, this, [&done](const ApiError &e) {
            QVERIFY2(!e.isError(), qPrintable(e.message));
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    // Every request since `from` went out once.
    void verifyEachAskedOnce(qsizetype from)
    {
        QHash<QString, int> n;
        for (qsizetype i = from; i < m_t.sent.size(); ++i)
            ++n[describe(m_t.sent.at(i))];
        for (auto it = n.cbegin(); it != n.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 asked %2 times").arg(it.key()).arg(it.value())));
    }

    QQuickItem *overview() const
    {
        auto *w = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        auto *stack = w->findChild<QQuickItem *>(QStringLiteral("pageStack"));
        return stack && !stack->childItems().isEmpty() ? stack->childItems().constFirst()->property("item").value<QQuickItem *>()
                                                       : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();
        // The workspace used last time: known before anything answers.
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), QStringLiteral("ws1"));
        AppSettings::instance()->overrideServerUrl(QUrl(m_server.url()));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        Session::instance()->setTransport(&m_t);
    }

    void fromTheServer()
    {
        Session *s = Session::instance();
        storeRefreshToken(QStringLiteral("rt-1"));
        m_t.answer(QStringLiteral("/v1/plans"), scriptedOk({{QStringLiteral("plans"), QJsonArray{
            QJsonObject{{QStringLiteral("id"), QStringLiteral("pro-200")}, {QStringLiteral("name"), QStringLiteral("Pro 200")}}}}}));
        m_server.script = {tokenAnswer("rt-2")};
        // As main.cpp: the meter exists, the session starts, then the window loads. Its
        // QML compiles off this thread: the load returns at once and the event loop (the
        // keyring's answer, the token, the balance) runs before the window exists.
        WindowLoader::prepare();
        s->restore();
        m_engine = new QQmlApplicationEngine(this);
        QQuickWindow *window = nullptr;
        bool loopRanFirst = false;
        QTimer::singleShot(0, this, [&] { loopRanFirst = !window; });
        WindowLoader::load(m_engine, [&window](QQuickWindow *w) { window = w; });
        QVERIFY(!window);
        QTRY_VERIFY_WITH_TIMEOUT(window, 20000);
        QVERIFY(loopRanFirst);

        // The balance goes out with /v1/me, not after it.
        QTRY_COMPARE_WITH_TIMEOUT(m_t.sentTo("GET", kMe), 1, 10000);
        QCOMPARE(m_t.sentTo("GET", kBalance), 1);
        QCOMPARE(m_t.waiting(kMe), 1);
        m_t.answer(kBalance, scriptedOk(scriptedBalance(77)));
        m_t.answer(kMe, scriptedOk(scriptedMe()));
        QTRY_COMPARE(s->state(), Session::SignedIn);
        CreditMeter *meter = CreditMeter::instance();
        QTRY_VERIFY(meter->hasData());
        QVERIFY(!meter->stale());
        QCOMPARE(meter->remaining(), 77);
        QTRY_VERIFY(overview());
        // Whatever is asked twice would be by now (a queued reload, a second round).
        QTest::qWait(300);
        verifyEachAskedOnce(0);
        QCOMPARE(m_t.sentTo("GET", kBalance), 1);
        // Översikt lists no entries: they are not asked for.
        QCOMPARE(m_t.sentTo("GET", QStringLiteral("/v1/workspaces/ws1/usage/entries")), 0);
        QCOMPARE(m_t.sentTo("GET", QStringLiteral("/v1/workspaces/ws1/usage")), 1);
    }

    void fromTheCache()
    {
        // Signed out and in again: /v1/me and the balance are cached from the last run.
        Session *s = Session::instance();
        const qsizetype seenBefore = m_server.seen.size();
        s->signOut();
        QTRY_VERIFY(m_server.seen.size() > seenBefore); // the revoke, answered by no one
        storeRefreshToken(QStringLiteral("rt-2"));
        m_server.script = {tokenAnswer("rt-3")};
        const qsizetype from = m_t.sent.size();
        s->restore();
        // The cached view at once: the meter shows the last balance, marked stale.
        QTRY_COMPARE(s->state(), Session::SignedIn);
        CreditMeter *meter = CreditMeter::instance();
        QVERIFY(meter->hasData());
        QVERIFY(meter->stale());
        QCOMPARE(meter->remaining(), 77);
        QTRY_VERIFY(overview());
        QPointer<QQuickItem> page = overview();
        // The token came: the balance goes out with /v1/me...
        QTRY_COMPARE_WITH_TIMEOUT(m_t.sentTo("GET", kMe), 2, 10000);
        QCOMPARE(m_t.sentTo("GET", kBalance), 2);
        QCOMPARE(m_t.waiting(kMe), 1);
        m_t.answer(kBalance, scriptedOk(scriptedBalance(70)));
        QTRY_VERIFY(!meter->stale());
        QCOMPARE(meter->remaining(), 70);
        m_t.answer(kMe, scriptedOk(scriptedMe()));
        QTRY_COMPARE(m_t.waiting(kMe), 0);
        QTest::qWait(300);
        // ...the same workspace confirmed keeps its pages, and nothing went out twice.
        QVERIFY(page);
        QCOMPARE(overview(), page.data());
        verifyEachAskedOnce(from);
        QCOMPARE(m_t.sentTo("GET", QStringLiteral("/v1/workspaces/ws1/usage")), 2);
    }

    // The offline banner comes with a failed refresh and goes with a fresh
    // balance, and takes its room with it, even when the window is resized in
    // the same moment (a ColumnLayout there kept an empty band above the page).
    void aBannerThatGoesLeavesNoBand()
    {
        auto *w = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QQuickItem *area = w->findChild<QQuickItem *>(QStringLiteral("bannerArea"));
        QQuickItem *stack = w->findChild<QQuickItem *>(QStringLiteral("pageStack"));
        QQuickItem *header = w->findChild<QQuickItem *>(QStringLiteral("header"));
        QVERIFY(area && stack && header);
        auto gap = [&] { return stack->mapToScene(QPointF()).y() - header->mapToScene(QPointF(0, header->height())).y(); };
        CreditMeter *meter = CreditMeter::instance();
        QTRY_VERIFY(!meter->stale());
        QTRY_VERIFY2(qAbs(gap()) < 1, qPrintable(QString::number(gap())));

        ApiResult down;
        down.error = ApiError::make(ApiError::Network);
        m_t.answer(kBalance, down);
        meter->refresh();
        QTRY_VERIFY(meter->stale());
        QTRY_VERIFY(area->isVisible());
        QTRY_VERIFY2(gap() > 40, qPrintable(QString::number(gap())));

        // Fresh again, and the window narrower before the next frame.
        QQuickItem *root = w->contentItem();
        const qreal width = root->width();
        const QMetaObject::Connection resize = connect(meter, &CreditMeter::changed, this, [root, meter, width] {
            if (!meter->stale())
                root->setWidth(width - 120);
        });
        m_t.answer(kBalance, scriptedOk(scriptedBalance(69)));
        meter->refresh();
        QTRY_VERIFY(!meter->stale());
        disconnect(resize);
        QCOMPARE(root->width(), width - 120);
        QTest::qWait(200);
        QVERIFY(!area->isVisible());
        QVERIFY2(qAbs(gap()) < 1, qPrintable(QString::number(gap())));
        root->setWidth(width);
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
