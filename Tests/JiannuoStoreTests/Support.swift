import Foundation
import GRDB
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

/// A Store in a fresh temporary directory with a fixed clock (23:59 on `today`: any time that day is past).
struct Fixture {
    let dir: TemporaryDirectory
    let path: String
    let today: Day

    init(today: String = "2026-03-02") throws {
        dir = try TemporaryDirectory("jiannuo-store")
        path = dir.file("ledger.sqlite")
        self.today = d(today)
    }

    func store(today: String? = nil, minute: Int = 23 * 60 + 59, readOnly: Bool = false) throws -> SQLiteLedger {
        try SQLiteLedger(path: path, clock: Clock(today: today.map(d) ?? self.today, minute: minute), operatorName: "测试员",
                  rules: .defaults, access: readOnly ? .readOnly : .create)
    }

    /// Raw SQL from outside the program, as someone with the sqlite3 CLI would.
    func sql(_ statement: String) throws {
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { db in try db.execute(sql: statement) }
    }

    func scalar(_ query: String) throws -> Int {
        let q = try DatabaseQueue(path: path)
        return try q.read { db in try Int.fetchOne(db, sql: query) ?? -1 }
    }

    /// Row counts of every table, and the sequences: equal snapshots mean nothing was written.
    func snapshot() throws -> [String: String] {
        let q = try DatabaseQueue(path: path)
        return try q.read { db in
            var out: [String: String] = [:]
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for t in tables {
                // Tables WITHOUT ROWID (the kept counts) are ordered by their key, the others by rowid.
                let rowid = try Bool.fetchOne(db, sql: "SELECT sql NOT LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?", arguments: [t]) ?? true
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(t)\" ORDER BY \(rowid ? "rowid" : "1, 2, 3, 4")")
                out[t] = rows.map(\.description).joined(separator: "\n")
            }
            return out
        }
    }
}

/// Two departments, a commitment and a complaint, as most tests need.
struct Seeded {
    let fixture: Fixture
    let store: SQLiteLedger
    let commitment: Commitment
    let complaint: Complaint

    static let creditCode = "91350100M000100Y43"

    init(today: String = "2026-03-02") throws {
        fixture = try Fixture(today: today)
        store = try fixture.store()
        _ = try store.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        _ = try store.addDepartment(code: "CZJ", name: "县财政局", kind: .countyDepartment)
        _ = try store.addDepartment(code: "410422101", name: "任店镇", kind: .township)
        commitment = try store.addCommitment(CommitmentDraft(
            department: "FGW", kind: .contract, category: 3, counterparty: "叶县某建材有限公司", creditCode: Seeded.creditCode,
            content: "支付工程款", amount: "125000.50", made: "2026-01-10", deadline: "2026-06-30", procedures: [.legalityReview]))
        complaint = try store.addComplaint(ComplaintDraft(
            channel: "hotline", received: "2026-03-02 09:00", urgency: "normal", complainant: "张三", contact: "13812345678",
            department: "FGW", category: "3", commitment: commitment.id, content: "工程款未付"))
    }
}

func expectKind(_ kind: JiannuoError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
    let e = #expect(throws: JiannuoError.self, sourceLocation: sourceLocation) { _ = try body() }
    #expect(e?.kind == kind, "\(e?.text.zh ?? "no error")", sourceLocation: sourceLocation)
}
