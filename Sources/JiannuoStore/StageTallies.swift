import GRDB

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
/// kept apart and the scoring decides.
enum StageTallies {
    static let table = "stage_tallies"
    /// (stage, limit column, done column, late column)
    static let stages: [(String, String, String, String)] = [
        ("accept", "accept_due", "accepted_at", "accept_late"),
        ("resolve", "resolve_due", "resolved_at", "resolve_late"),
        ("respond", "respond_due", "responded_at", "respond_late"),
    ]

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS stage_tallies (
                stage TEXT NOT NULL,
                due TEXT NOT NULL,
                department TEXT NOT NULL,
                open INTEGER NOT NULL,
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (due, stage, department, open)
            ) WITHOUT ROWID
            """)
    }

    /// The tallies as the records give them, grouped afresh: what the table must equal.
    static func recomputeSQL(where extra: String = "true", _ d: SQLDialect = .sqlite) -> String {
        stages.map { stage, due, done, late in
            "SELECT '\(stage)' AS stage, \(due) AS due, department, \(d.isNull(done)) AS open, count(*) AS n FROM complaints WHERE \(late) = 1 AND \(extra) GROUP BY 2, 3, 4"
        }.joined(separator: " UNION ALL ")
    }

    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM stage_tallies")
        try db.execute(sql: "INSERT INTO stage_tallies (stage, due, department, open, n) \(recomputeSQL())")
    }

    static let triggerNames = ["jn_tally_insert", "jn_tally_update", "jn_tally_delete"]

    static func dropTriggers(_ db: Database) throws {
        for t in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(t)") }
    }

    static func installTriggers(_ db: Database) throws {
        func add(_ r: String) -> String {
            stages.map { stage, due, done, late in """
                INSERT INTO stage_tallies (stage, due, department, open, n)
                    SELECT '\(stage)', \(r).\(due), \(r).department, \(r).\(done) IS NULL, 1 WHERE \(r).\(late) = 1
                    ON CONFLICT (stage, due, department, open) DO UPDATE SET n = n + 1;
                """ }.joined(separator: "\n")
        }
        func remove(_ r: String) -> String {
            stages.map { stage, due, done, late in """
                UPDATE stage_tallies SET n = n - 1 WHERE \(r).\(late) = 1 AND stage = '\(stage)' AND due = \(r).\(due)
                    AND department = \(r).department AND open = (\(r).\(done) IS NULL);
                DELETE FROM stage_tallies WHERE \(r).\(late) = 1 AND stage = '\(stage)' AND due = \(r).\(due)
                    AND department = \(r).department AND open = (\(r).\(done) IS NULL) AND n = 0;
                """ }.joined(separator: "\n")
        }
        let watched = (["department"] + stages.flatMap { [$0.1, $0.2] }).joined(separator: ", ")
        try db.execute(sql: """
            CREATE TRIGGER IF NOT EXISTS jn_tally_insert AFTER INSERT ON complaints BEGIN
            \(add("NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_tally_update AFTER UPDATE OF \(watched) ON complaints BEGIN
            \(remove("OLD"))
            \(add("NEW"))
            END;
            CREATE TRIGGER IF NOT EXISTS jn_tally_delete AFTER DELETE ON complaints BEGIN
            \(remove("OLD"))
            END;
            """)
    }
}
