import GRDB
import JiannuoCore

/// Where the role table (Core's `RoleTable`) is applied before any SQL runs, on both engines: a write
/// the role must allow, a record the actor may read, and the liaison's filter, which confines every
/// list, pane and count to its unit and the units merged into it. PostgreSQL's row security holds a
/// liaison to the same rows in the engine; the program asks first so that a refusal reads the same.
extension Ledger {
    /// A write the actor's role must allow, on a record of `department` if given. Writing under a
    /// `--today` other than the real date is for admins (demos, tests, entering old records).
    func authorize(_ p: Permission, department: String? = nil) throws {
        try actor.require(p, department: department)
        if !clock.isReal { try actor.require(.writeOtherDay) }
    }

    /// A list's filter as the actor may ask it: a unit typed by name becomes its code, and a liaison's
    /// own unit is put in (another unit is refused, 77).
    func confined<R: SQLReader>(_ f: ListFilter, _ r: R) throws -> ListFilter {
        try actor.require(.read)
        var f = f
        if let typed = f.department { f.department = try DepartmentLookup.resolve(typed, in: try r.records(Department.self, "SELECT * FROM departments", [])) }
        return try actor.confine(f)
    }

    /// ` AND column IN (…)` for a liaison's queries (`columns`: the unit columns, any of which may
    /// match), else nothing.
    func liaisonFilter(_ columns: String...) -> (sql: String, arguments: [DatabaseValueConvertible]) {
        guard let role = actor.role, RoleTable.isConfined(role) else { return ("", []) }
        let units = actor.departments.sorted()
        let list = placeholders(units.count)
        return (" AND (" + columns.map { "\($0) IN (\(list))" }.joined(separator: " OR ") + ")",
                Array(repeating: units, count: columns.count).flatMap { $0 })
    }

    /// Whether the actor reads only its own unit (a liaison).
    var isConfined: Bool { actor.role.map(RoleTable.isConfined) ?? false }
}

/// The reading rules both engines apply before they ask their database.
extension Actor {
    /// A record the actor may read: a liaison sees only its own unit (77 otherwise, not 66).
    func requireVisible(_ department: String) throws {
        try require(.read)
        guard sees(department) else { throw onlyOwnUnit }
    }

    var onlyOwnUnit: JiannuoError {
        .permission("单位联络员只能查看本单位（\(department ?? "")）的记录", "a liaison sees only its own unit's records")
    }

    /// A record not found. Where the engine hides other units' rows (PostgreSQL's row security) a
    /// liaison cannot tell "not there" from "not yours", and is told why it may not see it, as on SQLite.
    func missing(_ what: Text, _ id: String, hiddenByEngine: Bool) -> JiannuoError {
        if hiddenByEngine, let role, RoleTable.isConfined(role) { return onlyOwnUnit }
        return .notFound(what, id)
    }

    /// A list's filter with a liaison's own unit put in (its department already a code).
    func confine(_ f: ListFilter) throws -> ListFilter {
        guard let role, RoleTable.isConfined(role), let own = department else { return f }
        if let asked = f.department, !departments.contains(asked) { throw onlyOwnUnit }
        var g = f
        if g.department == nil { g.department = own }
        return g
    }
}

extension JiannuoError {
    /// "找不到投诉 TS-…" (66).
    static func notFound(_ what: Text, _ id: String) -> JiannuoError {
        .notFound("找不到\(what.zh) \(Sanitize.visible(id))", "\(what.en) \(Sanitize.visible(id)) not found")
    }
}
