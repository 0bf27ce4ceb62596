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

    /// Progress on a day (today unless given); the status after it goes into the history too. An entry
    /// claimed before one already in the history is kept there but does not become the current state.
    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day?) throws -> Commitment {
        try authorize(.commitmentProgress)
        let note = try Validate.optionalText(note, Field("进展说明", "note"), max: 1000, multiline: true)
        let event = try datedEvent(date, Field("进展日期", "progress date"))
        return try changeCommitment(id, action: "commitment.progress", event: event) { c, latest in
            var after = try CommitmentWorkflow.progress(c, percent: percent, status: status, on: event.claimed)
            if after.fulfilledOn != c.fulfilledOn { after.fulfilledOn = event.effective }
            let entry = CommitmentEntry(commitment: id, kind: .progress, date: event.effective, percent: percent, text: note,
                                        status: after.status, recording: event.recording)
            if let latest, latest > event.claimed { return (c, entry) }
            return (after, entry)
        }
    }

    public func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment {
        try authorize(.commitmentFulfill)
        let note = try Validate.optionalText(note, Field("兑现说明", "note"), max: 1000, multiline: true)
        let field = Field("兑现日期", "fulfilment date")
        let event = try datedEvent(date, field)
        return try changeCommitment(id, action: "commitment.fulfill", event: event, amendments: true) { c, latest in
            // Fulfilment is final: it cannot be claimed before progress or an amendment already recorded as later.
            if let latest { try Validate.notBefore(event.claimed, field, latest, Field("已记录的最近进展或变更日期", "latest recorded progress or amendment date")) }
            var after = try CommitmentWorkflow.fulfill(c, on: event.claimed)
            after.fulfilledOn = event.effective
            return (after, CommitmentEntry(commitment: id, kind: .fulfill, date: event.effective, percent: 100, text: note,
                                           status: .fulfilled, recording: event.recording))
        }
    }

    /// Feedback to the public or the counterpart: allowed at any stage, also after fulfilment.
    public func addFeedback(_ id: String, text: String, date: Day?) throws -> CommitmentEntry {
        try authorize(.commitmentFeedback)
        let text = try Validate.text(text, Field("反馈内容", "feedback"), max: 2000, multiline: true)
        let event = try datedEvent(date, Field("反馈日期", "feedback date"))
        return try transaction { w, audit in
            let c = try requireCommitment(w, id)
            try Validate.notBefore(event.claimed, Field("反馈日期", "feedback date"), c.made, Field("承诺日期", "date made"))
            var e = CommitmentEntry(commitment: id, kind: .feedback, date: event.effective, text: text, recording: event.recording)
            e.id = try w.insert(e)
            try audit.record("commitment.feedback", entity: "commitment", id: id, after: e, claimed: event.claimed.string)
            return e
        }
    }

    /// A change of terms on a day (today unless given): it changes the future only; the terms in force
    /// before it stay in `amendments`, and a deadline it moves that had already passed keeps its cost.
    /// Dated further back than the grace window, it takes effect on the day it was recorded until the
    /// office confirms the earlier approval: lateness accrued before the recording is not undone by a claim.
    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String,
               date: Day?) throws -> (Commitment, Amendment) {
        try authorize(.commitmentAmend)
        let event = try datedEvent(date, Field("变更日期", "amendment date"))
        return try transaction { w, audit in
            let before = try requireCommitment(w, id)
            var last: Day? = nil
            try w.each("SELECT max(COALESCE(claimed, date)) FROM amendments WHERE commitment = ?", [id]) { last = $0.day(at: 0) }
            var (after, amendment) = try CommitmentWorkflow.amend(before, deadline: deadline, content: content, reason: reason,
                                                                  legalBasis: legalBasis, approver: approver, on: event.claimed, after: last)
            amendment.date = event.effective
            amendment.recording = event.recording
            try w.update(after, from: before)
            amendment.id = try w.insert(amendment)
            try audit.record("commitment.amend", entity: "commitment", id: id, before: before, after: after, claimed: event.claimed.string)
            return (after, amendment)
        }
    }

    /// `change` gets the promise and the latest day its progress entries (and, if asked, its
    /// amendments) claim, nil if none, and gives the promise after and the entry to keep.
    private func changeCommitment(_ id: String, action: String, event: DatedEvent, amendments: Bool = false,
                                  _ change: (Commitment, Day?) throws -> (Commitment, CommitmentEntry)) throws -> Commitment {
        try transaction { w, audit in
            let before = try requireCommitment(w, id)
            var latest: Day? = nil
            let alsoAmendments = amendments ? " UNION ALL SELECT COALESCE(claimed, date) FROM amendments WHERE commitment = ?" : ""
            try w.each("""
                SELECT max(d) FROM (SELECT COALESCE(claimed, date) AS d FROM commitment_entries WHERE commitment = ? AND kind <> 'feedback'\(alsoAmendments)) AS claimed_days
                """, amendments ? [id, id] : [id]) {
                latest = $0.day(at: 0)
            }
            let (after, entry) = try change(before, latest)
            if after != before { try w.update(after, from: before) }
            try w.insert(entry)
            try audit.record(action, entity: "commitment", id: id, before: before, after: after, claimed: event.claimed.string)
            return after
        }
    }
}
