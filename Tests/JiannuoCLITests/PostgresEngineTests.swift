import Foundation
import JiannuoTestSupport
import Testing

/// The engine enforces, the client only asks: officers in `psql` against the city database, doing
/// what the program would never do. A change without an audit row is refused at commit; with one, the
/// row names the officer's own role and the server's time, whatever the officer passes; the lock that
/// serialises appends is no officer's to hold; no officer makes temporary objects, and a role outside
/// the county's groups cannot connect. CI runs as root.
@Suite("PostgreSQL: the engine enforces, the client only asks", .serialized) struct PostgresEngineTests {
    static let schema = PostgresCLITests.schema, county = PostgresCLITests.county
    static let liaison = "jnpgengliai", intake = "jnpgengintake", supervisor = "jnpgengsup", stranger = "jnpgengstranger"
    static let admin = "jnpgengadmin", newcomer = "jnpgengnew"

    static func account(_ name: String) throws {
        let (st, _, e) = try runProcess("/bin/sh", ["-c", "id -u \(name) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(name)"], home: "/tmp")
        try #require(st == 0, "\(e)")
    }

    /// The program as `account` (runuser) on the migrated county.
    static func program(_ s: PostgresCLITests.Setup, _ bin: String, _ account: String, _ args: [String]) throws -> (Int32, String, String) {
        try runProcess("/usr/sbin/runuser", ["-u", account, "--", bin] + args + ["--db", s.pg.conninfo, "--county", county], home: "/tmp")
    }

    /// `before`: what is written on the file before it moves to the city.
    static func setup(before: (PostgresCLITests.Setup) throws -> Void = { _ in }) throws -> PostgresCLITests.Setup {
        let s = try PostgresCLITests.Setup()
        for a in [liaison, intake, supervisor, stranger, admin, newcomer] { try account(a) }
        try #require(try s.cli.run(["user", "add", liaison, "--name", "工信局联络员", "--role", "liaison", "--department", "GXJ"]).status == 0)
        try #require(try s.cli.run(["user", "add", intake, "--name", "受理员", "--role", "intake"]).status == 0)
        try #require(try s.cli.run(["user", "add", supervisor, "--name", "督查员", "--role", "supervisor"]).status == 0)
        try #require(try s.cli.run(["user", "add", admin, "--name", "县管理员", "--role", "admin"]).status == 0)
        try before(s)
        let m = try s.migrate()
        try #require(m.status == 0, "\(m)")
        return s
    }

