import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoCore

/// The workflow changes no column beyond what `StepColumns` declares for its permission: the engine
/// grants those columns alone (PostgreSQL), so a step that wrote another would be refused there.
@Suite("Step columns")
struct StepColumnsTests {
    let cal: WorkCalendar
    init() throws { cal = try calendar2026() }

    /// The stored keys whose values differ between two records (each record encodes every key).
    func changed<T: Encodable>(_ a: T, _ b: T) throws -> Set<String> {
        func dict(_ v: T) throws -> [String: Any] { try JSONSerialization.jsonObject(with: JSONEncoder().encode(v)) as? [String: Any] ?? [:] }
        let x = try dict(a), y = try dict(b)
        return Set(Set(x.keys).union(y.keys).filter { k in
            let l = x[k].map { "\($0)" } ?? "nil", r = y[k].map { "\($0)" } ?? "nil"
            return l != r
        })
    }

    func expectWithin<T: Encodable>(_ p: Permission, _ table: String, _ before: T, _ after: T,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let declared = try #require(StepColumns.updates(p)?[table], "\(p) declares no columns of \(table)", sourceLocation: sourceLocation)
        let moved = try changed(before, after)
        #expect(!moved.isEmpty, "\(p) changed nothing: the test does not exercise it", sourceLocation: sourceLocation)
        #expect(moved.isSubset(of: declared), "\(p) changed \(moved.subtracting(declared).sorted()) beyond \(declared.sorted())", sourceLocation: sourceLocation)
    }

    @Test("every complaint step, and its claim moved to its recording, stays within its columns")
    func complaintSteps() throws {
        let fresh = try freshComplaint()
        let accepted = try ComplaintWorkflow.accept(fresh, at: dt("2026-03-03 10:00"), cal, rules)
        try expectWithin(.complaintAccept, "complaints", fresh, accepted)
        try expectWithin(.complaintAccept, "complaints", accepted, ComplaintStep.accept.moving(accepted, to: dt("2026-03-05 10:00"), cal, rules))
        let returned = try ComplaintWorkflow.returnTo(fresh, department: "GXJ", reason: "错派", at: dt("2026-03-02 11:00"), cal, rules)
        try expectWithin(.complaintReturn, "complaints", fresh, returned)
        let extended = try ComplaintWorkflow.extend(accepted, days: 5, reason: "需协调", at: dt("2026-03-04 10:00"), cal, rules)
        try expectWithin(.complaintExtend, "complaints", accepted, extended)
        let verified = try ComplaintWorkflow.verify(accepted, breach: true, finding: "属实", category: 3, at: dt("2026-03-05 10:00"), breachId: "SX-2026-0001")
        try expectWithin(.complaintVerify, "complaints", accepted, verified.0)
        let resolved = try ComplaintWorkflow.resolve(extended, result: "已拨付", at: dt("2026-03-10 10:00"), cal, rules)
        try expectWithin(.complaintResolve, "complaints", extended, resolved)
        let responded = try ComplaintWorkflow.respond(resolved, text: "已告知", at: dt("2026-03-11 10:00"))
        try expectWithin(.complaintRespond, "complaints", resolved, responded)
        let reopened = try ComplaintWorkflow.followup(responded, satisfied: false, note: "仍未到账", at: dt("2026-03-12 10:00"), cal, rules)
        try expectWithin(.complaintFollowup, "complaints", responded, reopened)
    }

    @Test("progress, fulfilment and a closing judgement move only progress, status and the closing day; a rectification only its completion")
    func commitmentAndRectificationSteps() throws {
        let c = openCommitment("CN-2026-0001", deadline: "2026-06-30", status: .notStarted)
        try expectWithin(.commitmentProgress, "commitments", c, try CommitmentWorkflow.progress(c, percent: 40, status: nil, on: d("2026-02-01")))
        try expectWithin(.commitmentProgress, "commitments", c, try CommitmentWorkflow.progress(c, percent: 60, status: .partial, on: d("2026-02-01")))
        try expectWithin(.commitmentFulfill, "commitments", c, try CommitmentWorkflow.fulfill(c, on: d("2026-03-01")))
        let r = Rectification(id: "ZG-1", breach: "SX-1", unit: "FGW", measures: "x", opened: d("2026-09-01"), deadline: d("2026-10-12"))
        try expectWithin(.rectificationDone, "rectifications", r, try r.done(on: d("2026-10-01")))
    }

    @Test("every audited act names a permission of the role table (or the administrator's upkeep), and its roles are those the table gives")
    func auditActs() {
        #expect(AuditActions.isListed("complaint.add") && !AuditActions.isListed("complaint.anything"))
        #expect(Set(AuditActions.roles("commitment.fulfill")) == Set(AccountRole.allCases.filter { RoleTable.allows($0, .commitmentFulfill) }))
        #expect(AuditActions.roles("ledger.seal") == [.admin])
        #expect(AuditActions.roles("user.add") == [.admin])
        #expect(AuditActions.roles("calendar.holiday") == [.admin] && AuditActions.isListed("calendar.workday"))
    }
}
