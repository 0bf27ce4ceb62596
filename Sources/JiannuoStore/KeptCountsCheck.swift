import GRDB

/// Compares a table of counts kept on write with the same counts grouped afresh from the records.
enum KeptCountsCheck {
    /// Rows where `table` and `fresh` (a query giving `key` and `n`) disagree: the key's four columns,
    /// then the kept count and the recomputed one.
    static func differences(_ db: Database, table: String, key: [String], fresh: String) throws -> [Row] {
        let k = key.joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            WITH fresh AS (\(fresh)),
            both AS (
                SELECT \(k), n AS kept, 0 AS fresh FROM \(table)
                UNION ALL SELECT \(k), 0, n FROM fresh
            )
            SELECT \(k), sum(kept), sum(fresh) FROM both
            GROUP BY \(k) HAVING sum(kept) <> sum(fresh)
            ORDER BY \(k)
            """)
    }
}
