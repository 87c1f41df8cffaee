import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// Team members, their roles and the seats in use; invite, change role, remove.
PageFrame {
    id: page
    title: qsTr("Team")
    subtitle: members.seatLimit > 0
              ? qsTr("%1 av %2 platser används.").arg(members.seatsUsed).arg(members.seatLimit)
              : qsTr("%n teammedlemmar, obegränsat antal platser.", "", members.seatsUsed)
    Tokens { id: tokens }

    MemberModel { id: members }
    readonly property string manageReason: Session.canManageMembers ? "" : qsTr("Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar.")
    readonly property var roleChoices: [
        { value: "member", text: qsTr("Medlem") },
        { value: "admin", text: qsTr("Administratör") }
    ]

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
            Label { text: qsTr("Bjud in en teammedlem"); font.pixelSize: tokens.emphasis; font.bold: true }
            RowLayout {
                spacing: tokens.s2
                Layout.fillWidth: true
                InputField {
                    id: inviteEmail
                    placeholderText: qsTr("E-postadress")
                    Accessible.name: qsTr("E-postadress")
                    enabled: page.manageReason.length === 0
                    inputMethodHints: Qt.ImhEmailCharactersOnly
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                }
                InputField {
                    id: inviteName
                    placeholderText: qsTr("Namn (valfritt)")
                    Accessible.name: qsTr("Namn")
                    enabled: page.manageReason.length === 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                }
                ChoiceBox {
                    id: inviteRole
                    model: page.roleChoices
                    textRole: "text"
                    valueRole: "value"
                    enabled: page.manageReason.length === 0
                    Accessible.name: qsTr("Roll")
                }
                GuardedButton {
                    text: qsTr("Bjud in")
                    primary: true
                    showReasonText: false
                    reason: page.manageReason.length > 0 ? page.manageReason : (!members.canAdd ? members.addBlockedReason : "")
                    button.enabled: reason.length === 0 && inviteEmail.text.indexOf("@") > 0
                    onClicked: {
                        members.invite(inviteEmail.text.trim(), inviteName.text.trim(), inviteRole.currentValue)
                        inviteEmail.clear()
                        inviteName.clear()
                    }
                }
            }
            Label {
                readonly property string why: page.manageReason.length > 0 ? page.manageReason : (!members.canAdd ? members.addBlockedReason : "")
                visible: why.length > 0
                text: why
                textFormat: Text.PlainText
                font.pixelSize: tokens.caption
                color: page.palette.placeholderText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
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
                    readonly property bool editable: Session.canManageMembers && role !== "owner" && email !== Session.userEmail
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
                        Label {
                            visible: !row.editable
                            text: row.roleText
                            Layout.preferredWidth: 150
                        }
                        ChoiceBox {
                            visible: row.editable
                            model: page.roleChoices
                            textRole: "text"
                            valueRole: "value"
                            Layout.preferredWidth: 150
                            Accessible.name: qsTr("Roll för %1").arg(row.name)
                            Component.onCompleted: currentIndex = indexOfValue(row.role)
                            onActivated: if (currentValue !== row.role) members.changeRole(row.memberId, currentValue)
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
