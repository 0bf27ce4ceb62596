import GRDB
import JiannuoCore

extension Store {
    public func breaches(_ f: ListFilter) throws -> [Breach] {
        let f = try confined(f)
        return try read { db in
            var q = Breach.all()
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
            if let c = f.category { q = q.filter(Column("category") == c) }
            if let s = f.status {
                switch s {
                case "reported": q = q.filter(Column("reported_on") != nil)
                case "unreported": q = q.filter(Column("reported_on") == nil)
                default:
                    throw JiannuoError.invalid("失信记录状态只能是 reported 或 unreported", "breach status must be reported or unreported")
                }
            }
            if let from = f.from { q = q.filter(Column("date") >= from.string) }
            if let to = f.to { q = q.filter(Column("date") <= to.string) }
            return try q.order(Column("date").desc, Column("id").desc).page(f).fetchAll(db)
        }
    }

    public func breach(_ id: String) throws -> Breach {
        try read { db in try requireBreach(db, id) }
    }

    func requireBreach(_ db: Database, _ id: String) throws -> Breach {
        guard let b = try Breach.fetchOne(db, key: id) else { throw Store.notFound(Text("失信记录", "breach"), id) }
        try visible(b.department)
        return b
    }

    public func reportBreach(_ id: String, date: Day?) throws -> Breach { try LedgerWrites(self).reportBreach(id, date: date) }

    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day? = nil) throws -> Rectification {
        try LedgerWrites(self).addRectification(breach: id, unit: unit, measures: measures, deadline: deadline, ordered: ordered)
    }

    public func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        try LedgerWrites(self).completeRectification(id, date: date)
    }

    public func rectifications(_ f: ListFilter, breach: String? = nil) throws -> [Rectification] {
        let f = try confined(f)
        return try read { db in
            var q = Rectification.all()
            if let breach { q = q.filter(Column("breach") == breach) }
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("unit"))) }
            if let s = f.status {
                switch s {
                case "open": q = q.filter(Column("completed_on") == nil)
                case "done": q = q.filter(Column("completed_on") != nil)
                default: throw JiannuoError.invalid("整改状态只能是 open 或 done", "rectification status must be open or done")
                }
            }
            if let from = f.from { q = q.filter(Column("opened") >= from.string) }
            if let to = f.to { q = q.filter(Column("opened") <= to.string) }
            return try q.order(Column("deadline"), Column("id")).page(f).fetchAll(db)
        }
    }

    /// The old form: against the breach's unit, the target as typed.
    public func addAccountability(breach id: String, target: String, kind: String, date: Day?) throws -> Accountability {
        try addAccountability(follows: id, targetKind: .unit, official: nil, post: nil, target: target, kind: kind, date: date)
    }

    public func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                                  target: String?, kind: String, date: Day?) throws -> Accountability {
        try LedgerWrites(self).addAccountability(follows: id, targetKind: targetKind, official: official, post: post, target: target, kind: kind, date: date)
    }

    /// `follows`: only those following this breach, complaint or finding.
    public func accountability(_ f: ListFilter, breach: String? = nil) throws -> [Accountability] {
        let f = try confined(f)
        return try read { db in
            var q = Accountability.all()
            if let id = breach { q = q.filter(Column("breach") == id || Column("complaint") == id || Column("finding") == id) }
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
            if let from = f.from { q = q.filter(Column("date") >= from.string) }
            if let to = f.to { q = q.filter(Column("date") <= to.string) }
            return try q.order(Column("date").desc, Column("id").desc).page(f).fetchAll(db)
        }
    }
}
