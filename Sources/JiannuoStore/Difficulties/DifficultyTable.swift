import JiannuoCore

/// The `difficulties` table (v16), written once for both engines' schemas as `EventTables` writes its own:
/// one row per `DifficultyReport`, its Codable keys the column names.
enum DifficultyTable {
    static let columns: [EventTables.Column] = [
        ("id", "TEXT", "PRIMARY KEY NOT NULL"),
        ("record", "TEXT", "NOT NULL"),
        ("department", "TEXT", "NOT NULL REFERENCES departments(code)"),
        ("text", "TEXT", "NOT NULL"),
        ("asks", "TEXT", ""),
        ("filed_at", "TEXT", "NOT NULL"),
        ("filed_by", "TEXT", "NOT NULL"),
        ("due", "TEXT", "NOT NULL"),
        ("answer", "TEXT", ""),
        ("answered_at", "TEXT", ""),
        ("answered_by", "TEXT", ""),
        ("referred_at", "TEXT", ""),
        ("referred_by", "TEXT", ""),
    ]

    static func schema(_ table: (_ name: String, _ columns: [EventTables.Column], _ generated: [(String, String)]) -> String) -> String {
        [table("difficulties", columns, []),
         "CREATE INDEX difficulties_department ON difficulties(department, filed_at);",
         "CREATE INDEX difficulties_record ON difficulties(record);",
         "CREATE INDEX difficulties_open ON difficulties(due) WHERE answered_at IS NULL;"].joined(separator: "\n")
    }

    static var sqlite: String { schema(EventTables.sqliteTable) }
    static var postgres: String { schema(EventTables.postgresTable) }
}
