import QtQuick

// The Kliv mark: a green rounded square with a step ("kliv") in white.
Canvas {
    id: mark
    property int size: 28
    implicitWidth: size
    implicitHeight: size
    antialiasing: true
    Accessible.role: Accessible.Graphic
    Accessible.name: "Kliv"
    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const s = width, r = s * 0.22
        ctx.fillStyle = "#1F9D6B"
        ctx.beginPath()
        ctx.roundedRect(0, 0, s, s, r, r)
        ctx.fill()
        ctx.strokeStyle = "white"
        ctx.lineWidth = s * 0.11
        ctx.lineJoin = "round"
        ctx.lineCap = "round"
        ctx.beginPath()
        ctx.moveTo(s * 0.24, s * 0.74)
        ctx.lineTo(s * 0.46, s * 0.74)
        ctx.lineTo(s * 0.46, s * 0.5)
        ctx.lineTo(s * 0.62, s * 0.5)
        ctx.lineTo(s * 0.62, s * 0.28)
        ctx.lineTo(s * 0.78, s * 0.28)
        ctx.stroke()
    }
}
