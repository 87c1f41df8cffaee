import QtQuick
import QtQuick.Controls
import QtCharts

// Credits per day as bars in the accent colour. `tableModel` is a table model
// with column 0 the day (a date) and column 1 the credits spent that day; with
// isToday(row) (DailyUsageModel) it says which bar is today, across months.
// The y axis runs 0..axisMax in axisTickCount ticks (1-2-5 steps, from the model).
ChartView {
    id: chart
    property var tableModel
    property int axisMax: 5
    property int axisTickCount: 6
    property string month                 // "2026-12": without isToday, the month shown
    property var todayDate: new Date()
    readonly property bool darkPalette: palette.window.hslLightness < 0.5
    Tokens { id: tokens }

    antialiasing: true
    legend.visible: false
    backgroundColor: "transparent"
    backgroundRoundness: 0
    margins { left: 0; right: 0; top: 0; bottom: 0 }
    theme: darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
    // a theme brings its own backgrounds: clear them after every theme change
    onDarkPaletteChanged: Qt.callLater(clearBackgrounds)
    function clearBackgrounds() {
        backgroundColor = "transparent"
        plotAreaColor = "transparent"
    }
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Krediter per dag")

    function dayDate(row) {
        return tableModel ? tableModel.data(tableModel.index(row, 0)) : undefined
    }
    function dayLabel(row) {
        const d = dayDate(row)
        if (d instanceof Date)
            return d.toLocaleDateString(Qt.locale(), "d MMM").replace(".", "")
        return d === undefined ? "" : String(d)
    }
    property int todayRow: -1
    property real todayValue: 0
    function rebuildCategories() {
        const cats = []
        const n = tableModel ? tableModel.rowCount() : 0
        const today = todayDate.toDateString()
        const thisMonth = todayDate.getFullYear() + "-" + String(todayDate.getMonth() + 1).padStart(2, "0")
        let found = -1
        for (let r = 0; r < n; ++r) {
            const d = dayDate(r)
            const day = d instanceof Date ? d.getDate() : Number(d)
            cats.push(String(day))
            if (tableModel.isToday ? tableModel.isToday(r)
                : d instanceof Date ? d.toDateString() === today
                                    : (month === thisMonth && Number(d) === todayDate.getDate()))
                found = r
        }
        axisX.categories = cats
        todayRow = found
        todayValue = found >= 0 ? Number(tableModel.data(tableModel.index(found, 1))) : 0
        Qt.callLater(placeTodayOutline)
    }
    // Today's bar is outlined: one bar set has one border, so draw it on top.
    function placeTodayOutline() {
        if (todayRow < 0 || series.count === 0) {
            todayOutline.visible = false
            return
        }
        const half = series.barWidth / 2
        const topLeft = mapToPosition(Qt.point(todayRow - half, todayValue), series)
        const bottomRight = mapToPosition(Qt.point(todayRow + half, 0), series)
        todayOutline.x = topLeft.x - 2
        todayOutline.y = Math.min(topLeft.y, bottomRight.y - 3) - 2
        todayOutline.width = bottomRight.x - topLeft.x + 4
        todayOutline.height = bottomRight.y - todayOutline.y
        todayOutline.visible = true
    }
    onPlotAreaChanged: Qt.callLater(placeTodayOutline)

    // Too narrow for a label per day: the axis shows none and these label
    // day 1 and every fifth day under their bars.
    readonly property bool sparse: axisX.categories.length > 0 && plotArea.width / axisX.categories.length < 22
    Repeater {
        model: chart.sparse ? axisX.categories.length : 0
        Label {
            required property int index
            readonly property string day: axisX.categories[index] || ""
            visible: day === "1" || Number(day) % 5 === 0
            text: day
            font.pixelSize: 10
            color: chart.palette.text
            // re-evaluated when the plot area moves
            x: { chart.plotArea; return chart.mapToPosition(Qt.point(index, 0), series).x - width / 2 }
            y: chart.plotArea.y + chart.plotArea.height + tokens.s1
        }
    }
    onVisibleChanged: if (!visible) tip.close()
    onAxisMaxChanged: Qt.callLater(placeTodayOutline)

    Rectangle {
        id: todayOutline
        visible: false
        color: "transparent"
        radius: 2
        border.width: 2
        border.color: chart.palette.text
        Accessible.ignored: true
    }

    BarSeries {
        id: series
        barWidth: 0.7
        axisX: BarCategoryAxis {
            id: axisX
            labelsFont.pixelSize: 10
            labelsVisible: !chart.sparse
            gridVisible: false
            labelsColor: chart.palette.text
            color: chart.palette.mid
        }
        axisY: ValueAxis {
            id: axisY
            min: 0
            max: Math.max(1, chart.axisMax)
            tickCount: Math.max(2, chart.axisTickCount)
            labelFormat: "%d"
            labelsFont.pixelSize: tokens.caption
            labelsColor: chart.palette.text
            color: chart.palette.mid
            gridLineColor: Qt.rgba(chart.palette.text.r, chart.palette.text.g, chart.palette.text.b, 0.1)
        }
        onBarsetsAdded: (sets) => {
            for (let i = 0; i < count; ++i) {
                at(i).color = tokens.accent
                at(i).borderColor = tokens.accent
            }
        }
        onHovered: (status, index, barset) => {
            if (status) {
                tip.text = (chart.tableModel && chart.tableModel.labelAt) ? chart.tableModel.labelAt(index)
                         : qsTr("%1: %n krediter", "", barset.at(index)).arg(chart.dayLabel(index))
                tip.open()
            } else {
                tip.close()
            }
        }
        VBarModelMapper {
            model: chart.tableModel
            firstBarSetColumn: 1
            lastBarSetColumn: 1
            firstRow: 0
        }
    }

    Connections {
        target: chart.tableModel
        ignoreUnknownSignals: true
        function onModelReset() { chart.rebuildCategories() }
        function onRowsInserted() { chart.rebuildCategories() }
        function onRowsRemoved() { chart.rebuildCategories() }
        function onDataChanged() { chart.rebuildCategories() }
    }
    onTableModelChanged: rebuildCategories()
    Component.onCompleted: {
        clearBackgrounds()
        rebuildCategories()
    }

    ToolTip {
        id: tip
        x: hoverPoint.point.position.x + tokens.s3
        y: hoverPoint.point.position.y - height - tokens.s2
        delay: 0
    }
    HoverHandler { id: hoverPoint }
}
