import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Confirms a role change before it is sent: who gets which role and what that
// means. Cancel (and Enter, Escape) change nothing; `rejected` lets the caller
// put the role picker back.
Dialog {
    id: dialog
    property string memberId
    property string memberName
    property string role            // the role to give: "admin" | "member" | a custom role
    property string roleText        // its name, "Administratör"
    signal confirmed(string memberId, string role)

    Tokens { id: tokens }

    modal: true
    focus: true
    anchors.centerIn: parent
    width: Math.min(440, parent ? parent.width - 2 * tokens.s8 : 440)
    padding: tokens.s6
    title: qsTr("Ändra roll")
    closePolicy: Popup.CloseOnEscape

    background: Rectangle { radius: tokens.radiusCard; color: dialog.palette.window; border.color: dialog.palette.mid }
    header: Label { text: dialog.title; font.pixelSize: tokens.title; font.bold: true; padding: tokens.s6; bottomPadding: 0 }
    contentItem: Label {
        objectName: "confirmationText"
        text: dialog.role === "admin"
              ? qsTr("%1 blir administratör och kan hantera planen, faktureringen och teamet.").arg(dialog.memberName)
              : dialog.role === "member" || dialog.role === "owner"
                ? qsTr("%1 blir %2.").arg(dialog.memberName).arg(dialog.roleText.toLowerCase())
                : qsTr("%1 får rollen %2 och det den rollen får göra.").arg(dialog.memberName).arg(dialog.roleText)   // a custom role keeps its own spelling
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        font.pixelSize: tokens.body
    }
    footer: Pane {
        padding: tokens.s6
        topPadding: tokens.s2
        background: null
        contentItem: RowLayout {
            spacing: tokens.s2
            Item { Layout.fillWidth: true }
            ActionButton {
                objectName: "confirmButton"
                text: qsTr("Ändra roll")
                primary: true
                onClicked: { dialog.confirmed(dialog.memberId, dialog.role); dialog.accept() }
            }
            ActionButton {
                id: keepButton
                objectName: "cancelButton"
                text: qsTr("Avbryt")
                onClicked: dialog.reject()
            }
        }
    }
    onOpened: keepButton.forceActiveFocus()
}
