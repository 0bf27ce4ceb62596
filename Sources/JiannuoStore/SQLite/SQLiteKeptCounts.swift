import GRDB

/// Every table of counts and score facts kept on write by SQLite's triggers, handled together where
/// writes come in bulk and where a doctor rebuilds them.
enum SQLiteKeptCounts {
    enum Kind: CaseIterable { case stages, events, scoreFacts, open }

    /// What each kept table offers: dropping its triggers, rebuilding it from the records, putting them back.
    private struct Upkeep {
        let drop: (Database) throws -> Void, rebuild: (Database) throws -> Void, install: (Database) throws -> Void
    }

    private static func upkeep(_ k: Kind) -> Upkeep {
        switch k {
        case .stages: Upkeep(drop: SQLiteStageCounts.dropTriggers, rebuild: SQLiteStageCounts.rebuild, install: SQLiteStageCounts.installTriggers)
        case .events: Upkeep(drop: SQLiteEventCounts.dropTriggers, rebuild: SQLiteEventCounts.rebuild, install: SQLiteEventCounts.installTriggers)
        case .scoreFacts: Upkeep(drop: SQLiteScoreFacts.dropTriggers, rebuild: SQLiteScoreFacts.rebuild, install: SQLiteScoreFacts.installTriggers)
        case .open: Upkeep(drop: SQLiteOpenCounts.dropTriggers, rebuild: SQLiteOpenCounts.rebuild, install: SQLiteOpenCounts.installTriggers)
        }
    }

    static func dropTriggers(_ db: Database, _ kinds: [Kind] = Kind.allCases) throws {
        for k in kinds { try upkeep(k).drop(db) }
    }

    static func rebuild(_ db: Database, _ kinds: [Kind] = Kind.allCases) throws {
        for k in kinds { try upkeep(k).rebuild(db) }
    }

    static func installTriggers(_ db: Database, _ kinds: [Kind] = Kind.allCases) throws {
        for k in kinds { try upkeep(k).install(db) }
    }

    static var triggerNames: [String] { SQLiteStageCounts.triggerNames + SQLiteStageCounts.roundTriggerNames + SQLiteEventCounts.triggerNames + SQLiteScoreFacts.triggerNames
        + SQLiteOpenCounts.triggerNames }

    /// An import's bulk write: imported complaints and promises are counted once at the end, appended
    /// promises judged in one pass; other tables have no kept counts of their own.
    static func importing<T>(_ db: Database, table: String, _ body: () throws -> T) throws -> T {
        switch table {
        case "complaints": try bulk(db, [.stages, .events, .open], body)
        case "commitments": try bulk(db, [.open]) { try SQLiteScoreFacts.appendingCommitments(db, body) }
        default: try body()
        }
    }

    /// Runs a bulk write without the per-row triggers of `kinds`, then rebuilds their tables once.
    static func bulk<T>(_ db: Database, _ kinds: [Kind] = Kind.allCases, _ body: () throws -> T) throws -> T {
        guard !kinds.isEmpty else { return try body() }
        try dropTriggers(db, kinds)
        let result = try body()
        try rebuild(db, kinds)
        try installTriggers(db, kinds)
        return result
    }

    /// A kept table emptied and filled again from its recomputation.
    static func refill(_ db: Database, _ table: String, columns: String, from sql: String) throws {
        try db.execute(sql: "DELETE FROM \(table)")
        try db.execute(sql: "INSERT INTO \(table) (\(columns)) \(sql)")
    }

    static func drop(_ db: Database, triggers: [String]) throws {
        for t in triggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(t)") }
    }
}
