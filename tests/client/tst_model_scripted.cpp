// The list models against scripted answers (a Transport, no server, no
// keyring): rows, loading and error on success, failure, recovery and a stale
// answer for a workspace the user left. The real-server tests stay in
// tst_client_models, tst_plans and tst_client_usage.
#include "appsettings.h"
#include "invoicemodel.h"
#include "membermodel.h"
#include "session.h"
#include "scriptedtransport.h"
#include "usageentriesmodel.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

namespace {
ApiResult ok(const QJsonObject &body)
{
    return scriptedOk(body);
}

ApiResult failed(ApiError::Kind kind, int status)
{
    ApiResult r;
    r.status = status;
    r.error = ApiError::make(kind, status);
    return r;
}

QJsonObject invoice(const QString &number, const QString &status, qint64 amount)
{
    return {{QStringLiteral("number"), number}, {QStringLiteral("status"), status},
            {QStringLiteral("created"), QStringLiteral("2026-11-17T10:00:00Z")},
            {QStringLiteral("total"), QJsonObject{{QStringLiteral("amount"), amount}, {QStringLiteral("currency"), QStringLiteral("SEK")}}},
            {QStringLiteral("hosted_url"), QStringLiteral("https://pay.example/") + number},
            {QStringLiteral("pdf_url"), QStringLiteral("https://pay.example/") + number + QStringLiteral(".pdf")},
            {QStringLiteral("plan_id"), QStringLiteral("pro-200")},
            {QStringLiteral("period_start"), QStringLiteral("2026-11-17T10:00:00Z")},
            {QStringLiteral("period_end"), QStringLiteral("2026-12-17T10:00:00Z")}};
}

QJsonObject member(const QString &id, const QString &name, const QString &role)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("user_id"), QStringLiteral("u-") + id},
            {QStringLiteral("name"), name}, {QStringLiteral("email"), id + QStringLiteral("@kliv.test")},
            {QStringLiteral("role"), role}, {QStringLiteral("joined_at"), QStringLiteral("2026-10-01T08:00:00Z")}};
}

QJsonObject members(const QJsonArray &rows, int used, int limit)
{
    return {{QStringLiteral("members"), rows},
            {QStringLiteral("seats"), QJsonObject{{QStringLiteral("used"), used}, {QStringLiteral("limit"), limit}}}};
}

const QString kInvoices = QStringLiteral("/v1/workspaces/ws1/invoices");
const QString kMembers = QStringLiteral("/v1/workspaces/ws1/members");
const QString kEntries = QStringLiteral("/v1/workspaces/ws1/usage/entries");

QJsonObject entries(int from, int n, const QString &nextCursor)
{
    QJsonArray rows;
    for (int i = from; i < from + n; ++i)
        rows << QJsonObject{{QStringLiteral("id"), QStringLiteral("e%1").arg(i)}, {QStringLiteral("member_name"), QStringLiteral("Bo Berg")},
                            {QStringLiteral("project"), QStringLiteral("Webbplats")}, {QStringLiteral("activity"), QStringLiteral("Bild")},
                            {QStringLiteral("at"), QStringLiteral("2026-11-17T10:00:00Z")}, {QStringLiteral("credits"), 3}};
    QJsonObject o{{QStringLiteral("entries"), rows}};
    if (!nextCursor.isEmpty())
        o.insert(QStringLiteral("next_cursor"), nextCursor);
    return o;
}
} // namespace

