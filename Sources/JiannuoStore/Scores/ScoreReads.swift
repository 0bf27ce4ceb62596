import GRDB
import JiannuoCore

/// The reads behind the scores, in SQL both engines run (`SQLReader`): what a period's scores depend
/// on for one unit (`facts`, every line traced to a record), what a ranking of every unit reads from
/// the kept counts (`ranking`), and the on-time rate. Core does the scoring.
struct ScoreReads {
    let rules: Rules

    /// Every active department's totals in each period, from the ranking's facts.
    static func totals(_ facts: [ScoreFacts], periods: [Period], today: Day, rules: Rules, calendar: WorkCalendar) -> [[String: DepartmentScore]] {
        zip(periods, facts).map { p, f in
            let active = f.departments.values.filter(\.active).map(\.code)
            return Scoring.scoreAll(f, period: p, today: today, rules: rules, calendar: calendar, departments: active, detail: false)
                .filter { f.departments[$0.key]?.active == true }
        }
    }

    /// The period ranked against the previous one; a liaison sees its own unit's place only.
    static func ranked(_ both: [[String: DepartmentScore]], for actor: Actor) -> [RankedScore] {
        Ranking.rank(both[0], previous: both[1]).filter { actor.sees($0.score.department) }
    }

    /// The span of several periods: its facts serve every one of them.
    static func span(_ periods: [Period]) -> Period {
        Period(kind: periods[0].kind, start: periods.map(\.start).min()!, end: periods.map(\.end).max()!)
    }

    /// The facts as known at the end of a day: the promises whose events were recorded or decided later
    /// are read (whatever their state now) with their entries, and `AsKnown` puts them back as they stood.
    static func apply<R: SQLReader>(_ asKnown: AsKnown, to f: inout ScoreFacts, _ r: R, codes: [String], rules: Rules, calendar: WorkCalendar) throws {
        try applyToComplaints(asKnown, to: &f, r, codes: codes, rules: rules, calendar: calendar)
        let completions = try KnownCompletions.read(r, asKnown: asKnown)
        KnownCompletions.apply(completions, to: &f.rectifications)
        KnownCompletions.apply(completions, to: &f.opinions)
        let list = codes.map { _ in "?" }.joined(separator: ",")
        let units: [DatabaseValueConvertible] = codes
        let d = asKnown.day.string
        let later = "(substr(recorded_at, 1, 10) > ? OR substr(decided_at, 1, 10) > ?)"
        let ids = try r.all("""
            SELECT commitment FROM commitment_entries WHERE \(later) AND commitment IN (SELECT id FROM commitments WHERE department IN (\(list)))
            UNION SELECT commitment FROM amendments WHERE \(later) AND commitment IN (SELECT id FROM commitments WHERE department IN (\(list)))
            """, [d, d] + units + [d, d] + units) { $0.text(0) ?? "" }
        guard !ids.isEmpty else { return }
        let have = Set(f.commitments.map(\.id))
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        let args: [DatabaseValueConvertible] = ids
        f.commitments += try r.records(Commitment.self, "SELECT * FROM commitments WHERE id IN (\(marks))", args).filter { !have.contains($0.id) }
        var entries: [String: [CommitmentEntry]] = [:]
        for e in try r.records(CommitmentEntry.self, "SELECT * FROM commitment_entries WHERE commitment IN (\(marks))", args) {
            entries[e.commitment, default: []].append(e)
        }
        asKnown.apply(&f, entries: entries)
    }

    /// The complaints changed since the day, as they were then (`KnownComplaints`): their late limits, their
    /// dissatisfied follow-ups and their late returns as known, in place of today's.
    static func applyToComplaints<R: SQLReader>(_ asKnown: AsKnown, to f: inout ScoreFacts, _ r: R, codes: [String],
                                                rules: Rules, calendar: WorkCalendar) throws {
        let changed = try KnownComplaints.read(r, asKnown: asKnown, rules: rules.deadlines, calendar: calendar)
        guard !changed.isEmpty else { return }
        let units = Set(codes)
        f.stages.removeAll { changed[$0.complaint] != nil }
        f.stages += changed.values.flatMap(KnownComplaints.stages).filter { units.contains($0.department) }
        f.dissatisfied.removeAll { d in changed[d.complaint].map { $0.complaint == nil || $0.laterDissatisfied.contains(d.date) } ?? false }
        f.returns.removeAll { x in changed[x.complaint].map { $0.complaint?.returnedAt == nil } ?? false }
    }

