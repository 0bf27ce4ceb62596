import GRDB
import JiannuoCore

extension Store {
    public func addOpinion(department: String, title: String, source: String, severity: Severity, date: Day?) throws -> OpinionEvent {
        try authorize(.opinionAdd)
        let day = try eventDay(date, Field("发现日期", "date found"))
        return try write { db, audit in
            _ = try requireDepartment(db, department)
            let id = try nextId(db, prefix: "YQ", year: day.year, digits: 4)
            let o = try OpinionEvent.validated(id: id, department: department, date: day, source: source, title: title, severity: severity)
            try o.insert(db)
            try audit.record("opinion.add", entity: "opinion", id: id, after: o, claimed: day.string)
            return o
        }
    }

    public func handleOpinion(_ id: String, date: Day?, note: String?) throws -> OpinionEvent {
        try authorize(.opinionHandle)
        let day = try eventDay(date, Field("处置日期", "handling date"))
        return try write { db, audit in
            guard let before = try OpinionEvent.fetchOne(db, key: id) else { throw Store.notFound(Text("舆情", "opinion event"), id) }
            try visible(before.department)
            let after = try before.handled(on: day, note: note)
            try after.update(db)
            try audit.record("opinion.handle", entity: "opinion", id: id, before: before, after: after, claimed: day.string)
            return after
        }
    }

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
