import JiannuoCore

/// The SQL that restates a fact Core defines, generated from Core's own definition so that it is never
/// typed twice: which statuses leave a promise open, which stage a complaint is in and which limit
/// runs, when something is late, and what the score rules are called. Migrations, triggers, lists,
/// panes, alerts and scores of both engines take these fragments; the partial indexes match because
/// the queries use the very same text.
enum CoreSQL {
    /// The statuses of a promise still owed (`CommitmentStatus.isOpen`), as an SQL list.
    static let openStatuses = "(" + CommitmentStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ",") + ")"

    /// A promise still owed.
    static func commitmentOpen(_ status: String = "status") -> String { "\(status) IN \(openStatuses)" }

    /// A debt to a small firm still owed, whose payment limit runs (`Alerts.arrearsDue`): columns prefixed by `p`.
    static func debtOpen(_ p: String = "") -> String {
        "\(commitmentOpen("\(p)status")) AND \(p)category = 3 AND \(p)delivered_on IS NOT NULL AND \(p)amount_fen IS NOT NULL"
    }

    /// A literal of a Swift value: only Core's own vocabulary goes here, never input.
    static func literal(_ s: String) -> String { "'\(s)'" }

    // MARK: complaints

    /// The column of a complaint whose time marks `stage` (nil for the first).
    private static func reached(_ stage: Complaint.Stage, _ prefix: String) -> String? { stage.reachedColumn.map { prefix + $0 } }

    /// A complaint still waiting for something (not yet answered): `responded_at IS NULL`.
    static func complaintOpen(_ prefix: String = "") -> String {
        "\(reached(Complaint.Stage.allCases.last!, prefix)!) IS NULL"
    }

    /// A complaint in `stage`: it reached that stage and not the next.
    static func complaintIn(_ stage: Complaint.Stage, _ prefix: String = "") -> String {
        let all = Complaint.Stage.allCases
        var terms: [String] = []
        if let here = reached(stage, prefix) { terms.append("\(here) IS NOT NULL") }
        if stage.index + 1 < all.count, let next = reached(all[stage.index + 1], prefix) { terms.append("\(next) IS NULL") }
        return terms.joined(separator: " AND ")
    }

    /// The stage a complaint is in, as a CASE over its times, latest first (`Complaint.stage`); `value`
    /// words each stage (its raw value by default).
    static func complaintStage(_ prefix: String = "", value: (Complaint.Stage) -> String = { literal($0.rawValue) }) -> String {
        let stages = Complaint.Stage.allCases
        let whens = stages.reversed().compactMap { s in reached(s, prefix).map { "WHEN \($0) IS NOT NULL THEN \(value(s))" } }
        return "CASE " + whens.joined(separator: " ") + " ELSE \(value(stages[0])) END"
    }

    /// The limit running now (`Complaint.currentDue`): NULL once answered.
    static func complaintCurrentDue(_ prefix: String = "") -> String {
        complaintStage(prefix) { s in s.limit.map { prefix + $0.dueColumn } ?? "NULL" }
    }

    /// The generated column that marks a limit done late or still open (`accept_late` …): the kept
    /// counts and the scores read those only, and whether an open one is late is the scoring's to say.
    static func lateColumn(_ limit: ComplaintLimit) -> String { "\(limit.rawValue)_late" }

    /// That column's definition: the limit runs, and it was not met on time (`Lateness.onTime`) or not yet.
    static func lateOrOpen(_ limit: ComplaintLimit) -> String {
        let due = limit.dueColumn, done = "substr(\(limit.doneColumn), 1, 10)"
        return "(\(due) IS NOT NULL AND (\(limit.doneColumn) IS NULL OR NOT (\(onTime(due: due, done: done)))))"
    }

    // MARK: lateness (Core's `Lateness`)

    /// Done on or before its day.
    static func onTime(due: String, done: String) -> String { "\(done) <= \(due)" }

    /// Past its day on `day` and not done by then.
    static func overdue(due: String, done: String, on day: String) -> String {
        "(\(due) < \(day) AND (\(done) IS NULL OR \(done) > \(day)))"
    }

    // MARK: score rules (Core's `ScoreRule`)

    /// A rule's key as an SQL literal.
    static func rule(_ r: ScoreRule) -> String { literal(r.key) }

    /// The rule of a family chosen by a column's value: `CASE severity WHEN 'low' THEN 'opinion_low' … END`.
    static func rule<V>(of column: String, _ values: [V], value: (V) -> String, _ rule: (V) -> ScoreRule) -> String {
        "CASE \(column) " + values.map { "WHEN \(value($0)) THEN \(self.rule(rule($0)))" }.joined(separator: " ") + " END"
    }

    /// The breach rule of a category column.
    static func breachRule(_ category: String) -> String {
        rule(of: category, Array(1...6), value: { String($0) }) { .breach(category: $0) }
    }

    /// The finding rule of a severity column.
    static func findingRule(_ severity: String) -> String {
        rule(of: severity, Severity.allCases, value: { literal($0.rawValue) }, ScoreRule.finding)
    }

    /// The late-stage rule of a stage column holding a `ComplaintLimit` (`accept` …).
    static func lateStageRule(_ stage: String) -> String {
        rule(of: stage, ComplaintLimit.allCases, value: { literal($0.rawValue) }, ScoreRule.complaintLate)
    }

    /// `'a', 'b'` for an IN list of rules.
    static func rules(_ rs: [ScoreRule]) -> String { rs.map(rule).joined(separator: ", ") }
}
