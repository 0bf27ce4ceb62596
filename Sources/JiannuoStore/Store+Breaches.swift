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

    public func reportBreach(_ id: String, date: Day?) throws -> Breach {
        try authorize(.breachReport)
        let day = try eventDay(date, Field("上报日期", "report date"))
        return try write { db, audit in
            let before = try requireBreach(db, id)
            let after = try before.reported(on: day)
            try after.update(db)
            try audit.record("breach.report", entity: "breach", id: id, before: before, after: after, claimed: day.string)
            return after
        }
    }

    /// `ordered`: the day rectification was ordered (today unless given); the deadline is checked against it.
    public func addRectification(breach id: String, unit: String, measures: String, deadline: Day, ordered: Day? = nil) throws -> Rectification {
        try authorize(.rectificationAdd)
        let day = try eventDay(ordered, Field("下达整改日期", "date ordered"))
        return try write { db, audit in
            let b = try requireBreach(db, id)
            _ = try requireDepartment(db, unit)
            let rid = try nextId(db, prefix: "ZG", year: day.year, digits: 4)
            let r = try Rectification.validated(id: rid, breach: b, unit: unit, measures: measures, opened: day, deadline: deadline)
            try r.insert(db)
            try audit.record("rectification.add", entity: "rectification", id: rid, after: r, claimed: day.string)
            return r
        }
    }

    public func completeRectification(_ id: String, date: Day?) throws -> Rectification {
        try authorize(.rectificationDone)
        let day = try eventDay(date, Field("整改完成日期", "completion date"))
        return try write { db, audit in
            guard let before = try Rectification.fetchOne(db, key: id) else { throw Store.notFound(Text("整改", "rectification"), id) }
            try visible(before.unit)
            let after = try before.done(on: day)
            try after.update(db)
            try audit.record("rectification.done", entity: "rectification", id: id, before: before, after: after, claimed: day.string)
            return after
        }
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

    /// `follows`: a breach (SX-), a complaint handled in violation of the rules (TS-, no breach needed)
    /// or an inspection finding (FX-); the unit is that record's.
    public func addAccountability(follows id: String, targetKind: AccountabilityTarget, official: String?, post: String?,
                                  target: String?, kind: String, date: Day?) throws -> Accountability {
        try authorize(.accountabilityAdd)
        let day = try eventDay(date, Field("问责日期", "accountability date"))
        return try write { db, audit in
            var link: (breach: String?, complaint: String?, finding: String?) = (nil, nil, nil)
            let unit: String, since: Day
            switch id.prefix(3) {
            case "SX-": let b = try requireBreach(db, id); unit = b.department; since = b.date; link.breach = id
            case "TS-": let c = try requireComplaint(db, id); unit = c.department; since = c.received.day; link.complaint = id
            case "FX-": let f = try requireFinding(db, id); unit = f.department; since = f.date; link.finding = id
            default:
                throw JiannuoError.invalid("问责须依据失信记录（SX-）、投诉（TS-）或检查发现的问题（FX-）：收到“\(Sanitize.visible(String(id.prefix(30))))”",
                                           "accountability follows a breach (SX-), a complaint (TS-) or a finding (FX-)")
            }
            let current = Lineage.current(unit, in: try departmentMap(db))
            let name = try Department.fetchOne(db, key: current)?.name ?? current
            let aid = try nextId(db, prefix: "WZ", year: day.year, digits: 4)
            var a = try Accountability.validated(id: aid, draft: .init(follows: (id, since), unit: current, targetKind: targetKind,
                                                                       official: official, post: post, target: target, kind: kind),
                                                 unitName: name, date: day)
            a.breach = link.breach; a.complaint = link.complaint; a.finding = link.finding
            try a.insert(db)
            try audit.record("accountability.add", entity: "accountability", id: aid, after: a, claimed: day.string)
            return a
        }
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
