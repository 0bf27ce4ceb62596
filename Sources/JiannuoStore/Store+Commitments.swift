import GRDB
import JiannuoCore

extension Store {
    public func addCommitment(_ draft: CommitmentDraft) throws -> Commitment {
        try authorize(.commitmentAdd)
        let probe = try draft.validated(id: "CN-0000-0000", today: clock.today)
        return try write { db, audit in
            _ = try requireDepartment(db, probe.department)
            let id = try nextId(db, prefix: "CN", year: probe.made.year, digits: 4)
            var c = probe
            c.id = id
            try c.insert(db)
            try audit.record("commitment.add", entity: "commitment", id: id, after: c, claimed: c.made.string)
            return c
        }
    }

    public func commitment(_ id: String) throws -> Commitment {
        try read { db in try requireCommitment(db, id) }
    }

    func requireCommitment(_ db: Database, _ id: String) throws -> Commitment {
        guard let c = try Commitment.fetchOne(db, key: id) else { throw Store.notFound(Text("承诺", "commitment"), id) }
        try visible(c.department)
        return c
    }

    public func commitments(_ f: ListFilter) throws -> [Commitment] {
        try read { db in try commitmentRequest(db, f).order(Column("deadline"), Column("id")).page(f).fetchAll(db) }
    }

    public func commitmentCount(_ f: ListFilter) throws -> Int {
        try read { db in try commitmentRequest(db, f).fetchCount(db) }
    }

    func commitmentRequest(_ db: Database, _ f: ListFilter) throws -> QueryInterfaceRequest<Commitment> {
        let f = try confined(f, db)
        var q = Commitment.all()
        if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
        if let s = f.status {
            if s == "open" {
                q = q.filter(["not_started", "in_progress", "stalled"].contains(Column("status")))
            } else {
                q = q.filter(Column("status") == (try CommitmentStatus.parse(s, Field("状态", "status"))).rawValue)
            }
        }
        if let c = f.category { q = q.filter(Column("category") == c) }
        if let from = f.from { q = q.filter(Column("made") >= from.string) }
        if let to = f.to { q = q.filter(Column("made") <= to.string) }
        return q
    }

    public func commitmentEntries(_ id: String) throws -> [CommitmentEntry] {
        try read { db in try CommitmentEntry.filter(Column("commitment") == id).order(Column("date"), Column("id")).fetchAll(db) }
    }

    public func amendments(_ id: String) throws -> [Amendment] {
        try read { db in try Amendment.filter(Column("commitment") == id).order(Column("date"), Column("id")).fetchAll(db) }
    }

    /// Progress on a day (today unless given); the status after it goes into the history too.
    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day? = nil) throws -> Commitment {
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
    public func addFeedback(_ id: String, text: String, date: Day? = nil) throws -> CommitmentEntry {
        try authorize(.commitmentFeedback)
        let text = try Validate.text(text, Field("反馈内容", "feedback"), max: 2000, multiline: true)
        let day = try eventDay(date, Field("反馈日期", "feedback date"))
        return try write { db, audit in
            let c = try requireCommitment(db, id)
            try Validate.notBefore(day, Field("反馈日期", "feedback date"), c.made, Field("承诺日期", "date made"))
            var e = CommitmentEntry(commitment: id, kind: .feedback, date: day, text: text)
            try e.insert(db)
            e.id = db.lastInsertedRowID
            try audit.record("commitment.feedback", entity: "commitment", id: id, after: e, claimed: day.string)
            return e
        }
    }

    /// A change of terms on a day (today unless given): it changes the future only; the terms in force
    /// before it stay in `amendments`, and a deadline it moves that had already passed keeps its cost.
    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String,
                      date: Day? = nil) throws -> (Commitment, Amendment) {
        try authorize(.commitmentAmend)
        let day = try eventDay(date, Field("变更日期", "amendment date"))
        return try write { db, audit in
            let before = try requireCommitment(db, id)
            let last = try String.fetchOne(db, sql: "SELECT max(date) FROM amendments WHERE commitment = ?", arguments: [id]).flatMap(Day.init)
            var (after, amendment) = try CommitmentWorkflow.amend(before, deadline: deadline, content: content, reason: reason,
                                                                  legalBasis: legalBasis, approver: approver, on: day, after: last)
            try after.update(db)
            try amendment.insert(db)
            amendment.id = db.lastInsertedRowID
            try audit.record("commitment.amend", entity: "commitment", id: id, before: before, after: after, claimed: day.string)
            return (after, amendment)
        }
    }

    func changeCommitment(_ id: String, action: String, on day: Day, _ change: (Commitment) throws -> (Commitment, CommitmentEntry)) throws -> Commitment {
        try write { db, audit in
            let before = try requireCommitment(db, id)
            let (after, entry) = try change(before)
            try after.update(db)
            try entry.insert(db)
            try audit.record(action, entity: "commitment", id: id, before: before, after: after, claimed: day.string)
            return after
        }
    }
}
