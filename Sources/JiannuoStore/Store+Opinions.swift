import GRDB
import JiannuoCore

extension Store {
    public func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        try LedgerWrites(self).addOpinion(department: department, title: title, source: source, severity: severity, date: date)
    }

    public func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent { try LedgerWrites(self).handleOpinion(id, date: date, note: note) }

    public func opinions(_ f: ListFilter) throws -> [OpinionEvent] {
        let f = try confined(f)
        return try read { db in
            var q = OpinionEvent.all()
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
            if let s = f.status {
                switch s {
                case "open": q = q.filter(Column("handled_on") == nil)
                case "handled": q = q.filter(Column("handled_on") != nil)
                default: q = q.filter(Column("severity") == (try Severity.parse(s, Field("状态或级别", "status or severity"))).rawValue)
                }
            }
            if let from = f.from { q = q.filter(Column("date") >= from.string) }
            if let to = f.to { q = q.filter(Column("date") <= to.string) }
            return try q.order(Column("date").desc, Column("id").desc).page(f).fetchAll(db)
        }
    }
}
