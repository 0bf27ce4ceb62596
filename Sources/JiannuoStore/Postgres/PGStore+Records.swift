import Foundation
import GRDB
import JiannuoCore

/// Records and lists, as `Store` gives them: the same filters, orders and refusals. Row security
/// already confines a liaison; the role table is checked first so that the refusal reads the same.
extension PGStore {
    /// How one kind of record is listed: its unit and date columns, its order, and what its statuses mean.
    struct ListSpec: Sendable {
        let table: String
        let unit: String
        let date: String
        let order: String
        /// The condition of a status word (a value checked against its vocabulary, never spliced raw).
        let status: @Sendable (String) throws -> String
        /// `to` is inclusive of the whole day for times (complaints), of the day itself for days.
        var timeColumn = false
    }

    /// `SELECT *` of a list with its filter, in its order, one page.
    func list(_ spec: ListSpec, _ f: ListFilter, extra: [(String, String)] = [], count: Bool = false) throws -> PGRows {
        let f = try confinedFilter(f)
        return try read { c in
            let (sql, params) = try listSQL(c, spec, f, extra: extra, count: count)
            return try c.execute(sql, params)
        }
    }

    /// The same list row by row through a cursor: an export of millions of rows never sits in memory.
    /// Exports go in id order, as on SQLite.
    func stream(_ spec: ListSpec, _ f: ListFilter, _ body: (PGRow) throws -> Void) throws {
        let f = try confinedFilter(f)
        try read { c in
            let (sql, params) = try listSQL(c, spec, f, extra: [], count: false, order: "id")
            try c.each(sql, params) { try body(PGRow(values: $0)) }
        }
    }

    private func confinedFilter(_ f: ListFilter) throws -> ListFilter {
        try actor.require(.read)
        var f = f
        if let typed = f.department { f.department = try unitCode(typed, asRecord: false) }
        return try actor.confine(f)
    }

    private func listSQL(_ c: PGConnection, _ spec: ListSpec, _ f: ListFilter, extra: [(String, String)], count: Bool,
                         order: String? = nil) throws -> (String, [String?]) {
        var conditions: [String] = [], params: [String?] = []
        func param(_ v: String) -> String { params.append(v); return "$\(params.count)" }
        for (condition, value) in extra { conditions.append(condition.replacingOccurrences(of: "?", with: param(value))) }
        if let d = f.department {
            let units = try lineage(c, d)
            conditions.append("\(spec.unit) IN (\(units.map(param).joined(separator: ", ")))")
        }
        if let s = f.status { conditions.append(try spec.status(s)) }
        if let category = f.category { conditions.append("category = \(param(String(category)))") }
        if let from = f.from { conditions.append("\(spec.date) >= \(param(from.string))") }
        if let to = f.to {
            conditions.append(spec.timeColumn ? "\(spec.date) < \(param(to.adding(days: 1).string))" : "\(spec.date) <= \(param(to.string))")
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        if count { return ("SELECT count(*) FROM \(spec.table)\(whereClause)", params) }
        var sql = "SELECT * FROM \(spec.table)\(whereClause) ORDER BY \(order ?? spec.order)"
        if let limit = f.limit { sql += " LIMIT \(max(0, limit))" }
        if f.offset > 0 { sql += " OFFSET \(f.offset)" }
        return (sql, params)
    }

    static func invalid(_ zh: String, _ en: String) -> JiannuoError { .invalid(zh, en) }

    static let complaintList = ListSpec(table: "complaints", unit: "department", date: "received", order: "received DESC, id DESC", status: { s in
        switch s {
        case "open": return "responded_at IS NULL"
        case "received": return "accepted_at IS NULL"
        case "accepted": return "accepted_at IS NOT NULL AND resolved_at IS NULL"
        case "resolved": return "resolved_at IS NOT NULL AND responded_at IS NULL"
        case "responded": return "responded_at IS NOT NULL"
        default:
            throw invalid("投诉状态“\(Sanitize.visible(s))”无效，可选：open、received、accepted、resolved、responded",
                          "complaint status must be open, received, accepted, resolved or responded")
        }
    }, timeColumn: true)

    static let commitmentList = ListSpec(table: "commitments", unit: "department", date: "made", order: "deadline, id", status: { s in
        s == "open" ? "status IN ('not_started','in_progress','stalled')"
            : "status = \(PGSQL.literal(try CommitmentStatus.parse(s, Field("状态", "status")).rawValue))"
    })

    static let breachList = ListSpec(table: "breaches", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        switch s {
        case "reported": return "reported_on IS NOT NULL"
        case "unreported": return "reported_on IS NULL"
        default: throw invalid("失信记录状态只能是 reported 或 unreported", "breach status must be reported or unreported")
        }
    })

