import GRDB
import JiannuoCore

/// Supervision rounds (督促检查) and their findings, which may order rectification without a breach.
extension Store {
    public func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound {
        try LedgerWrites(self).addInspection(name: name, from: from, to: to, departments: departments, inspectors: inspectors)
    }

    public func inspections(openOn day: Day? = nil) throws -> [InspectionRound] {
        try actor.require(.read)
        return try read { db in
            var q = InspectionRound.all()
            if let day { q = q.filter(Column("to_day") >= day.string) }
            return try q.order(Column("from_day").desc, Column("id").desc).fetchAll(db)
        }
    }

    public func inspection(_ id: String) throws -> InspectionRound {
        try actor.require(.read)
        return try read { db in try requireInspection(db, id) }
    }

    func requireInspection(_ db: Database, _ id: String) throws -> InspectionRound {
        guard let r = try InspectionRound.fetchOne(db, key: id) else { throw Store.notFound(Text("督促检查", "inspection round"), id) }
        return r
    }

    public func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?,
                           order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?) {
        try LedgerWrites(self).addFinding(round: id, department: department, issue: issue, basis: basis, severity: severity, date: date, order: order)
    }

    public func findings(_ f: ListFilter, round: String? = nil) throws -> [Finding] {
        let f = try confined(f)
        return try read { db in
            var q = Finding.all()
            if let round { q = q.filter(Column("round") == round) }
            if let d = f.department { q = q.filter(try lineageCodes(db, d).contains(Column("department"))) }
            if let s = f.status {
                guard Severity(rawValue: s) != nil else {
                    throw JiannuoError.invalid("发现问题的级别只能是 low、medium 或 high", "a finding's severity is low, medium or high")
                }
                q = q.filter(Column("severity") == s)
            }
            if let from = f.from { q = q.filter(Column("date") >= from.string) }
            if let to = f.to { q = q.filter(Column("date") <= to.string) }
            return try q.order(Column("date").desc, Column("id").desc).page(f).fetchAll(db)
        }
    }

    public func finding(_ id: String) throws -> Finding {
        try read { db in try requireFinding(db, id) }
    }

    func requireFinding(_ db: Database, _ id: String) throws -> Finding {
        guard let f = try Finding.fetchOne(db, key: id) else { throw Store.notFound(Text("检查发现问题", "finding"), id) }
        try visible(f.department)
        return f
    }

    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day? = nil) throws -> Rectification {
        try LedgerWrites(self).addRectification(finding: id, unit: unit, measures: measures, deadline: deadline, ordered: ordered)
    }
}
