// SAML single sign-on against the real binary (SQLite and PostgreSQL) and a
// real IdP (samlify, tests/e2e/idp/idp.js). Every bad response is refused with
// the Swedish page, for the reason the server logs, and creates no code, no
// user and no member. Bad responses are either signed by samlify with the one
// wrong value (issuer, audience, ...) or a real signed response tampered with
// here (unsigned, altered, signature wrapping).
#include "apitest.h"
#include "httpconnection.h"
#include "idpprocess.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace {
const QString Verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QString Challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
const QString Redirect = QStringLiteral("http://127.0.0.1:53682/callback");
const QString Password = QStringLiteral("rätt-lösen-42");
const QByteArray Refused = "Inloggningen med SSO misslyckades";
} // namespace

// setUpAcme() in a test function: stops it when the set-up failed or skipped (no PostgreSQL).
#define KLIV_ACME(...)                                                                             \
    do {                                                                                           \
        setUpAcme(__VA_ARGS__);                                                                    \
        if (QTest::currentTestFailed() || !fx || !ws.isValid())                                    \
            return;                                                                                \
    } while (false)

class Sso : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;
    IdpProcess idp;
    WorkspaceIds ws;
    QString ownerToken;

    static QByteArray form(const QList<QPair<QString, QString>> &fields)
    {
        QUrlQuery q;
        for (const auto &f : fields)
            q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
        return q.query(QUrl::FullyEncoded).toUtf8();
    }
    static QList<QPair<QString, QString>> authorize()
    {
        return {{"response_type", "code"}, {"client_id", "kliv-konto"}, {"redirect_uri", Redirect},
                {"state", "st-1"}, {"code_challenge", Challenge}, {"code_challenge_method", "S256"}};
    }
    HttpReply postForm(const QString &path, const QByteArray &body)
    {
        return fx->send(HttpConnection::buildRequest("POST", path.toUtf8(), body, {}, "application/x-www-form-urlencoded"));
    }

    // An Enterprise workspace "Acme" with the IdP and the verified domain acme.se.
    void setUpAcme(const QStringList &extra = {})
    {
        KLIV_START(fx, apitest::wallClock());
        ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.se"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(ws.id, QStringLiteral("enterprise"), 100000).isEmpty(), qPrintable(fx->errorString()));
        const AdminResult r = fx->admin(QStringList{QStringLiteral("set-sso"), ws.id, QStringLiteral("--metadata"), idp.metadataFile(),
                                                    QStringLiteral("--domain"), QStringLiteral("acme.se"),
                                                    QStringLiteral("--verify-domain")} + extra);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        ownerToken = fx->issueUserToken(QStringLiteral("owner@acme.se"));
        QVERIFY(!ownerToken.isEmpty());
        QVERIFY(idp.control({{"email", "ann@acme.se"}, {"name", "Ann Andersson"}}));
    }

    // The app's "Logga in med SSO": our 302 to the IdP, then the IdP's signed answer.
    QJsonObject idpAnswer(const QString &email = QStringLiteral("ann@acme.se"))
    {
        auto q = authorize();
        q.append({QStringLiteral("sso"), QStringLiteral("1")});
        q.append({QStringLiteral("login_hint"), email});
        const HttpReply start = fx->get(QStringLiteral("/oauth/authorize?") + QString::fromUtf8(form(q)));
        if (start.status != 302) {
            qWarning("SSO start: %s", qPrintable(start.describe()));
            return {};
        }
        return idp.login(start.headers.value("location"));
    }
    HttpReply postResponse(const QByteArray &samlResponseBase64)
    {
        return postForm(QStringLiteral("/saml/%1/acs").arg(ws.id),
                        form({{QStringLiteral("SAMLResponse"), QString::fromLatin1(samlResponseBase64)},
                              {QStringLiteral("RelayState"), ws.id}}));
    }
    static QByteArray xmlOf(const QJsonObject &answer)
    {
        return QByteArray::fromBase64(answer.value(QLatin1String("SAMLResponse")).toString().toLatin1());
    }

    int memberCount()
    {
        return fx->get(QStringLiteral("/v1/workspaces/%1/members").arg(ws.id), ownerToken).jsonArray("members").size();
    }
    // Refused with the Swedish page, for `why` (the server's log), and nothing issued or created.
    void verifyRefused(const HttpReply &r, const char *why)
    {
        QVERIFY2(r.status >= 400 && r.body.contains(Refused), qPrintable(r.describe()));
        QVERIFY(!r.headers.contains("location"));
        QVERIFY2(QTest::qWaitFor([&] { return fx->serverStderr().contains(why); }, 5000),
                 qPrintable(QStringLiteral("no log line with \"%1\"; log tail: %2")
                                .arg(QLatin1String(why), QString::fromUtf8(fx->serverStderr().right(600)))));
        QCOMPARE(memberCount(), 1);   // the owner only
        QVERIFY(!fx->serverStderr().contains("ann@acme.se"));   // no e-mail, no NameID in the log
    }
    QString codeOf(const HttpReply &r)
    {
        return QUrlQuery(QUrl(QString::fromUtf8(r.headers.value("location")))).queryItemValue("code", QUrl::FullyDecoded);
    }
    QJsonObject exchange(const QString &code)
    {
        return fx->send(HttpConnection::buildRequest(
                            "POST", "/oauth/token",
                            form({{"grant_type", "authorization_code"}, {"code", code}, {"code_verifier", Verifier},
                                  {"redirect_uri", Redirect}, {"client_id", "kliv-konto"}}),
                            {}, "application/x-www-form-urlencoded"))
            .json();
    }

    // The signed assertion, and one like it that nobody signed (the attacker's).
    static QByteArray assertionOf(const QByteArray &xml)
    {
        const int from = int(xml.indexOf("<saml:Assertion")), to = int(xml.indexOf("</saml:Assertion>")) + 17;
        return xml.mid(from, to - from);
    }
    static QByteArray evilTwin(const QByteArray &assertion)
    {
        QByteArray evil = assertion;
        evil.replace(QRegularExpression(QStringLiteral("<ds:Signature.*</ds:Signature>")).match(QString::fromLatin1(evil)).captured(0).toLatin1(), "");
        evil.replace("ann@acme.se", "eve@acme.se");
        return evil.replace("ID=\"_", "ID=\"_evil");
    }
    static QByteArray withoutSignatures(QByteArray xml)
    {
        static const QRegularExpression sig(QStringLiteral("<ds:Signature.*?</ds:Signature>"));
        return QString::fromUtf8(xml).remove(sig).toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(idp.start(), qPrintable(idp.errorString()));
    }
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup()
    {
        fx.reset();
        ws = {};
    }

    // The first sign-in of a new person: user and member (default role) created, code for the app.
    void jitSignInLandsInTheWorkspace()
    {
        KLIV_ACME({QStringLiteral("--default-role"), QStringLiteral("admin")});
        const HttpReply r = postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1());
        KLIV_VERIFY_STATUS(r, 302);
        QVERIFY(r.headers.value("location").startsWith(Redirect.toUtf8() + "?code="));
        QVERIFY(r.headers.value("location").endsWith("&state=st-1"));
        const QJsonObject tokens = exchange(codeOf(r));
        const HttpReply me = fx->get(QStringLiteral("/v1/me"), tokens.value("access_token").toString());
        KLIV_VERIFY_STATUS(me, 200);
        QCOMPARE(me.json().value("user").toObject().value("email").toString(), QStringLiteral("ann@acme.se"));
        QCOMPARE(me.json().value("user").toObject().value("name").toString(), QStringLiteral("Ann Andersson"));
        const QJsonArray memberships = me.jsonArray("memberships");
        QCOMPARE(memberships.size(), 1);
        QCOMPARE(memberships.first().toObject().value("workspace_id").toString(), ws.id);
        QCOMPARE(memberships.first().toObject().value("role").toString(), QStringLiteral("admin"));
        // The next sign-in updates the name and adds no second member.
        QVERIFY(idp.control({{"email", "ann@acme.se"}, {"name", "Ann Berg"}, {"sign", "response"}}));
        KLIV_VERIFY_STATUS(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), 302);
        QCOMPARE(memberCount(), 2);
        QVERIFY(fx->get(QStringLiteral("/v1/workspaces/%1/members").arg(ws.id), ownerToken).body.contains("Ann Berg"));
        QVERIFY(!fx->serverStderr().contains("ann@acme.se"));
    }

    void signedRequestsWhenTheIdpWantsThem()
    {
        IdpProcess strict;
        QVERIFY2(strict.start(true), qPrintable(strict.errorString()));
        KLIV_ACME();
        QVERIFY(fx->admin({QStringLiteral("set-sso"), ws.id, QStringLiteral("--metadata"), strict.metadataFile()}).ok());
        QVERIFY(strict.control({{"email", "ann@acme.se"}, {"name", "Ann"}}));
        auto q = authorize();
        q.append({QStringLiteral("sso"), QStringLiteral("1")});
        q.append({QStringLiteral("login_hint"), QStringLiteral("ann@acme.se")});
        const HttpReply start = fx->get(QStringLiteral("/oauth/authorize?") + QString::fromUtf8(form(q)));
        KLIV_VERIFY_STATUS(start, 302);
        QVERIFY(start.headers.value("location").contains("&Signature="));
        const QJsonObject answer = strict.login(start.headers.value("location"));   // samlify checked the signature
        QVERIFY2(answer.contains("SAMLResponse"), qPrintable(apitest::compact(answer)));
        KLIV_VERIFY_STATUS(postResponse(answer.value("SAMLResponse").toString().toLatin1()), 302);
    }

    void unsignedIsRefused()
    {
        KLIV_ACME();
        verifyRefused(postResponse(withoutSignatures(xmlOf(idpAnswer())).toBase64()), "neither the Response nor the Assertion is signed");
    }

    void alteredAssertionIsRefused()
    {
        KLIV_ACME();
        QByteArray xml = xmlOf(idpAnswer());
        xml.replace("Ann Andersson", "Ann Admin");
        verifyRefused(postResponse(xml.toBase64()), "Failed to verify signature");
    }

    void encryptedButUnsignedIsRefused()
    {
        KLIV_ACME();
        QByteArray xml = withoutSignatures(xmlOf(idpAnswer()));
        xml.replace(assertionOf(xml), "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\">"
                                      "<xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData>"
                                      "</xenc:EncryptedData></saml:EncryptedAssertion>");
        verifyRefused(postResponse(xml.toBase64()), "EncryptedAssertion");
    }

    // XSW: an unsigned assertion beside the signed one, in front of it.
    void wrappingBesideIsRefused()
    {
        KLIV_ACME();
        QByteArray xml = xmlOf(idpAnswer());
        const QByteArray signedOne = assertionOf(xml);
        xml.replace(signedOne, evilTwin(signedOne) + signedOne);
        verifyRefused(postResponse(xml.toBase64()), "exactly one Assertion");
    }

    // XSW: the signed assertion moved into samlp:Extensions, an unsigned one in its place.
    void wrappingInExtensionsIsRefused()
    {
        KLIV_ACME();
        QByteArray xml = xmlOf(idpAnswer());
        const QByteArray signedOne = assertionOf(xml);
        xml.replace(signedOne, evilTwin(signedOne));
        xml.replace("<samlp:Status>", "<samlp:Extensions>" + signedOne + "</samlp:Extensions><samlp:Status>");
        verifyRefused(postResponse(xml.toBase64()), "exactly one Assertion");
    }

    // XSW: the signed assertion inside the ds:Object of a signature on an unsigned one.
    void wrappingInSignatureObjectIsRefused()
    {
        KLIV_ACME();
        QByteArray xml = xmlOf(idpAnswer());
        const QByteArray signedOne = assertionOf(xml);
        QByteArray evil = evilTwin(signedOne);
        const QByteArray sig = QRegularExpression(QStringLiteral("<ds:Signature.*</ds:Signature>"))
                                   .match(QString::fromLatin1(signedOne)).captured(0).toLatin1();
        QByteArray wrapped = sig;
        wrapped.replace("</ds:Signature>", "<ds:Object>" + signedOne + "</ds:Object></ds:Signature>");
        evil.replace("</saml:Issuer>", "</saml:Issuer>" + wrapped);
        xml.replace(signedOne, evil);
        verifyRefused(postResponse(xml.toBase64()), "exactly one Assertion");
    }

    void wrongValuesAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("why");
        QTest::newRow("issuer") << "issuer" << "http://evil.test/idp" << QByteArray("lasso refused the response");
        QTest::newRow("audience") << "audience" << "http://evil.test/sp" << QByteArray("the Audience is not this SP's entity ID");
        QTest::newRow("destination") << "destination" << "http://evil.test/acs" << QByteArray("Destination is not this ACS URL");
        QTest::newRow("recipient") << "recipient" << "http://evil.test/acs" << QByteArray("Recipient is not this ACS URL");
        QTest::newRow("status") << "status" << "urn:oasis:names:tc:SAML:2.0:status:Requester" << QByteArray("refused the response");
        QTest::newRow("in_response_to") << "in_response_to" << "_not-our-request" << QByteArray("not an open request");
        QTest::newRow("outside domain") << "email" << "eve@evil.se" << QByteArray("not in the workspace's domain");
    }
    // Signed by samlify, with one wrong value.
    void wrongValuesAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, why);
        KLIV_ACME();
        QJsonObject c{{"email", "ann@acme.se"}, {"name", "Ann"}, {"sign", "both"}};
        c.insert(key, value);
        QVERIFY(idp.control(c));
        verifyRefused(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), why.constData());
    }

    // NotBefore/NotOnOrAfter on the server's clock with 60 s either way.
    void validityWindowWithSkew()
    {
        KLIV_ACME();
        QVERIFY(idp.control({{"email", "ann@acme.se"}, {"shift", 30}}));
        KLIV_VERIFY_STATUS(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), 302);   // within the skew
        QVERIFY(idp.control({{"email", "ann@acme.se"}, {"shift", 300}}));
        verifyRefusedKeepingMembers(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), "not valid yet");
        // Five minutes of validity: six and a half later (the server's clock) it has expired.
        QVERIFY(idp.control({{"email", "ann@acme.se"}}));
        const QJsonObject answer = idpAnswer();
        QVERIFY2(fx->setClock(apitest::ceilSecond(QDateTime::currentDateTimeUtc()).addSecs(390)),
                 qPrintable(fx->errorString()));
        verifyRefusedKeepingMembers(postResponse(answer.value("SAMLResponse").toString().toLatin1()), "has expired");
    }

    void replayIsRefused()
    {
        KLIV_ACME();
        const QByteArray response = idpAnswer().value("SAMLResponse").toString().toLatin1();
        KLIV_VERIFY_STATUS(postResponse(response), 302);
        verifyRefusedKeepingMembers(postResponse(response), "not an open request");
        // The same assertion ID again, in answer to a new request.
        QVERIFY(idp.control({{"email", "ann@acme.se"}, {"assertion_id", "_fixed-assertion"}}));
        KLIV_VERIFY_STATUS(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), 302);
        verifyRefusedKeepingMembers(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()), "(replay)");
        // Each refusal is in the workspace's audit log, with the reason only.
        const HttpReply log = fx->get(QStringLiteral("/v1/workspaces/%1/audit?kind=sso.sign_in_failed").arg(ws.id), ownerToken);
        KLIV_VERIFY_STATUS(log, 200);
        const QJsonArray failed = log.json().value("entries").toArray();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).toObject().value("after").toObject().value("reason").toString(),
                 QStringLiteral("the assertion ID was used before (replay)"));
        QCOMPARE(failed.at(0).toObject().value("actor").toObject().value("kind").toString(), QStringLiteral("system"));
        QVERIFY(!log.body.contains("ann@acme.se"));
    }

    // Anyone may POST to the ACS: garbage fills at most 20 entries of the audit log in
    // ten minutes (the rest are logged only), and a source that keeps failing gets 429.
    void garbageCannotFloodTheAuditLog()
    {
        KLIV_ACME();
        for (int i = 0; i < 30; ++i) {
            const HttpReply r = postResponse(QByteArray("bm90IFNBTUw=").repeated(i + 1));
            QVERIFY2(r.status == 400 && r.body.contains(Refused), qPrintable(QString::number(i) + r.describe()));
        }
        const HttpReply log = fx->get(QStringLiteral("/v1/workspaces/%1/audit?kind=sso.sign_in_failed&limit=100").arg(ws.id), ownerToken);
        KLIV_VERIFY_STATUS(log, 200);
        QCOMPARE(log.json().value("entries").toArray().size(), 20);
        QVERIFY(fx->serverStderr().contains("not written to the audit log"));
        const HttpReply throttled = postResponse(QByteArray("bm90IFNBTUw="));
        QCOMPARE(throttled.status, 429);
        QVERIFY(throttled.body.contains("För många misslyckade inloggningar"));
        // Even a good answer from that source waits out the window; nobody was let in.
        QCOMPARE(postResponse(idpAnswer().value("SAMLResponse").toString().toLatin1()).status, 429);
        QCOMPARE(memberCount(), 1);
    }

    void unknownOrUnverifiedDomainSaysSo()
    {
        KLIV_ACME();
        auto q = authorize();
        q.append({QStringLiteral("email"), QStringLiteral("kim@other.se")});
        const HttpReply unknown = postForm(QStringLiteral("/oauth/sso"), form(q));
        KLIV_VERIFY_STATUS(unknown, 200);
        QVERIFY2(unknown.body.contains("Ingen inloggning med SSO är konfigurerad för domänen other.se."), unknown.body.constData());
        QVERIFY(unknown.body.contains("name=\"state\" value=\"st-1\""));   // the form goes on with the same sign-in
        QVERIFY(fx->admin({QStringLiteral("set-sso"), ws.id, QStringLiteral("--domain"), QStringLiteral("acme.nu")}).ok());
        q.last().second = QStringLiteral("ann@acme.nu");
        QVERIFY(postForm(QStringLiteral("/oauth/sso"), form(q)).body.contains("konfigurerad för domänen acme.nu."));
    }

    // "Testa inloggningen": the round trip, a page with what the IdP sent, no session, no member.
    void testRoundTripCreatesNothing()
    {
        KLIV_ACME();
        const HttpReply start = fx->get(QStringLiteral("/saml/%1/test").arg(ws.id));
        KLIV_VERIFY_STATUS(start, 302);
        const HttpReply page = postResponse(idp.login(start.headers.value("location")).value("SAMLResponse").toString().toLatin1());
        KLIV_VERIFY_STATUS(page, 200);
        QVERIFY(page.body.contains("Inloggningen med SSO fungerar"));
        QVERIFY(page.body.contains("Ann Andersson") && page.body.contains("ann@acme.se"));
        QCOMPARE(memberCount(), 1);
    }

    void enforcementRefusesPasswordsButBreakGlass()
    {
        KLIV_ACME({QStringLiteral("--break-glass"), QStringLiteral("owner@acme.se"), QStringLiteral("--enforce"), QStringLiteral("on")});
        QVERIFY(fx->addMember(ws.id, QStringLiteral("bob@acme.se")).contains("member_id"));
        for (const char *who : {"owner@acme.se", "bob@acme.se"})
            QVERIFY(fx->admin({QStringLiteral("set-password"), QStringLiteral("--user"), QLatin1String(who), QStringLiteral("--password"), Password}).ok());
        auto signIn = [&](const QString &email) {
            auto q = authorize();
            q.append({QStringLiteral("email"), email});
            q.append({QStringLiteral("password"), Password});
            return postForm(QStringLiteral("/oauth/authorize"), form(q));
        };
        const HttpReply bob = signIn(QStringLiteral("bob@acme.se"));
        KLIV_VERIFY_STATUS(bob, 403);
        QVERIFY(bob.body.contains("Din organisation kräver inloggning med SSO. Välj ”Logga in med SSO”."));
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("owner@acme.se")), 302);
        // The operator sees the same settings as the Säkerhet page.
        const AdminResult shown = fx->admin({QStringLiteral("show-sso"), ws.id});
        QVERIFY2(shown.ok(), qPrintable(shown.describe()));
        QCOMPARE(shown.json.value("break_glass_email").toString(), QStringLiteral("owner@acme.se"));
        QCOMPARE(shown.json.value("enforced").toBool(), true);
        QCOMPARE(shown.json.value("domain").toString(), QStringLiteral("acme.se"));
        QVERIFY(!shown.json.value("idp").toObject().value("certificate_sha256").toString().isEmpty());
        QCOMPARE(shown.json.value("sp_metadata_path").toString(), QStringLiteral("/saml/%1/metadata").arg(ws.id));
        // Off again: Bob's password works.
        QVERIFY(fx->admin({QStringLiteral("set-sso"), ws.id, QStringLiteral("--enforce"), QStringLiteral("off")}).ok());
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("bob@acme.se")), 302);
    }

    void settingsApi()
    {
        KLIV_ACME();
        const QString path = QStringLiteral("/v1/workspaces/%1/sso").arg(ws.id);
        const HttpReply got = fx->get(path, ownerToken);
        KLIV_VERIFY_STATUS(got, 200);
        const QJsonObject s = got.json();
        QCOMPARE(s.value("available").toBool(), true);
        const QString base = fx->baseUrl().toString();
        QCOMPARE(s.value("sp").toObject().value("entity_id").toString(), base + "/saml/" + ws.id + "/metadata");
        QCOMPARE(s.value("sp").toObject().value("acs_url").toString(), base + "/saml/" + ws.id + "/acs");
        QCOMPARE(s.value("test_url").toString(), base + "/saml/" + ws.id + "/test");
        QCOMPARE(s.value("domain").toString(), QStringLiteral("acme.se"));
        QCOMPARE(s.value("idp").toObject().value("entity_id").toString(), idp.baseUrl().toString() + "/metadata");
        QCOMPARE(s.value("idp").toObject().value("certificate_sha256").toString().size(), 64);
        QVERIFY(apitest::instant(s.value("idp").toObject().value("certificate_not_after")) > QDateTime::currentDateTimeUtc());
        // The SP metadata at its stable URL.
        const HttpReply md = fx->get(QStringLiteral("/saml/%1/metadata").arg(ws.id));
        KLIV_VERIFY_STATUS(md, 200);
        QVERIFY(md.body.contains("entityID=\"" + s.value("sp").toObject().value("entity_id").toString().toUtf8() + "\""));

        QVERIFY(fx->addMember(ws.id, QStringLiteral("mia@acme.se"), QStringLiteral("member")).contains("member_id"));
        KLIV_VERIFY_STATUS(fx->get(path, fx->issueUserToken(QStringLiteral("mia@acme.se"))), 403);
        auto put = [&](const QJsonObject &body) {
            return fx->request("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), ownerToken);
        };
        const HttpReply bad = put({{"idp_metadata", "<html>not metadata</html>"}});
        KLIV_VERIFY_STATUS(bad, 422);
        QCOMPARE(bad.json().value("error").toObject().value("field").toString(), QStringLiteral("idp_metadata"));
        KLIV_VERIFY_STATUS(put({{"enforced", true}}), 422);   // no break-glass owner yet
        const HttpReply on = put({{"enforced", true}, {"break_glass_email", "owner@acme.se"}, {"default_role", "admin"}});
        KLIV_VERIFY_STATUS(on, 200);
        QCOMPARE(on.json().value("enforced").toBool(), true);
        QCOMPARE(on.json().value("break_glass_email").toString(), QStringLiteral("owner@acme.se"));
        QCOMPARE(on.json().value("default_role").toString(), QStringLiteral("admin"));
        KLIV_VERIFY_STATUS(put({{"break_glass_email", "mia@acme.se"}}), 422);   // not an owner
        // Recorded: the owner's change (before → after), the operator's set-up before it.
        const HttpReply log = fx->get(QStringLiteral("/v1/workspaces/%1/audit?kind=sso.settings_changed").arg(ws.id), ownerToken);
        KLIV_VERIFY_STATUS(log, 200);
        const QJsonArray changes = log.json().value("entries").toArray();
        QVERIFY2(changes.size() >= 2, log.body.constData());
        const QJsonObject last = changes.at(0).toObject();
        QCOMPARE(last.value("actor").toObject().value("email").toString(), QStringLiteral("owner@acme.se"));
        QCOMPARE(last.value("before").toObject().value("enforced").toBool(), false);
        QCOMPARE(last.value("after").toObject().value("enforced").toBool(), true);
        QCOMPARE(last.value("after").toObject().value("default_role").toString(), QStringLiteral("admin"));
        QCOMPARE(changes.last().toObject().value("actor").toObject().value("kind").toString(), QStringLiteral("operator"));
        // A new domain is unverified (and enforcement off); another workspace's domain is taken.
        const HttpReply moved = put({{"domain", "Acme.NU"}});
        QCOMPARE(moved.json().value("domain").toString(), QStringLiteral("acme.nu"));
        QCOMPARE(moved.json().value("domain_verified").toBool(), false);
        QCOMPARE(moved.json().value("enforced").toBool(), false);
        const WorkspaceIds other = fx->createWorkspace(QStringLiteral("Other"), QStringLiteral("boss@other.se"));
        QVERIFY(!fx->setPlan(other.id, QStringLiteral("enterprise"), 1000).isEmpty());
        const HttpReply taken = fx->request("PUT", QStringLiteral("/v1/workspaces/%1/sso").arg(other.id),
                                            R"({"domain":"acme.nu"})", fx->issueUserToken(QStringLiteral("boss@other.se")));
        KLIV_VERIFY_STATUS(taken, 409);
        // Not Enterprise: owners may look, not change.
        const WorkspaceIds free = fx->createWorkspace(QStringLiteral("Free"), QStringLiteral("solo@free.se"));
        const QString solo = fx->issueUserToken(QStringLiteral("solo@free.se"));
        const HttpReply look = fx->get(QStringLiteral("/v1/workspaces/%1/sso").arg(free.id), solo);
        KLIV_VERIFY_STATUS(look, 200);
        QCOMPARE(look.json().value("available").toBool(), false);
        QVERIFY(look.json().value("idp").isNull());
        KLIV_VERIFY_STATUS(fx->request("PUT", QStringLiteral("/v1/workspaces/%1/sso").arg(free.id), R"({"domain":"free.se"})", solo), 403);
    }

private:
    // Refused, after an earlier sign-in in the same test made Ann a member.
    void verifyRefusedKeepingMembers(const HttpReply &r, const char *why)
    {
        const int before = memberCount();
        QVERIFY2(r.status >= 400 && r.body.contains(Refused), qPrintable(r.describe()));
        QVERIFY(!r.headers.contains("location"));
        QVERIFY2(QTest::qWaitFor([&] { return fx->serverStderr().contains(why); }, 5000),
                 qPrintable(QStringLiteral("no log line with \"%1\"").arg(QLatin1String(why))));
        QCOMPARE(memberCount(), before);
    }
};

QTEST_GUILESS_MAIN(Sso)
#include "tst_sso.moc"