    @Test("a liaison's own promise rewritten in psql: refused without an audit row; with one, audited as the liaison at the server's time")
    func directWritesAreRefusedOrAuditedFaithfully() throws {
        let s = try Self.setup()
        func sql(_ who: String, _ q: String) throws -> (Int32, String, String) { try s.pg.psql(as: who, q, searchPath: Self.schema) }
        let own = try s.pg.query("SELECT id FROM \(Self.schema).commitments WHERE department = 'GXJ' AND status <> 'fulfilled' ORDER BY id LIMIT 1")
        try #require(!own.isEmpty)
        let status = try s.pg.query("SELECT status FROM \(Self.schema).commitments WHERE id = '\(own)'")
        // Fulfilled today: within its columns, after the promise was made, not in the future.
        let today = try s.pg.query("SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')")
        let rewrite = "UPDATE commitments SET status = 'fulfilled', progress = 100, fulfilled_on = '\(today)' WHERE id = '\(own)'"
        let bare = try sql(Self.liaison, rewrite)
        #expect(bare.0 != 0 && bare.2.contains("write it through jiannuo"), "\(bare)")
        #expect(try s.pg.query("SELECT status FROM \(Self.schema).commitments WHERE id = '\(own)'") == status)
        // The append that took its time from the caller is gone.
        let forged = try sql(Self.liaison, "SELECT jn_audit_append('commitment.fulfill', 'commitment', '\(own)', NULL, NULL, NULL, '2020-01-01T00:00:00+08:00')")
        #expect(forged.0 != 0 && forged.2.contains("does not exist"), "\(forged)")
        let rows = try s.pg.query("SELECT count(*) FROM \(Self.schema).audit_log")
        let appended = try sql(Self.liaison, "BEGIN; \(rewrite); SELECT jn_audit_append('commitment.fulfill', 'commitment', '\(own)', NULL, NULL, NULL); COMMIT")
        #expect(appended.0 == 0, "\(appended)")
        // Only an act its role may do: the same write recorded as an account change or an unknown act is refused.
        for act in ["user.add", "report.issue", "anything"] {
            let other = try sql(Self.liaison, "BEGIN; UPDATE commitments SET progress = 99 WHERE id = '\(own)'; SELECT jn_audit_append('\(act)', 'commitment', '\(own)', NULL, NULL, NULL); COMMIT")
            #expect(other.0 != 0 && other.2.contains("is not an act the role"), "\(act): \(other)")
        }
        #expect(try s.pg.query("SELECT count(*) FROM \(Self.schema).audit_log") == String((Int(rows) ?? 0) + 1))
        let last = try s.pg.query("SELECT operator || '|' || at FROM \(Self.schema).audit_log ORDER BY seq DESC LIMIT 1")
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        #expect(last.hasPrefix("\(Self.liaison)|\(formatter.string(from: Date()))T") && last.hasSuffix("+08:00"), "\(last)")
        // The chain holds: the write is the liaison's own, on the record, within what its role may change.
        let verify = try s.city(["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
        let listed = try s.city(["audit", "list", "--json", "--limit", "1"])
        #expect(listed.stdout.contains(Self.liaison), "\(listed.stdout)")
        // No event after today, audit row or not: a promise fulfilled next year, a complaint answered tomorrow.
        let tomorrow = try s.pg.query("SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + 1, 'YYYY-MM-DD')")
        let future = try sql(Self.liaison, "BEGIN; UPDATE commitments SET fulfilled_on = '\(tomorrow)', status = 'fulfilled', progress = 100 WHERE id = '\(own)'; SELECT jn_audit_append('commitment.fulfill', 'commitment', '\(own)', NULL, NULL, NULL); COMMIT")
        #expect(future.0 != 0 && future.2.contains("cannot be dated in the future"), "\(future)")
        let answered = try sql(Self.liaison, "UPDATE complaints SET responded_at = '\(tomorrow)T09:00:00+08:00' WHERE department = 'GXJ'")
        #expect(answered.0 != 0 && answered.2.contains("cannot be dated in the future"), "\(answered)")
        // Nor a step before the one it follows: a promise fulfilled before it was made.
        let early = try sql(Self.liaison, "BEGIN; UPDATE commitments SET fulfilled_on = '2000-01-01', status = 'fulfilled', progress = 100 WHERE id = '\(own)'; SELECT jn_audit_append('commitment.fulfill', 'commitment', '\(own)', NULL, NULL, NULL); COMMIT")
        #expect(early.0 != 0 && early.2.contains("before the step it follows"), "\(early)")
        let answeredEarly = try sql(Self.liaison, "UPDATE complaints SET responded_at = '2000-01-01T09:00:00+08:00' WHERE department = 'GXJ' AND resolved_at IS NOT NULL")
        #expect(answeredEarly.0 != 0 && answeredEarly.2.contains("before the step it follows"), "\(answeredEarly)")
        // What its steps never change it may not change, audit row or not: the deadline, the content, the amount.
        for column in ["deadline = '2030-12-31'", "content = '改'", "amount_fen = 1"] {
            let r = try sql(Self.liaison, "BEGIN; UPDATE commitments SET \(column) WHERE id = '\(own)'; SELECT jn_audit_append('x', 'commitment', '\(own)', NULL, NULL, NULL); COMMIT")
            #expect(r.0 != 0 && r.2.contains("permission denied"), "\(column): \(r)")
        }
        let received = try sql(Self.liaison, "UPDATE complaints SET received = '2020-01-01T00:00:00+08:00' WHERE department = 'GXJ'")
        #expect(received.0 != 0 && received.2.contains("permission denied"), "\(received)")
        // Another unit's promise stays out of reach, audit row or not.
        let other = try s.pg.query("SELECT id FROM \(Self.schema).commitments WHERE department NOT IN ('GXJ', 'ZXQFWZX') ORDER BY id LIMIT 1")
        let reach = try sql(Self.liaison, "UPDATE commitments SET status = 'fulfilled' WHERE id = '\(other)'")
        #expect(reach.1.contains("UPDATE 0") || reach.0 != 0, "\(reach)")
    }

    @Test("only the append and the digest encoder are callable; the appends' lock is no officer's; no temporary objects; strangers cannot connect")
    func nothingToHoldOrFake() throws {
        let s = try Self.setup()
        func sql(_ who: String, _ q: String) throws -> (Int32, String, String) { try s.pg.psql(as: who, q, searchPath: Self.schema) }
        for (who, q) in [(Self.liaison, "SELECT jn_rebuild_counts()"), (Self.intake, "SELECT jn_judge_commitments(ARRAY['CN-2026-0001'])"),
                         (Self.intake, "SELECT jn_require_audit()"), (Self.liaison, "SELECT * FROM jn_chain_head FOR UPDATE"),
                         (Self.intake, "SELECT count(*) FROM jn_pending"), (Self.intake, "CREATE TEMP TABLE t (i int)")] {
            let r = try sql(who, q)
            #expect(r.0 != 0 && r.2.contains("permission denied"), "\(who): \(q): \(r)")
        }
        _ = try s.pg.query("CREATE ROLE \(Self.stranger) LOGIN")
        let out = try s.pg.psql(as: Self.stranger, "SELECT 1")
        #expect(out.0 != 0 && out.2.contains("permission denied for database"), "\(out)")

        // The key the appends once locked is anyone's to take: holding it now stalls no write.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        holder.arguments = ["-u", Self.liaison, "--", "\(PostgresCluster.bin)/psql", "-h", s.pg.socketDir, "-p", "\(s.pg.port)", "-d", "jiannuo", "-X", "-q",
                            "-c", "BEGIN; SELECT pg_advisory_xact_lock(hashtext('jiannuo.audit.\(Self.schema)')); SELECT pg_sleep(60); COMMIT"]
        holder.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        holder.standardOutput = FileHandle.nullDevice; holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        var holding = false
        for _ in 0..<200 where !holding {
            holding = try s.pg.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted") == "1"
            if !holding { usleep(50_000) }
        }
        try #require(holding, "the liaison never took the lock")
        let started = Date()
        let write = try s.city(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--complainant", "甲", "--contact", "13800000000",
                                "--content", "锁测试"])
        #expect(write.status == 0 && Date().timeIntervalSince(started) < 10, "\(write)")
        _ = try s.pg.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()")
    }

