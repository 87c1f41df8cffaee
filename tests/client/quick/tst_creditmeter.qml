import QtQuick
import QtTest
import "../../../qml/components"

Item {
    id: root
    width: 900
    height: 640

    readonly property string summary: "72 av 200 krediter · återställs 26 dec"

    // A meter on a given palette: light (Fusion's #EFEFEF window) or dark.
    Component {
        id: paletteMeter
        CreditMeterButton {
            property color bg: "#EFEFEF"
            property color fg: "#000000"
            x: 200
            palette.window: bg
            palette.text: fg
            palette.mid: "#A0A0A0"
            Rectangle { z: -1; anchors.fill: parent; color: parent.bg }
        }
    }

    Component {
        id: meterComponent
        CreditMeterButton {
            x: 200
            popupContent: Component {
                Rectangle { objectName: "popupProbe"; implicitWidth: 100; implicitHeight: 100; color: "red" }
            }
        }
    }

    Component {
        id: spyComponent
        SignalSpy {}
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

        // WCAG 2.x relative luminance and contrast ratio.
        function luminance(c) {
            const lin = (v) => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }
        // `over` with `alpha` painted on `base` (the meter's hover tint).
        function blend(base, over, alpha) {
            return Qt.rgba(base.r * (1 - alpha) + over.r * alpha, base.g * (1 - alpha) + over.g * alpha,
                           base.b * (1 - alpha) + over.b * alpha, 1)
        }

        function test_levels_data() {
            return [
                { tag: "normal", level: "normal", stale: false, colour: "#0B7A4F", state: "" },
                { tag: "low", level: "low", stale: false, colour: "#8A5A00", state: "Snart slut" },
                { tag: "empty", level: "empty", stale: false, colour: "#B42525", state: "Slut" },
                { tag: "cap reached", level: "capReached", stale: false, colour: "#B42525", state: "Månadens tak nått" },
                { tag: "stale", level: "low", stale: true, colour: "#5F636A", state: "Inte uppdaterad" }
            ]
        }
        function test_levels(data) {
            const m = createTemporaryObject(paletteMeter, root, { summary: root.summary, fraction: 0.36, level: data.level, stale: data.stale })
            waitForRendering(m)
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

        // Every state's text (state word, stale summary) and ring on both palettes,
        // on the header's window colour and under the hover tint: at least 4.5:1.
        function test_contrast_data() {
            const palettes = [
                { name: "light", bg: "#EFEFEF", fg: "#000000" },
                { name: "light white", bg: "#FFFFFF", fg: "#000000" },
                { name: "dark", bg: "#353535", fg: "#FFFFFF" },
                { name: "dark deep", bg: "#1E1E1E", fg: "#FFFFFF" }
            ]
            const states = [
                { level: "normal", stale: false }, { level: "low", stale: false }, { level: "empty", stale: false },
                { level: "capReached", stale: false }, { level: "normal", stale: true }, { level: "empty", stale: true }
            ]
            let rows = []
            for (const p of palettes)
                for (const st of states)
                    rows.push({ tag: p.name + " " + st.level + (st.stale ? " stale" : ""), bg: p.bg, fg: p.fg,
                                level: st.level, stale: st.stale })
            return rows
        }
        function test_contrast(data) {
            const m = createTemporaryObject(paletteMeter, root, { bg: data.bg, fg: data.fg, summary: root.summary,
                                                                 fraction: 0.1, level: data.level, stale: data.stale })
            waitForRendering(m)
            const bg = Qt.color(data.bg)
            const hover = blend(bg, Qt.color(data.fg), 0.06)
            const texts = [findChild(m, "meterSummary"), findChild(m, "meterState"), findChild(m, "meterAsk")]
            for (const label of texts) {
                if (!label.visible)
                    continue
                for (const back of [bg, hover]) {
                    const ratio = contrast(label.color, back)
                    verify(ratio >= 4.5, label.objectName + " " + label.color + " on " + back + ": " + ratio.toFixed(2) + ":1")
                }
            }
            const ring = contrast(m.ringColor, bg)
            verify(ring >= 4.5, "ring " + m.ringColor + " on " + bg + ": " + ring.toFixed(2) + ":1")
        }

        // At 0 credits the ring is the state's colour all round, not the grey track only.
        function test_empty_ring_is_coloured() {
            const m = createTemporaryObject(paletteMeter, root, { summary: root.summary, fraction: 0, level: "empty" })
            const ring = findChild(m, "meterRing")
            verify(ring.empty)
            tryVerify(() => ring.available)
            const o = ring.mapToItem(m, 0, 0)
            const w = ring.width, h = ring.height, r = w / 2 - ring.lineWidth / 2
            const at = (img, angle) => img.pixel(Math.round(o.x + w / 2 + r * Math.cos(angle)), Math.round(o.y + h / 2 + r * Math.sin(angle)))
            const red = (c) => c.r > c.g + 0.25 && c.r > c.b + 0.25
            tryVerify(() => red(at(grabImage(m), Math.PI / 4)), 3000, "the empty ring is red")
            const img = grabImage(m)
            for (const angle of [-Math.PI / 2, 0, Math.PI / 2, Math.PI])
                verify(red(at(img, angle)), "red at " + angle + ": " + at(img, angle))
        }

        // An empty meter offers a way forward: "Uppgradera" to those who may, whom to ask to the rest.
        function test_empty_offers_a_way_forward() {
            const manager = createTemporaryObject(paletteMeter, root, { summary: root.summary, level: "empty", canUpgrade: true })
            const spy = createTemporaryObject(spyComponent, root, { target: manager, signalName: "upgradeRequested" })
            const upgrade = findChild(manager, "meterUpgrade")
            verify(upgrade.visible)
            compare(upgrade.text, "Uppgradera")
            verify(!findChild(manager, "meterAsk").visible)
            mouseClick(upgrade)
            compare(spy.count, 1)
            verify(!manager.popup.opened, "the upgrade button does not open the usage popup")

            const member = createTemporaryObject(paletteMeter, root, { summary: root.summary, level: "capReached", canUpgrade: false })
            verify(!findChild(member, "meterUpgrade").visible)
            const ask = findChild(member, "meterAsk")
            verify(ask.visible)
            compare(ask.text, "Be en ägare eller administratör om fler krediter")
            verify(member.Accessible.name.indexOf(ask.text) > 0)

            // Not empty, or only stale: no offer.
            for (const props of [{ level: "low", canUpgrade: true }, { level: "empty", stale: true, canUpgrade: true }]) {
                const m = createTemporaryObject(paletteMeter, root, Object.assign({ summary: root.summary }, props))
                verify(!findChild(m, "meterUpgrade").visible)
                verify(!findChild(m, "meterAsk").visible)
            }
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
