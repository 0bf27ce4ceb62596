import Foundation
import GRDB
import GRDBSQLite
import JiannuoCore

/// A county's ledger in a SQLite file (the default engine): owns the connection pools, the migrator,
/// the digests' functions, the calendar and the rules. The ledger's reads and writes are written once
/// for both engines (`LedgerEngine`); this type gives them a snapshot to read in and a transaction to
/// write in, and does what only a file does (backup, demo data, drafts beside it).
///
/// Commands that only read open it `.read`: a read-only pool that never migrates, never takes the
/// write lock and so never waits for a writer (WAL readers are not blocked). The first write of a
/// `.read` store (the dashboard saving a form) opens a writer then.
public final class SQLiteLedger: Sendable {
    public enum Access: Sendable, Equatable {
        /// Reads; a write opens the writer on demand. Never creates or migrates.
        case read
        /// A command that writes: opens the writer at once and brings the schema up to date.
        case write
        /// `init` and `demo`: may also create the file.
        case create
        /// `--read-only`: writes are refused.
        case readOnly
        /// A headless render: reads like `.read`, and every write is refused (a replayed Ctrl-S saves nothing).
        case preview
    }

    public let path: String
    public let readOnly: Bool
    public let access: Access
    let pool: DatabasePool
    let lazyWriter = Locked<DatabasePool?>(nil)
    /// The reads and writes using the writer's connection now: a writing command reads on it when none does (see `read`).
    let writerUsers = Locked(0)
    let digests = DigestAccumulator()
    public let clock: Clock
    /// The system account running the process: the actor of every audit row.
    public let operatorName: String
    /// What the ledger lets that account do.
    public let actor: Actor
    public let rules: Rules
    /// The working-day calendar as it was when the ledger opened: shipped years, years loaded into
    /// the database, officers' overrides. Writes read it afresh inside their transaction
    /// (`currentCalendar`), so a change by another officer applies to the very next write.
    public let calendar: WorkCalendar