class TestModelScripted : public QObject
{
    Q_OBJECT
    ScriptedTransport m_session; // /v1/me, /v1/plans and whatever the singletons ask

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KlivTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_model_scripted"));
        QSettings().clear();
        // Nothing listens there: the live channel's attempts fail, nothing else goes out.
        AppSettings::instance()->overrideServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));

        Session *s = Session::instance();
        s->setTransport(&m_session);
        m_session.answer(QStringLiteral("/v1/plans"), ok({{QStringLiteral("plans"), QJsonArray{
            QJsonObject{{QStringLiteral("id"), QStringLiteral("free")}, {QStringLiteral("name"), QStringLiteral("Gratis")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("pro-200")}, {QStringLiteral("name"), QStringLiteral("Pro 200")}}}}}));
        m_session.answer(QStringLiteral("/v1/me"), ok({
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("email"), QStringLiteral("agare@kliv.test")},
                                                 {QStringLiteral("name"), QStringLiteral("Åsa Ägare")}}},
            {QStringLiteral("memberships"), QJsonArray{
                QJsonObject{{QStringLiteral("workspace_id"), QStringLiteral("ws1")}, {QStringLiteral("workspace_name"), QStringLiteral("Ett AB")},
                            {QStringLiteral("role"), QStringLiteral("owner")}, {QStringLiteral("plan_id"), QStringLiteral("pro-200")},
                            {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing"), QStringLiteral("manage_members")}}},
                // A member's workspace: no billing history to ask for.
                QJsonObject{{QStringLiteral("workspace_id"), QStringLiteral("ws2")}, {QStringLiteral("workspace_name"), QStringLiteral("Två AB")},
                            {QStringLiteral("role"), QStringLiteral("member")}, {QStringLiteral("plan_id"), QStringLiteral("free")},
                            {QStringLiteral("permissions"), QJsonArray{}}}}}}));
        s->signInWithAccessToken(QStringLiteral("scripted"));
        QTRY_COMPARE(s->state(), Session::SignedIn);
        QCOMPARE(s->currentWorkspaceId(), QStringLiteral("ws1"));
        QVERIFY(s->isReady());
        QCOMPARE(s->planName(QStringLiteral("pro-200")), QStringLiteral("Pro\u00a0200")); // the catalog arrived
    }

    void invoicesLoadFailAndRecover()
    {
        ScriptedTransport t;
        InvoiceModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loadingSpy(&m, &RequestModel::loadingChanged);

        // The first load: loading while it runs, rows when it answers.
        QTRY_COMPARE(t.waiting(kInvoices), 1);
        QVERIFY(m.loading());
        QCOMPARE(m_session.sentTo("GET", kInvoices), 0); // the model's own transport, not the session's
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{
            invoice(QStringLiteral("K-1002"), QStringLiteral("open"), 19900),
            invoice(QStringLiteral("K-1001"), QStringLiteral("paid"), 19900)}}}));
        QTRY_COMPARE(m.rowCount(), 2);
        QVERIFY(!m.loading());
        QCOMPARE(loadingSpy.count(), 2);
        QCOMPARE(m.error(), QString());
        QCOMPARE(m.data(m.index(0), InvoiceModel::NumberRole).toString(), QStringLiteral("K-1002"));
        QCOMPARE(m.data(m.index(0), InvoiceModel::StatusTextRole).toString(), QStringLiteral("Obetald"));
        QCOMPARE(m.data(m.index(1), InvoiceModel::StatusTextRole).toString(), QStringLiteral("Betald"));
        QCOMPARE(m.data(m.index(1), InvoiceModel::PdfUrlRole).toUrl(), QUrl(QStringLiteral("https://pay.example/K-1001.pdf")));

        // An error answer: the message, loading over, no old invoices under it.
        m.reload();
        QVERIFY(m.loading());
        t.answer(kInvoices, failed(ApiError::Server, 500));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::Server));
        QVERIFY(!m.error().isEmpty());
        QCOMPARE(m.rowCount(), 0);

        // The next reload that works clears the error.
        QSignalSpy errorSpy(&m, &RequestModel::errorChanged);
        m.reload();
        QVERIFY(m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::Server)); // kept while asking again
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{invoice(QStringLiteral("K-1003"), QStringLiteral("paid"), 39900)}}}));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QCOMPARE(errorSpy.count(), 1);
        QCOMPARE(t.sentTo("GET", kInvoices), 3);
    }

    void membersLoadFailAndRecover()
    {
        ScriptedTransport t;
        MemberModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QTRY_COMPARE(t.waiting(kMembers), 1);
        QVERIFY(m.loading());
        t.answer(kMembers, ok(members({member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner")),
                                       member(QStringLiteral("m2"), QStringLiteral("Bo Berg"), QStringLiteral("member"))}, 2, 3)));
        QTRY_COMPARE(m.rowCount(), 2);
        QVERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QCOMPARE(m.data(m.index(1), MemberModel::NameRole).toString(), QStringLiteral("Bo Berg"));
        QCOMPARE(m.data(m.index(0), MemberModel::RoleTextRole).toString(), QStringLiteral("Ägare"));
        QCOMPARE(m.seatsUsed(), 2);
        QCOMPARE(m.seatLimit(), 3);
        QVERIFY(m.canAdd());

        // A failed reload: the error, loading over; the members shown stay.
        m.reload();
        QVERIFY(m.loading());
        t.answer(kMembers, failed(ApiError::Network, 0));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::Network));
        QVERIFY(!m.error().isEmpty());
        QCOMPARE(m.rowCount(), 2);

        // The next one works: the error goes.
        m.reload();
        QVERIFY(m.loading());
        t.answer(kMembers, ok(members({member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner"))}, 1, 3)));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QCOMPARE(m.seatsUsed(), 1);
    }

    void memberChangesEndLoadingEitherWay()
    {
        ScriptedTransport t;
        MemberModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&m, &MemberModel::actionDone);
        t.answer(kMembers, ok(members({member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner"))}, 1, 3)));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.loading());

        // Refused: the server's reason, loading over, no actionDone.
        m.invite(QStringLiteral(" ny@kliv.test "), {}, QStringLiteral("member"));
        QVERIFY(m.loading());
        QCOMPARE(t.sent.last().verb, QByteArray("POST"));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("email")).toString(), QStringLiteral("ny@kliv.test"));
        t.answer(kMembers, failed(ApiError::SeatLimitReached, 402));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::SeatLimitReached));
        QCOMPARE(done.count(), 0);

        // Accepted: actionDone, the error gone, the list asked for again (loading
        // until that answers).
        m.invite(QStringLiteral("ny@kliv.test"), QStringLiteral("Ny Person"), QStringLiteral("member"));
        t.answer(kMembers, ok({{QStringLiteral("id"), QStringLiteral("m3")}}));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(0).toString(), QStringLiteral("invite"));
        QCOMPARE(m.error(), QString());
        QTRY_COMPARE(t.waiting(kMembers), 1);
        QVERIFY(m.loading());
        t.answer(kMembers, ok(members({member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner")),
                                       member(QStringLiteral("m3"), QStringLiteral("Ny Person"), QStringLiteral("member"))}, 2, 3)));
        QTRY_COMPARE(m.rowCount(), 2);
        QVERIFY(!m.loading());
    }

    void staleAnswerEndsLoading()
    {
        ScriptedTransport t;
        InvoiceModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(t.waiting(kInvoices), 1);
        QVERIFY(m.loading());

        // To a workspace without view_billing: nothing is asked there, and the
        // answer for ws1 must neither fill the list nor leave it loading.
        Session::instance()->switchWorkspace(QStringLiteral("ws2"));
        QCOMPARE(Session::instance()->currentWorkspaceId(), QStringLiteral("ws2"));
        t.answer(kInvoices, failed(ApiError::Server, 500));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(t.sentTo("GET", QStringLiteral("/v1/workspaces/ws2/invoices")), 0);

        // Back in ws1 the history is asked for again and shown.
        Session::instance()->switchWorkspace(QStringLiteral("ws1"));
        QTRY_COMPARE(t.waiting(kInvoices), 1);
        QVERIFY(m.loading());
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{invoice(QStringLiteral("K-1001"), QStringLiteral("paid"), 19900)}}}));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.loading());
    }

    void usageEntriesPageAndLeaveAMonth()
    {
        ScriptedTransport t;
        UsageEntriesModel m;
        m.setTransport(&t);
        m.setPageSize(2);
        // A view fetches the next page as rows arrive (the tester does, as
        // views do): loading must be over by then.
        QList<bool> canFetchOnInsert;
        connect(&m, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] { canFetchOnInsert << m.canFetchMore({}); });
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);

        m.reset(QStringLiteral("2026-11"));
        QVERIFY(m.loading());
        QCOMPARE(t.sent.size(), 1);
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("month")), QStringLiteral("2026-11"));
        QVERIFY(!m.canFetchMore({})); // one page at a time
        t.answer(kEntries, ok(entries(0, 2, QStringLiteral("c2"))));
        QTRY_COMPARE(m.rowCount(), 2);
        QCOMPARE(canFetchOnInsert, QList<bool>{true});
        // ...so the second page was asked for right then.
        QCOMPARE(t.waiting(kEntries), 1);
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("cursor")), QStringLiteral("c2"));
        QVERIFY(m.loading());

        // The second page fails: the error, loading over, the first page stays.
        t.answer(kEntries, failed(ApiError::Timeout, 0));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::Timeout));
        QCOMPARE(m.rowCount(), 2);

        // Asked again it works: the error goes, the last page ends the list.
        QVERIFY(m.canFetchMore({}));
        m.fetchMore({});
        t.answer(kEntries, ok(entries(2, 1, {})));
        QTRY_COMPARE(m.rowCount(), 3);
        QVERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QVERIFY(!m.canFetchMore({}));

        // Another month while a page is coming: loading ends at once, the old
        // page is dropped, the new month is asked for.
        m.reset(QStringLiteral("2026-10"));
        QVERIFY(m.loading());
        t.answer(kEntries, failed(ApiError::Server, 500)); // the October request fails...
        QTRY_VERIFY(!m.loading());
        m.reset(QStringLiteral("2026-09"));
        const int sent = int(t.sent.size());
        QVERIFY(m.loading());
        m.reset(QStringLiteral("2026-08"));            // ...September is left before it answers
        QCOMPARE(int(t.sent.size()), sent + 1);
        QCOMPARE(m.error(), QString());
        t.answer(kEntries, ok(entries(10, 2, {})));     // September's page: dropped
        t.answer(kEntries, ok(entries(20, 1, {})));     // August's
        QTRY_COMPARE(m.rowCount(), 1);
        QCOMPARE(m.data(m.index(0), UsageEntriesModel::IdRole).toString(), QStringLiteral("e20"));
        QVERIFY(!m.loading());
    }

    void modelsUseTheSessionsTransportByDefault()
    {
        const int before = m_session.sentTo("GET", kMembers);
        MemberModel m;
        QTRY_COMPARE(m_session.sentTo("GET", kMembers), before + 1);
        QVERIFY(m.loading());
        m_session.answer(kMembers, ok(members({member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner"))}, 1, 0)));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.loading());
    }
};

QTEST_MAIN(TestModelScripted)
#include "tst_model_scripted.moc"
