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
        return ScoreReads.totals(facts, periods: periods, today: today, rules: rules, calendar: calendar)
    }

    public func ranking(period: Period, today: Day) throws -> [RankedScore] {
        try actor.require(.read)
        return ScoreReads.ranked(try scores(periods: [period, period.previous], today: today), for: actor)
    }

    public func scores(of code: String, periods: [Period], today: Day) throws -> [DepartmentScore] {
        try actor.requireVisible(code)
        let codes = try read { c in try lineage(c, code) }
        return ScoreReads.lines(code, try scoreFacts(period: ScoreReads.span(periods), today: today, codes: codes, repairFrom: nil),
                                periods: periods, today: today, rules: rules, calendar: calendar)
    }

    public func onTimeRate(of code: String, period p: Period, today: Day) throws -> OnTimeRate {
        try reader { r in try ScoreReads(rules: rules).onTimeRate(r, codes: try r.lineage(code), period: p, today: today) }
    }

    // MARK: alerts

    public func alerts(today: Day?, departments: [String]?) throws -> [Alert] {
        try actor.require(.read)
        let day = today ?? clock.today
        let inputs = try alertInputs(today: day, departments: departments)
        return AlertReads.visible(Alerts.compute(inputs, calendar: calendar, rules: rules.deadlines, today: day), to: actor)
    }

    public func alertPage(today: Day?, limit: Int) throws -> AlertPage {
        try actor.require(.read)
        let day = today ?? clock.today
        if let role = actor.role, RoleTable.isConfined(role) { return AlertPage(alerts: try alerts(today: day, departments: nil), complete: true) }
        return try reader { try AlertReads(today: day, calendar: calendar, rules: rules.deadlines).page($0, limit: limit) }
    }

    public func alertInputs(today: Day, departments: [String]?) throws -> AlertInputs {
        try reader { try AlertReads(today: today, calendar: calendar, rules: rules.deadlines).inputs($0, departments: departments) }
    }
}
