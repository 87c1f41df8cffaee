import QtQuick
import QtTest
import "../../../qml/components"

Item {
    id: root
    width: 900
    height: 800

    Component {
        id: cardComponent
        PlanCard { width: 300 }
    }
    SignalSpy { id: changeSpy; signalName: "changeRequested" }

    readonly property string badge: "Märkningen ”Made with Kliv” visas på webbplatsen"
    readonly property string sales: "Den här planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den."

    TestCase {
        name: "PlanCard"
        when: windowShown

        function makeCard(props) {
            const c = createTemporaryObject(cardComponent, root, props)
            verify(c, "card created")
            waitForRendering(c)
            changeSpy.clear()
            changeSpy.target = c
            return c
        }
        function visibleTexts(item, name) {
            const out = []
            const walk = (it) => {
                if (!it)
                    return
                if (it.objectName === name && it.visible)
                    out.push(it.text)
                for (let i = 0; i < it.children.length; ++i)
                    walk(it.children[i])
            }
            walk(item)
            return out
        }

        function test_free_says_its_monthly_cap_and_the_badge_is_a_limitation() {
            const c = makeCard({ planId: "free", name: "Gratis", kind: "free", priceText: "0 kr/mån", dailyCredits: 5,
                                 monthlyCap: 30, seatLimit: 10, addedFeatures: ["Alla AI-funktioner", "Publicering"],
                                 limitations: [root.badge], changeKind: "cancel" })
            compare(findChild(c, "creditsText").text, "5 krediter per dag, högst 30 i månaden")
            compare(visibleTexts(c, "feature"), ["Alla AI-funktioner", "Publicering"])
            compare(visibleTexts(c, "limitation"), [root.badge])
            const mark = findChild(c, "limitationMark")
            verify(mark.text !== "✓", "a limitation is never ticked")
        }

        function test_lists_only_what_differs_from_the_tier_before() {
            const c = makeCard({ planId: "pro-400", name: "Pro 400", kind: "pro", monthlyCredits: 400, previousName: "Pro 200",
                                 addedFeatures: [], limitations: [], changeKind: "upgrade" })
            verify(findChild(c, "sameAsBefore").visible)
            compare(findChild(c, "sameAsBefore").text, "Samma funktioner som Pro 200.")
            verify(!findChild(c, "addedHeading").visible)
            compare(visibleTexts(c, "feature"), [])
            const d = makeCard({ planId: "pro-100", name: "Pro 100", kind: "pro", monthlyCredits: 100, previousName: "Gratis",
                                 addedFeatures: ["Anpassad domän"], changeKind: "upgrade" })
            compare(findChild(d, "addedHeading").text, "Allt i Gratis, och dessutom:")
            compare(visibleTexts(d, "feature"), ["Anpassad domän"])
        }

        function test_current_plan_has_the_chip_only() {
            const c = makeCard({ planId: "pro-200", name: "Pro 200", kind: "pro", monthlyCredits: 200, isCurrent: true,
                                 changeKind: "current" })
            verify(findChild(c, "currentChip").visible)
            verify(!findChild(c, "changeButton").visible)
            compare(visibleTexts(c, "").indexOf("Din plan i dag"), -1)
        }

        function test_sales_managed_plan_is_disabled_with_the_reason() {
            const c = makeCard({ planId: "pro-400", name: "Pro 400", kind: "pro", monthlyCredits: 400, changeKind: "",
                                 blockedReason: root.sales, showReasonText: false })
            const guarded = findChild(c, "changeButton")
            verify(guarded.visible)
            verify(!guarded.button.enabled, "disabled up front, not after a click")
            compare(guarded.button.Accessible.description, root.sales)
            mouseClick(guarded.button)
            compare(changeSpy.count, 0)
        }

        function test_an_unknown_kind_is_not_clickable() {
            const c = makeCard({ planId: "pro-800", name: "Pro 800", kind: "pro", monthlyCredits: 800, changeKind: "" })
            verify(!findChild(c, "changeButton").button.enabled)
        }

        function test_the_action_and_its_error_stay_on_the_card() {
            const c = makeCard({ planId: "pro-800", name: "Pro 800", kind: "pro", monthlyCredits: 800, changeKind: "upgrade" })
            verify(!findChild(c, "errorText").visible)
            const guarded = findChild(c, "changeButton")
            compare(guarded.text, "Uppgradera")
            mouseClick(guarded.button)
            compare(changeSpy.count, 1)
            compare(changeSpy.signalArguments[0][0], "upgrade")
            compare(changeSpy.signalArguments[0][1], "pro-800")
            c.errorText = "Kortet nekades."
            verify(findChild(c, "errorText").visible)
            compare(findChild(c, "errorText").text, "Kortet nekades.")
        }
    }
}
