import Foundation
import JiannuoTestSupport
import Testing

/// Writing on the city database: the same commands leave the same ledger as on the file, the kept
/// counts follow every write, and writers in several processes at once, with a dashboard open, lose
/// nothing and keep the chain whole.
@Suite("CLI: writing on PostgreSQL", .serialized) struct PostgresWriteTests {
    typealias Setup = PostgresCLITests.Setup
    static let county = PostgresCLITests.county
    static let schema = PostgresCLITests.schema

    @Test("the same writes on the file and on the migrated county leave the same ledger: records, scores, alerts and kept counts")
    func sameWritesOnBothEngines() throws {
        let s = try Setup()
        try #require(try s.migrate().status == 0)
        // Records whose past allows the steps below on 2026-11-20 (the demo runs up to the real day).
        func id(_ sql: String) throws -> String { try s.fileValue(sql) }
        let inHand = try id("""
            SELECT id FROM complaints WHERE accepted_at < '2026-11-20T09' AND resolved_at IS NULL AND extension_days IS NULL
                AND resolve_due >= '2026-11-20' ORDER BY id LIMIT 1
            """)
        let promise = try id("SELECT id FROM commitments WHERE department = 'GXJ' AND status IN ('not_started', 'in_progress', 'stalled') AND made < '2026-11-19' ORDER BY id LIMIT 1")
        let writes: [[String]] = [
            ["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "两端同写：窗口拖延", "--received", "2026-11-20 09:00",
             "--complainant", "李四", "--contact", "13800001111", "--urgency", "urgent"],
            ["complaint", "accept", "@new", "--at", "2026-11-20 09:30"],
            ["complaint", "resolve", "@new", "--result", "已办结", "--at", "2026-11-20 10:00"],
            ["complaint", "respond", "@new", "--text", "已答复", "--at", "2026-11-20 10:30"],
            ["complaint", "followup", "@new", "--satisfied", "no", "--note", "仍不满意", "--at", "2026-11-20 11:00"],
            ["complaint", "verify", "@new", "--breach", "yes", "--finding", "属实", "--category", "2", "--at", "2026-11-20 11:30"],
            ["complaint", "add", "--channel", "visit", "--department", "GXJ", "--content", "两端同写：派错了单位", "--received", "2026-11-20 08:00"],
            ["complaint", "return", "@new", "--to", "FGW", "--reason", "错派", "--at", "2026-11-20 08:30"],
            ["complaint", "extend", inHand, "--days", "5", "--reason", "情况复杂", "--at", "2026-11-20 09:20"],
            ["commitment", "add", "--department", "GXJ", "--category", "2", "--kind", "contract", "--counterparty", "平顶山某公司",
             "--content", "两端同写的承诺", "--made", "2026-11-01", "--deadline", "2026-11-15", "--procedures", "public,legality"],
            ["commitment", "progress", promise, "--percent", "60", "--date", "2026-11-19"],
            ["commitment", "feedback", promise, "--text", "已向企业反馈进度", "--date", "2026-11-19"],
            ["commitment", "amend", promise, "--deadline", "2027-03-01", "--reason", "公共利益", "--legal-basis", "条例", "--approver", "县长",
             "--date", "2026-11-19"],
            ["commitment", "fulfill", promise, "--date", "2026-11-20"],
        ]
        // `@new`: the complaint added last, on each side (the same id: the series moved with the ledger).
        var newOnFile = "", newInCity = "", added: [String] = []
        for w in writes {
            let file = try s.file(w.map { $0 == "@new" ? newOnFile : $0 } + ["--json"])
            let city = try s.city(w.map { $0 == "@new" ? newInCity : $0 } + ["--json"])
            #expect(file.status == 0 && city.status == 0, "\(file)\n\(city)")
            if w[0] == "complaint" && w[1] == "add" {
                newOnFile = try file.object()["id"] as? String ?? ""
                newInCity = try city.object()["id"] as? String ?? ""
                #expect(!newOnFile.isEmpty && newOnFile == newInCity)
                added.append(newOnFile)
            }
            #expect(file.stdout == city.stdout, "\(w.joined(separator: " ")) answers differently on the two engines")
        }
        let waiting = try #require(added.last), first = try #require(added.first)
        let reads: [[String]] = [
            ["complaint", "show", first, "--json"], ["complaint", "show", waiting, "--json"], ["complaint", "show", inHand, "--json"],
            ["commitment", "show", promise, "--json"], ["commitment", "list", "--json", "--department", "GXJ"], ["breach", "list", "--json"],
            ["scores", "--json"], ["alerts", "--json"], ["department", "show", "GXJ", "--json"], ["department", "show", "FGW", "--json"],
            ["complaint", "list", "--json", "--limit", "80"], ["render", "--width", "120", "--height", "40", "--focus", "scores"],
            // As known the day before the writes above: their steps undone, the same on both engines.
            ["alerts", "--as-known", "2026-11-19", "--json"], ["department", "show", "GXJ", "--as-known", "2026-11-19", "--json"],
            ["scores", "--as-known", "2026-11-19", "--json"],
        ]
        try s.expectSameOnBoth(reads)
        // Every write was audited on a chain that verifies, and the counts kept on write equal a recomputation.
        let doctor = try s.city(["doctor", "--json"])
        #expect(doctor.status == 0 && doctor.stdout.contains("tallies"), "\(doctor)")
        #expect(try s.city(["audit", "verify"]).status == 0)
        let logged = try s.pg.query("SELECT count(*) FROM \(Self.schema).audit_log WHERE action LIKE 'complaint.%' OR action LIKE 'commitment.%' OR action = 'breach.add'")
        #expect(Int(logged) == writes.count + 1, "audit rows: \(logged)")
        // A fulfilment claimed for two weeks back waits for confirmation on both engines, then counts as claimed.
        let late = try id("""
            SELECT id FROM commitments WHERE department = 'GXJ' AND status IN ('not_started', 'in_progress', 'stalled') AND made < '2026-10-01'
                AND id <> '\(promise)' AND NOT EXISTS (SELECT 1 FROM commitment_entries e WHERE e.commitment = commitments.id AND e.date > '2026-11-05')
            ORDER BY id LIMIT 1
            """)
        for args in [["commitment", "fulfill", late, "--date", "2026-11-05", "--json"], ["pending", "--json"]] {
            let file = try s.file(args), city = try s.city(args)
            #expect(file.status == 0 && file.stdout == city.stdout, "\(file)\n\(city)")
        }
        let event = try #require(try s.city(["pending", "--json"]).array().first { $0["record"] as? String == late }?["event"] as? String)
        let confirm = ["confirm", event, "--evidence", "付款凭证", "--json"]
        let confirmedOnFile = try s.file(confirm), confirmedInCity = try s.city(confirm)
        #expect(confirmedOnFile.status == 0 && confirmedOnFile.stdout == confirmedInCity.stdout, "\(confirmedOnFile)\n\(confirmedInCity)")
        try s.expectSameOnBoth([["commitment", "show", late, "--json"], ["scores", "--json"], ["department", "show", "GXJ", "--json"]])
        #expect(try s.city(["pending", "--json"]).array().isEmpty && (try s.file(["pending", "--json"]).array().isEmpty))
        #expect(try s.city(["doctor"]).status == 0)
        // A refused write leaves nothing behind: a complaint for an unknown unit.
        let before = try s.pg.query("SELECT count(*) FROM \(Self.schema).complaints")
        let bad = try s.city(["complaint", "add", "--channel", "hotline", "--department", "NOPE", "--content", "x"])
        #expect(bad.status != 0 && bad.stderr.contains("NOPE"), "\(bad)")
        #expect(try s.pg.query("SELECT count(*) FROM \(Self.schema).complaints") == before)
    }

