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
