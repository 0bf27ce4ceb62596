import GRDB
import JiannuoCore

/// How often a department met its limits in a period: on time ÷ (closed + still open and overdue).
public struct OnTimeRate: Codable, Sendable {
    public var onTime: Int
    public var closed: Int
    public var openOverdue: Int
    public var rate: Double?

    enum CodingKeys: String, CodingKey { case onTime = "on_time", closed, openOverdue = "open_overdue", rate }
}

extension Store {
    /// The records a period's scores depend on, for the given units (one and those merged into it):
    /// what `department show` traces every line to. A ranking of every unit reads kept counts instead
    /// (`rankingFacts`). Facts of a span serve every period inside it (the scoring filters by period
    /// itself), so a twelve-month trend needs one read.
    /// `repairFrom`: breaches repaired before this day no longer count in any period asked for.
    public func scoreFacts(period p: Period, today: Day, codes: [String], repairFrom: Day? = nil) throws -> ScoreFacts {
        let asOf = min(p.end, today)
        let repairCut = (repairFrom ?? p.start).adding(months: -Scoring.monthsPerPeriod(p) * rules.scoring.creditRepairPeriods - 1).string
        let s = p.start.string, e = p.end.string, a = asOf.string
        return try read { db in
            var f = ScoreFacts()
            f.departments = try departmentMap(db)
            func scoped(_ column: String) -> (String, [DatabaseValueConvertible]) {
                ("\(column) IN (\(codes.map { _ in "?" }.joined(separator: ",")))", codes)
            }
            let (bd, bargs) = scoped("b.department")
            for row in try Row.fetchAll(db, sql: """
                SELECT b.*, r.repaired_on FROM breaches b LEFT JOIN
                    (SELECT breach, CASE WHEN count(completed_on) = count(*) THEN max(completed_on) END AS repaired_on
                     FROM rectifications WHERE breach IS NOT NULL GROUP BY breach) r ON r.breach = b.id
                WHERE b.date <= ? AND (r.repaired_on IS NULL OR r.repaired_on >= ?) AND \(bd)
                """, arguments: StatementArguments([a, repairCut] + bargs)) {
                f.breaches.append(.init(breach: try Breach(row: row), repairedOn: (row["repaired_on"] as String?).flatMap(Day.init)))
            }
            let (cd, cargs) = scoped("department")
            // Commitments that were overdue under earlier terms count too (the past is judged by the terms then in force).
            f.commitments = try Commitment.fetchAll(db, sql: """
                SELECT * FROM commitments WHERE \(cd) AND (made BETWEEN ? AND ? OR fulfilled_on BETWEEN ? AND ?
                    OR ((status IN ('not_started','in_progress','stalled') OR fulfilled_on > ?)
                        AND (deadline < ? OR (category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL)))
                    OR id IN (SELECT commitment FROM amendments WHERE old_deadline < ?))
                """, arguments: StatementArguments(cargs + [s, e, s, e, a, a, a]))
            for am in try Amendment.fetchAll(db, sql: "SELECT * FROM amendments WHERE commitment IN (SELECT id FROM commitments WHERE \(cd)) ORDER BY date, id",
                                             arguments: StatementArguments(cargs)) {
                f.amendments[am.commitment, default: []].append(am)
            }
            f.withFeedback = Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT commitment FROM commitment_entries WHERE kind = 'feedback' AND commitment IN
                    (SELECT id FROM commitments WHERE \(cd) AND fulfilled_on BETWEEN ? AND ?)
                """, arguments: StatementArguments(cargs + [s, e])))
            let stageSQL: [(ScoreFacts.Stage.Kind, String, String, String)] = [
                (.accept, "accept_due", "accepted_at", "accept_late = 1"),
                (.resolve, "resolve_due", "resolved_at", "resolve_late = 1"),
                (.respond, "respond_due", "responded_at", "respond_late = 1"),
            ]
            for (kind, due, done, late) in stageSQL {
                // One unit's complaints through its index: `+` keeps the planner off the late-stage index,
                // which holds every unit's late stages of the span (0.5 s on the province demo).
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT id, department, \(due) AS due, substr(\(done), 1, 10) AS done FROM complaints
                    WHERE (\(late)) AND +\(due) BETWEEN ? AND ? AND \(cd)
                    """, arguments: StatementArguments([s, e] + cargs))
                // Positional access: this loop reads a few hundred thousand rows at province scale.
                while let row = try rows.next() {
                    guard let d = Day(row[2] as String) else { continue }
                    f.stages.append(.init(complaint: row[0], department: row[1], kind: kind, due: d,
                                          done: (row[3] as String?).flatMap(Day.init)))
                }
            }
            let (rd, rargs) = scoped("unit")
            f.rectifications = try Rectification.fetchAll(db, sql: """
                SELECT * FROM rectifications WHERE \(rd) AND (completed_on BETWEEN ? AND ? OR ((completed_on IS NULL OR completed_on > ?) AND deadline < ?))
                """, arguments: StatementArguments(rargs + [s, e, a, a]))
            let (ad, aargs) = scoped("department")
            for a in try Accountability.fetchAll(db, sql: """
                SELECT * FROM accountability WHERE date BETWEEN ? AND ? AND \(ad)
                """, arguments: StatementArguments([s, e] + aargs)) {
                f.accountability.append(.init(action: a, department: a.department ?? ""))
            }
            f.findings = try Finding.fetchAll(db, sql: "SELECT * FROM findings WHERE date BETWEEN ? AND ? AND \(cd)",
                                              arguments: StatementArguments([s, e] + cargs))
            // Times sort as text within the office's offset: a range on the column uses its partial index.
            let afterEnd = p.end.adding(days: 1).string
            for row in try Row.fetchAll(db, sql: """
                SELECT complaint, department, substr(at, 1, 10) FROM followups f JOIN complaints c ON c.id = f.complaint
                WHERE f.satisfied = 0 AND f.at >= ? AND f.at < ? AND \(scoped("c.department").0)
                """, arguments: StatementArguments([s, afterEnd] + scoped("c.department").1)) {
                if let d = Day(row[2] as String) { f.dissatisfied.append(.init(complaint: row[0], department: row[1], date: d)) }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT id, returned_from, substr(received, 1, 10), substr(returned_at, 1, 10) FROM complaints
                WHERE returned_at IS NOT NULL AND returned_at >= ? AND returned_at < ? AND \(scoped("returned_from").0)
                """, arguments: StatementArguments([s, afterEnd] + scoped("returned_from").1)) {
                guard let got = Day(row[2] as String), let back = Day(row[3] as String) else { continue }
                f.returns.append(.init(complaint: row[0], department: row[1], received: got, returned: back))
            }
            f.opinions = try OpinionEvent.fetchAll(db, sql: """
                SELECT * FROM opinions WHERE \(cd) AND (date BETWEEN ? AND ? OR handled_on BETWEEN ? AND ? OR (handled_on IS NULL AND date <= ?))
                """, arguments: StatementArguments(cargs + [s, e, s, e, a]))
            return f
        }
    }

    /// Every active department's score in each of the periods (totals only, no lines), read at once.
    public func scores(periods: [Period], today: Day) throws -> [[String: DepartmentScore]] {
        let facts = try rankingFacts(periods: periods, today: today)
        return zip(periods, facts).map { p, f in
            let active = f.departments.values.filter(\.active).map(\.code)
            return Scoring.scoreAll(f, period: p, today: today, rules: rules, calendar: calendar, departments: active, detail: false)
                .filter { f.departments[$0.key]?.active == true }
        }
    }

    /// Every active department ranked in the period, with its move since the previous period.
    public func ranking(period: Period, today: Day) throws -> [RankedScore] {
        try actor.require(.read)
        let both = try scores(periods: [period, period.previous], today: today)
        // A liaison sees its own unit's place only.
        return Ranking.rank(both[0], previous: both[1]).filter { actor.sees($0.score.department) }
    }

    /// One department's score in each period, with every line: its own records and those of units merged into it.
    public func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore] {
        try visible(code)
        let codes = try read { db in try lineageCodes(db, code) }
        let span = Period(kind: periods[0].kind, start: periods.map(\.start).min()!, end: periods.map(\.end).max()!)
        let facts = try scoreFacts(period: span, today: today, codes: codes)
        return periods.map { Scoring.score(code, facts, period: $0, today: today, rules: rules, calendar: calendar) }
    }

    public func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate {
        let asOf = min(p.end, today)
        return try read { db in
            let codes = try lineageCodes(db, code)
            let inList = codes.map { _ in "?" }.joined(separator: ",")
            var onTime = 0, closed = 0, openOverdue = 0
            let items: [(String, String, String)] = [
                ("complaints", "accept_due", "substr(accepted_at, 1, 10)"),
                ("complaints", "resolve_due", "substr(resolved_at, 1, 10)"),
                ("complaints", "respond_due", "substr(responded_at, 1, 10)"),
                // The deadline in force at the end of the period, not one set by a later amendment.
                ("commitments", "COALESCE((SELECT old_deadline FROM amendments am WHERE am.commitment = commitments.id AND am.date > '\(asOf.string)' ORDER BY am.date, am.id LIMIT 1), deadline)",
                 "CASE WHEN status IN ('not_started','in_progress','stalled') THEN NULL ELSE fulfilled_on END"),
            ]
            for (table, due, done) in items {
                let row = try Row.fetchOne(db, sql: """
                    SELECT count(\(done)) AS closed,
                           sum(CASE WHEN \(done) IS NOT NULL AND \(done) <= \(due) THEN 1 ELSE 0 END) AS on_time,
                           sum(CASE WHEN \(done) IS NULL AND \(due) < ? THEN 1 ELSE 0 END) AS open_overdue
                    FROM \(table) WHERE department IN (\(inList)) AND \(due) BETWEEN ? AND ?
                    """, arguments: StatementArguments([asOf.string] + codes + [p.start.string, asOf.string]))!
                closed += row["closed"] ?? 0; onTime += row["on_time"] ?? 0; openOverdue += row["open_overdue"] ?? 0
            }
            // A deadline missed before an amendment moved it counts as missed.
            let missed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM amendments am JOIN commitments c ON c.id = am.commitment
                WHERE c.department IN (\(inList)) AND am.old_deadline < am.date AND am.old_deadline BETWEEN ? AND ? AND am.date <= ?
                """, arguments: StatementArguments(codes + [p.start.string, asOf.string, asOf.string])) ?? 0
            closed += missed
            let row = try Row.fetchOne(db, sql: """
                SELECT count(completed_on) AS closed,
                       sum(CASE WHEN completed_on IS NOT NULL AND completed_on <= deadline THEN 1 ELSE 0 END) AS on_time,
                       sum(CASE WHEN completed_on IS NULL AND deadline < ? THEN 1 ELSE 0 END) AS open_overdue
                FROM rectifications WHERE unit IN (\(inList)) AND deadline BETWEEN ? AND ?
                """, arguments: StatementArguments([asOf.string] + codes + [p.start.string, asOf.string]))!
            closed += row["closed"] ?? 0; onTime += row["on_time"] ?? 0; openOverdue += row["open_overdue"] ?? 0
            let denominator = closed + openOverdue
            return OnTimeRate(onTime: onTime, closed: closed, openOverdue: openOverdue,
                              rate: denominator == 0 ? nil : Double(onTime) / Double(denominator))
        }
    }
}
