import GRDB
import JiannuoCore

/// Where the Store finds what can raise an alert today. The four big kinds (open promises, debts to
/// small firms, open complaints, open rectifications) are read through a partial index on their due
/// day, by bands of days (`AlertBands`): whole for `alerts`, counted and paged for `alertPage`. One
/// definition serves both, so the first page is always the head of the full list. The few others,
/// and items whose level the due day alone does not decide (reported up, amended after today), are
/// read whole.
struct AlertSources {
    static let open = "status IN ('not_started','in_progress','stalled')"
    let today: Day
    let limits: Alerts.Limits
    let rules: DeadlineRules

    init(today: Day, calendar: WorkCalendar, rules: DeadlineRules) {
        self.today = today; self.rules = rules
        limits = Alerts.Limits(today: today, calendar: calendar, rules: rules)
    }

    /// Records judged whole: reported to the leadership (then overdue, not 须上报, whatever the day), or
    /// whose promise was amended after today (then judged by the deadline in force today).
    struct Special {
        var escalated: [String: Day] = [:]
        var earlierDeadline: [String: Day] = [:]
        var ids: [String] { Array(Set(escalated.keys).union(earlierDeadline.keys)).sorted() }
        /// Row ids per table, for leaving these records out of the big kinds through the index alone.
        var rowids: [String: [Int64]] = [:]
    }

    func specialRecords(_ db: Database) throws -> Special {
        var s = Special()
        for row in try Row.fetchAll(db, sql: "SELECT record, min(date) FROM escalations WHERE date <= ? GROUP BY record",
                                    arguments: [today.string]) {
            if let d = Day(row[1] as String) { s.escalated[row[0]] = d }
        }
        // Newest first, so the earliest amendment after today, whose old deadline was in force today, is kept.
        for row in try Row.fetchAll(db, sql: "SELECT commitment, old_deadline FROM amendments WHERE date > ? ORDER BY date DESC, id DESC",
                                    arguments: [today.string]) {
            s.earlierDeadline[row[0]] = Day(row[1] as String)
        }
        let ids = s.ids
        guard !ids.isEmpty else { return s }
        for table in ["commitments", "complaints", "rectifications"] {
            s.rowids[table] = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) WHERE id IN (\(placeholders(ids.count)))",
                                                 arguments: StatementArguments(ids))
        }
        return s
    }

    /// Everything but the big kinds' ordinary items: opinions, unreported breaches, complaints handed
    /// back and not yet accepted, and the special records.
    func fewInputs(_ db: Database, special: Special, departments: [String]?) throws -> AlertInputs {
        var i = AlertInputs()
        i.debts = []
        i.escalated = special.escalated
        let units = departments.map(Set.init)
        func mine(_ codes: String?...) -> Bool { units.map { u in codes.contains { $0.map(u.contains) ?? false } } ?? true }
        let ids = special.ids
        if !ids.isEmpty {
            for var c in try Commitment.fetchAll(db, keys: ids) where c.status.isOpen && mine(c.department) {
                if let due = special.earlierDeadline[c.id] { c.deadline = due }
                if c.deadline <= limits.commitments.nearingThrough { i.commitments.append(c) }
                if let d = c.deliveredOn, c.category == 3, c.amount != nil, d <= limits.arrears.nearingThrough { i.debts!.append(c) }
            }
            i.complaints = try Complaint.fetchAll(db, keys: ids).filter {
                $0.respondedAt == nil && ($0.currentDue.map { $0 <= limits.complaints.nearingThrough } ?? false) && mine($0.department, $0.returnedFrom)
            }
            i.rectifications = try Rectification.fetchAll(db, keys: ids).filter {
                $0.completedOn == nil && $0.deadline <= limits.rectifications.nearingThrough && mine($0.unit)
            }
        }
        let only = { (column: String) in departments.map { " AND \(column) IN (\(Self.quoted($0)))" } ?? "" }
        i.returns = try Complaint.fetchAll(db, sql: """
            SELECT * FROM complaints INDEXED BY complaints_awaiting_acceptance
                WHERE returned_at IS NOT NULL AND accepted_at IS NULL AND returned_from IS NOT NULL\(only("returned_from"))
            """)
        i.breaches = try Breach.fetchAll(db, sql: "SELECT * FROM breaches WHERE reported_on IS NULL\(only("department"))")
        i.opinions = try OpinionEvent.fetchAll(db, sql: "SELECT * FROM opinions WHERE handled_on IS NULL\(only("department"))")
        return i
    }

    var big: [BigSource] {
        let jd = { (d: Day) -> DatabaseValue in (Double(d.ordinal) + 2_440_587.5).databaseValue }
        let text = { (d: Day) -> DatabaseValue in d.string.databaseValue }
        return [
            BigSource(table: "commitments", open: Self.open, due: "deadline", bands: limits.commitments, units: ["department"], bound: text) {
                $3.commitments += try Commitment.fetchAll($0, sql: $1, arguments: $2)
            },
            // The payment limit, counted in days from the delivery; as a Julian day so that it is
            // computed from the index's columns without a date parse.
            BigSource(table: "commitments",
                      open: "\(Self.open) AND category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND delivered_on <= '\(limits.arrears.nearingThrough)'",
                      due: "(julianday(delivered_on) + min(coalesce(payment_days, \(rules.arrearsDefaultDays)), \(rules.arrearsMaxDays)))",
                      bands: limits.arrears, units: ["department"], bound: jd, computedDue: true) {
                $3.debts = ($3.debts ?? []) + (try Commitment.fetchAll($0, sql: $1, arguments: $2))
            },
            BigSource(table: "complaints", open: "responded_at IS NULL", due: "current_due", bands: limits.complaints,
                      units: ["department", "returned_from"], bound: text) {
                $3.complaints += try Complaint.fetchAll($0, sql: $1, arguments: $2)
            },
            BigSource(table: "rectifications", open: "completed_on IS NULL", due: "deadline", bands: limits.rectifications,
                      units: ["unit"], bound: text) {
                $3.rectifications += try Rectification.fetchAll($0, sql: $1, arguments: $2)
            },
        ]
    }

    static func quoted(_ codes: [String]) -> String {
        codes.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
    }
}

