#pragma once
// Browser: drives Debian's headless chromium over the Chrome DevTools Protocol, for
// end-to-end tests of flows that happen in the system browser (Stripe Checkout, the
// Portal, the OAuth sign-in page).
//
//   #include "browser.h"                    // link kliv_browser
//
//   Browser b;
//   QVERIFY2(b.start(), qPrintable(b.errorString()));   // launches chromium, opens one tab
//   QVERIFY2(b.navigate(url), qPrintable(b.errorString()));          // waits for the load event
//   QVERIFY2(b.fill("#email", "ann@acme.test"), qPrintable(b.errorString()));
//   QVERIFY2(b.click("button[type=submit]"), qPrintable(b.errorString()));
//   QVERIFY2(b.waitForUrl("http://127.0.0.1:"), qPrintable(b.errorString()));
//   QVERIFY2(b.waitForText("Tack"), qPrintable(b.errorString()));
//   b.evaluate("document.title");           // QVariant; invalid + errorString() on failure
//   b.url(); b.text();                      // tracked from DevTools events (QTRY-friendly)
//   b.screenshot("/tmp/x.png");
//
// Every wait spins the event loop (servers in the test's own thread keep running) and is
// bounded; a timeout leaves a message naming what was awaited, the current URL and the
// start of the page's text. The destructor closes chromium, kills what is left of its
// process group and removes the temporary profile.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariant>
#include <memory>

class QWebSocket;

class Browser : public QObject
{
    Q_OBJECT
public:
    explicit Browser(QObject *parent = nullptr);
    ~Browser() override;

    static QString executable();        // $KLIV_CHROMIUM or /usr/bin/chromium
    static bool available();

    bool start(int timeoutMs = 30000);
    void close();
    bool isRunning() const;
    qint64 processId() const;
    QString profileDir() const;         // the temporary --user-data-dir
    QString errorString() const { return m_error; }

    // Navigation. navigate() waits for the page's load event.
    bool navigate(const QUrl &url, int timeoutMs = 15000);
    bool waitForLoad(int timeoutMs = 15000);     // a load event after the last call of this or navigate()
    bool waitForUrl(const QString &prefix, int timeoutMs = 15000);
    QString url() const { return m_url; }        // main frame URL, updated from Page.frameNavigated
    int loadCount() const { return m_loads; }

    // JavaScript. evaluate() awaits promises and returns the value by value.
    QVariant evaluate(const QString &expression, int timeoutMs = 10000);
    bool waitFor(const QString &jsCondition, int timeoutMs = 15000, const QString &what = {});
    bool waitForSelector(const QString &selector, int timeoutMs = 15000);
    bool waitForText(const QString &needle, int timeoutMs = 15000);
    QString text();                              // document.body.innerText
    QString html();

    // Forms, by CSS selector. fill() sets the value as a user would (input/change events);
    // type() sends real key events to the focused element.
    // Each first waits up to timeoutMs for the selector to match.
    bool fill(const QString &selector, const QString &value, int timeoutMs = 10000);
    bool click(const QString &selector, int timeoutMs = 10000);
    bool type(const QString &selector, const QString &text, int timeoutMs = 10000);

    bool screenshot(const QString &pngPath);
    QByteArray screenshotPng();

    // Raw protocol: one command on the page session (or the browser when browserLevel).
    // Returns the "result" object; on error {} with errorString() set.
    QJsonObject call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 10000,
                     bool browserLevel = false);

Q_SIGNALS:
    void event(const QString &method, const QJsonObject &params);
    void consoleMessage(const QString &level, const QString &text);

private:
    bool fail(const QString &message);
    QString describePage();
    bool readDevToolsUrl(QString *wsUrl);
    void onMessage(const QString &message);
    static QString jsString(const QString &s);

    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QProcess> m_proc;
    std::unique_ptr<QWebSocket> m_ws;
    QByteArray m_stderr;
    QString m_sessionId, m_targetId;
    QString m_error;
    QString m_url;
    int m_loads = 0;
    int m_loadsSeen = 0;
    int m_nextId = 1;
    QHash<int, QJsonObject> m_replies;   // id -> whole reply (result or error)
    bool m_socketLost = false;
};
