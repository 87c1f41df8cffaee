// The list models, the credit meter, the usage and the subscription against
// scripted answers (a Transport, no server, no keyring): rows, loading and
// error on success, failure, recovery and a stale answer for a workspace the
// user left. The real-server tests stay in
// tst_client_models, tst_plans and tst_client_usage.
#include "appsettings.h"
#include "auditlogmodel.h"
#include "creditmeter.h"
#include "format.h"
#include "invoicemodel.h"
#include "membermodel.h"
#include "rolemodel.h"
#include "session.h"
#include "scriptedtransport.h"
#include "ssosettings.h"
#include "subscription.h"
#include "transport.h"
#include "usageentriesmodel.h"
#include "usagemodel.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QTemporaryFile>
#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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
            {QStringLiteral("tax"), QJsonObject{{QStringLiteral("amount"), amount / 5}, {QStringLiteral("currency"), QStringLiteral("SEK")}}},
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

// An error answer as ApiClient makes it from the server's body.
ApiResult refused(int status, const QJsonObject &error)
{
    ApiResult r;
    r.status = status;
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
    r.error = ApiError::fromResponse(status, r.body);
    return r;
}

QJsonObject role(const QString &name, const QStringList &permissions, bool builtIn, int members)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
            {QStringLiteral("built_in"), builtIn}, {QStringLiteral("members"), members}};
}

QJsonObject ssoAnswer(bool available, bool withIdp, const QString &domain, bool verified)
{
    return {{QStringLiteral("available"), available},
            {QStringLiteral("sp"), QJsonObject{{QStringLiteral("entity_id"), QStringLiteral("https://konto.kliv.test/saml/ws1")},
                                               {QStringLiteral("acs_url"), QStringLiteral("https://konto.kliv.test/saml/ws1/acs")},
                                               {QStringLiteral("metadata_url"), QStringLiteral("https://konto.kliv.test/saml/ws1/metadata")}}},
            {QStringLiteral("domain"), domain}, {QStringLiteral("domain_verified"), verified},
            {QStringLiteral("idp"), withIdp ? QJsonValue(QJsonObject{
                 {QStringLiteral("entity_id"), QStringLiteral("https://idp.acme.se/metadata")},
                 {QStringLiteral("sso_url"), QStringLiteral("https://idp.acme.se/sso")},
                 {QStringLiteral("certificate_sha256"), QStringLiteral("ab01cd23ef45ab01cd23ef45ab01cd23ef45ab01cd23ef45ab01cd23ef45ab01")},
                 {QStringLiteral("certificate_not_after"), QStringLiteral("2027-01-10T12:00:00Z")}})
                                            : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("enforced"), false}, {QStringLiteral("break_glass_email"), QString()},
            {QStringLiteral("default_role"), QStringLiteral("member")},
            {QStringLiteral("test_url"), withIdp ? QStringLiteral("https://konto.kliv.test/saml/ws1/test") : QString()}};
}

// Records what the app asks the desktop to open (QDesktopServices::setUrlHandler).
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void openUrl(const QUrl &url) { opened << url; }
};

const QString kRoles = QStringLiteral("/v1/workspaces/ws1/roles");
const QString kSso = QStringLiteral("/v1/workspaces/ws1/sso");
const QString kInvoices = QStringLiteral("/v1/workspaces/ws1/invoices");
const QString kMembers = QStringLiteral("/v1/workspaces/ws1/members");
const QString kEntries = QStringLiteral("/v1/workspaces/ws1/usage/entries");

const QString kAudit = QStringLiteral("/v1/workspaces/ws1/audit");

QJsonObject auditEntry(qint64 id, const QString &kind, const QJsonObject &actor, const QString &target,
                       const QJsonObject &before, const QJsonObject &after)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("at"), QStringLiteral("2026-11-17T10:05:00Z")},
            {QStringLiteral("actor"), actor}, {QStringLiteral("kind"), kind}, {QStringLiteral("target"), target},
            {QStringLiteral("before"), before}, {QStringLiteral("after"), after}};
}
QJsonObject byMember(const QString &email)
{
    return {{QStringLiteral("kind"), QStringLiteral("member")}, {QStringLiteral("user_id"), QStringLiteral("u-") + email},
            {QStringLiteral("email"), email}};
}
QJsonObject auditPage(const QJsonArray &rows, qint64 nextBefore)
{
    return {{QStringLiteral("entries"), rows}, {QStringLiteral("next_before"), nextBefore ? QJsonValue(nextBefore) : QJsonValue()}};
}
QJsonObject role(const char *r) { return {{QStringLiteral("role"), QLatin1String(r)}}; }
QJsonObject plan(const char *p) { return {{QStringLiteral("plan"), QLatin1String(p)}}; }

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
const QString kBalance = QStringLiteral("/v1/workspaces/ws1/balance");
const QString kBalance2 = QStringLiteral("/v1/workspaces/ws2/balance");
const QString kUsage = QStringLiteral("/v1/workspaces/ws1/usage");
const QString kUsage2 = QStringLiteral("/v1/workspaces/ws2/usage");
const QString kPreview = QStringLiteral("/v1/workspaces/ws1/subscription/preview");
const QString kPortal = QStringLiteral("/v1/workspaces/ws1/billing-portal");

