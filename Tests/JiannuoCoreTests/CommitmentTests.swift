import JiannuoTestSupport
import Testing
@testable import JiannuoCore

@Suite("Commitments")
struct CommitmentTests {
    static let validCode = GB32100.complete("91410422MA00000A0")

    func draft() -> CommitmentDraft {
        CommitmentDraft(department: "FGW", kind: .contract, category: 3, counterparty: "叶县某建材有限公司", creditCode: Self.validCode,
                        content: "支付工程款", amount: "1,250,000.50", made: "2026-01-10", deadline: "2026-06-30",
                        procedures: [.legalityReview, .publicParticipation, .legalityReview], deliveredOn: "2026-03-01", paymentDays: 45)
    }

    func commitment() throws -> Commitment { try draft().validated(id: "CN-2026-0001", today: d("2026-12-31")) }

    @Test("a valid draft becomes a commitment")
    func valid() throws {
        let c = try commitment()
        #expect(c.id == "CN-2026-0001")
        #expect(c.amount == Money(fen: 125_000_050))
        #expect(c.made == d("2026-01-10"))
        #expect(c.deadline == d("2026-06-30"))
        #expect(c.status == .notStarted)
        #expect(c.procedures == [.publicParticipation, .legalityReview])  // de-duplicated, in the notice's order
        #expect(Set(c.missingProcedures) == [.expertReview, .riskAssessment, .collectiveDecision])
        #expect(c.creditCode == Self.validCode)
        #expect(c.deliveredOn == d("2026-03-01"))
    }

    @Test("a deadline on the day made is fine; before it is refused")
    func deadlineBeforeMade() throws {
        var dr = draft()
        dr.deadline = "2026-01-10"
        #expect(try dr.validated(id: "x", today: d("2026-12-31")).deadline == d("2026-01-10"))
        dr.deadline = "2026-01-09"
        let e = #expect(throws: JiannuoError.self) { try dr.validated(id: "x", today: d("2026-12-31")) }
        #expect(e?.text.zh.contains("早于承诺日期") == true)
    }

    @Test("bad fields are refused", arguments: [
        "category0", "category7", "creditCode", "creditCodeLetter", "amount", "amountNegative", "content", "contentEscape",
        "counterparty", "department", "made", "deadline", "paymentDays61", "paymentDays0", "delivered",
    ])
    func refused(_ which: String) {
        var dr = draft()
        switch which {
        case "category0": dr.category = 0
        case "category7": dr.category = 7
        case "creditCode": dr.creditCode = String(Self.validCode.dropLast()) + (Self.validCode.last == "0" ? "1" : "0")
        case "creditCodeLetter": dr.creditCode = "91350100M000100Y4O"
        case "amount": dr.amount = "12.345"
        case "amountNegative": dr.amount = "-5"
        case "content": dr.content = "   "
        case "contentEscape": dr.content = "正常\u{1B}[2J"
        case "counterparty": dr.counterparty = String(repeating: "企", count: 101)
        case "department": dr.department = "F G W"
        case "made": dr.made = "2026-02-30"
        case "deadline": dr.deadline = "2026/06/30"
        case "paymentDays61": dr.paymentDays = 61
        case "paymentDays0": dr.paymentDays = 0
        default: dr.deliveredOn = "2025-02-29"
        }
        let e = #expect(throws: JiannuoError.self) { try dr.validated(id: "x", today: d("2026-12-31")) }
        #expect(e?.kind == .invalid)
    }

    @Test("payment term of 60 days is the maximum accepted")
    func paymentDays() throws {
        var dr = draft()
        dr.paymentDays = 60
        #expect(try dr.validated(id: "x", today: d("2026-12-31")).paymentDays == 60)
    }

