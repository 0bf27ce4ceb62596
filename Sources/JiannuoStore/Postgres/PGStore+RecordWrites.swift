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

/// Breaches, rectifications, accountability, opinions, escalations, supervision, units, the calendar
/// and the rules: `LedgerWrites` too.
extension PGStore {
    /// After a merge the liaisons of the unit merged into see its records: their `role_units` again.
    func unitsMerged(_ w: PGReader) throws {
        for a in try w.records(Account.self, "SELECT * FROM users WHERE role = 'liaison' AND active = 1", []) {
            try PGRoles.grant(w.connection, schema: schema, account: a, units: try a.department.map { try w.lineage($0) } ?? [])
        }
    }

    public func reportBreach(_ id: String, date: Day?) throws -> Breach { try LedgerWrites(self).reportBreach(id, date: date) }

    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        try LedgerWrites(self).addRectification(breach: id, unit: unit, measures: measures, deadline: deadline, ordered: ordered)
    }

    public func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        try LedgerWrites(self).completeRectification(id, date: date)
    }

    public func addAccountability(breach id: String, target: String, kind: String, date: Day?) throws -> Accountability {
        try addAccountability(follows: id, targetKind: .unit, official: nil, post: nil, target: target, kind: kind, date: date)
    }

    public func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                                  target: String?, kind: String, date: Day?) throws -> Accountability {
        try LedgerWrites(self).addAccountability(follows: id, targetKind: targetKind, official: official, post: post, target: target, kind: kind, date: date)
    }

    public func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        try LedgerWrites(self).addOpinion(department: department, title: title, source: source, severity: severity, date: date)
    }

    public func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent { try LedgerWrites(self).handleOpinion(id, date: date, note: note) }

    public func escalate(_ record: String, to recipient: String, date: Day?, note: String?) throws -> Escalation {
        try LedgerWrites(self).escalate(record, to: recipient, date: date, note: note)
    }

    public func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound {
        try LedgerWrites(self).addInspection(name: name, from: from, to: to, departments: departments, inspectors: inspectors)
    }

    public func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?,
                           order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?) {
        try LedgerWrites(self).addFinding(round: id, department: department, issue: issue, basis: basis, severity: severity, date: date, order: order)
    }

    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day?) throws -> Rectification {
        try LedgerWrites(self).addRectification(finding: id, unit: unit, measures: measures, deadline: deadline, ordered: ordered)
    }

    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        try LedgerWrites(self).addDepartment(code: code, name: name, kind: kind)
    }

    public func renameDepartment(code: String, name: String, date: Day?) throws -> Department {
        try LedgerWrites(self).renameDepartment(code: code, name: name, date: date)
    }

    public func setContact(code: String, phone: String?, email: String?) throws -> Department {
        try LedgerWrites(self).setContact(code: code, phone: phone, email: email)
    }

    public func setLetter(code: String, text: String?) throws -> Department { try LedgerWrites(self).setLetter(code: code, text: text) }

    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        try LedgerWrites(self).mergeDepartment(from: from, into: into, date: date)
    }

    public func addCalendarOverride(_ o: CalendarOverride) throws { try LedgerWrites(self).addCalendarOverride(o) }

    public func removeCalendarOverride(_ date: Day) throws { try LedgerWrites(self).removeCalendarOverride(date) }

    public func loadCalendarYear(text: String, source: String) throws -> CalendarYear {
        try LedgerWrites(self).loadCalendarYear(text: text, source: source)
    }

    public func applyRules(_ new: Rules, source: String) throws -> Int { try LedgerWrites(self).applyRules(new, source: source) }
}