QJsonObject balance(int remaining)
{
    return {{QStringLiteral("remaining"), remaining}, {QStringLiteral("allowance"), 200}, {QStringLiteral("used"), 200 - remaining},
            {QStringLiteral("period"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("cycle")}}},
            {QStringLiteral("next_refill_at"), QStringLiteral("2026-12-17T10:00:00Z")},
            {QStringLiteral("as_of"), QStringLiteral("2026-12-02T10:00:00Z")}};
}

QJsonObject usage(const QString &month, int total)
{
    return {{QStringLiteral("month"), month}, {QStringLiteral("period"), QStringLiteral("month")},
            {QStringLiteral("from"), month + QStringLiteral("-01T00:00:00Z")}, {QStringLiteral("scope"), QStringLiteral("workspace")},
            {QStringLiteral("total"), total},
            {QStringLiteral("days"), QJsonArray{QJsonObject{{QStringLiteral("date"), month + QStringLiteral("-02")},
                                                            {QStringLiteral("credits"), total}}}},
            {QStringLiteral("by_activity"), QJsonArray{}}, {QStringLiteral("by_project"), QJsonArray{}},
            {QStringLiteral("by_member"), QJsonArray{}}};
}

QJsonObject upgradePreview()
{
    return {{QStringLiteral("kind"), QStringLiteral("upgrade")}, {QStringLiteral("tier"), QStringLiteral("pro-200")},
            {QStringLiteral("amount_due_now"), QJsonObject{{QStringLiteral("amount"), 9900}, {QStringLiteral("currency"), QStringLiteral("SEK")}}},
            {QStringLiteral("effective_at"), QStringLiteral("2026-12-02T10:00:00Z")}, {QStringLiteral("credits_after"), 300}};
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
        QCOMPARE(m.data(m.index(1), InvoiceModel::TaxTextRole).toString(), QStringLiteral("varav moms 39,80\u00a0kr"));   // the server's figure

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

    // The banner's words come from the server's overdue invoice; paid, it is gone.
    void overdueInvoiceForTheBanner()
    {
        ScriptedTransport t;
        InvoiceModel m;
        m.setTransport(&t);
        QSignalSpy overdueSpy(&m, &InvoiceModel::overdueChanged);
        QTRY_COMPARE(t.waiting(kInvoices), 1);
        const QJsonObject owed{{QStringLiteral("number"), QStringLiteral("K-2001")},
                               {QStringLiteral("amount_due"), QJsonObject{{QStringLiteral("amount"), 12000000}, {QStringLiteral("currency"), QStringLiteral("SEK")}}},
                               {QStringLiteral("due_date"), QStringLiteral("2027-01-03T09:00:00Z")},
                               {QStringLiteral("hosted_url"), QStringLiteral("https://pay.example/K-2001")},
                               {QStringLiteral("allowance_withheld"), false}};
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{invoice(QStringLiteral("K-2001"), QStringLiteral("open"), 12000000)}},
                                {QStringLiteral("overdue"), owed}}));
        QTRY_VERIFY(m.overdue());
        QCOMPARE(m.overdueText(), QStringLiteral("Fakturan på 120\u00a0000\u00a0kr förföll 3\u00a0jan. Betala den för att behålla er plan."));
        QJsonObject withheld = owed;
        withheld.insert(QStringLiteral("allowance_withheld"), true);
        m.reload();
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{}}, {QStringLiteral("overdue"), withheld}}));
        QTRY_VERIFY(m.overdueText().contains(QStringLiteral("Krediterna är pausade tills den är betald.")));
        m.reload();
        t.answer(kInvoices, ok({{QStringLiteral("invoices"), QJsonArray{}}, {QStringLiteral("overdue"), QJsonValue()}}));
        QTRY_VERIFY(!m.overdue());
        QCOMPARE(m.overdueText(), QString());
        QCOMPARE(overdueSpy.count(), 3);
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

    // Member limits: each member's use this cycle against their limit (or none)
    // as the Team page shows it; setting and clearing go to the member's limit
    // path; a refusal is the dialog's (limitError), not the page's error.
    void memberLimitsShowSetAndClear()
    {
        ScriptedTransport t;
        MemberModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&m, &MemberModel::actionDone);
        QJsonObject limited = member(QStringLiteral("m2"), QStringLiteral("Bo Berg"), QStringLiteral("member"));
        limited.insert(QStringLiteral("limit"), 50);
        limited.insert(QStringLiteral("used_this_cycle"), 12);
        QJsonObject free = member(QStringLiteral("m1"), QStringLiteral("Åsa Ägare"), QStringLiteral("owner"));
        free.insert(QStringLiteral("limit"), QJsonValue());
        free.insert(QStringLiteral("used_this_cycle"), 1200);
        // Another member's use without team usage: the server leaves it out, the limit stays.
        QJsonObject hidden = member(QStringLiteral("m3"), QStringLiteral("Cia Ek"), QStringLiteral("member"));
        hidden.insert(QStringLiteral("limit"), 30);
        hidden.insert(QStringLiteral("used_this_cycle"), QJsonValue());
        t.answer(kMembers, ok(members({free, limited, hidden}, 3, 0)));
        QTRY_COMPARE(m.rowCount(), 3);
        QVERIFY(m.limitsShown());
        QCOMPARE(m.data(m.index(2), MemberModel::LimitTextRole).toString(), QStringLiteral("30 krediter"));
        QVERIFY(!m.data(m.index(2), MemberModel::UsedThisCycleRole).isValid());
        QCOMPARE(m.data(m.index(1), MemberModel::LimitTextRole).toString(), QStringLiteral("12 av 50 krediter"));
        QCOMPARE(m.data(m.index(1), MemberModel::HasLimitRole).toBool(), true);
        QCOMPARE(m.data(m.index(1), MemberModel::LimitRole).toInt(), 50);
        QCOMPARE(m.data(m.index(1), MemberModel::UsedThisCycleRole).toInt(), 12);
        QCOMPARE(m.data(m.index(0), MemberModel::LimitTextRole).toString(), QStringLiteral("Ingen gräns"));
        QCOMPARE(m.data(m.index(0), MemberModel::HasLimitRole).toBool(), false);
        QVERIFY(!m.data(m.index(0), MemberModel::LimitRole).isValid());

        const QString path = kMembers + QStringLiteral("/m2/limit");
        // Above the plan's credits: the dialog says the largest allowed; the page's error stays empty.
        m.setLimit(QStringLiteral("m2"), 500);
        QVERIFY(m.loading());
        QCOMPARE(t.sent.last().verb, QByteArray("PUT"));
        QCOMPARE(t.sent.last().path, path);
        QCOMPARE(t.sent.last().body.value(QStringLiteral("monthly_credits")).toInt(), 500);
        t.answer(path, refused(400, {{QStringLiteral("code"), QStringLiteral("validation_failed")},
                                     {QStringLiteral("message"), QStringLiteral("the request has invalid fields")},
                                     {QStringLiteral("max"), 200}}));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.limitError(), QStringLiteral("Gränsen kan vara högst 200 krediter per period."));
        QCOMPARE(m.error(), QString());
        QCOMPARE(done.count(), 0);

        // Accepted: actionDone("limit"), the dialog's error gone, the list asked for again.
        m.setLimit(QStringLiteral("m2"), 40);
        QCOMPARE(m.limitError(), QString());
        t.answer(path, ok(limited));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(0).toString(), QStringLiteral("limit"));
        QTRY_COMPARE(t.waiting(kMembers), 1);
        limited.insert(QStringLiteral("limit"), 40);
        t.answer(kMembers, ok(members({free, limited}, 2, 0)));
        QTRY_COMPARE(m.data(m.index(1), MemberModel::LimitTextRole).toString(), QStringLiteral("12 av 40 krediter"));

        // Clearing sends null.
        m.clearLimit(QStringLiteral("m2"));
        QVERIFY(t.sent.last().body.contains(QStringLiteral("monthly_credits")));
        QVERIFY(t.sent.last().body.value(QStringLiteral("monthly_credits")).isNull());
        t.answer(path, refused(409, {{QStringLiteral("code"), QStringLiteral("member_limits_need_paid_plan")},
                                     {QStringLiteral("message"), QStringLiteral("Gränser för medlemmar finns bara på betalda planer.")}}));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.limitError(), QStringLiteral("Gränser för medlemmar finns bara på betalda planer."));

        // Free: no cycle, so no use and no limit column.
        m.reload();
        free.insert(QStringLiteral("used_this_cycle"), QJsonValue());
        t.answer(kMembers, ok(members({free}, 1, 10)));
        QTRY_COMPARE(m.rowCount(), 1);
        QVERIFY(!m.limitsShown());
        QCOMPARE(m.data(m.index(0), MemberModel::LimitTextRole).toString(), QString());
    }

    // A spend over the member's limit: the server's own sentence (with the limit in it).
    void memberLimitReachedIsTheServersText()
    {
        const QString text = QStringLiteral("Du har nått din gräns på 50 krediter för den här perioden. Be en administratör höja gränsen.");
        const ApiResult r = refused(402, {{QStringLiteral("code"), QStringLiteral("member_limit_reached")},
                                          {QStringLiteral("message"), text}, {QStringLiteral("limit"), 50}});
        QCOMPARE(r.error.kind, ApiError::MemberLimitReached);
        QCOMPARE(r.error.message, text);
        QCOMPARE(refused(402, {{QStringLiteral("code"), QStringLiteral("insufficient_credits")}}).error.message,
                 ApiError::messageFor(ApiError::InsufficientCredits));
    }

    // Roller: built-in and custom roles with their permissions in Swedish and
    // the member counts; edit and delete go to the role's own path; a role in
    // use is refused with how many hold it.
    void rolesListEditAndDelete()
    {
        ScriptedTransport t;
        RoleModel m;
        m.setTransport(&t);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&m, &RoleModel::actionDone);
        QSignalSpy failedSpy(&m, &RoleModel::actionFailed);
        QTRY_COMPARE(t.waiting(kRoles), 1);
        QVERIFY(m.loading());
        const QStringList all = RoleModel::allPermissions();
        t.answer(kRoles, ok({{QStringLiteral("roles"), QJsonArray{
            role(QStringLiteral("owner"), all, true, 1), role(QStringLiteral("admin"), all, true, 0),
            role(QStringLiteral("member"), {QStringLiteral("view_own_usage")}, true, 3),
            role(QStringLiteral("Ekonomi"), {QStringLiteral("view_own_usage"), QStringLiteral("view_billing")}, false, 2)}}}));
        QTRY_COMPARE(m.rowCount(), 4);
        QVERIFY(!m.loading());
        QCOMPARE(m.error(), QString());
        QCOMPARE(m.data(m.index(0), RoleModel::DisplayNameRole).toString(), QStringLiteral("Ägare"));
        QCOMPARE(m.data(m.index(3), RoleModel::DisplayNameRole).toString(), QStringLiteral("Ekonomi"));
        QCOMPARE(m.data(m.index(3), RoleModel::BuiltInRole).toBool(), false);
        QCOMPARE(m.data(m.index(3), RoleModel::MembersRole).toInt(), 2);
        QCOMPARE(m.data(m.index(3), RoleModel::PermissionLinesRole).toStringList(),
                 (QStringList{QStringLiteral("Se sina egna krediter och sin användning"),
                              QStringLiteral("Se fakturor och betalningsmetoder")}));
        QCOMPARE(m.data(m.index(0), RoleModel::PermissionLinesRole).toStringList().size(), 6); // five + ownership
        for (const QString &p : all)
            QVERIFY2(!RoleModel::permissionText(p).isEmpty(), qPrintable(p));
        // The pickers: Medlem, Administratör, then the custom roles (never Ägare).
        const QVariantList choices = m.choices();
        QCOMPARE(choices.size(), 3);
        QCOMPARE(choices.at(0).toMap().value(QStringLiteral("value")).toString(), QStringLiteral("member"));
        QCOMPARE(choices.at(2).toMap().value(QStringLiteral("value")).toString(), QStringLiteral("Ekonomi"));
        // The editor: a permission this owner of ws1 lacks (manage_plan) is not theirs to give.
        int notHeld = 0;
        for (const QVariant &v : m.permissionChoices()) {
            const QVariantMap c = v.toMap();
            const bool held = Session::instance()->permissions().contains(c.value(QStringLiteral("name")).toString());
            QCOMPARE(c.value(QStringLiteral("held")).toBool(), held);
            QCOMPARE(c.value(QStringLiteral("reason")).toString().isEmpty(), held);
            notHeld += held ? 0 : 1;
        }
        QCOMPARE(notHeld, 3);

        // Rename + new permissions: PATCH the old name, then the list again.
        m.update(QStringLiteral("Ekonomi"), QStringLiteral(" Ekonomi och plan "),
                 {QStringLiteral("view_own_usage"), QStringLiteral("view_billing")});
        const ApiRequest patch = t.sent.last();
        QCOMPARE(patch.verb, QByteArray("PATCH"));
        QCOMPARE(patch.path, kRoles + QStringLiteral("/Ekonomi"));
        QCOMPARE(patch.body.value(QStringLiteral("name")).toString(), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(patch.body.value(QStringLiteral("permissions")).toArray().size(), 2);
        t.answer(patch.path, ok(role(QStringLiteral("Ekonomi och plan"), {}, false, 2)));
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(done.at(0).at(0).toString(), QStringLiteral("update"));
        QTRY_COMPARE(t.waiting(kRoles), 1);
        t.answer(kRoles, ok({{QStringLiteral("roles"), QJsonArray{
            role(QStringLiteral("owner"), all, true, 1),
            role(QStringLiteral("Ekonomi och plan"), {QStringLiteral("view_billing")}, false, 2)}}}));
        QTRY_COMPARE(m.rowCount(), 2);

        // Delete while two hold it: the count sentence, the role still listed.
        m.remove(QStringLiteral("Ekonomi och plan"));
        const QString deletePath = kRoles + QStringLiteral("/Ekonomi%20och%20plan");
        QCOMPARE(t.sent.last().verb, QByteArray("DELETE"));
        QCOMPARE(t.sent.last().path, deletePath);
        t.answer(deletePath, refused(409, {{QStringLiteral("code"), QStringLiteral("role_in_use")},
                                           {QStringLiteral("message"), QStringLiteral("2 members hold this role")},
                                           {QStringLiteral("members"), 2}}));
        QTRY_COMPARE(failedSpy.count(), 1);
        QVERIFY(!m.loading());
        QCOMPARE(failedSpy.at(0).at(0).toString(), QStringLiteral("delete"));
        QCOMPARE(m.error(), RoleModel::inUseText(2));
        QVERIFY2(m.error().startsWith(QLatin1String("2 ")), qPrintable(m.error()));
        QCOMPARE(failedSpy.at(0).at(1).toString(), m.error());
        QCOMPARE(done.count(), 1);
        QCOMPARE(m.rowCount(), 2);

        // Once free: deleted, the list asked again, the error gone.
        m.remove(QStringLiteral("Ekonomi och plan"));
        t.answer(deletePath, ApiResult{204, {}, {}, {}});
        QTRY_COMPARE(done.count(), 2);
        QCOMPARE(m.error(), QString());
        QTRY_COMPARE(t.waiting(kRoles), 1);
        t.answer(kRoles, ok({{QStringLiteral("roles"), QJsonArray{role(QStringLiteral("owner"), all, true, 1)}}}));
        QTRY_COMPARE(m.rowCount(), 1);
        QCOMPARE(m.choices().size(), 2);
    }

    // Säkerhet: what SSO needs before it can be required, the upload of the
    // IdP's metadata file, the server's refusals by field, the test sign-in.
    void ssoSettingsStates()
    {
        ScriptedTransport t;
        SsoSettings sso;
        sso.setTransport(&t);
        QAbstractItemModelTester tester(&sso, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(t.waiting(kSso), 1);
        QVERIFY(sso.loading());
        QVERIFY(!sso.loaded());
        t.answer(kSso, ok(ssoAnswer(false, false, {}, false)));
        QTRY_VERIFY(sso.loaded());
        QVERIFY(!sso.available());
        QVERIFY(!sso.editable());
        QVERIFY(!sso.canEnforce());
        QCOMPARE(sso.enforceBlockedReason(), QStringLiteral("Single sign-on ingår i Enterprise."));

        // Enterprise, the domain waiting for Kliv, no IdP yet.
        sso.reload();
        t.answer(kSso, ok(ssoAnswer(true, false, QStringLiteral("acme.se"), false)));
        QTRY_VERIFY(sso.available());
        QVERIFY(sso.editable());   // the owner of ws1
        QCOMPARE(sso.rowCount(), 3);
        QCOMPARE(sso.data(sso.index(1), SsoSettings::ValueRole).toString(), QStringLiteral("https://konto.kliv.test/saml/ws1/acs"));
        QCOMPARE(sso.data(sso.index(2), SsoSettings::KeyRole).toString(), QStringLiteral("metadata_url"));
        QVERIFY(!sso.hasIdp());
        QCOMPARE(sso.domainStatusText(), QStringLiteral("Väntar på verifiering av Kliv"));
        QVERIFY(!sso.canEnforce());
        QCOMPARE(sso.enforceBlockedReason(), QStringLiteral("Ladda upp IdP-metadata först."));
        QVERIFY(!sso.openTest());
        QVERIFY(sso.testOpenFailed());

        // The metadata file goes up as text; the answer has the IdP and a verified domain.
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray xml = "<md:EntityDescriptor entityID=\"https://idp.acme.se/metadata\"/>";
        file.write(xml);
        file.flush();
        QVERIFY(sso.uploadMetadata(QUrl::fromLocalFile(file.fileName())));
        QCOMPARE(t.sent.last().verb, QByteArray("PUT"));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("idp_metadata")).toString(), QString::fromUtf8(xml));
        QVERIFY(sso.loading());
        t.answer(kSso, ok(ssoAnswer(true, true, QStringLiteral("acme.se"), true)));
        QTRY_VERIFY(sso.hasIdp());
        QVERIFY(!sso.loading());
        QCOMPARE(sso.idpEntityId(), QStringLiteral("https://idp.acme.se/metadata"));
        QVERIFY(sso.certificateFingerprint().startsWith(QLatin1String("AB:01:CD:23:")));
        QCOMPARE(sso.certificateFingerprint().size(), 32 * 3 - 1);
        QCOMPARE(sso.certificateExpiryText(), Format::date(Format::parseInstant(QStringLiteral("2027-01-10T12:00:00Z"))));
        QCOMPARE(sso.domainStatusText(), QStringLiteral("Verifierad"));
        QVERIFY(sso.canEnforce());
        QCOMPARE(sso.enforceBlockedReason(), QString());

        // Refusals: 422 names the field, 409 is another workspace's domain.
        sso.setEnforced(true, QStringLiteral(" nobody@else.se "));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("break_glass_email")).toString(), QStringLiteral("nobody@else.se"));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("enforced")).toBool(), true);
        t.answer(kSso, refused(422, {{QStringLiteral("code"), QStringLiteral("validation_failed")},
                                     {QStringLiteral("message"), QStringLiteral("not an owner")},
                                     {QStringLiteral("field"), QStringLiteral("break_glass_email")}}));
        QTRY_COMPARE(sso.errorField(), QStringLiteral("break_glass_email"));
        QVERIFY(!sso.error().isEmpty());
        QVERIFY(!sso.enforced());
        sso.setDomain(QStringLiteral(" Acme.SE "));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("domain")).toString(), QStringLiteral("acme.se"));
        QCOMPARE(sso.errorField(), QString());
        t.answer(kSso, refused(409, {{QStringLiteral("code"), QStringLiteral("conflict")},
                                     {QStringLiteral("message"), QStringLiteral("domain taken")}}));
        QTRY_COMPARE(sso.errorField(), QStringLiteral("domain"));
        QCOMPARE(sso.error(), QStringLiteral("Domänen används redan av en annan arbetsyta i Kliv."));
        sso.setDefaultRole(QStringLiteral("Ekonomi"));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("default_role")).toString(), QStringLiteral("Ekonomi"));
        t.answer(kSso, ok(ssoAnswer(true, true, QStringLiteral("acme.se"), true)));
        QTRY_COMPARE(sso.error(), QString());

        // Testa inloggningen: the browser gets test_url.
        UrlRecorder browser;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "openUrl");
        QVERIFY(sso.openTest());
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(browser.opened, (QList<QUrl>{QUrl(QStringLiteral("https://konto.kliv.test/saml/ws1/test"))}));
        QVERIFY(!sso.testOpenFailed());
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

    // Händelselogg: a member's limit change, before → after, "ingen gräns" for none.
    void auditLogSaysLimitChanges()
    {
        ScriptedTransport t;
        AuditLogModel m;
        m.setTransport(&t);
        const auto limit = [](const QJsonValue &v) { return QJsonObject{{QStringLiteral("monthly_credits"), v}}; };
        t.answer(kAudit, ok(auditPage({auditEntry(2, QStringLiteral("member.limit_changed"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("bo@kliv.test"), limit(QJsonValue()), limit(50)),
                                       auditEntry(1, QStringLiteral("member.limit_changed"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("bo@kliv.test"), limit(1), limit(QJsonValue()))}, 0)));
        QTRY_COMPARE(m.rowCount(), 2);
        const auto at = [&](int row, int role) { return m.data(m.index(row), role).toString(); };
        QCOMPARE(at(0, AuditLogModel::KindTextRole), QStringLiteral("Gräns ändrad"));
        QCOMPARE(at(0, AuditLogModel::SentenceRole), QStringLiteral("Ändrade gränsen för bo@kliv.test: ingen gräns → 50 krediter"));
        QCOMPARE(at(1, AuditLogModel::SentenceRole), QStringLiteral("Ändrade gränsen för bo@kliv.test: 1 kredit → ingen gräns"));
    }

    // Händelselogg: pages over next_before, the filters start over, each row
    // says when (local time), who and what in Swedish, before → after.
    void auditLogPagesFiltersAndSentences()
    {
        ScriptedTransport t;
        AuditLogModel m;
        m.setTransport(&t);
        m.setPageSize(2);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QTRY_COMPARE(t.waiting(kAudit), 1);
        QVERIFY(m.loading());
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        QVERIFY(!t.sent.last().query.hasQueryItem(QStringLiteral("before")));
        t.answer(kAudit, ok(auditPage({auditEntry(9, QStringLiteral("member.role_changed"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("bo@kliv.test"), role("member"), role("admin")),
                                       auditEntry(8, QStringLiteral("plan.cancel_scheduled"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("pro-200"), plan("pro-200"),
                                                  {{QStringLiteral("plan"), QStringLiteral("free")},
                                                   {QStringLiteral("effective_at"), QStringLiteral("2026-12-17T10:00:00Z")}})}, 8)));
        QTRY_COMPARE(m.rowCount(), 2);
        QVERIFY(!m.loading());
        QVERIFY(m.canLoadMore());
        const auto at = [&](int row, int role) { return m.data(m.index(row), role).toString(); };
        QCOMPARE(at(0, AuditLogModel::KindTextRole), QStringLiteral("Roll ändrad"));
        QCOMPARE(at(0, AuditLogModel::ActorTextRole), QStringLiteral("asa@kliv.test"));
        QCOMPARE(at(0, AuditLogModel::SentenceRole), QStringLiteral("Ändrade rollen för bo@kliv.test: Medlem → Administratör"));
        QVERIFY2(at(0, AuditLogModel::AtTextRole).endsWith(QStringLiteral("11:05")), qPrintable(at(0, AuditLogModel::AtTextRole))); // Stockholm
        QVERIFY2(at(0, AuditLogModel::AtTextRole).startsWith(QStringLiteral("17 nov")), qPrintable(at(0, AuditLogModel::AtTextRole)));
        QCOMPARE(at(1, AuditLogModel::SentenceRole),
                 QStringLiteral("Sade upp Pro 200: övergår till Gratis den ") + Format::date(Format::parseInstant(QStringLiteral("2026-12-17T10:00:00Z"))));

        // "Visa fler": the next page before the last id; a failure keeps what is shown.
        m.loadMore();
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("before")), QStringLiteral("8"));
        t.answer(kAudit, failed(ApiError::Server, 500));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), ApiError::messageFor(ApiError::Server));
        QCOMPARE(m.rowCount(), 2);
        QVERIFY(m.canLoadMore());
        m.loadMore();
        t.answer(kAudit, ok(auditPage({auditEntry(7, QStringLiteral("plan.changed"),
                                                  {{QStringLiteral("kind"), QStringLiteral("system")}, {QStringLiteral("user_id"), QJsonValue()},
                                                   {QStringLiteral("email"), QJsonValue()}},
                                                  QStringLiteral("pro-200"), plan("free"), plan("pro-200")),
                                       auditEntry(6, QStringLiteral("member.invited"),
                                                  {{QStringLiteral("kind"), QStringLiteral("operator")},
                                                   {QStringLiteral("email"), QStringLiteral("operator:sales")}},
                                                  QStringLiteral("bo@kliv.test"), {}, role("member"))}, 0)));
        QTRY_COMPARE(m.rowCount(), 4);
        QCOMPARE(m.error(), QString());
        QVERIFY(!m.canLoadMore());
        QCOMPARE(at(2, AuditLogModel::ActorTextRole), QStringLiteral("Automatiskt"));
        QCOMPARE(at(2, AuditLogModel::SentenceRole), QStringLiteral("Planen ändrades: Gratis → Pro 200"));
        QCOMPARE(at(3, AuditLogModel::ActorTextRole), QStringLiteral("Kliv (sales)"));
        QCOMPARE(at(3, AuditLogModel::SentenceRole), QStringLiteral("Bjöd in bo@kliv.test som Medlem"));

        // A filter starts over; a page still coming for the old filter is dropped.
        m.setKindFilter(QStringLiteral("member.invited"));
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("kind")), QStringLiteral("member.invited"));
        m.setActorFilter(QStringLiteral("u-asa@kliv.test"));
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("kind")), QStringLiteral("member.invited"));
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("actor")), QStringLiteral("u-asa@kliv.test"));
        t.answer(kAudit, ok(auditPage({auditEntry(5, QStringLiteral("member.invited"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("old@kliv.test"), {}, role("member"))}, 0)));   // the kind-only page
        t.answer(kAudit, ok(auditPage({auditEntry(4, QStringLiteral("workspace.renamed"), byMember(QStringLiteral("asa@kliv.test")),
                                                  QStringLiteral("ny@kliv.test"), {}, {})}, 0)));
        QTRY_COMPARE(m.rowCount(), 1);
        QCOMPARE(m.data(m.index(0), AuditLogModel::EntryIdRole).toLongLong(), 4);
        // A kind this app does not know yet: its stable name and the target, not nothing.
        QCOMPARE(at(0, AuditLogModel::KindTextRole), QStringLiteral("workspace.renamed"));
        QCOMPARE(at(0, AuditLogModel::SentenceRole), QStringLiteral("ny@kliv.test"));

        // The CSV of the same filters, written where the save dialog said.
        QTemporaryDir dir;
        QSignalSpy done(&m, &AuditLogModel::exportFinished);
        m.exportCsv(QUrl::fromLocalFile(dir.filePath(QStringLiteral("logg.csv"))));
        QCOMPARE(t.sent.last().path, QStringLiteral("/v1/workspaces/ws1/audit.csv"));
        QVERIFY(t.sent.last().raw);
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("actor")), QStringLiteral("u-asa@kliv.test"));
        ApiResult csv;
        csv.status = 200;
        csv.body = "at,actor_kind,actor,kind,target,before,after\r\n";
        t.answer(QStringLiteral("/v1/workspaces/ws1/audit.csv"), csv);
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(done.first().at(0).toBool());
        QFile file(dir.filePath(QStringLiteral("logg.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), csv.body);
        QVERIFY(AuditLogModel::exportFileName().startsWith(QLatin1String("kliv-handelselogg-")));
        QVERIFY(AuditLogModel::exportFileUrl().toLocalFile().startsWith(AuditLogModel::exportFolder().toLocalFile()));
    }

    // The balance: loading while asked, the error on a failure (and what is
    // shown marked stale), both gone with the next answer; an answer for the
    // workspace the user left is not shown in the new one.
    void creditMeterLoadingErrorAndStale()
    {
        CreditMeter *meter = CreditMeter::instance();
        if (m_session.waiting(kBalance))   // its first ask, through the session's transport
            m_session.answer(kBalance, ok(balance(200)));
        QTRY_VERIFY(!meter->loading());
        ScriptedTransport t;
        meter->setTransport(&t);
        const auto restore = qScopeGuard([meter] { meter->setTransport(nullptr); });
        QSignalSpy loadingSpy(meter, &CreditMeter::loadingChanged);

        meter->refresh();
        QVERIFY(meter->loading());
        QCOMPARE(t.waiting(kBalance), 1);
        t.answer(kBalance, ok(balance(150)));
        QTRY_VERIFY(!meter->loading());
        QCOMPARE(loadingSpy.count(), 2);
        QCOMPARE(meter->remaining(), 150);
        QCOMPARE(meter->error(), QString());
        QVERIFY(!meter->stale());

        // The server fails: its message, loading over, the balance kept but stale.
        meter->refresh();
        QVERIFY(meter->loading());
        const ApiResult unavailable = refused(500, {{QStringLiteral("code"), QStringLiteral("internal")},
                                                    {QStringLiteral("message"), QStringLiteral("boom")}});
        t.answer(kBalance, unavailable);
        QTRY_VERIFY(!meter->loading());
        QCOMPARE(meter->error(), unavailable.error.message);
        QVERIFY(!meter->error().isEmpty());
        QCOMPARE(meter->remaining(), 150);
        QVERIFY(meter->stale());

        // The next answer clears the error and is current again.
        meter->refresh();
        t.answer(kBalance, ok(balance(140)));
        QTRY_VERIFY(!meter->loading());
        QCOMPARE(meter->error(), QString());
        QCOMPARE(meter->remaining(), 140);
        QVERIFY(!meter->stale());

        // ws1's answer arrives after the switch to ws2: not shown there.
        meter->refresh();
        Session::instance()->switchWorkspace(QStringLiteral("ws2"));
        QTRY_COMPARE(t.waiting(kBalance2), 1);
        t.answer(kBalance, ok(balance(5)));
        QTest::qWait(20);
        QVERIFY(!meter->hasData());
        QVERIFY(meter->loading()); // ws2's is still coming
        t.answer(kBalance2, ok(balance(40)));
        QTRY_VERIFY(!meter->loading());
        QCOMPARE(meter->remaining(), 40);
        // A failure for ws2 left behind in ws1 is not ws1's error.
        meter->refresh();
        Session::instance()->switchWorkspace(QStringLiteral("ws1"));
        t.answer(kBalance2, failed(ApiError::Server, 500));
        QTRY_COMPARE(t.waiting(kBalance), 1);
        QCOMPARE(meter->error(), QString());
        t.answer(kBalance, ok(balance(130)));
        QTRY_COMPARE(meter->remaining(), 130);
        QVERIFY(!meter->loading());
        QCOMPARE(meter->error(), QString());
    }

    // Användning: loading while a period is asked for, the error on a failure,
    // gone with the next answer; of two months asked for quickly only the last
    // is shown; an answer for the workspace the user left is dropped.
    void usageLoadingErrorAndStale()
    {
        ScriptedTransport t;
        UsageModel m;
        m.setTransport(&t);
        m.setWithEntries(false);
        QTRY_COMPARE(t.waiting(kUsage), 1);
        QVERIFY(m.loading());
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("period")), QStringLiteral("cycle"));
        t.answer(kUsage, ok(usage(QStringLiteral("2026-12"), 60)));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.total(), 60);
        QCOMPARE(m.month(), QStringLiteral("2026-12"));
        QCOMPARE(m.scopeText(), QStringLiteral("Teamets användning"));
        QCOMPARE(m.error(), QString());

        m.reload();
        QVERIFY(m.loading());
        const ApiResult forbidden = refused(403, {{QStringLiteral("code"), QStringLiteral("forbidden")},
                                                  {QStringLiteral("message"), QStringLiteral("no")}});
        t.answer(kUsage, forbidden);
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.error(), forbidden.error.message);
        QVERIFY(!m.error().isEmpty());
        QCOMPARE(m.total(), 60);

        // October, then September before October answers: September is shown.
        m.setMonth(QStringLiteral("2026-10"));
        m.setMonth(QStringLiteral("2026-09"));
        QCOMPARE(t.waiting(kUsage), 2);
        QCOMPARE(t.sent.last().query.queryItemValue(QStringLiteral("month")), QStringLiteral("2026-09"));
        t.answer(kUsage, ok(usage(QStringLiteral("2026-10"), 111)));
        QTest::qWait(20);
        QVERIFY(m.loading());
        QCOMPARE(m.total(), 60);
        t.answer(kUsage, ok(usage(QStringLiteral("2026-09"), 99)));
        QTRY_VERIFY(!m.loading());
        QCOMPARE(m.total(), 99);
        QCOMPARE(m.month(), QStringLiteral("2026-09"));
        QCOMPARE(m.error(), QString());

        // Another workspace: ws1's answer still coming is not shown there.
        m.reload();
        Session::instance()->switchWorkspace(QStringLiteral("ws2"));
        QTRY_COMPARE(t.waiting(kUsage2), 1);
        t.answer(kUsage, ok(usage(QStringLiteral("2026-09"), 7)));
        QTest::qWait(20);
        QCOMPARE(m.total(), 99);
        t.answer(kUsage2, ok(usage(QStringLiteral("2026-09"), 12)));
        QTRY_COMPARE(m.total(), 12);
        QVERIFY(!m.loading());
        Session::instance()->switchWorkspace(QStringLiteral("ws1"));
        QTRY_COMPARE(t.waiting(kUsage), 1);
        t.answer(kUsage, ok(usage(QStringLiteral("2026-09"), 99)));
        QTRY_COMPARE(m.total(), 99);
    }

    // Planer: busy while an action runs, the server's refusal as the error (the
    // portal's as portalError), gone with the next success; the answer to an
    // action in the workspace the user left is not shown in the new one.
    void subscriptionBusyErrorAndStale()
    {
        ScriptedTransport t;
        Subscription *sub = Subscription::instance();
        sub->setTransport(&t);
        const auto restore = qScopeGuard([sub] { sub->setTransport(nullptr); });
        QSignalSpy previews(sub, &Subscription::previewReady);
        QSignalSpy busySpy(sub, &Subscription::busyChanged);

        sub->preview(QStringLiteral("pro-200"));
        QVERIFY(sub->busy());
        QCOMPARE(t.sent.last().verb, QByteArray("POST"));
        QCOMPARE(t.sent.last().body.value(QStringLiteral("tier")).toString(), QStringLiteral("pro-200"));
        sub->preview(QStringLiteral("pro-200"));   // one action at a time
        QCOMPARE(t.sentTo("POST", kPreview), 1);
        t.answer(kPreview, ok(upgradePreview()));
        QTRY_COMPARE(previews.count(), 1);
        QVERIFY(!sub->busy());
        QCOMPARE(busySpy.count(), 2);
        QCOMPARE(previews.at(0).at(0).toString(), QStringLiteral("upgrade"));
        QCOMPARE(sub->error(), QString());

        // Refused: the server's reason, busy over, no preview.
        sub->preview(QStringLiteral("pro-200"));
        const ApiResult pastDue = refused(402, {{QStringLiteral("code"), QStringLiteral("past_due")},
                                                {QStringLiteral("message"), QStringLiteral("pay first")}});
        t.answer(kPreview, pastDue);
        QTRY_VERIFY(!sub->busy());
        QCOMPARE(sub->error(), ApiError::messageFor(ApiError::PastDue));
        QCOMPARE(sub->portalError(), QString());
        QCOMPARE(previews.count(), 1);

        // The portal's failure is the portal's error, not the plan's.
        sub->openPortal();
        QVERIFY(sub->busy());
        t.answer(kPortal, failed(ApiError::PaymentsUnavailable, 503));
        QTRY_VERIFY(!sub->busy());
        QCOMPARE(sub->portalError(), ApiError::messageFor(ApiError::PaymentsUnavailable));
        QCOMPARE(sub->error(), QString());

        // The next success: no error left.
        sub->preview(QStringLiteral("pro-200"));
        t.answer(kPreview, ok(upgradePreview()));
        QTRY_COMPARE(previews.count(), 2);
        QVERIFY(!sub->busy());
        QCOMPARE(sub->error(), QString());
        QCOMPARE(sub->portalError(), QString());

        // Asked in ws1, answered in ws2: no dialog and no error there.
        sub->preview(QStringLiteral("pro-200"));
        QVERIFY(sub->busy());
        Session::instance()->switchWorkspace(QStringLiteral("ws2"));
        t.answer(kPreview, pastDue);
        QTRY_VERIFY(!sub->busy());
        QCOMPARE(sub->error(), QString());
        sub->preview(QStringLiteral("pro-200"));   // asked in ws2, answered back in ws1
        Session::instance()->switchWorkspace(QStringLiteral("ws1"));
        t.answer(QStringLiteral("/v1/workspaces/ws2/subscription/preview"), ok(upgradePreview()));
        QTRY_VERIFY(!sub->busy());
        QCOMPARE(previews.count(), 2);
        QCOMPARE(sub->error(), QString());
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
