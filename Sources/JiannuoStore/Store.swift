import Foundation
import GRDB
import JiannuoCore

/// The ledger's database: owns the connection pool, the migrator, the calendar and the rules,
/// and offers intent methods (add a complaint, accept it …). Nothing else writes SQL.
public final class Store: Sendable {
    public let path: String
    public let readOnly: Bool
    let pool: DatabasePool
    public let clock: Clock
    public let operatorName: String
    public let rules: Rules
    /// The working-day calendar as it was when the Store opened: shipped years, years loaded into
    /// the database, officers' overrides. Writes read it afresh inside their transaction
    /// (`currentCalendar`), so a change by another officer applies to the very next write.
    public let calendar: WorkCalendar

    public init(path: String, clock: Clock, operatorName: String, rules: Rules? = nil, readOnly: Bool = false,
                create: Bool = true) throws {
        self.path = path
        self.clock = clock
        self.operatorName = operatorName
        self.rules = try rules ?? Rules.bundled()
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if !exists && (readOnly || !create) {
            throw JiannuoError.database("数据库文件不存在：\(path)（请先运行 jiannuo init 或 jiannuo demo）",
                                        "database not found: \(path) (run jiannuo init or jiannuo demo first)")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !exists && !dir.isEmpty && !fm.fileExists(atPath: dir) {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw JiannuoError.database("无法创建数据库目录 \(dir)：\(error.localizedDescription)",
                                            "cannot create the database directory \(dir): \(error.localizedDescription)")
            }
        }
        // A read-only file is opened read-only, so that reading still works and writes are refused clearly.
        let writable = !readOnly && (!exists || fm.isWritableFile(atPath: path)) && (exists || fm.isWritableFile(atPath: dir.isEmpty ? "." : dir))
        self.readOnly = !writable
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = !writable
        config.label = "jiannuo"
        do {
            pool = try DatabasePool(path: path, configuration: config)
            let migrator = Schema.migrator
            if writable {
                try pool.write { db in
                    if try migrator.hasBeenSuperseded(db) { throw Store.newerSchema(path) }
                }
                try migrator.migrate(pool)
            } else {
                try pool.read { db in
                    if try migrator.hasBeenSuperseded(db) { throw Store.newerSchema(path) }
                    guard try migrator.hasCompletedMigrations(db) else {
                        throw JiannuoError.database("只读数据库 \(path) 的结构不是当前版本，无法升级",
                                                    "read-only database \(path) needs an upgrade it cannot get")
                    }
                }
            }
            calendar = try pool.read { db in try Store.loadCalendar(db) }
            if writable { try refreshIfRulesChanged() }
        } catch let e as JiannuoError {
            throw e
        } catch {
            throw Store.databaseError(error, path: path)
        }
    }

    /// Stored limits were computed with some rules; if the rules file changed since, recompute them.
    func refreshIfRulesChanged() throws {
        let fingerprint = String(describing: rules.deadlines)
        let stored = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'deadline_rules'") }
        guard stored != fingerprint else { return }
        try pool.write { db in
            if stored != nil { try refreshOpenDeadlines(db) }
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('deadline_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [fingerprint])
        }
    }

    static func newerSchema(_ path: String) -> JiannuoError {
        JiannuoError.database("数据库 \(path) 由更新版本的 Jiannuo 创建，本程序无法安全使用，请升级程序",
                              "database \(path) was written by a newer Jiannuo; upgrade the program")
    }

    /// Turns SQLite failures into messages an officer can act on.
    static func databaseError(_ error: Error, path: String) -> JiannuoError {
        if let e = error as? JiannuoError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .database("文件 \(path) 不是 Jiannuo 数据库或已损坏", "\(path) is not a Jiannuo database, or it is damaged")
            case .SQLITE_CANTOPEN:
                return .database("无法打开数据库 \(path)（目录不存在或无权限）", "cannot open the database \(path)")
            case .SQLITE_READONLY:
                return .database("数据库 \(path) 为只读，不能写入", "the database \(path) is read-only; nothing was written")
            case .SQLITE_FULL:
                return .database("磁盘已满，未写入任何内容：\(path)", "the disk is full; nothing was written: \(path)")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .database("数据库繁忙（其他人正在写入），请稍后重试", "the database is busy; try again")
            case .SQLITE_CONSTRAINT:
                return .invalid("数据不符合约束，未写入：\(e.message ?? "")", "a constraint refused the data: \(e.message ?? "")")
            default:
                return .database("数据库错误：\(e.message ?? "\(e.resultCode)")", "database error: \(e.message ?? "\(e.resultCode)")")
            }
        }
        return .database("数据库错误：\(error)", "database error: \(error)")
    }

    /// Reads in a snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw Store.databaseError(error, path: path) }
    }

    /// One command's writes: one transaction, with its audit rows; all or nothing.
    func write<T>(_ body: (Database, AuditWriter) throws -> T) throws -> T {
        guard !readOnly else {
            throw JiannuoError.database("数据库 \(path) 以只读方式打开，不能写入", "the database \(path) is open read-only; nothing was written")
        }
        do {
            return try pool.write { db in
                try body(db, AuditWriter(db: db, operatorName: operatorName, clock: clock))
            }
        } catch {
            throw Store.databaseError(error, path: path)
        }
    }

    /// The next id of a yearly series, e.g. `CN-2026-0007`.
    func nextId(_ db: Database, prefix: String, year: Int, digits: Int) throws -> String {
        let key = "\(prefix)-\(year)"
        let last = try Int.fetchOne(db, sql: "SELECT last FROM sequences WHERE prefix = ?", arguments: [key]) ?? 0
        try db.execute(sql: "INSERT INTO sequences(prefix, last) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET last = excluded.last",
                       arguments: [key, last + 1])
        return "\(key)-" + String(format: "%0\(digits)d", last + 1)
    }

    /// The SQLite data_version of one fixed connection: changes when another process commits.
    public func dataVersion() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    public var databasePool: DatabasePool { pool }
}
