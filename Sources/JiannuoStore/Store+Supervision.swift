import GRDB
import JiannuoCore

/// Supervision rounds (督促检查) and their findings, which may order rectification without a breach.
extension Store {
    public func addInspection(name: String, from: Day, to: Day, departments: [String]?, inspectors: String) throws -> InspectionRound {
        try authorize(.inspectionManage)
        let today = clock.today
        return try write { db, audit in
            let codes = try (departments ?? []).map { try requireDepartment(db, try unitCode(db, $0)).code }
            let id = try nextId(db, prefix: "DC", year: from.year, digits: 4)
            let r = try InspectionRound.validated(id: id, name: name, from: from, to: to, departments: Array(Set(codes)).sorted(),
                                                  inspectors: inspectors)
            // A round is planned ahead or recorded after; one that starts years from now is a typo.
            guard from <= today.adding(days: 366) else {
                throw JiannuoError.invalid("检查开始日期 \(from) 距今超过一年", "the round starts more than a year from now")
            }
            try r.insert(db)
            try audit.record("inspection.add", entity: "inspection", id: id, after: r, claimed: from.string)
            return r
        }
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

    /// A finding, and when `order` is given the rectification it orders (one transaction, both audited).
    public func addFinding(round id: String, department: String, issue: String, basis: String, severity: Severity, date: Day?,
                           order: (deadline: Day, measures: String)?) throws -> (Finding, Rectification?) {
        try authorize(.inspectionManage)
        if order != nil { try authorize(.rectificationAdd) }
        let day = try eventDay(date, Field("发现问题日期", "finding date"))
        return try write { db, audit in
            let round = try requireInspection(db, id)
            let unit = try requireDepartment(db, try unitCode(db, department)).code
            let fid = try nextId(db, prefix: "FX", year: day.year, digits: 4)
            let f = try Finding.validated(id: fid, round: round, department: unit, issue: issue, basis: basis, severity: severity, date: day)
            try f.insert(db)
            try audit.record("finding.add", entity: "finding", id: fid, after: f, claimed: day.string)
            guard let order else { return (f, nil) }
            let rid = try nextId(db, prefix: "ZG", year: day.year, digits: 4)
            let r = try Rectification.validated(id: rid, finding: f, unit: unit, measures: order.measures, opened: day, deadline: order.deadline)
            try r.insert(db)
            try audit.record("rectification.add", entity: "rectification", id: rid, after: r, claimed: day.string)
            return (f, r)
        }
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

    /// Orders rectification of a finding after the fact (the finding was recorded without one).
    public func addRectification(finding id: String, unit: String?, measures: String, deadline: Day, ordered: Day? = nil) throws -> Rectification {
        try authorize(.rectificationAdd)
        let day = try eventDay(ordered, Field("下达整改日期", "date ordered"))
        return try write { db, audit in
            let f = try requireFinding(db, id)
            let code = try unit.map { try requireDepartment(db, try unitCode(db, $0)).code } ?? f.department
            let rid = try nextId(db, prefix: "ZG", year: day.year, digits: 4)
            let r = try Rectification.validated(id: rid, finding: f, unit: code, measures: measures, opened: day, deadline: deadline)
            try r.insert(db)
            try audit.record("rectification.add", entity: "rectification", id: rid, after: r, claimed: day.string)
            return r
        }
    }
}
