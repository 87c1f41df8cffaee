import QtQuick
import QtTest
import "../../../qml/components"

// The member limit dialog: opens with the current limit (or "Ingen gräns"),
// sends a number or a clear only on "Spara", stays open for the server's answer
// and shows a refusal in place.
Item {
    id: root
    width: 800
    height: 600

    Component {
        id: dialogComponent
        MemberLimitDialog { memberId: "m2"; memberName: "Bo Berg" }
    }
    SignalSpy { id: setSpy; signalName: "limitConfirmed" }
    SignalSpy { id: clearSpy; signalName: "clearConfirmed" }

    TestCase {
        name: "MemberLimitDialog"
        when: windowShown

        function open(hasLimit, limit) {
            const d = createTemporaryObject(dialogComponent, root, { hasLimit: hasLimit, limit: limit })
            verify(d)
            setSpy.target = d
            setSpy.clear()
            clearSpy.target = d
            clearSpy.clear()
            d.open()
            tryVerify(() => d.opened)
            return d
        }

        function test_changes_a_limit() {
            const d = open(true, 50)
            compare(d.title, "Gräns för Bo Berg")
            const field = findChild(d.contentItem, "creditsField")
            const noLimit = findChild(d.contentItem, "noLimitBox")
            const save = findChild(d.footer, "saveLimitButton")
            compare(field.text, "50")
            verify(!noLimit.checked)
            field.text = ""
            verify(!save.enabled, "no number, no limit to send")
            field.text = "-3"
            verify(!save.enabled, "never below 0")
            field.text = "30"
            verify(save.enabled)
            mouseClick(save)
            compare(setSpy.count, 1)
            compare(setSpy.signalArguments[0][0], "m2")
            compare(setSpy.signalArguments[0][1], 30)
            compare(clearSpy.count, 0)
            verify(d.opened, "stays open until the server says yes")
            d.error = "Gränsen kan vara högst 200 krediter per period."
            verify(findChild(d.contentItem, "limitError").visible)
        }

        function test_clears_with_ingen_grans() {
            const d = open(false, 0)
            const noLimit = findChild(d.contentItem, "noLimitBox")
            verify(noLimit.checked)
            compare(findChild(d.contentItem, "creditsField").text, "")
            mouseClick(findChild(d.footer, "saveLimitButton"))
            compare(clearSpy.count, 1)
            compare(clearSpy.signalArguments[0][0], "m2")
            compare(setSpy.count, 0)
            verify(!findChild(d.contentItem, "limitError").visible)
        }

        function test_cancel_sends_nothing() {
            const d = open(true, 10)
            findChild(d.contentItem, "creditsField").text = "99"
            mouseClick(findChild(d.footer, "cancelButton"))
            tryVerify(() => !d.visible)
            compare(setSpy.count + clearSpy.count, 0)
        }
    }
}
