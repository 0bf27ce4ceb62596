import GRDB
import JiannuoCore

/// Where the Store finds what can raise an alert today. The four big kinds (open promises, debts to
/// small firms, open complaints, open rectifications) are read through a partial index on their due
/// day, by bands of days (`AlertBands`): whole for `alerts`, counted and paged for `alertPage`. One
/// definition serves both, so the first page is always the head of the full list. The few others,
/// and items whose level the due day alone does not decide (reported up, amended after today), are
/// read whole.
struct AlertSources {
    let today: Day
    let limits: Alerts.Limits
    let rules: DeadlineRules
    let calendar: WorkCalendar

    init(today: Day, calendar: WorkCalendar, rules: DeadlineRules) {
        self.today = today; self.rules = rules; self.calendar = calendar
        limits = Alerts.Limits(today: today, calendar: calendar, rules: rules)
    }

    /// Records judged whole: reported to the leadership (then overdue, not 须上报, whatever the day), or
    /// whose promise was amended after today (then judged by the deadline in force today).
    struct Special {
        var escalated: [String: Day] = [:]
        var earlierDeadline: [String: Day] = [:]
        /// Promises amended after their deadline, by the earliest such amendment (`Alerts.reportDuty`).
        var amendedLate: [String: (old: Day, on: Day)] = [:]
        var ids: [String] { Array(Set(escalated.keys).union(earlierDeadline.keys).union(amendedLate.keys)).sorted() }
        /// Row ids per table, for leaving these records out of the big kinds through the index alone.
        var rowids: [String: [Int64]] = [:]
    }

    func specialRecords<R: SQLReader>(_ r: R) throws -> Special {
        var s = Special()
        try r.each("SELECT record, min(date) FROM escalations WHERE date <= ? GROUP BY record", [today.string]) { row in
            if let d = row.day(at: 1), let id = row.text(0) { s.escalated[id] = d }
        }
        // Newest first, so the earliest amendment after today, whose old deadline was in force today, is kept.
        try r.each("SELECT commitment, old_deadline FROM amendments WHERE date > ? ORDER BY date DESC, id DESC", [today.string]) { row in
            if let id = row.text(0) { s.earlierDeadline[id] = row.day(at: 1) }
        }
        // The earliest amendment made when its promise was due to be reported up; reported ones need nothing.
        try r.each("""
            SELECT commitment, old_deadline, date FROM amendments
            WHERE old_deadline < date AND date <= ? ORDER BY date, id
            """, [today.string]) { row in
            guard let id = row.text(0), s.escalated[id] == nil, s.amendedLate[id] == nil, let old = row.day(at: 1), let on = row.day(at: 2),
                  Alerts.level(due: old, today: on, unit: .calendar, nearing: 0, calendar: calendar, rules: rules) == .escalate else { return }
            s.amendedLate[id] = (old, on)
        }
        let ids = s.ids
        // SQLite leaves them out by rowid, through the index alone; PostgreSQL by id.
        guard !ids.isEmpty, !r.dialect.postgres else { return s }
        for table in ["commitments", "complaints", "rectifications"] {
            s.rowids[table] = try r.all("SELECT rowid FROM \(table) WHERE id IN (\(placeholders(ids.count)))", ids) { $0.int(0) ?? 0 }
        }
        return s
    }

