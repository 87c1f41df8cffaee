import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// Team members, their roles and the seats in use; invite, change role, remove;
// on paid plans each member's use this period against their credit limit.
PageFrame {
    id: page
    title: qsTr("Team")
    subtitle: members.seatLimit > 0
              ? qsTr("%1 av %2 platser används.").arg(members.seatsUsed).arg(members.seatLimit)
              : qsTr("%n teammedlemmar, obegränsat antal platser.", "", members.seatsUsed)
    Tokens { id: tokens }

    MemberModel { id: members }
    RoleModel {
        id: roles
        // A role renamed or deleted changes what the members hold.
        onActionDone: members.reload()
    }
    readonly property bool customRoles: Subscription.entitlements.indexOf("custom_roles") >= 0
    readonly property string manageReason: Session.canManageMembers ? "" : qsTr("Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar.")
    // Member, Administratör and the workspace's custom roles (loaded with the roles).
    readonly property var roleChoices: roles.choices

    SeatBar {
        visible: members.seatLimit > 0
        from: 0
        to: Math.max(1, members.seatLimit)
        value: members.seatsUsed
        Layout.fillWidth: true
        Layout.maximumWidth: 480
        Accessible.name: qsTr("Använda platser")
    }

    Card {
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            InviteForm {
                reason: page.manageReason.length > 0 ? page.manageReason : (!members.canAdd ? members.addBlockedReason : "")
                roleChoices: page.roleChoices
                Layout.fillWidth: true
                onInviteRequested: (email, name, role) => members.invite(email, name, role)
            }
            Label {
                visible: members.error.length > 0
                text: members.error
                textFormat: Text.PlainText
                color: tokens.red
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    Card {
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            RowLayout {
                Label { text: qsTr("Teammedlemmar"); font.pixelSize: tokens.emphasis; font.bold: true; Layout.fillWidth: true }
                BusyIndicator { running: members.loading; visible: running; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            }
            // Column headers, aligned with the rows below (the avatar's 32 px first).
            RowLayout {
                spacing: tokens.s3
                Layout.fillWidth: true
                Layout.leftMargin: tokens.s2
                Layout.rightMargin: tokens.s2
                Item { Layout.preferredWidth: 32 }
                Label { text: qsTr("Namn"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.fillWidth: true }
                Label { text: qsTr("Gick med"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 140 }
                Label { visible: members.limitsShown; text: qsTr("Gräns"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 200 }
                Label { text: qsTr("Roll"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 150 }
                Item { Layout.preferredWidth: 88 }
            }
            ListView {
                id: memberList
                model: members
                interactive: false
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Teammedlemmar")
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string memberId
                    required property string name
                    required property string email
                    required property string role
                    required property string roleText
                    required property string joinedText
                    required property bool hasLimit
                    required property var limit
                    required property string limitText
                    readonly property bool editable: Session.canManageMembers && role !== "owner" && email !== Session.userEmail
                    // An owner's limit only by an owner (the server checks it too).
                    readonly property bool limitEditable: Session.canManageMembers && (role !== "owner" || Session.role === "owner")
                    width: ListView.view.width
                    height: 56
                    color: index % 2 ? Qt.rgba(page.palette.text.r, page.palette.text.g, page.palette.text.b, 0.03) : "transparent"
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2, %3").arg(name).arg(email).arg(roleText)
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: tokens.s2
                        anchors.rightMargin: tokens.s2
                        spacing: tokens.s3
                        Rectangle {
                            width: 32; height: 32; radius: 16
                            color: Qt.rgba(tokens.accent.r, tokens.accent.g, tokens.accent.b, 0.18)
                            Label { anchors.centerIn: parent; text: (row.name.length > 0 ? row.name : row.email).charAt(0).toUpperCase(); color: tokens.accent; font.bold: true }
                        }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label { text: row.name; textFormat: Text.PlainText; font.pixelSize: tokens.body; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: row.email; textFormat: Text.PlainText; font.pixelSize: tokens.caption; color: page.palette.placeholderText; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                        Label {
                            text: row.joinedText
                            font.pixelSize: tokens.caption
                            color: page.palette.placeholderText
                            Layout.preferredWidth: 140
                        }
                        RowLayout {
                            visible: members.limitsShown
                            spacing: tokens.s2
                            // A fixed column: the label's fillWidth must not make it share the name's space.
                            Layout.fillWidth: false
                            Layout.preferredWidth: 200
                            Layout.maximumWidth: 200
                            Label {
                                objectName: "limitText"
                                text: row.limitText
                                font.pixelSize: tokens.caption
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            ActionButton {
                                visible: row.limitEditable
                                text: qsTr("Ändra")
                                Accessible.name: qsTr("Ändra gräns för %1").arg(row.name)
                                onClicked: {
                                    limitDialog.memberId = row.memberId
                                    limitDialog.memberName = row.name.length > 0 ? row.name : row.email
                                    limitDialog.hasLimit = row.hasLimit
                                    limitDialog.limit = row.hasLimit ? row.limit : 0
                                    limitDialog.open()
                                }
                            }
                        }
                        Label {
                            visible: !row.editable
                            text: row.roleText
                            Layout.preferredWidth: 150
                        }
                        ChoiceBox {
                            id: roleBox
                            visible: row.editable
                            model: page.roleChoices
                            textRole: "text"
                            valueRole: "value"
                            Layout.preferredWidth: 150
                            Accessible.name: qsTr("Roll för %1").arg(row.name)
                            Component.onCompleted: currentIndex = indexOfValue(row.role)
                            onModelChanged: currentIndex = indexOfValue(row.role)
                            // Nothing changes until the dialog is confirmed; cancelling puts the role back.
                            onActivated: {
                                if (currentValue === row.role)
                                    return
                                roleDialog.memberId = row.memberId
                                roleDialog.memberName = row.name.length > 0 ? row.name : row.email
                                roleDialog.role = currentValue
                                roleDialog.roleText = currentText
                                roleDialog.picker = roleBox
                                roleDialog.open()
                            }
                            function reset() { currentIndex = indexOfValue(row.role) }
                        }
                        ActionButton {
                            visible: row.editable
                            text: qsTr("Ta bort")
                            Accessible.name: qsTr("Ta bort %1").arg(row.name)
                            onClicked: { removeDialog.memberId = row.memberId; removeDialog.memberName = row.name; removeDialog.open() }
                        }
                        Item { visible: !row.editable; Layout.preferredWidth: 88 }
                    }
                }
            }
        }
    }

    RolesCard {
        objectName: "rolesCard"
        roles: roles
        available: page.customRoles
        canEdit: Session.canManageMembers
        Layout.fillWidth: true
    }

    RoleChangeDialog {
        id: roleDialog
        property Item picker
        property bool changed: false
        parent: Overlay.overlay
        onAboutToShow: changed = false
        onConfirmed: (memberId, role) => { changed = true; members.changeRole(memberId, role) }
        onClosed: if (!changed && picker) picker.reset()
    }

    MemberLimitDialog {
        id: limitDialog
        property bool sent: false
        parent: Overlay.overlay
        busy: sent && members.loading
        error: sent ? members.limitError : ""
        onAboutToShow: sent = false
        onLimitConfirmed: (memberId, credits) => { sent = true; members.setLimit(memberId, credits) }
        onClearConfirmed: memberId => { sent = true; members.clearLimit(memberId) }
    }
    Connections {
        target: members
        function onActionDone(action) { if (action === "limit") limitDialog.close() }
    }

    Dialog {
        id: removeDialog
        property string memberId
        property string memberName
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 440
        padding: tokens.s6
        title: qsTr("Ta bort teammedlem")
        background: Rectangle { radius: tokens.radiusCard; color: removeDialog.palette.window; border.color: removeDialog.palette.mid }
        header: Label { text: removeDialog.title; font.pixelSize: tokens.title; font.bold: true; padding: tokens.s6; bottomPadding: 0 }
        contentItem: Label {
            text: qsTr("%1 förlorar åtkomsten till arbetsytan. Projekten finns kvar.").arg(removeDialog.memberName)
            wrapMode: Text.WordWrap
        }
        footer: Pane {
            padding: tokens.s6
            topPadding: tokens.s2
            background: null
            contentItem: RowLayout {
                spacing: tokens.s2
                Item { Layout.fillWidth: true }
                ActionButton { text: qsTr("Ta bort"); destructive: true; onClicked: { members.remove(removeDialog.memberId); removeDialog.close() } }
                ActionButton { id: keepMember; text: qsTr("Avbryt"); onClicked: removeDialog.close() }
            }
        }
        onOpened: keepMember.forceActiveFocus()
    }
}
