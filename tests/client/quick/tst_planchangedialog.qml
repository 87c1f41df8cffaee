import QtQuick
import QtTest
import "../../../qml/components"

Item {
    id: root
    width: 900
    height: 640

    Component {
        id: dialogComponent
        PlanChangeDialog {}
    }
    SignalSpy { id: confirmedSpy; signalName: "confirmed" }

    TestCase {
        name: "PlanChangeDialog"
        when: windowShown

        readonly property string upgradeText: "Du uppgraderas till Pro 400 nu. Du debiteras 483 kr i dag för resten av perioden och får 200 krediter till direkt."
        readonly property string cancelText: "Din prenumeration avslutas den 10 jan 2027. Du behåller Pro till dess, sedan går kontot över till Gratis. Dina projekt finns kvar."

        function openDialog(props) {
            const d = createTemporaryObject(dialogComponent, root, props)
            verify(d)
            confirmedSpy.clear()
            confirmedSpy.target = d
            d.open()
            tryVerify(() => d.opened)
            return d
        }

        function test_upgrade() {
            const d = openDialog({ kind: "upgrade", tier: "pro-400", confirmationText: upgradeText,
                                   confirmButtonText: "Uppgradera", amountDueText: "483 kr" })
            const text = findChild(d.contentItem, "confirmationText")
            compare(text.text, upgradeText)
            compare(text.textFormat, Text.PlainText)
            compare(findChild(d.footer, "confirmButton").text, "Uppgradera")
            compare(findChild(d.footer, "cancelButton").text, "Avbryt")
            mouseClick(findChild(d.footer, "confirmButton"))
            compare(confirmedSpy.count, 1)
            compare(confirmedSpy.signalArguments[0][0], "upgrade")
            compare(confirmedSpy.signalArguments[0][1], "pro-400")
            tryVerify(() => !d.visible)
        }

        function test_downgrade() {
            const t = "Du byter till Pro 100 den 10 jan 2027. Till dess har du kvar Pro 400 och dina krediter."
            const d = openDialog({ kind: "downgrade", tier: "pro-100", confirmationText: t, confirmButtonText: "Nedgradera" })
            compare(findChild(d.contentItem, "confirmationText").text, t)
            compare(findChild(d.footer, "confirmButton").text, "Nedgradera")
            compare(findChild(d.footer, "cancelButton").text, "Avbryt")
            mouseClick(findChild(d.footer, "cancelButton"))
            tryVerify(() => !d.visible)
            compare(confirmedSpy.count, 0)
        }

        function test_cancel_keeps_pro() {
            const d = openDialog({ kind: "cancel", tier: "free", confirmationText: cancelText,
                                   confirmButtonText: "Avsluta prenumeration", keepPlanName: "Pro" })
            compare(findChild(d.contentItem, "confirmationText").text, cancelText)
            compare(findChild(d.footer, "confirmButton").text, "Avsluta prenumeration")
            compare(findChild(d.footer, "cancelButton").text, "Behåll Pro")
        }

        function test_enter_takes_the_safe_choice() {
            const d = openDialog({ kind: "cancel", tier: "free", confirmationText: cancelText,
                                   confirmButtonText: "Avsluta prenumeration", keepPlanName: "Pro" })
            tryVerify(() => findChild(d.footer, "cancelButton").activeFocus)
            keyClick(Qt.Key_Return)
            tryVerify(() => !d.visible)
            compare(confirmedSpy.count, 0)
        }

        function test_next_cycle_price_and_pending_cancellation() {
            const d = openDialog({ kind: "downgrade", tier: "pro-100", confirmButtonText: "Nedgradera",
                                   confirmationText: "Du byter till Pro 100 den 10 jan. 2027. Till dess har du kvar Pro 400 och dina krediter.",
                                   nextCycleText: "Från den 10 jan. 2027 betalar du 250 kr i månaden.",
                                   pendingCancellationText: "Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den 10 jan. 2027." })
            const next = findChild(d.contentItem, "nextCycleText")
            verify(next.visible)
            compare(next.text, "Från den 10 jan. 2027 betalar du 250 kr i månaden.")
            compare(next.textFormat, Text.PlainText)
            const pending = findChild(d.contentItem, "pendingCancellationText")
            verify(pending.visible)
            compare(pending.text, "Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den 10 jan. 2027.")
        }

        function test_no_empty_lines_without_them() {
            const d = openDialog({ kind: "upgrade", tier: "pro-400", confirmationText: upgradeText, confirmButtonText: "Uppgradera" })
            verify(!findChild(d.contentItem, "nextCycleText").visible)
            verify(!findChild(d.contentItem, "pendingCancellationText").visible)
        }

        function test_server_text_is_not_markup() {
            const d = openDialog({ kind: "upgrade", tier: "pro-800", confirmationText: "<b>2 000 kr</b>", confirmButtonText: "Uppgradera" })
            const text = findChild(d.contentItem, "confirmationText")
            compare(text.text, "<b>2 000 kr</b>")
            compare(text.textFormat, Text.PlainText)
        }
    }
}
