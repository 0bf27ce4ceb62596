import JiannuoCore

/// Difficulty reports (困难问题报告): a unit files one on its promise, complaint or rectification; the office
/// answers; a leader may refer it to the county leadership. Each moment is the recording's own.
extension LedgerEngine {
    public func fileDifficulty(record: String, text: String, asks: String?) throws -> DifficultyReport {
        try authorize(.difficultyAdd)
        let now = clock.now
        return try transaction { w, audit in
            let unit = try difficultyUnit(w, record)
            try actor.require(.difficultyAdd, department: unit)
            return try insertNew(.difficulty, on: now.day, w, audit) {
                try DifficultyReport.validated(id: $0, record: record, department: unit, text: text, asks: asks, at: now, by: actor.account,
                                               calendar: calendar, rules: rules.deadlines)
            }
        }
    }

    /// The office's answer (`text`) and/or a leader's referral (`refer`), in one transaction.
    public func answerDifficulty(_ id: String, text: String?, refer: Bool) throws -> DifficultyReport {
        // An answer is a supervisor's or leader's; a referral a leader's (asked of a call with neither, the answer's).
        if text != nil || !refer { try authorize(.difficultyAnswer) }
        if refer { try authorize(.difficultyRefer) }
        let now = clock.now
        return try transaction { w, audit in
            let before = try requireDifficulty(w, id)
            let after = try before.answered(text, refer: refer, at: now, by: actor.account)
            try w.update(after, from: before)
            try audit.record(text == nil ? "difficulty.refer" : "difficulty.answer", entity: RecordKind.difficulty.rawValue, id: id,
                             before: before, after: after, claimed: nil)
            return after
        }
    }

    /// The unit holding the record a difficulty is about, which must exist and be visible to the actor.
    func difficultyUnit<Q: SQLReader>(_ r: Q, _ record: String) throws -> String {
        switch RecordKind(record) {
        case .commitment: return try requireCommitment(r, record).department
        case .complaint: return try requireComplaint(r, record).department
        case .rectification: return try requireRectification(r, record).unit
        default: throw DifficultyReport.notASubject(record)
        }
    }

    func requireDifficulty<Q: SQLReader>(_ r: Q, _ id: String) throws -> DifficultyReport { try require(r, id, .difficulty) { $0.department } }
}