    /// One department's score in each period, with every line.
    static func lines(_ code: String, _ facts: ScoreFacts, periods: [Period], today: Day, rules: Rules, calendar: WorkCalendar) -> [DepartmentScore] {
        periods.map { Scoring.score(code, facts, period: $0, today: today, rules: rules, calendar: calendar) }
    }

    /// The records a period's scores depend on, for the given units (one and those merged into it):
    /// what `department show` traces every line to. Facts of a span serve every period inside it (the
    /// scoring filters by period itself), so a twelve-month trend needs one read.
    /// `repairFrom`: breaches repaired before this day no longer count in any period asked for.
    func facts<R: SQLReader>(_ r: R, period p: Period, today: Day, codes: [String], repairFrom: Day?) throws -> ScoreFacts {
        let asOf = min(p.end, today)
        let repairCut = (repairFrom ?? p.start).adding(months: -Scoring.monthsPerPeriod(p) * rules.scoring.creditRepairPeriods - 1).string
        let s = p.start.string, e = p.end.string, a = asOf.string
        let list = codes.map { _ in "?" }.joined(separator: ",")
        let units: [DatabaseValueConvertible] = codes
        var f = ScoreFacts()
        f.departments = try r.departmentMap()
        try r.each("""
            SELECT * FROM (
                -- Each of the unit's breaches looks up its own rectifications (not every breach's grouped first).
                SELECT b.*, (SELECT CASE WHEN count(completed_on) = count(*) THEN max(completed_on) END
                             FROM rectifications x WHERE x.breach = b.id) AS repaired_on
                FROM breaches b WHERE b.date <= ? AND b.department IN (\(list))
            ) AS t WHERE repaired_on IS NULL OR repaired_on >= ?
            """, [a] + units + [repairCut]) { row in
            f.breaches.append(.init(breach: try Breach(positional: row), repairedOn: row.day(at: 8)))
        }
        // Commitments that were overdue under earlier terms count too (the past is judged by the terms then in force).
        f.commitments = try r.all("""
            SELECT * FROM commitments WHERE department IN (\(list)) AND (made BETWEEN ? AND ? OR fulfilled_on BETWEEN ? AND ?
                OR ((\(CoreSQL.commitmentOpen()) OR fulfilled_on > ?)
                    AND (deadline < ? OR (category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL)))
                OR id IN (SELECT commitment FROM amendments WHERE old_deadline < ?))
            """, units + [s, e, s, e, a, a, a]) { try Commitment(positional: $0) }
        for am in try r.records(Amendment.self, """
            SELECT * FROM amendments WHERE commitment IN (SELECT id FROM commitments WHERE department IN (\(list))) ORDER BY date, id
            """, units) {
            f.amendments[am.commitment, default: []].append(am)
        }
        f.withFeedback = Set(try r.all("""
            SELECT DISTINCT commitment FROM commitment_entries WHERE kind = 'feedback' AND commitment IN
                (SELECT id FROM commitments WHERE department IN (\(list)) AND fulfilled_on BETWEEN ? AND ?)
            """, units + [s, e]) { $0.text(0) ?? "" })
        // Each complaint's round in hand, and the rounds a dissatisfied follow-up closed before it.
        let rounds = ComplaintRound.limits.map { (KeptStageCounts.roundTable, "complaint", $0) }
        for (table, key, kind) in ComplaintLimit.allCases.map({ ("complaints", "id", $0) }) + rounds {
            let due = kind.dueColumn, done = kind.doneColumn, late = "\(CoreSQL.lateColumn(kind)) = 1"
            // The unit's late stages through their unit index (`KeptStageCounts.unitIndex`): SQLite is kept off
            // the late-stage index by day, which holds every unit's late stages of the span (0.5 s on the province demo).
            try r.each("""
                SELECT \(key), department, \(due) AS due, substr(\(done), 1, 10) AS done FROM \(table)
                WHERE (\(late)) AND \(r.dialect.noIndex(due)) BETWEEN ? AND ? AND department IN (\(list))
                """, [s, e] + units) { row in
                guard let d = row.day(at: 2) else { return }
                f.stages.append(.init(complaint: row.text(0) ?? "", department: row.text(1) ?? "", kind: kind, due: d, done: row.day(at: 3)))
            }
        }
        f.rectifications = try r.records(Rectification.self, """
            SELECT * FROM rectifications WHERE unit IN (\(list)) AND (completed_on BETWEEN ? AND ? OR ((completed_on IS NULL OR completed_on > ?) AND deadline < ?))
            """, units + [s, e, a, a])
        for action in try r.records(Accountability.self, "SELECT * FROM accountability WHERE date BETWEEN ? AND ? AND department IN (\(list))",
                                    [s, e] + units) {
            f.accountability.append(.init(action: action, department: action.department ?? ""))
        }
        f.findings = try r.records(Finding.self, "SELECT * FROM findings WHERE date BETWEEN ? AND ? AND department IN (\(list))", [s, e] + units)
        // Times sort as text within the office's offset: a range on the column uses its partial index.
        let afterEnd = p.end.adding(days: 1).string
        try r.each("""
            SELECT complaint, department, substr(at, 1, 10) FROM followups f JOIN complaints c ON c.id = f.complaint
            WHERE f.satisfied = 0 AND f.at >= ? AND f.at < ? AND c.department IN (\(list))
            """, [s, afterEnd] + units) { row in
            if let d = row.day(at: 2) { f.dissatisfied.append(.init(complaint: row.text(0) ?? "", department: row.text(1) ?? "", date: d)) }
        }
        try r.each("""
            SELECT id, returned_from, substr(received, 1, 10), substr(returned_at, 1, 10) FROM complaints
            WHERE returned_at IS NOT NULL AND returned_at >= ? AND returned_at < ? AND returned_from IN (\(list))
            """, [s, afterEnd] + units) { row in
            guard let got = row.day(at: 2), let back = row.day(at: 3) else { return }
            f.returns.append(.init(complaint: row.text(0) ?? "", department: row.text(1) ?? "", received: got, returned: back))
        }
        f.opinions = try r.records(OpinionEvent.self, """
            SELECT * FROM opinions WHERE department IN (\(list)) AND (date BETWEEN ? AND ? OR handled_on BETWEEN ? AND ? OR (handled_on IS NULL AND date <= ?))
            """, units + [s, e, s, e, a])
        return f
    }

