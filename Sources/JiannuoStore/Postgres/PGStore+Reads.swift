import Foundation
import GRDB
import JiannuoCore

/// The dashboard's and the reports' reads: the scores, panes, summary and search through the SQL both
/// engines share; the alerts through PostgreSQL's own reading of the open items.
extension PGStore {
    func reader<T>(_ body: (PGReader) throws -> T) throws -> T { try read { c in try body(PGReader(connection: c)) } }

    public func summary() throws -> Summary { try reader { try Summary.read($0) } }

    public func search(_ text: String, limit: Int, lang: Lang) throws -> [SearchHit] {
        try reader { try SearchHit.find($0, text, limit: limit, lang: lang, actor: actor) }
    }

    // MARK: panes

    public func openCommitments(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Commitment> {
        try actor.require(.read)
        return try reader { try PaneWindows.commitments($0, q, confined: "", [], offset: offset, limit: limit) }
    }

    public func openComplaints(_ q: PaneQuery, offset: Int, limit: Int) throws -> Window<Complaint> {
        try actor.require(.read)
        return try reader { try PaneWindows.complaints($0, q, confined: "", [], offset: offset, limit: limit) }
    }

    public func openCommitments(search: String?, offset: Int, limit: Int) throws -> Window<Commitment> {
        try openCommitments(PaneQuery(search: search), offset: offset, limit: limit)
    }

    public func openComplaints(search: String?, offset: Int, limit: Int) throws -> Window<Complaint> {
        try openComplaints(PaneQuery(search: search), offset: offset, limit: limit)
    }

    public func openComplaintPosition(_ id: String) throws -> Int? {
        try read { c in
            guard let row = try c.execute("SELECT current_due FROM complaints WHERE id = $1 AND responded_at IS NULL", [id]).rows.first,
                  let due = row[0] else { return nil }
            return countOf(try c.execute("""
                SELECT count(*) FROM complaints WHERE responded_at IS NULL AND (current_due < $1 OR (current_due = $1 AND id < $2))
                """, [due, id]))
        }
    }

    public func openCommitmentPosition(_ id: String) throws -> Int? {
        try read { c in
            guard let row = try c.execute("""
                SELECT deadline FROM commitments WHERE id = $1 AND status IN ('not_started','in_progress','stalled')
                """, [id]).rows.first, let deadline = row[0] else { return nil }
            return countOf(try c.execute("""
                SELECT count(*) FROM commitments WHERE status IN ('not_started','in_progress','stalled')
                    AND (deadline < $1 OR (deadline = $1 AND id < $2))
                """, [deadline, id]))
        }
    }

    // MARK: scores

    public func scoreFacts(period p: Period, today: Day, codes: [String], repairFrom: Day?) throws -> ScoreFacts {
        try reader { try ScoreReads(rules: rules).facts($0, period: p, today: today, codes: codes, repairFrom: repairFrom) }
    }

    public func scores(periods: [Period], today: Day) throws -> [[String: DepartmentScore]] {
        let facts = try reader { try ScoreReads(rules: rules).ranking($0, periods: periods, today: today) }
        return zip(periods, facts).map { p, f in
            let active = f.departments.values.filter(\.active).map(\.code)
            return Scoring.scoreAll(f, period: p, today: today, rules: rules, calendar: calendar, departments: active, detail: false)
                .filter { f.departments[$0.key]?.active == true }
        }
    }

    public func ranking(period: Period, today: Day) throws -> [RankedScore] {
        try actor.require(.read)
        let both = try scores(periods: [period, period.previous], today: today)
        return Ranking.rank(both[0], previous: both[1]).filter { actor.sees($0.score.department) }
    }

    public func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore] {
        try actor.requireVisible(code)
        let codes = try read { c in try lineage(c, code) }
        let span = Period(kind: periods[0].kind, start: periods.map(\.start).min()!, end: periods.map(\.end).max()!)
        let facts = try scoreFacts(period: span, today: today, codes: codes, repairFrom: nil)
        return periods.map { Scoring.score(code, facts, period: $0, today: today, rules: rules, calendar: calendar) }
    }

    public func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate {
        try reader { r in try ScoreReads(rules: rules).onTimeRate(r, codes: try r.lineage(code), period: p, today: today) }
    }

    // MARK: alerts

    public func alerts(today: Day?, departments: [String]?) throws -> [Alert] {
        try actor.require(.read)
        let day = today ?? clock.today
        let all = Alerts.compute(try alertInputs(today: day, departments: departments), calendar: calendar, rules: rules.deadlines, today: day)
        guard let role = actor.role, RoleTable.isConfined(role) else { return all }
        return all.filter { actor.sees($0.department) }
    }

    /// Every alert judged, the first `limit` kept: PostgreSQL reads the open items through its own
    /// partial indexes, and the page is the head of the whole list by construction.
    public func alertPage(today: Day?, limit: Int) throws -> AlertPage {
        let all = try alerts(today: today, departments: nil)
        return AlertPage(alerts: Array(all.prefix(limit)), counts: all.reduce(into: [:]) { $0[$1.level, default: 0] += 1 },
                         complete: limit >= all.count)
    }

