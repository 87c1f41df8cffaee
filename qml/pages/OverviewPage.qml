import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// The workspace at a glance: credits, plan and seats, then this month per day.
PageFrame {
    id: page
    title: qsTr("Översikt")
    subtitle: Session.userName.length > 0 ? qsTr("Välkommen, %1").arg(Session.userName) : ""
    signal openUsageRequested()
    Tokens { id: tokens }

    MeterState { id: meterState }
    // Loads when the workspace is ready (or at once, built later): no list of entries here.
    UsageModel { id: usage; withEntries: false }

    GridLayout {
        columns: 3
        columnSpacing: tokens.s4
        rowSpacing: tokens.s4
        Layout.fillWidth: true

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            ColumnLayout {
                anchors.fill: parent
                spacing: tokens.s3
                Label { text: qsTr("Kreditbalans"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText }
                RowLayout {
                    spacing: tokens.s4
                    CreditRing {
                        Layout.preferredWidth: 64
                        Layout.preferredHeight: 64
                        lineWidth: 7
                        fraction: CreditMeter.fraction
                        stale: CreditMeter.stale
                        trackColor: page.palette.mid
                        color: tokens.levelColor(meterState.level, CreditMeter.stale)
                    }
                    ColumnLayout {
                        spacing: 0
                        Label {
                            text: CreditMeter.remaining
                            font.pixelSize: tokens.big
                            font.bold: true
                        }
                        Label {
                            text: qsTr("av %n krediter", "", CreditMeter.allowance)
                            font.pixelSize: tokens.body
                            color: page.palette.placeholderText
                        }
                    }
                }
                Label {
                    text: CreditMeter.summary
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    font.pixelSize: tokens.body
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "forecastLabel"
                    visible: text.length > 0
                    text: CreditMeter.forecastText
                    textFormat: Text.PlainText
                    wrapMode: Text.WordWrap
                    font.pixelSize: tokens.body
                    color: page.palette.placeholderText
                    Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
                ActionButton {
                    objectName: "overviewShowUsage"
                    text: qsTr("Visa användning")
                    onClicked: page.openUsageRequested()
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            ColumnLayout {
                anchors.fill: parent
                spacing: tokens.s3
                Label { text: qsTr("Plan"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText }
                Label { text: Subscription.tierName; font.pixelSize: tokens.big; font.bold: true }
                StatusChip {
                    visible: Subscription.pastDue
                    text: qsTr("Betalning misslyckades")
                    tone: tokens.red
                }
                Label {
                    visible: Subscription.periodEndText.length > 0
                    text: Subscription.cancelAtPeriodEnd
                          ? qsTr("Avslutas den %1").arg(Subscription.periodEndText)
                          : qsTr("Nästa faktureringscykel börjar den %1").arg(Subscription.periodEndText)
                    font.pixelSize: tokens.body
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: Subscription.pendingTier.length > 0 && !Subscription.cancelAtPeriodEnd
                    text: qsTr("Byter till %1 den %2").arg(Subscription.pendingTierName).arg(Subscription.pendingEffectiveAtText)
                    font.pixelSize: tokens.body
                    color: page.palette.placeholderText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
                ActionButton {
                    objectName: "overviewComparePlans"
                    text: qsTr("Jämför planer")
                    onClicked: page.navigate(2)
                }
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            ColumnLayout {
                anchors.fill: parent
                spacing: tokens.s3
                Label { text: qsTr("Teammedlemmar"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText }
                Label {
                    text: Subscription.seatLimit > 0
                          ? qsTr("%1 av %2").arg(Subscription.seatsUsed).arg(Subscription.seatLimit)
                          : Subscription.seatsUsed
                    font.pixelSize: tokens.big
                    font.bold: true
                }
                Label {
                    text: Subscription.seatLimit > 0 ? qsTr("platser används") : qsTr("medlemmar, obegränsat antal platser")
                    font.pixelSize: tokens.body
                    color: page.palette.placeholderText
                }
                SeatBar {
                    visible: Subscription.seatLimit > 0
                    to: Math.max(1, Subscription.seatLimit)
                    value: Subscription.seatsUsed
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Använda platser")
                }
                Item { Layout.fillHeight: true }
                // Members who may not manage the team may still look at it.
                ActionButton {
                    text: Session.canManageMembers ? qsTr("Hantera team") : qsTr("Visa team")
                    onClicked: page.navigate(4)
                }
            }
        }
    }

    UsageChartCard {
        chartAsynchronous: true   // the meter and the cards first, the chart a moment later
        Layout.fillWidth: true
        title: qsTr("Krediter per dag, %1").arg(usage.periodTitle)
        scopeText: usage.scopeText
        total: usage.total
        tableModel: usage.daily
        axisMax: usage.daily.axisMax
        axisTickCount: usage.daily.axisTickCount
    }
}
