import QtQuick
import QtQuick.Controls
import QtTest
import "../../../qml/components"

// The usage page's and team page's components, with their data as properties:
// the period bar's "›", the entries' fixed column headers, whose usage the
// chart card shows, the invite form without manage_members, and the role
// change confirmation.
Item {
    id: root
    width: 900
    height: 640

    Component { id: barComponent; UsagePeriodBar { width: 800 } }
    Component { id: entryListComponent; EntryList { width: 800; height: 300 } }
    Component { id: chartCardComponent; UsageChartCard { width: 800; height: 320 } }
    Component { id: inviteComponent; InviteForm { width: 800 } }
    Component { id: roleDialogComponent; RoleChangeDialog {} }
    Component {
        id: entriesModel
        ListModel {
            Component.onCompleted: {
                for (let i = 0; i < 200; ++i)
                    append({ atText: "1 dec. 10:" + (i % 60), memberName: "Anna", project: "Webbplats",
                             activity: "chat", credits: 1 + i % 3 })
            }
        }
    }
    Component {
        id: daysModel
        ListModel {
            ListElement { day: 1; credits: 132 }
            ListElement { day: 2; credits: 12 }
        }
    }
    SignalSpy { id: spy; signalName: "nextRequested" }
    SignalSpy { id: inviteSpy; signalName: "inviteRequested" }
    SignalSpy { id: confirmSpy; signalName: "confirmed" }

    TestCase {
        name: "UsageComponents"
        when: windowShown

        function test_next_month_is_disabled_at_the_current_month() {
            const bar = createTemporaryObject(barComponent, root, { title: "december 2026", canGoNext: false })
            verify(bar)
            const next = findChild(bar, "nextButton")
            verify(!next.enabled)
            spy.clear()
            spy.target = bar
            mouseClick(next)
            compare(spy.count, 0)
            bar.canGoNext = true
            verify(next.enabled)
            mouseClick(next)
            compare(spy.count, 1)
        }

        function test_view_choice_only_with_a_cycle() {
            const bar = createTemporaryObject(barComponent, root, { title: "17 nov.–17 dec. 2026", hasCycle: false })
            verify(!findChild(bar, "viewChoice").visible)
            bar.hasCycle = true
            verify(findChild(bar, "viewChoice").visible)
            compare(findChild(bar, "viewChoice").currentValue, "cycle")
            bar.view = "month"
            compare(findChild(bar, "viewChoice").currentValue, "month")
            compare(findChild(bar, "periodTitle").text, "17 nov.–17 dec. 2026")
        }

        function test_entry_headers_stay_above_the_list() {
            const list = createTemporaryObject(entryListComponent, root, {})
            list.model = createTemporaryObject(entriesModel, root, {})
            tryCompare(list, "count", 200)
            verify(list.headerItem)
            compare(list.headerPositioning, ListView.OverlayHeader)
            list.positionViewAtEnd()
            wait(50)
            verify(list.contentY > 1000)
            // still at the top of the view, over the rows
            const top = list.headerItem.mapToItem(list, 0, 0)
            compare(Math.round(top.y), 0)
            verify(list.headerItem.z > 0)
            verify(list.headerItem.color.a > 0.99)
        }

        function test_chart_card_says_whose_usage() {
            const card = createTemporaryObject(chartCardComponent, root, {
                scopeText: "Din användning", total: 123, axisMax: 150, axisTickCount: 4,
                tableModel: createTemporaryObject(daysModel, root, {}) })
            verify(card)
            const scope = findChild(card, "scopeLabel")
            verify(scope.visible)
            compare(scope.text, "Din användning")
            const chart = findChild(card, "chart")
            compare(chart.axisMax, 150)
            const axis = chart.series(0).axisY
            compare(axis.max, 150)
            compare(axis.tickCount, 4)   // 0, 50, 100, 150
            card.scopeText = ""
            verify(!scope.visible)
        }

        function test_invite_without_manage_members_is_disabled_and_says_why() {
            const why = "Bara ägare och administratörer kan bjuda in och ta bort teammedlemmar."
            const form = createTemporaryObject(inviteComponent, root, {
                reason: why, roleChoices: [{ value: "member", text: "Medlem" }] })
            const email = findChild(form, "inviteEmail")
            verify(!email.enabled)
            verify(!findChild(form, "inviteName").enabled)
            verify(!findChild(form, "inviteRole").enabled)
            verify(!findChild(form, "inviteButton").enabled)
            verify(findChild(form, "fields").opacity < 0.75)   // looks disabled
            const reason = findChild(form, "reasonText")
            verify(reason.visible)
            compare(reason.text, why)
            mouseClick(email)
            keyClick(Qt.Key_A)
            compare(email.text, "")
        }

        function test_invite_when_allowed() {
            const form = createTemporaryObject(inviteComponent, root, {
                reason: "", roleChoices: [{ value: "member", text: "Medlem" }, { value: "admin", text: "Administratör" }] })
            verify(!findChild(form, "reasonText").visible)
            const email = findChild(form, "inviteEmail")
            verify(email.enabled)
            mouseClick(email)
            for (const c of "ny@acme.test")
                keyClick(c)
            compare(email.text, "ny@acme.test")
            inviteSpy.clear()
            inviteSpy.target = form
            mouseClick(findChild(form, "inviteButton"))
            compare(inviteSpy.count, 1)
            compare(inviteSpy.signalArguments[0][0], "ny@acme.test")
            compare(inviteSpy.signalArguments[0][2], "member")
        }

        function test_role_change_needs_confirmation() {
            const d = createTemporaryObject(roleDialogComponent, root, {
                memberId: "mem_1", memberName: "Cecilia", role: "admin", roleText: "Administratör" })
            confirmSpy.clear()
            confirmSpy.target = d
            d.open()
            tryVerify(() => d.opened)
            compare(d.contentItem.objectName, "confirmationText")
            compare(d.contentItem.text,
                    "Cecilia blir administratör och kan hantera planen, faktureringen och teamet.")
            // Enter takes the safe choice: nothing changes.
            tryVerify(() => findChild(d.footer, "cancelButton").activeFocus)
            keyClick(Qt.Key_Return)
            tryVerify(() => !d.visible)
            compare(confirmSpy.count, 0)
            d.open()
            tryVerify(() => d.opened)
            mouseClick(findChild(d.footer, "confirmButton"))
            compare(confirmSpy.count, 1)
            compare(confirmSpy.signalArguments[0][0], "mem_1")
            compare(confirmSpy.signalArguments[0][1], "admin")
            tryVerify(() => !d.visible)
        }
    }
}
