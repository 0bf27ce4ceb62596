import Foundation
import GRDB
import JiannuoTestSupport
import Testing
@testable import JiannuoCore
@testable import JiannuoStore

@Suite("Store: reads served by their indexes")
struct ReadIndexesTests {
    /// The cursors a statement opens on tables (`OpenRead` with a column count) and whether any column is
    /// read through one of them rather than through an index.
    private func readsTableColumns(_ db: Database, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> Bool {
        var tableCursors = Set<Int>()
        var readsTable = false
        for row in try Row.fetchAll(db, sql: "EXPLAIN " + sql, arguments: StatementArguments(arguments.map { $0.databaseValue })) {
            let opcode: String = row["opcode"], p1: Int = row["p1"], p4: String? = row["p4"]
            if opcode == "OpenRead", let p4, !p4.hasPrefix("k(") { tableCursors.insert(p1) }
            if opcode == "Column", tableCursors.contains(p1) { readsTable = true }
        }
        return readsTable
    }

    private func planOf(_ db: Database, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws -> [String] {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments.map { $0.databaseValue })).map { $0["detail"] }
    }

    @Test("the alerts read open promises, debts and complaints from their partial indexes alone, never the rows")
    func alertsFromIndexes() throws {
        let f = try Fixture()
        let store = try f.store()
        let sources = AlertSources(today: f.today, calendar: store.calendar, rules: store.rules.deadlines)
        let big = sources.big(.sqlite).filter { $0.kind != .rectifications }
        #expect(big.count == 3)
        try store.read { db in
            for source in big {
                let (sql, arguments) = source.query(.sqlite, condition: source.condition(.sqlite))
                let plan = try planOf(db, sql, arguments)
                #expect(plan.contains { $0.contains("INDEX") }, "\(source.table): \(plan)")
                #expect(try !readsTableColumns(db, sql, arguments), "\(source.table) reads its rows: \(sql)")
            }
            // The check itself can fail: whole rows are read from the table.
            let whole = big[0].query(.sqlite, condition: big[0].condition(.sqlite), whole: true)
            #expect(try readsTableColumns(db, whole.0, whole.1))
        }
    }

    @Test("status counts promises by unit and status from an index, in its order")
    func statusFromIndex() throws {
        let f = try Fixture()
        let store = try f.store()
        try store.read { db in
            let sql = "SELECT status, count(*) FROM commitments INDEXED BY \(SummaryIndexes.commitmentsByUnitStatusName) GROUP BY department, status"
            let plan = try planOf(db, sql, [])
            #expect(plan.contains { $0.contains("COVERING INDEX") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}
