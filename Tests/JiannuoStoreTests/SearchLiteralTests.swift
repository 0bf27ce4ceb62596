import Foundation
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// What is typed into the dashboard's search and filters is searched for as typed: `%`, `_` and `\`
/// are characters, not LIKE wildcards.
@Suite("Store: search and filters are literal")
struct SearchLiteralTests {
    static func store() throws -> (Fixture, SQLiteLedger) {
        let f = try Fixture()
        let s = try f.store()
        _ = try s.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        for content in ["进度只完成 50% 左右", "合同编号 A_1 未履行", "路径 C:\\data 无法打开", "普通的投诉内容", "另一件普通投诉"] {
            var d = ComplaintDraft()
            d.received = "2026-03-02 09:00"
            d.department = "FGW"
            d.content = content
            _ = try s.addComplaint(d)
        }
        return (f, s)
    }

    @Test("%, _ and \\ match only themselves in the open-complaints filter and the search", arguments: ["%", "_", "\\"])
    func literal(_ typed: String) throws {
        // The fixture owns the ledger's directory: kept until the test ends.
        let (fixture, s) = try Self.store()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try s.openComplaints(PaneQuery(search: nil), offset: 0, limit: 10).total == 5)
        let w = try s.openComplaints(PaneQuery(search: typed), offset: 0, limit: 10)
        #expect(w.total == 1 && w.rows.allSatisfy { $0.content.contains(typed) }, "“\(typed)” matched \(w.rows.map(\.content))")
        let hits = try s.search(typed)
        #expect(hits.count == 1 && hits.allSatisfy { $0.detail.contains(typed) }, "“\(typed)” found \(hits)")
        #expect(try s.openCommitments(PaneQuery(search: typed), offset: 0, limit: 10).total == 0)
    }

    @Test("ordinary text still matches part of a word")
    func ordinary() throws {
        // The fixture owns the ledger's directory: kept until the test ends.
        let (fixture, s) = try Self.store()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try s.openComplaints(PaneQuery(search: "普通"), offset: 0, limit: 10).total == 2)
        #expect(try s.openComplaints(PaneQuery(search: "发改"), offset: 0, limit: 10).total == 5, "by the department's name")
        #expect(try s.search("A_1").count == 1)
    }
}

@Suite("Store: pane queries with conditions and an order")
struct PaneQueryTests {
    @Test("open complaints by unit, stage and urgency, in any column's order")
    func complaints() throws {
        let f = try Fixture()
        let s = try f.store()
        _ = try s.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        _ = try s.addDepartment(code: "GXJ", name: "县工信局", kind: .countyDepartment)
        var ids: [String] = []
        for (i, (dept, urgency)) in [("FGW", "normal"), ("GXJ", "urgent"), ("FGW", "critical"), ("GXJ", "normal")].enumerated() {
            var d = ComplaintDraft()
            d.received = "2026-03-02 0\(i):00"
            d.department = dept
            d.urgency = urgency
            d.content = "第 \(i) 件"
            ids.append(try s.addComplaint(d).id)
        }
        _ = try s.accept(ids[1], at: nil)
        var q = PaneQuery()
        q.department = "GXJ"
        #expect(Set(try s.openComplaints(q, offset: 0, limit: 10).rows.map(\.id)) == [ids[1], ids[3]])
        q.status = "accepted"
        #expect(try s.openComplaints(q, offset: 0, limit: 10).rows.map(\.id) == [ids[1]])
        var byUrgency = PaneQuery()
        byUrgency.order = .urgency
        #expect(try s.openComplaints(byUrgency, offset: 0, limit: 10).rows.map(\.urgency) == [.critical, .urgent, .normal, .normal])
        byUrgency.descending = true
        #expect(try s.openComplaints(byUrgency, offset: 0, limit: 10).rows.first?.urgency == .normal)
        var received = PaneQuery()
        received.order = .received
        received.descending = true
        let w = try s.openComplaints(received, offset: 1, limit: 2)
        #expect(w.total == 4 && w.rows.map(\.id) == [ids[2], ids[1]], "a window of the ordered list")
    }
}
