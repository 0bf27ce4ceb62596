import CLibPQ
import Foundation
import JiannuoCore

/// A failure PostgreSQL reported, with its SQLSTATE (`42601` a syntax error, `42501` a privilege
/// refused, `23505` a duplicate key…), so that callers can tell a refusal from a broken connection.
public struct PGError: Error, CustomStringConvertible {
    public var sqlState: String?
    public var message: String
    public var description: String { sqlState.map { "\(message) [\($0)]" } ?? message }

    /// The officer's words for it: what the engine said is kept, as it names the table or the column.
    public var jiannuoError: JiannuoError {
        sqlState == "42501"
            ? .permission("PostgreSQL 拒绝了这次操作（权限不足）：\(message)", "PostgreSQL refused this (no privilege): \(message)")
            : .database("PostgreSQL 错误：\(message)", "PostgreSQL error: \(message)")
    }
}

/// The rows of one statement, as text (libpq's text format: what PostgreSQL prints, NULL as nil).
public struct PGRows {
    public var columns: [String]
    public var rows: [[String?]]
    /// Each column's type (a pg_type oid: 20 bigint, 25 text…), for reading values back as SQLite's classes.
    public var types: [UInt32] = []

    /// The value of `column` in row `i`, nil for NULL or an unknown column.
    public subscript(i: Int, column: String) -> String? {
        guard let c = columns.firstIndex(of: column) else { return nil }
        return rows[i][c]
    }
}

/// One libpq connection, used from one thread at a time, like a GRDB connection. Statements take
/// their values as parameters ($1, $2…), never spliced into the text.
public final class PGConnection {
    private let conn: OpaquePointer
    /// Statements whose result nobody reads (a record's insert, an audit row), held back within a
    /// transaction and sent with the next statement that is read, or with the commit, in one round trip
    /// (libpq's pipeline mode). A write holds its id's and its tallies' row locks from its first insert
    /// to its commit: sent together, they are held for the server's work, not for the client's turns.
    private var deferred: [(sql: String, parameters: [String?])] = []
    private var inTransaction = false
    /// Enough to save the round trips, few enough that the results never fill a socket buffer.
    static let deferredLimit = 64
    /// For this module's extensions (COPY, cursors).
    var handle: OpaquePointer { conn }

    /// `conninfo` is any libpq connection string or URI (`postgresql:///jiannuo?host=/run/jiannuo`).
    /// Unless the connection string says otherwise, a server that does not answer is given up after
    /// `defaultConnectTimeout` seconds (libpq would wait forever), a lock held by another session
    /// after `lockTimeout` (a write then fails, 74, instead of hanging a dashboard), and a statement after
    /// `statementTimeout`. The session's own settings win (`options='-c lock_timeout=30s'` in the
    /// connection string, `PGOPTIONS`, `ALTER ROLE … SET`): these apply only where nothing was set.
    public static let defaultConnectTimeout = "5", lockTimeout = "15s", statementTimeout = "10min"
    /// A read in one snapshot that cannot write.
    public static let snapshotReading = "ISOLATION LEVEL REPEATABLE READ, READ ONLY"

