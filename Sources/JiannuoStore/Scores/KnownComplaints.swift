import Foundation
import JiannuoCore

/// Complaints as the ledger knew them at the end of a day (`--as-known D`): those with a step recorded
/// or a claim decided after it, each put back by Core (`AsKnown.complaint`) from its steps and rounds.
/// Complaints not changed since are as the records say.
enum KnownComplaints {
    static func read<R: SQLReader>(_ r: R, asKnown: AsKnown, rules: DeadlineRules, calendar: WorkCalendar) throws -> [String: KnownComplaint] {
        let d = asKnown.day.string
        let ids = try r.all("""
            SELECT DISTINCT complaint FROM complaint_steps WHERE substr(recorded_at, 1, 10) > ? OR substr(decided_at, 1, 10) > ?
            """, [d, d]) { $0.text(0) ?? "" }
        var out: [String: KnownComplaint] = [:]
        for id in ids {
            guard let now = try r.records(Complaint.self, "SELECT * FROM complaints WHERE id = ?", [id]).first else { continue }
            out[id] = asKnown.complaint(
                now, rounds: try r.records(ComplaintRound.self, "SELECT * FROM complaint_rounds WHERE complaint = ? ORDER BY round", [id]),
                steps: try r.records(ComplaintStepRecord.self, "SELECT * FROM complaint_steps WHERE complaint = ? ORDER BY id", [id]),
                calendar: calendar, rules: rules)
        }
        return out
    }

    /// The late limits of a complaint as known: its round in hand and the rounds closed before it.
    static func stages(_ k: KnownComplaint) -> [ScoreFacts.Stage] {
        guard let c = k.complaint else { return [] }
        var out: [ScoreFacts.Stage] = []
        for limit in ComplaintLimit.allCases {
            guard let due = c.due(limit) else { continue }
            let done = c.done(limit)
            if done.map({ $0.day > due }) ?? true {
                out.append(.init(complaint: c.id, department: c.department, kind: limit, due: due, done: done?.day))
            }
        }
        for r in k.rounds {
            for limit in ComplaintRound.limits {
                guard let due = r.due(limit), let done = r.done(limit), done.day > due else { continue }
                out.append(.init(complaint: r.complaint, department: r.department, kind: limit, due: due, done: done.day))
            }
        }
        return out
    }
}
