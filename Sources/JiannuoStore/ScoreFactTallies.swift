import GRDB

/// The ranking's inputs from promises, breaches and rectifications, judged per record and kept on
/// write (triggers, for the reasons given at `StageTallies`), so that a ranking groups a slim table
/// instead of decoding 70,000 promises and 40,000 breaches with their rectifications and amendments.
///
/// Each row is one line a record can cost or earn, in one of three shapes:
/// - `dated`: counts in the period that holds `day` (missing procedures, closing late, partly or
///   not at all, no feedback, lateness kept through an amendment, a rectification completed, an
///   accountability action, a supervision finding);
/// - `standing`: counts in every period whose judging day falls in `since…until` (a promise past the
///   deadline then in force, one segment per amendment; a rectification open past its deadline);
/// - `repair`: a breach, counting from `day` until `until`, the day its last rectification was
///   completed ('9999-12-31' while any is open or none exists), plus the credit-repair periods.
/// What depends on the rules or the calendar (a debt's payment limit) is left to the scoring; rows
/// are recomputed whole for a record whenever it, its amendments, its feedback or its
/// rectifications change.
enum ScoreFactTallies {
    static let table = "score_facts"
    static let never = "9999-12-31"
    static let openStatuses = "('not_started','in_progress','stalled')"

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS score_facts (
                source TEXT NOT NULL CHECK (source IN ('commitment', 'rectification', 'breach', 'accountability', 'finding')),
                record TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('dated', 'standing', 'repair')),
                rule TEXT NOT NULL,
                department TEXT NOT NULL,
                day TEXT NOT NULL,
                since TEXT NOT NULL DEFAULT '',
                until TEXT NOT NULL DEFAULT '',
                times INTEGER NOT NULL CHECK (times > 0)
            );
            CREATE INDEX IF NOT EXISTS score_facts_record ON score_facts(source, record);
            CREATE INDEX IF NOT EXISTS score_facts_dated ON score_facts(kind, day, rule, department, times);
            CREATE INDEX IF NOT EXISTS score_facts_standing ON score_facts(kind, until, since, rule, department, day);
            """)
    }

    static let columns = "source, record, kind, rule, department, day, since, until, times"

    /// The day before / after a `YYYY-MM-DD` text (in SQLite kept as it was if it is not a date).
    private static func before(_ x: String, _ d: SQLDialect) -> String { d.postgres ? d.addDays(x, "-1") : "COALESCE(date(\(x), '-1 day'), \(x))" }
    private static func after(_ x: String, _ d: SQLDialect) -> String { d.postgres ? d.addDays(x, "1") : "COALESCE(date(\(x), '+1 day'), \(x))" }

    /// A promise's facts, for the commitments `c` matching `filter`. The same SQL serves both engines'
    /// triggers; `d` spells what differs.
    static func commitmentSQL(_ filter: String, _ d: SQLDialect = .sqlite) -> String {
        let missing = ["public", "expert", "risk", "legality", "collective"]
            .map { d.lacks("c.procedures", "\"\($0)\"") }.joined(separator: " + ")
        let closed = "CASE WHEN c.status IN \(openStatuses) THEN NULL ELSE c.fulfilled_on END"
        return """
            SELECT 'commitment' AS source, id AS record, 'dated' AS kind, 'missing_procedure' AS rule, department,
                made AS day, '' AS since, '' AS until, n AS times FROM
                (SELECT c.id, c.department, c.made, \(missing) AS n FROM commitments c WHERE \(filter)) AS m WHERE n > 0
            UNION ALL
            SELECT 'commitment', c.id, 'dated', CASE c.status WHEN 'fulfilled' THEN 'commitment_fulfilled_late'
                    WHEN 'partially_fulfilled' THEN 'commitment_partial' ELSE 'commitment_unfulfilled' END,
                c.department, c.fulfilled_on, '', '', 1
            FROM commitments c WHERE \(filter) AND c.fulfilled_on IS NOT NULL AND (c.status IN ('partially_fulfilled', 'unfulfilled')
                OR (c.status = 'fulfilled' AND c.fulfilled_on > COALESCE((SELECT a.old_deadline FROM amendments a
                    WHERE a.commitment = c.id AND a.date > c.fulfilled_on ORDER BY a.date, a.id LIMIT 1), c.deadline)))
            UNION ALL
            SELECT 'commitment', c.id, 'dated', 'no_feedback', c.department, c.fulfilled_on, '', '', 1
            FROM commitments c WHERE \(filter) AND c.fulfilled_on IS NOT NULL AND c.status NOT IN \(openStatuses)
                AND NOT EXISTS (SELECT 1 FROM commitment_entries e WHERE e.commitment = c.id AND e.kind = 'feedback')
            UNION ALL
            SELECT 'commitment', c.id, 'dated', 'commitment_overdue_before_amendment', c.department, a.date, '', '', 1
            FROM amendments a JOIN commitments c ON c.id = a.commitment WHERE \(filter) AND a.old_deadline < a.date
            UNION ALL
            SELECT 'commitment', id, 'standing', 'commitment_overdue', department, due, since, until, 1 FROM (
                SELECT id, department, due, \(d.greatest(["lo", after("due", d), "made"])) AS since,
                    CASE WHEN closed IS NULL THEN hi ELSE \(d.least("hi", before("closed", d))) END AS until
                FROM (
                    -- Until an amendment, the deadline it replaced was in force (from the one before it).
                    SELECT c.id, c.department, c.made, \(closed) AS closed, a.old_deadline AS due,
                        COALESCE((SELECT b.date FROM amendments b WHERE b.commitment = a.commitment
                            AND (b.date < a.date OR (b.date = a.date AND b.id < a.id)) ORDER BY b.date DESC, b.id DESC LIMIT 1), '') AS lo,
                        \(before("a.date", d)) AS hi
                    FROM amendments a JOIN commitments c ON c.id = a.commitment WHERE \(filter)
                    UNION ALL
                    SELECT c.id, c.department, c.made, \(closed), c.deadline,
                        COALESCE((SELECT max(b.date) FROM amendments b WHERE b.commitment = c.id), ''), '\(never)'
                    FROM commitments c WHERE \(filter)
                ) AS s
            ) AS f WHERE since <= until
            """
    }

    /// A rectification's facts, for the rectifications `r` matching `filter`.
    static func rectificationSQL(_ filter: String, _ d: SQLDialect = .sqlite) -> String {
        """
        SELECT 'rectification', r.id, 'dated', CASE WHEN r.completed_on <= r.deadline THEN 'rectification_on_time' ELSE 'rectification_late' END,
            r.unit, r.completed_on, '', '', 1
        FROM rectifications r WHERE \(filter) AND r.completed_on IS NOT NULL
        UNION ALL
        SELECT 'rectification', id, 'standing', 'rectification_late', unit, deadline, since, until, 1 FROM (
            SELECT r.id, r.unit, r.deadline, \(d.greatest([after("r.deadline", d), "r.opened"])) AS since,
                CASE WHEN r.completed_on IS NULL THEN '\(never)' ELSE \(before("r.completed_on", d)) END AS until
            FROM rectifications r WHERE \(filter)
        ) AS f WHERE since <= until
        """
    }

    /// A breach's fact, for the breaches `b` matching `filter`: repaired when every rectification is completed.
    static func breachSQL(_ filter: String) -> String {
        """
        SELECT 'breach', b.id, 'repair', 'breach_category_' || b.category, b.department, b.date, '',
            COALESCE((SELECT CASE WHEN count(completed_on) = count(*) THEN max(completed_on) END
                      FROM rectifications x WHERE x.breach = b.id), '\(never)'), 1
        FROM breaches b WHERE \(filter)
        """
    }

    /// An accountability action's fact, for the actions `a` matching `filter`.
    static func accountabilitySQL(_ filter: String) -> String {
        "SELECT 'accountability', a.id, 'dated', 'accountability', COALESCE(a.department, ''), a.date, '', '', 1 FROM accountability a WHERE \(filter)"
    }

    /// A supervision finding's fact, for the findings `x` matching `filter`.
    static func findingSQL(_ filter: String) -> String {
        "SELECT 'finding', x.id, 'dated', 'inspection_finding_' || x.severity, x.department, x.date, '', '', 1 FROM findings x WHERE \(filter)"
    }

    static func recomputeSQL(_ d: SQLDialect = .sqlite) -> String {
        [commitmentSQL("true", d), rectificationSQL("true", d), breachSQL("true"), accountabilitySQL("true"), findingSQL("true")]
            .joined(separator: "\nUNION ALL\n")
    }

    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM score_facts")
        try db.execute(sql: "INSERT INTO score_facts (\(columns)) \(recomputeSQL())")
    }

    static func forget(_ source: String, _ id: String) -> String {
        "DELETE FROM score_facts WHERE source = '\(source)' AND record = \(id);\n"
    }

    /// Runs an import that only appends promises without the per-row triggers, then judges the new
    /// rows in one pass (a promise new to the ledger has no amendments, feedback or rectifications yet).
    static func appendingCommitments<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let before = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM commitments") ?? 0
        try dropTriggers(db)
        let result = try body()
        try db.execute(sql: "INSERT INTO score_facts (\(columns)) \(commitmentSQL("c.rowid > \(before)"))")
        try installTriggers(db)
        return result
    }

    /// Recomputes one record's rows (statements a trigger of either engine runs).
    static func refresh(_ source: String, _ id: String, _ d: SQLDialect = .sqlite) -> String {
        let sql: String = switch source {
        case "commitment": commitmentSQL("c.id = \(id)", d)
        case "rectification": rectificationSQL("r.id = \(id)", d)
        case "accountability": accountabilitySQL("a.id = \(id)")
        case "finding": findingSQL("x.id = \(id)")
        default: breachSQL("b.id = \(id)")
        }
        return """
            DELETE FROM score_facts WHERE source = '\(source)' AND record = \(id);
            INSERT INTO score_facts (\(columns)) \(sql);
            """
    }

    static let triggerNames = ["commitment_insert", "commitment_update", "commitment_delete",
                               "amendment_insert", "amendment_update", "amendment_delete",
                               "entry_insert", "entry_update", "entry_delete",
                               "rectification_insert", "rectification_update", "rectification_delete",
                               "breach_insert", "breach_update", "breach_delete",
                               "accountability_insert", "accountability_update", "accountability_delete",
                               "finding_insert", "finding_update", "finding_delete"].map { "jn_facts_\($0)" }

    static func dropTriggers(_ db: Database) throws {
        for t in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(t)") }
    }

    static func installTriggers(_ db: Database) throws {
        func trigger(_ name: String, _ event: String, _ table: String, when: String = "", _ body: String) -> String {
            "CREATE TRIGGER IF NOT EXISTS jn_facts_\(name) AFTER \(event) ON \(table) \(when.isEmpty ? "" : "WHEN \(when)") BEGIN\n\(body)\nEND;"
        }
        // A breach's repair follows its rectifications; a rectification's breach may change.
        let rectified = "\(refresh("breach", "NEW.breach"))"
        try db.execute(sql: [
            trigger("commitment_insert", "INSERT", "commitments", refresh("commitment", "NEW.id")),
            trigger("commitment_update", "UPDATE OF id, department, made, deadline, status, procedures, fulfilled_on", "commitments",
                    forget("commitment", "OLD.id") + refresh("commitment", "NEW.id")),
            trigger("commitment_delete", "DELETE", "commitments", forget("commitment", "OLD.id")),
            trigger("amendment_insert", "INSERT", "amendments", refresh("commitment", "NEW.commitment")),
            trigger("amendment_update", "UPDATE", "amendments", refresh("commitment", "OLD.commitment") + refresh("commitment", "NEW.commitment")),
            trigger("amendment_delete", "DELETE", "amendments", refresh("commitment", "OLD.commitment")),
            trigger("entry_insert", "INSERT", "commitment_entries", when: "NEW.kind = 'feedback'", refresh("commitment", "NEW.commitment")),
            trigger("entry_update", "UPDATE OF commitment, kind", "commitment_entries", when: "OLD.kind = 'feedback' OR NEW.kind = 'feedback'",
                    refresh("commitment", "OLD.commitment") + refresh("commitment", "NEW.commitment")),
            trigger("entry_delete", "DELETE", "commitment_entries", when: "OLD.kind = 'feedback'", refresh("commitment", "OLD.commitment")),
            trigger("rectification_insert", "INSERT", "rectifications", refresh("rectification", "NEW.id") + rectified),
            trigger("rectification_update", "UPDATE", "rectifications",
                    forget("rectification", "OLD.id") + refresh("rectification", "NEW.id") + refresh("breach", "OLD.breach") + rectified),
            trigger("rectification_delete", "DELETE", "rectifications", forget("rectification", "OLD.id") + refresh("breach", "OLD.breach")),
            trigger("breach_insert", "INSERT", "breaches", refresh("breach", "NEW.id")),
            trigger("breach_update", "UPDATE", "breaches", forget("breach", "OLD.id") + refresh("breach", "NEW.id")),
            trigger("breach_delete", "DELETE", "breaches", forget("breach", "OLD.id")),
            trigger("accountability_insert", "INSERT", "accountability", refresh("accountability", "NEW.id")),
            trigger("accountability_update", "UPDATE", "accountability", forget("accountability", "OLD.id") + refresh("accountability", "NEW.id")),
            trigger("accountability_delete", "DELETE", "accountability", forget("accountability", "OLD.id")),
            trigger("finding_insert", "INSERT", "findings", refresh("finding", "NEW.id")),
            trigger("finding_update", "UPDATE", "findings", forget("finding", "OLD.id") + refresh("finding", "NEW.id")),
            trigger("finding_delete", "DELETE", "findings", forget("finding", "OLD.id")),
        ].joined(separator: "\n"))
    }
}
