import Foundation
import JiannuoTestSupport
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
        /// `jiannuo ARGS` on the city database (the migrated county), as of the CLI's day.
        func city(_ args: [String], county: String = PostgresCLITests.county) throws -> Run {
            try cli.raw(args + ["--db", pg.conninfo, "--county", county, "--today", "2026-11-20"])
        }
        /// The same on the SQLite file.
        func file(_ args: [String]) throws -> Run { try cli.raw(args + ["--db", cli.db, "--today", "2026-11-20"]) }

        /// The first value a query gives on the SQLite file (records chosen for a test).
        func fileValue(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let (st, out, err) = try cli.sqlite([sql])
            return try #require(st == 0 ? out.split(separator: "\n").first.map(String.init) : nil, "\(sql): \(err)", sourceLocation: sourceLocation)
        }

        /// Each command says the same of the file and of the migrated county, and says something.
        func expectSameOnBoth(_ commands: [[String]], sourceLocation: SourceLocation = #_sourceLocation) throws {
            for args in commands {
                let file = try file(args), city = try city(args)
                #expect(file.status == 0 && city.status == 0, "\(file)\n\(city)", sourceLocation: sourceLocation)
                // The dashboard's header names where the ledger is: the only line that may differ.
                let a = args[0] == "render" ? file.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") : file.stdout
                let b = args[0] == "render" ? city.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") : city.stdout
                #expect(a == b && a.count > 50, "\(args.joined(separator: " ")) differs between the engines", sourceLocation: sourceLocation)
            }
        }
    }

    /// The built binary copied where any account may run it (the build directory may be closed to others).
    static func sharedBinary(_ cli: CLI) throws -> String {
        let dir = cli.path("bin")
        let builtDir = (cli.bin as NSString).deletingLastPathComponent
        let (s, _, e) = try runProcess("/bin/sh", ["-c", "mkdir -p \(dir) && cp \(cli.bin) \(dir)/ && (cp -r \(builtDir)/*.resources \(dir)/ 2>/dev/null; true) && chmod 755 \(cli.dir.path) && chmod -R a+rX \(dir)"], home: "/tmp")
        try #require(s == 0, "\(e)")
        return dir + "/jiannuo"
    }

    @Test("migrate copies every table, verified on both sides; again it writes nothing; other data for the county is refused")
    func migrateOnce() throws {
        let s = try Setup()
        let first = try s.migrate()
        try #require(first.status == 0, "\(first)")
        let o = try first.object()
        #expect(o["already_there"] as? Bool == false)
        let tables = try #require(o["tables"] as? [[String: Any]])
        #expect(tables.count == 35)
        for name in ["complaints", "commitments", "audit_log", "score_facts", "stage_months", "users"] {
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

        let otherComplaint = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department NOT IN ('GXJ', 'ZXQFWZX') LIMIT 1")
        // Besides its own, the complaints it returned to another unit (it answers for a late return).
        let seen = try sql("SELECT DISTINCT department FROM complaints WHERE returned_from IS NULL OR returned_from NOT IN \(units) ORDER BY 1")
        #expect(seen.0 == 0, "\(seen)")
        let departments = Set(seen.1.split(separator: "\n").map(String.init))
        #expect(!departments.isEmpty && departments.isSubset(of: ["GXJ", "ZXQFWZX"]), "\(departments)")
        for table in ["complaints", "commitments", "breaches", "rectifications", "score_facts"] {
            let column = table == "rectifications" ? "unit" : "department"
            let returned = table == "complaints" ? " AND (returned_from IS NULL OR returned_from NOT IN \(units))" : ""
            let other = try sql("SELECT count(*) FROM \(table) WHERE \(column) NOT IN \(units)\(returned)")
            #expect(other.0 == 0 && other.1.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(table): \(other)")
        }
        let mine = try sql("SELECT count(*) FROM commitments")
        #expect(Int(mine.1.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0, "own unit's commitments: \(mine)")
        #expect(try sql("SELECT count(*) FROM users").1.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        // The units themselves are public, as in the file: it names the unit a misrouted complaint belongs to.
        let allUnits = try s.pg.query("SELECT count(*) FROM \(Self.schema).departments")
        #expect(try sql("SELECT count(*) FROM departments").1.trimmingCharacters(in: .whitespacesAndNewlines) == allUnits)
        #expect(try sql("UPDATE departments SET name = name || 'x'").0 != 0, "but it changes none")

        // The program, run as the liaison against the city database, says what it says of the file for that unit.
        let bin = try Self.sharedBinary(s.cli)
        let theirs = try runProcess("/usr/sbin/runuser", ["-u", liaison, "--", bin, "complaint", "list", "--json", "--db", s.pg.conninfo,
                                                          "--county", Self.county, "--today", "2026-11-20"], home: "/tmp")
        let ours = try s.file(["complaint", "list", "--json", "--department", "GXJ"])
        #expect(theirs.0 == 0 && theirs.1 == ours.stdout && ours.stdout.contains("****"), "liaison: \(theirs.0) \(theirs.2)")
        let other = try runProcess("/usr/sbin/runuser", ["-u", liaison, "--", bin, "complaint", "show", otherComplaint, "--db", s.pg.conninfo,
                                                         "--county", Self.county], home: "/tmp")
        #expect(other.0 == 77, "another unit's complaint: \(other)")
        // Through the masking view, psql gives the liaison what the program shows, never more.
        let masked = try s.pg.psql(as: liaison, "SELECT count(*) FROM complaints WHERE contact NOT LIKE '%*%'",
                                   searchPath: "\(Self.schema)_masked,\(Self.schema)")
        #expect(masked.0 == 0 && masked.1.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(masked)")

        for q in ["SELECT contact FROM complaints LIMIT 1", "SELECT * FROM complaints LIMIT 1"] {
            let r = try sql(q)
            #expect(r.0 != 0 && r.2.contains("permission denied"), "\(q): \(r)")
        }
        let otherRow = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department NOT IN \(units) LIMIT 1")
        let before = try s.pg.query("SELECT content FROM \(Self.schema).complaints WHERE id = '\(otherRow)'")
        // A column its steps write, on another unit's row: no row is its to change.
        let change = try sql("UPDATE complaints SET response = '改' WHERE id = '\(otherRow)'")
        #expect(change.0 == 0 && change.1.contains("UPDATE 0"), "\(change)")
        // A column no step of its writes (what the complaint says): refused outright.
        let content = try sql("UPDATE complaints SET content = '改' WHERE id = '\(otherRow)'")
        #expect(content.0 != 0 && content.2.contains("permission denied"), "\(content)")
        let steal = try sql("UPDATE complaints SET department = 'GXJ' WHERE id = '\(otherRow)'")
        #expect(steal.1.contains("UPDATE 0"), "\(steal)")
        #expect(try s.pg.query("SELECT content FROM \(Self.schema).complaints WHERE id = '\(otherRow)'") == before)
        // Even its own unit's rows are written only through the program, whose audit keeps the digests.
        let own = try sql("UPDATE complaints SET response = '改' WHERE department IN \(units)")
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

    @Test("every read command says the same of the migrated county as of its file")
    func sameReadsOnBothEngines() throws {
        let s = try Setup()
        let m = try s.migrate()
        try #require(m.status == 0, "\(m)")
        let complaint = try #require(try s.file(["complaint", "list", "--json", "--limit", "1"]).array().first?["id"] as? String)
        let commands: [[String]] = [
            ["alerts", "--json"], ["scores", "--json"], ["complaint", "list", "--json", "--limit", "60"],
            ["complaint", "list", "--json", "--status", "open", "--department", "GXJ"], ["commitment", "list", "--json", "--status", "open"],
            ["breach", "list", "--json"], ["rectification", "list", "--json"], ["opinion", "list", "--json"], ["department", "list", "--json"],
            ["department", "show", "GXJ", "--json"], ["complaint", "show", complaint, "--json"], ["commitment", "list", "--json", "--department", "GXJ"],
            ["user", "list", "--json"], ["audit", "list", "--json"], ["render", "--width", "100", "--height", "30", "--focus", "scores"],
            ["render", "--width", "160", "--height", "50", "--keys", "2 Enter"],
            ["export", "complaints"], ["export", "commitments"], ["report"], ["report", "--format", "md"], ["escalations"], ["inspection", "list"],
        ]
        try s.expectSameOnBoth(commands)
        let header = try s.city(["render", "--width", "100", "--height", "30"]).stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("\(Self.county)·PostgreSQL"), "\(header)")
    }

    @Test("doctor checks the engine's side, audit verify catches a row changed in the database, init joins a county, and a backup is pg_dump's")
    func engineSide() throws {
        let s = try Setup()
        let m = try s.migrate()
        try #require(m.status == 0, "\(m)")
        let healthy = try s.city(["doctor"])
        #expect(healthy.status == 0 && healthy.stdout.contains("强制行级安全"), "\(healthy)")
        let schema = Self.schema
        let breakages: [(String, String, String)] = [
            ("GRANT DELETE ON \(schema).complaints TO \(schema)_liaison", "REVOKE DELETE ON \(schema).complaints FROM \(schema)_liaison", "DELETE"),
            ("ALTER TABLE \(schema).breaches NO FORCE ROW LEVEL SECURITY", "ALTER TABLE \(schema).breaches FORCE ROW LEVEL SECURITY", "breaches"),
            ("ALTER TABLE \(schema).audit_log DISABLE TRIGGER jn_append_only", "ALTER TABLE \(schema).audit_log ENABLE TRIGGER jn_append_only", "jn_append_only"),
            ("GRANT SELECT (contact) ON \(schema).complaints TO \(schema)_liaison", "REVOKE SELECT (contact) ON \(schema).complaints FROM \(schema)_liaison", "contact"),
            // Beyond grants: an added permissive policy, a role membership, a function, the database opened to all.
            ("CREATE POLICY jn_extra ON \(schema).complaints FOR SELECT USING (true)", "DROP POLICY jn_extra ON \(schema).complaints", "complaints.jn_extra"),
            ("GRANT \(schema)_admin TO \(schema)_liaison", "REVOKE \(schema)_admin FROM \(schema)_liaison", "\(schema)_admin←\(schema)_liaison"),
            ("GRANT EXECUTE ON FUNCTION \(schema).jn_rebuild_counts() TO \(schema)_liaison", "REVOKE EXECUTE ON FUNCTION \(schema).jn_rebuild_counts() FROM \(schema)_liaison",
             "jn_rebuild_counts"),
            ("GRANT TEMPORARY ON DATABASE jiannuo TO PUBLIC", "REVOKE TEMPORARY ON DATABASE jiannuo FROM PUBLIC", "PUBLIC"),
            ("GRANT UPDATE (deadline) ON \(schema).commitments TO \(schema)_liaison", "REVOKE UPDATE (deadline) ON \(schema).commitments FROM \(schema)_liaison",
             "commitments.deadline"),
        ]
        for (breakIt, mend, named) in breakages {
            _ = try s.pg.query(breakIt)
            let r = try s.city(["doctor"])
            #expect(r.status == 65 && r.stdout.contains(named), "\(breakIt): \(r)")
            _ = try s.pg.query(mend)
        }
        #expect(try s.city(["doctor"]).status == 0)

        // Writing outside the program: refused at commit without an audit row, even to a superuser; a superuser
        // who turns the digest trigger off is caught by verify.
        let id = try s.pg.query("SELECT id FROM \(schema).complaints ORDER BY id LIMIT 1")
        let bare = try s.pg.psql(as: "postgres", "UPDATE \(schema).complaints SET content = '改' WHERE id = '\(id)'")
        #expect(bare.0 != 0 && bare.2.contains("write it through jiannuo"), "\(bare)")
        #expect(try s.city(["audit", "verify"]).status == 0)
        let sneaky = try s.pg.psql(as: "postgres", """
            ALTER TABLE \(schema).complaints DISABLE TRIGGER jn_digest_update; UPDATE \(schema).complaints SET content = '改' WHERE id = '\(id)';
            ALTER TABLE \(schema).complaints ENABLE TRIGGER jn_digest_update
            """)
        #expect(sneaky.0 == 0, "\(sneaky)")
        let caught = try s.city(["audit", "verify", "--json"])
        #expect(caught.status == 65, "\(caught)")
        let tampered = try caught.object()["tampered"] as? [[String: Any]] ?? []
        #expect(tampered.contains { $0["table"] as? String == "complaints" }, "\(caught.stdout)")

        // A backup is pg_dump's on this engine: refused plainly, nothing written.
        let copy = s.cli.path("city-backup.sqlite")
        let backup = try s.city(["backup", copy])
        #expect(backup.status == 74 && backup.stderr.contains("pg_dump"), "\(backup)")
        #expect(!FileManager.default.fileExists(atPath: copy))
        // init: a county already there is ready; a new one joins as an empty ledger; without a county, a usage error.
        #expect(try s.city(["init"]).status == 0)
        let fresh = try s.city(["init", "--json"], county: "410498")
        #expect(fresh.status == 0 && fresh.stdout.contains("410498"), "\(fresh)")
        #expect(try s.pg.query("SELECT count(*) FROM ledger_410498.departments") == "0")
        let unit = try s.city(["department", "add", "--code", "GXJ", "--name", "县工信局", "--kind", "county-department"], county: "410498")
        #expect(unit.status == 0, "\(unit)")
        #expect(try s.city(["audit", "verify"], county: "410498").status == 0)
        #expect(try s.cli.raw(["init", "--db", s.pg.conninfo]).status == 64)
        let demo = try s.cli.raw(["status", "--demo", "--db", s.pg.conninfo])
        #expect(demo.status == 64, "\(demo)")
    }

    @Test("with several counties the officer chooses one; an unknown county is named")
    func choosingACounty() throws {
        let s = try Setup()
        // Before any county joins, the database has no registry: said as such, with or without a county asked for.
        for args in [["status", "--db", s.pg.conninfo], ["status", "--db", s.pg.conninfo, "--county", "410422"]] {
            let empty = try s.cli.raw(args)
            #expect(empty.status != 0 && (empty.stderr.contains("还没有账本") || empty.stderr.contains("没有县（区）410422")), "\(empty)")
        }
        for county in ["410422", "410423"] {
            let m = try s.migrate(county)
            try #require(m.status == 0, "\(m)")
        }
        let none = try s.cli.raw(["status", "--db", s.pg.conninfo])
        #expect(none.status == 64 && none.stderr.contains("410422") && none.stderr.contains("410423"), "\(none)")
        let unknown = try s.city(["status"], county: "410499")
        #expect(unknown.status == 66, "\(unknown)")
        let env = try s.cli.raw(["alerts", "--json", "--db", s.pg.conninfo, "--today", "2026-11-20"], env: ["JIANNUO_COUNTY": "410423"])
        #expect(env.status == 0, "\(env)")
        // demo --db URI fills a county of the city database, as a migration would.
        let demo = try s.cli.raw(["demo", "--db", s.pg.conninfo, "--county", "410424", "--seed", "5", "--today", "2026-11-20"])
        #expect(demo.status == 0, "\(demo)")
        #expect(try s.city(["status"], county: "410424").status == 0)
        #expect(try s.pg.query("SELECT count(*) FROM ledger_410424.complaints") == "3000")
        let twice = try s.cli.raw(["demo", "--db", s.pg.conninfo, "--county", "410424", "--seed", "6", "--today", "2026-11-20"])
        #expect(twice.status == 65, "\(twice)")
        let noCounty = try s.cli.raw(["demo", "--db", s.pg.conninfo])
        #expect(noCounty.status == 64, "\(noCounty)")

        // The city ranking: every county's units together, highest first, each with its rank in its county.
        let city = try s.cli.raw(["scores", "--city", "--json", "--db", s.pg.conninfo, "--today", "2026-11-20"]).array()
        var perCounty: [String: [[String: Any]]] = [:]
        for county in ["410422", "410423", "410424"] { perCounty[county] = try s.city(["scores", "--json"], county: county).array() }
        #expect(city.count == perCounty.values.map(\.count).reduce(0, +) && city.count > 30, "\(city.count) rows")
        #expect(city.map { $0["rank"] as? Int ?? 0 } == Array(1...city.count))
        let scores = city.map { $0["score"] as? Double ?? -1 }
        #expect(scores == scores.sorted(by: >))
        for row in city {
            let county = row["county"] as? String ?? "", code = row["department"] as? String ?? ""
            let own = perCounty[county]?.first { $0["department"] as? String == code }
            #expect(own?["rank"] as? Int == row["county_rank"] as? Int && own?["score"] as? Double == row["score"] as? Double, "\(county) \(code)")
        }
        #expect(try s.cli.raw(["scores", "--city", "--db", s.cli.db]).status == 64)

        // A county's schema made by another version of the program is refused before anything reads it, named.
        let drop = try s.pg.psql(as: "postgres", "DELETE FROM ledger_410423.grdb_migrations WHERE identifier = 'v19-bulletins'")
        try #require(drop.0 == 0, "\(drop)")
        let older = try s.city(["status"], county: "410423")
        #expect(older.status == 74 && older.stderr.contains("v19-bulletins") && older.stdout.isEmpty, "\(older)")
        let later = try s.pg.psql(as: "postgres", "INSERT INTO ledger_410423.grdb_migrations VALUES ('v19-bulletins'), ('v99-later')")
        try #require(later.0 == 0, "\(later)")
        let newer = try s.city(["alerts"], county: "410423")
        #expect(newer.status == 74 && newer.stderr.contains("v99-later"), "\(newer)")
        #expect(try s.city(["status"], county: "410422").status == 0, "the other counties are unaffected")
    }

    @Test("user add, set-role and disable on PostgreSQL make and grant the role, each audited on a chain that still verifies in the program")
    func accountsAsRoles() throws {
        let s = try Setup()
        let m = try s.migrate()
        try #require(m.status == 0, "\(m)")
        let schema = Self.schema
        func member(_ group: String) throws -> String {
            try s.pg.query("SELECT pg_has_role('jnpgnew', '\(schema)_\(group)', 'MEMBER')")
        }
        let add = try s.city(["user", "add", "jnpgnew", "--name", "新联络员", "--role", "liaison", "--department", "GXJ", "--json"])
        try #require(add.status == 0, "\(add)")
        #expect(try member("liaison") == "t")
        #expect(try s.pg.query("SELECT string_agg(department, ',' ORDER BY department) FROM \(schema).role_units WHERE role = 'jnpgnew'")
                == "GXJ,ZXQFWZX")
        let again = try s.city(["user", "add", "jnpgnew", "--name", "重复", "--role", "intake"])
        #expect(again.status == 65, "\(again)")

        let promote = try s.city(["user", "set-role", "jnpgnew", "--role", "supervisor"])
        #expect(promote.status == 0, "\(promote)")
        #expect(try member("supervisor") == "t" && member("liaison") == "f")
        #expect(try s.pg.query("SELECT count(*) FROM \(schema).role_units WHERE role = 'jnpgnew'") == "0")
        let disable = try s.city(["user", "disable", "jnpgnew"])
        #expect(disable.status == 0, "\(disable)")
        #expect(try member("supervisor") == "f")
        let last = try s.city(["user", "disable", s.pg.account])
        #expect(last.status == 65, "the last admin: \(last)")

        let log = try s.city(["audit", "list", "--json"]).array()
        let actions = log.compactMap { $0["action"] as? String }
        #expect(Array(actions.prefix(3)) == ["user.disable", "user.set-role", "user.add"], "\(actions)")
        #expect(log.prefix(3).allSatisfy { $0["operator"] as? String == s.pg.account })
        // The rows appended by PostgreSQL verify in the program, after the rows the file wrote.
        let verify = try s.city(["audit", "verify", "--json"])
        #expect(verify.status == 0, "\(verify)")
        #expect(try verify.object()["rows"] as? Int == (try s.cli.count("audit_log")) + 3)
        #expect(try s.city(["doctor"]).status == 0)
        #expect(try s.city(["user", "list", "--json"]).array().contains { $0["account"] as? String == "jnpgnew" && $0["active"] as? Bool == false })

        // A reveal shows the contact in full and leaves its row, on this engine too.
        let id = try s.pg.query("SELECT id FROM \(schema).complaints WHERE contact LIKE '1%' ORDER BY id LIMIT 1")
        let shown = try s.city(["complaint", "show", id, "--reveal", "--json"])
        #expect(shown.status == 0, "\(shown)")
        let full = try s.pg.query("SELECT contact FROM \(schema).complaints WHERE id = '\(id)'")
        #expect(try shown.object()["contact"] as? String == full && !full.contains("*"), "\(shown.stdout)")
        let top = try s.city(["audit", "list", "--json"]).array().first
        #expect(top?["action"] as? String == "complaint.reveal" && top?["entity_id"] as? String == id, "\(String(describing: top))")
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
}

