import Foundation
import JiannuoCore
@testable import JiannuoStore
import Testing

/// The import writes rows through hand-laid prepared statements: what it writes must read back as
/// exactly the records it was given, every field, and keep the ledger's digests whole.
@Suite struct ImportInsertTests {
    @Test func importedRowsReadBackAsTheRecordsGiven() throws {
        let from = try Fixture(today: "2026-11-20")
        let source = try from.store()
        _ = try source.generateDemo(size: .small, seed: 11)
        let departments = try source.departments().filter { $0.successor == nil }
        let commitments = try source.commitments(ListFilter()).filter { c in departments.contains { $0.code == c.department } }
        let complaints = try source.complaints(ListFilter()).filter { c in
            departments.contains { $0.code == c.department } && (c.returnedFrom.map { r in departments.contains { $0.code == r } } ?? true)
                && (c.commitment.map { id in commitments.contains { $0.id == id } } ?? true)
        }
        #expect(complaints.contains { $0.followupAt != nil } && complaints.contains { $0.returnedFrom != nil })
        #expect(commitments.contains { $0.amount != nil && $0.deliveredOn != nil })

        let to = try Fixture(today: "2026-11-20")
        let target = try to.store()
        _ = try target.importDepartments(departments.enumerated().map { ($0.offset + 2, $0.element) }, source: "d.csv")
        let c1 = try target.importCommitments(commitments.enumerated().map { ($0.offset + 2, $0.element) }, source: "c.csv")
        let c2 = try target.importComplaints(complaints.enumerated().map { ($0.offset + 2, $0.element) }, source: "t.csv")
        #expect(c1.imported == commitments.count && c2.imported == complaints.count)
        #expect(try target.commitments(ListFilter()).sorted { $0.id < $1.id } == commitments.sorted { $0.id < $1.id })
        #expect(try target.complaints(ListFilter()).sorted { $0.id < $1.id } == complaints.sorted { $0.id < $1.id })
        #expect(try target.verifyAudit().intact)
        // Each follow-up is its own record after an import too.
        #expect(try to.scalar("SELECT count(*) FROM followups") == complaints.filter { $0.followupAt != nil }.count)
    }
}