    /// Everything but the big kinds' ordinary items: opinions, difficulty reports, unreported breaches, complaints handed
    /// back and not yet accepted, and the special records.
    func fewInputs<R: SQLReader>(_ r: R, special: Special, departments: [String]?) throws -> AlertInputs {
        var i = AlertInputs()
        i.debts = []
        i.escalated = special.escalated
        let units = departments.map(Set.init)
        func mine(_ codes: String?...) -> Bool { units.map { u in codes.contains { $0.map(u.contains) ?? false } } ?? true }
        let ids = special.ids
        if !ids.isEmpty {
            let list = placeholders(ids.count)
            for var c in try r.all("SELECT * FROM commitments WHERE id IN (\(list))", ids, { try Commitment(positional: $0) })
            where mine(c.department) {
                if let a = special.amendedLate[c.id] { i.amendedLate[c.id] = AmendedLate(commitment: c, oldDeadline: a.old, amendedOn: a.on) }
                guard c.status.isOpen else { continue }
                if let due = special.earlierDeadline[c.id] { c.deadline = due }
                if c.deadline <= limits.commitments.nearingThrough { i.commitments.append(c) }
                if let d = c.deliveredOn, c.category == 3, c.amount != nil, d <= limits.arrears.nearingThrough { i.debts!.append(c) }
            }
            i.complaints = try r.all("SELECT * FROM complaints WHERE id IN (\(list))", ids) { try Complaint(positional: $0) }.filter {
                $0.stage.isOpen && ($0.currentDue.map { $0 <= limits.complaints.nearingThrough } ?? false) && mine($0.department, $0.returnedFrom)
            }
            i.rectifications = try r.records(Rectification.self, "SELECT * FROM rectifications WHERE id IN (\(list))", ids).filter {
                $0.completedOn == nil && $0.deadline <= limits.rectifications.nearingThrough && mine($0.unit)
            }
        }
        let only = { (column: String) in departments.map { " AND \(column) IN (\(Self.quoted($0)))" } ?? "" }
        i.returns = try r.all("""
            SELECT * FROM complaints \(r.dialect.indexedBy("complaints_awaiting_acceptance"))
                WHERE returned_at IS NOT NULL AND accepted_at IS NULL AND returned_from IS NOT NULL\(only("returned_from"))
            """, []) { try Complaint(positional: $0) }
        i.breaches = try r.all("SELECT * FROM breaches WHERE reported_on IS NULL\(only("department"))", []) { try Breach(positional: $0) }
        i.opinions = try r.records(OpinionEvent.self, "SELECT * FROM opinions WHERE handled_on IS NULL\(only("department"))", [])
        i.difficulties = try r.records(DifficultyReport.self, "SELECT * FROM difficulties WHERE answered_at IS NULL\(only("department"))", [])
        i.letters = try r.records(SupervisionLetter.self, "SELECT * FROM letters WHERE replied_at IS NULL\(only("department"))", [])
        return i
    }

    /// `dialect`: how the debts' payment limit is computed as a Julian day.
    func big(_ dialect: SQLDialect) -> [BigSource] {
        let jd = { (d: Day) -> DatabaseValue in (Double(d.ordinal) + 2_440_587.5).databaseValue }
        let text = { (d: Day) -> DatabaseValue in d.string.databaseValue }
        // The payment limit, counted in days from the delivery; as a Julian day so that it is computed
        // from the index's columns (or the kept counts' key) without a date parse.
        let payBy = { (delivered: String, days: String) in
            "(\(dialect.julianDay(delivered)) + \(dialect.least("coalesce(\(days), \(rules.arrearsDefaultDays))", "\(rules.arrearsMaxDays)")))"
        }
        // Delivered by the end of the nearing band, over the record's column or the kept counts' key.
        let deliveredBy = { (column: String) in "\(column) <= '\(limits.arrears.nearingThrough)'" }
        return [
            BigSource(table: "commitments", open: AlertIndexes.openCommitments.open, due: "deadline", bands: limits.commitments, units: ["department"], bound: text,
                      kind: .commitments, rules: rules, kept: KeptOpenCounts.commitments),
            BigSource(table: "commitments", open: "\(AlertIndexes.openDebts.open) AND \(deliveredBy("delivered_on"))", due: payBy("delivered_on", "payment_days"),
                      bands: limits.arrears, units: ["department"], bound: jd, computedDue: true, kind: .debts, rules: rules,
                      kept: KeptOpenCounts.debts, keptDue: payBy("due", KeptOpenCounts.paymentDays),
                      keptOpen: deliveredBy("due")),
            BigSource(table: "complaints", open: AlertIndexes.openComplaints.open, due: "current_due", bands: limits.complaints,
                      units: ["department", "returned_from"], bound: text, kind: .complaints, rules: rules, kept: KeptOpenCounts.complaints),
            BigSource(table: "rectifications", open: "completed_on IS NULL", due: "deadline", bands: limits.rectifications,
                      units: ["unit"], bound: text, kind: .rectifications, rules: rules, kept: KeptOpenCounts.rectifications),
        ]
    }

    static func quoted(_ codes: [String]) -> String {
        codes.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
    }
}

