import QtQuick
import QtTest
import "../../../qml/components"

Item {
    id: root
    width: 900
    height: 640

    readonly property string summary: "72 av 200 krediter · återställs 26 dec"

    Component {
        id: meterComponent
        CreditMeterButton {
            x: 200
            popupContent: Component {
                Rectangle { objectName: "popupProbe"; implicitWidth: 100; implicitHeight: 100; color: "red" }
            }
        }
    }

    TestCase {
        name: "CreditMeter"
        when: windowShown

        function makeMeter(props) {
            const m = createTemporaryObject(meterComponent, root, props)
            verify(m, "meter created")
            waitForRendering(m)
            return m
        }

        function test_levels_data() {
            return [
                { tag: "normal", level: "normal", stale: false, colour: "#1F9D6B", state: "" },
                { tag: "low", level: "low", stale: false, colour: "#D98E04", state: "Snart slut" },
                { tag: "empty", level: "empty", stale: false, colour: "#D64545", state: "Slut" },
                { tag: "cap reached", level: "capReached", stale: false, colour: "#D64545", state: "Månadens tak nått" },
                { tag: "stale", level: "low", stale: true, colour: "#8A8F98", state: "Inte uppdaterad" }
            ]
        }
        function test_levels(data) {
            const m = makeMeter({ summary: root.summary, fraction: 0.36, level: data.level, stale: data.stale })
            verify(Qt.colorEqual(m.ringColor, data.colour), "ring colour " + m.ringColor + " for " + data.tag)
            const ring = findChild(m, "meterRing")
            verify(Qt.colorEqual(ring.color, data.colour))
            compare(ring.stale, data.stale)
            // never colour alone: the sentence is always there, plus a word for the state
            compare(findChild(m, "meterSummary").text, root.summary)
            const state = findChild(m, "meterState")
            compare(state.visible, data.state.length > 0)
            if (data.state.length > 0) {
                compare(state.text, data.state)
                verify(m.Accessible.name.indexOf(data.state) > 0)
            }
            verify(m.Accessible.name.indexOf(root.summary) === 0)
        }

        function test_ring_painted_by_fraction() {
            const m = makeMeter({ summary: root.summary, fraction: 0.25, level: "normal" })
            const ring = findChild(m, "meterRing")
            tryVerify(() => ring.available)
            waitForRendering(ring)
            // Filled quarter: 12 to 3 o'clock; the rest only carries the faint track.
            // (Grab the meter: a Canvas grabbed on its own comes out blank.)
            const o = ring.mapToItem(m, 0, 0)
            const w = ring.width, h = ring.height, r = w / 2 - ring.lineWidth / 2
            const at = (img, angle) => img.pixel(Math.round(o.x + w / 2 + r * Math.cos(angle)), Math.round(o.y + h / 2 + r * Math.sin(angle)))
            const green = (c) => c.g > c.r + 0.25 && c.g > c.b + 0.1
            // the canvas paints asynchronously: wait for the first painted frame
            tryVerify(() => green(at(grabImage(m), -Math.PI / 4)), 3000, "filled arc is green")
            const img = grabImage(m)
            const filled = at(img, -Math.PI / 4)
            const unfilled = at(img, 3 * Math.PI / 4)
            verify(green(filled), "filled arc is green: " + filled)
            verify(!green(unfilled), "unfilled arc is not green: " + unfilled)
        }

        function test_placeholder_while_loading() {
            const m = makeMeter({ summary: "", loading: true })
            compare(findChild(m, "meterSummary").text, "Hämtar kreditbalans…")
        }

        function test_click_opens_popup() {
            const m = makeMeter({ summary: root.summary, fraction: 0.5 })
            verify(!m.popup.opened)
            mouseClick(m)
            tryVerify(() => m.popup.opened)
            tryVerify(() => findChild(m.popup.contentItem, "popupProbe") !== null)
            // anchored to the meter: just below it
            const pos = m.popup.contentItem.mapToItem(m, 0, 0)
            verify(pos.y >= m.height, "popup below the meter")
            keyClick(Qt.Key_Escape)
            tryVerify(() => !m.popup.visible)
        }

        function test_keyboard_opens_popup() {
            const m = makeMeter({ summary: root.summary })
            m.forceActiveFocus()
            verify(m.activeFocus)
            keyClick(Qt.Key_Space)
            tryVerify(() => m.popup.opened)
            keyClick(Qt.Key_Escape)
            tryVerify(() => !m.popup.visible)
            m.forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryVerify(() => m.popup.opened)
        }
    }
}
