import Foundation
import GRDB
import JiannuoCore

/// The digest changes of the current write transaction, gathered by the ledger tables' triggers
/// (`jn_digest_touch`) and written out with the next audit row. Per Store; only its writer adds.
final class DigestAccumulator: @unchecked Sendable {
    private var pending: [String: Digest256] = [:]
    private let lock = NSLock()

    func touch(_ table: String, _ hash: Digest256, sign: Int) {
        lock.lock(); defer { lock.unlock() }
        var d = pending[table] ?? .zero
        if sign > 0 { d.add(hash) } else { d.subtract(hash) }
        pending[table] = d
    }

    func reset() { lock.lock(); pending = [:]; lock.unlock() }

    /// The whole pending change of a table, summed afresh (it replaces what the triggers gathered).
    func replace(_ table: String, _ delta: Digest256) {
        lock.lock(); defer { lock.unlock() }
        pending[table] = delta
    }

    var hasPending: Bool { lock.lock(); defer { lock.unlock() }; return !pending.isEmpty }

    func drain() -> [String: Digest256] {
        lock.lock(); defer { lock.unlock() }
        let out = pending
        pending = [:]
        return out
    }
}

/// The digests on SQLite: functions registered on every connection, triggers on every ledger table.
extension LedgerDigest {
    /// Registers the functions on every connection the Store opens.
    static func register(_ db: Database, accumulator: DigestAccumulator) {
        db.add(function: DatabaseFunction("jn_digest_touch", argumentCount: nil, pure: false) { values in
            guard values.count >= 2, case .string(let table) = values[0].storage, case .int64(let sign) = values[1].storage else {
                return nil
            }
            accumulator.touch(table, rowHash([values[0]] + values.dropFirst(2)), sign: Int(sign))
            return nil
        })
    }

    /// The stored columns of a table, in order (generated columns are derived, not evidence).
    static func columns(_ db: Database, _ table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT name, hidden FROM pragma_table_xinfo(?) ORDER BY cid", arguments: [table])
            .filter { ($0["hidden"] as Int? ?? 0) == 0 }
            .map { $0["name"] }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// (Re)creates the triggers from the tables' current columns: a migration that adds a column
    /// calls it again (and reseals).
    static func installTriggers(_ db: Database) throws {
        for t in tables where try db.tableExists(t) {
            let cols = try columns(db, t)
            func args(_ alias: String) -> String { cols.map { "\(alias).\(quoted($0))" }.joined(separator: ", ") }
            for kind in ["insert", "update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS jn_digest_\(t)_\(kind)") }
            try db.execute(sql: """
                CREATE TRIGGER jn_digest_\(t)_insert AFTER INSERT ON \(quoted(t)) BEGIN
                    SELECT jn_digest_touch('\(t)', 1, \(args("NEW")));
                END;
                CREATE TRIGGER jn_digest_\(t)_update AFTER UPDATE ON \(quoted(t)) BEGIN
                    SELECT jn_digest_touch('\(t)', -1, \(args("OLD")));
                    SELECT jn_digest_touch('\(t)', 1, \(args("NEW")));
                END;
                CREATE TRIGGER jn_digest_\(t)_delete AFTER DELETE ON \(quoted(t)) BEGIN
                    SELECT jn_digest_touch('\(t)', -1, \(args("OLD")));
                END;
                """)
        }
    }

    /// The names of the digest triggers that should exist.
    static func triggerNames(_ db: Database) throws -> [String] {
        try tables.filter { try db.tableExists($0) }.flatMap { t in ["insert", "update", "delete"].map { "jn_digest_\(t)_\($0)" } }
    }

    /// Every table's digest computed from its rows now.
    static func recompute(_ db: Database, progress: ((String) -> Void)? = nil) throws -> [String: Digest256] {
        var out: [String: Digest256] = [:]
        for t in tables {
            guard try db.tableExists(t) else { out[t] = .zero; continue }
            progress?(t)
            out[t] = try SQLiteDigestSum.sum(db, table: t, columns: columns(db, t).map(quoted))
        }
        return out
    }

    /// The digests kept up to date by the triggers.
    static func stored(_ db: Database) throws -> [String: Digest256] {
        var out: [String: Digest256] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT tbl, digest FROM ledger_digest") {
            out[row["tbl"]] = Digest256(hex: row["digest"]) ?? .zero
        }
        return out
    }

    /// Adds the write's pending changes into `ledger_digest`, and returns the state an audit row carries.
    static func flush(_ db: Database, _ acc: DigestAccumulator) throws -> String {
        var current = try stored(db)
        for (t, delta) in acc.drain() {
            var d = current[t] ?? .zero
            d.add(delta)
            current[t] = d
            try db.execute(sql: "INSERT INTO ledger_digest(tbl, digest) VALUES (?, ?) ON CONFLICT(tbl) DO UPDATE SET digest = excluded.digest",
                           arguments: [t, d.hex])
        }
        return encode(current)
    }

    /// After a migration: the digests start from the rows as they are. The account that creates the
    /// ledger becomes its first admin; that, or a ledger that already has history, is sealed into the
    /// chain with one audit row.
    static func settle(_ db: Database, digests: DigestAccumulator, clock: Clock, account: String) throws {
        digests.reset()
        var admin: Account? = nil
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") == 0 {
            let a = Account(account: account, name: account, role: .admin, department: nil, active: true, since: clock.realNow.iso)
            try a.insert(db)
            admin = a
        }
        let fresh = try recompute(db)
        let kept = try stored(db)
        for (t, d) in fresh {
            try db.execute(sql: "INSERT INTO ledger_digest(tbl, digest) VALUES (?, ?) ON CONFLICT(tbl) DO UPDATE SET digest = excluded.digest",
                           arguments: [t, d.hex])
        }
        digests.reset()
        let audit = SQLiteAuditWriter(db: db, operatorName: account, clock: clock, digests: digests)
        if let admin {
            try audit.record("user.add", entity: "user", id: admin.account, after: admin)
        } else if fresh != kept, try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 > 0 {
            try audit.append(action: "ledger.seal", entity: "ledger", id: "digests", before: nil, after: "{\"schema\":\"v6\"}")
        }
    }
}
