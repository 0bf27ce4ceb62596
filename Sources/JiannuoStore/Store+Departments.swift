import GRDB
import JiannuoCore

extension Store {
    public func addDepartment(code: String, name: String, kind: DepartmentKind) throws -> Department {
        try LedgerWrites(self).addDepartment(code: code, name: name, kind: kind)
    }

    public func renameDepartment(code: String, name: String, date: Day?) throws -> Department {
        try LedgerWrites(self).renameDepartment(code: code, name: name, date: date)
    }

    public func setContact(code: String, phone: String?, email: String?) throws -> Department {
        try LedgerWrites(self).setContact(code: code, phone: phone, email: email)
    }

    public func setLetter(code: String, text: String?) throws -> Department { try LedgerWrites(self).setLetter(code: code, text: text) }

    public func mergeDepartment(from: String, into: String, date: Day?) throws -> Department {
        try LedgerWrites(self).mergeDepartment(from: from, into: into, date: date)
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
