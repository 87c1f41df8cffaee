import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The sign-in card: one button that opens the browser; while the browser
// sign-in runs, the link to open by hand (a browser may fail to start even when
// the system said it would) and a way out (Avbryt, Escape). A silent restore
// from the keyring only says so. Takes its data as properties (testable).
Card {
    id: card
    property bool signingIn: false     // the browser sign-in is running
    property bool restoring: false     // a stored session is being restored
    property string url                // the sign-in link while signingIn
    property string message            // why the last sign-in failed, or why the session ended
    property bool failed: false        // message is an error (red)
    property string serverText
    signal signInRequested()
    signal ssoSignInRequested(string email)   // "Logga in med SSO": the work e-mail finds the IdP
    property bool ssoOpen: false
    signal cancelRequested()
    signal copyRequested(string url)

    Tokens { id: tokens }
    padding: tokens.s8

    // Escape cancels a running browser sign-in wherever the focus is on the card.
    Shortcut {
        sequence: StandardKey.Cancel
        enabled: card.signingIn && card.visible
        onActivated: card.cancelRequested()
    }
    // The focus sits on what a keyboard user needs next: Logga in, or Avbryt.
    // Not while hidden (signed in): later, once the visibility has settled.
    function focusDefault() {
        if (!card.visible)
            return
        if (signingIn)
            cancelButton.forceActiveFocus()
        else if (!restoring)
            signInButton.forceActiveFocus()
    }
    onSigningInChanged: Qt.callLater(focusDefault)
    onRestoringChanged: Qt.callLater(focusDefault)

    ColumnLayout {
        anchors.fill: parent
        spacing: tokens.s4
        KlivMark { Layout.alignment: Qt.AlignHCenter; size: 48 }
        Label {
            text: qsTr("Kliv Konto")
            font.pixelSize: tokens.big
            font.bold: true
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Krediter, planer, fakturor och team för din arbetsyta i Kliv.")
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            color: card.palette.placeholderText
            Layout.fillWidth: true
        }
        ActionButton {
            id: signInButton
            objectName: "signInButton"
            visible: !card.signingIn && !card.restoring
            text: qsTr("Logga in")
            primary: true
            focus: true
            Layout.fillWidth: true
            onClicked: card.signInRequested()
        }
        ActionButton {
            objectName: "ssoButton"
            visible: !card.signingIn && !card.restoring && !card.ssoOpen
            text: qsTr("Logga in med SSO")
            Layout.fillWidth: true
            onClicked: { card.ssoOpen = true; ssoEmail.forceActiveFocus() }
        }
        ColumnLayout {
            objectName: "ssoRow"
            visible: card.ssoOpen && !card.signingIn && !card.restoring
            spacing: tokens.s2
            Layout.fillWidth: true
            Label {
                text: qsTr("Ange din jobbmejl, så skickas du till ditt företags inloggning.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            InputField {
                id: ssoEmail
                objectName: "ssoEmail"
                placeholderText: qsTr("namn@foretaget.se")
                Accessible.name: qsTr("Jobbmejl för SSO")
                inputMethodHints: Qt.ImhEmailCharactersOnly
                Layout.fillWidth: true
                Keys.onReturnPressed: ssoContinue.clicked()
                Keys.onEnterPressed: ssoContinue.clicked()
            }
            RowLayout {
                spacing: tokens.s2
                Layout.fillWidth: true
                ActionButton {
                    id: ssoContinue
                    objectName: "ssoContinue"
                    text: qsTr("Fortsätt med SSO")
                    primary: true
                    enabled: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(ssoEmail.text.trim())
                    Layout.fillWidth: true
                    onClicked: if (enabled) card.ssoSignInRequested(ssoEmail.text.trim())
                }
                ActionButton {
                    objectName: "ssoBack"
                    text: qsTr("Tillbaka")
                    onClicked: { card.ssoOpen = false; signInButton.forceActiveFocus() }
                }
            }
        }
        RowLayout {
            objectName: "restoringRow"
            visible: card.restoring
            spacing: tokens.s2
            Layout.alignment: Qt.AlignHCenter
            BusyIndicator { running: parent.visible; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            Label { text: qsTr("Återställer inloggningen…") }
        }
        ColumnLayout {
            objectName: "browserRow"
            visible: card.signingIn
            spacing: tokens.s3
            Layout.fillWidth: true
            RowLayout {
                spacing: tokens.s2
                Layout.alignment: Qt.AlignHCenter
                BusyIndicator { running: parent.visible; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
                Label { text: qsTr("Fortsätt inloggningen i webbläsaren…") }
            }
            CopyLinkRow {
                objectName: "signInLink"
                visible: card.url.length > 0
                url: card.url
                explanation: qsTr("Öppnades ingen webbläsare? Öppna länken själv:")
                Layout.fillWidth: true
                onCopyRequested: (url) => card.copyRequested(url)
            }
            ActionButton {
                id: cancelButton
                objectName: "cancelButton"
                text: qsTr("Avbryt")
                Layout.alignment: Qt.AlignHCenter
                onClicked: card.cancelRequested()
            }
        }
        Label {
            objectName: "signInMessage"
            visible: !card.signingIn && !card.restoring && card.message.length > 0
            text: card.message
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            color: card.failed ? tokens.red : card.palette.windowText
            Layout.fillWidth: true
        }
        Label {
            text: card.serverText
            textFormat: Text.PlainText
            font.pixelSize: tokens.caption
            color: card.palette.placeholderText
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
    }
}
