import JiannuoCore

extension LedgerEngine {
    public func addCommitment(_ draft: CommitmentDraft) throws -> Commitment {
        try authorize(.commitmentAdd)
        let probe = try draft.validated(id: RecordKind.commitment.placeholderId, today: clock.today)
        return try transaction { w, audit in
            _ = try w.requireDepartment(probe.department)
            var c = probe
            c.id = try w.nextId(.commitment, year: probe.made.year)
            try w.insert(c)
            try audit.record("commitment.add", entity: "commitment", id: c.id, after: c, claimed: c.made.string)
            return c
        }
    }

    /// Progress on a day (today unless given); the status after it goes into the history too.
    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day?) throws -> Commitment {
        try authorize(.commitmentProgress)
        let note = try Validate.optionalText(note, Field("进展说明", "note"), max: 1000, multiline: true)
        let day = try eventDay(date, Field("进展日期", "progress date"))
        return try changeCommitment(id, action: "commitment.progress", on: day) { c in
            let after = try CommitmentWorkflow.progress(c, percent: percent, status: status, on: day)
            return (after, CommitmentEntry(commitment: id, kind: .progress, date: day, percent: percent, text: note, status: after.status))
        }
    }

    public func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment {
        try authorize(.commitmentFulfill)
        let note = try Validate.optionalText(note, Field("兑现说明", "note"), max: 1000, multiline: true)
        let day = try eventDay(date, Field("兑现日期", "fulfilment date"))
        return try changeCommitment(id, action: "commitment.fulfill", on: day) { c in
            (try CommitmentWorkflow.fulfill(c, on: day), CommitmentEntry(commitment: id, kind: .fulfill, date: day, percent: 100, text: note,
                                                                         status: .fulfilled))
        }
    }

    /// Feedback to the public or the counterpart: allowed at any stage, also after fulfilment.
    public func addFeedback(_ id: String, text: String, date: Day?) throws -> CommitmentEntry {
        try authorize(.commitmentFeedback)
        let text = try Validate.text(text, Field("反馈内容", "feedback"), max: 2000, multiline: true)
        let day = try eventDay(date, Field("反馈日期", "feedback date"))
        return try transaction { w, audit in
            let c = try requireCommitment(w, id)
            try Validate.notBefore(day, Field("反馈日期", "feedback date"), c.made, Field("承诺日期", "date made"))
            var e = CommitmentEntry(commitment: id, kind: .feedback, date: day, text: text)
            e.id = try w.insert(e)
            try audit.record("commitment.feedback", entity: "commitment", id: id, after: e, claimed: day.string)
            return e
        }
    }

    /// A change of terms on a day (today unless given): it changes the future only; the terms in force
    /// before it stay in `amendments`, and a deadline it moves that had already passed keeps its cost.
    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String,
               date: Day?) throws -> (Commitment, Amendment) {
        try authorize(.commitmentAmend)
        let day = try eventDay(date, Field("变更日期", "amendment date"))
        return try transaction { w, audit in
            let before = try requireCommitment(w, id)
            var last: Day? = nil
            try w.each("SELECT max(date) FROM amendments WHERE commitment = ?", [id]) { last = $0.day(at: 0) }
            var (after, amendment) = try CommitmentWorkflow.amend(before, deadline: deadline, content: content, reason: reason,
                                                                  legalBasis: legalBasis, approver: approver, on: day, after: last)
            try w.update(after, from: before)
            amendment.id = try w.insert(amendment)
            try audit.record("commitment.amend", entity: "commitment", id: id, before: before, after: after, claimed: day.string)
            return (after, amendment)
        }
    }

    private func changeCommitment(_ id: String, action: String, on day: Day,
                                  _ change: (Commitment) throws -> (Commitment, CommitmentEntry)) throws -> Commitment {
        try transaction { w, audit in
            let before = try requireCommitment(w, id)
            let (after, entry) = try change(before)
            try w.update(after, from: before)
            try w.insert(entry)
            try audit.record(action, entity: "commitment", id: id, before: before, after: after, claimed: day.string)
            return after
        }
    }
}
