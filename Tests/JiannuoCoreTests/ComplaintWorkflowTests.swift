import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// A complaint received Monday 2026-03-02 09:00 by FGW, normal urgency.
func freshComplaint(category: Int? = nil, urgency: String = "normal", received: String = "2026-03-02 09:00") throws -> Complaint {
    let draft = ComplaintDraft(channel: "hotline", received: received, urgency: urgency, complainant: "张三", contact: "13812345678",
                               department: "FGW", category: category.map(String.init), commitment: nil, content: "奖补资金未兑现")
    return try draft.validated(id: "TS-2026-000001", calendar: try calendar2026(), rules: rules, clock: lateClock)
}

@Suite("Complaint workflow")
struct ComplaintWorkflowTests {
    let cal: WorkCalendar
    init() throws { cal = try calendar2026() }

    func accepted(_ c: Complaint? = nil) throws -> Complaint {
        try ComplaintWorkflow.accept(try c ?? freshComplaint(), at: dt("2026-03-03 10:00"), cal, rules)
    }

    func resolved() throws -> Complaint {
        try ComplaintWorkflow.resolve(try accepted(), result: "已拨付", at: dt("2026-03-10 10:00"), cal, rules)
    }

    func responded() throws -> Complaint {
        try ComplaintWorkflow.respond(try resolved(), text: "已电话告知", at: dt("2026-03-11 10:00"))
    }