/// One big kind of limit: the open rows of a table and the SQL of their due day.
struct BigSource {
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
    let add: (Database, String, StatementArguments, inout AlertInputs) throws -> Void

    private func condition(excluding special: AlertSources.Special, departments: [String]?) -> String {
        var sql = "\(open) AND \(due) <= ?"
        if let ids = special.rowids[table], !ids.isEmpty { sql += " AND rowid NOT IN (\(ids.map(String.init).joined(separator: ",")))" }
        if let departments {
            let list = AlertSources.quoted(departments)
            sql += " AND (" + units.map { "\($0) IN (\(list))" }.joined(separator: " OR ") + ")"
        }
        return sql
    }

    /// Reads the items due by the end of the nearing band; with `limit`, only the most urgent ones.
    func fetch(_ db: Database, excluding special: AlertSources.Special, departments: [String]? = nil, limit: Int? = nil,
               into inputs: inout AlertInputs) throws {
        let condition = condition(excluding: special, departments: departments)
        var sql = "SELECT * FROM \(table) WHERE \(condition)"
        var arguments: StatementArguments = [bound(bands.nearingThrough)]
        if let limit, computedDue {
            // Sorting whole rows by a computed day reads every row: find the day of the last one
            // wanted from the index alone, then read the rows due by then (ties too; `compute` orders them).
            guard limit > 0 else { return }
            if let last = try DatabaseValue.fetchOne(db, sql: "SELECT \(due) FROM \(table) WHERE \(condition) ORDER BY 1 LIMIT 1 OFFSET \(limit - 1)",
                                                     arguments: arguments) {
                sql += " AND \(due) <= ?"
                arguments += [last]
            }
        } else if let limit {
            // Within a kind, an earlier day is never less urgent, and ties go by id (`Alert.urgency`).
            sql += " ORDER BY \(due), id LIMIT \(max(0, limit))"
        }
        try add(db, sql, arguments, &inputs)
    }

    /// How many items are at each level today, and how many fall due in the next year.
    func count(_ db: Database, excluding special: AlertSources.Special) throws -> (byLevel: [Alert.Level: Int], nextYear: Int) {
        let nextYear = Day(year: bands.today.year + 1, month: 1, day: 1)!
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), ifnull(sum(\(due) <= ?), 0), ifnull(sum(\(due) < ?), 0), ifnull(sum(\(due) = ?), 0), ifnull(sum(\(due) >= ?), 0)
            FROM \(table) WHERE \(condition(excluding: special, departments: nil))
            """, arguments: [bound(bands.escalateThrough), bound(bands.today), bound(bands.today), bound(nextYear), bound(bands.nearingThrough)])!
        let all: Int = row[0], escalate: Int = row[1], beforeToday: Int = row[2], dueToday: Int = row[3]
        return ([.escalate: escalate, .overdue: beforeToday - escalate, .dueToday: dueToday,
                 .nearing: all - beforeToday - dueToday], row[4])
    }
}

/// "?,?,?" for `n` arguments.
func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ",") }
