import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Kliv.Konto

// Händelselogg: every change to the account (plans, members, roles), newest
// first, for owners and admins; filter by kind and by member, "Visa fler" for
// older entries, CSV export of what the filters show.
PageFrame {
    id: page
    title: qsTr("Händelselogg")
    subtitle: qsTr("Vem ändrade vad i arbetsytan, och när.")
    Tokens { id: tokens }

    readonly property bool allowed: Session.role === "owner" || Session.role === "admin"

    AuditLogModel { id: log }
    MemberModel { id: members }

    Card {
        visible: !page.allowed
        Layout.fillWidth: true
        Label {
            anchors.fill: parent
            text: qsTr("Bara ägare och administratörer ser händelseloggen.")
            wrapMode: Text.WordWrap
        }
    }

    RowLayout {
        visible: page.allowed
        spacing: tokens.s3
        Layout.fillWidth: true
        ChoiceBox {
            id: kindBox
            objectName: "auditKindFilter"
            model: log.kindChoices
            textRole: "text"
            valueRole: "value"
            Accessible.name: qsTr("Visa händelser: %1").arg(displayText)
            Layout.preferredWidth: 240
            onActivated: log.kindFilter = currentValue
        }
        ChoiceBox {
            id: memberBox
            objectName: "auditMemberFilter"
            // "Alla medlemmar" first, then the team by e-mail.
            model: {
                const out = [{ value: "", text: qsTr("Alla medlemmar") }]
                for (let i = 0; i < memberRows.count; ++i)
                    out.push({ value: memberRows.itemAt(i).userId, text: memberRows.itemAt(i).email })
                return out
            }
            textRole: "text"
            valueRole: "value"
            Accessible.name: qsTr("Gjort av: %1").arg(displayText)
            Layout.preferredWidth: 260
            onActivated: log.actorFilter = currentValue
        }
        Item {
            visible: false   // holds the members' rows for the box above; no place in the layout
            Repeater {
                id: memberRows
                model: members
                delegate: Item {
                    required property string userId
                    required property string email
                }
            }
        }
        Item { Layout.fillWidth: true }
        BusyIndicator { running: log.loading; visible: running; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
        ActionButton {
            objectName: "auditExport"
            text: qsTr("Exportera CSV")
            enabled: !log.loading
            onClicked: {
                // A save dialog in Documents with the day's file name, not the working directory.
                exportDialog.currentFolder = log.exportFolder
                exportDialog.selectedFile = log.exportFileUrl
                exportDialog.open()
            }
        }
    }

    Label {
        id: exportStatus
        property bool ok: true
        visible: text.length > 0
        textFormat: Text.PlainText
        color: ok ? page.palette.text : tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Connections {
            target: log
            function onExportFinished(ok, message) {
                exportStatus.ok = ok
                exportStatus.text = message
            }
        }
    }
    Label {
        visible: page.allowed && log.error.length > 0
        text: log.error
        textFormat: Text.PlainText
        color: tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Card {
        visible: page.allowed
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label {
                visible: log.count === 0 && !log.loading && log.error.length === 0
                text: log.kindFilter.length > 0 || log.actorFilter.length > 0
                      ? qsTr("Inga händelser med det här urvalet.") : qsTr("Inga händelser ännu.")
                color: page.palette.placeholderText
            }
            RowLayout {
                visible: log.count > 0
                spacing: tokens.s3
                Layout.fillWidth: true
                Layout.leftMargin: tokens.s2
                Layout.rightMargin: tokens.s2
                Label { text: qsTr("När"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 150 }
                Label { text: qsTr("Vem"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 200 }
                Label { text: qsTr("Händelse"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 170 }
                Label { text: qsTr("Vad"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.fillWidth: true }
            }
            ListView {
                id: list
                objectName: "auditList"
                model: log
                interactive: false
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Händelselogg")
                delegate: Rectangle {
                    required property int index
                    required property string atText
                    required property string actorText
                    required property string kindText
                    required property string sentence
                    width: ListView.view.width
                    height: Math.max(40, row.implicitHeight + tokens.s2)
                    color: index % 2 ? Qt.rgba(page.palette.text.r, page.palette.text.g, page.palette.text.b, 0.03) : "transparent"
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("%1, %2: %3").arg(atText).arg(actorText).arg(sentence)
                    RowLayout {
                        id: row
                        anchors.fill: parent
                        anchors.leftMargin: tokens.s2
                        anchors.rightMargin: tokens.s2
                        spacing: tokens.s3
                        Label { text: atText; Layout.preferredWidth: 150 }
                        Label { text: actorText; textFormat: Text.PlainText; elide: Text.ElideRight; Layout.preferredWidth: 200 }
                        Label { text: kindText; textFormat: Text.PlainText; elide: Text.ElideRight; Layout.preferredWidth: 170 }
                        Label { text: sentence; textFormat: Text.PlainText; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                    }
                }
            }
            ActionButton {
                objectName: "auditMore"
                visible: log.canLoadMore
                text: qsTr("Visa fler")
                enabled: !log.loading
                onClicked: log.loadMore()
            }
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Exportera händelseloggen som CSV")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Spara")
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV-filer (*.csv)")]
        onAccepted: log.exportCsv(selectedFile)
    }
}