    @Test("a liaison writes its own unit's complaints through the program on PostgreSQL, and no other unit's")
    func liaisonWrites() throws {
        let s = try Setup()
        let liaison = "jnpgwriter"
        let (st, _, e) = try runProcess("/bin/sh", ["-c", "id -u \(liaison) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(liaison)"], home: "/tmp")
        try #require(st == 0, "\(e)")
        try #require(try s.cli.run(["user", "add", liaison, "--name", "工信局联络员", "--role", "liaison", "--department", "GXJ"]).status == 0)
        try #require(try s.migrate().status == 0)
        let bin = try PostgresCLITests.sharedBinary(s.cli)
        func run(_ args: [String]) throws -> (Int32, String, String) {
            try runProcess("/usr/sbin/runuser", ["-u", liaison, "--", bin] + args + ["--db", s.pg.conninfo, "--county", Self.county], home: "/tmp")
        }
        // A liaison resolves its unit's complaints (accepting is the intake desk's).
        let inHand = "accepted_at IS NOT NULL AND resolved_at IS NULL AND contact IS NOT NULL"
        let own = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department = 'GXJ' AND \(inHand) ORDER BY id LIMIT 1")
        let other = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department NOT IN ('GXJ', 'ZXQFWZX') AND \(inHand) ORDER BY id LIMIT 1")
        let contact = try s.pg.query("SELECT contact FROM \(Self.schema).complaints WHERE id = '\(own)'")
        let resolved = try run(["complaint", "resolve", own, "--result", "已办结"])
        #expect(resolved.0 == 0, "\(resolved)")
        #expect(try s.pg.query("SELECT resolved_at IS NOT NULL FROM \(Self.schema).complaints WHERE id = '\(own)'") == "t")
        // The contact the liaison never saw is not written back masked.
        #expect(try s.pg.query("SELECT contact FROM \(Self.schema).complaints WHERE id = '\(own)'") == contact)
        #expect(try s.pg.query("SELECT operator FROM \(Self.schema).audit_log ORDER BY seq DESC LIMIT 1") == liaison)
        let refused = try run(["complaint", "resolve", other, "--result", "已办结"])
        #expect(refused.0 == 77, "\(refused)")
        #expect(try s.pg.query("SELECT resolved_at IS NULL FROM \(Self.schema).complaints WHERE id = '\(other)'") == "t")
        // It accepts its own unit's complaints; it may not extend a limit (the office's step): 77, by the role table.
        // Two new ones to accept and to return: the demo made for the real day may have none waiting at this hour.
        for n in 1...2 {
            let add = try s.city(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--complainant", "丁\(n)", "--content", "待受理 \(n)"])
            try #require(add.status == 0, "\(add)")
        }
        let waiting = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department = 'GXJ' AND accepted_at IS NULL ORDER BY id LIMIT 1")
        let accept = try run(["complaint", "accept", waiting])
        #expect(accept.0 == 0, "\(accept)")
        #expect(try s.pg.query("SELECT accepted_at IS NOT NULL FROM \(Self.schema).complaints WHERE id = '\(waiting)'") == "t")
        let extend = try run(["complaint", "extend", waiting, "--days", "2", "--reason", "协调"])
        #expect(extend.0 == 77 && extend.2.contains("无权延期"), "\(extend)")
        // It returns one misrouted to it: the complaint goes to the right unit, out of the liaison's sight.
        let misrouted = try s.pg.query("SELECT id FROM \(Self.schema).complaints WHERE department = 'GXJ' AND accepted_at IS NULL ORDER BY id LIMIT 1")
        let back = try run(["complaint", "return", misrouted, "--to", "FGW", "--reason", "属发改委职责"])
        #expect(back.0 == 0, "\(back)")
        #expect(try s.pg.query("SELECT department || ' ' || returned_from FROM \(Self.schema).complaints WHERE id = '\(misrouted)'") == "FGW GXJ")
        #expect(try run(["complaint", "show", misrouted]).0 == 77)
        // In psql it can no longer change the complaint it gave away.
        let again = try s.pg.psql(as: liaison, "UPDATE complaints SET department = 'GXJ' WHERE id = '\(misrouted)'", searchPath: Self.schema)
        #expect(again.1.contains("UPDATE 0") || again.0 != 0, "\(again)")
        #expect(try s.pg.query("SELECT department FROM \(Self.schema).complaints WHERE id = '\(misrouted)'") == "FGW")
        #expect(try s.city(["audit", "verify"]).status == 0)
        #expect(try s.city(["doctor"]).status == 0)
    }

    @Test("4 writer processes × 300 complaints at once on PostgreSQL, with a dashboard open: 1,200 rows, no error, the chain intact, the dashboard showing them")
    func fourWritersWithDashboard() throws {
        let s = try Setup()
        try #require(try s.migrate().status == 0)
        let session = "jnpgw\(getpid())", socket = s.cli.path("tmux.sock")
        // Through python's subprocess, which closes the descriptors Foundation's Process leaves open:
        // the tmux server would inherit them and Process would wait for it forever.
        let python = try executable("python3"), tmuxPath = try executable("tmux")
        func tmux(_ args: [String], env: [String: String] = [:]) throws -> (Int32, String, String) {
            try runProcess(python, ["-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))", tmuxPath, "-S", socket] + args,
                           home: s.cli.dir.path, extraEnv: env)
        }
        func pane() throws -> String { try tmux(["capture-pane", "-p", "-t", session]).1 }
        func openCount(_ screen: String) -> Int? {
            guard let r = screen.range(of: #"投诉举报 \(\d+/(\d+)\)"#, options: .regularExpression) else { return nil }
            return Int(screen[r].split(separator: "/").last?.dropLast() ?? "")
        }
        func waitFor(_ seconds: Double, _ ok: (String) -> Bool) throws -> String {
            let end = Date().addingTimeInterval(seconds)
            var screen = ""
            repeat { screen = try pane(); if ok(screen) { return screen }; usleep(100_000) } while Date() < end
            return screen
        }
        let command = [s.cli.bin, "--db", s.pg.conninfo, "--county", Self.county, "--today", "2026-11-20"].map { "'\($0)'" }.joined(separator: " ")
        let started = try tmux(["new-session", "-d", "-s", session, "-x", "160", "-y", "40", command], env: ["TERM": "xterm-256color"])
        try #require(started.0 == 0, "\(started)")
        defer { _ = try? tmux(["kill-server"]) }
        let first = try waitFor(20) { openCount($0) != nil }
        let before = try #require(openCount(first), "the dashboard did not come up:\n\(first)")

        let rows = try Int(s.pg.query("SELECT count(*) FROM \(Self.schema).complaints")) ?? 0
        let script = """
            rc=0
            for i in $(seq 300); do
              "$BIN" complaint add --channel hotline --department GXJ --content "并发写入 $W-$i" --db "$DB" --county \(Self.county) --today 2026-11-20 >/dev/null || { rc=1; echo "worker $W item $i failed" >&2; }
            done
            exit $rc
            """
        var workers: [(Process, URL)] = []
        for w in 1...4 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script]
            var env = ProcessInfo.processInfo.environment
            for k in ["JIANNUO_DB", "JIANNUO_TODAY", "JIANNUO_COUNTY", "LC_ALL", "LC_MESSAGES"] { env[k] = nil }
            env["LANG"] = "C.UTF-8"; env["BIN"] = s.cli.bin; env["DB"] = s.pg.conninfo; env["W"] = "\(w)"; env["HOME"] = s.cli.dir.path
            p.environment = env
            let err = s.cli.dir.appendingPathComponent("writer\(w).err")
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: err)
            p.standardOutput = FileHandle.nullDevice
            workers.append((p, err))
        }
        let t0 = Date()
        for (p, _) in workers { try p.run() }
        for (p, _) in workers { p.waitUntilExit() }
        print("PostgreSQL: 1,200 complaint adds in 4 processes took \(String(format: "%.1f", Date().timeIntervalSince(t0))) s")
        for (p, err) in workers {
            #expect(p.terminationStatus == 0)
            #expect(try String(contentsOf: err, encoding: .utf8) == "")
        }
        #expect(try Int(s.pg.query("SELECT count(*) FROM \(Self.schema).complaints")) == rows + 1200)
        let ids = try s.pg.query("SELECT count(DISTINCT id) FROM \(Self.schema).complaints WHERE content LIKE '并发写入%'")
        #expect(ids == "1200")
        #expect(try s.city(["audit", "verify"]).status == 0)
        #expect(try s.city(["doctor"]).status == 0)
        // The open dashboard heard every commit (LISTEN/NOTIFY) and shows the new complaints.
        let after = try waitFor(10) { openCount($0) == before + 1200 }
        #expect(openCount(after) == before + 1200, "the dashboard shows \(openCount(after) ?? -1), not \(before + 1200):\n\(after)")
    }
}

