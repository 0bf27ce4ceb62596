import Foundation
import GRDB
import JiannuoCore

/// The ledger of one county in a city's PostgreSQL database (its schema `ledger_<county>`). The
/// engine enforces who reads and writes what (roles, row-level security, column grants); the program
/// checks the same role table first so that a refusal reads as it does on SQLite.
///
/// One connection, used by one thread at a time (the dashboard reads on background threads).
/// The account is the database's session user: peer authentication maps the system account to it,
/// and the program refuses to run as any other.
public final class PGStore: Ledger, @unchecked Sendable {
    public let path: String
    public let readOnly: Bool
    public let clock: Clock
    public let operatorName: String
    public let actor: Actor
    public let rules: Rules
    public let calendar: WorkCalendar
    public var engine: String { "PostgreSQL" }
    public var name: String { "\(county)·PostgreSQL" }
    public var exportDirectory: URL {
        URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("jiannuo-exports")
    }
    let schema: String
    let county: String
    let connection: PGConnection
    let lock = NSLock()

    public init(conninfo: String, county: String?, clock: Clock, operatorName: String, rules: Rules? = nil, readOnly: Bool) throws {
        self.clock = clock
        self.operatorName = operatorName
        self.readOnly = readOnly
        self.rules = try rules ?? Rules.bundled()
        do { connection = try PGConnection(conninfo) } catch let e as PGError {
            throw JiannuoError.database("无法连接 PostgreSQL：\(e.message)", "cannot connect to PostgreSQL: \(e.message)")
        }
        let c = connection
        do {
            let role = try c.execute("SELECT session_user").rows.first?[0] ?? ""
            guard role == operatorName else {
                throw JiannuoError.permission("数据库账号 \(Sanitize.visible(role)) 不是当前系统账号 \(operatorName)：操作人取自系统账号，请以同名数据库账号连接（本机用 peer 认证）",
                                              "the database role \(Sanitize.visible(role)) is not the system account \(operatorName): connect as the role of the same name (peer authentication on this host)")
            }
            self.county = try PGStore.chooseCounty(c, county)
            schema = PGSchema.name(county: self.county)
            path = "PostgreSQL \(PGStore.describe(conninfo)) \(schema)"
            try c.execute("SET search_path = \(PGSQL.quoted(schema)), pg_temp")
            let calendar = try PGStore.loadCalendar(c)
            self.calendar = calendar
            actor = try PGStore.loadActor(c, account: operatorName)
            // A liaison reads the complaints through the view that masks the contact it has no grant on.
            if let role = actor.role, RoleTable.isConfined(role) {
                try c.execute("SET search_path = \(PGSQL.quoted(PGSecurity.masked(schema))), \(PGSQL.quoted(schema)), pg_temp")
            }
        } catch let e as PGError {
            throw e.jiannuoError
        }
    }

    /// The county asked for, or the only one the database holds; otherwise the choice is the officer's.
    static func chooseCounty(_ c: PGConnection, _ asked: String?) throws -> String {
        let held = try c.execute("""
            SELECT county FROM jiannuo.ledgers WHERE has_schema_privilege(schema, 'USAGE') ORDER BY county
            """).rows.compactMap { $0[0] }
        if let asked {
            guard held.contains(asked) else {
                throw JiannuoError.notFound("城市库中没有县（区）\(Sanitize.visible(asked))（或无权访问）；可用：\(held.joined(separator: "、"))",
                                            "county \(Sanitize.visible(asked)) is not in the city database (or not yours); there are: \(held.joined(separator: ", "))")
            }
            return asked
        }
        guard held.count == 1 else {
            throw JiannuoError.usage(held.isEmpty ? "城市库中还没有账本：先用 jiannuo migrate 迁入一个县（区）"
                                                  : "城市库中有多个县（区）：请用 --county 指定其一（\(held.joined(separator: "、"))）",
                                     held.isEmpty ? "the city database holds no ledger yet: migrate a county in first"
                                                  : "the city database holds several counties: choose one with --county (\(held.joined(separator: ", ")))")
        }
        return held[0]
    }

    /// The connection string without any password, for messages.
    static func describe(_ conninfo: String) -> String {
        conninfo.replacingOccurrences(of: #"password=\S*"#, with: "password=…", options: .regularExpression)
            .replacingOccurrences(of: #"://([^:@/]*):[^@/]*@"#, with: "://$1:…@", options: .regularExpression)
    }

    static func loadCalendar(_ c: PGConnection) throws -> WorkCalendar {
        var years: [Int: CalendarYear] = [:]
        for y in try Resources.calendarYears() { years[y.year] = y }
        for r in try c.execute("SELECT year, source FROM calendar_years").rows {
            let y = try CalendarFile.parse(r[1] ?? "", source: "数据库中的 \(r[0] ?? "") 年日历")
            years[y.year] = y
        }
        let overrides = try c.execute("SELECT date, kind, note FROM calendar_overrides").rows.compactMap { r -> CalendarOverride? in
            guard let d = r[0].flatMap(Day.init), let k = r[1].flatMap(CalendarOverride.Kind.init(rawValue:)) else { return nil }
            return CalendarOverride(date: d, kind: k, note: r[2])
        }
        return WorkCalendar(years: years.keys.sorted().map { years[$0]! }, overrides: overrides)
    }

    static func loadActor(_ c: PGConnection, account: String) throws -> Actor {
        let rows = try c.execute("SELECT * FROM users WHERE account = $1", [account])
        guard !rows.rows.isEmpty, let a = try rows.records(Account.self).first, a.active else { return Actor(account: account, role: nil) }
        var units: Set<String> = []
        if let d = a.department {
            let map = Dictionary(uniqueKeysWithValues: try c.execute("SELECT * FROM departments").records(Department.self).map { ($0.code, $0) })
            units = Set([d] + Lineage.predecessors(of: d, in: map).map(\.code))
        }
        return Actor(account: account, role: a.role, department: a.department, departments: units)
    }

    /// Reads in one snapshot: every statement of `body` sees the same committed state.
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        do {
            return try connection.transaction {
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                return try body(connection)
            }
        } catch let e as PGError { throw e.jiannuoError }
    }

    /// Something this engine does not do yet: said plainly, nothing written.
    static func notYet(_ what: String, _ english: String) -> JiannuoError {
        .database("PostgreSQL 账本暂不支持\(what)：请在 SQLite 账本上进行", "the PostgreSQL ledger does not support \(english) yet; use a SQLite ledger")
    }

    // MARK: the engine

    /// Changes whenever a write commits: every write appends to the audit log, whose head moves.
    public func dataVersion() throws -> Int {
        try read { c in
            let head = try c.execute("SELECT value FROM meta WHERE key = 'audit_head'").rows.first?[0] ?? ""
            var h = Hasher()
            h.combine(head)
            return h.finalize()
        }
    }

    public func configGeneration() throws -> Int {
        try read { c in Int(try c.execute("SELECT value FROM meta WHERE key = 'config_generation'").rows.first?[0] ?? "0") ?? 0 }
    }

    /// The engine's side of the ledger's health: every table under forced row security, the audit
    /// log refusing change, no grant beyond what the role table gives.
    public func engineCheck() throws -> [String] {
        try read { c in try PGEngineCheck.problems(c, schema: schema) }.ifEmpty(["ok"])
    }
}

extension Array where Element == String {
    func ifEmpty(_ other: [String]) -> [String] { isEmpty ? other : self }
}
