import QtQuick
import QtQuick.Controls
import QtTest
import "../../../qml/components"

// Keyboard: what Tab reaches inside a page is scrolled into view, and closing
// the meter's popup with Escape gives the focus back to the meter.
Item {
    id: root
    width: 900
    height: 400

    Component {
        id: frameComponent
        PageFrame {
            anchors.fill: parent
            title: "Planer"
            Repeater {
                model: 12
                Button { objectName: "card" + index; text: "Kort " + index; implicitHeight: 80 }
            }
        }
    }
    Component {
        id: meterComponent
        CreditMeterButton {
            x: 200
            summary: "72 av 200 krediter"
            popupContent: Component {
                Button { objectName: "insidePopup"; text: "Visa allt"; focus: true }
            }
        }
    }

    TestCase {
        name: "Keyboard"
        when: windowShown

        function test_tab_scrolls_the_focused_item_into_view() {
            const page = createTemporaryObject(frameComponent, root)
            waitForRendering(page)
            const flick = page.contentItem
            compare(flick.contentY, 0)
            findChild(page, "card0").forceActiveFocus(Qt.TabFocusReason)
            for (let i = 1; i < 12; ++i) {
                keyClick(Qt.Key_Tab)
                const card = findChild(page, "card" + i)
                verify(card.activeFocus, "card " + i + " has the focus")
                const y = card.mapToItem(page, 0, 0).y
                verify(y >= 0 && y + card.height <= page.height,
                       "card " + i + " is in view (y " + y + ", contentY " + flick.contentY + ")")
            }
            verify(flick.contentY > 0)
            // and back up with Shift+Tab
            for (let j = 10; j >= 0; --j)
                keyClick(Qt.Key_Backtab)
            const first = findChild(page, "card0")
            verify(first.activeFocus)
            verify(first.mapToItem(page, 0, 0).y >= 0)
        }

        function test_escape_on_the_popup_returns_focus_to_the_meter() {
            const m = createTemporaryObject(meterComponent, root)
            waitForRendering(m)
            m.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            tryCompare(m.popup, "opened", true)
            tryVerify(() => !m.activeFocus)
            keyClick(Qt.Key_Escape)
            tryCompare(m.popup, "visible", false)
            verify(m.activeFocus, "the focus is back on the meter")
        }
    }
}
