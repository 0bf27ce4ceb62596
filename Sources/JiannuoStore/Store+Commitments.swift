import GRDB
import JiannuoCore

extension Store {
    public func addCommitment(_ draft: CommitmentDraft) throws -> Commitment { try LedgerWrites(self).addCommitment(draft) }

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

    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day? = nil) throws -> Commitment {
        try LedgerWrites(self).recordProgress(id, percent: percent, status: status, note: note, date: date)
    }

    public func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment { try LedgerWrites(self).fulfill(id, date: date, note: note) }

    public func addFeedback(_ id: String, text: String, date: Day? = nil) throws -> CommitmentEntry {
        try LedgerWrites(self).addFeedback(id, text: text, date: date)
    }

    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String,
                      date: Day? = nil) throws -> (Commitment, Amendment) {
        try LedgerWrites(self).amend(id, deadline: deadline, content: content, reason: reason, legalBasis: legalBasis, approver: approver, date: date)
    }
}