    /// What can raise an alert today: open items due by the end of their nearing band, items reported
    /// up or amended after today (judged whole, by the deadline in force today), and the few others.
    public func alertInputs(today: Day, departments: [String]?) throws -> AlertInputs {
        let limits = Alerts.Limits(today: today, calendar: calendar, rules: rules.deadlines)
        let terms = rules.deadlines
        return try read { c in
            var i = AlertInputs()
            var escalated: [String: Day] = [:], earlier: [String: Day] = [:]
            for r in try c.execute("SELECT record, min(date) FROM escalations WHERE date <= $1 GROUP BY record", [today.string]).rows {
                if let id = r[0], let d = r[1].flatMap(Day.init) { escalated[id] = d }
            }
            // The earliest amendment after today holds the deadline in force today.
            for r in try c.execute("""
                SELECT DISTINCT ON (commitment) commitment, old_deadline FROM amendments WHERE date > $1 ORDER BY commitment, date, id
                """, [today.string]).rows {
                if let id = r[0], let d = r[1].flatMap(Day.init) { earlier[id] = d }
            }
            let special = Array(Set(escalated.keys).union(earlier.keys))
            let units = departments
            func only(_ columns: [String], _ params: inout [String?]) -> String {
                guard let units else { return "" }
                params.append("{" + units.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}")
                return " AND (" + columns.map { "\($0) = ANY($\(params.count)::text[])" }.joined(separator: " OR ") + ")"
            }
            func notSpecial(_ params: inout [String?]) -> String {
                params.append("{" + special.map { "\"" + $0 + "\"" }.joined(separator: ",") + "}")
                return " AND id <> ALL($\(params.count)::text[])"
            }
            var p: [String?] = [limits.commitments.nearingThrough.string]
            var sql = "SELECT * FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND deadline <= $1"
            sql += notSpecial(&p) + only(["department"], &p)
            i.commitments = try PGStore.commitments(try c.execute(sql, p))
            p = [limits.arrears.nearingThrough.string]
            sql = """
                SELECT * FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND category = 3
                    AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND delivered_on <= $1
                    AND \(SQLDialect.pg.addDays("delivered_on", "least(coalesce(payment_days, \(terms.arrearsDefaultDays)), \(terms.arrearsMaxDays))")) <= $1
                """
            sql += notSpecial(&p) + only(["department"], &p)
            i.debts = try PGStore.commitments(try c.execute(sql, p))
            p = [limits.complaints.nearingThrough.string]
            sql = "SELECT * FROM complaints WHERE responded_at IS NULL AND current_due <= $1" + notSpecial(&p) + only(["department", "returned_from"], &p)
            i.complaints = try PGStore.complaints(try c.execute(sql, p))
            p = [limits.rectifications.nearingThrough.string]
            sql = "SELECT * FROM rectifications WHERE completed_on IS NULL AND deadline <= $1" + notSpecial(&p) + only(["unit"], &p)
            i.rectifications = try c.execute(sql, p).records(Rectification.self)
            // Reported up or amended later: judged whole.
            if !special.isEmpty {
                let ids = "{" + special.map { "\"" + $0 + "\"" }.joined(separator: ",") + "}"
                let mine = { (codes: [String?]) in units.map { u in codes.contains { $0.map(u.contains) ?? false } } ?? true }
                for var cm in try PGStore.commitments(try c.execute("SELECT * FROM commitments WHERE id = ANY($1::text[])", [ids]))
                where cm.status.isOpen && mine([cm.department]) {
                    if let due = earlier[cm.id] { cm.deadline = due }
                    if cm.deadline <= limits.commitments.nearingThrough { i.commitments.append(cm) }
                    if let d = cm.deliveredOn, cm.category == 3, cm.amount != nil, d <= limits.arrears.nearingThrough { i.debts!.append(cm) }
                }
                i.complaints += try PGStore.complaints(try c.execute("SELECT * FROM complaints WHERE id = ANY($1::text[])", [ids])).filter {
                    $0.respondedAt == nil && ($0.currentDue.map { $0 <= limits.complaints.nearingThrough } ?? false) && mine([$0.department, $0.returnedFrom])
                }
                i.rectifications += try c.execute("SELECT * FROM rectifications WHERE id = ANY($1::text[])", [ids]).records(Rectification.self).filter {
                    $0.completedOn == nil && $0.deadline <= limits.rectifications.nearingThrough && mine([$0.unit])
                }
            }
            i.escalated = escalated
            p = []
            i.returns = try PGStore.complaints(try c.execute("""
                SELECT * FROM complaints WHERE returned_at IS NOT NULL AND accepted_at IS NULL AND returned_from IS NOT NULL
                """ + only(["returned_from"], &p), p))
            p = []
            i.breaches = try PGStore.breaches(try c.execute("SELECT * FROM breaches WHERE reported_on IS NULL" + only(["department"], &p), p))
            p = []
            i.opinions = try c.execute("SELECT * FROM opinions WHERE handled_on IS NULL" + only(["department"], &p), p).records(OpinionEvent.self)
            i.departments = try departmentMap(c)
            return i
        }
    }
}