    static let rectificationList = ListSpec(table: "rectifications", unit: "unit", date: "opened", order: "deadline, id", status: { s in
        switch s {
        case "open": return "completed_on IS NULL"
        case "done": return "completed_on IS NOT NULL"
        default: throw invalid("整改状态只能是 open 或 done", "rectification status must be open or done")
        }
    })

    static let accountabilityList = ListSpec(table: "accountability", unit: "department", date: "date", order: "date DESC, id DESC",
                                             status: { _ in "true" })

    static let opinionList = ListSpec(table: "opinions", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        switch s {
        case "open": return "handled_on IS NULL"
        case "handled": return "handled_on IS NOT NULL"
        default: return "severity = \(PGSQL.literal(try Severity.parse(s, Field("状态或级别", "status or severity")).rawValue))"
        }
    })

    static let escalationList = ListSpec(table: "escalations", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        guard let kind = Escalation.Kind(rawValue: s) else {
            throw invalid("上报事项类型只能是 " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: "、"),
                          "kind is one of " + Escalation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return "kind = \(PGSQL.literal(kind.rawValue))"
    })

    static let findingList = ListSpec(table: "findings", unit: "department", date: "date", order: "date DESC, id DESC", status: { s in
        guard let severity = Severity(rawValue: s) else {
            throw invalid("发现问题的级别只能是 low、medium 或 high", "a finding's severity is low, medium or high")
        }
        return "severity = \(PGSQL.literal(severity.rawValue))"
    })

    func countOf(_ rows: PGRows) -> Int { Int(rows.rows.first?[0] ?? "0") ?? 0 }

    /// A unit and every unit merged into it.
    func lineage(_ c: PGConnection, _ code: String) throws -> [String] { try PGReader(connection: c).lineage(code) }

    func departmentMap(_ c: PGConnection) throws -> [String: Department] { try PGReader(connection: c).departmentMap() }

    /// One record by id, or "not found" (66); a liaison asking for another unit's record gets 77.
    func one<T>(_ table: String, _ id: String, _ what: Text, unit: (T) -> String?, _ decode: (PGRows) throws -> [T]) throws -> T {
        try actor.require(.read)
        let found = try read { c in try decode(try c.execute("SELECT * FROM \(table) WHERE id = $1", [id])) }.first
        guard let found else { throw actor.missing(what, id, hiddenByEngine: true) }
        if let d = unit(found) { try actor.requireVisible(d) }
        return found
    }

    static func complaints(_ r: PGRows) throws -> [Complaint] { try r.positional.map { try Complaint(positional: $0) } }
    static func commitments(_ r: PGRows) throws -> [Commitment] { try r.positional.map { try Commitment(positional: $0) } }
    static func breaches(_ r: PGRows) throws -> [Breach] { try r.positional.map { try Breach(positional: $0) } }
    static func named<T: FetchableRecord>(_ r: PGRows) throws -> [T] { try r.records(T.self) }

    // MARK: complaints and commitments

    public func complaint(_ id: String) throws -> Complaint {
        try one("complaints", id, Text("投诉", "complaint"), unit: { $0.department }, PGStore.complaints)
    }

    public func complaints(_ f: ListFilter) throws -> [Complaint] { try PGStore.complaints(try list(PGStore.complaintList, f)) }
    public func complaintCount(_ f: ListFilter) throws -> Int { countOf(try list(PGStore.complaintList, f, count: true)) }

    public func commitment(_ id: String) throws -> Commitment {
        try one("commitments", id, Text("承诺", "commitment"), unit: { $0.department }, PGStore.commitments)
    }

    public func commitments(_ f: ListFilter) throws -> [Commitment] { try PGStore.commitments(try list(PGStore.commitmentList, f)) }
    public func commitmentCount(_ f: ListFilter) throws -> Int { countOf(try list(PGStore.commitmentList, f, count: true)) }

    public func commitmentEntries(_ id: String) throws -> [CommitmentEntry] {
        _ = try commitment(id)
        return try read { c in try c.execute("SELECT * FROM commitment_entries WHERE commitment = $1 ORDER BY date, id", [id]).records(CommitmentEntry.self) }
    }

    public func amendments(_ id: String) throws -> [Amendment] {
        _ = try commitment(id)
        return try read { c in try c.execute("SELECT * FROM amendments WHERE commitment = $1 ORDER BY date, id", [id]).records(Amendment.self) }
    }

    public func eachComplaint(_ f: ListFilter, _ body: (Complaint) throws -> Void) throws {
        try stream(PGStore.complaintList, f) { try body(try Complaint(positional: $0)) }
    }

    public func eachCommitment(_ f: ListFilter, _ body: (Commitment) throws -> Void) throws {
        try stream(PGStore.commitmentList, f) { try body(try Commitment(positional: $0)) }
    }

    // MARK: breaches and what follows them

    public func breach(_ id: String) throws -> Breach { try one("breaches", id, Text("失信记录", "breach"), unit: { $0.department }, PGStore.breaches) }
    public func breaches(_ f: ListFilter) throws -> [Breach] { try PGStore.breaches(try list(PGStore.breachList, f)) }

    public func rectifications(_ f: ListFilter, breach: String?) throws -> [Rectification] {
        try PGStore.named(try list(PGStore.rectificationList, f, extra: breach.map { [("breach = ?", $0)] } ?? []))
    }

    public func accountability(_ f: ListFilter, breach: String?) throws -> [Accountability] {
        try PGStore.named(try list(PGStore.accountabilityList, f, extra: breach.map { [("(breach = ? OR complaint = ? OR finding = ?)", $0)] } ?? []))
    }

    public func opinions(_ f: ListFilter) throws -> [OpinionEvent] { try PGStore.named(try list(PGStore.opinionList, f)) }

    public func escalations(_ f: ListFilter, record: String?) throws -> [Escalation] {
        try PGStore.named(try list(PGStore.escalationList, f, extra: record.map { [("record = ?", $0)] } ?? []))
    }

    public func findings(_ f: ListFilter, round: String?) throws -> [Finding] {
        try PGStore.named(try list(PGStore.findingList, f, extra: round.map { [("round = ?", $0)] } ?? []))
    }

    public func finding(_ id: String) throws -> Finding {
        try one("findings", id, Text("检查发现问题", "finding"), unit: { $0.department }, PGStore.named)
    }

    public func inspections(openOn day: Day?) throws -> [InspectionRound] {
        try actor.require(.read)
        return try read { c in
            try (day.map { try c.execute("SELECT * FROM inspections WHERE to_day >= $1 ORDER BY from_day DESC, id DESC", [$0.string]) }
                ?? c.execute("SELECT * FROM inspections ORDER BY from_day DESC, id DESC")).records(InspectionRound.self)
        }
    }

    public func inspection(_ id: String) throws -> InspectionRound {
        try one("inspections", id, Text("督促检查", "inspection round"), unit: { (_: InspectionRound) in nil }, PGStore.named)
    }

    // MARK: units

    public func departments(includeInactive: Bool, kind: DepartmentKind?) throws -> [Department] {
        try read { c in
            var conditions: [String] = [], params: [String?] = []
            if !includeInactive { conditions.append("active <> 0") }
            if let kind { params.append(kind.rawValue); conditions.append("kind = $1") }
            let w = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try c.execute("SELECT * FROM departments\(w) ORDER BY code", params).records(Department.self)
        }
    }

    public func unitCode(_ typed: String, asRecord: Bool) throws -> String {
        try DepartmentLookup.resolve(typed, in: try departments(includeInactive: true, kind: nil), asRecord: asRecord)
    }

    public func department(_ code: String) throws -> Department {
        guard let d = try read({ c in try c.execute("SELECT * FROM departments WHERE code = $1", [code]).records(Department.self) }).first else {
            throw Store.notFound(Text("单位", "department"), code)
        }
        return d
    }

    public func departmentEvents(_ code: String) throws -> [DepartmentEvent] {
        try read { c in
            try c.execute("SELECT * FROM department_events WHERE code = $1 OR \"into\" = $1 ORDER BY date, id", [code]).records(DepartmentEvent.self)
        }
    }

    public func predecessors(of code: String) throws -> [Department] {
        try read { c in Lineage.predecessors(of: code, in: try departmentMap(c)) }
    }

    public func departmentNames() throws -> [String: String] {
        try read { c in
            Dictionary(uniqueKeysWithValues: try c.execute("SELECT code, name FROM departments").rows.map { ($0[0] ?? "", $0[1] ?? "") })
        }
    }

    public func calendarOverrides() throws -> [CalendarOverride] { try read { c in try CalendarReads.overrides(PGReader(connection: c)) } }

    public func draft(kind: String) throws -> Draft? {
        try read { c in
            try c.execute("SELECT kind, data, saved_at FROM drafts WHERE operator = $1 AND kind = $2", [operatorName, kind]).rows.first.map {
                Draft(kind: $0[0] ?? kind, data: $0[1] ?? "", savedAt: $0[2] ?? "")
            }
        }
    }

    // MARK: accounts and the log

    public func accounts() throws -> [Account] {
        try actor.require(.read)
        return try read { c in try c.execute("SELECT * FROM users ORDER BY account").records(Account.self) }
    }

    public func auditEntries(entity: String?, id: String?, limit: Int?) throws -> [AuditEntry] {
        if let role = actor.role, RoleTable.isConfined(role) {
            throw JiannuoError.permission("单位联络员不能查看审计日志（其中有其他单位的记录）", "a liaison may not read the audit log")
        }
        try actor.require(.read)
        return try read { c in
            var conditions: [String] = [], params: [String?] = []
            if let entity { params.append(entity); conditions.append("entity = $\(params.count)") }
            if let id { params.append(id); conditions.append("entity_id = $\(params.count)") }
            let w = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try c.execute("SELECT * FROM audit_log\(w) ORDER BY seq DESC\(limit.map { " LIMIT \($0)" } ?? "")", params).records(AuditEntry.self)
        }
    }

    public func verifyAudit(anchor: AuditChain.Anchor?, progress: ((String) -> Void)?) throws -> AuditChain.Report {
        try actor.require(.read)
        lock.lock(); defer { lock.unlock() }
        do { return try PGLedgerCheck.verify(connection, schema: schema, anchor: anchor, progress: progress) } catch let e as PGError { throw e.jiannuoError }
    }

    public func auditAnchor() throws -> (anchor: AuditChain.Anchor, at: String)? {
        try read { c in
            guard let r = try c.execute("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1").rows.first,
                  let seq = r[0].flatMap({ Int64($0) }), let hash = r[1] else { return nil }
            return (AuditChain.Anchor(seq: seq, hash: hash), r[2] ?? "")
        }
    }
}