/// One big kind of limit: the open rows of a table and the SQL of their due day.
struct BigSource {
    enum Kind { case commitments, debts, complaints, rectifications }
    let table: String
    let open: String
    let due: String
    let bands: AlertBands
    /// The columns naming a unit whose page shows the item.
    let units: [String]
    /// A day as the due expression's values (text, or a Julian day).
    let bound: (Day) -> DatabaseValue
    /// The due day is computed from columns: no index is in its order.
    var computedDue = false
    let kind: Kind
    /// For a debt's payment limit (`Alerts.arrearsDue`).
    let rules: DeadlineRules
    /// The same items in the kept counts (`KeptOpenCounts`): their due day over its columns, and what
    /// narrows them besides (a debt delivered by the end of the nearing band).
    let kept: KeptOpenCounts.Part
    var keptDue = "due"
    var keptOpen = "true"

    /// The rows due by the end of the nearing band, without `special`'s records, or (`only`) just those.
    private func condition(_ dialect: SQLDialect, excluding special: AlertSources.Special, only: Bool = false, departments: [String]?) -> String {
        var sql = "\(open) AND \(due) <= ?"
        let not = only ? "" : "NOT "
        if dialect.postgres {
            let ids = special.ids
            if !ids.isEmpty { sql += " AND id \(not)IN (\(AlertSources.quoted(ids)))" }
        } else if let ids = special.rowids[table], !ids.isEmpty {
            sql += " AND rowid \(not)IN (\(ids.map(String.init).joined(separator: ",")))"
        }
        if let departments {
            let list = AlertSources.quoted(departments)
            sql += " AND (" + units.map { "\($0) IN (\(list))" }.joined(separator: " OR ") + ")"
        }
        return sql
    }

    /// Whether `special` holds records of this table.
    private func hasSpecial(_ dialect: SQLDialect, _ special: AlertSources.Special) -> Bool {
        dialect.postgres ? !special.ids.isEmpty : !(special.rowids[table] ?? []).isEmpty
    }

    /// Reads the items due by the end of the nearing band; with `limit`, only the most urgent ones.
    /// `whole`: the records themselves, for a reader that changes them before they are judged (as known).
    func fetch<R: SQLReader>(_ r: R, excluding special: AlertSources.Special, departments: [String]? = nil, limit: Int? = nil,
                             whole: Bool = false, into inputs: inout AlertInputs) throws {
        let condition = condition(r.dialect, excluding: special, departments: departments)
        var (sql, arguments) = query(r.dialect, condition: condition, whole: whole)
        if let limit, computedDue {
            // Sorting whole rows by a computed day reads every row: find the day of the last one
            // wanted from the index alone, then read the rows due by then (ties too; `compute` orders them).
            guard limit > 0 else { return }
            var last: Double? = nil
            try r.each("SELECT \(due) FROM \(table) WHERE \(condition) ORDER BY 1 LIMIT 1 OFFSET \(limit - 1)", arguments) { last = $0.real(0) }
            if let last {
                sql += " AND \(due) <= ?"
                arguments.append(last)
            }
        } else if let limit {
            // Within a kind, an earlier day is never less urgent, and ties go by id (`Alert.urgency`).
            sql += " ORDER BY \(due), id LIMIT \(max(0, limit))"
        }
        if whole {
            switch kind {
            case .commitments: inputs.commitments += try r.all(sql, arguments) { try Commitment(positional: $0) }
            case .debts: inputs.debts = (inputs.debts ?? []) + (try r.all(sql, arguments) { try Commitment(positional: $0) })
            case .complaints: inputs.complaints += try r.all(sql, arguments) { try Complaint(positional: $0) }
            case .rectifications: inputs.rectifications += try r.records(Rectification.self, sql, arguments)
            }
            return
        }
        inputs.limits += try r.all(sql, arguments) { row -> OpenLimit? in
            guard let id = row.text(0), let unit = row.text(1) else { return nil }
            switch kind {
            case .commitments:
                return row.day(at: 2).map { .commitment(id: id, department: unit, deadline: $0, counterparty: row.text(3) ?? "") }
            case .debts:
                guard let delivered = row.day(at: 2), let fen = row.int(5) else { return nil }
                return .arrears(id: id, department: unit, due: Alerts.arrearsDue(delivered: delivered, paymentDays: row.small(3), rules),
                                counterparty: row.text(4) ?? "", amount: Money(fen: fen))
            case .complaints:
                // Columns laid out by `columns`: stage i's flag at 2 + i, then the return flag, then the limit.
                let stages = Complaint.Stage.allCases.count
                let stage = Complaint.Stage.latest { s in s.index == 0 || row.small(2 + s.index) == 1 }
                guard let due = row.day(at: 3 + stages), let urgency = row.text(2).flatMap(Urgency.init(rawValue:)) else { return nil }
                return .complaint(id: id, department: unit, stage: stage, returned: row.small(2 + stages) == 1, urgency: urgency, due: due)
            case .rectifications:
                let breach = row.text(3)
                return row.day(at: 2).map { .rectification(id: id, unit: unit, deadline: $0, source: Rectification.source(breach: breach, finding: row.text(4)),
                                                            ofBreach: breach != nil) }
            }
        }.compactMap { $0 }
    }

