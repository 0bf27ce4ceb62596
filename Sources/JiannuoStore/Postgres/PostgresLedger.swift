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
public final class PostgresLedger: @unchecked Sendable {
    public let path: String
    public let readOnly: Bool
    public let clock: Clock
    public let operatorName: String
    public let actor: Actor
    public let rules: Rules
    public let calendar: WorkCalendar
    public var engine: EngineKind { .postgres }
    public var name: String { "\(county)·PostgreSQL" }
    public var exportDirectory: URL {
        URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("jiannuo-exports")
    }
    let schema: String
    let county: String
    let connection: PGConnection
    let lock = NSLock()
    /// Guarded by `lock`: whether the connection listens to the county's channel, and how many writes it heard.
    private var listening = false
    private var heard = 0
    /// The audit head when last looked: a notification counts only when the chain moved.
    private var head: String?
    /// The socket once listening: read without `lock`, which a long read may hold while the dashboard waits.
    private let announcer = Locked<Int32?>(nil)

    public init(conninfo: String, county: String?, clock: Clock, operatorName: String, rules: Rules? = nil, readOnly: Bool) throws {
        self.operatorName = operatorName
        self.readOnly = readOnly
        self.rules = try rules ?? Rules.bundled()
        do { connection = try PGConnection(conninfo) } catch let e as PGError {
            throw JiannuoError.database("无法连接 PostgreSQL：\(e.message)", "cannot connect to PostgreSQL: \(e.message)")
        }
        let c = connection
        do {
            let role = c.sessionUser
            guard role == operatorName else {
                throw JiannuoError.permission("数据库账号 \(Sanitize.visible(role)) 不是当前系统账号 \(operatorName)：操作人取自系统账号，请以同名数据库账号连接（本机用 peer 认证）",
                                              "the database role \(Sanitize.visible(role)) is not the system account \(operatorName): connect as the role of the same name (peer authentication on this host)")
            }
            self.county = try PostgresLedger.chooseCounty(c, county)
            schema = PGSchema.name(county: self.county)
            path = "PostgreSQL \(PostgresLedger.describe(conninfo)) \(schema)"
            c.executeWithNext("SET search_path = \(PGSQL.quoted(schema)), pg_temp")
            try PostgresLedger.requireCurrent(c, schema: schema)
            self.clock = clock.inZone(try CalendarReads.officeZone(PGReader(connection: c)))
            calendar = try CalendarReads.calendar(PGReader(connection: c))
            actor = try Actor.load(PGReader(connection: c), account: operatorName)
            // A role that may not see contacts reads the complaints and the log through the views that mask them.
            if let role = actor.role, !PGSecurity.seesContacts(role) {
                try c.execute("SET search_path = \(PGSQL.quoted(PGSecurity.masked(schema))), \(PGSQL.quoted(schema)), pg_temp")
            }
        } catch let e as PGError {
            throw e.jiannuoError
        }
    }

    /// A county's schema made by another version of the program is refused before anything reads it: its
    /// tables, functions and grants are that version's, and this one neither upgrades them in place nor may
    /// rely on guards they lack.
    static func requireCurrent(_ c: PGConnection, schema: String) throws {
        let recorded = Set(try c.execute("SELECT identifier FROM grdb_migrations").rows.compactMap { $0[0] })
        let missing = PGSchema.migrations.filter { !recorded.contains($0) }
        let unknown = recorded.subtracting(PGSchema.migrations).sorted()
        if !missing.isEmpty {
            throw JiannuoError.database(
                "城市库中 \(schema) 的结构早于本程序（缺 \(missing.joined(separator: "、"))）：本程序不在原处升级城市库；请用建立它的版本 export --all，再用本程序 import --all 到新账本文件并 migrate（见 README）",
                "\(schema) in the city database is older than this program (it lacks \(missing.joined(separator: ", "))): this program does not upgrade a city database in place; export --all with the version that made it, then import --all into a new ledger file and migrate it with this one (README)")
        }
        if !unknown.isEmpty {
            throw JiannuoError.database("城市库中 \(schema) 的结构比本程序新（\(unknown.map { Sanitize.visible($0) }.joined(separator: "、"))）：请使用新版 jiannuo",
                                        "\(schema) in the city database is newer than this program (\(unknown.map { Sanitize.visible($0) }.joined(separator: ", "))): use a newer jiannuo")
        }
    }

    /// The counties of a city database the connecting role may read, by code.
    public static func counties(conninfo: String) throws -> [String] {
        do { return try heldCounties(try PGConnection(conninfo)) } catch let e as PGError { throw e.jiannuoError }
    }

    static func heldCounties(_ c: PGConnection) throws -> [String] {
        // A database no county has joined yet has no registry either: its absence is the answer (asked
        // for once rather than looked up first, a round trip on every opening). Never inside a transaction,
        // which the refusal would end.
        do {
            return try c.execute("SELECT county FROM jiannuo.ledgers WHERE has_schema_privilege(schema, 'USAGE') ORDER BY county").rows.compactMap { $0[0] }
        } catch let e as PGError where e.sqlState == "42P01" || e.sqlState == "3F000" {
            return []
        }
    }

    /// The county asked for, or the only one the database holds; otherwise the choice is the officer's.
    static func chooseCounty(_ c: PGConnection, _ asked: String?) throws -> String {
        let held = try heldCounties(c)
        if let asked {
            guard held.contains(asked) else {
                throw JiannuoError.notFound("城市库中没有县（区）\(Sanitize.visible(asked))（或无权访问）；可用：\(held.joined(separator: "、"))",
                                            "county \(Sanitize.visible(asked)) is not in the city database (or not yours); there are: \(held.joined(separator: ", "))")
            }
            return asked
        }
        guard held.count == 1 else {
            throw JiannuoError.usage(held.isEmpty ? "城市库中还没有账本：先用 jiannuo init 或 migrate 建立一个县（区）的账本"
                                                  : "城市库中有多个县（区）：请用 --county 指定其一（\(held.joined(separator: "、"))）",
                                     held.isEmpty ? "the city database holds no ledger yet: init or migrate a county first"
                                                  : "the city database holds several counties: choose one with --county (\(held.joined(separator: ", ")))")
        }
        return held[0]
    }

