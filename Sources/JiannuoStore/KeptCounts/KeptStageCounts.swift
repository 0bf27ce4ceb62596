import JiannuoCore

/// Late complaint stages counted per unit, stage, limit day and open/closed: the ranking's largest
/// input, kept up to date on write so that a ranking reads a few thousand tally rows instead of
/// grouping hundreds of thousands of complaints.
///
/// Why triggers and not the Store's write path: a complaint row changes in a dozen places (intake,
/// each stage, return, reopening, calendar refreshes that move open limits, imports, the demo), and a
/// trigger sees every one of them inside the writing transaction, so no write path can forget its
/// tally, and the digests' triggers already set that precedent. Bulk writes drop them and rebuild the
/// table in one grouped pass, like the digests.
///
/// A stage is late when it was done after its limit or is still open (the `*_late` generated columns):
/// whether an open one has passed its limit depends on the day asked about, so open and closed are
/// kept apart and the scoring decides. A complaint's earlier rounds (`complaint_rounds`, closed by a
/// dissatisfied follow-up) count their late limits as well, under the same keys.
enum KeptStageCounts {
    static let columns = "stage, due, department, open, n"

    static let table = "stage_tallies"
    /// (stage, limit column, done column, late column), from Core's `ComplaintLimit`.
    static let stages: [(String, String, String, String)] = stages(ComplaintLimit.allCases)
    /// The same for a closed round, whose columns bear the record's names.
    static let roundStages: [(String, String, String, String)] = stages(ComplaintRound.limits)
    static let roundTable = ComplaintRound.databaseTableName

    private static func stages(_ limits: [ComplaintLimit]) -> [(String, String, String, String)] {
        limits.map { ($0.rawValue, $0.dueColumn, $0.doneColumn, CoreSQL.lateColumn($0)) }
    }

    /// The counts as the records give them, grouped afresh: what the table must equal.
    /// `rounds`: whether the ledger has its rounds table yet (a migration before v15 has not).
    static func recomputeSQL(where extra: String = "true", _ d: SQLDialect = .sqlite, rounds: Bool = true) -> String {
        let parts = [("complaints", stages)] + (rounds ? [(roundTable, roundStages)] : [])
        return "SELECT stage, due, department, open, sum(n) AS n FROM (\(sum(parts, extra, d))) AS t GROUP BY 1, 2, 3, 4"
    }

    /// The same counts before the last grouping: one row per part, stage and key (what a
    /// `CountsFingerprint` folds, since it adds a key's rows up itself).
    static func partsSQL(_ d: SQLDialect = .sqlite, rounds: Bool = true) -> String {
        sum([("complaints", stages)] + (rounds ? [(roundTable, roundStages)] : []), "true", d)
    }

    /// Closed late stages per unit, stage and month of their limit: a ranking of whole months reads
    /// these instead of a row per limit day (a quarter of the province demo: 37,000 daily rows, 2,200
    /// monthly ones). An open stage's lateness depends on the judging day, so open ones stay daily.
    static let monthTable = "stage_months"
    static let monthColumns = "stage, month, department, n"
    /// A limit day's month, as the monthly table keys it.
    static func month(_ day: String) -> String { "substr(\(day), 1, 7)" }

    /// What the monthly table must equal, from the daily counts (which are held to the records).
    static let monthsSQL = "SELECT stage, \(month("due")) AS month, department, sum(n) AS n FROM \(table) WHERE open = 0 GROUP BY 1, 2, 3"

    /// The daily counts' open rows by limit day, which the ranking reads apart from the closed ones.
    static let openIndexName = "stage_tallies_open"
    static func openIndex(_ d: SQLDialect) -> String {
        d.postgres ? "CREATE INDEX \(openIndexName) ON \(table)(due) INCLUDE (stage, department, n) WHERE open = 1"
            : "CREATE INDEX IF NOT EXISTS \(openIndexName) ON \(table)(due, stage, department, n) WHERE open = 1"
    }

    /// One unit's late stages of a limit (`department show`, a unit's scores), by unit and limit day with
    /// what the lines read: a unit's late stages then come from this index alone, not from a row of the
    /// table for each of the unit's complaints (a province unit: some 13,000 rows read for 500 late ones).
    static func unitIndexName(_ l: ComplaintLimit) -> String { "complaints_\(CoreSQL.lateColumn(l))_unit" }
    static func unitIndex(_ l: ComplaintLimit, _ d: SQLDialect) -> String {
        let late = CoreSQL.lateColumn(l)
        return d.postgres
            ? "CREATE INDEX \(unitIndexName(l)) ON complaints(department, \(l.dueColumn)) INCLUDE (\(l.doneColumn), id) WHERE \(late) = 1"
            : "CREATE INDEX IF NOT EXISTS \(unitIndexName(l)) ON complaints(department, \(l.dueColumn), \(l.doneColumn), id) WHERE \(late) = 1"
    }
    static let unitIndexesMigration = "v24-unit-late-indexes"

    private static func sum(_ parts: [(String, [(String, String, String, String)])], _ extra: String, _ d: SQLDialect) -> String {
        parts.flatMap { table, stages in
            stages.map { stage, due, done, late in
                "SELECT '\(stage)' AS stage, \(due) AS due, department, \(d.isNull(done)) AS open, count(*) AS n FROM \(table) WHERE \(late) = 1 AND \(extra) GROUP BY 2, 3, 4"
            }
        }.joined(separator: " UNION ALL ")
    }
}
