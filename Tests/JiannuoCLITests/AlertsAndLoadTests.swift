import Foundation
import JiannuoTestSupport
import Testing

@Suite("CLI: alerts, concurrency, demo", .serialized)
struct AlertsAndLoadTests {
    struct Tuple: Hashable, CustomStringConvertible {
        let kind: String, record: String, level: String, due: String, department: String, daysLeft: Int, unit: String
        var description: String { "(\(kind), \(record), \(level), \(due), \(department), \(daysLeft) \(unit))" }
    }

    @Test("alerts --json on a hand-built ledger lists exactly the expected alerts, most urgent first")
    func alerts() throws {
        let cli = try CLI(today: "2026-10-08")   // Thursday, the first working day after National Day
        for (code, name) in [("FGW", "县发改委"), ("CZJ", "县财政局"), ("OLD", "县中小企业服务中心")] {
            try cli.ok(["department", "add", "--code", code, "--name", name, "--kind", "county-department"])
        }
        func commitment(_ dep: String, _ category: String, _ made: String, _ deadline: String, _ extra: [String] = []) throws -> String {
            try cli.ok(["commitment", "add", "--department", dep, "--category", category, "--kind", "contract", "--counterparty", "某公司",
                        "--content", "承诺", "--made", made, "--deadline", deadline] + extra)["id"] as! String
        }
        func complaint(_ dep: String, _ received: String, _ urgency: String = "normal", _ extra: [String] = []) throws -> String {
            try cli.ok(["complaint", "add", "--channel", "hotline", "--department", dep, "--content", "投诉", "--received", received,
                        "--urgency", urgency] + extra)["id"] as! String
        }
        let a = try commitment("FGW", "1", "2026-01-05", "2026-09-30")      // 8 days late, 1 working day: overdue
        let b = try commitment("CZJ", "2", "2026-01-05", "2026-10-15")      // 7 days left: nearing
        _ = try commitment("CZJ", "2", "2026-01-05", "2026-10-16")          // 8 days left: nothing
        let dd = try commitment("FGW", "4", "2026-01-05", "2026-10-08")     // due today
        let e = try commitment("OLD", "5", "2026-01-05", "2026-09-01")      // long overdue: escalate, owed by FGW after the merge
        let f = try commitment("FGW", "3", "2026-07-01", "2026-12-31",      // arrears: delivered 8-01 + 45 days = 9-15
                               ["--amount", "80000", "--delivered", "2026-08-01", "--payment-days", "45"])
        let fulfilled = try commitment("FGW", "1", "2026-01-05", "2026-09-01")
        try cli.ok(["commitment", "fulfill", fulfilled, "--date", "2026-08-20"])
        try cli.ok(["department", "merge", "OLD", "--into", "FGW", "--date", "2026-09-15"])

        let x = try complaint("FGW", "2026-09-30 10:00")                    // accept by 10-08: due today
        let y = try complaint("CZJ", "2026-09-29 10:00", "critical")        // resolve by 9-30: overdue during the holiday
        try cli.ok(["complaint", "accept", y, "--at", "2026-09-29 11:00"])
        let z = try complaint("FGW", "2026-09-28 09:00", "urgent")          // respond by 10-09: nearing
        try cli.ok(["complaint", "accept", z, "--at", "2026-09-28 10:00"])
        try cli.ok(["complaint", "resolve", z, "--result", "已办", "--at", "2026-10-08 08:00"])
        let w = try complaint("FGW", "2026-10-08 08:00")                    // returned to CZJ: accept by 10-09
        try cli.ok(["complaint", "return", w, "--to", "CZJ", "--reason", "错派"])
        let v = try complaint("FGW", "2026-09-21 09:00", "normal", ["--category", "1"])  // resolve by 10-15: not yet
        try cli.ok(["complaint", "accept", v, "--at", "2026-09-21 10:00"])
        let done = try complaint("FGW", "2026-09-21 09:00")
        try cli.ok(["complaint", "accept", done, "--at", "2026-09-21 10:00"])
        try cli.ok(["complaint", "resolve", done, "--result", "已办", "--at", "2026-09-22 10:00"])
        try cli.ok(["complaint", "respond", done, "--text", "已告知", "--at", "2026-09-22 11:00"])
        let sx = try cli.ok(["complaint", "verify", v, "--breach", "yes", "--finding", "属实"])["id"] as! String   // unreported
        let zg = try cli.ok(["rectification", "add", sx, "--unit", "CZJ", "--measures", "整改", "--deadline", "2026-10-12"])["id"] as! String
        let low = try cli.ok(["opinion", "add", "--department", "CZJ", "--title", "网帖", "--source", "微博", "--severity", "low",
                              "--date", "2026-10-08"])["id"] as! String
        let high = try cli.ok(["opinion", "add", "--department", "FGW", "--title", "视频", "--source", "抖音", "--severity", "high",
                               "--date", "2026-10-07"])["id"] as! String

        let r = try cli.run(["alerts", "--json"])
        #expect(r.status == 0, "\(r)")
        let rows = try r.array()
        let got = rows.map { Tuple(kind: $0["kind"] as? String ?? "?", record: $0["record"] as? String ?? "?", level: $0["level"] as? String ?? "?",
                                   due: $0["due"] as? String ?? "?", department: $0["department"] as? String ?? "?",
                                   daysLeft: $0["days_left"] as? Int ?? 999, unit: $0["day_unit"] as? String ?? "?") }
        let expected = [
            Tuple(kind: "commitment", record: e, level: "escalate", due: "2026-09-01", department: "FGW", daysLeft: -37, unit: "calendar"),
            Tuple(kind: "arrears", record: f, level: "escalate", due: "2026-09-15", department: "FGW", daysLeft: -23, unit: "calendar"),
            Tuple(kind: "breach_report", record: sx, level: "escalate", due: "2026-10-08", department: "FGW", daysLeft: 0, unit: "working"),
            Tuple(kind: "opinion", record: high, level: "escalate", due: "2026-10-08", department: "FGW", daysLeft: 0, unit: "working"),
            Tuple(kind: "commitment", record: a, level: "overdue", due: "2026-09-30", department: "FGW", daysLeft: -8, unit: "calendar"),
            Tuple(kind: "complaint_resolve", record: y, level: "overdue", due: "2026-09-30", department: "CZJ", daysLeft: -1, unit: "working"),
            Tuple(kind: "commitment", record: dd, level: "due_today", due: "2026-10-08", department: "FGW", daysLeft: 0, unit: "calendar"),
            Tuple(kind: "complaint_accept", record: x, level: "due_today", due: "2026-10-08", department: "FGW", daysLeft: 0, unit: "working"),
            Tuple(kind: "complaint_respond", record: z, level: "nearing", due: "2026-10-09", department: "FGW", daysLeft: 1, unit: "working"),
            Tuple(kind: "complaint_return", record: w, level: "nearing", due: "2026-10-09", department: "CZJ", daysLeft: 1, unit: "working"),
            Tuple(kind: "opinion", record: low, level: "nearing", due: "2026-10-09", department: "CZJ", daysLeft: 1, unit: "working"),
            Tuple(kind: "rectification", record: zg, level: "nearing", due: "2026-10-12", department: "CZJ", daysLeft: 3, unit: "working"),
            Tuple(kind: "commitment", record: b, level: "nearing", due: "2026-10-15", department: "CZJ", daysLeft: 7, unit: "calendar"),
        ]
        #expect(Set(got) == Set(expected), "missing: \(Set(expected).subtracting(got)); unexpected: \(Set(got).subtracting(expected))")
        #expect(got.count == expected.count)
        // Most urgent first: by level, then fewest days left.
        let rank = ["escalate": 0, "overdue": 1, "due_today": 2, "nearing": 3, "info": 4]
        let keys = got.map { (rank[$0.level]!, $0.daysLeft) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "\(got)")
        #expect(rows.allSatisfy { hasCJK($0["message"] as? String ?? "") })

        // Filters.
        let czj = try cli.run(["alerts", "--json", "--department", "CZJ"]).array()
        #expect(Set(czj.compactMap { $0["record"] as? String }) == [y, w, low, zg, b])
        let esc = try cli.run(["alerts", "--json", "--level", "escalate"]).array()
        #expect(esc.count == 4)
        let kinds = try cli.run(["alerts", "--json", "--kind", "commitment"]).array()
        #expect(Set(kinds.compactMap { $0["record"] as? String }) == [a, b, dd, e])
        #expect(try cli.run(["alerts", "--level", "urgent"]).status == 65)

        // The next day: the due-today items are late, the nearing ones due; the calendar is data, not a restart.
        let next = try cli.run(["alerts", "--json"], today: "2026-10-09").array()
        let levelOf = { (id: String, kind: String) in next.first { $0["record"] as? String == id && $0["kind"] as? String == kind }?["level"] as? String }
        #expect(levelOf(x, "complaint_accept") == "overdue")
        #expect(levelOf(z, "complaint_respond") == "due_today")
        #expect(levelOf(dd, "commitment") == "overdue")
        // A year without calendar data is reported.
        let newYear = try cli.run(["alerts", "--json", "--kind", "calendar"], today: "2027-01-04").array()
        #expect(newYear.map { $0["record"] as? String } == ["2027"])
        #expect(newYear.first?["level"] as? String == "overdue")
        // status shows the counts.
        let status = try cli.run(["status", "--json"])
        #expect(status.status == 0, "\(status)")
    }

