import GRDB
import JiannuoCore

extension Store {
    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        let d = try Department.validated(code: code, name: name, kind: kind)
        return try write { db, audit in
            if try Department.exists(db, key: d.code) {
                throw JiannuoError.invalid("单位代码 \(d.code) 已存在", "department \(d.code) already exists")
            }
            try d.insert(db)
            try audit.record("department.add", entity: "department", id: d.code, after: d)
            return d
        }
    }

    public func renameDepartment(code: String, name: String, date: Day?) throws -> Department {
        let newName = try Validate.text(name, Field("单位名称", "name"), max: 60)
        return try write { db, audit in
            let before = try requireDepartment(db, code)
            guard before.name != newName else {
                throw JiannuoError.invalid("新名称与原名称相同", "the new name is the same as the old one")
            }
            var after = before
            after.name = newName
            try after.update(db)
            try DepartmentEvent(code: code, kind: .rename, date: date ?? clock.today, oldName: before.name, newName: newName).insert(db)
            try audit.record("department.rename", entity: "department", id: code, before: before, after: after)
            return after
        }
    }

    /// Merges `from` into `into`: `from` stays readable but inactive, and its open promises are owed by `into`.
    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        try write { db, audit in
            let f = try requireDepartment(db, from, active: false)
            let t = try requireDepartment(db, into, active: false)
            let day = date ?? clock.today
            try Lineage.checkMerge(from: f, into: t, on: day, departments: try departmentMap(db))
            var after = f
            after.active = false; after.successor = t.code; after.mergedOn = day
            try after.update(db)
            try DepartmentEvent(code: f.code, kind: .merge, date: day, into: t.code).insert(db)
            try audit.record("department.merge", entity: "department", id: f.code, before: f, after: after)
            return after
        }
    }

    public func departments(includeInactive: Bool = true, kind: DepartmentKind? = nil) throws -> [Department] {
        try read { db in
            var q = Department.all()
            if !includeInactive { q = q.filter(Column("active") == true) }
            if let kind { q = q.filter(Column("kind") == kind.rawValue) }
            return try q.order(Column("code")).fetchAll(db)
        }
    }

    public func department(_ code: String) throws -> Department {
        try read { db in
            guard let d = try Department.fetchOne(db, key: code) else { throw Store.notFound(Text("单位", "department"), code) }
            return d
        }
    }

    public func departmentEvents(_ code: String) throws -> [DepartmentEvent] {
        try read { db in
            try DepartmentEvent.filter(Column("code") == code || Column("into") == code).order(Column("date"), Column("id")).fetchAll(db)
        }
    }

    public func predecessors(of code: String) throws -> [Department] {
        try read { db in Lineage.predecessors(of: code, in: try departmentMap(db)) }
    }
}
