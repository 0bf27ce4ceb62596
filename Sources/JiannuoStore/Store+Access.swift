import GRDB
import JiannuoCore

extension Ledger {
    /// A write the actor's role must allow, on a record of `department` if given. Writing under a
    /// `--today` other than the real date is for admins (demos, tests, entering old records).
    func authorize(_ p: Permission, department: String? = nil) throws {
        try actor.require(p, department: department)
        if !clock.isReal { try actor.require(.writeOtherDay) }
    }
}

extension Store {

    /// A record the actor may read: a liaison sees only its own unit (77 otherwise, not 66).
    func visible(_ department: String) throws { try actor.requireVisible(department) }

    /// The department filter a list must keep: a liaison's own unit, whatever was asked.
    /// A unit asked for by name becomes its code here, for every list.
    func confined(_ f: ListFilter, _ db: Database? = nil) throws -> ListFilter {
        try actor.require(.read)
        var f = f
        if let typed = f.department { f.department = try db.map { try unitCode($0, typed) } ?? read { db in try unitCode(db, typed) } }
        return try actor.confine(f)
    }

    /// ` AND department IN (…)` for a liaison's queries (`column` names the unit column), else nothing.
    func confinedSQL(_ column: String = "department") -> (String, [DatabaseValueConvertible]) {
        guard let role = actor.role, RoleTable.isConfined(role) else { return ("", []) }
        let units = actor.departments.sorted()
        return (" AND \(column) IN (\(units.map { _ in "?" }.joined(separator: ",")))", units)
    }
}

/// The reading rules both engines apply before they ask their database.
extension Actor {
    /// A record the actor may read: a liaison sees only its own unit (77 otherwise, not 66).
    func requireVisible(_ department: String) throws {
        try require(.read)
        guard sees(department) else {
            throw JiannuoError.permission("单位联络员只能查看本单位（\(self.department ?? "")）的记录", "a liaison sees only its own unit's records")
        }
    }

    /// A record not found. Where the engine hides other units' rows (PostgreSQL's row security) a
    /// liaison cannot tell "not there" from "not yours", and is told why it may not see it, as on SQLite.
    func missing(_ what: Text, _ id: String, hiddenByEngine: Bool) -> JiannuoError {
        if hiddenByEngine, let role, RoleTable.isConfined(role) {
            return .permission("单位联络员只能查看本单位（\(department ?? "")）的记录", "a liaison sees only its own unit's records")
        }
        return Store.notFound(what, id)
    }

    /// A list's filter with a liaison's own unit put in (its department already a code).
    func confine(_ f: ListFilter) throws -> ListFilter {
        guard let role, RoleTable.isConfined(role), let own = department else { return f }
        if let asked = f.department, !departments.contains(asked) {
            throw JiannuoError.permission("单位联络员只能查看本单位（\(own)）的记录", "a liaison sees only its own unit's records")
        }
        var g = f
        if g.department == nil { g.department = own }
        return g
    }
}
