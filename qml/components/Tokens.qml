import QtQuick

// Design tokens from the UI guide: a 4 px grid, two radii, five type sizes and
// the three state colours. Colours for surfaces come from the system palette.
QtObject {
    readonly property color accent: "#1F9D6B"
    readonly property color amber: "#D98E04"
    readonly property color red: "#D64545"
    readonly property color grey: "#8A8F98"

    // The meter's state colours as text and ring: each passes WCAG AA (4.5:1)
    // on the window background of its palette (light #EFEFEF/#FFFFFF, dark
    // #1E1E1E..#353535); the vivid ones above are for fills only.
    readonly property var levelColors: ({
        light: { normal: "#0B7A4F", low: "#8A5A00", empty: "#B42525", stale: "#5F636A" },
        dark: { normal: "#4CC897", low: "#F2B441", empty: "#FF9999", stale: "#A9AEB6" }
    })

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

    // Whether `background` is a dark palette's (WCAG relative luminance below 0.18).
    function isDark(background) {
        const lin = (c) => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
        return 0.2126 * lin(background.r) + 0.7152 * lin(background.g) + 0.0722 * lin(background.b) < 0.18
    }

    // The meter's colour for a level ("normal", "low", "empty", "capReached"),
    // for the palette whose window is `background` (light when not given).
    function levelColor(level, stale, background) {
        const set = background !== undefined && isDark(background) ? levelColors.dark : levelColors.light
        if (stale)
            return set.stale
        if (level === "low")
            return set.low
        if (level === "empty" || level === "capReached")
            return set.empty
        return set.normal
    }
}