    public init(path: String, clock: Clock, operatorName: String, rules: Rules? = nil, access: Access) throws {
        self.path = path
        self.access = access
        self.operatorName = operatorName
        self.rules = try rules ?? Rules.bundled()
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        let dir = (path as NSString).deletingLastPathComponent
        if !exists && access != .create {
            throw JiannuoError.database("数据库文件不存在：\(path)（请先运行 jiannuo init 或 jiannuo demo）",
                                        "database not found: \(path) (run jiannuo init or jiannuo demo first)")
        }
        if !exists && !dir.isEmpty && !fm.fileExists(atPath: dir) {
            do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw JiannuoError.database("无法创建数据库目录 \(dir)：\(error.localizedDescription)",
                                            "cannot create the database directory \(dir): \(error.localizedDescription)")
            }
        }
        // By the effective ids (a set-group-ID run writes with its group), not the real ones `isWritableFile` asks.
        let writable = SQLiteLedger.writableByEffectiveIds(exists ? path : (dir.isEmpty ? "." : dir))
        let writesNow = (access == .write || access == .create) && writable
        self.readOnly = access == .readOnly || !writable
        do {
            // Opening a pool for writing turns a file into WAL mode: look first, read-only, at what the file is.
            if writesNow && exists { try SQLiteLedger.probe(path, creating: access == .create) }
            if writesNow {
                pool = try DatabasePool(path: path, configuration: SQLiteLedger.configuration(readonly: false, digests: digests))
                try SQLiteLedger.migrate(pool, path: path, creating: !exists || access == .create, clock: clock, operatorName: operatorName,
                                  digests: digests)
            } else {
                pool = try DatabasePool(path: path, configuration: SQLiteLedger.configuration(readonly: true, digests: digests))
                // On the pool's first connection, which has parsed the schema on opening (see `read`).
                try pool.writeWithoutTransaction { db in try SQLiteLedger.checkSchema(db, path: path) }
            }
            // A writing command reads what it starts from on the writer's connection, which has read the
            // schema already: a reader's would read it again (a few milliseconds of a 40 ms write). These
            // reads take no lock and never wait for another process's writer.
            let start = { (db: Database) throws -> (TimeZone, WorkCalendar, Actor) in
                (try CalendarReads.officeZone(GRDBReader(db: db)), try CalendarReads.calendar(GRDBReader(db: db)),
                 try db.tableExists("users") ? Actor.load(GRDBReader(db: db), account: operatorName) : Actor(account: operatorName, role: nil))
            }
            let (zone, cal, who) = try pool.writeWithoutTransaction(start)
            self.clock = clock.inZone(zone)
            calendar = cal
            actor = who
        } catch let e as JiannuoError {
            throw e
        } catch {
            throw SQLiteLedger.databaseError(error, path: path)
        }
        if writesNow { lazyWriter.set(pool) }
        // A new ledger is for its group of officers, not for others (the sidecars follow the file's mode).
        if !exists {
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) { chmod(path + suffix, 0o660) }
            // Made now, by whoever makes the ledger (root, in a shared install), rather than by the first
            // officer to type: sticky, so that no officer removes another's draft.
            if (try? fm.createDirectory(atPath: draftsDirectory, withIntermediateDirectories: false)) != nil { chmod(draftsDirectory, 0o3770) }
        }
    }

    static let readerCacheKiB = 512

    static func configuration(readonly: Bool, digests: DigestAccumulator) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = readonly
        config.label = "jiannuo"
        // JIANNUO_SQL_PROFILE=1: each statement of a millisecond or more, its time and its SQL (its start; `full`:
        // all of it; `all`: every statement, however quick, whole), on stderr (for measuring).
        let profileSetting = ProcessEnvironment.values["JIANNUO_SQL_PROFILE"] ?? ""
        let profile = !profileSetting.isEmpty
        let sqlShown = ["full", "all"].contains(profileSetting) ? Int.max : 300
        let shortest = profileSetting == "all" ? 0 : 0.001
        config.prepareDatabase { db in
            // The -wal stays when the last connection closes (emptied by the closing checkpoint, not removed):
            // else every writing command made it anew, and GRDB, to be sure of it, committed an empty
            // transaction first, with two syncs (and a sync of the directory for the new file).
            var keep: Int32 = 1
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
            LedgerDigest.register(db, accumulator: digests)
            // A reading connection's page cache: what its reads revisit (the indexes' upper pages) fits in far
            // less than SQLite's 2 MiB, and a dashboard keeps four connections (its peak memory, issue 29).
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(SQLiteLedger.readerCacheKiB)") }
            if profile {
                db.trace(options: .profile) { event in
                    guard case let .profile(statement, duration) = event, duration >= shortest else { return }
                    let sql = statement.sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    FileHandle.standardError.write(Data((String(format: "%8.1f ms  ", duration * 1000) + sql.prefix(sqlShown) + "\n").utf8))
                }
            }
        }
        return config
    }

    /// A ledger is a file this program made: an empty file or another database is not one.
    static func checkSchema(_ db: Database, path: String) throws {
        let migrator = Schema.migrator
        guard try db.tableExists("grdb_migrations"), try db.tableExists("audit_log") else {
            throw notALedger(path)
        }
        if try migrator.hasBeenSuperseded(db) { throw SQLiteLedger.newerSchema(path) }
        guard try migrator.hasCompletedMigrations(db) else {
            throw JiannuoError.database("账本 \(path) 的结构版本较旧：请由管理员运行一次 jiannuo init 升级（数据保留），只读命令不会改动文件",
                                        "the ledger \(path) has an older schema: an admin runs jiannuo init once to upgrade it (data is kept); read commands never change the file")
        }
    }

    /// An existing file must be a ledger (or, for `init` and `demo`, empty) before it is opened for
    /// writing, which would turn another database into WAL mode. Every ledger is in WAL mode, which its
    /// header says (bytes 18 and 19 are 2): reading 100 bytes costs less than opening a connection to look.
    static func probe(_ path: String, creating: Bool) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw notALedger(path) }
        defer { try? h.close() }
        let header = [UInt8]((try? h.read(upToCount: 100)) ?? Data())
        if header.isEmpty {
            if creating { return }
            throw notALedger(path)
        }
        guard isLedgerHeader(header) else { throw notALedger(path) }
    }

    /// The first bytes of a ledger file: SQLite's magic, and WAL mode (bytes 18 and 19 are 2).
    static func isLedgerHeader(_ header: [UInt8]) -> Bool {
        header.count >= 20 && Array(header[0..<16]) == Array("SQLite format 3\u{0}".utf8) && header[18] == 2 && header[19] == 2
    }

    static func notALedger(_ path: String) -> JiannuoError {
        .database("文件 \(path) 不是 Jiannuo 账本（只有 jiannuo init 或 jiannuo demo 会创建账本）",
                  "\(path) is not a Jiannuo ledger (only jiannuo init or jiannuo demo create one)")
    }

    /// Brings the schema up to date. An existing file must already be a ledger: only `init` and
    /// `demo` turn an empty file into one. An older ledger is upgraded only by `init` (`creating`),
    /// run by an admin, and only once its chain and every table check against the digests: an
    /// upgrade seals the ledger's state into the chain, and must never seal what was changed behind
    /// the program's back. Any other write leaves an older ledger alone and says who may upgrade it.
    static func migrate(_ pool: DatabasePool, path: String, creating: Bool, clock: Clock, operatorName: String,
                        digests: DigestAccumulator) throws {
        let migrator = Schema.migrator
        let state = try pool.writeWithoutTransaction { db -> (isLedger: Bool, isEmpty: Bool, current: Bool) in
            let isLedger = try db.tableExists("grdb_migrations") && db.tableExists("audit_log")
            let isEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
            if isLedger, try migrator.hasBeenSuperseded(db) { throw SQLiteLedger.newerSchema(path) }
            return (isLedger, isEmpty, isLedger ? try migrator.hasCompletedMigrations(db) : false)
        }
        if !state.isLedger && !(creating && state.isEmpty) { throw notALedger(path) }
        if state.current { return }
        if state.isLedger {
            guard creating else { throw olderSchema(path) }
            try pool.read { db in try checkBeforeUpgrade(db, path: path, operatorName: operatorName) }
        }
        try migrator.migrate(pool)
        try pool.write { db in try LedgerDigest.settle(db, digests: digests, clock: clock, account: operatorName) }
    }

    static func olderSchema(_ path: String) -> JiannuoError {
        .database("账本 \(path) 的结构版本较旧：请由管理员运行一次 jiannuo init 升级（数据保留；升级前先核验审计链）",
                  "the ledger \(path) has an older schema: an admin runs jiannuo init once to upgrade it (data is kept; the audit chain is verified first)")
    }

    /// Who may upgrade a ledger, and that it is as the program left it: an admin, an intact chain,
    /// every table matching the digests of the last entry.
    static func checkBeforeUpgrade(_ db: Database, path: String, operatorName: String) throws {
        if try db.tableExists("users") {
            let actor = try Actor.load(GRDBReader(db: db), account: operatorName)
            guard actor.role == .admin else {
                throw JiannuoError.permission("只有管理员可以升级账本结构（jiannuo init）", "only an admin may upgrade the ledger (jiannuo init)")
            }
        }
        // A ledger from before the digests (v4) has nothing to check them against.
        guard try db.columns(in: "audit_log").contains(where: { $0.name == "state" }) else { return }
        let report = try AuditChain.verify(db)
        guard report.intact else {
            let what = report.reason.map { $0.zh } ?? report.tampered.map { $0.reason.zh }.joined(separator: "；")
            let whatEn = report.reason.map { $0.en } ?? report.tampered.map { $0.reason.en }.joined(separator: "; ")
            throw JiannuoError.invalid("账本 \(path) 未通过核验，不予升级（升级会把现状封存进审计链）：\(what)",
                                       "the ledger \(path) does not verify, so it is not upgraded (an upgrade seals its state into the chain): \(whatEn)")
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

    /// Reads in a snapshot. A writing command (one process, one command) reads on the writer's connection,
    /// which has parsed the schema already, rather than open a reader that parses it again (about 3 ms
    /// of a 30 ms write); only while that connection is idle, so that a read within a write, or on
    /// another thread meanwhile, takes a reader as before. A reading store does the same on the main
    /// thread, with its pool's first connection (opened read-only): a command that reads once opens one
    /// connection, not two, and a dashboard's first paint and list windows read there while its
    /// background loads take readers, so that its checks for others' writes (on that connection) never
    /// wait behind a long read. Either way the read takes no write lock.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if access == .write || Thread.isMainThread, claimIdleWriter() {
                defer { writerUsers.update { $0 -= 1 } }
                return try pool.writeWithoutTransaction { db in
                    var value: T? = nil
                    try db.inTransaction(.deferred) {
                        value = try db.readOnly { try body(db) }
                        return .commit
                    }
                    return value!
                }
            }
            return try pool.read(body)
        } catch { throw SQLiteLedger.databaseError(error, path: path) }
    }

    /// Takes the writer's connection for a read if nothing uses it.
    private func claimIdleWriter() -> Bool {
        writerUsers.update { users in
            guard users == 0 else { return false }
            users = 1
            return true
        }
    }

    /// The writer: the main pool for a writing command, opened on the first write for a reading one.
    func writer() throws -> DatabasePool {
        guard !readOnly else {
            throw JiannuoError.database("数据库 \(path) 以只读方式打开，不能写入", "the database \(path) is open read-only; nothing was written")
        }
        guard access != .preview else {
            throw JiannuoError.database("render 只显示画面，不写入账本", "render only shows the screen; it writes nothing")
        }
        return try lazyWriter.update { w in
            if let w { return w }
            let p = try DatabasePool(path: path, configuration: SQLiteLedger.configuration(readonly: false, digests: digests))
            w = p
            return p
        }
    }

    /// One command's writes: one transaction, with its audit rows; all or nothing (`LedgerEngine.transaction`).
    func write<T>(_ body: (Database, SQLiteAuditWriter) throws -> T) throws -> T {
        let pool = try writer()
        // Meanwhile a read (from within the write, or from a thread it waits for) goes to a reader.
        writerUsers.update { $0 += 1 }
        defer { writerUsers.update { $0 -= 1 } }
        do {
            let value = try pool.write { db in
                try actor.requireStanding(GRDBReader(db: db))
                digests.reset()
                let value = try body(db, SQLiteAuditWriter(db: db, operatorName: operatorName, clock: clock, digests: digests))
                if digests.hasPending {
                    throw JiannuoError.database("内部错误：有改动未记入审计日志，已撤销", "internal error: a change was not audited; rolled back")
                }
                return value
            }
            trimWAL(pool)
            return value
        } catch {
            throw SQLiteLedger.databaseError(error, path: path)
        }
    }

    /// What a kept `-wal` may hold on to: it keeps the size of the largest transaction since it was last
    /// emptied, so after a bulk write (an import, the demo) the space is given back at once.
    static let walKept = 4 << 20

    private func trimWAL(_ pool: DatabasePool) {
        var info = stat()
        guard stat(path + "-wal", &info) == 0, Int(info.st_size) > Self.walKept else { return }
        // Waits, like a write, for readers still on an older snapshot; a failure leaves only the space.
        try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// The SQLite data_version of one fixed connection: changes when another connection commits.
    public func dataVersion() throws -> Int {
        do {
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch { throw SQLiteLedger.databaseError(error, path: path) }
    }

    public func checkpointWhenIdle() -> Bool {
        guard !readOnly, access != .preview else { return false }
        // A plain connection of its own: opening the writer pool writes (GRDB makes sure of the -wal), and
        // every other dashboard would take that for a change and read everything again.
        do {
            let q = try DatabaseQueue(path: path, configuration: Configuration())
            try q.writeWithoutTransaction { try $0.checkpoint(.passive) }
            try q.close()
            return true
        } catch {
            return false
        }
    }

    /// SQLite announces nothing: another process's commit is seen by `dataVersion` on the next tick.
    public var changeDescriptor: Int32? { nil }

    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

/// A value behind a lock, for the little mutable state a Sendable Store keeps.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    public init(_ value: Value) { self.value = value }
    public func set(_ v: Value) { lock.lock(); value = v; lock.unlock() }
    public func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}

extension SQLiteLedger: LedgerEngine, LedgerFile {
    public var engine: EngineKind { .sqlite }
    public var name: String { (path as NSString).lastPathComponent }
    /// The officer's own folder, never one beside a shared ledger: a county-wide export is for whoever
    /// made it (files 0600, the folder 0700).
    public var exportDirectory: URL { URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("jiannuo-exports") }

    static func writableByEffectiveIds(_ path: String) -> Bool { faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 }

    func reading<T>(_ body: (GRDBReader) throws -> T) throws -> T { try read { db in try body(GRDBReader(db: db)) } }

    func transaction<T>(_ body: (GRDBReader, any AuditAppending) throws -> T) throws -> T {
        try write { db, audit in try body(GRDBReader(db: db), audit) }
    }

    /// The program asks a liaison's lineage each time: nothing is kept of who sees which units.
    func unitsMerged(_ w: GRDBReader) throws {}
    /// An account is a row: the file's permissions are the engine's only guard.
    func accountWritten(_ w: GRDBReader, _ a: Account) throws {}

    /// Appended rows are summed once at the end rather than by a trigger call each (departments are
    /// also updated, their successors, so their small table is summed whole); kept counts likewise.
    func bulkImport<T>(_ w: GRDBReader, table: String, ids: [String], _ body: () throws -> T) throws -> T {
        // The pages a big import changes stay in memory until the commit: with SQLite's 2 MB, each index
        // page would be spilled to the WAL and read back many times over.
        let cache = try Int.fetchOne(w.db, sql: "PRAGMA cache_size") ?? -2000
        try w.db.execute(sql: "PRAGMA cache_size = -\(SQLiteLedger.bulkCacheKiB)")
        defer { try? w.db.execute(sql: "PRAGMA cache_size = \(cache)") }
        return try SQLiteBulkIndexes.without(w.db, tables: [table], adding: ids.count) {
            try SQLiteKeptCounts.importing(w.db, table: table) {
                try LedgerDigest.bulk(w.db, [table], table == "departments" ? .any : .appended, digests: digests, body)
            }
        }
    }

    /// The page cache of a bulk import, in KiB (freed when it ends).
    static let bulkCacheKiB = 256 * 1024

    /// One prepared statement for the big tables (`PreparedInsert`), GRDB's records for the others.
    func insertAll<R: PersistableRecord>(_ w: GRDBReader, _ records: [R]) throws {
        if let prepared = R.self as? PreparedInsert.Type {
            let statement = try w.db.makeStatement(sql: prepared.insertSQL)
            let raw = statement.sqliteStatement
            for r in records {
                var b = Binder(raw)
                (r as! PreparedInsert).bind(&b)
                let code = b.failure == SQLITE_OK ? sqlite3_step(raw) : b.failure
                sqlite3_reset(raw)
                sqlite3_clear_bindings(raw)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(w.db.sqliteConnection)),
                                        sql: prepared.insertSQL)
                }
            }
        } else {
            for r in records { try r.insert(w.db) }
        }
    }

    func missingKeptCountTriggers(_ r: GRDBReader) throws -> [String] {
        let existing = Set(try String.fetchAll(r.db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        return SQLiteKeptCounts.triggerNames.filter { !existing.contains($0) }
    }

    func rebuildKeptCountTables(_ w: GRDBReader) throws {
        try SQLiteKeptCounts.dropTriggers(w.db)
        try SQLiteKeptCounts.rebuild(w.db)
        try SQLiteKeptCounts.installTriggers(w.db)
    }

    /// The chain, the head and every ledger table against the digests; read-only.
    public func verifyAudit(anchor: AuditChain.Anchor?, progress: ((String) -> Void)?) throws -> AuditChain.Report {
        // The kept counts are checked against the records on a second connection meanwhile: each check
        // is whole within its own snapshot, and the two together take the time of the longer one.
        let kept = Concurrent { [self] in
            try read { db -> [KeptCountDifference]? in
                try KeptCountsCheck.tables.allSatisfy({ try db.tableExists($0) }) ? KeptCountsCheck.differences(GRDBReader(db: db)) : nil
            }
        }
        // A broken chain answers at once, but the other connection is not left reading behind it.
        defer { _ = try? kept.value() }
        return try read { db in
            var report = try AuditChain.verify(db, anchor: anchor, progress: progress, keptCounts: { try kept.value() })
            if report.reason == nil {
                progress?("attachments")
                report.tampered += try attachmentProblems(db)
            }
            return report
        }
    }

    /// SQLite's quick check: "ok", or what it found.
    public func engineCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
    }

    /// A consistent copy through SQLite's online backup: safe while officers keep working.
    public func backup(to path: String) throws {
        try authorize(.backup)
        guard !UserFiles.exists(path) else {
            throw JiannuoError.invalid("备份文件 \(path) 已存在，请换一个文件名（不会覆盖已有文件）", "\(path) exists; choose another name")
        }
        do {
            // The copy is the user's file: made with the user's rights. The ledger side reads through a
            // connection opened (with the group's) before, which the backup reuses on this thread.
            try pool.read { _ in }
            try GroupPrivilege.asUser {
                let copy = try DatabaseQueue(path: path)
                try pool.backup(to: copy)
                try copy.close()
            }
        } catch {
            GroupPrivilege.asUser { try? FileManager.default.removeItem(atPath: path) }
            throw SQLiteLedger.databaseError(error, path: path)
        }
    }
}