    func expectRefused(_ contains: String, _ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) {
        let e = #expect(throws: JiannuoError.self, sourceLocation: sourceLocation) { _ = try body() }
        #expect(e?.kind == .invalid, sourceLocation: sourceLocation)
        #expect(e?.text.zh.contains(contains) == true, "\(e?.text.zh ?? "no error") should mention \(contains)",
                sourceLocation: sourceLocation)
    }

    @Test("the full chain: accept → resolve → respond → follow-up, each setting its limit")
    func happyPath() throws {
        let c0 = try freshComplaint()
        #expect(c0.stage == .received)
        #expect(c0.acceptDue == d("2026-03-03"))
        #expect(c0.currentDue == d("2026-03-03"))
        let c1 = try accepted(c0)
        #expect(c1.stage == .accepted)
        #expect(c1.acceptedAt == dt("2026-03-03 10:00"))
        // 13 working days from Tue 3-03: 4,5,6, 9–13, 16–20 → Fri 3-20.
        #expect(c1.resolveDue == d("2026-03-20"))
        #expect(c1.currentDue == d("2026-03-20"))
        let c2 = try ComplaintWorkflow.resolve(c1, result: "  已拨付  ", at: dt("2026-03-10 10:00"), cal, rules)
        #expect(c2.stage == .resolved)
        #expect(c2.result == "已拨付")
        #expect(c2.respondDue == d("2026-03-11"))
        let c3 = try ComplaintWorkflow.respond(c2, text: "已电话告知", at: dt("2026-03-11 10:00"))
        #expect(c3.stage == .responded)
        #expect(c3.currentDue == nil)
        let c4 = try ComplaintWorkflow.followup(c3, satisfied: true, note: "满意", at: dt("2026-03-12 10:00"), cal, rules)
        #expect(c4.satisfied == true)
        #expect(c4.followupAt == dt("2026-03-12 10:00"))
    }

    @Test("urgency sets the resolve limit", arguments: [("critical", "2026-03-04"), ("urgent", "2026-03-06"), ("normal", "2026-03-20")])
    func urgency(_ u: String, _ due: String) throws {
        let c = try ComplaintWorkflow.accept(try freshComplaint(urgency: u), at: dt("2026-03-03 10:00"), cal, rules)
        #expect(c.resolveDue == d(due))
    }

    @Test("accept twice is refused")
    func acceptTwice() throws {
        let c = try accepted()
        expectRefused("不能重复受理") { try ComplaintWorkflow.accept(c, at: dt("2026-03-04 10:00"), cal, rules) }
    }

    @Test("resolve before accept is refused")
    func resolveBeforeAccept() throws {
        let c = try freshComplaint()
        expectRefused("尚未受理") { try ComplaintWorkflow.resolve(c, result: "x", at: dt("2026-03-03 10:00"), cal, rules) }
    }

    @Test("resolve twice is refused")
    func resolveTwice() throws {
        let c = try resolved()
        expectRefused("不能重复办结") { try ComplaintWorkflow.resolve(c, result: "x", at: dt("2026-03-12 10:00"), cal, rules) }
    }

    @Test("resolve with an empty result is refused")
    func resolveEmpty() throws {
        let c = try accepted()
        expectRefused("不能为空") { try ComplaintWorkflow.resolve(c, result: "  ", at: dt("2026-03-04 10:00"), cal, rules) }
    }

    @Test("respond before resolve is refused, also right after acceptance")
    func respondBeforeResolve() throws {
        expectRefused("尚未办结") { try ComplaintWorkflow.respond(try freshComplaint(), text: "x", at: dt("2026-03-04 10:00")) }
        expectRefused("尚未办结") { try ComplaintWorkflow.respond(try accepted(), text: "x", at: dt("2026-03-04 10:00")) }
    }

    @Test("respond twice is refused")
    func respondTwice() throws {
        let c = try responded()
        expectRefused("不能重复反馈") { try ComplaintWorkflow.respond(c, text: "x", at: dt("2026-03-12 10:00")) }
    }

    @Test("verify before accept is refused")
    func verifyBeforeAccept() throws {
        let c = try freshComplaint(category: 1)
        expectRefused("尚未受理") {
            try ComplaintWorkflow.verify(c, breach: true, finding: "属实", category: 1, at: dt("2026-03-04 10:00"), breachId: "SX-2026-0001")
        }
    }

    @Test("verify: a breach creates the breach record with the complaint's category")
    func verifyBreach() throws {
        let c = try accepted(try freshComplaint(category: 3))
        let (after, breach) = try ComplaintWorkflow.verify(c, breach: true, finding: "拖欠属实", category: nil,
                                                           at: dt("2026-03-05 10:00"), breachId: "SX-2026-0001")
        let b = try #require(breach)
        #expect(b.id == "SX-2026-0001")
        #expect(b.category == 3)
        #expect(b.department == "FGW")
        #expect(b.complaint == c.id)
        #expect(b.date == d("2026-03-05"))
        #expect(b.reportedOn == nil)
        #expect(after.breach == true)
        #expect(after.verifiedAt == dt("2026-03-05 10:00"))
    }

    @Test("verify: no breach creates no record; the given category wins for a breach")
    func verifyNoBreach() throws {
        let (after, none) = try ComplaintWorkflow.verify(try accepted(), breach: false, finding: "不属实", category: nil,
                                                         at: dt("2026-03-05 10:00"), breachId: "")
        #expect(none == nil)
        #expect(after.breach == false)
        let (after2, b) = try ComplaintWorkflow.verify(try accepted(), breach: true, finding: "属实", category: 5,
                                                       at: dt("2026-03-05 10:00"), breachId: "SX-2026-0002")
        #expect(b?.category == 5)
        #expect(after2.category == 5)
    }

    @Test("verify twice is refused")
    func verifyTwice() throws {
        let (c, _) = try ComplaintWorkflow.verify(try accepted(), breach: false, finding: "不属实", category: nil,
                                                  at: dt("2026-03-05 10:00"), breachId: "")
        expectRefused("不能重复核实") {
            try ComplaintWorkflow.verify(c, breach: true, finding: "属实", category: 1, at: dt("2026-03-06 10:00"), breachId: "SX-2026-0001")
        }
    }

    @Test("a breach without a category is refused; so is category 7")
    func breachWithoutCategory() throws {
        let c = try accepted()
        #expect(c.category == nil)
        expectRefused("须指明类别") {
            try ComplaintWorkflow.verify(c, breach: true, finding: "属实", category: nil, at: dt("2026-03-05 10:00"), breachId: "SX-2026-0001")
        }
        expectRefused("类别必须是 1 到 6") {
            try ComplaintWorkflow.verify(c, breach: true, finding: "属实", category: 7, at: dt("2026-03-05 10:00"), breachId: "SX-2026-0001")
        }
        expectRefused("不能为空") {
            try ComplaintWorkflow.verify(c, breach: false, finding: "", category: nil, at: dt("2026-03-05 10:00"), breachId: "")
        }
    }

    @Test("extend: replaces the resolve limit, counted in working days")
    func extend() throws {
        let c = try accepted()  // resolve due Fri 2026-03-20
        let e = try ComplaintWorkflow.extend(c, days: 10, reason: "需协调多部门", at: dt("2026-03-20 12:00"), cal, rules)
        // 10 working days after 3-20: 23–27 (5), 3-30, 3-31, 4-01, 4-02, 4-03 (10) → 2026-04-03.
        #expect(e.resolveDue == d("2026-04-03"))
        #expect(e.extensionDays == 10)
        let e1 = try ComplaintWorkflow.extend(c, days: 1, reason: "需协调", at: dt("2026-03-05 12:00"), cal, rules)
        #expect(e1.resolveDue == d("2026-03-23"))
    }

    @Test("extend after the limit is refused (even during a holiday)")
    func extendAfterLimit() throws {
        let c = try accepted()  // due 2026-03-20
        expectRefused("已过") { try ComplaintWorkflow.extend(c, days: 5, reason: "晚了", at: dt("2026-03-21 12:00"), cal, rules) }
        // A complaint accepted Tue 2026-09-29, urgent: due Fri 10-09… critical: due Wed 9-30; asking on 10-02 is too late.
        let crit = try ComplaintWorkflow.accept(try freshComplaint(urgency: "critical", received: "2026-09-28 09:00"),
                                                at: dt("2026-09-29 09:00"), cal, rules)
        #expect(crit.resolveDue == d("2026-09-30"))
        expectRefused("已过") { try ComplaintWorkflow.extend(crit, days: 5, reason: "假期", at: dt("2026-10-02 12:00"), cal, rules) }
    }

    @Test("extend twice is refused")
    func extendTwice() throws {
        let c = try ComplaintWorkflow.extend(try accepted(), days: 3, reason: "协调", at: dt("2026-03-10 12:00"), cal, rules)
        expectRefused("已延期过一次") { try ComplaintWorkflow.extend(c, days: 3, reason: "再协调", at: dt("2026-03-11 12:00"), cal, rules) }
    }

    @Test("extension days must be 1 to 10", arguments: [0, -1, 11, 100])
    func extendDays(_ n: Int) throws {
        let c = try accepted()
        expectRefused("1–10") { try ComplaintWorkflow.extend(c, days: n, reason: "协调", at: dt("2026-03-10 12:00"), cal, rules) }
    }

    @Test("extend before acceptance or after resolution is refused")
    func extendWrongStage() throws {
        expectRefused("只有已受理、未办结") {
            try ComplaintWorkflow.extend(try freshComplaint(), days: 3, reason: "x", at: dt("2026-03-02 12:00"), cal, rules)
        }
        expectRefused("只有已受理、未办结") {
            try ComplaintWorkflow.extend(try resolved(), days: 3, reason: "x", at: dt("2026-03-11 12:00"), cal, rules)
        }
    }

    @Test("return hands the complaint on and restarts the accept limit")
    func returnComplaint() throws {
        let c = try ComplaintWorkflow.returnTo(try freshComplaint(), department: "CZJ", reason: "非本单位职责",
                                               at: dt("2026-03-03 15:00"), cal, rules)
        #expect(c.department == "CZJ")
        #expect(c.returnedFrom == "FGW")
        #expect(c.returnedAt == dt("2026-03-03 15:00"))
        #expect(c.acceptDue == d("2026-03-04"))
        #expect(c.stage == .received)
        // The new department may accept it, not before the return.
        expectRefused("早于登记时间") { try ComplaintWorkflow.accept(c, at: dt("2026-03-02 16:00"), cal, rules) }
        #expect(try ComplaintWorkflow.accept(c, at: dt("2026-03-04 09:00"), cal, rules).stage == .accepted)
    }

    @Test("return after acceptance is refused")
    func returnAfterAccept() throws {
        expectRefused("已受理，不能再退回") {
            try ComplaintWorkflow.returnTo(try accepted(), department: "CZJ", reason: "x", at: dt("2026-03-04 09:00"), cal, rules)
        }
    }

    @Test("return to the same department is refused")
    func returnSame() throws {
        expectRefused("不能是当前承办单位") {
            try ComplaintWorkflow.returnTo(try freshComplaint(), department: "FGW", reason: "x", at: dt("2026-03-03 09:00"), cal, rules)
        }
    }

    @Test("follow-up before the response is refused; twice is refused; a dissatisfied one reopens the complaint")
    func followup() throws {
        expectRefused("尚未反馈") { try ComplaintWorkflow.followup(try resolved(), satisfied: true, note: nil, at: dt("2026-03-12 09:00"), cal, rules) }
        let ok = try ComplaintWorkflow.followup(try responded(), satisfied: true, note: nil, at: dt("2026-03-12 09:00"), cal, rules)
        expectRefused("已回访") { try ComplaintWorkflow.followup(ok, satisfied: true, note: nil, at: dt("2026-03-13 09:00"), cal, rules) }
        // Not satisfied: handled again from the follow-up, with a new resolve limit; the first result is gone from the row.
        let f = try ComplaintWorkflow.followup(try responded(), satisfied: false, note: nil, at: dt("2026-03-12 09:00"), cal, rules)
        #expect(f.satisfied == false && f.stage == .accepted && f.resolvedAt == nil && f.result == nil)
        #expect(f.reopenedAt == dt("2026-03-12 09:00") && f.resolveDue == cal.addingWorkdays(rules.resolveWorkdays(f.urgency), to: d("2026-03-12")))
        // Not yet answered again: no second follow-up.
        expectRefused("尚未反馈") { try ComplaintWorkflow.followup(f, satisfied: true, note: nil, at: dt("2026-03-13 09:00"), cal, rules) }
    }

    @Test("an event dated before the previous one is refused")
    func datesBefore() throws {
        expectRefused("早于登记时间") { try ComplaintWorkflow.accept(try freshComplaint(), at: dt("2026-03-01 09:00"), cal, rules) }
        expectRefused("早于受理时间") {
            try ComplaintWorkflow.resolve(try accepted(), result: "x", at: dt("2026-03-02 23:00"), cal, rules)
        }
        expectRefused("早于办结时间") { try ComplaintWorkflow.respond(try resolved(), text: "x", at: dt("2026-03-09 09:00")) }
        expectRefused("早于受理时间") {
            try ComplaintWorkflow.verify(try accepted(), breach: false, finding: "x", category: nil, at: dt("2026-03-01 09:00"), breachId: "")
        }
        expectRefused("早于反馈时间") {
            try ComplaintWorkflow.followup(try responded(), satisfied: true, note: nil, at: dt("2026-03-10 09:00"), cal, rules)
        }
        expectRefused("早于登记时间") {
            try ComplaintWorkflow.returnTo(try freshComplaint(), department: "CZJ", reason: "x", at: dt("2026-03-01 09:00"), cal, rules)
        }
    }

    @Test("an earlier time on the same day is refused too, naming both times; the same minute is allowed")
    func sameDay() throws {
        expectRefused("受理时间 2026-03-02 08:00 早于登记时间 2026-03-02 09:00") {
            try ComplaintWorkflow.accept(try freshComplaint(), at: dt("2026-03-02 08:00"), cal, rules)
        }
        let c = try ComplaintWorkflow.accept(try freshComplaint(), at: dt("2026-03-02 09:00"), cal, rules)
        #expect(c.acceptedAt == dt("2026-03-02 09:00"))
    }

    @Test("draft: every field is checked", arguments: [
        ("channel", "fax"), ("received", "2026-02-30 09:00"), ("urgency", "high"), ("department", "任店镇"),
        ("category", "7"), ("category", "x"), ("content", " "), ("content", "\u{1B}[31m"), ("complainant", String(repeating: "张", count: 61)),
        ("contact", "138\u{7F}"),
    ])
    func draft(_ field: String, _ value: String) throws {
        var draft = ComplaintDraft(channel: "hotline", received: "2026-03-02 09:00", urgency: "normal", complainant: nil, contact: nil,
                                   department: "FGW", category: nil, commitment: nil, content: "内容")
        #expect(throws: Never.self) { try draft.validated(id: "x", calendar: cal, rules: rules, clock: lateClock) }
        switch field {
        case "channel": draft.channel = value
        case "received": draft.received = value
        case "urgency": draft.urgency = value
        case "department": draft.department = value
        case "category": draft.category = value
        case "content": draft.content = value
        case "complainant": draft.complainant = value
        default: draft.contact = value
        }
        let e = #expect(throws: JiannuoError.self) { try draft.validated(id: "x", calendar: cal, rules: rules, clock: lateClock) }
        #expect(e?.kind == .invalid)
    }

    @Test("vocabularies accept the raw value or the Chinese label")
    func vocab() throws {
        #expect(try Channel.parse("来访", Field("渠道", "channel")) == .visit)
        #expect(try Urgency.parse("URGENT", Field("紧急程度", "urgency")) == .urgent)
        #expect(try DepartmentKind.parse("county-department", Field("类型", "kind")) == .countyDepartment)
        let e = #expect(throws: JiannuoError.self) { try Severity.parse("extreme", Field("级别", "severity")) }
        #expect(e?.text.zh.contains("可选") == true)
    }
}