    @Test("progress moves status; out-of-range percent is refused")
    func progress() throws {
        let c = try commitment()
        let p = try CommitmentWorkflow.progress(c, percent: 40, status: nil, on: d("2026-02-01"))
        #expect(p.status == .inProgress)
        #expect(p.progress == 40)
        let stalled = try CommitmentWorkflow.progress(c, percent: 40, status: .stalled, on: d("2026-02-01"))
        #expect(stalled.status == .stalled)
        let partial = try CommitmentWorkflow.progress(c, percent: 70, status: .partial, on: d("2026-07-01"))
        #expect(!partial.status.isOpen)
        #expect(partial.fulfilledOn == d("2026-07-01"))
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.progress(c, percent: 101, status: nil, on: d("2026-02-01")) }
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.progress(c, percent: -1, status: nil, on: d("2026-02-01")) }
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.progress(c, percent: 100, status: .fulfilled, on: d("2026-02-01")) }
        // 部分兑现 goes on until fulfilled or declared unfulfilled, never back to an open state.
        let more = try CommitmentWorkflow.progress(partial, percent: 80, status: nil, on: d("2026-07-02"))
        #expect(more.status == .partial && more.fulfilledOn == d("2026-07-01"))
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.progress(partial, percent: 80, status: .inProgress, on: d("2026-07-02")) }
        let broken = try CommitmentWorkflow.progress(more, percent: 80, status: .unfulfilled, on: d("2026-07-03"))
        #expect(broken.status == .unfulfilled && broken.fulfilledOn == d("2026-07-03"))
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.progress(broken, percent: 90, status: nil, on: d("2026-07-04")) }
    }

    @Test("fulfil once; twice is refused; a date before it was made is refused")
    func fulfil() throws {
        let c = try commitment()
        let f = try CommitmentWorkflow.fulfill(c, on: d("2026-05-01"))
        #expect(f.status == .fulfilled)
        #expect(f.progress == 100)
        #expect(f.fulfilledOn == d("2026-05-01"))
        let e = #expect(throws: JiannuoError.self) { try CommitmentWorkflow.fulfill(f, on: d("2026-05-02")) }
        #expect(e?.text.zh.contains("已办结") == true)
        #expect(throws: JiannuoError.self) { try CommitmentWorkflow.fulfill(c, on: d("2026-01-09")) }
    }

    @Test("amend keeps the old terms and records reason, basis and approver")
    func amend() throws {
        let c = try commitment()
        let (after, a) = try CommitmentWorkflow.amend(c, deadline: d("2026-09-30"), content: nil, reason: "公共利益需要",
                                                      legalBasis: "《优化营商环境条例》", approver: "县长", on: d("2026-05-01"))
        #expect(after.deadline == d("2026-09-30"))
        #expect(after.content == c.content)
        #expect(a.oldDeadline == d("2026-06-30"))
        #expect(a.newDeadline == d("2026-09-30"))
        #expect(a.oldContent == "支付工程款")
        #expect(a.reason == "公共利益需要")
        #expect(a.approver == "县长")
        #expect(a.date == d("2026-05-01"))
        let (after2, a2) = try CommitmentWorkflow.amend(c, deadline: nil, content: "分两期支付", reason: "法定事由",
                                                        legalBasis: "合同法", approver: "县长", on: d("2026-05-01"))
        #expect(after2.content == "分两期支付")
        #expect(a2.oldContent == "支付工程款" && a2.newContent == "分两期支付")
    }

    @Test("amend requires a change, a reason, a basis and an approver, and a deadline not before the date made")
    func amendRefused() throws {
        let c = try commitment()
        let e = #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: nil, content: nil, reason: "x", legalBasis: "y", approver: "z", on: d("2026-05-01"))
        }
        #expect(e?.text.zh.contains("至少修改") == true)
        #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: d("2026-09-30"), content: nil, reason: " ", legalBasis: "y", approver: "z", on: d("2026-05-01"))
        }
        #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: d("2026-09-30"), content: nil, reason: "x", legalBasis: "", approver: "z", on: d("2026-05-01"))
        }
        #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: d("2026-09-30"), content: nil, reason: "x", legalBasis: "y", approver: "", on: d("2026-05-01"))
        }
        #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: d("2025-12-31"), content: nil, reason: "x", legalBasis: "y", approver: "z", on: d("2026-05-01"))
        }
    }

    @Test("a closed commitment cannot be amended", arguments: [CommitmentStatus.fulfilled, .partial, .unfulfilled])
    func amendClosed(_ status: CommitmentStatus) throws {
        var c = try commitment()
        c.status = status
        let e = #expect(throws: JiannuoError.self) {
            try CommitmentWorkflow.amend(c, deadline: d("2026-09-30"), content: nil, reason: "x", legalBasis: "y", approver: "z", on: d("2026-05-01"))
        }
        #expect(e?.text.zh.contains("已办结") == true)
    }

    @Test("breach report, rectification, accountability and opinion rules")
    func breachChain() throws {
        let b = Breach(id: "SX-2026-0001", department: "FGW", category: 3, commitment: nil, complaint: "TS-2026-000001",
                       date: d("2026-03-05"), finding: "属实")
        #expect(throws: JiannuoError.self) { try b.reported(on: d("2026-03-04")) }
        let r = try b.reported(on: d("2026-03-05"))
        #expect(r.reportedOn == d("2026-03-05"))
        #expect(throws: JiannuoError.self) { try r.reported(on: d("2026-03-06")) }

        #expect(throws: JiannuoError.self) {
            try Rectification.validated(id: "ZG-1", breach: b, unit: "FGW", measures: "x", opened: d("2026-03-06"), deadline: d("2026-03-05"))
        }
        #expect(throws: JiannuoError.self) {
            try Rectification.validated(id: "ZG-1", breach: b, unit: "FGW", measures: "x", opened: d("2026-03-04"), deadline: d("2026-04-05"))
        }
        #expect(throws: JiannuoError.self) {
            try Rectification.validated(id: "ZG-1", breach: b, unit: "FGW", measures: "\u{9B}", opened: d("2026-03-06"), deadline: d("2026-04-05"))
        }
        let rect = try Rectification.validated(id: "ZG-1", breach: b, unit: "FGW", measures: "拨付", opened: d("2026-03-06"), deadline: d("2026-04-05"))
        #expect(throws: JiannuoError.self) { try rect.done(on: d("2026-03-05")) }
        let done = try rect.done(on: d("2026-03-20"))
        #expect(done.completedOn == d("2026-03-20"))
        #expect(throws: JiannuoError.self) { try done.done(on: d("2026-03-21")) }

        let draft = { (kind: String, who: AccountabilityTarget, post: String?) in
            Accountability.Draft(follows: (b.id, b.date), unit: "FGW", targetKind: who, official: "张三", post: post, target: nil, kind: kind)
        }
        #expect(throws: JiannuoError.self) { try Accountability.validated(id: "WZ-1", draft: draft("约谈", .unit, nil), unitName: "县发改委", date: d("2026-03-04")) }
        #expect(throws: JiannuoError.self) { try Accountability.validated(id: "WZ-1", draft: draft("谈谈", .unit, nil), unitName: "县发改委", date: d("2026-03-06")) }
        #expect(throws: JiannuoError.self) { try Accountability.validated(id: "WZ-1", draft: draft("约谈", .official, nil), unitName: "县发改委", date: d("2026-03-06")) }
        let a = try Accountability.validated(id: "WZ-1", draft: draft("interview", .official, "副主任"), unitName: "县发改委", date: d("2026-03-06"))
        #expect(a.kind == "约谈" && a.target == "县发改委副主任 张三" && a.official == "张三")

        let o = try OpinionEvent.validated(id: "YQ-1", department: "FGW", date: d("2026-03-05"), source: "微博", title: "拖欠", severity: .high)
        #expect(throws: JiannuoError.self) { try o.handled(on: d("2026-03-04"), note: nil) }
        let h = try o.handled(on: d("2026-03-05"), note: "已回应")
        #expect(h.handledOn == d("2026-03-05"))
        #expect(throws: JiannuoError.self) { try h.handled(on: d("2026-03-06"), note: nil) }
    }
}

