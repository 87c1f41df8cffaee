import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Kliv.Konto

// A month of usage: per day, per activity, per project, per member (owners and
// admins on Pro and Enterprise), every entry, and a CSV export.
PageFrame {
    id: page
    title: qsTr("Användning")
    subtitle: qsTr("Användningshistorik för %1").arg(usage.monthTitle)
    Tokens { id: tokens }

    UsageModel { id: usage }
    Component.onCompleted: usage.reload()

    RowLayout {
        spacing: tokens.s2
        Layout.fillWidth: true
        ActionButton {
            text: "‹"
            Accessible.name: qsTr("Föregående månad")
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            onClicked: usage.previousMonth()
        }
        Label {
            text: usage.monthTitle
            font.pixelSize: tokens.emphasis
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            Layout.minimumWidth: 140
            Accessible.role: Accessible.StaticText
        }
        ActionButton {
            text: "›"
            Accessible.name: qsTr("Nästa månad")
            ToolTip.visible: hovered
            ToolTip.text: Accessible.name
            onClicked: usage.nextMonth()
        }
        BusyIndicator { running: usage.loading; visible: running; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
        Item { Layout.fillWidth: true }
        ActionButton {
            text: qsTr("Exportera CSV")
            onClicked: exportDialog.open()
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
            target: usage
            function onExportFinished(ok, message) {
                exportStatus.ok = ok
                exportStatus.text = message
            }
        }
    }
    Label {
        visible: usage.error.length > 0
        text: usage.error
        textFormat: Text.PlainText
        color: tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Card {
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            RowLayout {
                Label { text: qsTr("Krediter per dag"); font.pixelSize: tokens.emphasis; font.bold: true; Layout.fillWidth: true }
                Label { text: qsTr("%n krediter totalt", "", usage.total); font.pixelSize: tokens.body; color: page.palette.placeholderText }
            }
            DailyChart {
                tableModel: usage.daily
                month: usage.month
                maxValue: usage.maxDaily
                Layout.fillWidth: true
                Layout.preferredHeight: 220
            }
        }
    }

    GridLayout {
        columns: Session.canViewTeamUsage ? 3 : 2
        columnSpacing: tokens.s4
        rowSpacing: tokens.s4
        Layout.fillWidth: true
        ShareList {
            title: qsTr("Per aktivitet")
            model: usage.byActivity
            activityIds: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
        ShareList {
            title: qsTr("Per projekt")
            model: usage.byProject
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
        ShareList {
            visible: Session.canViewTeamUsage
            title: qsTr("Per medlem")
            model: usage.byMember
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
    }
    Label {
        visible: !Session.canViewTeamUsage
        text: Session.canViewBilling
              ? qsTr("Användning per medlem ingår i Pro och Enterprise.")
              : qsTr("Bara ägare och administratörer ser användning per medlem.")
        font.pixelSize: tokens.caption
        color: page.palette.placeholderText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }

    Card {
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Alla poster"); font.pixelSize: tokens.emphasis; font.bold: true }
            EntryList {
                model: usage.entries
                showMember: Session.canViewTeamUsage
                Layout.fillWidth: true
                Layout.preferredHeight: 400
            }
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Exportera användning som CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV-filer (*.csv)")]
        onAccepted: usage.exportCsv(selectedFile)
    }
}
