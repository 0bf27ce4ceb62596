import JiannuoCore

/// The record writes that `LedgerWrites` holds for both engines, run in PostgreSQL transactions.
extension PGStore: LedgerTransactions {
    func transaction<T>(_ body: (PGReader, any AuditAppending) throws -> T) throws -> T {
        try write { c, audit in try body(PGReader(connection: c, schema: schema), audit) }
    }

    public func addComplaint(_ draft: ComplaintDraft) throws -> Complaint { try LedgerWrites(self).addComplaint(draft) }

    public func accept(_ id: String, at: DateTime?) throws -> Complaint { try LedgerWrites(self).accept(id, at: at) }

    public func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).resolve(id, result: result, at: at)
    }

    public func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint { try LedgerWrites(self).respond(id, text: text, at: at) }

    public func extend(_ id: String, days: Int, reason: String, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).extend(id, days: days, reason: reason, at: at)
    }

    public func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).returnComplaint(id, to: department, reason: reason, at: at)
    }

    public func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).followup(id, satisfied: satisfied, note: note, at: at)
    }

    public func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime?) throws -> (Complaint, Breach?) {
        try LedgerWrites(self).verify(id, breach: breach, finding: finding, category: category, at: at)
    }

    public func addCommitment(_ draft: CommitmentDraft) throws -> Commitment { try LedgerWrites(self).addCommitment(draft) }

    public func recordProgress(_ id: String, percent: Int, status: CommitmentStatus?, note: String?, date: Day?) throws -> Commitment {
        try LedgerWrites(self).recordProgress(id, percent: percent, status: status, note: note, date: date)
    }

    public func fulfill(_ id: String, date: Day?, note: String?) throws -> Commitment { try LedgerWrites(self).fulfill(id, date: date, note: note) }

    public func addFeedback(_ id: String, text: String, date: Day?) throws -> CommitmentEntry {
        try LedgerWrites(self).addFeedback(id, text: text, date: date)
    }

    public func amend(_ id: String, deadline: Day?, content: String?, reason: String, legalBasis: String, approver: String,
                      date: Day?) throws -> (Commitment, Amendment) {
        try LedgerWrites(self).amend(id, deadline: deadline, content: content, reason: reason, legalBasis: legalBasis, approver: approver, date: date)
    }
}
