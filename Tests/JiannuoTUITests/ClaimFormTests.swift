import Testing
@testable import JiannuoCore
@testable import JiannuoTUI

/// `i` on a commitment: the office's word on its backdated events, from the record.
@Suite struct ClaimFormTests {
    static let now = DateTime(day: Day("2026-12-06")!, minute: 10 * 60)
    static let pending = PendingClaim(event: "JL-4", record: "CN-2026-0003", department: "FGW", kind: "fulfill", claimed: Day("2026-11-20")!,
                                      counts: Day("2026-12-06")!, recordedAt: now, summary: Text("兑现", "fulfilled"))

    func open(_ pending: [PendingClaim]) -> StepOpening {
        StepForms.open(.confirmClaim, .claims(record: "CN-2026-0003", pending: pending), now: Self.now, names: [:],
                       calendar: WorkCalendar(), rules: DeadlineRules())
    }

    @Test func theFormListsWhatWaitsAndAsksOnce() throws {
        guard case .form(var f) = open([Self.pending]) else { Issue.record("no form"); return }
        #expect(ActionForm.eventId(f.value("event")) == "JL-4")
        #expect(f.irreversible, "a decision on a claim is final")
        #expect(StepForms.precheck(f) != nil, "evidence or a reason is required")
        f.focus = 2
        for c in "县发改〔2026〕12号" { f.handle(.char(c)) }
        #expect(StepForms.precheck(f) == nil)
        #expect(StepForms.consequences(f, names: [:], scoring: ScoringRules()).joined().contains("JL-4"))
        f.focus = 1
        f.handle(.right)
        #expect(f.choice("verdict") == 1)
        #expect(StepForms.consequences(f, names: [:], scoring: ScoringRules()).joined().contains("不予采信"))
        #expect(ActionForm.Step.confirmClaim.permission == .claimConfirm)
    }

    @Test func nothingWaitingIsSaidInOneLine() {
        guard case .refused(let why) = open([]) else { Issue.record("a form for nothing"); return }
        #expect(why.contains("没有待核实"))
        guard case .refused = StepForms.open(.fulfill, .claims(record: "CN-2026-0003", pending: [Self.pending]), now: Self.now, names: [:],
                                             calendar: WorkCalendar(), rules: DeadlineRules()) else { Issue.record("fulfil on claims"); return }
    }
}

/// `u` on a 须上报 alert of any kind: a promise's, a debt's, a complaint's or an opinion event's is reported
/// up as the CLI's `escalate` does (the Store refuses what it refuses there); a calendar note is not.
@Suite struct EscalateFormTests {
    @Test func everyReportUpAlertOpensTheReportForm() throws {
        let what = Text("承诺兑现预警", "commitment alert")
        guard case .form(let f) = StepForms.open(.report, .escalation(id: "CN-2026-0003", what: what), now: ClaimFormTests.now, names: [:],
                                                 calendar: WorkCalendar(), rules: DeadlineRules()) else { Issue.record("no form"); return }
        #expect(f.record == "CN-2026-0003" && f.step == .report && f.title.contains("CN-2026-0003"))
        #expect(f.value("date") == "2026-12-06")
        guard case .refused = StepForms.open(.report, .other(id: "2027", what: Text("日历", "calendar")), now: ClaimFormTests.now, names: [:],
                                             calendar: WorkCalendar(), rules: DeadlineRules()) else { Issue.record("a calendar note reported"); return }
        guard case .refused = StepForms.open(.fulfill, .escalation(id: "CN-2026-0003", what: what), now: ClaimFormTests.now, names: [:],
                                             calendar: WorkCalendar(), rules: DeadlineRules()) else { Issue.record("fulfil on an alert"); return }
    }
}