    /// How often the units met their limits in the period: on time ÷ (closed + still open and overdue).
    func onTimeRate<R: SQLReader>(_ r: R, codes: [String], period p: Period, today: Day) throws -> OnTimeRate {
        let asOf = min(p.end, today)
        let inList = codes.map { _ in "?" }.joined(separator: ",")
        let units: [DatabaseValueConvertible] = codes
        var onTime = 0, closed = 0, openOverdue = 0
        let items: [(String, String, String)] = ComplaintLimit.allCases.map { ("complaints", $0.dueColumn, "substr(\($0.doneColumn), 1, 10)") }
            + ComplaintRound.limits.map { (KeptStageCounts.roundTable, $0.dueColumn, "substr(\($0.doneColumn), 1, 10)") } + [
            // The deadline in force at the end of the period, not one set by a later amendment.
            ("commitments", "COALESCE((SELECT old_deadline FROM amendments am WHERE am.commitment = commitments.id AND am.date > '\(asOf.string)' ORDER BY am.date, am.id LIMIT 1), deadline)",
             "CASE WHEN \(CoreSQL.commitmentOpen()) THEN NULL ELSE fulfilled_on END"),
            ("rectifications", "deadline", "completed_on"),
        ]
        // `Lateness.onTimeItem`, in SQL: limits in the period, or overdue at its start; done by `asOf` or not.
        let a = asOf.string, s = p.start.string
        for (table, due, done) in items {
            let unit = table == "rectifications" ? "unit" : "department"
            let byAsOf = "(\(done) IS NOT NULL AND \(done) <= '\(a)')"
            try r.each("""
                SELECT sum(CASE WHEN \(byAsOf) THEN 1 ELSE 0 END),
                       sum(CASE WHEN \(byAsOf) AND \(CoreSQL.onTime(due: due, done: done)) THEN 1 ELSE 0 END),
                       sum(CASE WHEN NOT \(byAsOf) AND \(due) < '\(a)' THEN 1 ELSE 0 END)
                FROM \(table) WHERE \(unit) IN (\(inList))
                  AND (\(due) BETWEEN '\(s)' AND '\(a)' OR (\(due) < '\(s)' AND (\(done) IS NULL OR \(done) >= '\(s)')))
                """, units) { row in
                closed += row.small(0) ?? 0; onTime += row.small(1) ?? 0; openOverdue += row.small(2) ?? 0
            }
        }
        // Debts to small firms, public-opinion events and misrouted complaints' returns, whose limits follow
        // the payment terms and the calendar: judged one by one (a unit has few).
        let calendar = try CalendarReads.calendar(r)
        func add(_ due: Day, _ done: Day?) {
            guard let t = Lateness.onTimeItem(due: due, done: done, start: p.start, asOf: asOf) else { return }
            if t.closed { closed += 1 }
            if t.onTime { onTime += 1 }
            if t.openOverdue { openOverdue += 1 }
        }
        for c in try r.all("SELECT * FROM commitments WHERE category = 3 AND delivered_on IS NOT NULL AND department IN (\(inList))", units,
                           { try Commitment(positional: $0) }) {
            if let due = Alerts.arrearsDue(c, rules.deadlines) { add(due, c.status.isOpen ? nil : c.fulfilledOn) }
        }
        for o in try r.records(OpinionEvent.self, "SELECT * FROM opinions WHERE department IN (\(inList))", units) {
            add(calendar.addingWorkdays(rules.deadlines.opinionWorkdays, to: o.date), o.handledOn)
        }
        for c in try r.all("SELECT * FROM complaints WHERE returned_at IS NOT NULL AND returned_from IN (\(inList))", units,
                           { try Complaint(positional: $0) }) {
            add(ComplaintDeadlines.returnDue(c, calendar, rules.deadlines), c.returnedAt?.day)
        }
        // A deadline missed before an amendment moved it counts as missed.
        closed += try r.int("""
            SELECT count(*) FROM amendments am JOIN commitments c ON c.id = am.commitment
            WHERE c.department IN (\(inList)) AND am.old_deadline < am.date AND am.old_deadline BETWEEN ? AND ? AND am.date <= ?
            """, units + [p.start.string, asOf.string, asOf.string])
        let denominator = closed + openOverdue
        return OnTimeRate(onTime: onTime, closed: closed, openOverdue: openOverdue,
                          rate: denominator == 0 ? nil : Double(onTime) / Double(denominator))
    }

