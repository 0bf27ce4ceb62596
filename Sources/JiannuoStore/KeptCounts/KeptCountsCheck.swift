import GRDB
import JiannuoCore

/// Compares the tables of counts kept on write with the same counts grouped afresh from the records,
/// with the same SQL on both engines (the recomputations spell their differences through `SQLDialect`).
enum KeptCountsCheck {
    /// The kept tables every ledger has had since v12, which the digests do not cover (they are derived):
    /// `audit verify` compares them instead, and those made since (`stage_months`, `open_tallies`) where the
    /// ledger has them (an older file is verified before its upgrade).
    static let tables = ["stage_tallies", "event_tallies", "score_facts"]

    static func differences<R: SQLReader>(_ r: R) throws -> [KeptCountDifference] {
        let d = r.dialect
        // A ledger file verified before its upgrade (an admin's init verifies first) has no rounds yet.
        func exists(_ table: String) throws -> Bool {
            try d.postgres || r.int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) > 0
        }
        let rounds = try exists(KeptStageCounts.roundTable)
        let salt = CountsFingerprint.freshSalt()
        // Each table is first folded beside its recomputation, without grouping either (a sort of
        // hundreds of thousands of wide keys); only tables that differ are grouped to name the keys.
        func agree(_ kept: String, _ fresh: String, keys: Int) throws -> Bool {
            try r.countsFingerprint(kept, keys: keys, salt: salt) == r.countsFingerprint(fresh, keys: keys, salt: salt)
        }
        let stageKey = ["stage", "due", "department", "open"]
        let stages = try agree("SELECT \(KeptStageCounts.columns) FROM stage_tallies", KeptStageCounts.partsSQL(d, rounds: rounds), keys: 4) ? []
            : compare(r, table: "stage_tallies", key: stageKey, fresh: KeptStageCounts.recomputeSQL(d, rounds: rounds)) {
            KeptCountDifference(kind: $0.text(0) ?? "", day: $0.text(1) ?? "", department: $0.text(2) ?? "", open: $0.int(3) == 1,
                                kept: Int($0.int(4) ?? 0), recomputed: Int($0.int(5) ?? 0))
        }
        // The monthly stages against the daily ones just held to the records (none before v22).
        let months = try !exists(KeptStageCounts.monthTable) ? [] : compare(r, table: KeptStageCounts.monthTable, key: ["stage", "month", "department"],
                                                   fresh: KeptStageCounts.monthsSQL) {
            KeptCountDifference(kind: "\($0.text(0) ?? "")/month", day: $0.text(1) ?? "", department: $0.text(2) ?? "", open: false,
                                kept: Int($0.int(3) ?? 0), recomputed: Int($0.int(4) ?? 0))
        }
        let events = try agree("SELECT \(KeptEventCounts.columns) FROM event_tallies", KeptEventCounts.recomputeSQL(), keys: 4) ? []
            : compare(r, table: "event_tallies", key: ["kind", "day", "department", "received"], fresh: KeptEventCounts.recomputeSQL()) {
            KeptCountDifference(kind: $0.text(0) ?? "", day: $0.text(1) ?? "", department: $0.text(2) ?? "", open: false,
                                kept: Int($0.int(4) ?? 0), recomputed: Int($0.int(5) ?? 0))
        }
        // Open items by due day (none before v23).
        let openKey = ["kind", "due", "days"]
        let open = try !exists(KeptOpenCounts.table) || agree("SELECT \(KeptOpenCounts.columns) FROM \(KeptOpenCounts.table)",
                                                               KeptOpenCounts.recomputeSQL(), keys: openKey.count) ? []
            : compare(r, table: KeptOpenCounts.table, key: openKey, fresh: KeptOpenCounts.recomputeSQL()) {
            KeptCountDifference(kind: "open \($0.text(0) ?? "")/\($0.int(2) ?? 0)", day: $0.text(1) ?? "", department: "", open: true,
                                kept: Int($0.int(3) ?? 0), recomputed: Int($0.int(4) ?? 0))
        }
        let key = ["source", "record", "kind", "rule", "department", "day", "since", "until"]
        let k = key.joined(separator: ", ")
        let facts = try agree("SELECT \(KeptScoreFacts.columns) FROM score_facts", KeptScoreFacts.recomputeSQL(d), keys: key.count) ? []
            : compare(r, table: "(SELECT \(k), sum(times) AS n FROM score_facts GROUP BY \(k)) AS kept", key: key,
                      fresh: "SELECT \(k), sum(times) AS n FROM (\(KeptScoreFacts.recomputeSQL(d))) AS f GROUP BY \(k)") {
            KeptCountDifference(kind: "\($0.text(3) ?? "") \($0.text(1) ?? "")", day: $0.text(5) ?? "", department: $0.text(4) ?? "", open: false,
                                kept: Int($0.int(8) ?? 0), recomputed: Int($0.int(9) ?? 0))
        }
        return stages + months + events + open + facts
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

extension AuditChain {
    /// Kept counts that no longer follow from the records: the ranking reads them, so a change made to
    /// them behind the program's back is tampering like a changed record.
    static func keptCountProblems(_ differences: [KeptCountDifference]) -> [Problem] {
        guard !differences.isEmpty else { return [] }
        let tables = differences.first?.kind.contains(" ") == true ? "score_facts/\(KeptOpenCounts.table)"
            : "stage_tallies/\(KeptStageCounts.monthTable)/event_tallies"
        let sample = differences.prefix(5).map { "\($0.kind) \($0.department) \($0.day)：\($0.kept) ≠ \($0.recomputed)" }.joined(separator: "；")
        return [Problem(reason: Text("计分用的保存计数（\(tables)）有 \(differences.count) 处与记录不符（\(sample)）：在程序之外被改动，或触发器被删除（jiannuo doctor --rebuild-counts 可重算）",
                                     "\(differences.count) kept counts (\(tables)) the ranking reads do not follow from the records (\(sample)): changed outside the program, or their triggers dropped (jiannuo doctor --rebuild-counts recomputes them)"),
                        table: tables, records: [])]
    }
}
