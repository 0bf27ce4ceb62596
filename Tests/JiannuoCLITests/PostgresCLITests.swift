import Foundation
import Testing

/// The city database on PostgreSQL: a county's ledger migrated in, verified on both sides, and the
/// engine holding a liaison to its unit even in `psql`. Each test starts its own throwaway cluster
/// (`PostgresCluster`, as root: CI runs as root).
@Suite("CLI: the city database on PostgreSQL", .serialized) struct PostgresCLITests {
    static let county = "410422"
    static let schema = "ledger_410422"

    /// A small demo ledger and a cluster to migrate it into.
    final class Setup: @unchecked Sendable {
        let cli: CLI
        let pg: PostgresCluster
        init() throws {
            cli = try CLI(initialised: false)
            let demo = try cli.raw(["demo", "--db", cli.db])
            try #require(demo.status == 0, "\(demo)")
            pg = try PostgresCluster()
        }
        func migrate(_ county: String = PostgresCLITests.county, from: String? = nil) throws -> Run {
            try cli.raw(["migrate", "--from", from ?? cli.db, "--to", pg.conninfo, "--county", county, "--json"])
        }
    }

    @Test("migrate copies every table, verified on both sides; again it writes nothing; other data for the county is refused")
    func migrateOnce() throws {
        let s = try Setup()
        let first = try s.migrate()
        try #require(first.status == 0, "\(first)")
        let o = try first.object()
        #expect(o["already_there"] as? Bool == false)
        let tables = try #require(o["tables"] as? [[String: Any]])
        #expect(tables.count == 26)
        for name in ["complaints", "commitments", "audit_log", "score_facts", "users"] {
            let rows = tables.first { $0["table"] as? String == name }?["rows"] as? Int
            let here = try s.pg.query("SELECT count(*) FROM \(Self.schema).\(name)")
            #expect(rows == (try s.cli.count(name)), "\(name): reported \(String(describing: rows))")
            #expect(here == "\(try s.cli.count(name))", "\(name) in PostgreSQL: \(here)")
        }
        #expect(try s.pg.query("SELECT count(*) FROM \(Self.schema).complaints WHERE current_due IS NOT NULL")
                == "\(try s.cli.count("complaints WHERE current_due IS NOT NULL"))", "generated columns computed again")
        #expect(try s.pg.query("SELECT head FROM jiannuo.ledgers WHERE county = '\(Self.county)'") == o["head"] as? String)

        let again = try s.migrate()
        #expect(again.status == 0, "\(again)")
        #expect(try again.object()["already_there"] as? Bool == true)

