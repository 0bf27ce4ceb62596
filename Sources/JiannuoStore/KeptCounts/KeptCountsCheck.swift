import GRDB

/// Compares the tables of counts kept on write with the same counts grouped afresh from the records,
/// with the same SQL on both engines (the recomputations spell their differences through `SQLDialect`).
enum KeptCountsCheck {
    static func differences<R: SQLReader>(_ r: R) throws -> [KeptCountDifference] {
        let d = r.dialect
        let stages = try compare(r, table: "stage_tallies", key: ["stage", "due", "department", "open"], fresh: KeptStageCounts.recomputeSQL(d)) {
            KeptCountDifference(kind: $0.text(0) ?? "", day: $0.text(1) ?? "", department: $0.text(2) ?? "", open: $0.int(3) == 1,
                            kept: Int($0.int(4) ?? 0), recomputed: Int($0.int(5) ?? 0))
        }
        let events = try compare(r, table: "event_tallies", key: ["kind", "day", "department", "received"], fresh: KeptEventCounts.recomputeSQL()) {
            KeptCountDifference(kind: $0.text(0) ?? "", day: $0.text(1) ?? "", department: $0.text(2) ?? "", open: false,
                            kept: Int($0.int(4) ?? 0), recomputed: Int($0.int(5) ?? 0))
        }
        let key = ["source", "record", "kind", "rule", "department", "day", "since", "until"]
        let k = key.joined(separator: ", ")
        let facts = try compare(r, table: "(SELECT \(k), sum(times) AS n FROM score_facts GROUP BY \(k)) AS kept", key: key,
                                fresh: "SELECT \(k), sum(times) AS n FROM (\(KeptScoreFacts.recomputeSQL(d))) AS f GROUP BY \(k)") {
            KeptCountDifference(kind: "\($0.text(3) ?? "") \($0.text(1) ?? "")", day: $0.text(5) ?? "", department: $0.text(4) ?? "", open: false,
                            kept: Int($0.int(8) ?? 0), recomputed: Int($0.int(9) ?? 0))
        }
        return stages + events + facts
    }

    /// Rows where `table` and `fresh` (a query giving `key` and `n`) disagree: the key's columns, then
    /// the kept count and the recomputed one.
    private static func compare<R: SQLReader>(_ r: R, table: String, key: [String], fresh: String,
                                              _ decode: (R.Row) -> KeptCountDifference) throws -> [KeptCountDifference] {
        let k = key.joined(separator: ", ")
        return try r.all("""
            WITH fresh AS (\(fresh)),
            both_sides AS (
                SELECT \(k), n AS kept, 0 AS fresh FROM \(table)
                UNION ALL SELECT \(k), 0, n FROM fresh
            )
            SELECT \(k), sum(kept) AS kept, sum(fresh) AS fresh FROM both_sides
            GROUP BY \(k) HAVING sum(kept) <> sum(fresh)
            ORDER BY \(k)
            """, [], decode)
    }
}
