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

    @Test("the open promises' and complaints' panes, county-wide in their default order, read their due index and sort nothing")
    func panesByDue() throws {
        let f = try Fixture()
        _ = try f.store()
        // Statistics like a demo's, analysed before a migration remade the due indexes (which then have none):
        // the planner, left to itself, reads the stage index and sorts every open complaint.
        let raw = try DatabaseQueue(path: f.path)
        try raw.write { db in
            try db.execute(sql: """
                ANALYZE sqlite_schema;
                INSERT INTO sqlite_stat1 VALUES ('complaints', 'complaints_open_stage', '55440 167 2 1 1'),
                                                ('complaints', 'sqlite_autoindex_complaints_1', '2202480 1'),
                                                ('commitments', 'commitments_unit_status', '200000 700 150'),
                                                ('commitments', 'sqlite_autoindex_commitments_1', '196840 1');
                ANALYZE sqlite_schema;
                """)
        }
        try raw.close()
        let store = try f.store()
        try store.read { db in
            var statements: [String] = []
            db.trace(options: .statement) { event in
                if case .statement(let s) = event { statements.append(s.sql) }
            }
            let r = GRDBReader(db: db)
            _ = try PaneWindows.commitments(r, PaneQuery(), confined: "", [], offset: 0, limit: 10)
            _ = try PaneWindows.complaints(r, PaneQuery(), confined: "", [], offset: 0, limit: 10)
            db.trace(options: [], nil)
            let windows = statements.filter { $0.contains("LIMIT") }
            #expect(windows.count == 2, "\(statements)")
            for (sql, index) in zip(windows, [AlertIndexes.openCommitments.name, AlertIndexes.openComplaints.name]) {
                let plan = try planOf(db, sql, [10, 0])
                #expect(plan.contains { $0.contains(index) }, "\(sql): \(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(sql): \(plan)")
            }
        }
    }

    @Test("a ranking reads closed late stages of whole months from their monthly roll-up, open ones by their own index")
    func stagesByMonth() throws {
        let f = try Fixture()
        let store = try f.store()
        let today = try #require(Day("2026-11-20"))
        let odd = Period(kind: .rolling, start: try #require(Day("2026-09-15")), end: try #require(Day("2026-11-14")))
        var statements: [String] = []
        try store.read { db in
            db.trace(options: .statement) { event in
                if case .statement(let s) = event { statements.append(s.expandedSQL) }
            }
            _ = try ScoreReads(rules: store.rules).ranking(GRDBReader(db: db), periods: [Period.currentQuarter(today), odd], today: today)
            db.trace(options: [], nil)
        }
        let stages = statements.filter { $0.contains("\(KeptStageCounts.table)") }
        #expect(stages.count == 2, "\(statements)")
        // The quarter: its three months, no closed day; the odd span: October whole, the days around it daily.
        #expect(stages.first?.contains("month BETWEEN '2026-10' AND '2026-12'") == true && stages.first?.contains("open = 0") == false, "\(stages)")
        #expect(stages.last.map { $0.contains("month BETWEEN '2026-10' AND '2026-10'") && $0.contains("'2026-09-15' AND '2026-09-30' AND open = 0")
            && $0.contains("'2026-11-01' AND '2026-11-14' AND open = 0") } == true, "\(stages)")
        try store.read { db in
            for sql in stages {
                let plan = try planOf(db, sql, [])
                #expect(plan.contains { $0.contains(KeptStageCounts.openIndexName) }, "\(plan)")
                #expect(!plan.contains { $0.contains("SCAN") && !$0.contains("SCAN t") }, "\(sql): \(plan)")
            }
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

@Suite("Store: the -wal kept between commands")
struct KeptWALTests {
    @Test("a writing command leaves its -wal for the next, which then commits nothing on opening; a bulk write gives the space back")
    func walKept() throws {
        let f = try Fixture()
        do {
            let store = try f.store()
            _ = try store.addDepartment(code: "FGW", name: "县发改委", kind: .countyDepartment)
        }
        var info = stat()
        #expect(stat(f.path + "-wal", &info) == 0 && info.st_size > 0, "the -wal was removed on close")
        // Another connection sees any commit as a new data version.
        let watcher = try DatabaseQueue(path: f.path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let before = try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        let again = try f.store()
        #expect(try again.departments().map(\.code) == ["FGW"])
        let after = try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        #expect(before == after, "opening for writing committed a transaction")
        // The check can fail: a write is seen.
        _ = try again.addDepartment(code: "GXJ", name: "县工信局", kind: .countyDepartment)
        #expect(try watcher.read { try Int.fetchOne($0, sql: "PRAGMA data_version") } != after)
        // A transaction larger than what a kept -wal may hold: the space is given back after it.
        try again.write { db, _ in
            try db.execute(sql: "CREATE TABLE scratch(b BLOB); INSERT INTO scratch VALUES (zeroblob(?)); DROP TABLE scratch",
                           arguments: [SQLiteLedger.walKept + (1 << 20)])
        }
        #expect(stat(f.path + "-wal", &info) == 0 && Int(info.st_size) <= SQLiteLedger.walKept, "\(info.st_size)")
    }
}
