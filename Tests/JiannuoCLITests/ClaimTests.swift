import Foundation
import JiannuoTestSupport
import Testing

/// The inspector's scenarios: a date typed today about the past is a claim, which counts on the day it
/// was recorded until the office confirms it (`confirm`), or stays there when rejected (`reject`).
@Suite("CLI: claims are not facts") struct ClaimTests {
    /// A unit with one promise made on 04-01, due 05-09 (a Saturday: the window counts working days).
    func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-04-01")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                    "--content", "兑现招商奖励", "--made", "2026-04-01", "--deadline", "2026-05-09"])
        return cli
    }

    func score(_ cli: CLI, period: String, today: String) throws -> Double {
        let rows = try cli.run(["scores", "--period", period, "--json"], today: today).array()
        return try #require(rows.first { $0["department"] as? String == "FGW" }?["score"] as? Double)
    }

    func rules(_ cli: CLI, period: String, today: String) throws -> [String] {
        let show = try cli.run(["department", "show", "FGW", "--period", period, "--json"], today: today).object()
        return (show["lines"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    @Test("a fulfilment backdated by months counts on the day it was recorded until confirmed; confirmed, the corrected view changes")
    func backdatedFulfilment() throws {
        let cli = try ledger()
        let before = try score(cli, period: "2026-Q2", today: "2026-12-06")
        #expect(try rules(cli, period: "2026-Q2", today: "2026-12-06").contains("commitment_overdue"))

        let r = try cli.run(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-05-08"], today: "2026-12-06")
        #expect(r.status == 0 && r.stdout.contains("待核实补录"), "\(r)")
        let shown = try cli.run(["commitment", "show", "CN-2026-0001", "--json"], today: "2026-12-06").object()
        #expect(shown["fulfilled_on"] as? String == "2026-12-06", "it counts on the day of recording")
        let entry = try #require((shown["entries"] as? [[String: Any]])?.last)
        #expect(entry["claim"] as? String == "pending" && entry["claimed"] as? String == "2026-05-08")
        #expect((entry["recorded_at"] as? String)?.hasPrefix("2026-12-06T") == true)
        let event = try #require(entry["event"] as? String)
        #expect(event.hasPrefix("JL-"))
        let text = try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-06").stdout
        #expect(text.contains("2026-05-08 兑现") && text.contains(event) && text.contains("待核实补录"), "\(text)")

        // The past is as it was: the promise was not kept by 05-09, and it is late until 12-06.
        #expect(try rules(cli, period: "2026-Q4", today: "2026-12-06").contains("commitment_fulfilled_late"))
        let pending = try cli.run(["pending", "--json"], today: "2026-12-06").array()
        #expect(pending.map { $0["event"] as? String } == [event])

        // Bad confirmations: no evidence, an unknown event, an event not pending. Nothing is written.
        let dump = try cli.dump()
        #expect(try cli.run(["confirm", event, "--evidence", " "], today: "2026-12-06").status == 65)
        #expect(try cli.run(["confirm", "JL-999", "--evidence", "x"], today: "2026-12-06").status == 66)
        #expect(try cli.run(["confirm", "CN-2026-0001", "--evidence", "x"], today: "2026-12-06").status == 65)
        #expect(try cli.dump() == dump)

        let q4Before = try score(cli, period: "2026-Q4", today: "2026-12-06")
        let ok = try cli.run(["confirm", event, "--evidence", "县发改〔2026〕12号", "--json"], today: "2026-12-06").object()
        #expect(ok["counts"] as? String == "2026-05-08")
        #expect(try cli.run(["commitment", "show", "CN-2026-0001", "--json"], today: "2026-12-06").object()["fulfilled_on"] as? String == "2026-05-08")
        #expect(!(try rules(cli, period: "2026-Q4", today: "2026-12-06").contains("commitment_fulfilled_late")))
        #expect(try score(cli, period: "2026-Q4", today: "2026-12-06") > q4Before)
        #expect(try score(cli, period: "2026-Q2", today: "2026-12-06") > before, "kept on time once confirmed")
        #expect(try cli.run(["confirm", event, "--evidence", "again"], today: "2026-12-06").status == 65, "a decided claim is final")
        #expect(try cli.run(["pending", "--json"], today: "2026-12-06").array().isEmpty)
        let history = try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-06").stdout
        #expect(history.contains("经核实") && history.contains("县发改〔2026〕12号"), "\(history)")
        #expect(try cli.run(["audit", "list", "--json"], today: "2026-12-06").array().contains { $0["action"] as? String == "claim.confirm" })
        #expect(try cli.run(["audit", "verify"], today: "2026-12-06").status == 0)
        #expect(try cli.run(["doctor"], today: "2026-12-06").status == 0)
    }

    @Test("as known on an earlier day, a claim confirmed since still counts as it did then, and an event recorded since is left out")
    func asKnown() throws {
        let cli = try ledger()
        #expect(try cli.run(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-05-08"], today: "2026-12-04").status == 0)
        let event = try #require(try cli.run(["pending", "--json"], today: "2026-12-04").array().first?["event"] as? String)
        let then = try score(cli, period: "2026-Q4", today: "2026-12-04")
        #expect(try cli.run(["confirm", event, "--evidence", "银行回单"], today: "2026-12-07").status == 0)
        func q4(_ extra: [String]) throws -> (rules: [String], score: Double?) {
            let show = try cli.run(["department", "show", "FGW", "--period", "2026-Q4", "--json"] + extra, today: "2026-12-07").object()
            return ((show["lines"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }, show["score"] as? Double)
        }
        #expect(!(try q4([])).rules.contains("commitment_fulfilled_late"), "corrected: kept on time")
        let known = try q4(["--as-known", "2026-12-06"])
        #expect(known.rules.contains("commitment_fulfilled_late") && known.score == then, "as known on 12-06: \(known)")
        let ranked = try cli.run(["scores", "--period", "2026-Q4", "--as-known", "2026-12-06", "--json"], today: "2026-12-07").array()
        #expect(ranked.first?["score"] as? Double == then)
        // Before the fulfilment was even recorded, the promise was open and overdue.
        #expect(try q4(["--as-known", "2026-12-03"]).rules.contains("commitment_overdue"))
        #expect(try cli.run(["department", "show", "FGW", "--as-known", "2026-12-08"], today: "2026-12-07").status == 65, "not yet known")
        let report = try cli.run(["report", "--period", "2026-Q4", "--format", "md", "--as-known", "2026-12-06"], today: "2026-12-07")
        #expect(report.status == 0 && report.stdout.contains("截至 2026-12-06 已录入"), "\(report.stderr)")
    }

    @Test("a rejected claim stays on the day it was recorded")
    func rejected() throws {
        let cli = try ledger()
        #expect(try cli.run(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-05-08"], today: "2026-12-06").status == 0)
        let event = try #require(try cli.run(["pending", "--json"], today: "2026-12-06").array().first?["event"] as? String)
        let lines = try rules(cli, period: "2026-Q4", today: "2026-12-06")
        #expect(try cli.run(["reject", event, "--reason", "无凭证"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["commitment", "show", "CN-2026-0001", "--json"], today: "2026-12-07").object()["fulfilled_on"] as? String == "2026-12-06")
        #expect(try rules(cli, period: "2026-Q4", today: "2026-12-07") == lines)
        #expect(try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-07").stdout.contains("核实未采信"))
    }

    @Test("within the grace window a date counts as typed")
    func withinTheWindow() throws {
        let cli = try ledger()
        // 04-16 (Thu) entered on 04-20 (Mon): two working days (Fri and the day of entry) lie after it.
        let r = try cli.ok(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-04-16"], today: "2026-04-20")
        #expect(r["fulfilled_on"] as? String == "2026-04-16")
        #expect(try cli.run(["pending", "--json"], today: "2026-04-20").array().isEmpty)
    }

    @Test("a backdated amendment does not erase lateness accrued before it was recorded, until its approval is confirmed")
    func backdatedAmendment() throws {
        let cli = try CLI(today: "2026-11-01")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                    "--content", "兑现招商奖励", "--made", "2026-11-01", "--deadline", "2026-11-30"])
        let before = try score(cli, period: "2026-Q4", today: "2026-12-06")
        let r = try cli.run(["commitment", "amend", "CN-2026-0001", "--deadline", "2026-12-31", "--reason", "政策调整", "--legal-basis", "合同第5条",
                             "--approver", "县长", "--date", "2026-11-25"], today: "2026-12-06")
        #expect(r.status == 0 && r.stdout.contains("待核实补录"), "\(r)")
        #expect(try rules(cli, period: "2026-Q4", today: "2026-12-06").contains("commitment_overdue_before_amendment"),
                "six days overdue before the amendment was recorded")
        #expect(try score(cli, period: "2026-Q4", today: "2026-12-06") < 100)
        let shown = try cli.run(["commitment", "show", "CN-2026-0001", "--json"], today: "2026-12-06").object()
        let amendment = try #require((shown["amendments"] as? [[String: Any]])?.first)
        #expect(amendment["date"] as? String == "2026-12-06" && amendment["claimed"] as? String == "2026-11-25")
        let event = try #require(amendment["event"] as? String)
        #expect(event.hasPrefix("BG-"))
        let history = try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-06").stdout
        #expect(history.contains("变更时已逾期 6 天") && history.contains("逾期提示随本次变更消失"), "an alert cleared by an amendment says so: \(history)")
        #expect(try cli.run(["confirm", event, "--evidence", "县政府常务会议纪要〔2026〕9号"], today: "2026-12-06").status == 0)
        #expect(!(try rules(cli, period: "2026-Q4", today: "2026-12-06").contains("commitment_overdue_before_amendment")))
        #expect(!(try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-06").stdout.contains("提示随本次变更消失")))
        #expect(try score(cli, period: "2026-Q4", today: "2026-12-06") >= before)
        #expect(try cli.run(["doctor"], today: "2026-12-06").status == 0)
    }

    @Test("a progress entry claimed before one already recorded is kept in the history but does not become the state")
    func outOfOrderProgress() throws {
        let cli = try ledger()
        try cli.ok(["commitment", "progress", "CN-2026-0001", "--percent", "60", "--date", "2026-04-20"], today: "2026-04-20")
        // Entered the next day, claiming the day before the 60 % entry: within the window, yet earlier.
        let r = try cli.ok(["commitment", "progress", "CN-2026-0001", "--percent", "65", "--date", "2026-04-17"], today: "2026-04-21")
        #expect(r["progress"] as? Int == 60)
        let entries = try #require(try cli.run(["commitment", "show", "CN-2026-0001", "--json"], today: "2026-04-21").object()["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["percent"] as? Int }.sorted() == [60, 65])
        let full = try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-04-21").stdout
        let text = String(try #require(full.components(separatedBy: "经过").last))
        let at65 = try #require(text.range(of: "65%")), at60 = try #require(text.range(of: "60%"))
        #expect(at65.lowerBound < at60.lowerBound, "the history lists by claimed date: \(text)")
        // A fulfilment cannot be claimed before progress already recorded as later.
        #expect(try cli.run(["commitment", "fulfill", "CN-2026-0001", "--date", "2026-04-19"], today: "2026-04-21").status == 65)
    }

    @Test("an amendment made when the promise was due to be reported up keeps the 须上报 alert until it is reported")
    func amendmentKeepsTheReportDuty() throws {
        let cli = try CLI(today: "2026-10-01")
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        try cli.ok(["commitment", "add", "--department", "FGW", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                    "--content", "兑现招商奖励", "--made", "2026-10-01", "--deadline", "2026-10-30"])
        func alert(_ today: String) throws -> [String: Any]? {
            try cli.run(["alerts", "--json"], today: today).array().first { $0["record"] as? String == "CN-2026-0001" }
        }
        #expect(try alert("2026-12-01")?["level"] as? String == "escalate", "a month overdue: to be reported up")
        // Amended on the day (within the window, so it counts at once): the new deadline is weeks away.
        try cli.ok(["commitment", "amend", "CN-2026-0001", "--deadline", "2026-12-31", "--reason", "政策调整", "--legal-basis", "合同第5条",
                    "--approver", "县长"], today: "2026-12-01")
        let kept = try #require(try alert("2026-12-02"), "the duty to report stays")
        #expect(kept["level"] as? String == "escalate" && kept["due"] as? String == "2026-10-30")
        #expect((kept["message"] as? String ?? "").contains("变更不免除上报"), "\(kept)")
        let history = try cli.run(["commitment", "show", "CN-2026-0001"], today: "2026-12-02").stdout
        #expect(history.contains("“须上报”提示保留至报县委县政府"), "\(history)")
        // Reported, it goes; the promise is judged by its new terms again.
        let r = try cli.run(["escalate", "CN-2026-0001", "--note", "变更前逾期一月"], today: "2026-12-02")
        #expect(r.status == 0, "\(r)")
        #expect(try alert("2026-12-02") == nil)
        #expect(try cli.run(["escalations", "list", "--json"], today: "2026-12-02").array().count == 1)
    }
}
