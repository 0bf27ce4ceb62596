import Foundation
import JiannuoTestSupport
import Testing

/// A unit's liaison through a working day, as a real system account (`runuser`) in a real terminal
/// (tmux, 80×24), on the county demo made for today: it answers its own complaint, returns a misrouted
/// one, reports progress with an evidence file, files a difficulty report; it sees only its own unit
/// on every screen and in `status`; every refusal exits non-zero. Then the office's side: the report
/// is answered, and shows in the drill-down, the alerts while late, and the bulletin. CI runs as root.
@Suite("Dashboard: a liaison's day", .serialized) struct LiaisonDayTmuxTests {
    static let group = "jiannuoday", account = "jndayliaison", unit = "410422101", unitName = "任店镇"

    /// A ledger shared through a setgid directory, the binary beside it, the liaison's account.
    final class Office: @unchecked Sendable {
        let dir = "/tmp/jiannuo-day-\(UUID().uuidString.prefix(8))"
        let bin: String
        let tmux: String
        let socket = "jiannuo-day-\(UUID().uuidString.prefix(8))"
        var db: String { dir + "/ledger.sqlite" }

        init() throws {
            try #require(getuid() == 0, "this test creates a system account: run it as root (CI does)")
            tmux = try executable("tmux")
            func sh(_ cmd: String) throws {
                let r = try ProcessRunner.run("/bin/sh", ["-c", cmd], home: "/tmp")
                try #require(r.status == 0, "\(cmd): \(r)")
            }
            try sh("getent group \(LiaisonDayTmuxTests.group) >/dev/null || groupadd \(LiaisonDayTmuxTests.group)")
            try sh("id -u \(LiaisonDayTmuxTests.account) >/dev/null 2>&1 || useradd -M -N -g \(LiaisonDayTmuxTests.group) -s /bin/sh \(LiaisonDayTmuxTests.account)")
            let built = try jiannuoBinary()
            let builtDir = (built as NSString).deletingLastPathComponent
            try sh("mkdir -p \(dir)/bin && cp \(built) \(dir)/bin/ && cp -r \(builtDir)/*.resources \(dir)/bin/ 2>/dev/null; chmod -R a+rX \(dir)/bin")
            try sh("chgrp \(LiaisonDayTmuxTests.group) \(dir) && chmod 2770 \(dir) && chmod 755 \(dir)/bin")
            bin = dir + "/bin/jiannuo"
        }

        deinit {
            _ = try? ProcessRunner.spawn(tmux, ["-L", socket, "kill-server"], home: "/tmp")
            try? FileManager.default.removeItem(atPath: dir)
        }

        /// `jiannuo ARGS --db DB` as root (the office's admin) or as the liaison.
        @discardableResult
        func run(_ args: [String], asLiaison: Bool = false) throws -> ProcessResult {
            asLiaison ? try ProcessRunner.run("/usr/sbin/runuser", ["-u", LiaisonDayTmuxTests.account, "--", bin] + args + ["--db", db], home: dir)
                      : try ProcessRunner.run(bin, args + ["--db", db], home: dir)
        }

        func json(_ args: [String], asLiaison: Bool = false) throws -> Any {
            let r = try run(args + ["--json"], asLiaison: asLiaison)
            try #require(r.status == 0, "\(r)")
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        }

        func ids(_ args: [String]) throws -> [String] {
            (try json(args) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }

        // The dashboard, as the liaison, in tmux.
        func start() throws {
            let r = try ProcessRunner.spawn(tmux, ["-u", "-L", socket, "new-session", "-d", "-s", "day", "-x", "80", "-y", "24",
                                                 "runuser -u \(LiaisonDayTmuxTests.account) -- env LANG=C.UTF-8 TERM=xterm-256color \(bin) --db \(db); sleep 600"],
                                          home: dir)
            try #require(r.status == 0, "\(r)")
        }
        func send(_ keys: String...) throws { _ = try ProcessRunner.spawn(tmux, ["-u", "-L", socket, "send-keys", "-t", "day"] + keys, home: dir) }
        func type(_ text: String) throws { _ = try ProcessRunner.spawn(tmux, ["-u", "-L", socket, "send-keys", "-t", "day", "-l", text], home: dir) }
        func screen() -> String { (try? ProcessRunner.spawn(tmux, ["-u", "-L", socket, "capture-pane", "-p", "-t", "day"], home: dir).stdout) ?? "" }
        func wait(_ timeout: TimeInterval = 10, _ done: (String) -> Bool) -> (Bool, String) {
            let end = Date().addingTimeInterval(timeout)
            var s = screen()
            while !done(s) && Date() < end { Thread.sleep(forTimeInterval: 0.05); s = screen() }
            return (done(s), s)
        }
        /// Opens a record by its id through the search.
        func open(_ id: String) throws {
            try send("Escape"); try send("Escape")
            try send(":"); try type(id); try send("Enter")
            _ = wait(5) { $0.contains("1 条") || $0.contains(id) }
            try send("Enter")
            let (ok, s) = wait(5) { $0.contains("┌  ") && $0.split(separator: "\n").dropFirst().first?.contains(id) == true }
            try #require(ok, "\(id) did not open:\n\(s)")
        }
    }

