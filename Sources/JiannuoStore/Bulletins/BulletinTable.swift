import JiannuoCore

/// The `bulletins` table (v19), written once for both engines' schemas: one row per `IssuedBulletin`.
enum BulletinTable {
    static let columns: [EventTables.Column] = [
        ("id", "TEXT", "PRIMARY KEY NOT NULL"),
        ("number", "TEXT", "NOT NULL UNIQUE"),
        ("period", "TEXT", "NOT NULL"),
        ("as_known", "TEXT", "NOT NULL"),
        ("issued_at", "TEXT", "NOT NULL"),
        ("issued_by", "TEXT", "NOT NULL"),
        ("anchor", "TEXT", ""),
        ("data", "TEXT", "NOT NULL"),
    ]

    static func schema(_ table: (_ name: String, _ columns: [EventTables.Column], _ generated: [(String, String)]) -> String) -> String {
        [table("bulletins", columns, []), "CREATE INDEX bulletins_period ON bulletins(period, issued_at);"].joined(separator: "\n")
    }

    static var sqlite: String { schema(EventTables.sqliteTable) }
    static var postgres: String { schema(EventTables.postgresTable) }
}
