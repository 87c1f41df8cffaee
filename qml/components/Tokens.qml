import QtQuick

// Design tokens from the UI guide: a 4 px grid, two radii, five type sizes and
// the three state colours. Colours for surfaces come from the system palette.
QtObject {
    readonly property color accent: "#1F9D6B"
    readonly property color amber: "#D98E04"
    readonly property color red: "#D64545"
    readonly property color grey: "#8A8F98"

    readonly property int s1: 4
    readonly property int s2: 8
    readonly property int s3: 12
    readonly property int s4: 16
    readonly property int s6: 24
    readonly property int s8: 32

    readonly property int radiusCard: 8
    readonly property int radiusButton: 6

    readonly property int caption: 12
    readonly property int body: 14
    readonly property int emphasis: 16
    readonly property int title: 20
    readonly property int big: 28

    // The ring's colour for a meter level ("normal", "low", "empty", "capReached").
    function levelColor(level, stale) {
        if (stale)
            return grey
        if (level === "low")
            return amber
        if (level === "empty" || level === "capReached")
            return red
        return accent
    }
}
