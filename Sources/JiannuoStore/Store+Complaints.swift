import GRDB
import JiannuoCore

extension Store {
    public func addComplaint(_ draft: ComplaintDraft) throws -> Complaint { try LedgerWrites(self).addComplaint(draft) }

    public func complaint(_ id: String) throws -> Complaint {
        try read { db in try requireComplaint(db, id) }
    }

    func requireComplaint(_ db: Database, _ id: String) throws -> Complaint {
        guard let c = try Complaint.fetchOne(db, key: id) else { throw Store.notFound(Text("投诉", "complaint"), id) }
        try visible(c.department)
        return c
    }

    public func complaints(_ f: ListFilter) throws -> [Complaint] {
        try read { db in try complaintRequest(db, f).order(Column("received").desc, Column("id").desc).page(f).fetchAll(db) }
    }

    public func complaintCount(_ f: ListFilter) throws -> Int {
        try read { db in try complaintRequest(db, f).fetchCount(db) }
    }

    /// `status` is a stage (received, accepted, resolved, responded) or `open` (not yet answered).
    func complaintRequest(_ db: Database, _ f: ListFilter) throws -> QueryInterfaceRequest<Complaint> {
        let f = try confined(f, db)
        var q = Complaint.all()
        if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
        if let s = f.status {
            switch s {
            case "open": q = q.filter(Column("responded_at") == nil)
            case "received": q = q.filter(Column("accepted_at") == nil)
            case "accepted": q = q.filter(Column("accepted_at") != nil && Column("resolved_at") == nil)
            case "resolved": q = q.filter(Column("resolved_at") != nil && Column("responded_at") == nil)
            case "responded": q = q.filter(Column("responded_at") != nil)
            default:
                throw JiannuoError.invalid("投诉状态“\(Sanitize.visible(s))”无效，可选：open、received、accepted、resolved、responded",
                                           "complaint status must be open, received, accepted, resolved or responded")
            }
        }
        if let c = f.category { q = q.filter(Column("category") == c) }
        if let from = f.from { q = q.filter(Column("received") >= from.string) }
        if let to = f.to { q = q.filter(Column("received") < to.adding(days: 1).string) }
        return q
    }

    public func accept(_ id: String, at: DateTime?) throws -> Complaint { try LedgerWrites(self).accept(id, at: at) }

    public func resolve(_ id: String, result: String, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).resolve(id, result: result, at: at)
    }

    public func respond(_ id: String, text: String, at: DateTime?) throws -> Complaint { try LedgerWrites(self).respond(id, text: text, at: at) }

    public func extend(_ id: String, days: Int, reason: String, at: DateTime? = nil) throws -> Complaint {
        try LedgerWrites(self).extend(id, days: days, reason: reason, at: at)
    }

    public func returnComplaint(_ id: String, to department: String, reason: String, at: DateTime?) throws -> Complaint {
        try LedgerWrites(self).returnComplaint(id, to: department, reason: reason, at: at)
    }

    public func followup(_ id: String, satisfied: Bool, note: String?, at: DateTime? = nil) throws -> Complaint {
        try LedgerWrites(self).followup(id, satisfied: satisfied, note: note, at: at)
    }

    public func verify(_ id: String, breach: Bool, finding: String, category: Int?, at: DateTime? = nil) throws -> (Complaint, Breach?) {
        try LedgerWrites(self).verify(id, breach: breach, finding: finding, category: category, at: at)
    }
}

extension Store: LedgerTransactions {
    func transaction<T>(_ body: (GRDBReader, any AuditAppending) throws -> T) throws -> T {
        try write { db, audit in try body(GRDBReader(db: db), audit) }
    }

    func unitsMerged(_ w: GRDBReader) throws {}
}
