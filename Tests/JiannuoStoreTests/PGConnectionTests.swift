import Foundation
import JiannuoTestSupport
import Testing
@testable import JiannuoStore

/// The libpq client the PostgreSQL engine is built on (issue 15), against a throwaway cluster.
@Suite("PostgreSQL: the libpq connection", .serialized)
struct PGConnectionTests {
    @Test("a session waits 15 s for a lock and 10 min for a statement unless its own settings (options, PGOPTIONS, ALTER ROLE) say otherwise")
    func timeoutsAreDefaultsNotOverrides() throws {
        let cluster = try PostgresCluster()
        let plain = try PGConnection(cluster.conninfo)
        #expect(try plain.execute("SHOW lock_timeout").rows.first?[0] == "15s")
        #expect(try plain.execute("SHOW statement_timeout").rows.first?[0] == "10min")
        let own = try PGConnection(cluster.conninfo + " options='-c lock_timeout=2s -c statement_timeout=0'")
        #expect(try own.execute("SHOW lock_timeout").rows.first?[0] == "2s")
        #expect(try own.execute("SHOW statement_timeout").rows.first?[0] == "0")
        // A role's own setting stands too.
        try plain.execute("ALTER ROLE CURRENT_USER SET lock_timeout = '3s'")
        #expect(try PGConnection(cluster.conninfo).execute("SHOW lock_timeout").rows.first?[0] == "3s")
    }

    @Test("parameters round-trip Chinese text and NULL; a failed transaction leaves nothing; errors carry their SQLSTATE")
    func statementsAndTransactions() throws {
        let cluster = try PostgresCluster()
        let db = try PGConnection(cluster.conninfo)
        try db.execute("CREATE TABLE t (id text PRIMARY KEY, content text, contact text)")
        // Leading spaces and a last newline are the record's own: read back exactly.
        let content = "  企业反映：承诺的奖补资金 35 万元逾期未兑现'; DROP TABLE t; --\n"
        try db.execute("INSERT INTO t VALUES ($1, $2, $3)", ["TS-1", content, nil])
        let rows = try db.execute("SELECT id, content, contact FROM t WHERE id = $1", ["TS-1"])
        #expect(rows.columns == ["id", "content", "contact"])
        #expect(rows.rows.count == 1 && rows[0, "content"] == content && rows[0, "contact"] == nil)

        // A statement refused inside a transaction: nothing of it is kept.
        #expect(throws: PGError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES ($1, $2, NULL)", ["TS-2", "第二条"])
                try db.execute("INSERT INTO t VALUES ($1, $2, NULL)", ["TS-1", "重复编号"])
            }
        }
        #expect(try db.execute("SELECT count(*) AS n FROM t")[0, "n"] == "1")

        do {
            try db.execute("SELEC 1")
            Issue.record("a syntax error was accepted")
        } catch let e as PGError {
            #expect(e.sqlState == "42601", "\(e)")
            #expect(e.jiannuoError.exitCode == 74 && e.jiannuoError.text.zh.hasPrefix("PostgreSQL 错误"))
        }
        // The connection is still usable after an error.
        #expect(try db.execute("SELECT 1 + 1 AS two")[0, "two"] == "2")
    }

    @Test("statements whose result is not read go with the next one read, in order; a refusal among them undoes the whole transaction and leaves the connection usable")
    func deferredStatements() throws {
        let cluster = try PostgresCluster()
        let db = try PGConnection(cluster.conninfo)
        try db.execute("CREATE TABLE t (id text PRIMARY KEY, n bigint NOT NULL)")
        // Outside a transaction nothing waits.
        try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["A", "1"])
        #expect(try PGConnection(cluster.conninfo).execute("SELECT count(*) FROM t").rows.first?[0] == "1")
        // Inside one, they run before the statement read and see each other's rows; another session sees them at the commit.
        let other = try PGConnection(cluster.conninfo)
        let seen = try db.transaction { () -> String? in
            try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["B", "2"])
            try db.executeDeferred("UPDATE t SET n = n + 10 WHERE id = $1", ["B"])
            return try db.execute("SELECT n FROM t WHERE id = $1", ["B"]).rows.first?[0]
        }
        #expect(seen == "12")
        #expect(try other.execute("SELECT count(*) FROM t").rows.first?[0] == "2")
        // More than a pipeline holds at once: sent in turns, all kept.
        try db.transaction {
            for i in 0..<(PGConnection.deferredLimit * 2 + 3) { try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["C\(i)", "\(i)"]) }
        }
        #expect(try other.execute("SELECT count(*) FROM t").rows.first?[0] == "\(2 + PGConnection.deferredLimit * 2 + 3)")
        // A duplicate key among the deferred: the error comes at the commit, with its SQLSTATE, and nothing of the transaction stays.
        do {
            try db.transaction {
                try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["D", "4"])
                try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["A", "5"])
                try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["E", "6"])
            }
            Issue.record("a duplicate key was accepted")
        } catch let e as PGError {
            #expect(e.sqlState == "23505", "\(e)")
        }
        #expect(try other.execute("SELECT count(*) FROM t WHERE id IN ('D', 'E')").rows.first?[0] == "0")
        #expect(try db.execute("SELECT n FROM t WHERE id = 'A'").rows.first?[0] == "1")
        // A refusal before a read: the read throws it, and the transaction is undone.
        #expect(throws: PGError.self) {
            try db.transaction {
                try db.executeDeferred("INSERT INTO t VALUES ($1, $2)", ["F", "not a number"])
                _ = try db.execute("SELECT 1")
            }
        }
        #expect(try db.execute("SELECT count(*) FROM t WHERE id = 'F'").rows.first?[0] == "0")
    }

    @Test("a refused privilege is a permission error (exit 77)")
    func privilegeRefused() throws {
        let cluster = try PostgresCluster()
        try cluster.psql("CREATE ROLE clerk; GRANT clerk TO \"\(cluster.account)\"")
        let owner = try PGConnection(cluster.conninfo)
        try owner.execute("CREATE TABLE secret (contact text)")
        try owner.execute("SET ROLE clerk")
        do {
            try owner.execute("SELECT contact FROM secret")
            Issue.record("a role without the privilege read the table")
        } catch let e as PGError {
            #expect(e.sqlState == "42501", "\(e)")
            #expect(e.jiannuoError.exitCode == 77)
        }
    }

    @Test("a NOTIFY from another connection makes the listener's socket readable and is read without blocking")
    func listenNotify() throws {
        let cluster = try PostgresCluster()
        let listener = try PGConnection(cluster.conninfo)
        let writer = try PGConnection(cluster.conninfo)
        try listener.execute("LISTEN ledger")
        #expect(try listener.notifications().isEmpty)
        try writer.execute("SELECT pg_notify('ledger', $1)", ["complaints"])
        var fds = [pollfd(fd: listener.socket, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 1, 2000)
        #expect(ready == 1, "the socket should become readable within 2 s")
        let got = try listener.notifications()
        #expect(got.count == 1 && got.first?.channel == "ledger" && got.first?.payload == "complaints", "\(got)")
    }
}