    /// What a ranking of every unit reads, one `ScoreFacts` per period: lines counted per rule and
    /// unit from what is kept on write (late stages, follow-ups, and the judged lines of promises,
    /// breaches, rectifications, accountability actions and findings) and from the debts' payment
    /// terms; returns counted per unit and day; and the opinions (a few thousand), whose handling limit,
    /// like a return's, follows the calendar. The property test holds these to `facts`' figures.
    func ranking<R: SQLReader>(_ r: R, periods: [Period], today: Day) throws -> [ScoreFacts] {
        let start = periods.map(\.start).min()!, end = periods.map(\.end).max()!
        let s = start.string, e = end.string
        let latestAsOf = min(end, today).string
        let inOrder = Scoring.rulesInDateOrder(rules.scoring)
        var shared = ScoreFacts()
        shared.departments = try r.departmentMap()
        try r.each("SELECT day, department, received, n FROM event_tallies WHERE kind = 'return' AND day BETWEEN ? AND ?", [s, e]) { row in
            guard let day = row.day(at: 0), let got = row.day(at: 2) else { return }
            shared.returns.append(.init(complaint: "", department: row.text(1) ?? "", received: got, returned: day, count: row.small(3) ?? 0))
        }
        shared.opinions = try r.records(OpinionEvent.self, """
            SELECT * FROM opinions WHERE date BETWEEN ? AND ? OR handled_on BETWEEN ? AND ? OR (handled_on IS NULL AND date <= ?)
            """, [s, e, s, e, latestAsOf])
        return try counted(r, periods: periods, today: today, inOrder: inOrder).map { counted in
            var f = shared
            f.counted = counted
            return f
        }
    }

