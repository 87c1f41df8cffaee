import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// "Roller" on Team. Enterprise: the built-in and custom roles with what each may
// do and how many hold it; create, edit, rename, delete (confirmed; a role in
// use says how many hold it). Other plans: what custom roles are, and sales.
Card {
    id: card
    property RoleModel roles
    property bool available: false      // the plan has custom_roles
    property bool canEdit: false        // the user may manage members

    Tokens { id: tokens }

    ColumnLayout {
        anchors.fill: parent
        spacing: tokens.s3
        RowLayout {
            Label { text: qsTr("Roller"); font.pixelSize: tokens.emphasis; font.bold: true; Layout.fillWidth: true }
            BusyIndicator { running: card.roles.loading; visible: running; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            ActionButton {
                objectName: "newRoleButton"
                visible: card.available && card.canEdit
                text: qsTr("Ny roll")
                onClicked: editor.openFor("", ["view_own_usage"])
            }
        }

        // Not Enterprise: explain, and offer the way there.
        EnterpriseUpsell {
            objectName: "customRolesUpsell"
            visible: !card.available
            text: qsTr("Med Enterprise kan ni skapa egna roller utöver Medlem och Administratör, till exempel en ekonomiroll som ser fakturor men inte kan byta plan. Ni väljer själva vad varje roll får göra.")
            Layout.fillWidth: true
        }

        Label {
            visible: card.available && card.roles.error.length > 0 && !editor.visible && !deleteDialog.visible
            text: card.roles.error
            textFormat: Text.PlainText
            color: tokens.red
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Repeater {
            model: card.available ? card.roles : null
            delegate: Rectangle {
                id: roleRow
                required property int index
                required property string name
                required property string displayName
                required property bool builtIn
                required property var permissions
                required property var permissionLines
                required property string membersText
                objectName: "role_" + name
                Layout.fillWidth: true
                implicitHeight: rowLayout.implicitHeight + 2 * tokens.s2
                color: index % 2 ? Qt.rgba(card.palette.text.r, card.palette.text.g, card.palette.text.b, 0.03) : "transparent"
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1, %2").arg(displayName).arg(membersText)
                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.margins: tokens.s2
                    spacing: tokens.s3
                    ColumnLayout {
                        spacing: tokens.s1
                        Layout.fillWidth: true
                        RowLayout {
                            spacing: tokens.s2
                            Label { text: roleRow.displayName; textFormat: Text.PlainText; font.bold: true }
                            Label {
                                text: roleRow.builtIn ? qsTr("Inbyggd · %1").arg(roleRow.membersText) : roleRow.membersText
                                font.pixelSize: tokens.caption
                                color: card.palette.placeholderText
                            }
                        }
                        Repeater {
                            model: roleRow.permissionLines
                            Label {
                                required property string modelData
                                text: "• " + modelData
                                font.pixelSize: tokens.caption
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            visible: roleRow.permissionLines.length === 0
                            text: qsTr("Inga behörigheter")
                            font.pixelSize: tokens.caption
                            color: card.palette.placeholderText
                        }
                    }
                    ActionButton {
                        visible: !roleRow.builtIn && card.canEdit
                        text: qsTr("Ändra")
                        Accessible.name: qsTr("Ändra %1").arg(roleRow.name)
                        onClicked: editor.openFor(roleRow.name, roleRow.permissions)
                    }
                    ActionButton {
                        visible: !roleRow.builtIn && card.canEdit
                        text: qsTr("Ta bort")
                        Accessible.name: qsTr("Ta bort %1").arg(roleRow.name)
                        onClicked: { deleteDialog.roleName = roleRow.name; deleteDialog.error = ""; deleteDialog.open() }
                    }
                }
            }
        }
    }

    RoleEditorDialog {
        id: editor
        parent: Overlay.overlay
        permissionChoices: card.roles.permissionChoices
        busy: card.roles.loading
        onSaveRequested: (originalName, name, permissions) => originalName.length > 0
                         ? card.roles.update(originalName, name, permissions) : card.roles.create(name, permissions)
    }

    Dialog {
        id: deleteDialog
        objectName: "deleteRoleDialog"
        property string roleName
        property string error
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 440
        padding: tokens.s6
        title: qsTr("Ta bort rollen %1").arg(roleName)
        background: Rectangle { radius: tokens.radiusCard; color: deleteDialog.palette.window; border.color: deleteDialog.palette.mid }
        header: Label { text: deleteDialog.title; font.pixelSize: tokens.title; font.bold: true; padding: tokens.s6; bottomPadding: 0; textFormat: Text.PlainText }
        contentItem: ColumnLayout {
            spacing: tokens.s2
            Label {
                text: qsTr("Rollen försvinner från arbetsytan. Det går bara när ingen teammedlem har den.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "deleteRoleError"
                visible: deleteDialog.error.length > 0
                text: deleteDialog.error
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
                ActionButton { text: qsTr("Ta bort"); destructive: true; enabled: !card.roles.loading; onClicked: card.roles.remove(deleteDialog.roleName) }
                ActionButton { id: keepRole; text: qsTr("Avbryt"); onClicked: deleteDialog.close() }
            }
        }
        onOpened: keepRole.forceActiveFocus()
    }

    Connections {
        target: card.roles
        function onActionDone(action) {
            if (action === "delete")
                deleteDialog.close()
            else
                editor.close()
        }
        function onActionFailed(action, message) {
            if (action === "delete")
                deleteDialog.error = message
            else
                editor.error = message
        }
    }
}
