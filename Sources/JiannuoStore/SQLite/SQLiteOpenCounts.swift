import GRDB

/// The open items' counts on SQLite: their table, its rebuild and its triggers (`KeptOpenCounts`).
enum SQLiteOpenCounts {
    static func names(_ table: String) -> [String] { ["insert", "update", "delete"].map { "jn_open_\(table)_\($0)" } }
    static let triggerNames = KeptOpenCounts.tables.flatMap(names)

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(KeptOpenCounts.table) (
                kind TEXT NOT NULL,
                due TEXT NOT NULL,
                days INTEGER NOT NULL,
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (kind, due, days)
            ) WITHOUT ROWID
            """)
    }

    static func rebuild(_ db: Database) throws {
        try SQLiteKeptCounts.refill(db, KeptOpenCounts.table, columns: KeptOpenCounts.columns, from: KeptOpenCounts.recomputeSQL())
    }

    static func dropTriggers(_ db: Database) throws { try SQLiteKeptCounts.drop(db, triggers: triggerNames) }

    static func installTriggers(_ db: Database) throws {
        let t = KeptOpenCounts.table
        for table in KeptOpenCounts.tables {
            let parts = KeptOpenCounts.parts.filter { $0.table == table }
            func add(_ r: String) -> String {
                parts.map { p in """
                    INSERT INTO \(t) (kind, due, days, n) SELECT '\(p.kind)', \(r).\(p.due), \(p.days("\(r).")), 1 WHERE \(p.kept("\(r)."))
                        ON CONFLICT (kind, due, days) DO UPDATE SET n = n + 1;
                    """ }.joined(separator: "\n")
            }
            func remove(_ r: String) -> String {
                parts.map { p in
                    let key = "kind = '\(p.kind)' AND due = \(r).\(p.due) AND days = \(p.days("\(r)."))"
                    return """
                    UPDATE \(t) SET n = n - 1 WHERE \(p.kept("\(r).")) AND \(key);
                    DELETE FROM \(t) WHERE \(key) AND n = 0;
                    """ }.joined(separator: "\n")
            }
            let names = names(table)
            try db.execute(sql: """
                CREATE TRIGGER IF NOT EXISTS \(names[0]) AFTER INSERT ON \(table) BEGIN
                \(add("NEW"))
                END;
                CREATE TRIGGER IF NOT EXISTS \(names[1]) AFTER UPDATE OF \(KeptOpenCounts.watched(table).joined(separator: ", ")) ON \(table) BEGIN
                \(remove("OLD"))
                \(add("NEW"))
                END;
                CREATE TRIGGER IF NOT EXISTS \(names[2]) AFTER DELETE ON \(table) BEGIN
                \(remove("OLD"))
                END;
                """)
        }
    }
}