    /// Two processes (#2) and four (#7), 500 complaints each, all at once.
    @Test("alerts --json words each alert in both languages as the text output does, escaping quotes and backslashes from records")
    func alertWordsAreEscaped() throws {
        let cli = try CLI(today: "2026-10-08")
        _ = try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let title = "他说\"拖\"\\了三月"   // control characters are refused at input
        func opinion(_ severity: String) throws -> String {
            try cli.ok(["opinion", "add", "--department", "FGW", "--title", title, "--source", "微博", "--severity", severity,
                        "--date", "2026-10-07"])["id"] as! String
        }
        let (low, high) = (try opinion("low"), try opinion("high"))
        let r = try cli.run(["alerts", "--json"])
        #expect(r.status == 0, "\(r)")
        let rows = try r.array()
        let minor = try #require(rows.first { $0["record"] as? String == low })
        #expect(minor["message"] as? String == "舆情 \(low)「\(title)」处置时限今天（2026-10-08）到期", "\(minor)")
        #expect(minor["message_en"] as? String == "public opinion \(low) \"\(title)\" handling limit falls today (2026-10-08)", "\(minor)")
        let major = try #require(rows.first { $0["record"] as? String == high })
        #expect(major["message"] as? String == "重大舆情 \(high)「\(title)」未处置，须立即处置并报县委县政府", "\(major)")
        #expect(major["message_en"] as? String == "major public opinion \(high) \"\(title)\" not handled: handle it now and report to the county leadership",
                "\(major)")
        #expect(r.stdout.contains("\\\"拖\\\"\\\\了三月"), "escaped as JSON: \(r.stdout.prefix(600))")
    }

    @Test("processes adding 500 complaints each at the same time: exactly 500 × n rows, no error", arguments: [2, 4])
    func concurrentWriters(_ n: Int) throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let sh = try executable("sh")
        let script = """
            rc=0
            for i in $(seq 500); do
              "$BIN" complaint add --channel hotline --department FGW --content "并发测试 $W-$i" --db "$DB" --today 2026-03-02 >/dev/null || { rc=1; echo "worker $W item $i failed" >&2; }
            done
            exit $rc
            """
        let started = Date()
        var workers: [(Process, URL)] = []
        for w in 1...n {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: sh)
            p.arguments = ["-c", script]
            var env = ProcessInfo.processInfo.environment
            for k in ["JIANNUO_DB", "JIANNUO_TODAY", "JIANNUO_RULES", "LC_ALL", "LC_MESSAGES"] { env[k] = nil }
            env["LANG"] = "C.UTF-8"; env["BIN"] = cli.bin; env["DB"] = cli.db; env["W"] = "\(w)"; env["HOME"] = cli.dir.path
            p.environment = env
            let errURL = cli.dir.appendingPathComponent("worker\(w).err")
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: errURL)
            p.standardOutput = FileHandle.nullDevice
            workers.append((p, errURL))
        }
        for (p, _) in workers { try p.run() }
        for (p, _) in workers { p.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)
        print("concurrent writers: \(n * 500) complaint adds in \(n) processes took \(String(format: "%.1f", seconds)) s")
        for (p, err) in workers {
            #expect(p.terminationStatus == 0)
            #expect(try String(contentsOf: err, encoding: .utf8) == "")
        }
        #expect(try cli.count("complaints") == n * 500)
        let ids = try cli.run(["complaint", "list", "--json"]).array().compactMap { $0["id"] as? String }
        #expect(Set(ids).count == n * 500)
        #expect(Set(ids) == Set((1...(n * 500)).map { String(format: "TS-2026-%06d", $0) }))
        let contents = try cli.run(["complaint", "list", "--json"]).array().compactMap { $0["content"] as? String }
        #expect(Set(contents) == Set((1...n).flatMap { w in (1...500).map { "并发测试 \(w)-\($0)" } }))
        #expect(try cli.count("audit_log") == n * 500 + 2)   // the first admin, the department, the complaints
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("demo --size small twice with the same seed and day gives identical JSON")
    func demoTwice() throws {
        let cli = try CLI(today: "2026-11-20")
        let one = cli.path("one.sqlite"), two = cli.path("two.sqlite")
        for db in [one, two] {
            let r = try cli.run(["demo", "--size", "small", "--seed", "42"], db: db)
            #expect(r.status == 0, "\(r)")
        }
        for list in [["commitment", "list"], ["complaint", "list"], ["breach", "list"], ["department", "list"],
                     ["rectification", "list"], ["opinion", "list"], ["alerts"]] {
            let a = try cli.run(["--json"] + list, db: one), b = try cli.run(list + ["--json"], db: two)
            #expect(a.status == 0 && b.status == 0, "\(a)")
            #expect(a.stdout == b.stdout, "\(list) differs")
            #expect(!(try a.array()).isEmpty, "\(list) is empty")
        }
        #expect(try cli.run(["commitment", "list", "--json"], db: one).array().count == 300)
        #expect(try cli.run(["complaint", "list", "--json"], db: one).array().count == 3_000)
        let departments = try cli.run(["department", "list", "--json"], db: one).array()
        #expect(departments.contains { $0["successor"] is String && $0["active"] as? Bool == false })
        #expect(departments.count >= 25)
        // A second demo into the same file is refused, and changes nothing.
        let again = try cli.run(["demo", "--size", "small", "--seed", "42"], db: one)
        #expect(again.status == 65)
        #expect(hasCJK(again.stderr))
        #expect(try cli.run(["audit", "verify"], db: one).status == 0)
        #expect(try cli.run(["demo", "--size", "huge"], db: cli.path("three.sqlite")).status == 65)
    }
}
