import JiannuoCore

/// The ranking's inputs from promises, breaches and rectifications, judged per record and kept on
/// write (triggers, for the reasons given at `KeptStageCounts`), so that a ranking groups a slim table
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
enum KeptScoreFacts {
    static let table = "score_facts"
    static let never = "9999-12-31"

    static let columns = "source, record, kind, rule, department, day, since, until, times"

    /// The day before / after a `YYYY-MM-DD` text (in SQLite kept as it was if it is not a date).
    private static func before(_ x: String, _ d: SQLDialect) -> String { d.postgres ? d.addDays(x, "-1") : "COALESCE(date(\(x), '-1 day'), \(x))" }
    private static func after(_ x: String, _ d: SQLDialect) -> String { d.postgres ? d.addDays(x, "1") : "COALESCE(date(\(x), '+1 day'), \(x))" }

    /// A promise's facts, for the commitments `c` matching `filter`. The same SQL serves both engines'
    /// triggers; `d` spells what differs.
    static func commitmentSQL(_ filter: String, _ d: SQLDialect = .sqlite) -> String {
        let missing = Procedure.allCases.map { d.lacks("c.procedures", "\"\($0.rawValue)\"") }.joined(separator: " + ")
        let closed = "CASE WHEN \(CoreSQL.commitmentOpen("c.status")) THEN NULL ELSE c.fulfilled_on END"
        let closedAs: (CommitmentStatus) -> String = { CoreSQL.literal($0.rawValue) }
        return """
            SELECT 'commitment' AS source, id AS record, 'dated' AS kind, \(CoreSQL.rule(.missingProcedure)) AS rule, department,
                made AS day, '' AS since, '' AS until, n AS times FROM
                (SELECT c.id, c.department, c.made, \(missing) AS n FROM commitments c WHERE \(filter)) AS m WHERE n > 0
            UNION ALL
            SELECT 'commitment', c.id, 'dated', CASE c.status WHEN \(closedAs(.fulfilled)) THEN \(CoreSQL.rule(.commitmentFulfilledLate))
                    WHEN \(closedAs(.partial)) THEN \(CoreSQL.rule(.commitmentPartial)) ELSE \(CoreSQL.rule(.commitmentUnfulfilled)) END,
                c.department, c.fulfilled_on, '', '', 1
            FROM commitments c WHERE \(filter) AND c.fulfilled_on IS NOT NULL AND (c.status IN (\(closedAs(.partial)), \(closedAs(.unfulfilled)))
                OR (c.status = \(closedAs(.fulfilled)) AND c.fulfilled_on > COALESCE((SELECT a.old_deadline FROM amendments a
                    WHERE a.commitment = c.id AND a.date > c.fulfilled_on ORDER BY a.date, a.id LIMIT 1), c.deadline)))
            UNION ALL
            SELECT 'commitment', c.id, 'dated', \(CoreSQL.rule(.noFeedback)), c.department, c.fulfilled_on, '', '', 1
            FROM commitments c WHERE \(filter) AND c.fulfilled_on IS NOT NULL AND NOT \(CoreSQL.commitmentOpen("c.status"))
                AND NOT EXISTS (SELECT 1 FROM commitment_entries e WHERE e.commitment = c.id AND e.kind = 'feedback')
            UNION ALL
            SELECT 'commitment', c.id, 'dated', \(CoreSQL.rule(.commitmentOverdueBeforeAmendment)), c.department, a.date, '', '', 1
            FROM amendments a JOIN commitments c ON c.id = a.commitment WHERE \(filter) AND a.old_deadline < a.date
            UNION ALL
            SELECT 'commitment', id, 'standing', \(CoreSQL.rule(.commitmentOverdue)), department, due, since, until, 1 FROM (
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
        SELECT 'rectification', r.id, 'dated',
            CASE WHEN \(CoreSQL.onTime(due: "r.deadline", done: "r.completed_on")) THEN \(CoreSQL.rule(.rectificationOnTime)) ELSE \(CoreSQL.rule(.rectificationLate)) END,
            r.unit, r.completed_on, '', '', 1
        FROM rectifications r WHERE \(filter) AND r.completed_on IS NOT NULL
        UNION ALL
        -- Overdue on every day from the one after its deadline (and its order) to the one before it was done (`Lateness.overdue`).
        SELECT 'rectification', id, 'standing', \(CoreSQL.rule(.rectificationLate)), unit, deadline, since, until, 1 FROM (
            SELECT r.id, r.unit, r.deadline, \(d.greatest([after("r.deadline", d), "r.opened"])) AS since,
                CASE WHEN r.completed_on IS NULL THEN '\(never)' ELSE \(before("r.completed_on", d)) END AS until
            FROM rectifications r WHERE \(filter)
        ) AS f WHERE since <= until
        """
    }

    /// A breach's fact, for the breaches `b` matching `filter`: repaired when every rectification is completed.
    static func breachSQL(_ filter: String) -> String {
        """
        SELECT 'breach', b.id, 'repair', \(CoreSQL.breachRule("b.category")), b.department, b.date, '',
            COALESCE((SELECT CASE WHEN count(completed_on) = count(*) THEN max(completed_on) END
                      FROM rectifications x WHERE x.breach = b.id), '\(never)'), 1
        FROM breaches b WHERE \(filter)
        """
    }

    /// An accountability action's fact, for the actions `a` matching `filter`.
    static func accountabilitySQL(_ filter: String) -> String {
        "SELECT 'accountability', a.id, 'dated', \(CoreSQL.rule(.accountability)), COALESCE(a.department, ''), a.date, '', '', 1 FROM accountability a WHERE \(filter)"
    }

    /// A supervision finding's fact, for the findings `x` matching `filter`.
    static func findingSQL(_ filter: String) -> String {
        "SELECT 'finding', x.id, 'dated', \(CoreSQL.findingRule("x.severity")), x.department, x.date, '', '', 1 FROM findings x WHERE \(filter)"
    }

    static func recomputeSQL(_ d: SQLDialect = .sqlite) -> String {
        [commitmentSQL("true", d), rectificationSQL("true", d), breachSQL("true"), accountabilitySQL("true"), findingSQL("true")]
            .joined(separator: "\nUNION ALL\n")
    }

    static func forget(_ source: String, _ id: String) -> String {
        "DELETE FROM score_facts WHERE source = '\(source)' AND record = \(id);\n"
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
}
