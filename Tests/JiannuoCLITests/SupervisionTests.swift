import Foundation
import Testing

/// The rest of the notice: supervision rounds and findings, escalations of any overdue item,
/// accountability with a vocabulary, units' contacts and letter, and the consequences that were missing.
@Suite struct SupervisionTests {
    /// Two units, a promise overdue since March, and today 2026-11-20.
    static func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-11-20")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["department", "add", "--code", "CZJ", "--name", "县财政局", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "某企业",
                    "--content", "兑现落户奖励", "--made", "2026-01-05", "--deadline", "2026-03-01"])
        return cli
    }

    /// A unit's score lines for the quarter, and the score they must add up to.
    static func lines(_ cli: CLI, _ unit: String, period: String = "2026-Q4") throws -> (score: Double, lines: [[String: Any]]) {
        let show = try cli.run(["department", "show", unit, "--period", period, "--json"])
        let o = try show.object()
        return (try #require(o["score"] as? Double), try #require(o["lines"] as? [[String: Any]]))
    }

    @Test("a round's finding orders 限期整改 without a breach; it is scored, traced, alerted and adds up")
    func roundsAndFindings() throws {
        let cli = try Self.ledger()
        let round = try cli.ok(["inspection", "add", "--name", "第四季度督促检查", "--from", "2026-11-01", "--to", "2026-11-30",
                                "--departments", "县发改委", "--inspectors", "县督查室"])
        #expect(round["id"] as? String == "DC-2026-0001")
        #expect(round["departments"] as? [String] == ["FGW"])
        let before = try cli.dump()
        // Refused, nothing written: a unit the round does not cover, a rectification without its deadline, dates reversed.
        let notCovered = try cli.run(["inspection", "finding", "add", "DC-2026-0001", "--department", "CZJ", "--issue", "x", "--basis", "y",
                                      "--severity", "low"])
        #expect(notCovered.status == 65 && notCovered.stderr.contains("不包括单位"), "\(notCovered)")
        let noDeadline = try cli.run(["inspection", "finding", "add", "DC-2026-0001", "--department", "FGW", "--issue", "x", "--basis", "y",
                                      "--severity", "low", "--order-rectification", "--measures", "z"])
        #expect(noDeadline.status == 64, "\(noDeadline)")
        let reversed = try cli.run(["inspection", "add", "--name", "x", "--from", "2026-11-10", "--to", "2026-11-01", "--all", "--inspectors", "y"])
        #expect(reversed.status == 65, "\(reversed)")
        #expect(try cli.dump() == before)

        let found = try cli.ok(["inspection", "finding", "add", "DC-2026-0001", "--department", "FGW", "--issue", "奖励资金兑现进展缓慢",
                                "--basis", "通知 五", "--severity", "medium", "--date", "2026-11-10",
                                "--order-rectification", "--deadline", "2026-11-17", "--measures", "限期兑现"])
        let fx = try #require((found["finding"] as? [String: Any])?["id"] as? String)
        let zg = try #require(found["rectification"] as? [String: Any])
        #expect(zg["finding"] as? String == fx && zg["breach"] is NSNull, "\(zg)")
        // The rectification runs through the same flow: listed, alerted when overdue, scored.
        let rects = try cli.run(["rectification", "list", "--json"]).array()
        #expect(rects.contains { $0["finding"] as? String == fx })
        let alerts = try cli.run(["alerts", "--json"]).array()
        #expect(alerts.contains { $0["record"] as? String == zg["id"] as? String && $0["level"] as? String == "overdue" }, "\(alerts)")
        let (score, lines) = try Self.lines(cli, "FGW")
        let finding = lines.filter { $0["rule"] as? String == "inspection_finding_medium" }
        #expect(finding.count == 1 && finding[0]["record"] as? String == fx && finding[0]["points"] as? Double == -2, "\(lines)")
        #expect(lines.contains { $0["rule"] as? String == "rectification_late" && $0["record"] as? String == zg["id"] as? String })
        #expect(abs(lines.compactMap { $0["points"] as? Double }.reduce(0, +) - score) < 0.001, "lines add up to the score")
        let ranked = try cli.run(["scores", "--json"]).array().first { $0["department"] as? String == "FGW" }
        #expect(ranked?["score"] as? Double == score, "scores and department show agree")
        // In the log, the round's show and the unit's record.
        let log = try cli.run(["audit", "list", "--json"]).array().map { $0["action"] as? String ?? "" }
        #expect(log.contains("inspection.add") && log.contains("finding.add"))
        let show = try cli.run(["inspection", "show", "DC-2026-0001"])
        #expect(show.stdout.contains(fx) && show.stdout.contains("奖励资金兑现进展缓慢"), "\(show)")
        let record = try cli.run(["department", "show", "FGW"])
        #expect(record.stdout.contains("督促检查发现的问题") && record.stdout.contains(fx), "\(record)")
        let open = try cli.run(["inspection", "list", "--open", "--json"]).array()
        #expect(open.count == 1)
    }

    @Test("any overdue item can be reported up: 须上报 clears, it stays overdue, and the report is listed and logged")
    func escalation() throws {
        let cli = try Self.ledger()
        let level = { () throws -> String? in
            try cli.run(["alerts", "--json"]).array().first { $0["record"] as? String == "CN-2026-0001" }?["level"] as? String
        }
        #expect(try level() == "escalate")
        let before = try cli.dump()
        for (args, why) in [(["escalate", "CN-2026-0001", "--to", "市政府"], "上报对象"),
                            (["escalate", "CN-2026-9999"], "找不到"), (["escalate", "XX-1"], "不是可上报的记录")] {
            let r = try cli.run(args)
            #expect(r.status != 0 && r.stderr.contains(why), "\(r)")
        }
        #expect(try cli.dump() == before)
        let e = try cli.ok(["escalate", "CN-2026-0001", "--date", "2026-11-19", "--note", "已报县委督查室"])
        #expect(e["kind"] as? String == "commitment" && e["department"] as? String == "FGW" && e["date"] as? String == "2026-11-19")
        #expect(try level() == "overdue")
        let again = try cli.run(["escalate", "CN-2026-0001"])
        #expect(again.status == 65 && again.stderr.contains("已于 2026-11-19"), "\(again)")
        // Not overdue: refused.
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "2", "--kind", "contract", "--counterparty", "乙公司",
                    "--content", "按期付款", "--made", "2026-11-01", "--deadline", "2026-12-31"])
        let early = try cli.run(["escalate", "CN-2026-0002"])
        #expect(early.status == 65 && early.stderr.contains("尚未逾期"), "\(early)")
        let list = try cli.run(["escalations", "list", "--json"]).array()
        #expect(list.count == 1 && list[0]["record"] as? String == "CN-2026-0001")
        let log = try cli.run(["audit", "list", "--entity", "escalation", "--json"]).array()
        #expect(log.count == 1)
    }

    @Test("accountability names a unit or an official, a kind from the list, and follows a breach, a complaint or a finding")
    func accountability() throws {
        let cli = try Self.ledger()
        let ts = try cli.ok(["complaint", "add", "--channel", "phone", "--department", "CZJ", "--content", "推诿扯皮", "--received", "2026-11-18 09:00"])
        let tsId = try #require(ts["id"] as? String)
        let before = try cli.dump()
        for (args, why) in [(["accountability", "add", tsId, "--kind", "批评一下"], "问责方式"),
                            (["accountability", "add", tsId, "--kind", "约谈", "--target-kind", "official", "--official", "李四"], "职务"),
                            (["accountability", "add", "CN-2026-0001", "--kind", "约谈"], "问责须依据")] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr.contains(why), "\(r)")
        }
        #expect(try cli.dump() == before)
        let unit = try cli.ok(["accountability", "add", tsId, "--kind", "criticism", "--date", "2026-11-19"])
        #expect(unit["complaint"] as? String == tsId && unit["department"] as? String == "CZJ" && unit["kind"] as? String == "通报批评")
        #expect(unit["target_kind"] as? String == "unit" && unit["target"] as? String == "县财政局")
        let person = try cli.ok(["accountability", "add", tsId, "--kind", "诫勉", "--target-kind", "official", "--official", "李四",
                                 "--post", "副局长", "--date", "2026-11-19"])
        #expect(person["official"] as? String == "李四" && person["post"] as? String == "副局长" && person["target"] as? String == "县财政局副局长 李四")
        let (score, lines) = try Self.lines(cli, "CZJ")
        let acc = lines.filter { $0["rule"] as? String == "accountability" }.compactMap { $0["record"] as? String }
        #expect(Set(acc) == [unit["id"] as! String, person["id"] as! String], "\(lines)")
        #expect(abs(lines.compactMap { $0["points"] as? Double }.reduce(0, +) - score) < 0.001)
    }

    @Test("a unit publishes its complaint phone and e-mail (checked) and its own letter")
    func contactsAndLetter() throws {
        let cli = try Self.ledger()
        let bad = try cli.run(["department", "set-contact", "FGW", "--phone", "12ab"])
        #expect(bad.status == 65, "\(bad)")
        let badMail = try cli.run(["department", "set-contact", "FGW", "--email", "not-an-address"])
        #expect(badMail.status == 65, "\(badMail)")
        let d = try cli.ok(["department", "set-contact", "县发改委", "--phone", "0375-8123456", "--email", "fgw@yexian.gov.cn"])
        #expect(d["phone"] as? String == "0375-8123456" && d["email"] as? String == "fgw@yexian.gov.cn")
        let letter = cli.path("承诺书.md")
        try "县发改委郑重承诺：\n\n一、依法决策，按期兑现。\n\n二、接受社会监督。".write(toFile: letter, atomically: true, encoding: .utf8)
        try cli.ok(["department", "letter", "FGW", "--file", letter])
        let out = cli.path("pub.html")
        let pub = try cli.run(["publish", "--department", "FGW", "-o", out])
        #expect(pub.status == 0, "\(pub)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("0375-8123456") && html.contains("fgw@yexian.gov.cn") && html.contains("12345"))
        #expect(html.contains("一、依法决策，按期兑现。") && !html.contains("谁承诺、谁负责"), "the unit's own letter replaces the common text")
    }

    @Test("a dissatisfied follow-up reopens the complaint and costs a line; each follow-up is kept")
    func dissatisfiedFollowup() throws {
        let cli = try Self.ledger()
        let ts = try cli.ok(["complaint", "add", "--channel", "phone", "--department", "FGW", "--content", "奖励未兑现",
                             "--received", "2026-11-02 09:00"])
        let id = try #require(ts["id"] as? String)
        try cli.ok(["complaint", "accept", id, "--at", "2026-11-02 10:00"])
        try cli.ok(["complaint", "resolve", id, "--result", "已协调", "--at", "2026-11-05 10:00"])
        try cli.ok(["complaint", "respond", id, "--text", "已告知", "--at", "2026-11-05 11:00"])
        let fu = try cli.ok(["complaint", "followup", id, "--satisfied", "no", "--note", "钱没到账", "--at", "2026-11-09 09:00"])
        #expect(fu["stage"] as? String == "accepted", "reopened: \(fu)")
        #expect(fu["resolved_at"] is NSNull && fu["reopened_at"] as? String == "2026-11-09T09:00:00+08:00")
        #expect(fu["resolve_due"] as? String == "2026-11-26", "13 working days from the follow-up")
        let (_, lines) = try Self.lines(cli, "FGW")
        #expect(lines.contains { $0["rule"] as? String == "complaint_followup_dissatisfied" && $0["record"] as? String == id })
        try cli.ok(["complaint", "resolve", id, "--result", "已到账", "--at", "2026-11-12 10:00"])
        try cli.ok(["complaint", "respond", id, "--text", "已告知到账", "--at", "2026-11-12 11:00"])
        let second = try cli.ok(["complaint", "followup", id, "--satisfied", "yes", "--at", "2026-11-13 09:00"])
        #expect(second["stage"] as? String == "responded" && second["satisfied"] as? Bool == true)
        #expect(try cli.count("followups") == 2)
        let (_, after) = try Self.lines(cli, "FGW")
        #expect(after.contains { $0["rule"] as? String == "complaint_followup_dissatisfied" }, "the first follow-up still counts")
    }

    @Test("late returns, overdue arrears, a complaint's commitment, and progress after a partial fulfilment")
    func consequences() throws {
        let cli = try Self.ledger()
        // Returned four working days after receipt (limit: two): an alert and a line for the unit that held it.
        let ts = try cli.ok(["complaint", "add", "--channel", "visit", "--department", "FGW", "--content", "错派", "--received", "2026-11-09 09:00"])
        let id = try #require(ts["id"] as? String)
        try cli.ok(["complaint", "return", id, "--to", "CZJ", "--reason", "属财政局", "--at", "2026-11-13 09:00"])
        let alert = try cli.run(["alerts", "--json"]).array().first { $0["record"] as? String == id && $0["department"] as? String == "FGW" }
        #expect(alert?["kind"] as? String == "complaint_return", "\(String(describing: alert))")
        let (_, fgw) = try Self.lines(cli, "FGW")
        #expect(fgw.contains { $0["rule"] as? String == "complaint_return_late" && $0["record"] as? String == id })
        // Money owed to a small firm past its payment limit.
        try cli.ok(["commitment", "add", "--department", "CZJ", "--category", "3", "--kind", "contract", "--counterparty", "小微企业",
                    "--content", "支付货款", "--amount", "50000", "--made", "2026-09-01", "--deadline", "2026-12-31",
                    "--delivered", "2026-09-10", "--payment-days", "30"])
        let (_, czj) = try Self.lines(cli, "CZJ")
        #expect(czj.contains { $0["rule"] as? String == "arrears_overdue" && $0["record"] as? String == "CN-2026-0002" }, "\(czj)")
        // A complaint about another unit's promise is refused.
        let before = try cli.dump()
        let wrong = try cli.run(["complaint", "add", "--channel", "phone", "--department", "CZJ", "--content", "x", "--commitment", "CN-2026-0001"])
        #expect(wrong.status == 65 && wrong.stderr.contains("属于单位 FGW"), "\(wrong)")
        #expect(try cli.dump() == before)
        // 部分兑现 is not the end: progress goes on, then fulfilment (dated within the grace window).
        try cli.ok(["commitment", "progress", "CN-2026-0001", "--percent", "60", "--status", "partially_fulfilled", "--date", "2026-11-18"])
        let more = try cli.ok(["commitment", "progress", "CN-2026-0001", "--percent", "80", "--date", "2026-11-19"])
        #expect(more["status"] as? String == "partially_fulfilled" && more["progress"] as? Int == 80)
        #expect(more["fulfilled_on"] as? String == "2026-11-18", "closed as partial on the day it was so judged")
        let back = try cli.run(["commitment", "progress", "CN-2026-0001", "--percent", "90", "--status", "in_progress"])
        #expect(back.status == 65, "\(back)")
        let done = try cli.ok(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-11-19"])
        #expect(done["status"] as? String == "fulfilled")
    }
}
