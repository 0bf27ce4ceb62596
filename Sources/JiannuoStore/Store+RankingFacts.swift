import GRDB
import JiannuoCore

extension Store {
    /// What a ranking of every unit reads, one `ScoreFacts` per period: lines counted per rule and
    /// unit from what is kept on write (late stages, follow-ups, and the judged lines of promises,
    /// breaches, rectifications, accountability actions and findings) and from the debts' payment
    /// terms; returns counted per unit and day; and the opinions (a few thousand), whose handling limit,
    /// like a return's, follows the calendar.
    /// `department show` reads the records themselves (`scoreFacts`); the property test holds the two
    /// to the same figures.
    func rankingFacts(periods: [Period], today: Day) throws -> [ScoreFacts] {
        let start = periods.map(\.start).min()!, end = periods.map(\.end).max()!
        let s = start.string, e = end.string
        let latestAsOf = min(end, today).string
        let inOrder = Scoring.rulesInDateOrder(rules.scoring)
        return try read { db in
            var shared = ScoreFacts()
            shared.departments = try departmentMap(db)
            for row in try Row.fetchAll(db, sql: """
                SELECT day, department, received, n FROM event_tallies WHERE kind = 'return' AND day BETWEEN ? AND ?
                """, arguments: [s, e]) {
                guard let day = Day(row[0] as String), let got = Day(row[2] as String) else { continue }
                shared.returns.append(.init(complaint: "", department: row[1], received: got, returned: day, count: row[3]))
            }
            shared.opinions = try OpinionEvent.fetchAll(db, sql: """
                SELECT * FROM opinions WHERE date BETWEEN ? AND ? OR handled_on BETWEEN ? AND ? OR (handled_on IS NULL AND date <= ?)
                """, arguments: [s, e, s, e, latestAsOf])
            return try periods.map { p in
                var f = shared
                f.counted = try counted(db, period: p, today: today, inOrder: inOrder)
                return f
            }
        }
    }

    /// The lines that count in the period, grouped per rule and unit, and per day only where the
    /// rule's lines are applied in date order: kept score facts (`ScoreFactTallies`), late stages
    /// (`StageTallies`: an open one is late once its limit is before the judging day), dissatisfied
    /// follow-ups (`EventTallies`), and debts unpaid past their payment limit (delivery plus the
    /// contract's days, as the rules cap them: the judging of `Alerts.arrearsDue`).
    private func counted(_ db: Database, period p: Period, today: Day, inOrder: Set<String>) throws -> [ScoreFacts.Counted] {
        let asOf = min(p.end, today).string
        let ordered = inOrder.sorted().map { "'\($0)'" }.joined(separator: ",")
        func day(_ column: String = "day", rule: String = "rule") -> String {
            inOrder.isEmpty ? "''" : "CASE WHEN \(rule) IN (\(ordered)) THEN \(column) ELSE '' END"
        }
        let terms = rules.deadlines
        // Lines that count only once their day has come (the others' days cannot be after today).
        let findingRules = Severity.allCases.map { "'inspection_finding_\($0.rawValue)'" }.joined(separator: ", ")
        let stageRule = "'complaint_' || stage || '_late'"
        let debtDue = "date(delivered_on, '+' || min(COALESCE(payment_days, :termDays), :maxDays) || ' days')"
        // One statement per source: SQLite groups each faster alone than inside a compound select.
        let statements = [
            """
            SELECT rule, department, \(day()), count(*), sum(times) FROM score_facts
                WHERE kind = 'dated' AND day BETWEEN :start AND :end
                    AND (day <= :asOf OR rule NOT IN ('commitment_overdue_before_amendment', \(findingRules)))
                GROUP BY 1, 2, 3
            """,
            """
            SELECT rule, department, \(day()), count(*), sum(times) FROM score_facts
                WHERE kind = 'standing' AND until >= :asOf AND since <= :asOf GROUP BY 1, 2, 3
            """,
            """
            SELECT rule, department, \(day()), count(*), sum(times) FROM score_facts
                WHERE kind = 'repair' AND until >= :repairCut AND day <= :asOf GROUP BY 1, 2, 3
            """,
            """
            SELECT \(stageRule), department, \(day("due", rule: stageRule)), sum(n), sum(n) FROM stage_tallies
                WHERE due BETWEEN :start AND :end AND (open = 0 OR due < :asOf) GROUP BY 1, 2, 3
            """,
            """
            SELECT 'complaint_followup_dissatisfied', department, \(day(rule: "'complaint_followup_dissatisfied'")), sum(n), sum(n)
                FROM event_tallies WHERE kind = 'dissatisfied' AND day BETWEEN :start AND :end AND day <= :asOf GROUP BY 1, 2, 3
            """,
            """
            SELECT 'arrears_overdue', department, \(day(debtDue, rule: "'arrears_overdue'")), count(*), count(*)
                FROM commitments INDEXED BY commitments_debts
                WHERE category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND made <= :asOf
                    AND (status IN ('not_started','in_progress','stalled') OR fulfilled_on IS NULL OR fulfilled_on > :asOf)
                    AND \(debtDue) < :asOf
                GROUP BY 1, 2, 3
            """,
        ]
        let values: [String: DatabaseValueConvertible] = [
            "start": p.start.string, "end": p.end.string, "asOf": asOf, "repairCut": Scoring.repairCut(p, rules.scoring).string,
            "termDays": terms.arrearsDefaultDays, "maxDays": terms.arrearsMaxDays,
        ]
        var out: [ScoreFacts.Counted] = []
        for sql in statements {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(values.filter { sql.contains(":\($0.key)") }))
            while let row = try rows.next() {
                out.append(.init(rule: row[0], department: row[1], date: Day(row[2] as String) ?? p.start, count: row[3], times: row[4]))
            }
        }
        return out
    }
}
