import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Credits per day in a card, saying whose usage it is ("Din användning" for a
// member who sees only their own, "Teamets användning") and the period's total.
Card {
    id: card
    property string title: qsTr("Krediter per dag")
    property string scopeText           // from UsageModel.scopeText
    property int total: 0
    property bool showTotal: true
    property var tableModel             // DailyUsageModel
    property int axisMax: 5
    property int axisTickCount: 6
    property int chartHeight: 220
    property bool framed: true          // false: no card surface (inside a popup)
    // true: the chart (Qt Charts) is built after the first frame, not before it
    property bool chartAsynchronous: false
    Tokens { id: tokens }
    padding: framed ? tokens.s4 : 0
    background.visible: framed

    ColumnLayout {
        anchors.fill: parent
        spacing: tokens.s2
        RowLayout {
            Layout.fillWidth: true
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label { text: card.title; font.pixelSize: tokens.emphasis; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
                Label {
                    objectName: "scopeLabel"
                    visible: text.length > 0
                    text: card.scopeText
                    font.pixelSize: tokens.caption
                    color: card.palette.placeholderText
                }
            }
            Label {
                objectName: "totalLabel"
                visible: card.showTotal
                text: qsTr("%n krediter totalt", "", card.total)
                font.pixelSize: tokens.body
                color: card.palette.placeholderText
            }
        }
        // By URL, so Qt Charts (DailyChart's import) loads with the first chart
        // built, not with every page that has this card (Översikt at start).
        Loader {
            asynchronous: card.chartAsynchronous
            Layout.fillWidth: true
            Layout.preferredHeight: card.chartHeight
            source: "DailyChart.qml"
            onLoaded: {
                item.objectName = "chart"
                item.tableModel = Qt.binding(() => card.tableModel)
                item.axisMax = Qt.binding(() => card.axisMax)
                item.axisTickCount = Qt.binding(() => card.axisTickCount)
                item.Accessible.description = Qt.binding(() => card.scopeText)
            }
        }
    }
}