    public init(_ conninfo: String) throws {
        // The default first: what the connection string (expanded from `dbname`) says comes later and wins;
        // the encoding and the name last, as the program's own (set at the start, not by a statement each).
        try LibPQ.require()
        let keys = ["connect_timeout", "dbname", "client_encoding", "application_name"]
        let values = [Self.defaultConnectTimeout, conninfo, "UTF8", "jiannuo"]
        let kp = keys.map { strdup($0) }, vp = values.map { strdup($0) }
        defer { (kp + vp).forEach { free($0) } }
        let connected: OpaquePointer? = (kp.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { k in
            (vp.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { v in LibPQ.PQconnectdbParams(k.baseAddress, v.baseAddress, 1) }
        }
        guard let c = connected else { throw PGError(sqlState: nil, message: "libpq: out of memory") }
        guard LibPQ.PQstatus(c) == CONNECTION_OK else {
            let message = Self.text(LibPQ.PQerrorMessage(c))
            LibPQ.PQfinish(c)
            throw PGError(sqlState: nil, message: message)
        }
        conn = c
        // The server's notices (a REVOKE of a grant never made…) are not for officers' terminals.
        _ = LibPQ.PQsetNoticeProcessor(c, { _, _ in }, nil)
        // Only where nothing set them (the server's built-in default): a role's, a database's, a DBA's or the
        // connection's own value stands, "0" included. One round trip for both.
        // The session's role comes back in the same round trip.
        // The session's role comes back in the same round trip; the settings are looked up in one pass.
        sessionUser = try execute("""
            SELECT (SELECT count(set_config(name, CASE name WHEN 'lock_timeout' THEN $1 ELSE $2 END, false)) FROM pg_settings
                    WHERE name IN ('lock_timeout', 'statement_timeout') AND source = 'default'),
                   session_user
            """, [Self.lockTimeout, Self.statementTimeout]).rows.first?[1] ?? ""
    }

    /// The role the session was opened as (who acts, on PostgreSQL).
    public private(set) var sessionUser = ""

    deinit { LibPQ.PQfinish(conn) }

    /// JIANNUO_SQL_PROFILE, as for a ledger file (`SQLiteLedger`): each statement's round trip of a
    /// millisecond or more (`all`: every one), its time and its SQL's start, on stderr (for measuring).
    static let profile: (on: Bool, report: @Sendable (String, UInt64) -> Void) = {
        let setting = ProcessEnvironment.values["JIANNUO_SQL_PROFILE"] ?? ""
        let shortest: UInt64 = setting == "all" ? 0 : 1_000_000, shown = ["full", "all"].contains(setting) ? Int.max : 300
        return (!setting.isEmpty, { sql, started in
            let took = DispatchTime.now().uptimeNanoseconds - started
            guard took >= shortest else { return }
            let text = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", Double(took) / 1e6, String(text.prefix(shown))).utf8))
        })
    }()

    /// Runs one statement with its parameters (nil is NULL) and returns its rows (none for a command);
    /// the statements deferred before it go first, in the same round trip.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> PGRows {
        if !deferred.isEmpty { return try pipeline(sql, parameters) }
        let started = Self.profile.on ? DispatchTime.now().uptimeNanoseconds : 0
        let result: OpaquePointer? = Self.withCStrings(parameters) { values in
            LibPQ.PQexecParams(conn, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        if Self.profile.on { Self.profile.report(sql, started) }
        guard let result else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
        defer { LibPQ.PQclear(result) }
        return try Self.rows(result)
    }

    /// A statement whose result is not read: in a transaction it waits for the next one (see `deferred`),
    /// and any error it meets is thrown there, before the transaction commits.
    public func executeDeferred(_ sql: String, _ parameters: [String?] = []) throws {
        guard inTransaction else { try execute(sql, parameters); return }
        deferred.append((sql, parameters))
        if deferred.count >= Self.deferredLimit { try flushDeferred() }
    }

    /// A statement sent with the next one that is run, in the same round trip, in or out of a
    /// transaction (a session's `SET`, a `LISTEN`): an error it meets is thrown there.
    public func executeWithNext(_ sql: String) {
        deferred.append((sql, []))
    }

    /// Sends what is deferred now (before COPY or anything else that does not go through `execute`).
    func flushDeferred() throws {
        guard let last = deferred.popLast() else { return }
        if deferred.isEmpty { try execute(last.sql, last.parameters) } else { _ = try pipeline(last.sql, last.parameters) }
    }

    /// The deferred statements and then `sql`, sent at once: `sql`'s rows, or the first error met (the
    /// statements after a failed one are not run, and the transaction is then aborted).
    private func pipeline(_ sql: String, _ parameters: [String?]) throws -> PGRows {
        let statements = deferred + [(sql, parameters)]
        deferred = []
        let started = Self.profile.on ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Self.profile.on { Self.profile.report("[\(statements.count) in one round trip] " + sql, started) } }
        guard LibPQ.PQenterPipelineMode(conn) == 1 else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
        defer { _ = LibPQ.PQexitPipelineMode(conn) }
        for (text, values) in statements {
            let sent = Self.withCStrings(values) { v in LibPQ.PQsendQueryParams(conn, text, Int32(values.count), nil, v, nil, nil, 0) }
            guard sent == 1 else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
        }
        guard LibPQ.PQpipelineSync(conn) == 1 else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
        // Each statement's results end with a null; the sync's result ends the pipeline.
        var index = 0, rows = PGRows(columns: [], rows: []), failure: PGError? = nil
        while true {
            guard let r = LibPQ.PQgetResult(conn) else {
                index += 1
                // More ends than statements: the connection is gone.
                guard index <= statements.count else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
                continue
            }
            defer { LibPQ.PQclear(r) }
            let status = LibPQ.PQresultStatus(r)
            if status == PGRES_PIPELINE_SYNC { break }
            if status == PGRES_PIPELINE_ABORTED { continue }
            do {
                let value = try Self.rows(r)
                if index == statements.count - 1 { rows = value }
            } catch let e as PGError {
                if failure == nil { failure = e }
            }
        }
        if let failure { throw failure }
        return rows
    }

    /// Parameters as libpq takes them: C strings (NULL for nil) that live until `body` returns.
    private static func withCStrings<R>(_ values: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.flatMap { strdup($0) } }
        defer { for p in copies { free(p) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    /// A result's rows, or its error.
    private static func rows(_ result: OpaquePointer) throws -> PGRows {
        switch LibPQ.PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return PGRows(columns: [], rows: [])
        case PGRES_TUPLES_OK:
            let types = (0..<Int(LibPQ.PQnfields(result))).map { UInt32(LibPQ.PQftype(result, Int32($0))) }
            let n = Int(LibPQ.PQntuples(result)), m = Int(LibPQ.PQnfields(result))
            let columns = (0..<m).map { text(LibPQ.PQfname(result, Int32($0))) }
            let rows = (0..<n).map { r in
                (0..<m).map { c -> String? in
                    // A value exactly as stored: only the server's messages are trimmed.
                    LibPQ.PQgetisnull(result, Int32(r), Int32(c)) == 1 ? nil : String(cString: LibPQ.PQgetvalue(result, Int32(r), Int32(c))!)
                }
            }
            return PGRows(columns: columns, rows: rows, types: types)
        default:
            throw error(result)
        }
    }

    /// The error a failed result carries, with its SQLSTATE.
    static func error(_ result: OpaquePointer) -> PGError {
        let state = LibPQ.PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        return PGError(sqlState: state, message: text(LibPQ.PQresultErrorMessage(result)))
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws. `modes`: the
    /// transaction's own (`ISOLATION LEVEL …, READ ONLY`), given with its BEGIN.
    /// The BEGIN is held back like a statement nobody reads: it goes with the transaction's first statement.
    public func transaction<T>(_ modes: String? = nil, _ body: () throws -> T) throws -> T {
        deferred.append((modes.map { "BEGIN \($0)" } ?? "BEGIN", []))
        inTransaction = true
        defer { inTransaction = false }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            // What was held back never ran: the transaction is undone whole.
            deferred = []
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// The connection's socket: readable when the server has sent something (a notification), so a
    /// dashboard can wait on it beside the keyboard.
    public var socket: Int32 { LibPQ.PQsocket(conn) }

    /// The notifications received so far (LISTEN), read without blocking.
    public func notifications() throws -> [(channel: String, payload: String)] {
        guard LibPQ.PQconsumeInput(conn) == 1 else { throw PGError(sqlState: nil, message: Self.text(LibPQ.PQerrorMessage(conn))) }
        var out: [(String, String)] = []
        while let n = LibPQ.PQnotifies(conn) {
            out.append((String(cString: n.pointee.relname), String(cString: n.pointee.extra)))
            LibPQ.PQfreemem(n)
        }
        return out
    }

    static func text(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
}