extension PostgresWriteTests {
    @Test("imports on PostgreSQL add what the file's import adds, judge the promises, skip what is there and refuse bad rows whole")
    func importsOnBothEngines() throws {
        let s = try Setup()
        for kind in ["departments", "commitments", "complaints"] {
            let r = try s.file(["export", kind, "-o", s.cli.path("\(kind).csv")])
            try #require(r.status == 0, "\(r)")
        }
        // An empty ledger with the units only, as a file and as a county of the city database.
        let empty = s.cli.path("empty.sqlite")
        try #require(try s.cli.raw(["init", "--db", empty]).status == 0)
        try #require(try s.cli.raw(["import", "departments", s.cli.path("departments.csv"), "--db", empty]).status == 0)
        try #require(try s.migrate("410499", from: empty).status == 0)
        // The demo's records run up to the real day: imported as of today, read as of the tests' day.
        func both(_ args: [String], today: [String] = ["--today", "2026-11-20"]) throws -> (Run, Run) {
            (try s.cli.raw(args + ["--db", empty] + today), try s.cli.raw(args + ["--db", s.pg.conninfo, "--county", "410499"] + today))
        }
        for kind in ["commitments", "complaints"] {
            let (file, city) = try both(["import", kind, s.cli.path("\(kind).csv"), "--json"], today: [])
            #expect(file.status == 0 && city.status == 0 && file.stdout == city.stdout, "\(file)\n\(city)")
            let imported = city.status == 0 ? try city.object()["imported"] as? Int ?? 0 : 0
            #expect(imported > 100, "\(city)")
        }
        for args in [["commitment", "list", "--json"], ["complaint", "list", "--json", "--limit", "200"], ["scores", "--json"],
                     ["alerts", "--json"], ["department", "show", "GXJ", "--json"]] {
            let (file, city) = try both(args)
            #expect(file.status == 0 && file.stdout == city.stdout && file.stdout.count > 50, "\(args.joined(separator: " ")) differs after the imports")
        }
        #expect(try s.city(["doctor"], county: "410499").status == 0)
        // Again: everything is already there.
        let again = try both(["import", "commitments", s.cli.path("commitments.csv"), "--json"], today: []).1
        let reimported = again.status == 0 ? try again.object()["imported"] as? Int : nil
        #expect(reimported == 0, "\(again)")
        // A row naming a unit that does not exist refuses the whole file, and nothing is written.
        let bad = s.cli.path("bad.csv")
        let lines = try String(contentsOfFile: s.cli.path("commitments.csv"), encoding: .utf8).split(separator: "\n")
        let header = String(lines[0]), row = String(lines[1])
        let column = try #require(header.split(separator: ",").firstIndex(of: "责任单位"))
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[0] = "CN-2099-0001"; fields[column] = "NOPE"
        try (header + "\n" + fields.joined(separator: ",") + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let count = try s.pg.query("SELECT count(*) FROM ledger_410499.commitments")
        let refused = try both(["import", "commitments", bad], today: []).1
        #expect(refused.status == 65 && refused.stderr.contains("NOPE"), "\(refused)")
        #expect(try s.pg.query("SELECT count(*) FROM ledger_410499.commitments") == count)
    }
}

extension PostgresWriteTests {
    @Test("breaches, rectifications, accountability, opinions, escalations, inspections, units, the calendar and the rules: the same on both engines")
    func otherWritesOnBothEngines() throws {
        let s = try Setup()
        try #require(try s.migrate().status == 0)
        func id(_ sql: String) throws -> String { try s.fileValue(sql) }
        // Two breaches found on the day, on both sides, to report, rectify, hold to account and escalate.
        let answered = try s.cli.sqlite(["""
            SELECT id FROM complaints WHERE responded_at < '2026-11-19' AND verified_at IS NULL AND department = 'GXJ' ORDER BY id LIMIT 2
            """]).1.split(separator: "\n").map(String.init)
        try #require(answered.count == 2, "two answered complaints")
        for c in answered {
            let args = ["complaint", "verify", c, "--breach", "yes", "--finding", "属实", "--category", "2", "--at", "2026-11-20 10:00"]
            let file = try s.file(args), city = try s.city(args)
            #expect(file.status == 0 && city.status == 0 && file.stdout == city.stdout, "\(file)\n\(city)")
        }
        // The two just found (the demo, which runs up to the real day, may hold others of that date, reported since).
        let breaches = try s.cli.sqlite(["SELECT id FROM breaches WHERE complaint IN ('\(answered.joined(separator: "','"))') ORDER BY id"])
            .1.split(separator: "\n").map(String.init)
        try #require(breaches.count == 2, "two breaches of the day")
        let rectification = try id("SELECT id FROM rectifications WHERE completed_on IS NULL AND opened < '2026-11-19' ORDER BY id LIMIT 1")
        let rules = packageRoot.appendingPathComponent("Sources/JiannuoStore/Data/rules.toml").path
        let writes: [[String]] = [
            ["breach", "report", breaches[0], "--date", "2026-11-20"],
            ["rectification", "add", breaches[0], "--unit", "GXJ", "--measures", "限期整改", "--deadline", "2026-12-31", "--ordered", "2026-11-20"],
            ["rectification", "done", rectification, "--date", "2026-11-20"],
            ["accountability", "add", breaches[0], "--kind", "interview", "--date", "2026-11-20"],
            ["opinion", "add", "--department", "GXJ", "--title", "网帖反映办事难", "--source", "微博", "--severity", "high", "--date", "2026-11-20"],
            // The demo runs up to the real day, so an opinion left open before the tests' day may not exist: handle the new one.
            ["opinion", "handle", "@opinion", "--date", "2026-11-20", "--note", "已回应"],
            ["escalate", breaches[1], "--date", "2026-11-20", "--note", "逾期未整改"],
            ["inspection", "add", "--name", "营商环境专项检查", "--from", "2026-11-16", "--to", "2026-11-30", "--departments", "GXJ,FGW",
             "--inspectors", "张三、李四"],
            ["inspection", "finding", "add", "@inspection", "--department", "GXJ", "--issue", "承诺未公开", "--basis", "通知第三条",
             "--severity", "medium", "--date", "2026-11-20", "--order-rectification", "--deadline", "2026-12-20", "--measures", "公开承诺"],
            ["department", "add", "--code", "XJDW", "--name", "县新建单位", "--kind", "county-department"],
            ["department", "rename", "XJDW", "--name", "县新设单位", "--date", "2026-11-18"],
            ["department", "set-contact", "XJDW", "--phone", "0375-8123456"],
            ["department", "merge", "XJDW", "--into", "GXJ", "--date", "2026-11-19"],
            ["calendar", "add-holiday", "2026-12-07", "--note", "临时休息"],
            ["calendar", "add-workday", "2026-12-12", "--note", "调休上班"],
            ["calendar", "remove", "2026-12-07"],
            ["rules", "apply", rules],
        ]
        // `@kind`: the id the last `kind add` gave on each engine.
        var added: [String: [String]] = [:]
        for w in writes {
            func on(_ side: Int) -> [String] { w.map { $0.hasPrefix("@") ? added[String($0.dropFirst())]?[side] ?? $0 : $0 } + ["--json"] }
            let file = try s.file(on(0)), city = try s.city(on(1))
            #expect(file.status == 0 && city.status == 0, "\(file)\n\(city)")
            #expect(file.stdout == city.stdout, "\(w.joined(separator: " ")) answers differently on the two engines")
            if w[1] == "add", let a = try? file.object()["id"] as? String, let b = try? city.object()["id"] as? String { added[w[0]] = [a, b] }
        }
        try s.expectSameOnBoth([
            ["breach", "list", "--json"], ["rectification", "list", "--json"], ["accountability", "list", "--json"], ["opinion", "list", "--json"],
            ["escalations", "--json"], ["inspection", "list", "--json"], ["inspection", "finding", "list", "--json"], ["department", "list", "--json"],
            ["department", "show", "GXJ", "--json"], ["scores", "--json"], ["alerts", "--json"], ["calendar", "show", "2026-12"],
            ["complaint", "list", "--json", "--status", "open", "--limit", "100"],
        ])
        #expect(try s.city(["doctor"]).status == 0)
        #expect(try s.city(["audit", "verify"]).status == 0)
    }
}

extension PostgresWriteTests {
    @Test("evidence files move with the ledger into PostgreSQL, come back byte for byte, and a changed one fails verify there too")
    func attachmentsOnPostgres() throws {
        let s = try Setup()
        let promise = try s.fileValue("SELECT id FROM commitments WHERE department = 'GXJ' ORDER BY id LIMIT 1")
        let pdf = Data("%PDF-1.4\n% 两端的附件\n%%EOF\n".utf8)
        let file = s.cli.path("凭证.pdf")
        try pdf.write(to: URL(fileURLWithPath: file))
        let attached = try s.file(["attach", promise, file, "--json"])
        #expect(attached.status == 0, "\(attached)")
        let id = try #require(try attached.object()["id"] as? String)
        try #require(try s.migrate().status == 0)
        let out = s.cli.path("back.pdf")
        #expect(try s.city(["attachment", "get", id, "-o", out]).status == 0)
        #expect(FileManager.default.contents(atPath: out) == pdf)
        // Attached in the city: the same answer as on the file.
        let args = ["attach", promise, file, "--note", "再次提交", "--json"]
        let onFile = try s.file(args), inCity = try s.city(args)
        #expect(onFile.status == 0 && onFile.stdout == inCity.stdout, "\(onFile)\n\(inCity)")
        #expect(try s.city(["audit", "verify"]).status == 0)
        _ = try s.pg.query("UPDATE \(Self.schema).attachment_files SET content = content || '\\x00'::bytea")
        let changed = try s.city(["audit", "verify"])
        #expect(changed.status == 65 && changed.stderr.contains(id), "\(changed)")
    }
}
