import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The scrolling frame every page uses: a title, then the page's own content.
ScrollView {
    id: page
    property string title
    property string subtitle
    default property alias content: column.data
    signal navigate(int index)

    Tokens { id: tokens }
    clip: true
    contentWidth: availableWidth
    contentHeight: column.implicitHeight + 2 * tokens.s6
    focusPolicy: Qt.NoFocus

    // Keyboard users must see what they reach: an item inside the page that
    // takes the focus (Tab, a shortcut) is scrolled into view.
    function ensureVisible(item) {
        let p = item
        while (p && p !== column)
            p = p.parent
        if (!p || !page.visible)
            return
        const flick = page.contentItem
        const r = item.mapToItem(column, 0, 0, item.width, item.height)
        const top = column.y + r.y - tokens.s4
        const bottom = column.y + r.y + r.height + tokens.s4
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(page.contentHeight - flick.height, bottom - flick.height))
    }
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() { page.ensureVisible(page.Window.window.activeFocusItem) }
    }

    ColumnLayout {
        id: column
        x: tokens.s6
        y: tokens.s6
        width: page.availableWidth - 2 * tokens.s6
        spacing: tokens.s4
        ColumnLayout {
            spacing: tokens.s1
            Layout.fillWidth: true
            Label {
                text: page.title
                font.pixelSize: tokens.title
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Label {
                visible: text.length > 0
                text: page.subtitle
                textFormat: Text.PlainText
                font.pixelSize: tokens.body
                color: page.palette.placeholderText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
