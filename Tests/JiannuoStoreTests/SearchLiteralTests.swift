import Foundation
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// What is typed into the dashboard's search and filters is searched for as typed: `%`, `_` and `\`
/// are characters, not LIKE wildcards.
@Suite("Store: search and filters are literal")
struct SearchLiteralTests {
    static func store() throws -> (Fixture, Store) {
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
        let (_, s) = try Self.store()
        #expect(try s.openComplaints(search: nil, offset: 0, limit: 10).total == 5)
        let w = try s.openComplaints(search: typed, offset: 0, limit: 10)
        #expect(w.total == 1 && w.rows.allSatisfy { $0.content.contains(typed) }, "“\(typed)” matched \(w.rows.map(\.content))")
        let hits = try s.search(typed)
        #expect(hits.count == 1 && hits.allSatisfy { $0.detail.contains(typed) }, "“\(typed)” found \(hits)")
        #expect(try s.openCommitments(search: typed, offset: 0, limit: 10).total == 0)
    }

    @Test("ordinary text still matches part of a word")
    func ordinary() throws {
        let (_, s) = try Self.store()
        #expect(try s.openComplaints(search: "普通", offset: 0, limit: 10).total == 2)
        #expect(try s.openComplaints(search: "发改", offset: 0, limit: 10).total == 5, "by the department's name")
        #expect(try s.search("A_1").count == 1)
    }
}
