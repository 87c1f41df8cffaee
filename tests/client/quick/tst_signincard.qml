import QtQuick
import QtTest
import "../../../qml/components"

// The sign-in card: the link is offered during every browser sign-in (a
// browser may fail to start after the system said yes), Escape cancels,
// "Avbryt" is centred, and restoring a stored session is not a browser sign-in.
Item {
    id: root
    width: 800
    height: 700

    Component {
        id: cardComponent
        SignInCard { width: 440; anchors.centerIn: parent }
    }
    SignalSpy { id: cancelSpy; signalName: "cancelRequested" }
    SignalSpy { id: copySpy; signalName: "copyRequested" }
    SignalSpy { id: ssoSpy; signalName: "ssoSignInRequested" }
    SignalSpy { id: signInSpy; signalName: "signInRequested" }

    TestCase {
        name: "SignInCard"
        when: windowShown

        function makeCard(props) {
            const c = createTemporaryObject(cardComponent, root, props)
            verify(c, "card created")
            waitForRendering(c)
            return c
        }

        function test_link_shown_whenever_the_browser_sign_in_runs() {
            const c = makeCard({ signingIn: true, url: "http://127.0.0.1:8080/oauth/authorize?state=x" })
            const link = findChild(c, "signInLink")
            verify(link.visible, "the link is there although the browser was opened")
            compare(link.url, "http://127.0.0.1:8080/oauth/authorize?state=x")
            verify(!findChild(c, "signInButton").visible)
            copySpy.target = c
            copySpy.clear()
            link.copyRequested(link.url)
            compare(copySpy.count, 1)
        }

        function test_escape_cancels() {
            const c = makeCard({ signingIn: true, url: "http://x/a" })
            cancelSpy.target = c
            cancelSpy.clear()
            keyClick(Qt.Key_Escape)
            compare(cancelSpy.count, 1)
            c.signingIn = false
            keyClick(Qt.Key_Escape)
            compare(cancelSpy.count, 1, "Escape does nothing when no sign-in runs")
        }

        function test_cancel_is_centred() {
            const c = makeCard({ signingIn: true, url: "http://x/a" })
            const b = findChild(c, "cancelButton")
            verify(b.visible)
            const centre = b.mapToItem(c, b.width / 2, 0).x
            fuzzyCompare(centre, c.width / 2, 1.5)
            verify(b.activeFocus, "the focus is on Avbryt while waiting")
        }

        // "Logga in med SSO" asks for the work e-mail first and hands it on as typed (trimmed).
        function test_sso_asks_for_the_email() {
            const c = makeCard({})
            ssoSpy.target = c
            ssoSpy.clear()
            signInSpy.target = c
            signInSpy.clear()
            const open = findChild(c, "ssoButton")
            verify(open.visible)
            verify(!findChild(c, "ssoRow").visible, "no e-mail field until asked for")
            mouseClick(open)
            verify(findChild(c, "ssoRow").visible)
            verify(!open.visible)
            const email = findChild(c, "ssoEmail")
            const go = findChild(c, "ssoContinue")
            verify(email.activeFocus, "the focus is in the e-mail field")
            verify(!go.enabled, "nothing to continue with yet")
            keyClick(Qt.Key_Return)
            compare(ssoSpy.count, 0)
            email.text = "anna"
            verify(!go.enabled, "not an e-mail address")
            email.text = " anna+it@acme.se "
            verify(go.enabled)
            keyClick(Qt.Key_Return)
            compare(ssoSpy.count, 1)
            compare(ssoSpy.signalArguments[0][0], "anna+it@acme.se")
            compare(signInSpy.count, 0, "not the password sign-in")
            mouseClick(findChild(c, "ssoBack"))
            verify(!findChild(c, "ssoRow").visible)
            verify(findChild(c, "signInButton").activeFocus)
            c.signingIn = true
            verify(!findChild(c, "ssoButton").visible, "no second sign-in while one runs")
        }

        function test_restoring_is_quiet() {
            const c = makeCard({ restoring: true, message: "Du har loggats ut. Logga in igen." })
            verify(findChild(c, "restoringRow").visible)
            verify(!findChild(c, "browserRow").visible, "no \u201dFortsätt inloggningen…\u201d while restoring")
            verify(!findChild(c, "signInButton").visible)
            verify(!findChild(c, "signInMessage").visible)
            c.restoring = false
            verify(findChild(c, "signInButton").visible)
            verify(findChild(c, "signInMessage").visible)
        }
    }
}