    @Test("a liaison's day at 80×24, and the office's answer to its difficulty report")
    func liaisonDay() throws {
        let o = try Office()
        // The county demo made for today: a liaison writes only under the real date.
        let demo = try o.run(["demo", "--size", "county"])
        try #require(demo.status == 0, "\(demo)")
        try #require(try o.run(["user", "add", Self.account, "--name", "任店镇联络员", "--role", "liaison", "--department", Self.unit]).status == 0)
        let toAnswer = try #require(try o.ids(["complaint", "list", "--department", Self.unit, "--status", "accepted", "--limit", "1"]).first)
        let misrouted = try #require(try o.ids(["complaint", "list", "--department", Self.unit, "--status", "received", "--limit", "1"]).first)
        let promise = try #require(try o.ids(["commitment", "list", "--department", Self.unit, "--status", "in_progress", "--limit", "1"]).first)
        let otherComplaint = try #require(try o.ids(["complaint", "list", "--department", "FGW", "--limit", "1"]).first)

        try o.start()
        let (started, first) = o.wait(20) { $0.contains(Self.account) && $0.contains("4 本单位") }
        try #require(started, "the liaison's dashboard did not start with its own score pane:\n\(first)")

        // Its own complaint: read, resolved, answered.
        try o.open(toAnswer)
        try o.send("b"); _ = o.wait { $0.contains("办结 \(toAnswer)") }
        try o.type("已现场办理，材料一次提交"); try o.send("C-s")
        var (ok, s) = o.wait { $0.contains("已办结") }
        #expect(ok, "resolve:\n\(s)")
        try o.send("f"); _ = o.wait { $0.contains("反馈 \(toAnswer)") }
        try o.type("已电话告知投诉人"); try o.send("C-s")
        (ok, s) = o.wait { $0.contains("已反馈") }
        #expect(ok, "respond:\n\(s)")
        #expect(!s.contains("v 显示"), "a liaison is not offered to reveal a contact:\n\(s)")
        let answered = try #require(try o.json(["complaint", "show", toAnswer]) as? [String: Any])
        #expect(answered["responded_at"] as? String != nil && answered["response"] as? String == "已电话告知投诉人", "\(answered)")

        // A misrouted one, returned to the unit it belongs to.
        try o.open(misrouted)
        try o.send("t"); _ = o.wait { $0.contains("退回 \(misrouted)") }
        try o.type("县发改委"); try o.send("Tab"); try o.type("属县发改委职责"); try o.send("C-s")
        (ok, s) = o.wait { $0.contains("已转交 县发改委") }
        #expect(ok, "return:\n\(s)")
        let returned = try #require(try o.json(["complaint", "show", misrouted]) as? [String: Any])
        #expect(returned["department"] as? String == "FGW" && returned["returned_from"] as? String == Self.unit, "\(returned)")
        #expect(try o.run(["complaint", "show", misrouted], asLiaison: true).status == 77, "given away, it is no longer the liaison's to read")

        // Progress on its promise, with an evidence file; then a difficulty report on it.
        try o.open(promise)
        try o.send("p"); _ = o.wait { $0.contains("兑现进展 \(promise)") }
        try o.send("C-u"); try o.type("60"); try o.send("Tab"); try o.send("Tab"); try o.type("资金已拨付一半"); try o.send("C-s")
        (ok, s) = o.wait { $0.contains("进度 60%") }
        #expect(ok, "progress:\n\(s)")
        let pdf = o.dir + "/拨付凭证.pdf"
        try Data("%PDF-1.4\n% evidence\n".utf8).write(to: URL(fileURLWithPath: pdf))
        chmod(pdf, 0o644)
        let attached = try o.run(["attach", promise, pdf, "--note", "拨付凭证"], asLiaison: true)
        #expect(attached.status == 0, "\(attached)")
        try o.send("n"); _ = o.wait { $0.contains("报告困难问题 \(promise)") }
        try o.type("用地指标未下达"); try o.send("Tab"); try o.type("请协调自然资源局"); try o.send("C-s")
        (ok, s) = o.wait { $0.contains("已报告困难问题 KN-") }
        #expect(ok, "difficulty:\n\(s)")
        let report = try #require(try o.ids(["difficulty", "list"]).first)
        // The promise's record, read again, lists the file and the report.
        try o.open(promise)
        try o.send("G")
        (ok, s) = o.wait { $0.contains(report) && $0.contains("拨付凭证") }
        #expect(ok, "the record lists its file and report:\n\(s)")

        // No other unit's figure on any screen: every pane, the drill-down, the help.
        for keys in [["Escape", "Escape", "1"], ["2"], ["3"], ["4"], ["4", "Enter"], ["?"]] {
            try o.send("Escape"); try o.send("Escape")
            for k in keys { try o.send(k) }
            Thread.sleep(forTimeInterval: 0.6)
            let screen = o.screen()
            for other in ["县发改委", "龙泉乡", "仙台镇", "县财政局", "FGW"] where !(keys == ["?"]) {
                #expect(!screen.contains(other), "\(other) on the liaison's screen after \(keys):\n\(screen)")
            }
            if keys == ["?"] { #expect(!screen.contains("登记投诉（在任何面板）"), "help offers what the liaison may not do:\n\(screen)") }
        }
        // The accounts it sees are its own unit's.
        let accounts = try o.json(["user", "list"], asLiaison: true) as? [[String: Any]] ?? []
        #expect(accounts.map { $0["account"] as? String } == [Self.account], "\(accounts)")
        // `status` counts its own unit only.
        let mine = try #require(try o.json(["status"], asLiaison: true) as? [String: Any])
        let summary = try #require(mine["summary"] as? [String: Any])
        let stages = (summary["complaints_by_stage"] as? [String: Int] ?? [:]).values.reduce(0, +)
        let ownComplaints = (try o.json(["complaint", "list"], asLiaison: true) as? [[String: Any]] ?? []).count
        #expect(summary["departments"] as? Int == 1 && stages == ownComplaints, "\(summary)")
        let county = try #require(try o.json(["status"]) as? [String: Any])
        #expect(((county["summary"] as? [String: Any])?["departments"] as? Int ?? 0) > 1)

        // Every refusal exits non-zero, with the reason.
        for args in [["complaint", "show", otherComplaint], ["department", "show", "FGW"], ["difficulty", "answer", report, "--text", "自己答"],
                     ["audit", "list"], ["user", "add", "nobody", "--name", "某", "--role", "admin"], ["scores", "--as-known", "2026-11-01"]] {
            let r = try o.run(args, asLiaison: true)
            #expect(r.status == 77 && !r.stderr.isEmpty, "\(args) as the liaison: \(r)")
        }
        try o.send("Escape"); try o.send("q")

        // The office's side: late, the report is an alert; answered, it is not; the drill-down and the bulletin count it.
        let due = try #require((try o.json(["difficulty", "show", report]) as? [String: Any])?["due"] as? String)
        let dueDay = try #require(ISO8601DateFormatter.day(due))
        let late = try o.json(["alerts", "--today", ISO8601DateFormatter.string(dueDay.addingTimeInterval(86_400 * 3))]) as? [[String: Any]] ?? []
        #expect(late.contains { $0["record"] as? String == report && $0["level"] as? String == "overdue" }, "late report not in the alerts")
        #expect(try o.run(["difficulty", "answer", report, "--text", "已协调自然资源局，本月下达"]).status == 0)
        let after = try o.json(["alerts", "--today", ISO8601DateFormatter.string(dueDay.addingTimeInterval(86_400 * 3))]) as? [[String: Any]] ?? []
        #expect(!after.contains { $0["record"] as? String == report })
        let drill = try o.run(["department", "show", Self.unit])
        #expect(drill.stdout.contains(report) && drill.stdout.contains("已答复"), "\(drill)")
        let md = o.dir + "/通报.md"
        #expect(try o.run(["report", "-o", md]).status == 0)
        let bulletin = try String(contentsOfFile: md, encoding: .utf8)
        #expect(bulletin.contains("七、单位报告的困难问题") && bulletin.contains("\(Self.unitName)"), "\(bulletin.prefix(400))")
    }
}

extension LiaisonDayTmuxTests {
    @Test("an account disabled while its dashboard is open is refused from its next write; re-enabled by a new role, refused too until reopened")
    func disabledWhileOpen() throws {
        let o = try Office()
        try #require(try o.run(["demo"]).status == 0)
        try #require(try o.run(["user", "add", Self.account, "--name", "任店镇联络员", "--role", "liaison", "--department", Self.unit]).status == 0)
        let waiting = try #require(try o.ids(["complaint", "list", "--department", Self.unit, "--status", "accepted", "--limit", "1"]).first)
        try o.start()
        let (started, first) = o.wait(20) { $0.contains(Self.account) }
        try #require(started, "\(first)")
        try o.open(waiting)
        #expect(try o.run(["user", "disable", Self.account]).status == 0)
        try o.send("b"); _ = o.wait { $0.contains("办结 \(waiting)") }
        try o.type("已办理"); try o.send("C-s")
        let (refused, s) = o.wait { $0.contains("已停用") }
        #expect(refused, "the disabled account's write was not refused:\n\(s)")
        let c = try #require(try o.json(["complaint", "show", waiting]) as? [String: Any])
        #expect(c["resolved_at"] == nil || c["resolved_at"] is NSNull, "\(c)")
    }
}

extension ISO8601DateFormatter {
    static func day(_ s: String) -> Date? {
        let f = ISO8601DateFormatter(); f.formatOptions = [.withFullDate]; f.timeZone = TimeZone(identifier: "UTC")
        return f.date(from: s)
    }
    static func string(_ d: Date) -> String {
        string(from: d, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    }
}
