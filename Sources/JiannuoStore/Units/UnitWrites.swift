import JiannuoCore

extension LedgerEngine {
    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        try authorize(.departmentChange)
        let d = try Department.validated(code: code, name: name, kind: kind)
        return try transaction { w, audit in
            if try w.int("SELECT count(*) FROM departments WHERE code = ?", [d.code]) > 0 {
                throw JiannuoError.invalid("单位代码 \(d.code) 已存在", "department \(d.code) already exists")
            }
            try w.insert(d)
            try audit.record("department.add", entity: "department", id: d.code, after: d)
            return d
        }
    }

    public func renameDepartment(code: String, name: String, date: Day?) throws -> Department {
        try authorize(.departmentChange)
        let newName = try Validate.text(name, Field("单位名称", "name"), max: 60)
        let day = try eventDay(date, Field("更名日期", "rename date"))
        return try transaction { w, audit in
            let before = try w.requireDepartment(code)
            try requireAfterLastEvent(w, code, day, Field("更名日期", "rename date"))
            guard before.name != newName else {
                throw JiannuoError.invalid("新名称与原名称相同", "the new name is the same as the old one")
            }
            var after = before
            after.name = newName
            try w.update(after, from: before)
            try w.insert(DepartmentEvent(code: code, kind: .rename, date: day, oldName: before.name, newName: newName))
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
        return try changeUnit(code, action: "department.contact") { d in
            if let phone { d.phone = phone.isEmpty ? nil : phone }
            if let email { d.email = email.isEmpty ? nil : email }
        }
    }

    /// The unit's own letter of commitment (承诺书), Markdown; nil restores the common text.
    public func setLetter(code: String, text: String?) throws -> Department {
        try authorize(.departmentChange)
        let letter = try text.map { try Validate.text($0, Field("承诺书", "letter"), max: 20_000, multiline: true) }
        return try changeUnit(code, action: "department.letter") { $0.letter = letter }
    }

    /// Merges `from` into `into`: `from` stays readable but inactive, and its open promises are owed by `into`.
    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        try authorize(.departmentChange)
        let day = try eventDay(date, Field("合并日期", "merge date"))
        return try transaction { w, audit in
            let f = try w.requireDepartment(from, active: false)
            let t = try w.requireDepartment(into, active: false)
            try requireAfterLastEvent(w, from, day, Field("合并日期", "merge date"))
            try Lineage.checkMerge(from: f, into: t, on: day, departments: try w.departmentMap())
            var after = f
            after.active = false; after.successor = t.code; after.mergedOn = day
            try w.update(after, from: f)
            try w.insert(DepartmentEvent(code: f.code, kind: .merge, date: day, into: t.code))
            try unitsMerged(w)
            try audit.record("department.merge", entity: "department", id: f.code, before: f, after: after, claimed: day.string)
            return after
        }
    }

    private func changeUnit(_ code: String, action: String, _ change: (inout Department) -> Void) throws -> Department {
        try transaction { w, audit in
            let before = try w.requireDepartment(code)
            var after = before
            change(&after)
            try w.update(after, from: before)
            try audit.record(action, entity: "department", id: code, before: before, after: after)
            return after
        }
    }

    /// A reorganisation is dated after the unit's last one: its history keeps its order.
    private func requireAfterLastEvent(_ w: Writer, _ code: String, _ day: Day, _ field: Field) throws {
        var last: Day? = nil
        try w.each("SELECT max(date) FROM department_events WHERE code = ? OR \"into\" = ?", [code, code]) { last = $0.day(at: 0) }
        if let last { try Validate.notBefore(day, field, last, Field("该单位上次调整日期", "the unit's last reorganisation")) }
    }
}
