import JiannuoCore

/// Rectifications done and opinion events handled as the ledger knew them at the end of a day: a
/// completion recorded after it had not happened yet, and one confirmed after it still counted from its
/// recording (`DatedClaim`). Records without such a completion are as the records say.
enum KnownCompletions {
    /// By record id: the completion day as known then (nil: still open then).
    static func read<R: SQLReader>(_ r: R, asKnown: AsKnown) throws -> [String: Day?] {
        let d = asKnown.day.string
        var out: [String: Day?] = [:]
        for c in try r.records(DatedClaim.self, """
            SELECT * FROM dated_claims WHERE substr(recorded_at, 1, 10) > ? OR substr(decided_at, 1, 10) > ? ORDER BY id
            """, [d, d]) {
            // Recorded later: not done then. Confirmed later: done on the day it was recorded, as it counted then.
            out[c.record] = asKnown.knows(c.recording) ? .some(asKnown.counts(c.counts, c.recording)) : .some(nil)
        }
        return out
    }

    static func apply(_ known: [String: Day?], to rectifications: inout [Rectification]) {
        for i in rectifications.indices { if let k = known[rectifications[i].id] { rectifications[i].completedOn = k } }
    }

    static func apply(_ known: [String: Day?], to opinions: inout [OpinionEvent]) {
        for i in opinions.indices { if let k = known[opinions[i].id] { opinions[i].handledOn = k } }
    }
}
