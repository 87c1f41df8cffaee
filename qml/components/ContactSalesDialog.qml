import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Enterprise is bought through sales: a short form that reaches the sales team.
Dialog {
    id: dialog
    signal sendRequested(string contact, int seats, string message)
    Tokens { id: tokens }

    modal: true
    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 2 * tokens.s8 : 520)
    padding: tokens.s6
    title: qsTr("Kontakta säljteamet")
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { radius: tokens.radiusCard; color: dialog.palette.window; border.color: dialog.palette.mid }
    header: Label { text: dialog.title; font.pixelSize: tokens.title; font.bold: true; padding: tokens.s6; bottomPadding: 0 }

    contentItem: ColumnLayout {
        spacing: tokens.s2
        Label {
            text: qsTr("Berätta om era behov, så hör säljteamet av sig om Enterprise: SAML-inloggning, anpassade roller och dedikerade driftmiljöer.")
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("E-post eller telefon"); font.pixelSize: tokens.caption }
        InputField { id: contact; Layout.fillWidth: true; Accessible.name: qsTr("E-post eller telefon"); focus: true }
        Label { text: qsTr("Ungefärligt antal användare"); font.pixelSize: tokens.caption }
        SpinBox { id: seats; from: 1; to: 100000; value: 25; editable: true; Accessible.name: qsTr("Ungefärligt antal användare") }
        Label { text: qsTr("Meddelande"); font.pixelSize: tokens.caption }
        TextArea {
            id: message
            wrapMode: TextArea.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            Accessible.name: qsTr("Meddelande")
            KeyNavigation.priority: KeyNavigation.BeforeItem
            KeyNavigation.tab: sendButton
        }
    }
    footer: Pane {
        padding: tokens.s6
        topPadding: tokens.s2
        background: null
        contentItem: RowLayout {
            spacing: tokens.s2
            Item { Layout.fillWidth: true }
            ActionButton {
                id: sendButton
                text: qsTr("Skicka")
                primary: true
                enabled: contact.text.trim().length > 0
                onClicked: { dialog.sendRequested(contact.text.trim(), seats.value, message.text); dialog.close() }
            }
            ActionButton { text: qsTr("Avbryt"); onClicked: dialog.close() }
        }
    }
}