    @Test("an intake clerk and a supervisor never read a full contact, in psql or through the program, and their work goes on; verifying is a leader's or an admin's")
    func contactsStayMasked() throws {
        let s = try Self.setup()
        let phone = "13912345678"
        let added = try s.city(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--complainant", "乙", "--contact", phone,
                                "--content", "联系方式不外泄", "--json"])
        try #require(added.status == 0, "\(added)")
        let masked = "\(Self.schema)_masked,\(Self.schema)"
        // The raw log holds the number (what the test guards is there to find).
        #expect(try s.pg.query("SELECT count(*) FROM \(Self.schema).audit_log WHERE after LIKE '%\(phone)%'") != "0")
        for who in [Self.intake, Self.supervisor] {
            for q in ["SELECT contact FROM \(Self.schema).complaints LIMIT 1", "SELECT * FROM \(Self.schema).complaints LIMIT 1",
                      "SELECT after FROM \(Self.schema).audit_log LIMIT 1"] {
                let r = try s.pg.psql(as: who, q)
                #expect(r.0 != 0 && r.2.contains("permission denied"), "\(who): \(q): \(r)")
            }
            let all = try s.pg.psql(as: who, "SELECT count(*) FROM complaints", searchPath: masked)
            #expect(all.1.trimmingCharacters(in: .whitespacesAndNewlines) == (try s.pg.query("SELECT count(*) FROM \(Self.schema).complaints")), "\(who) reads every complaint: \(all)")
            let full = try s.pg.psql(as: who, "SELECT count(*) FROM complaints WHERE contact NOT LIKE '%*%'", searchPath: masked)
            #expect(full.0 == 0 && full.1.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(who): \(full)")
            let log = try s.pg.psql(as: who, "SELECT count(*) FROM audit_log WHERE coalesce(before, '') || coalesce(after, '') LIKE '%\(phone)%'", searchPath: masked)
            #expect(log.0 == 0 && log.1.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(who): \(log)")
        }
        // The program as each of them: intake registers and accepts, the supervisor verifies; lists and the log stay masked.
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        func run(_ who: String, _ args: [String]) throws -> (Int32, String, String) { try Self.program(s, bin, who, args) }
        let add = try run(Self.intake, ["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--complainant", "丙", "--contact", "13700001111", "--category", "3",
                                        "--content", "受理员登记", "--json"])
        try #require(add.0 == 0, "\(add)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(add.1.utf8)) as? [String: Any])?["id"] as? String, "\(add.1)")
        let accept = try run(Self.intake, ["complaint", "accept", id])
        #expect(accept.0 == 0, "\(accept)")
        let verified = try run(Self.supervisor, ["complaint", "verify", id, "--breach", "yes", "--finding", "属实"])
        #expect(verified.0 == 0, "\(verified)")
        for who in [Self.intake, Self.supervisor] {
            let list = try run(who, ["complaint", "list", "--json", "--department", "GXJ"])
            #expect(list.0 == 0 && !list.1.contains(phone) && !list.1.contains("13700001111") && list.1.contains("****"), "\(who): \(list.0) \(list.2)")
        }
        let audit = try run(Self.supervisor, ["audit", "list", "--json", "--limit", "20"])
        #expect(audit.0 == 0 && !audit.1.contains("13700001111") && !audit.1.contains(phone), "\(audit.0) \(audit.2)")
        let verify = try run(Self.supervisor, ["audit", "verify"])
        #expect(verify.0 == 77 && verify.2.contains("领导或管理员"), "\(verify)")
        #expect(try s.city(["audit", "verify"]).status == 0)
        #expect(try s.city(["doctor"]).status == 0)
    }

    @Test("a county's administrator who does not own the schema verifies, runs doctor and manages accounts, through the owner's function alone")
    func countyAdminIsNotTheOwner() throws {
        let s = try Self.setup()
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        func run(_ args: [String]) throws -> (Int32, String, String) { try Self.program(s, bin, Self.admin, args) }
        #expect(try s.pg.query("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = '\(Self.admin)'") == "f")
        for args in [["audit", "verify"], ["doctor"]] {
            let r = try run(args)
            #expect(r.0 == 0, "\(args): \(r)")
        }
        func groups() throws -> String {
            try s.pg.query("""
                SELECT coalesce(string_agg(g.rolname, ',' ORDER BY g.rolname), '') FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
                JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = '\(Self.newcomer)'
                """)
        }
        #expect(try run(["user", "add", Self.newcomer, "--name", "新人", "--role", "intake"]).0 == 0)
        #expect(try groups() == "\(Self.schema)_intake")
        #expect(try run(["user", "set-role", Self.newcomer, "--role", "liaison", "--department", "GXJ"]).0 == 0)
        #expect(try groups() == "\(Self.schema)_liaison")
        #expect(try s.pg.query("SELECT string_agg(department, ',' ORDER BY department) FROM \(Self.schema).role_units WHERE role = '\(Self.newcomer)'") == "GXJ,ZXQFWZX")
        #expect(try run(["user", "disable", Self.newcomer]).0 == 0)
        #expect(try groups() == "")
        let doctor = try run(["doctor"])
        #expect(doctor.0 == 0, "\(doctor)")
        // The function takes the role from the ledger's own row: a role that is no account gains nothing; a liaison may not call it.
        let stranger = try s.pg.psql(as: Self.admin, "SELECT jn_account_role('postgres', ARRAY['GXJ'])", searchPath: Self.schema)
        #expect(stranger.0 != 0 && stranger.2.contains("not an account"), "\(stranger)")
        let liaison = try s.pg.psql(as: Self.liaison, "SELECT jn_account_role('\(Self.liaison)', ARRAY['FGW'])", searchPath: Self.schema)
        #expect(liaison.0 != 0 && liaison.2.contains("permission denied"), "\(liaison)")
    }

    @Test("through the program a liaison still moves its promises and answers its complaints: its steps fit the columns it is granted")
    func liaisonStepsFitTheirColumns() throws {
        let s = try Self.setup()
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        func run(_ args: [String]) throws -> (Int32, String, String) { try Self.program(s, bin, Self.liaison, args) }
        let open = try s.pg.query("""
            SELECT string_agg(id, ',' ORDER BY id) FROM (SELECT id FROM \(Self.schema).commitments
            WHERE department = 'GXJ' AND status IN ('not_started', 'in_progress', 'stalled') ORDER BY id LIMIT 2) t
            """).split(separator: ",").map(String.init)
        try #require(open.count == 2, "\(open)")
        let progress = try run(["commitment", "progress", open[0], "--percent", "70"])
        #expect(progress.0 == 0, "\(progress)")
        let fulfil = try run(["commitment", "fulfill", open[1]])
        #expect(fulfil.0 == 0, "\(fulfil)")
        #expect(try s.pg.query("SELECT status FROM \(Self.schema).commitments WHERE id = '\(open[1])'") == "fulfilled")
        let complaint = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department = 'GXJ' AND accepted_at IS NOT NULL AND resolved_at IS NULL ORDER BY id LIMIT 1")
        try #require(!complaint.isEmpty)
        let resolve = try run(["complaint", "resolve", complaint, "--result", "已办结"])
        #expect(resolve.0 == 0, "\(resolve)")
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
    @Test("claimed and recorded days in the engine: a liaison cannot date its own step in the past nor decide a claim; an event is recorded at the server's time; only the office confirms, in its own name")
    func claimsHoldInTheEngine() throws {
        let s = try Self.setup()
        func sql(_ who: String, _ q: String) throws -> (Int32, String, String) { try s.pg.psql(as: who, q, searchPath: Self.schema) }
        func audited(_ q: String, _ id: String) -> String { "BEGIN; \(q); SELECT jn_audit_append('x', 'commitment', '\(id)', NULL, NULL, NULL); COMMIT" }
        let day = { (offset: Int) in try s.pg.query("SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date + \(offset), 'YYYY-MM-DD')") }
        let yesterday = try day(-1), lastWeek = try day(-7)
        let own = try s.pg.query("SELECT id FROM \(Self.schema).commitments WHERE department = 'GXJ' AND status IN ('not_started', 'in_progress', 'stalled') AND made < '\(lastWeek)' ORDER BY id LIMIT 1")
        try #require(!own.isEmpty)
        let now = "to_char(clock_timestamp() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+08:00'"
        let entry = "INSERT INTO commitment_entries(commitment, kind, date, percent, recorded_at, claim, claimed) VALUES ('\(own)', 'progress'"
        // Its own progress dated last week, as if it had counted then: refused; waiting, as the program records it: taken.
        let backdated = try sql(Self.liaison, audited("\(entry), '\(lastWeek)', 50, \(now), NULL, NULL)", own))
        #expect(backdated.0 != 0 && backdated.2.contains("waits for the office"), "\(backdated)")
        let recordedLongAgo = try sql(Self.liaison, audited("\(entry), '\(try day(0))', 50, '2020-01-01T09:00:00+08:00', NULL, NULL)", own))
        #expect(recordedLongAgo.0 != 0 && recordedLongAgo.2.contains("server's time"), "\(recordedLongAgo)")
        let selfConfirmed = try sql(Self.liaison, audited("\(entry), '\(lastWeek)', 50, \(now), 'confirmed', '\(lastWeek)')", own))
        #expect(selfConfirmed.0 != 0 && selfConfirmed.2.contains("decided by the office"), "\(selfConfirmed)")
        // A step of its own complaint set to yesterday in psql: refused (through the program it would wait).
        let complaint = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department = 'GXJ' AND accepted_at < '\(lastWeek)' AND resolved_at IS NULL ORDER BY id LIMIT 1")
        try #require(!complaint.isEmpty)
        let resolved = try sql(Self.liaison, "BEGIN; UPDATE complaints SET resolved_at = '\(yesterday)T09:00:00+08:00', result = '已办' WHERE id = '\(complaint)'; SELECT jn_audit_append('x', 'complaint', '\(complaint)', NULL, NULL, NULL); COMMIT")
        #expect(resolved.0 != 0 && resolved.2.contains("waits for the office"), "\(resolved)")

        // Through the program the liaison's claim is recorded, waiting; it cannot decide it in psql, nor can a
        // supervisor decide it in another's name or move what it claims; the supervisor's confirmation stands.
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        let progress = try Self.program(s, bin, Self.liaison, ["commitment", "progress", own, "--percent", "60", "--date", lastWeek])
        #expect(progress.0 == 0, "\(progress)")
        let waiting = try s.pg.query("SELECT id || '|' || claim || '|' || date FROM \(Self.schema).commitment_entries WHERE commitment = '\(own)' ORDER BY id DESC LIMIT 1")
        let parts = waiting.split(separator: "|").map(String.init)
        try #require(parts.count == 3 && parts[1] == "pending" && parts[2] == (try day(0)), "\(waiting)")
        let decide = { (who: String, by: String) in
            "UPDATE commitment_entries SET claim = 'confirmed', decided_by = '\(by)', decided_at = \(now), decision = '自证', date = '\(lastWeek)' WHERE id = \(parts[0])"
        }
        let ownDecision = try sql(Self.liaison, audited(decide(Self.liaison, Self.liaison), own))
        #expect(ownDecision.0 != 0 && (ownDecision.2.contains("office's (claim.confirm)") || ownDecision.2.contains("permission denied")), "\(ownDecision)")
        let inAnothersName = try sql(Self.supervisor, audited(decide(Self.supervisor, "someone"), own))
        #expect(inAnothersName.0 != 0 && inAnothersName.2.contains("in the deciding account's name"), "\(inAnothersName)")
        let moved = try sql(Self.supervisor, audited("UPDATE commitment_entries SET recorded_at = '2020-01-01T09:00:00+08:00' WHERE id = \(parts[0])", own))
        #expect(moved.0 != 0 && moved.2.contains("never changed"), "\(moved)")
        #expect(try s.pg.query("SELECT claim FROM \(Self.schema).commitment_entries WHERE id = \(parts[0])") == "pending")
        let confirmed = try Self.program(s, bin, Self.supervisor, ["confirm", "JL-\(parts[0])", "--evidence", "会议纪要"])
        #expect(confirmed.0 == 0, "\(confirmed)")
        #expect(try s.pg.query("SELECT claim || '|' || date || '|' || decided_by FROM \(Self.schema).commitment_entries WHERE id = \(parts[0])")
                == "confirmed|\(lastWeek)|\(Self.supervisor)")
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
    @Test("supervision letters move to the city with the ledger, are issued there by the office and replied to by the unit's liaison alone; the chain verifies")
    func lettersOnTheCity() throws {
        // A letter issued on the file before the move is carried over with the ledger.
        let s = try Self.setup { s in
            let file = try s.file(["letter", "GXJ", "-o", s.cli.path("before.md"), "--json"])
            try #require(file.status == 0, "\(file)")
        }
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        let carried = try Self.program(s, bin, Self.supervisor, ["letter", "list", "--json"])
        #expect(carried.0 == 0 && carried.1.contains("DB-2026-0001"), "\(carried)")
        let issued = try Self.program(s, bin, Self.supervisor, ["letter", "GXJ", "-o", "/tmp/jn-city-letter-\(UUID().uuidString).html", "--json"])
        #expect(issued.0 == 0 && issued.1.contains("DB-2026-0002"), "\(issued)")
        #expect(try Self.program(s, bin, Self.intake, ["letter", "GXJ", "-o", "/tmp/jn-x-\(UUID().uuidString).html"]).0 == 77)
        let reply = try Self.program(s, bin, Self.liaison, ["letter", "reply", "DB-2026-0002", "--text", "已办理"])
        #expect(reply.0 == 0, "\(reply)")
        // In psql the liaison cannot rewrite what the letter said, only its reply columns are its own.
        let rewrite = try s.pg.psql(as: Self.liaison, "UPDATE letters SET reply_by = '2030-01-01' WHERE id = 'DB-2026-0002'", searchPath: Self.schema)
        #expect(rewrite.0 != 0 && rewrite.2.contains("permission denied"), "\(rewrite)")
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
}
