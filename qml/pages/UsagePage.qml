import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Kliv.Konto

// The usage of the billing cycle (paid plans, by default) or of a calendar
// month: per day, per activity, per project, per member (owners and admins on
// Pro and Enterprise), every entry, and a CSV export.
PageFrame {
    id: page
    title: qsTr("Användning")
    subtitle: qsTr("Användningshistorik för %1").arg(usage.periodTitle)
    Tokens { id: tokens }

    UsageModel { id: usage }
    Component.onCompleted: usage.reload()

    UsagePeriodBar {
        title: usage.periodTitle
        view: usage.view
        hasCycle: usage.hasCycle
        canGoPrevious: usage.canGoPrevious
        canGoNext: usage.canGoNext
        loading: usage.loading
        Layout.fillWidth: true
        onPreviousRequested: usage.previousMonth()
        onNextRequested: usage.nextMonth()
        onViewRequested: (view) => usage.view = view
        onExportRequested: {
            // A save dialog in Documents with the period's file name, not the working directory.
            exportDialog.currentFolder = usage.exportFolder
            exportDialog.selectedFile = usage.exportFileUrl
            exportDialog.open()
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

    UsageChartCard {
        scopeText: usage.scopeText
        total: usage.total
        tableModel: usage.daily
        axisMax: usage.daily.axisMax
        axisTickCount: usage.daily.axisTickCount
        Layout.fillWidth: true
    }

    GridLayout {
        id: breakdowns
        readonly property string emptyText: usage.loading || usage.error.length > 0 ? "" : usage.showingCycle ? qsTr("Ingen användning under perioden.") : qsTr("Ingen användning den här månaden.")
        columns: Session.canViewTeamUsage ? 3 : 2
        columnSpacing: tokens.s4
        rowSpacing: tokens.s4
        Layout.fillWidth: true
        ShareList {
            emptyText: breakdowns.emptyText
            title: qsTr("Per aktivitet")
            model: usage.byActivity
            activityIds: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
        ShareList {
            emptyText: breakdowns.emptyText
            title: qsTr("Per projekt")
            model: usage.byProject
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
        }
        ShareList {
            emptyText: breakdowns.emptyText
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
                // Nothing claimed while the answer is on its way or could not come.
                emptyText: usage.loading || usage.error.length > 0 ? "" : usage.showingCycle ? qsTr("Ingen användning under perioden.") : qsTr("Ingen användning den här månaden.")
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
        acceptLabel: qsTr("Spara")
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV-filer (*.csv)")]
        onAccepted: usage.exportCsv(selectedFile)
    }
}
