import QtQuick

// A ring filled clockwise by `fraction`; a clock face replaces the centre when stale.
// `empty` (no credits left) draws the whole track in `color`, so an empty meter
// is not just the faint grey track of a normal one.
Canvas {
    id: ring
    property real fraction: 0
    property color color: "#1F9D6B"
    property color trackColor: "#808080"
    property bool stale: false
    property bool empty: false
    property real lineWidth: 4

    implicitWidth: 28
    implicitHeight: 28
    antialiasing: true

    onFractionChanged: requestPaint()
    onColorChanged: requestPaint()
    onTrackColorChanged: requestPaint()
    onStaleChanged: requestPaint()
    onEmptyChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const cx = width / 2, cy = height / 2
        const r = Math.min(width, height) / 2 - lineWidth / 2
        ctx.lineWidth = lineWidth
        ctx.lineCap = "round"
        ctx.strokeStyle = empty ? color : Qt.rgba(trackColor.r, trackColor.g, trackColor.b, 0.35)
        ctx.beginPath()
        ctx.arc(cx, cy, r, 0, 2 * Math.PI)
        ctx.stroke()
        const f = Math.max(0, Math.min(1, fraction))
        if (f > 0) {
            ctx.strokeStyle = color
            ctx.beginPath()
            ctx.arc(cx, cy, r, -Math.PI / 2, -Math.PI / 2 + f * 2 * Math.PI)
            ctx.stroke()
        }
        if (stale) {
            // clock hands: the data is from an earlier time
            ctx.lineWidth = 1.5
            ctx.strokeStyle = color
            ctx.beginPath()
            ctx.moveTo(cx, cy - r * 0.55)
            ctx.lineTo(cx, cy)
            ctx.lineTo(cx + r * 0.4, cy)
            ctx.stroke()
        }
    }
}
