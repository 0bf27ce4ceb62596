import JiannuoCore

extension LedgerEngine {
    /// A record's completions as recorded (a rectification done, an opinion handled), oldest first.
    public func datedClaims(_ record: String) throws -> [DatedClaim] {
        try actor.require(.read)
        return try reading { r in try r.records(DatedClaim.self, "SELECT * FROM dated_claims WHERE record = ? ORDER BY id", [record]) }
    }

    /// What waits, oldest recording first; a liaison sees its own unit's.
    public func pendingClaims() throws -> [PendingClaim] {
        try actor.require(.read)
        let unit = liaisonFilter("c.department")
        return try reading { r in
            let entries = try r.records(CommitmentEntry.self, """
                SELECT e.* FROM commitment_entries e JOIN commitments c ON c.id = e.commitment
                WHERE e.claim = 'pending'\(unit.sql)
                """, unit.arguments)
            let amendments = try r.records(Amendment.self, """
                SELECT a.* FROM amendments a JOIN commitments c ON c.id = a.commitment
                WHERE a.claim = 'pending'\(unit.sql)
                """, unit.arguments)
            var units: [String: String] = [:]
            for id in Set(entries.map(\.commitment) + amendments.map(\.commitment)) {
                try r.each("SELECT department FROM commitments WHERE id = ?", [id]) { units[id] = $0.text(0) }
            }
            let fromEntries = entries.compactMap { e -> PendingClaim? in
                guard let ref = e.ref, let claimed = e.recording.claimed else { return nil }
                let what = e.kind == .fulfill ? Text("兑现", "fulfilled") : e.kind == .feedback ? Text("反馈", "feedback")
                    : Text("进展 \(e.percent ?? 0) %", "progress \(e.percent ?? 0) %")
                return PendingClaim(event: ref.id, record: e.commitment, department: units[e.commitment] ?? "", kind: e.kind.rawValue,
                                    claimed: claimed, counts: e.date, recordedAt: e.recording.recordedAt,
                                    summary: Text(what.zh + (e.text.map { "：\($0)" } ?? ""), what.en + (e.text.map { ": \($0)" } ?? "")))
            }
            let fromAmendments = amendments.compactMap { a -> PendingClaim? in
                guard let ref = a.ref, let claimed = a.recording.claimed else { return nil }
                return PendingClaim(event: ref.id, record: a.commitment, department: units[a.commitment] ?? "", kind: "amend",
                                    claimed: claimed, counts: a.date, recordedAt: a.recording.recordedAt,
                                    summary: Text("变更：时限 \(a.oldDeadline) → \(a.newDeadline)（\(a.reason)）",
                                                  "amended: deadline \(a.oldDeadline) → \(a.newDeadline) (\(a.reason))"))
            }
            let stepClaims = try r.records(ComplaintStepRecord.self, """
                SELECT s.* FROM complaint_steps s JOIN complaints c ON c.id = s.complaint WHERE s.claim = 'pending'\(unit.sql)
                """, unit.arguments)
            var complaintUnits: [String: String] = [:]
            for id in Set(stepClaims.map(\.complaint)) {
                try r.each("SELECT department FROM complaints WHERE id = ?", [id]) { complaintUnits[id] = $0.text(0) }
            }
            let steps = stepClaims.compactMap { s -> PendingClaim? in
                guard let ref = s.ref, let recorded = s.recording.recordedAt else { return nil }
                return PendingClaim(event: ref.id, record: s.complaint, department: complaintUnits[s.complaint] ?? "", kind: s.step.rawValue,
                                    claimed: s.claimedAt.day, counts: recorded.day, recordedAt: recorded,
                                    summary: Text("\(s.step.word.zh)：称 \(s.claimedAt)，录入 \(recorded)",
                                                  "\(s.step.word.en): claims \(s.claimedAt), recorded \(recorded)"))
            }
            // A rectification's completion or an opinion's handling: the liaison filter is by the record's unit.
            let rectUnit = liaisonFilter("p.unit"), opinionUnit = liaisonFilter("p.department")
            var dated: [PendingClaim] = []
            for (table, unitColumn, filter) in [("rectifications", "unit", rectUnit), ("opinions", "department", opinionUnit)] {
                try r.each("""
                    SELECT d.id, d.record, p.\(unitColumn), d.field, d.day, d.recorded_at FROM dated_claims d JOIN \(table) p ON p.id = d.record
                    WHERE d.claim = 'pending'\(filter.sql)
                    """, filter.arguments) { row in
                    guard let field = row.text(3).flatMap(DatedClaim.Field.init(rawValue:)), let day = row.day(at: 4),
                          let recorded = row.dateTime(at: 5) else { return }
                    dated.append(PendingClaim(event: EventRef.dated(row.int(0) ?? 0).id, record: row.text(1) ?? "", department: row.text(2) ?? "",
                                              kind: field.rawValue, claimed: day, counts: recorded.day, recordedAt: recorded,
                                              summary: Text("\(field.word.zh)：称 \(day)", "\(field.word.en): claims \(day)")))
                }
            }
            return (fromEntries + fromAmendments + steps + dated).sorted { ($0.recordedAt?.iso ?? "", $0.event) < ($1.recordedAt?.iso ?? "", $1.event) }
        }
    }
}
