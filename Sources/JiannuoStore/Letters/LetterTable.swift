import JiannuoCore

/// The `letters` table (v18), written once for both engines' schemas: one row per `SupervisionLetter`, its
/// Codable keys the column names; `items` holds the letter's items as they stood when it was issued (JSON).
enum LetterTable {
    static let columns: [EventTables.Column] = [
        ("id", "TEXT", "PRIMARY KEY NOT NULL"),
        ("number", "TEXT", "NOT NULL UNIQUE"),
        ("department", "TEXT", "NOT NULL REFERENCES departments(code)"),
        ("recipient", "TEXT", "NOT NULL"),
        ("issuer", "TEXT", "NOT NULL"),
        ("cc", "TEXT", ""),
        ("issued_at", "TEXT", "NOT NULL"),
        ("issued_by", "TEXT", "NOT NULL"),
        ("reply_by", "TEXT", "NOT NULL"),
        ("items", "TEXT", "NOT NULL"),
        ("reply", "TEXT", ""),
        ("replied_at", "TEXT", ""),
        ("replied_by", "TEXT", ""),
    ]

    static func schema(_ table: (_ name: String, _ columns: [EventTables.Column], _ generated: [(String, String)]) -> String) -> String {
        [table("letters", columns, []),
         "CREATE INDEX letters_department ON letters(department, issued_at);",
         "CREATE INDEX letters_open ON letters(reply_by) WHERE replied_at IS NULL;"].joined(separator: "\n")
    }

    static var sqlite: String { schema(EventTables.sqliteTable) }
    static var postgres: String { schema(EventTables.postgresTable) }
}