    /// The connection string without any password, for messages.
    static func describe(_ conninfo: String) -> String {
        conninfo.replacingOccurrences(of: #"password=\S*"#, with: "password=…", options: .regularExpression)
            .replacingOccurrences(of: #"://([^:@/]*):[^@/]*@"#, with: "://$1:…@", options: .regularExpression)
    }

    /// Reads in one snapshot: every statement of `body` sees the same committed state.
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        do {
            return try connection.transaction(PGConnection.snapshotReading) { try body(connection) }
        } catch let e as PGError { throw e.jiannuoError }
    }

    // MARK: the engine

    /// Changes whenever a write to this county commits, here or on another host: every write appends
    /// to the audit log, whose function notifies the county's channel. Reading what the server has sent
    /// asks nothing of it, so the dashboard can look as often as it redraws. Any role may NOTIFY any
    /// channel, so a notification is only a reason to look: the version moves when the audit head did.
    /// The server checkpoints by itself.
    public func checkpointWhenIdle() -> Bool { false }

    public func dataVersion() throws -> Int {
        lock.lock(); defer { lock.unlock() }
        do {
            if !listening {
                connection.executeWithNext("LISTEN \(PGSQL.quoted(PGAuditSQL.channel(schema)))")
                head = try auditHead()
                listening = true
                announcer.set(connection.socket)
            }
            if !(try connection.notifications()).isEmpty {
                let now = try auditHead()
                if now != head { head = now; heard += 1 }
            }
            return heard
        } catch let e as PGError { throw e.jiannuoError }
    }

    /// The head of the county's audit chain as committed (caller holds `lock`).
    private func auditHead() throws -> String? { try connection.execute("SELECT value FROM meta WHERE key = 'audit_head'").rows.first?[0] }

    /// The connection's socket once it listens: a notification makes it readable.
    public var changeDescriptor: Int32? { announcer.update { $0 } }

    /// The engine's side of the ledger's health: every table under forced row security, the audit
    /// log refusing change, no grant beyond what the role table gives.
    public func engineCheck() throws -> [String] {
        try read { c in try PGEngineCheck.problems(c, schema: schema) }.ifEmpty(["ok"])
    }
}

extension PostgresLedger: LedgerEngine {
    func reading<T>(_ body: (PGReader) throws -> T) throws -> T { try read { c in try body(PGReader(connection: c)) } }

    /// One transaction, every change followed by an audit row appended through `jn_audit_append`
    /// before it commits; the engine refuses a commit that leaves a change unaudited.
    func transaction<T>(_ body: (PGReader, any AuditAppending) throws -> T) throws -> T {
        guard !readOnly else {
            throw JiannuoError.database("数据库 \(path) 以只读方式打开，不能写入", "the database \(path) is open read-only; nothing was written")
        }
        lock.lock(); defer { lock.unlock() }
        do {
            return try connection.transaction {
                try actor.requireStanding(PGReader(connection: connection, schema: schema))
                return try body(PGReader(connection: connection, schema: schema), PGAudit(connection: connection, clock: clock))
            }
        } catch let e as PGError { throw e.jiannuoError }
    }

    /// After a merge the liaisons of the unit merged into see its records: their `role_units` again.
    func unitsMerged(_ w: PGReader) throws {
        for a in try w.records(Account.self, "SELECT * FROM users WHERE role = 'liaison' AND active = 1", []) {
            try accountWritten(w, a)
        }
    }

    /// An account is also a login role: granted its county's group for its role (a liaison its units),
    /// or none once disabled, in the same transaction as its row.
    func accountWritten(_ w: PGReader, _ a: Account) throws {
        let units = a.role == .liaison && a.active ? try a.department.map { try w.lineage($0) } ?? [] : []
        try PGRoles.grant(w.connection, schema: schema, account: a, units: units)
    }

    func missingKeptCountTriggers(_ r: PGReader) throws -> [String] {
        var enabled: Set<String> = []
        try r.each("""
            SELECT g.tgname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND g.tgenabled <> 'D'
            """, [schema]) { if let name = $0.text(0) { enabled.insert(name) } }
        return PGKeptCounts.triggerNames.filter { !enabled.contains($0) }
    }

    /// The owner's function: officers have no grant on a kept table.
    func rebuildKeptCountTables(_ w: PGReader) throws { try w.execute("SELECT jn_rebuild_counts()", []) }

    public func verifyAudit(anchor: AuditChain.Anchor?, progress: ((String) -> Void)?) throws -> AuditChain.Report {
        try actor.require(.read)
        // Every row is hashed as stored, contacts included: on the city database that is a reveal's to do.
        if let role = actor.role, !PGSecurity.seesContacts(role) {
            throw JiannuoError.permission("在城市库中核验审计链要读取每条记录的原文（含投诉人联系方式）：只有领导或管理员可以核验",
                                          "verifying the chain on the city database reads every record as stored, contacts included: a leader or an admin verifies")
        }
        lock.lock(); defer { lock.unlock() }
        do { return try PGLedgerCheck.verify(connection, schema: schema, anchor: anchor, progress: progress) } catch let e as PGError { throw e.jiannuoError }
    }
}

extension Array where Element == String {
    func ifEmpty(_ other: [String]) -> [String] { isEmpty ? other : self }
}
