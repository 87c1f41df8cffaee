import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// What the credit meter's popup shows: the current period per day, then the entries.
ColumnLayout {
    id: content
    signal showAllRequested()
    Tokens { id: tokens }
    spacing: tokens.s3

    UsageModel { id: usage }
    Component.onCompleted: usage.reload()

    UsageChartCard {
        // Offline before the period's data came: no period without a name, no "0 krediter totalt".
        title: usage.periodTitle.length === 0 ? qsTr("Användning")
               : usage.showingCycle ? qsTr("Användning %1").arg(usage.periodTitle) : qsTr("Användning i %1").arg(usage.periodTitle)
        showTotal: usage.periodTitle.length > 0 && usage.error.length === 0
        scopeText: usage.scopeText
        total: usage.total
        tableModel: usage.daily
        axisMax: usage.daily.axisMax
        axisTickCount: usage.daily.axisTickCount
        chartHeight: 180
        framed: false
        Layout.fillWidth: true
    }
    // A limited member's own limit this billing cycle (the server counts it).
    Label {
        objectName: "memberLimitLabel"
        visible: text.length > 0
        text: CreditMeter.memberLimitText
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        font.pixelSize: tokens.body
        font.bold: CreditMeter.memberLimitUsed >= CreditMeter.memberLimit
        Layout.fillWidth: true
    }
    // The server's forecast at the recent pace, under the chart.
    Label {
        objectName: "forecastLabel"
        visible: text.length > 0
        text: CreditMeter.forecastText
        textFormat: Text.PlainText
        wrapMode: Text.WordWrap
        font.pixelSize: tokens.body
        Layout.fillWidth: true
    }
    Label {
        visible: usage.error.length > 0
        text: usage.periodTitle.length > 0 ? usage.error
              : qsTr("Månadens användning går inte att visa just nu.") + " " + usage.error
        textFormat: Text.PlainText
        color: tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    EntryList {
        model: usage.entries
        // Nothing claimed while the answer is on its way or could not come.
        emptyText: usage.loading || usage.error.length > 0 ? "" : usage.showingCycle ? qsTr("Ingen användning under perioden.") : qsTr("Ingen användning den här månaden.")
        showMember: Session.canViewTeamUsage
        headerColor: content.palette.window
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        BusyIndicator { anchors.centerIn: parent; running: usage.loading; visible: running }
    }
    ActionButton {
        text: qsTr("Visa all användning")
        Layout.alignment: Qt.AlignRight
        onClicked: content.showAllRequested()
    }
}