    /// The read of the items due by the end of the nearing band, before any limit.
    func query(_ dialect: SQLDialect, condition: String, whole: Bool = false) -> (String, [DatabaseValueConvertible]) {
        ("SELECT \(whole ? "*" : columns(dialect)) FROM \(table) WHERE \(condition)", [bound(bands.nearingThrough)])
    }

    func condition(_ dialect: SQLDialect) -> String { condition(dialect, excluding: .init(), departments: nil) }

    /// What the alerts need of a row, first its id and unit (`OpenLimit`): reading whole records of tens of
    /// thousands of open items was most of the full list's time. A flag is 1 when the column is set.
    /// `AlertIndexes` holds each column read here, so that these rows come from the index alone.
    private func columns(_ dialect: SQLDialect) -> String {
        let set = { (column: String) in "1 - (\(dialect.isNull(column)))" }
        switch kind {
        case .commitments: return "id, department, deadline, counterparty"
        case .debts: return "id, department, delivered_on, payment_days, counterparty, amount_fen"
        case .complaints:
            // The stages after the first, each set or not, then whether it was returned, then its running limit.
            let reached = Complaint.Stage.allCases.dropFirst().map { set($0.reachedColumn!) }
            return (["id", "department", "urgency"] + reached + [set("returned_at"), "current_due"]).joined(separator: ", ")
        case .rectifications: return "id, unit, deadline, breach, finding"
        }
    }

    /// How many items are at each level today, and how many fall due in the next year: from the kept
    /// counts, less the special records (judged whole, and counted with the few).
    func count<R: SQLReader>(_ r: R, excluding special: AlertSources.Special) throws -> (byLevel: [Alert.Level: Int], nextYear: Int) {
        var counts = try tally(r, due: keptDue, n: "n", from: KeptOpenCounts.table,
                               where: "kind = '\(kept.kind)' AND \(keptOpen) AND \(keptDue) <= ?")
        if hasSpecial(r.dialect, special) {
            let theirs = try tally(r, due: due, n: "1", from: table, where: condition(r.dialect, excluding: special, only: true, departments: nil))
            counts = zip(counts, theirs).map { $0 - $1 }
        }
        let all = counts[0], escalate = counts[1], beforeToday = counts[2], dueToday = counts[3]
        return ([.escalate: escalate, .overdue: beforeToday - escalate, .dueToday: dueToday,
                 .nearing: all - beforeToday - dueToday], counts[4])
    }

    /// All, then those due by the end of the escalation band, before today, today, and from next year on,
    /// of the rows of `from` meeting `condition` (whose last parameter is the end of the nearing band),
    /// each counted `n` times.
    private func tally<R: SQLReader>(_ r: R, due: String, n: String, from: String, where condition: String) throws -> [Int] {
        let nextYear = Day(year: bands.today.year + 1, month: 1, day: 1)!
        func under(_ test: String) -> String { "coalesce(sum(CASE WHEN \(due) \(test) THEN \(n) ELSE 0 END), 0)" }
        var counts = [0, 0, 0, 0, 0]
        try r.each("""
            SELECT coalesce(sum(\(n)), 0), \(under("<= ?")), \(under("< ?")), \(under("= ?")), \(under(">= ?"))
            FROM \(from) WHERE \(condition)
            """, [bound(bands.escalateThrough), bound(bands.today), bound(bands.today), bound(nextYear), bound(bands.nearingThrough)]) { row in
            counts = (0..<5).map { Int(row.int($0) ?? 0) }
        }
        return counts
    }
}