@Suite("Department lineage")
struct LineageTests {
    // A (乡) merged into B on 2025-06-01, B merged into C on 2026-01-01; D stands alone.
    let map: [String: Department] = [
        "A": Department(code: "A", name: "甲乡", kind: .township, active: false, successor: "B", mergedOn: d("2025-06-01")),
        "B": Department(code: "B", name: "乙镇", kind: .township, active: false, successor: "C", mergedOn: d("2026-01-01")),
        "C": Department(code: "C", name: "丙镇", kind: .township),
        "D": Department(code: "D", name: "丁局", kind: .countyDepartment),
    ]

    @Test("the current successor through two merges")
    func current() {
        #expect(Lineage.current("A", in: map) == "C")
        #expect(Lineage.current("B", in: map) == "C")
        #expect(Lineage.current("C", in: map) == "C")
        #expect(Lineage.current("D", in: map) == "D")
        #expect(Lineage.current("ZZZ", in: map) == "ZZZ")
    }

    @Test("predecessors, oldest merge first")
    func predecessors() {
        #expect(Lineage.predecessors(of: "C", in: map).map(\.code) == ["A", "B"])
        #expect(Lineage.predecessors(of: "B", in: map).map(\.code) == ["A"])
        #expect(Lineage.predecessors(of: "D", in: map).isEmpty)
    }

    @Test("a cycle in the data does not hang")
    func cycle() {
        var m = map
        m["C"]!.successor = "A"
        let c = Lineage.current("A", in: m)
        #expect(["A", "B", "C"].contains(c))
    }

    @Test("merge into itself, from or into an inactive unit is refused")
    func refusedMerges() throws {
        let e1 = #expect(throws: JiannuoError.self) { try Lineage.checkMerge(from: map["C"]!, into: map["C"]!, on: d("2026-05-01"), departments: map) }
        #expect(e1?.text.zh.contains("它自己") == true)
        let e2 = #expect(throws: JiannuoError.self) { try Lineage.checkMerge(from: map["B"]!, into: map["D"]!, on: d("2026-05-01"), departments: map) }
        #expect(e2?.text.zh.contains("已撤并") == true)
        let e3 = #expect(throws: JiannuoError.self) { try Lineage.checkMerge(from: map["D"]!, into: map["A"]!, on: d("2026-05-01"), departments: map) }
        // The message names the unit to merge into instead.
        #expect(e3?.text.zh.contains("承继单位 C") == true)
        #expect(throws: Never.self) { try Lineage.checkMerge(from: map["D"]!, into: map["C"]!, on: d("2026-05-01"), departments: map) }
    }

    @Test("department names are validated")
    func names() {
        #expect(throws: JiannuoError.self) { try Department.validated(code: "X1", name: "", kind: .other) }
        #expect(throws: JiannuoError.self) { try Department.validated(code: "X 1", name: "某单位", kind: .other) }
        #expect(throws: JiannuoError.self) { try Department.validated(code: "X1", name: String(repeating: "局", count: 61), kind: .other) }
        #expect((try? Department.validated(code: "X1", name: "某单位", kind: .other))?.active == true)
    }
}
