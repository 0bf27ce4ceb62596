import GRDB
import JiannuoCore

/// The stage counts on SQLite: their table, its rebuild and its triggers (`KeptStageCounts`).
enum SQLiteStageCounts {
    static let stages = KeptStageCounts.stages

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS stage_tallies (
                stage TEXT NOT NULL,
                due TEXT NOT NULL,
                department TEXT NOT NULL,
                open INTEGER NOT NULL,
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (due, stage, department, open)
            ) WITHOUT ROWID
            """)
        try createMonthTable(db)
    }

    /// The monthly roll-up of closed late stages (`KeptStageCounts.monthTable`), made with the daily
    /// table, whose triggers keep both: in a new ledger from the start, in an older one from v22.
    static func createMonthTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(KeptStageCounts.monthTable) (
                stage TEXT NOT NULL,
                month TEXT NOT NULL,
                department TEXT NOT NULL,
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (month, stage, department)
            ) WITHOUT ROWID;
            \(KeptStageCounts.openIndex(.sqlite));
            """)
    }

    static func rebuild(_ db: Database) throws {
        try SQLiteKeptCounts.refill(db, "stage_tallies", columns: KeptStageCounts.columns,
                                    from: KeptStageCounts.recomputeSQL(rounds: try hasRounds(db)))
        try rebuildMonths(db)
    }

    static func rebuildMonths(_ db: Database) throws {
        try SQLiteKeptCounts.refill(db, KeptStageCounts.monthTable, columns: KeptStageCounts.monthColumns, from: KeptStageCounts.monthsSQL)
    }

    /// Migrations before v15 count the records alone: the rounds' table does not exist yet.
    static func hasRounds(_ db: Database) throws -> Bool { try db.tableExists(KeptStageCounts.roundTable) }

    static let triggerNames = ["jn_tally_insert", "jn_tally_update", "jn_tally_delete"]
    static let roundTriggerNames = ["jn_tally_round_insert", "jn_tally_round_update", "jn_tally_round_delete"]

    static func dropTriggers(_ db: Database) throws { try SQLiteKeptCounts.drop(db, triggers: triggerNames + roundTriggerNames) }

    static func installTriggers(_ db: Database) throws {
        try install(db, on: "complaints", stages, names: triggerNames)
        if try hasRounds(db) { try installRoundTriggers(db) }
    }

    static func installRoundTriggers(_ db: Database) throws {
        try install(db, on: KeptStageCounts.roundTable, KeptStageCounts.roundStages, names: roundTriggerNames)
    }

    private static func install(_ db: Database, on table: String, _ stages: [(String, String, String, String)], names: [String]) throws {
        let months = KeptStageCounts.monthTable
        func add(_ r: String) -> String {
            stages.map { stage, due, done, late in """
                INSERT INTO stage_tallies (stage, due, department, open, n)
                    SELECT '\(stage)', \(r).\(due), \(r).department, \(r).\(done) IS NULL, 1 WHERE \(r).\(late) = 1
                    ON CONFLICT (stage, due, department, open) DO UPDATE SET n = n + 1;
                INSERT INTO \(months) (stage, month, department, n)
                    SELECT '\(stage)', \(KeptStageCounts.month("\(r).\(due)")), \(r).department, 1 WHERE \(r).\(late) = 1 AND \(r).\(done) IS NOT NULL
                    ON CONFLICT (month, stage, department) DO UPDATE SET n = n + 1;
                """ }.joined(separator: "\n")
        }
        func remove(_ r: String) -> String {
            stages.map { stage, due, done, late in
                let monthKey = "\(r).\(late) = 1 AND \(r).\(done) IS NOT NULL AND stage = '\(stage)' AND month = \(KeptStageCounts.month("\(r).\(due)")) AND department = \(r).department"
                return """
                UPDATE stage_tallies SET n = n - 1 WHERE \(r).\(late) = 1 AND stage = '\(stage)' AND due = \(r).\(due)
                    AND department = \(r).department AND open = (\(r).\(done) IS NULL);
                DELETE FROM stage_tallies WHERE \(r).\(late) = 1 AND stage = '\(stage)' AND due = \(r).\(due)
                    AND department = \(r).department AND open = (\(r).\(done) IS NULL) AND n = 0;
                UPDATE \(months) SET n = n - 1 WHERE \(monthKey);
                DELETE FROM \(months) WHERE \(monthKey) AND n = 0;
                """ }.joined(separator: "\n")
        }
        let watched = (["department"] + stages.flatMap { [$0.1, $0.2] }).joined(separator: ", ")
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS \(names[0]) AFTER INSERT ON \(table) BEGIN
            \(add("NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS \(names[1]) AFTER UPDATE OF \(watched) ON \(table) BEGIN
            \(remove("OLD"))
            \(add("NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS \(names[2]) AFTER DELETE ON \(table) BEGIN
            \(remove("OLD"))
            END;
            """)
    }
}
