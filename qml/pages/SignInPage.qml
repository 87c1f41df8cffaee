import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// A calm sign-in screen: one button that opens the browser, and a way out when
// the browser could not be opened.
Pane {
    id: page
    Tokens { id: tokens }
    padding: tokens.s8

    Card {
        anchors.centerIn: parent
        width: Math.min(440, page.availableWidth)
        padding: tokens.s8
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
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            ActionButton {
                id: signInButton
                visible: Session.state !== Session.SigningIn
                text: qsTr("Logga in")
                primary: true
                focus: true
                Layout.fillWidth: true
                onClicked: Session.signIn()
            }
            ColumnLayout {
                visible: Session.state === Session.SigningIn
                spacing: tokens.s2
                Layout.fillWidth: true
                RowLayout {
                    spacing: tokens.s2
                    Layout.alignment: Qt.AlignHCenter
                    BusyIndicator { running: parent.visible; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
                    Label { text: qsTr("Fortsätt inloggningen i webbläsaren…") }
                }
                ActionButton {
                    text: qsTr("Avbryt")
                    Layout.alignment: Qt.AlignHCenter
                    onClicked: Session.cancelSignIn()
                }
            }
            CopyLinkRow {
                visible: Session.browserOpenFailed && Session.signInUrl.toString().length > 0
                url: Session.signInUrl
                Layout.fillWidth: true
                onCopyRequested: (url) => Session.copyToClipboard(url)
            }
            Label {
                // Why the last sign-in failed, or why the server ended the session.
                objectName: "signInMessage"
                visible: Session.state !== Session.SigningIn && Session.errorString.length > 0
                text: Session.errorString
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                color: Session.state === Session.Error ? tokens.red : page.palette.windowText
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Server: %1").arg(AppSettings.serverUrl)
                textFormat: Text.PlainText
                font.pixelSize: tokens.caption
                color: page.palette.placeholderText
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
    }
}