    /// Late complaint stages of the period: closed ones of its whole months from their monthly roll-up
    /// (`KeptStageCounts.monthTable`), of its other days and open ones (late once their limit is before
    /// the judging day) from the daily counts. Rules applied in date order need the day: daily counts only.
    /// `day`: the day key of a stage's rule (`counted`'s), for when the daily counts are read alone.
    private func stageStatement(_ p: Period, asOf: String, inOrder: Set<ScoreRule>, day: (String, String) -> String,
                                _ d: SQLDialect) -> (String, [DatabaseValueConvertible]) {
        let stageRule = CoreSQL.lateStageRule("stage")
        let start = p.start.string, end = p.end.string
        guard ComplaintLimit.allCases.allSatisfy({ !inOrder.contains(.complaintLate($0)) }), let months = Day.wholeMonths(p.start, p.end) else {
            return ("""
                SELECT \(stageRule), department, \(day("due", stageRule)), sum(n), sum(n) FROM stage_tallies
                    WHERE due BETWEEN ? AND ? AND (open = 0 OR due < ?) GROUP BY 1, 2, 3
                """, [start, end, asOf])
        }
        // The days before and after the whole months (none for a quarter), closed, then every open one.
        var parts = ["SELECT stage, department, n FROM \(KeptStageCounts.monthTable) WHERE month BETWEEN ? AND ?"]
        var arguments: [DatabaseValueConvertible] = [String(months.first.string.prefix(7)), String(months.last.string.prefix(7))]
        for (from, to) in [(p.start, months.first.adding(days: -1)), (months.last.adding(days: 1), p.end)] where from <= to {
            parts.append("SELECT stage, department, n FROM stage_tallies WHERE due BETWEEN ? AND ? AND open = 0")
            arguments += [from.string, to.string]
        }
        parts.append("SELECT stage, department, n FROM stage_tallies \(d.indexedBy(KeptStageCounts.openIndexName)) WHERE open = 1 AND due BETWEEN ? AND ? AND due < ?")
        arguments += [start, end, asOf]
        return ("""
            SELECT \(stageRule), department, '', sum(n), sum(n) FROM (
                \(parts.joined(separator: "\n    UNION ALL "))
            ) AS t GROUP BY 1, 2
            """, arguments)
    }

