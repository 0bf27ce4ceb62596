import Foundation
import JiannuoTestSupport
import Testing

/// The ledger as evidence: no event after now, events in order, the past judged by the terms then
/// in force, every out-of-band change caught, anchors that catch a rewritten log, reads that never
/// write. The sqlite3 CLI plays the attacker.
@Suite("CLI: the ledger as evidence", .serialized) struct EvidenceTests {
    /// A ledger on 2026-03-02 with a unit, a promise, an accepted complaint, a breach and its follow-ups.
    func ledger() throws -> (CLI, ids: [String: String]) {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        let cn = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
                             "--content", "奖补", "--made", "2026-01-10", "--deadline", "2026-06-30"])
        let ts = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "奖补未兑现",
                             "--received", "2026-03-02 08:00", "--category", "1"])
        let tsId = ts["id"] as! String
        try cli.ok(["complaint", "accept", tsId, "--at", "2026-03-02 09:00"])
        let sx = try cli.ok(["complaint", "verify", tsId, "--breach", "yes", "--finding", "属实"])
        let zg = try cli.ok(["rectification", "add", sx["id"] as! String, "--unit", "FGW", "--measures", "限期兑现", "--deadline", "2026-03-31"])
        let yq = try cli.ok(["opinion", "add", "--department", "FGW", "--title", "网帖", "--source", "微博"])
        return (cli, ["CN": cn["id"] as! String, "TS": tsId, "SX": sx["id"] as! String, "ZG": zg["id"] as! String, "YQ": yq["id"] as! String])
    }

    @Test("no event can be dated after now: each is refused with 65, names its field, and writes nothing")
    func noFuture() throws {
        let (cli, id) = try ledger()
        let cases: [([String], String)] = [
            (["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "x", "--received", "2099-01-01 10:00"], "收到时间"),
            (["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "x", "--received", "2026-03-03 00:00"], "收到时间不能晚于当前时间"),
            (["complaint", "resolve", id["TS"]!, "--result", "x", "--at", "2026-03-03 08:00"], "办结时间不能晚于当前时间"),
            (["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
              "--content", "x", "--made", "2027-03-01", "--deadline", "2027-06-30"], "承诺日期"),
            (["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
              "--content", "x", "--made", "2026-01-01", "--deadline", "9999-12-31"], "2000–2100"),
            (["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
              "--content", "x", "--made", "0001-01-01", "--deadline", "2026-06-30"], "2000–2100"),
            (["commitment", "fulfill", id["CN"]!, "--date", "2026-03-03"], "兑现日期不能晚于今天"),
            (["commitment", "progress", id["CN"]!, "--percent", "10", "--date", "2026-03-05"], "进展日期不能晚于今天"),
            (["commitment", "feedback", id["CN"]!, "--text", "x", "--date", "2026-03-05"], "反馈日期不能晚于今天"),
            (["commitment", "amend", id["CN"]!, "--deadline", "2026-09-30", "--reason", "r", "--legal-basis", "b", "--approver", "p",
              "--date", "2026-04-01"], "变更日期不能晚于今天"),
            (["rectification", "done", id["ZG"]!, "--date", "2026-03-20"], "整改完成日期不能晚于今天"),
            (["rectification", "add", id["SX"]!, "--unit", "FGW", "--measures", "x", "--deadline", "2026-04-30", "--ordered", "2026-03-10"], "下达整改日期不能晚于今天"),
            (["opinion", "add", "--department", "FGW", "--title", "x", "--source", "微博", "--date", "2026-05-01"], "发现日期不能晚于今天"),
            (["opinion", "handle", id["YQ"]!, "--date", "2026-03-09"], "处置日期不能晚于今天"),
            (["accountability", "add", id["SX"]!, "--target", "某人", "--kind", "约谈", "--date", "2026-03-04"], "问责日期不能晚于今天"),
            (["breach", "report", id["SX"]!, "--date", "2026-03-04"], "上报日期不能晚于今天"),
            (["department", "merge", "CZJ", "--into", "FGW", "--date", "2030-01-01"], "合并日期不能晚于今天"),
            (["department", "rename", "CZJ", "--name", "新名称", "--date", "2030-01-01"], "更名日期不能晚于今天"),
        ]
        for (args, words) in cases {
            let before = try cli.dump()
            let r = try cli.run(args)
            #expect(r.status == 65, "\(args): \(r)")
            #expect(r.stderr.contains(words), "\(args) should say \(words): \(r.stderr)")
            #expect(try cli.dump() == before, "\(args) wrote something")
        }
    }

    @Test("events keep their order; the refusal names both dates; backfilled dates are kept with the moment of entry")
    func order() throws {
        let (cli, id) = try ledger()
        let before = try cli.dump()
        let r = try cli.run(["complaint", "resolve", id["TS"]!, "--result", "x", "--at", "2026-03-02 08:30"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("2026-03-02 08:30") && r.stderr.contains("2026-03-02 09:00"), "\(r)")
        let early = try cli.run(["commitment", "progress", id["CN"]!, "--percent", "10", "--date", "2026-01-01"])
        #expect(early.status == 65 && early.stderr.contains("2026-01-10"), "\(early)")
        let done = try cli.run(["rectification", "add", id["SX"]!, "--unit", "FGW", "--measures", "x", "--deadline", "2026-02-20",
                                "--ordered", "2026-03-01"])
        #expect(done.status == 65, "a deadline before the order date: \(done)")
        #expect(try cli.dump() == before)
        // Entered on 03-20, claimed for 03-10: both are kept; older than the grace window, the step counts
        // from its entry until the office confirms the claim.
        let ok = try cli.ok(["complaint", "resolve", id["TS"]!, "--result", "已兑现", "--at", "2026-03-10 15:00"], today: "2026-03-20")
        #expect(ok["resolved_at"] as? String == "2026-03-20T23:59:59+08:00")
        let claim = (ok["steps"] as? [[String: Any]])?.first { $0["claim"] != nil }
        #expect(claim?["claimed_at"] as? String == "2026-03-10T15:00:00+08:00" && claim?["claim"] as? String == "pending", "\(ok)")
        let log = try cli.run(["audit", "list", "--limit", "1", "--json"]).array()
        #expect(log.first?["claimed"] as? String == "2026-03-10T15:00:00+08:00")
        #expect((log.first?["at"] as? String)?.hasSuffix("+08:00") == true)
    }

    @Test("times are stored and shown with the local offset, read in the office's zone: a setting of the ledger, not the user's TZ")
    func zones() throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let sh = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "x", "--received", "2026-03-02 01:42"])
        #expect(sh["received"] as? String == "2026-03-02T01:42:00+08:00")
        let add = ["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "y", "--received", "2026-03-02 01:42",
                   "--db", cli.db, "--today", "2026-03-02", "--json"]
        #expect(try cli.raw(add, env: ["TZ": "UTC"]).object()["received"] as? String == "2026-03-02T01:42:00+08:00", "TZ moves nothing")
        // The office itself may be elsewhere: an admin says so once, in the ledger, and it is audited.
        #expect(try cli.raw(["init", "--db", cli.db, "--office-zone", "Nowhere/Land"]).status == 65)
        #expect(try cli.raw(["init", "--db", cli.db, "--office-zone", "UTC"]).status == 0)
        #expect(try cli.raw(add).object()["received"] as? String == "2026-03-02T01:42:00+00:00")
        #expect(try cli.run(["audit", "list", "--json"]).array().contains { $0["action"] as? String == "settings.office-zone" })
        #expect(try cli.run(["audit", "verify"]).status == 0)
        // Changed behind the program's back, the setting no longer verifies.
        #expect(try cli.sqlite(["UPDATE meta SET value = 'Pacific/Kiritimati' WHERE key = 'office_zone'"]).0 == 0)
        let tampered = try cli.run(["audit", "verify"])
        #expect(tampered.status == 65 && tampered.stderr.contains("办公时区"), "\(tampered)")
    }

    @Test("a user whose TZ is a day ahead cannot date an event tomorrow")
    func aheadOfTheOffice() throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        // Kiritimati is six hours ahead of Shanghai: its local time now is in the office's future.
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Pacific/Kiritimati")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        let r = try cli.raw(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "z", "--received", f.string(from: Date()),
                             "--db", cli.db], env: ["TZ": "Pacific/Kiritimati"])
        #expect(r.status == 65 && r.stderr.contains("不能晚于当前时间"), "\(r)")
    }

    @Test("an amendment changes the future only: the overdue past keeps its score, trend and on-time rate")
    func amendOverdue() throws {
        let cli = try CLI(today: "2026-05-15")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let cn = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "2", "--kind", "contract", "--counterparty", "某企业",
                             "--content", "修路", "--made", "2026-01-05", "--deadline", "2026-03-31", "--procedures",
                             "public,expert,risk,legality,collective"])
        let id = cn["id"] as! String
        func record(_ today: String) throws -> [String: Any] {
            try cli.run(["department", "show", "FGW", "--json", "--period", "2026-04"], today: today).object()
        }
        func score(_ period: String, _ today: String) throws -> Double {
            let list = try cli.run(["scores", "--period", period, "--json"], today: today).array()
            return try #require(list.first { $0["department"] as? String == "FGW" }?["score"] as? Double)
        }
        let aprilBefore = try score("2026-04", "2026-05-15")
        #expect(aprilBefore < 100, "overdue in April costs points")
        let before = try record("2026-05-15")
        let alertsBefore = try cli.run(["alerts", "--json"]).array()
        #expect(alertsBefore.contains { $0["record"] as? String == id })

        try cli.ok(["commitment", "amend", id, "--deadline", "2026-12-31", "--reason", "方便", "--legal-basis", "无", "--approver", "某"])
        // April was judged by the deadline then in force: unchanged.
        #expect(try score("2026-04", "2026-05-15") == aprilBefore)
        let after = try record("2026-05-15")
        #expect(after["score"] as? Double == before["score"] as? Double)
        func trend(_ o: [String: Any]) -> [String] {
            (o["trend"] as? [[String: Any]] ?? []).map { "\($0["period"] ?? "") \($0["score"] ?? "")" }
        }
        #expect(trend(after) == trend(before))
        #expect(trend(before).count == 12)
        #expect((after["on_time_rate"] as? [String: Any])?["rate"] as? Double == (before["on_time_rate"] as? [String: Any])?["rate"] as? Double)
        #expect((after["trend"] as? [[String: Any]])?.first { $0["period"] as? String == "2026-04" }?["score"] as? Double == aprilBefore)
        // May, the month of the amendment, carries the lateness before it, traced to the commitment.
        let may = try cli.run(["department", "show", "FGW", "--json", "--period", "2026-05"]).object()
        let lines = try #require(may["lines"] as? [[String: Any]])
        let kept = lines.first { $0["rule"] as? String == "commitment_overdue_before_amendment" }
        #expect(kept?["record"] as? String == id)
        #expect((kept?["note"] as? String)?.contains("变更前已逾期 45 天") == true, "\(String(describing: kept))")
        // The future follows the new deadline: no overdue alert; but 45 days overdue, the promise was due to be
        // reported up when amended, and that alert stays until it is reported (issue 25, 4).
        let duty = try cli.run(["alerts", "--json"]).array().filter { $0["record"] as? String == id }
        #expect(duty.count == 1 && duty.first?["level"] as? String == "escalate", "\(duty)")
        #expect(try cli.run(["escalate", id]).status == 0)
        #expect(!(try cli.run(["alerts", "--json"]).array()).contains { $0["record"] as? String == id })
        // An amendment made before the deadline costs nothing.
        let cn2 = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "2", "--kind", "contract", "--counterparty", "某企业",
                              "--content", "修桥", "--made", "2026-05-01", "--deadline", "2026-06-30", "--procedures",
                              "public,expert,risk,legality,collective"])
        try cli.ok(["commitment", "amend", cn2["id"] as! String, "--deadline", "2026-08-31", "--reason", "汛期", "--legal-basis", "防汛条例",
                    "--approver", "某"])
        let may2 = try cli.run(["department", "show", "FGW", "--json", "--period", "2026-05"]).object()
        let lines2 = try #require(may2["lines"] as? [[String: Any]])
        #expect(!lines2.contains { $0["record"] as? String == cn2["id"] as? String && ($0["points"] as? Double ?? 0) < 0 })
    }

    @Test("a status change is in the history even without a note; contradictions are refused")
    func statusHistory() throws {
        let (cli, id) = try ledger()
        try cli.ok(["commitment", "progress", id["CN"]!, "--percent", "10", "--status", "stalled"])
        let show = try cli.run(["commitment", "show", id["CN"]!]).stdout
        #expect(show.contains("停滞"), "\(show)")
        let bad = try cli.run(["commitment", "progress", id["CN"]!, "--percent", "100", "--status", "in_progress"])
        #expect(bad.status == 65 && bad.stderr.contains("矛盾"), "\(bad)")
        // A note on a stalled promise keeps it stalled.
        let kept = try cli.ok(["commitment", "progress", id["CN"]!, "--percent", "15", "--note", "仍在协调"])
        #expect(kept["status"] as? String == "stalled")
    }

    /// The attacker's sqlite3: it cannot write through the digest triggers, so it drops them first and,
    /// if `restore`, puts them back afterwards so that the schema looks untouched.
    func attack(_ cli: CLI, _ sql: String, restore: Bool = false) throws {
        let saved = try cli.sqlite(["SELECT group_concat(sql || ';', char(10)) FROM sqlite_master WHERE type = 'trigger'"]).1
        let drops = try cli.sqlite(["SELECT group_concat('DROP TRIGGER ' || name || ';', ' ') FROM sqlite_master WHERE type = 'trigger'"]).1
        let (s, _, e) = try cli.sqlite([drops.trimmingCharacters(in: .whitespacesAndNewlines) + " " + sql])
        try #require(s == 0, "attack failed: \(e)")
        if restore {
            let (s2, _, e2) = try cli.sqlite([saved])
            try #require(s2 == 0, "restoring the triggers failed: \(e2)")
        }
    }

    @Test("sqlite3 cannot write through the triggers at all")
    func triggersRefuse() throws {
        let (cli, id) = try ledger()
        let before = try cli.dump()
        let (s, _, e) = try cli.sqlite(["UPDATE complaints SET content = '已解决' WHERE id = '\(id["TS"]!)'"])
        #expect(s != 0 && e.contains("jn_digest_touch"), "\(e)")
        #expect(try cli.dump() == before)
    }

    @Test("every change outside the program, in every ledger table, is caught and named", arguments: [
        ("complaints", "UPDATE complaints SET content = '已解决' WHERE rowid = (SELECT min(rowid) FROM complaints)"),
        ("complaints", "DELETE FROM complaints WHERE rowid = (SELECT max(rowid) FROM complaints)"),
        ("commitments", "UPDATE commitments SET amount_fen = 1 WHERE rowid = (SELECT min(rowid) FROM commitments)"),
        ("commitments", "UPDATE commitments SET deadline = '2027-12-31' WHERE rowid = (SELECT min(rowid) FROM commitments)"),
        ("commitment_entries", "DELETE FROM commitment_entries WHERE rowid = (SELECT min(rowid) FROM commitment_entries)"),
        ("amendments", "INSERT INTO amendments(commitment, date, reason, legal_basis, approver, old_deadline, new_deadline, old_content, new_content) SELECT id, made, 'r', 'b', 'a', deadline, deadline, content, content FROM commitments LIMIT 1"),
        ("breaches", "DELETE FROM rectifications WHERE breach = (SELECT min(id) FROM breaches); DELETE FROM accountability WHERE breach = (SELECT min(id) FROM breaches); UPDATE complaints SET breach = NULL; DELETE FROM breaches WHERE id = (SELECT min(id) FROM breaches)"),
        ("rectifications", "UPDATE rectifications SET completed_on = deadline WHERE rowid = (SELECT min(rowid) FROM rectifications)"),
        ("accountability", "DELETE FROM accountability WHERE rowid = (SELECT min(rowid) FROM accountability)"),
        ("opinions", "UPDATE opinions SET severity = 'low' WHERE rowid = (SELECT min(rowid) FROM opinions)"),
        ("departments", "UPDATE departments SET name = '别的名字' WHERE rowid = (SELECT min(rowid) FROM departments)"),
        ("department_events", "DELETE FROM department_events"),
        ("calendar_overrides", "INSERT INTO calendar_overrides(date, kind, note) VALUES ('2026-11-23', 'holiday', '私加')"),
        ("calendar_years", "INSERT INTO calendar_years(year, source) VALUES (2030, 'year = 2030')"),
        ("sequences", "UPDATE sequences SET last = last - 1"),
    ])
    func tamperEveryTable(_ table: String, _ sql: String) throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        #expect(try cli.run(["audit", "verify"]).status == 0)
        try attack(cli, sql)
        let r = try cli.run(["audit", "verify", "--json"])
        #expect(r.status == 65, "\(table): \(r)")
        let o = try r.object()
        let tampered = try #require(o["tampered"] as? [[String: Any]])
        #expect(tampered.contains { $0["table"] as? String == table }, "\(table) not named: \(r.stdout)")
    }

    @Test("a changed or deleted record is named by its id")
    func namesRecords() throws {
        let (cli, id) = try ledger()
        try attack(cli, "UPDATE complaints SET content = '已解决' WHERE id = '\(id["TS"]!)'")
        let r = try cli.run(["audit", "verify", "--json"])
        #expect(r.status == 65)
        let records = (try r.object()["tampered"] as? [[String: Any]])?.flatMap { $0["records"] as? [String] ?? [] } ?? []
        #expect(records.contains(id["TS"]!), "\(r.stdout)")
        #expect(r.stderr.contains("complaints"), "\(r.stderr)")
    }

    @Test("cutting the log's end, deleting it whole, or rewriting it from an earlier point is caught by a kept anchor")
    func anchors() throws {
        let (cli, id) = try ledger()
        let anchorLine = try cli.run(["audit", "anchor"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = anchorLine.split(separator: " ")
        #expect(parts.count == 2 && parts[0].contains(":") && parts[1].count == 10, "\(anchorLine)")
        let anchor = String(parts[0])
        #expect(try cli.run(["audit", "verify", "--anchor", anchor]).status == 0)
        // The attacker keeps the kept counts as they were, to put them back with the rest.
        var keptCounts = ""
        for table in ["stage_tallies", "stage_months", "event_tallies", "score_facts", "open_tallies"] {
            keptCounts += "DELETE FROM \(table);\n" + (try cli.sqlite([".mode insert \(table)", "SELECT * FROM \(table)"]).1)
        }
        try cli.ok(["complaint", "resolve", id["TS"]!, "--result", "已兑现"])
        #expect(try cli.run(["audit", "verify", "--anchor", anchor]).status == 0, "appending keeps the anchor")
        let later = String(try cli.run(["audit", "anchor"]).stdout.split(separator: " ")[0])

        // Rewrite from an earlier point: cut the last entry, undo its change, set the digests back to the
        // entry before, and put the triggers back. Without an anchor nothing shows; the kept anchor does.
        let seq = Int(later.split(separator: ":")[0])!
        let state = try cli.sqlite(["SELECT state FROM audit_log WHERE seq = \(seq - 1)"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
        let digests = state.split(separator: ";").map { part -> String in
            let kv = part.split(separator: "=")
            return "UPDATE ledger_digest SET digest = '\(kv[1])' WHERE tbl = '\(kv[0])';"
        }.joined(separator: " ")
        try attack(cli, """
            DELETE FROM audit_log WHERE seq = \(seq);
            UPDATE meta SET value = '\(anchor)' WHERE key = 'audit_head';
            UPDATE complaints SET resolved_at = NULL, result = NULL, respond_due = NULL WHERE id = '\(id["TS"]!)';
            DELETE FROM complaint_steps WHERE id = (SELECT max(id) FROM complaint_steps);
            \(digests)
            \(keptCounts)
            """, restore: true)
        let plain = try cli.run(["audit", "verify"])
        #expect(plain.status == 0, "a consistent rewrite passes without an anchor: \(plain)")
        let r = try cli.run(["audit", "verify", "--anchor", later])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("锚点"), "\(r.stderr)")

        // The whole log deleted with its head: the tables no longer add up to an empty log.
        try attack(cli, "DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_head'")
        let gone = try cli.run(["audit", "verify"])
        #expect(gone.status == 65, "\(gone)")
        #expect(try cli.run(["audit", "verify", "--anchor", anchor]).status == 65)
        #expect(try cli.run(["audit", "verify", "--anchor", "not-an-anchor"]).status == 64)
    }

    @Test("an untouched demo verifies, and publish prints the anchor at its foot")
    func demoVerifies() throws {
        let cli = try CLI(today: "2026-11-20")
        #expect(try cli.run(["demo"]).status == 0)
        let v = try cli.run(["audit", "verify"])
        #expect(v.status == 0, "\(v)")
        let anchor = String(try cli.run(["audit", "anchor"]).stdout.split(separator: " ")[0])
        #expect(try cli.run(["publish", "-o", cli.path("p.html")]).status == 0)
        let page = try String(contentsOfFile: cli.path("p.html"), encoding: .utf8)
        #expect(page.contains(anchor))
    }

    @Test("reads never write: status, alerts, scores, lists, show, render, export, publish, audit leave the file as it was, even with other rules")
    func readsNeverWrite() throws {
        let (cli, id) = try ledger()
        let rules = cli.path("r.toml")
        try "[deadlines]\naccept_workdays = 5\nresolve_workdays_normal = 20\n".write(toFile: rules, atomically: true, encoding: .utf8)
        func files() throws -> [String: Data] {
            var out: [String: Data] = [:]
            for s in ["", "-wal"] { out[s] = FileManager.default.contents(atPath: cli.db + s) ?? Data() }
            return out
        }
        _ = try cli.sqlite(["PRAGMA wal_checkpoint(TRUNCATE)"])
        let before = try files()
        let reads: [[String]] = [
            ["status"], ["status", "--rules", rules], ["alerts", "--rules", rules], ["scores"], ["complaint", "list"], ["complaint", "show", id["TS"]!],
            ["commitment", "list"], ["department", "show", "FGW"], ["render", "--width", "80", "--height", "24"],
            ["export", "complaints", "-o", cli.path("x.csv")], ["publish", "-o", cli.path("p.md")], ["audit", "list"], ["audit", "verify"],
            ["audit", "anchor"], ["calendar", "show", "2026-03"], ["breach", "list"],
        ]
        for args in reads {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            #expect(try files() == before, "\(args) changed the file")
        }
        // Limits change only through the audited command.
        let applied = try cli.run(["rules", "apply", rules, "--json"])
        #expect(applied.status == 0, "\(applied)")
        #expect(try cli.run(["audit", "list", "--limit", "1", "--json"]).array().first?["action"] as? String == "rules.apply")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test("a --db that is an empty file or not a ledger is refused with 74 and left alone; only init and demo create")
    func notALedger() throws {
        let cli = try CLI(initialised: false)
        let empty = cli.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        for args in [["status"], ["department", "add", "--code", "FGW", "--name", "x", "--kind", "county-department"]] {
            let r = try cli.run(args, db: empty)
            #expect(r.status == 74, "\(args): \(r)")
            #expect(r.stderr.contains("不是 Jiannuo 账本"), "\(r.stderr)")
            #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        }
        let other = cli.path("other.sqlite")
        _ = try cli.sqlite(["CREATE TABLE t(x); INSERT INTO t VALUES (1)"], db: other)
        #expect(try cli.run(["status"], db: other).status == 74)
        let missing = cli.path("missing.sqlite")
        #expect(try cli.run(["department", "add", "--code", "FGW", "--name", "x", "--kind", "county-department"], db: missing).status == 74)
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try cli.run(["init"], db: empty).status == 0, "init turns an empty file into a ledger")
        #expect(try cli.run(["status"], db: empty).status == 0)
    }

    @Test("read commands answer while another process holds the write lock")
    func readersNotBlocked() throws {
        let (cli, _) = try ledger()
        let python = try executable("python3")
        let hold = Process()
        hold.executableURL = URL(fileURLWithPath: python)
        hold.arguments = ["-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(12)", cli.db]
        let pipe = Pipe()
        hold.standardOutput = pipe
        try hold.run()
        defer { hold.terminate(); hold.waitUntilExit() }
        _ = pipe.fileHandleForReading.availableData   // "locked"
        for args in [["status"], ["alerts"], ["scores"], ["audit", "verify"], ["render", "--width", "80", "--height", "24"], ["export", "complaints", "-o", cli.path("e.csv")]] {
            let start = Date()
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            #expect(Date().timeIntervalSince(start) < 5, "\(args) waited for the writer")
        }
    }

    @Test("rules files are checked: values out of range are refused with a clear message", arguments: [
        "[deadlines]\ncommitment_nearing_days = 9223372036854775807\n", "[deadlines]\naccept_workdays = 1000000000\n",
        "[deadlines]\naccept_workdays = 0\n", "[deadlines]\narrears_default_days = 61\n", "[scoring]\ncredit_repair_periods = 1000\n",
    ])
    func rulesRanges(_ text: String) throws {
        let (cli, _) = try ledger()
        let file = cli.path("bad.toml")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["status", "--rules", file])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("规则") && (r.stderr.contains("范围") || r.stderr.contains("大于")), "\(r.stderr)")
        #expect(try cli.run(["rules", "check", file]).status == 65)
    }
}