        // The source moves on: the city already holds this county with other data.
        let add = try s.cli.run(["department", "add", "--code", "NEWUNIT", "--name", "新设单位", "--kind", "other"])
        try #require(add.status == 0, "\(add)")
        let refused = try s.migrate()
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("已在城市库中"), "\(refused.stderr)")
        #expect(try s.pg.query("SELECT count(*) FROM \(Self.schema).departments WHERE code = 'NEWUNIT'") == "0")
        #expect(try s.pg.query("SELECT count(*) FROM jiannuo.ledgers") == "1")

        let notPG = try s.cli.raw(["migrate", "--from", s.cli.db, "--to", s.cli.path("city.sqlite"), "--county", "410423"])
        #expect(notPG.status == 64, "\(notPG)")
        let badCode = try s.cli.raw(["migrate", "--from", s.cli.db, "--to", s.pg.conninfo, "--county", "41;drop"])
        #expect(badCode.status == 64, "\(badCode)")
    }

    @Test("a source whose rows were changed outside the program is not migrated")
    func tamperedSource() throws {
        let s = try Setup()
        let (st, _, e) = try s.cli.sqlite(["DROP TRIGGER jn_digest_complaints_update; UPDATE complaints SET content = '改过' WHERE rowid = 1"])
        try #require(st == 0, "\(e)")
        let r = try s.migrate("410423")
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("审计核验"), "\(r.stderr)")
        #expect(try s.pg.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'ledger_410423'") == "0")
    }

    @Test("a liaison in psql reads only its unit (and the unit merged into it), never a contact, changes no other unit's row and cannot touch the audit log")
    func liaisonInPsql() throws {
        let s = try Setup()
        let liaison = "jnpgliaison"
        let (st, _, e) = try runProcess("/bin/sh", ["-c", "id -u \(liaison) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(liaison)"], home: "/tmp")
        try #require(st == 0, "\(e)")
        let add = try s.cli.run(["user", "add", liaison, "--name", "工信局联络员", "--role", "liaison", "--department", "GXJ"])
        try #require(add.status == 0, "\(add)")
        let m = try s.migrate()
        try #require(m.status == 0, "\(m)")
        func sql(_ q: String) throws -> (Int32, String, String) { try s.pg.psql(as: liaison, q, searchPath: Self.schema) }
        let units = "('GXJ', 'ZXQFWZX')"

        let seen = try sql("SELECT DISTINCT department FROM complaints ORDER BY 1")
        #expect(seen.0 == 0, "\(seen)")
        let departments = Set(seen.1.split(separator: "\n").map(String.init))
        #expect(!departments.isEmpty && departments.isSubset(of: ["GXJ", "ZXQFWZX"]), "\(departments)")
        for table in ["complaints", "commitments", "breaches", "rectifications", "departments", "score_facts"] {
            let column = table == "rectifications" ? "unit" : table == "departments" ? "code" : "department"
            let other = try sql("SELECT count(*) FROM \(table) WHERE \(column) NOT IN \(units)")
            #expect(other.0 == 0 && other.1.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(table): \(other)")
        }
        let mine = try sql("SELECT count(*) FROM commitments")
        #expect(Int(mine.1.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0, "own unit's commitments: \(mine)")
        #expect(try sql("SELECT count(*) FROM users").1.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        for q in ["SELECT contact FROM complaints LIMIT 1", "SELECT * FROM complaints LIMIT 1"] {
            let r = try sql(q)
            #expect(r.0 != 0 && r.2.contains("permission denied"), "\(q): \(r)")
        }
        let otherRow = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department NOT IN \(units) LIMIT 1")
        let before = try s.pg.query("SELECT content FROM \(Self.schema).complaints WHERE id = '\(otherRow)'")
        let change = try sql("UPDATE complaints SET content = '改' WHERE id = '\(otherRow)'")
        #expect(change.0 == 0 && change.1.contains("UPDATE 0"), "\(change)")
        let steal = try sql("UPDATE complaints SET department = 'GXJ' WHERE id = '\(otherRow)'")
        #expect(steal.1.contains("UPDATE 0"), "\(steal)")
        #expect(try s.pg.query("SELECT content FROM \(Self.schema).complaints WHERE id = '\(otherRow)'") == before)
        // Even its own unit's rows are written only through the program, whose audit keeps the digests.
        let own = try sql("UPDATE complaints SET content = '改' WHERE department IN \(units)")
        #expect(own.0 != 0 && own.2.contains("write it through jiannuo"), "\(own)")
        let insertOther = try sql("INSERT INTO complaints(id, channel, received, urgency, department, content, accept_due) VALUES ('TS-X', 'hotline', '2026-03-01T09:00:00+08:00', 'normal', '410422110', 'x', '2026-03-02')")
        #expect(insertOther.0 != 0, "\(insertOther)")

        for q in ["SELECT count(*) FROM audit_log", "DELETE FROM audit_log", "UPDATE audit_log SET action = 'x'", "TRUNCATE audit_log",
                  "INSERT INTO audit_log(seq, at, operator, action, entity, entity_id, prev_hash, hash) VALUES (999, 'x', 'x', 'x', 'x', 'x', 'x', 'x')"] {
            let r = try sql(q)
            #expect(r.0 != 0 && r.2.contains("permission denied"), "\(q): \(r)")
        }
        // The owner may hold every grant; the log still refuses to change.
        for q in ["UPDATE \(Self.schema).audit_log SET action = 'x'", "DELETE FROM \(Self.schema).audit_log", "TRUNCATE \(Self.schema).audit_log"] {
            let r = try s.pg.psql(as: "postgres", q)
            #expect(r.0 != 0 && r.2.contains("append-only"), "\(q): \(r)")
        }
    }

    @Test("kill -9 during migrate, with every table copied and the commit not yet made: nothing is left half-copied")
    func killDuringMigrate() throws {
        let s = try Setup()
        let first = try s.migrate("410401")
        try #require(first.status == 0, "\(first)")
        // Hold the registry, which a migration writes last: the copy is then whole and uncommitted.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        holder.arguments = ["-u", "postgres", "--", "\(PostgresCluster.bin)/psql", "-h", s.pg.socketDir, "-p", "\(s.pg.port)", "-d", "jiannuo", "-X", "-q",
                            "-c", "BEGIN; LOCK TABLE jiannuo.ledgers IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120); COMMIT"]
        holder.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        holder.standardOutput = FileHandle.nullDevice; holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let migrate = Process()
        migrate.executableURL = URL(fileURLWithPath: s.cli.bin)
        migrate.arguments = ["migrate", "--from", s.cli.db, "--to", s.pg.conninfo, "--county", Self.county]
        migrate.standardOutput = FileHandle.nullDevice; migrate.standardError = FileHandle.nullDevice
        try migrate.run()
        var waiting = false
        for _ in 0..<600 where !waiting {
            waiting = try s.pg.query("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jiannuo' AND wait_event_type = 'Lock'
                    AND query LIKE 'INSERT INTO jiannuo.ledgers%'
                """) == "1"
            if !waiting { usleep(50_000) }
        }
        try #require(waiting, "the migration never reached its last statement")
        #expect(try s.pg.query("SELECT count(*) FROM pg_namespace WHERE nspname = '\(Self.schema)'") == "0", "not visible before the commit")
        kill(migrate.processIdentifier, SIGKILL)
        migrate.waitUntilExit()
        _ = try s.pg.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()")
        var gone = false
        for _ in 0..<200 where !gone {
            gone = try s.pg.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jiannuo'") == "0"
            if !gone { usleep(50_000) }
        }
        try #require(gone, "the killed migration's session never ended")
        #expect(try s.pg.query("SELECT count(*) FROM pg_namespace WHERE nspname = '\(Self.schema)'") == "0")
        #expect(try s.pg.query("SELECT string_agg(county, ',') FROM jiannuo.ledgers") == "410401")
        let again = try s.migrate()
        #expect(again.status == 0, "\(again)")
        #expect(try again.object()["already_there"] as? Bool == false)
    }
}
