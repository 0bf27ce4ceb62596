import JiannuoCore

/// The columns that say when an event was recorded and how its claim stands (`EventRecording`), on
/// every table whose rows are events a user may date in the past. Written once here for both engines'
/// schemas (the SQLite migration v13 and `PGSchema`).
enum ClaimColumns {
    static let tables = ["commitment_entries", "amendments"]

    /// Every table whose rows are dated events, with the column holding the moment or day the event
    /// claims (the day it counts on, for the first two, until a waiting claim is confirmed).
    static let claimedDay = ["commitment_entries": "date", "amendments": "date", "complaint_steps": "claimed_at", "dated_claims": "day"]

    /// In `EventRecording`'s order, after each table's own columns.
    static let names = ["claimed", "recorded_at", "claim", "decided_by", "decided_at", "decision"]

    static func check(_ column: String) -> String {
        column == "claim" ? " CHECK (claim IN (\(ClaimState.allCases.map { CoreSQL.literal($0.rawValue) }.joined(separator: ", "))))" : ""
    }

    /// v13: the columns added to each table, and an index of what waits.
    static var sqliteMigration: String {
        tables.map { t in
            names.map { "ALTER TABLE \(t) ADD COLUMN \($0) TEXT\(check($0));" }.joined(separator: "\n")
                + "\nCREATE INDEX \(t)_pending ON \(t)(id) WHERE claim = 'pending';"
        }.joined(separator: "\n")
    }

    /// The same columns in a PostgreSQL table's definition, after its own.
    static var postgresColumns: String {
        names.map { "\($0) text COLLATE \"C\"\(check($0))" }.joined(separator: ", ")
    }

    static var postgresIndexes: String {
        tables.map { "CREATE INDEX \($0)_pending ON \($0)(id) WHERE claim = 'pending';" }.joined(separator: "\n")
    }
}