    /// The lines that count in each period, grouped per rule and unit, and per day only where the
    /// rule's lines are applied in date order: kept score facts (`KeptScoreFacts`), late stages
    /// (`KeptStageCounts`: an open one is late once its limit is before the judging day), dissatisfied
    /// follow-ups (`KeptEventCounts`), and debts unpaid past their payment limit (delivery plus the
    /// contract's days, as the rules cap them: the judging of `Alerts.arrearsDue`).
    /// What is judged on one day (standing lines, breaches awaiting repair, unpaid debts) is read once
    /// for every period, each counting its own rows: the periods share most of them.
    private func counted<R: SQLReader>(_ r: R, periods: [Period], today: Day, inOrder: Set<ScoreRule>) throws -> [[ScoreFacts.Counted]] {
        let ordered = CoreSQL.rules(inOrder.sorted())
        func day(_ column: String = "day", rule: String = "rule") -> String {
            inOrder.isEmpty ? "''" : "CASE WHEN \(rule) IN (\(ordered)) THEN \(column) ELSE '' END"
        }
        let terms = rules.deadlines
        // Lines that count only once their day has come (the others' days cannot be after today).
        let notYet = CoreSQL.rules([.commitmentOverdueBeforeAmendment] + Severity.allCases.map(ScoreRule.finding))
        let debtDue = r.dialect.addDays("delivered_on", r.dialect.least("COALESCE(payment_days, \(terms.arrearsDefaultDays))", "\(terms.arrearsMaxDays)"))
        let asOfs = periods.map { min($0.end, today).string }, cuts = periods.map { Scoring.repairCut($0, rules.scoring).string }
        let never = KeptScoreFacts.never
        var out = Array(repeating: [ScoreFacts.Counted](), count: periods.count)

        // A statement of one period: rule, unit, day, records, times.
        func one(_ i: Int, _ sql: String, _ arguments: [DatabaseValueConvertible]) throws {
            try r.each(sql, arguments) { row in
                out[i].append(.init(rule: try Self.rule(row.text(0)), department: row.text(1) ?? "", date: row.day(at: 2) ?? periods[i].start,
                                    count: row.small(3) ?? 0, times: row.small(4) ?? 0))
            }
        }
        // A statement of every period: the rows any needs, then each period's records and times by its condition.
        func every(rule: String, day: String, times: String, from: String, _ fromArguments: [DatabaseValueConvertible],
                   each condition: String, _ arguments: (Int) -> [DatabaseValueConvertible]) throws {
            var sums: [String] = [], values: [DatabaseValueConvertible] = []
            for i in periods.indices {
                sums += ["sum(CASE WHEN \(condition) THEN 1 ELSE 0 END)", "sum(CASE WHEN \(condition) THEN \(times) ELSE 0 END)"]
                values += arguments(i) + arguments(i)
            }
            try r.each("SELECT \(rule), department, \(day), \(sums.joined(separator: ", ")) FROM \(from) GROUP BY 1, 2, 3",
                       values + fromArguments) { row in
                let rule = try Self.rule(row.text(0))
                for i in periods.indices {
                    guard let n = row.small(3 + 2 * i), n > 0 else { continue }
                    out[i].append(.init(rule: rule, department: row.text(1) ?? "", date: row.day(at: 2) ?? periods[i].start,
                                        count: n, times: row.small(4 + 2 * i) ?? 0))
                }
            }
        }

        // One statement per source: SQLite groups each faster alone than inside a compound select.
        for (i, p) in periods.enumerated() {
            try one(i, """
                SELECT rule, department, \(day()), count(*), sum(times) FROM score_facts
                    WHERE kind = 'dated' AND day BETWEEN ? AND ?
                        AND (day <= ? OR rule NOT IN (\(notYet)))
                    GROUP BY 1, 2, 3
                """, [p.start.string, p.end.string, asOfs[i]])
        }
        // Still standing (no end yet) and ended later, apart: each is one range of the index by end day,
        // so the promises not yet due (most open ones, starting after the day) are not read.
        let latest = asOfs.max()!, earliest = asOfs.min()!
        try every(rule: "rule", day: day(), times: "times", from: """
            (SELECT rule, department, day, since, until, times FROM score_facts WHERE kind = 'standing' AND until = ? AND since <= ?
             UNION ALL
             SELECT rule, department, day, since, until, times FROM score_facts WHERE kind = 'standing' AND until >= ? AND until < ? AND since <= ?) AS t
            """, [never, latest, earliest, never, latest], each: "until >= ? AND since <= ?") { [asOfs[$0], asOfs[$0]] }
        try every(rule: "rule", day: day(), times: "times", from: "score_facts WHERE kind = 'repair' AND until >= ? AND day <= ?",
                  [cuts.min()!, latest], each: "until >= ? AND day <= ?") { [cuts[$0], asOfs[$0]] }
        for (i, p) in periods.enumerated() {
            let (sql, arguments) = stageStatement(p, asOf: asOfs[i], inOrder: inOrder, day: { day($0, rule: $1) }, r.dialect)
            try one(i, sql, arguments)
            let dissatisfied = CoreSQL.rule(.complaintFollowupDissatisfied)
            try one(i, """
                SELECT \(dissatisfied), department, \(day(rule: dissatisfied)), sum(n), sum(n)
                    FROM event_tallies WHERE kind = 'dissatisfied' AND day BETWEEN ? AND ? AND day <= ? GROUP BY 1, 2, 3
                """, [p.start.string, p.end.string, asOfs[i]])
        }
        let unpaid = "(\(CoreSQL.commitmentOpen()) OR fulfilled_on IS NULL OR fulfilled_on > ?)"
        try every(rule: CoreSQL.rule(.arrearsOverdue), day: day(debtDue, rule: CoreSQL.rule(.arrearsOverdue)), times: "1", from: """
            commitments \(r.dialect.indexedBy("commitments_debts"))
                WHERE category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND made <= ? AND \(unpaid) AND \(debtDue) < ?
            """, [latest, earliest, latest], each: "made <= ? AND \(unpaid) AND \(debtDue) < ?") { [asOfs[$0], asOfs[$0], asOfs[$0]] }
        return out
    }

    private static func rule(_ key: String?) throws -> ScoreRule {
        guard let rule = key.flatMap(ScoreRule.init(key:)) else {
            throw JiannuoError.database("计分表中的规则“\(Sanitize.visible(key ?? "NULL"))”无法识别（请运行 jiannuo doctor）",
                                       "unknown rule \"\(Sanitize.visible(key ?? "NULL"))\" among the kept counts (run jiannuo doctor)")
        }
        return rule
    }
}
