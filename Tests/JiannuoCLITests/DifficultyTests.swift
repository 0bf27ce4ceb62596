import Foundation
import JiannuoTestSupport
import Testing

/// 困难问题报告: a unit files one on its promise, complaint or rectification; the office answers within
/// `difficulty_answer_workdays`; unanswered past that it is an alert; the drill-down, `status` and the
/// bulletin count it; it never moves a deadline.
@Suite("CLI: difficulty reports") struct DifficultyTests {
    /// A unit with a promise due 2026-11-20 and one complaint; the report is filed on Monday 2026-11-02.
    func ledger() throws -> (CLI, commitment: String, complaint: String) {
        let cli = try CLI(today: "2026-11-02")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let c = try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                            "--content", "奖补", "--made", "2026-10-01", "--deadline", "2026-11-20"])["id"] as! String
        let t = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "企业反映",
                            "--received", "2026-11-02 09:00"])["id"] as! String
        return (cli, c, t)
    }

    @Test("filed, due five working days later, late in the alerts, answered, then referred; the deadline does not move")
    func lifecycle() throws {
        let (cli, commitment, _) = try ledger()
        let d = try cli.ok(["difficulty", "add", commitment, "--text", "资金未到位", "--asks", "请财政局协调"])
        let id = try #require(d["id"] as? String)
        #expect(id.hasPrefix("KN-2026-"))
        #expect(d["due"] as? String == "2026-11-09")
        #expect(d["department"] as? String == "FGW")
        // Not late on its last day; late the day after, as the office's overdue item (never 须上报).
        let onDay = try cli.run(["alerts", "--json"], today: "2026-11-09").array()
        #expect(onDay.first { $0["record"] as? String == id }?["level"] as? String == "due_today")
        let late = try cli.run(["alerts", "--json"], today: "2026-11-30").array()
        let alert = try #require(late.first { $0["record"] as? String == id })
        #expect(alert["kind"] as? String == "difficulty")
        #expect(alert["level"] as? String == "overdue", "\(alert)")
        #expect(try cli.run(["status"], today: "2026-11-30").stdout.contains("困难问题  未答复 1（逾期 1）"))
        #expect(try cli.run(["difficulty", "list", "--status", "late", "--json"], today: "2026-11-30").array().count == 1)
        // The report moved no deadline: the promise is still due 2026-11-20.
        #expect(try cli.ok(["commitment", "show", commitment])["deadline"] as? String == "2026-11-20")

        let answered = try cli.ok(["difficulty", "answer", id, "--text", "已协调财政局拨付"], today: "2026-11-05")
        #expect(answered["answer"] as? String == "已协调财政局拨付")
        #expect(try cli.run(["alerts", "--json"], today: "2026-11-30").array().allSatisfy { $0["record"] as? String != id })
        // Answered once; a second answer is refused (65) and writes nothing.
        let again = try cli.run(["difficulty", "answer", id, "--text", "再答"])
        #expect(again.status == 65 && again.stderr.contains("已于"), "\(again)")
        let referred = try cli.ok(["difficulty", "answer", id, "--to-leadership"], today: "2026-11-06")
        #expect(referred["referred_at"] as? String != nil && referred["answer"] as? String == "已协调财政局拨付")
        let shown = try cli.run(["difficulty", "show", id]).stdout
        #expect(shown.contains("资金未到位") && shown.contains("请财政局协调") && shown.contains("已协调财政局拨付") && shown.contains("提请县领导"), "\(shown)")
        // The promise's record lists the report, leading to it.
        #expect(try cli.run(["commitment", "show", commitment]).stdout.contains(id))
        // The audit log holds each step.
        let log = try cli.run(["audit", "list", "--entity", "difficulty", "--json"]).array().compactMap { $0["action"] as? String }
        #expect(Set(log) == ["difficulty.add", "difficulty.answer", "difficulty.refer"], "\(log)")
    }

    @Test("a report is only on a promise, complaint or rectification that exists; empty text is refused; nothing is written")
    func refusals() throws {
        let (cli, _, complaint) = try ledger()
        let before = try cli.run(["difficulty", "list", "--json"]).array().count
        let wrongKind = try cli.run(["difficulty", "add", "FGW", "--text", "x"])
        #expect(wrongKind.status == 65 && wrongKind.stderr.contains("承诺、投诉或整改"), "\(wrongKind)")
        #expect(try cli.run(["difficulty", "add", "TS-2026-999999", "--text", "x"]).status == 66)
        #expect(try cli.run(["difficulty", "add", complaint, "--text", "  "]).status == 65)
        #expect(try cli.run(["difficulty", "answer", "KN-2026-0099", "--text", "x"]).status == 66)
        #expect(try cli.run(["difficulty", "list", "--status", "whatever"]).status == 65)
        #expect(try cli.run(["difficulty", "list", "--json"]).array().count == before)
    }

    @Test("as known on a day: a report answered later is open then; one filed later is not there")
    func asKnown() throws {
        let (cli, commitment, complaint) = try ledger()
        let first = try cli.ok(["difficulty", "add", commitment, "--text", "资金未到位"])["id"] as! String
        _ = try cli.ok(["difficulty", "answer", first, "--text", "已协调"], today: "2026-11-16")
        let second = try cli.ok(["difficulty", "add", complaint, "--text", "需现场核查"], today: "2026-11-17")["id"] as! String
        let then = try cli.run(["alerts", "--as-known", "2026-11-12", "--json"], today: "2026-11-30").array().compactMap { $0["record"] as? String }
        #expect(then.contains(first) && !then.contains(second), "\(then)")
        let now = try cli.run(["alerts", "--json"], today: "2026-11-30").array().compactMap { $0["record"] as? String }
        #expect(!now.contains(first) && now.contains(second))
        let dept = try cli.run(["department", "show", "FGW", "--as-known", "2026-11-12", "--json"], today: "2026-11-30").object()
        let listed = (dept["difficulties"] as? [[String: Any]]) ?? []
        #expect(listed.count == 1 && listed[0]["answer"] == nil, "\(listed)")
    }

    @Test("the drill-down and the quarterly bulletin count the unit's reports and how they were answered")
    func bulletin() throws {
        let (cli, commitment, complaint) = try ledger()
        let a = try cli.ok(["difficulty", "add", commitment, "--text", "资金未到位"])["id"] as! String
        _ = try cli.ok(["difficulty", "answer", a, "--text", "已协调"], today: "2026-11-04")
        _ = try cli.ok(["difficulty", "add", complaint, "--text", "需现场核查"], today: "2026-11-03")
        let shown = try cli.run(["department", "show", "FGW"], today: "2026-11-30").stdout
        #expect(shown.contains("困难问题报告：") && shown.contains(a), "\(shown)")
        let md = cli.path("bulletin-\(UUID().uuidString).md")
        #expect(try cli.run(["report", "--period", "2026-Q4", "-o", md], today: "2026-11-30").status == 0)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.contains("## 七、单位报告的困难问题"), "\(text)")
        #expect(text.contains("报告推进中遇到的困难问题 2 件，按时答复 1 件，截至 2026-11-30 未答复 1 件"), "\(text)")
    }
}
