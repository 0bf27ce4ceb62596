import GRDB
import JiannuoCore

extension Store {
    /// Loads only what can raise an alert today, through the partial indexes over open items.
    /// `departments`: only these units' items (one unit's page), else every unit's.
    public func alertInputs(today: Day, departments: [String]? = nil) throws -> AlertInputs {
        let h = Alerts.horizon(today: today, calendar: calendar, rules: rules.deadlines)
        let units = departments.map { $0.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",") }
        func only(_ column: String, or other: String? = nil) -> String {
            guard let units else { return "" }
            return " AND (\(column) IN (\(units))\(other.map { " OR \($0) IN (\(units))" } ?? ""))"
        }
        return try read { db in
            var i = AlertInputs()
            i.departments = try departmentMap(db)
            i.commitments = try Commitment.fetchAll(db, sql: """
                SELECT * FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND deadline <= ?\(only("department"))
                """, arguments: [h.commitments.string])
            // Debts to small firms fall due by their delivery date, which may come before the promise's deadline.
            i.commitments += try Commitment.fetchAll(db, sql: """
                SELECT * FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND category = 3
                    AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND delivered_on <= ? AND deadline > ?\(only("department"))
                """, arguments: [h.arrears.string, h.commitments.string])
            // On a past day, terms amended later were not yet in force: judge by the deadline of that day.
            var earlier: [String: Day] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT commitment, old_deadline FROM amendments WHERE date > ? ORDER BY date DESC, id DESC
                """, arguments: [today.string]) {
                earlier[row[0]] = Day(row[1] as String)
            }
            if !earlier.isEmpty {
                i.commitments.removeAll { earlier[$0.id] != nil }
                for id in earlier.keys.sorted() {
                    guard var c = try Commitment.fetchOne(db, key: id), c.status.isOpen, let due = earlier[id],
                          departments?.contains(c.department) ?? true else { continue }
                    c.deadline = due
                    if due <= h.commitments { i.commitments.append(c) }
                }
            }
            i.complaints = try Complaint.fetchAll(db, sql: """
                SELECT * FROM complaints WHERE responded_at IS NULL AND current_due <= ?\(only("department", or: "returned_from"))
                """, arguments: [h.complaints.string])
            i.rectifications = try Rectification.fetchAll(db, sql: """
                SELECT * FROM rectifications WHERE completed_on IS NULL AND deadline <= ?\(only("unit"))
                """, arguments: [h.rectifications.string])
            i.breaches = try Breach.fetchAll(db, sql: "SELECT * FROM breaches WHERE reported_on IS NULL\(only("department"))")
            i.opinions = try OpinionEvent.fetchAll(db, sql: "SELECT * FROM opinions WHERE handled_on IS NULL\(only("department"))")
            for row in try Row.fetchAll(db, sql: "SELECT record, min(date) FROM escalations WHERE date <= ? GROUP BY record",
                                        arguments: [today.string]) {
                if let d = Day(row[1] as String) { i.escalated[row[0]] = d }
            }
            return i
        }
    }

    public func alerts(today: Day? = nil, departments: [String]? = nil) throws -> [Alert] {
        try actor.require(.read)
        let day = today ?? clock.today
        let all = Alerts.compute(try alertInputs(today: day, departments: departments), calendar: calendar, rules: rules.deadlines, today: day)
        guard let role = actor.role, RoleTable.isConfined(role) else { return all }
        return all.filter { actor.sees($0.department) }
    }
}
