import GRDB
import JiannuoCore

/// Units (单位): townships, sub-districts and county departments, with their lineage (a unit merged into
/// another answers through it).
extension LedgerEngine {
    public func departments(includeInactive: Bool, kind: DepartmentKind?) throws -> [Department] {
        try reading { r in
            var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
            if !includeInactive { conditions.append("active <> 0") }
            if let kind { conditions.append("kind = ?"); arguments.append(kind.rawValue) }
            let w = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try r.records(Department.self, "SELECT * FROM departments\(w) ORDER BY code", arguments)
        }
    }

    /// The code of a unit typed as its code or exact name (refused with candidates otherwise).
    public func unitCode(_ typed: String, asRecord: Bool) throws -> String {
        try DepartmentLookup.resolve(typed, in: try departments(includeInactive: true, kind: nil), asRecord: asRecord)
    }

    public func department(_ code: String) throws -> Department {
        try reading { r in
            guard let d = try r.records(Department.self, "SELECT * FROM departments WHERE code = ?", [code]).first else {
                throw JiannuoError.notFound(RecordKind.department.word, code)
            }
            return d
        }
    }

    /// Renames and merges that concern the unit, in date order.
    public func departmentEvents(_ code: String) throws -> [DepartmentEvent] {
        try reading { r in
            try r.records(DepartmentEvent.self, "SELECT * FROM department_events WHERE code = ? OR \"into\" = ? ORDER BY date, id", [code, code])
        }
    }

    public func predecessors(of code: String) throws -> [Department] {
        try reading { r in Lineage.predecessors(of: code, in: try r.departmentMap()) }
    }

    public func departmentNames() throws -> [String: String] {
        try reading { r in
            var names: [String: String] = [:]
            try r.each("SELECT code, name FROM departments", []) { names[$0.text(0) ?? ""] = $0.text(1) ?? "" }
            return names
        }
    }
}
