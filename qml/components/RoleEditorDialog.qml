import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Create or edit a custom role: its name and its permissions, one line of plain
// Swedish each. A permission the user does not hold is disabled with the reason
// (nobody gives more than they have). Stays open until the server says yes.
Dialog {
    id: dialog
    property string originalName           // "" = a new role
    property var permissionChoices: []     // RoleModel.permissionChoices
    property var selected: []              // permission names
    property string error
    property bool busy: false
    signal saveRequested(string originalName, string name, var permissions)

    Tokens { id: tokens }

    function openFor(name, permissions) {
        originalName = name
        nameField.text = name
        selected = permissions.slice()
        error = ""
        open()
    }
    function toggled(permission, on) {
        const next = selected.filter(p => p !== permission)
        if (on)
            next.push(permission)
        selected = next
    }

    modal: true
    anchors.centerIn: parent
    width: Math.min(520, parent ? parent.width - 2 * tokens.s8 : 520)
    padding: tokens.s6
    title: originalName.length > 0 ? qsTr("Ändra rollen %1").arg(originalName) : qsTr("Ny roll")
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { radius: tokens.radiusCard; color: dialog.palette.window; border.color: dialog.palette.mid }
    header: Label { text: dialog.title; font.pixelSize: tokens.title; font.bold: true; padding: tokens.s6; bottomPadding: 0; textFormat: Text.PlainText; elide: Text.ElideRight }

    contentItem: ColumnLayout {
        spacing: tokens.s2
        Label { text: qsTr("Namn"); font.pixelSize: tokens.caption }
        InputField {
            id: nameField
            objectName: "roleName"
            focus: true
            maximumLength: 50
            placeholderText: qsTr("t.ex. Ekonomi")
            Accessible.name: qsTr("Rollens namn")
            Layout.fillWidth: true
        }
        Label { text: qsTr("Rollen får"); font.pixelSize: tokens.caption; Layout.topMargin: tokens.s2 }
        Repeater {
            model: dialog.permissionChoices
            ColumnLayout {
                required property var modelData
                spacing: 0
                Layout.fillWidth: true
                CheckBox {
                    objectName: "permission_" + modelData.name
                    text: modelData.text
                    checked: dialog.selected.indexOf(modelData.name) >= 0
                    enabled: modelData.held
                    Accessible.description: modelData.reason
                    onToggled: dialog.toggled(modelData.name, checked)
                    HoverHandler { id: hover }
                    ToolTip.visible: hover.hovered && !modelData.held
                    ToolTip.text: modelData.reason
                    ToolTip.delay: 300
                }
                Label {
                    visible: !modelData.held
                    text: modelData.reason
                    font.pixelSize: tokens.caption
                    color: dialog.palette.placeholderText
                    wrapMode: Text.WordWrap
                    leftPadding: tokens.s8
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            objectName: "roleError"
            visible: dialog.error.length > 0
            text: dialog.error
            textFormat: Text.PlainText
            color: tokens.red
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
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
                objectName: "saveRoleButton"
                text: dialog.originalName.length > 0 ? qsTr("Spara") : qsTr("Skapa roll")
                primary: true
                enabled: nameField.text.trim().length > 0 && !dialog.busy
                onClicked: { dialog.error = ""; dialog.saveRequested(dialog.originalName, nameField.text.trim(), dialog.selected) }
            }
            ActionButton { text: qsTr("Avbryt"); onClicked: dialog.reject() }
        }
    }
}
