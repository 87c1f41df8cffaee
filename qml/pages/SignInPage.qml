import QtQuick
import QtQuick.Controls
import Kliv.Konto

// The signed-out window: the sign-in card bound to the session.
Pane {
    id: page
    Tokens { id: tokens }
    padding: tokens.s8

    onVisibleChanged: if (visible) card.focusDefault()
    Component.onCompleted: card.focusDefault()

    SignInCard {
        id: card
        objectName: "signInCard"
        anchors.centerIn: parent
        width: Math.min(440, page.availableWidth)
        signingIn: Session.state === Session.SigningIn && !Session.restoring
        restoring: Session.restoring
        url: Session.signInUrl.toString()
        message: Session.errorString
        failed: Session.state === Session.Error
        serverText: qsTr("Server: %1").arg(AppSettings.serverUrl)
        onSignInRequested: Session.signIn()
        onSsoSignInRequested: (email) => Session.signInWithSso(email)
        onCancelRequested: Session.cancelSignIn()
        onCopyRequested: (url) => Session.copyToClipboard(url)
    }
}
