import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Invite a team member: e-mail, optional name, role. When `reason` is set (the
// user may not manage members, or no seat is free) the fields are disabled and
// look it, and the reason is shown above them instead of the typing vanishing.
ColumnLayout {
    id: form
    property string reason
    property var roleChoices: []
    signal inviteRequested(string email, string name, string role)
    readonly property bool allowed: reason.length === 0
    Tokens { id: tokens }
    spacing: tokens.s3

    Label { text: qsTr("Bjud in en teammedlem"); font.pixelSize: tokens.emphasis; font.bold: true }
    Label {
        objectName: "reasonText"
        visible: !form.allowed
        text: form.reason
        textFormat: Text.PlainText
        font.pixelSize: tokens.body
        color: form.palette.placeholderText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    RowLayout {
        objectName: "fields"
        spacing: tokens.s2
        enabled: form.allowed
        opacity: enabled ? 1 : 0.5
        Layout.fillWidth: true
        InputField {
            id: inviteEmail
            objectName: "inviteEmail"
            placeholderText: qsTr("E-postadress")
            Accessible.name: qsTr("E-postadress")
            Accessible.description: form.reason
            inputMethodHints: Qt.ImhEmailCharactersOnly
            Layout.fillWidth: true
            Layout.preferredWidth: 3
        }
        InputField {
            id: inviteName
            objectName: "inviteName"
            placeholderText: qsTr("Namn (valfritt)")
            Accessible.name: qsTr("Namn")
            Accessible.description: form.reason
            Layout.fillWidth: true
            Layout.preferredWidth: 2
        }
        ChoiceBox {
            id: inviteRole
            objectName: "inviteRole"
            model: form.roleChoices
            textRole: "text"
            valueRole: "value"
            Accessible.name: qsTr("Roll")
        }
        ActionButton {
            objectName: "inviteButton"
            text: qsTr("Bjud in")
            primary: true
            enabled: inviteEmail.text.indexOf("@") > 0
            Accessible.description: form.reason
            onClicked: {
                form.inviteRequested(inviteEmail.text.trim(), inviteName.text.trim(), inviteRole.currentValue)
                inviteEmail.clear()
                inviteName.clear()
            }
        }
    }
    // The disabled fields take no clicks: say why where the pointer is.
    HoverHandler { id: hover; enabled: !form.allowed }
    ToolTip.visible: hover.hovered && !form.allowed
    ToolTip.text: form.reason
    ToolTip.delay: 300
}
