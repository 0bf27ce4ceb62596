import GRDB
import JiannuoCore

extension Store {
    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        try authorize(.departmentChange)
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
        try authorize(.departmentChange)
        let newName = try Validate.text(name, Field("单位名称", "name"), max: 60)
        let day = try eventDay(date, Field("更名日期", "rename date"))
        return try write { db, audit in
            let before = try requireDepartment(db, code)
            try requireAfterLastEvent(db, code, day, Field("更名日期", "rename date"))
            guard before.name != newName else {
                throw JiannuoError.invalid("新名称与原名称相同", "the new name is the same as the old one")
            }
            var after = before
            after.name = newName
            try after.update(db)
            try DepartmentEvent(code: code, kind: .rename, date: day, oldName: before.name, newName: newName).insert(db)
            try audit.record("department.rename", entity: "department", id: code, before: before, after: after, claimed: day.string)
            return after
        }
    }

    /// The unit's published complaint phone and e-mail; nil leaves a value as it is, "" clears it.
    public func setContact(code: String, phone: String?, email: String?) throws -> Department {
        try authorize(.departmentChange)
        let phone = try phone.map { $0.isEmpty ? "" : try Department.validPhone($0) }
        let email = try email.map { $0.isEmpty ? "" : try Department.validEmail($0) }
        guard phone != nil || email != nil else {
            throw JiannuoError.usage("请给出 --phone 或 --email（空字符串表示清除）", "give --phone or --email (an empty value clears it)")
        }
        return try write { db, audit in
            let before = try requireDepartment(db, code)
            var after = before
            if let phone { after.phone = phone.isEmpty ? nil : phone }
            if let email { after.email = email.isEmpty ? nil : email }
            try after.update(db)
            try audit.record("department.contact", entity: "department", id: code, before: before, after: after)
            return after
        }
    }

    /// The unit's own letter of commitment (承诺书), Markdown; nil restores the common text.
    public func setLetter(code: String, text: String?) throws -> Department {
        try authorize(.departmentChange)
        let letter = try text.map { try Validate.text($0, Field("承诺书", "letter"), max: 20_000, multiline: true) }
        return try write { db, audit in
            let before = try requireDepartment(db, code)
            var after = before
            after.letter = letter
            try after.update(db)
            try audit.record("department.letter", entity: "department", id: code, before: before, after: after)
            return after
        }
    }

    /// Merges `from` into `into`: `from` stays readable but inactive, and its open promises are owed by `into`.
    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        try authorize(.departmentChange)
        let day = try eventDay(date, Field("合并日期", "merge date"))
        return try write { db, audit in
            let f = try requireDepartment(db, from, active: false)
            let t = try requireDepartment(db, into, active: false)
            try requireAfterLastEvent(db, from, day, Field("合并日期", "merge date"))
            try Lineage.checkMerge(from: f, into: t, on: day, departments: try departmentMap(db))
            var after = f
            after.active = false; after.successor = t.code; after.mergedOn = day
            try after.update(db)
            try DepartmentEvent(code: f.code, kind: .merge, date: day, into: t.code).insert(db)
            try audit.record("department.merge", entity: "department", id: f.code, before: f, after: after, claimed: day.string)
            return after
        }
    }

    /// A reorganisation is dated after the unit's last one: its history keeps its order.
    func requireAfterLastEvent(_ db: Database, _ code: String, _ day: Day, _ field: Field) throws {
        if let last = try String.fetchOne(db, sql: "SELECT max(date) FROM department_events WHERE code = ? OR \"into\" = ?",
                                          arguments: [code, code]).flatMap(Day.init) {
            try Validate.notBefore(day, field, last, Field("该单位上次调整日期", "the unit's last reorganisation"))
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

    /// The code of a unit typed as its code or exact name (refused with candidates otherwise).
    public func unitCode(_ typed: String, asRecord: Bool = false) throws -> String {
        try read { db in try DepartmentLookup.resolve(typed, in: try Department.fetchAll(db), asRecord: asRecord) }
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
