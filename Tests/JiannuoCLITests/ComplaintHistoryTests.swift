import Foundation
import JiannuoTestSupport
import Testing

/// A complaint's steps are claims like a promise's entries (`--at` about an earlier moment than the grace
/// window waits for confirmation), and a reopened complaint keeps every round, shown and scored.
@Suite("CLI: a complaint's claims and rounds") struct ComplaintHistoryTests {
    /// A unit and one complaint received on Monday 2026-11-02.
    func ledger() throws -> CLI {
        let cli = try CLI(today: "2026-11-02")
        try cli.ok(["department", "add", "--code", "GXJ", "--name", "县工信局", "--kind", "county-department"])
        try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "企业反映奖补未到位",
                    "--received", "2026-11-02 09:00"])
        return cli
    }

    /// The one event waiting for confirmation.
    func pending(_ cli: CLI, today: String) throws -> String {
        let list = try cli.run(["pending", "--json"], today: today).array()
        #expect(list.count == 1, "\(list)")
        return try #require(list.first?["event"] as? String)
    }

    func lines(_ cli: CLI, today: String) throws -> [[String: Any]] {
        let show = try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--json"], today: today).object()
        return show["lines"] as? [[String: Any]] ?? []
    }

    func rules(_ cli: CLI, today: String) throws -> [String] { try lines(cli, today: today).compactMap { $0["rule"] as? String } }

    func ranked(_ cli: CLI, today: String) throws -> Double? {
        try cli.run(["scores", "--period", "2026-Q4", "--json"], today: today).array().first { $0["department"] as? String == "GXJ" }?["score"] as? Double
    }

    @Test("an acceptance typed weeks later counts from its recording until confirmed; confirmed, it counts as typed; the JSON and the history say so")
    func backdatedAcceptance() throws {
        let cli = try ledger()
        let r = try cli.run(["complaint", "accept", "TS-2026-000001", "--at", "2026-11-02 10:00"], today: "2026-12-07")
        let event = try pending(cli, today: "2026-12-07")
        #expect(event.hasPrefix("HJ-"))
        #expect(r.status == 0 && r.stdout.contains("待核实补录 \(event)"), "\(r)")
        let shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect((shown["accepted_at"] as? String)?.hasPrefix("2026-12-07T") == true, "it counts from the recording: \(shown)")
        let claim = try #require((shown["steps"] as? [[String: Any]])?.first { $0["claim"] != nil })
        #expect(claim["event"] as? String == event && claim["claim"] as? String == "pending" && claim["step"] as? String == "accept")
        #expect(claim["claimed_at"] as? String == "2026-11-02T10:00:00+08:00")
        #expect(try rules(cli, today: "2026-12-07").contains("complaint_accept_late"))
        let english = try cli.run(["pending", "--lang", "en"], today: "2026-12-07").stdout
        #expect(english.contains("acceptance: claims 2026-11-02 10:00") && !hasCJK(english), "\(english)")
        let text = try cli.run(["complaint", "show", "TS-2026-000001"], today: "2026-12-07").stdout
        #expect(text.contains(event) && text.contains("称 2026-11-02 10:00") && text.contains("待核实补录"), "\(text)")

        // A later step is checked against the moment the acceptance counts from, and the refusal says why.
        let early = try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已拨付", "--at", "2026-11-05 10:00"], today: "2026-12-07")
        #expect(early.status == 65 && early.stderr.contains(event), "\(early)")

        let late = try ranked(cli, today: "2026-12-07")
        #expect(try cli.run(["confirm", event, "--evidence", "12345 平台受理回执"], today: "2026-12-07").status == 0)
        let after = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect(after["accepted_at"] as? String == "2026-11-02T10:00:00+08:00")
        #expect(!(try rules(cli, today: "2026-12-07").contains("complaint_accept_late")))
        // Accepted on time, the complaint has been in hand since 11-02: its resolution is now overdue instead.
        #expect(try rules(cli, today: "2026-12-07").contains("complaint_resolve_late"))
        let show = try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--json"], today: "2026-12-07").object()
        #expect(show["score"] as? Double == (try ranked(cli, today: "2026-12-07")), "the kept ranking follows the confirmation")
        #expect(late != nil)
        #expect(try cli.run(["confirm", event, "--evidence", "again"], today: "2026-12-07").status == 65, "a decided claim is final")
        #expect(try cli.run(["audit", "verify"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["doctor"], today: "2026-12-07").status == 0)
    }

    @Test("a rejected step stays at its recording; a step within the grace window counts as typed")
    func rejectedAndWithinWindow() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001", "--at", "2026-11-02 10:00"], today: "2026-11-03").status == 0)
        var shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-11-03").object()
        #expect(shown["accepted_at"] as? String == "2026-11-02T10:00:00+08:00")
        #expect(((shown["steps"] as? [[String: Any]]) ?? []).allSatisfy { $0["claim"] == nil })

        #expect(try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已拨付", "--at", "2026-11-05 10:00"], today: "2026-12-07").status == 0)
        let event = try pending(cli, today: "2026-12-07")
        let dump = try cli.dump()
        #expect(try cli.run(["reject", event, "--reason", " "], today: "2026-12-07").status == 65)
        #expect(try cli.dump() == dump, "nothing written")
        #expect(try cli.run(["reject", event, "--reason", "无办结报告"], today: "2026-12-07").status == 0)
        shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect((shown["resolved_at"] as? String)?.hasPrefix("2026-12-07T") == true)
        #expect(try rules(cli, today: "2026-12-07").contains("complaint_resolve_late"))
        #expect(try cli.run(["complaint", "show", "TS-2026-000001"], today: "2026-12-07").stdout.contains("核实未采信"))
    }

    @Test("an extension typed after the limit it extends counts for nothing until confirmed")
    func lateExtension() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001"], today: "2026-11-02").status == 0)
        let due = try #require(try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-11-02").object()["resolve_due"] as? String)
        #expect(try cli.run(["complaint", "extend", "TS-2026-000001", "--days", "5", "--reason", "多部门协调", "--at", "2026-11-10 09:00"],
                            today: "2026-12-07").status == 0)
        var shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect(shown["resolve_due"] as? String == due, "the pending extension does not move the limit")
        #expect(try cli.run(["confirm", try pending(cli, today: "2026-12-07"), "--evidence", "延期审批表"], today: "2026-12-07").status == 0)
        shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect((shown["resolve_due"] as? String ?? "") > due, "confirmed, it extends: \(shown)")
    }

    @Test("a reopened complaint keeps its first round: shown with its result and answer, and its late resolution still scored")
    func rounds() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001"], today: "2026-11-02").status == 0)
        #expect(try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已部分拨付"], today: "2026-12-01").status == 0)
        #expect(try cli.run(["complaint", "respond", "TS-2026-000001", "--text", "已电话告知"], today: "2026-12-01").status == 0)
        #expect(try rules(cli, today: "2026-12-01").contains("complaint_resolve_late"))
        #expect(try cli.run(["complaint", "followup", "TS-2026-000001", "--satisfied", "no", "--note", "尚未全额拨付"], today: "2026-12-02").status == 0)

        let shown = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-07").object()
        #expect(shown["result"] is NSNull && shown["stage"] as? String == "accepted")
        let round = try #require((shown["rounds"] as? [[String: Any]])?.first)
        #expect(round["round"] as? Int == 1 && round["result"] as? String == "已部分拨付" && round["response"] as? String == "已电话告知")
        #expect(round["followup_note"] as? String == "尚未全额拨付")
        let text = try cli.run(["complaint", "show", "TS-2026-000001"], today: "2026-12-07").stdout
        #expect(text.contains("第 1 轮") && text.contains("已部分拨付") && text.contains("第 2 轮"), "\(text)")

        // The first round's late resolution still counts, beside the dissatisfied follow-up, in the
        // traced lines and in the kept ranking alike.
        let traced = try lines(cli, today: "2026-12-07")
        #expect(traced.contains { $0["rule"] as? String == "complaint_resolve_late" && $0["record"] as? String == "TS-2026-000001" }, "\(traced)")
        #expect(traced.contains { $0["rule"] as? String == "complaint_followup_dissatisfied" })
        let show = try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--json"], today: "2026-12-07").object()
        #expect(show["score"] as? Double == (try ranked(cli, today: "2026-12-07")))
        #expect(try cli.run(["doctor"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["audit", "verify"], today: "2026-12-07").status == 0)

        // The second round is handled and answered; both rounds stay.
        #expect(try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已全额拨付"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["complaint", "respond", "TS-2026-000001", "--text", "已告知"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["complaint", "followup", "TS-2026-000001", "--satisfied", "no"], today: "2026-12-08").status == 0)
        let twice = try cli.run(["complaint", "show", "TS-2026-000001", "--json"], today: "2026-12-08").object()
        #expect((twice["rounds"] as? [[String: Any]])?.map { $0["round"] as? Int } == [1, 2])
        #expect(try cli.run(["doctor"], today: "2026-12-08").status == 0)
    }

    @Test("as known on an earlier day, a complaint's step recorded or confirmed since counts as it did then")
    func asKnown() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001"], today: "2026-11-02").status == 0)
        #expect(try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已拨付", "--at", "2026-11-10 10:00"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["confirm", try pending(cli, today: "2026-12-09"), "--evidence", "拨付凭证"], today: "2026-12-09").status == 0)
        func lines(_ asKnown: String?) throws -> [[String: Any]] {
            let args = ["department", "show", "GXJ", "--period", "2026-Q4", "--json"] + (asKnown.map { ["--as-known", $0] } ?? [])
            return try cli.run(args, today: "2026-12-09").object()["lines"] as? [[String: Any]] ?? []
        }
        func resolveLate(_ asKnown: String?) throws -> [String: Any]? {
            try lines(asKnown).first { $0["rule"] as? String == "complaint_resolve_late" }
        }
        #expect(try resolveLate(nil) == nil, "confirmed: resolved on 11-10, in time")
        let pending = try #require(try resolveLate("2026-12-08"), "on 12-08 the claim was pending: resolved on 12-07, late")
        #expect((pending["note"] as? String ?? "").contains("2026-12-07"), "\(pending)")
        let open = try #require(try resolveLate("2026-12-06"), "on 12-06 nothing was recorded: still open and overdue")
        #expect((open["note"] as? String ?? "").contains("未完成"), "\(open)")
        let ranked = try cli.run(["scores", "--period", "2026-Q4", "--as-known", "2026-12-08", "--json"], today: "2026-12-09").array()
        let shown = try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--as-known", "2026-12-08", "--json"], today: "2026-12-09").object()
        #expect(ranked.first { $0["department"] as? String == "GXJ" }?["score"] as? Double == shown["score"] as? Double)
        #expect(try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--as-known", "2026-11-01", "--json"], today: "2026-12-09")
            .object()["lines"].map { ($0 as? [[String: Any]] ?? []).allSatisfy { $0["record"] as? String != "TS-2026-000001" } } == true,
                "before it was registered the complaint is not there")
    }

    @Test("alerts as known on an earlier day show what was open then, by what had been recorded; a promise closed since is back")
    func alertsAsKnown() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001"], today: "2026-11-02").status == 0)
        try cli.ok(["commitment", "add", "--department", "GXJ", "--category", "1", "--kind", "policy", "--counterparty", "甲公司",
                    "--content", "兑现奖补", "--made", "2026-10-01", "--deadline", "2026-11-20"], today: "2026-11-02")
        #expect(try cli.run(["complaint", "resolve", "TS-2026-000001", "--result", "已拨付", "--at", "2026-11-10 10:00"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["complaint", "respond", "TS-2026-000001", "--text", "已告知"], today: "2026-12-07").status == 0)
        #expect(try cli.run(["commitment", "fulfill", "CN-2026-0001"], today: "2026-12-07").status == 0)
        func records(_ extra: [String]) throws -> [String: String] {
            var out: [String: String] = [:]
            for a in try cli.run(["alerts", "--json"] + extra, today: "2026-12-09").array() {
                // The calendar's own notes (no work calendar loaded in this ledger) are not records.
                if let id = a["record"] as? String, a["kind"] as? String != "calendar" { out[id] = a["kind"] as? String }
            }
            return out
        }
        #expect(try records([]).isEmpty, "today nothing is open")
        let then = try records(["--as-known", "2026-12-06"])
        #expect(then["TS-2026-000001"] == "complaint_resolve", "\(then)")
        #expect(then["CN-2026-0001"] == "commitment", "\(then)")
        #expect(try records(["--as-known", "2026-10-20"]).isEmpty, "neither was registered yet")
        #expect(try cli.run(["alerts", "--as-known", "2026-12-10"], today: "2026-12-09").status == 65, "a day after today")
    }

    @Test("a rectification's completion and an opinion's handling typed weeks later wait for confirmation like any claim (BL-n)")
    func datedCompletions() throws {
        let cli = try ledger()
        #expect(try cli.run(["complaint", "accept", "TS-2026-000001"], today: "2026-11-02").status == 0)
        let sx = try #require(try cli.ok(["complaint", "verify", "TS-2026-000001", "--breach", "yes", "--category", "1", "--finding", "属实"],
                                         today: "2026-11-02")["id"] as? String)
        let zg = try #require(try cli.ok(["rectification", "add", sx, "--unit", "GXJ", "--measures", "限期拨付", "--deadline", "2026-11-13"],
                                         today: "2026-11-02")["id"] as? String)
        let yq = try #require(try cli.ok(["opinion", "add", "--department", "GXJ", "--title", "网帖", "--source", "微博", "--severity", "low",
                                          "--date", "2026-11-02"], today: "2026-11-02")["id"] as? String)
        #expect(try cli.ok(["rectification", "done", zg, "--date", "2026-11-10"], today: "2026-12-07")["completed_on"] as? String == "2026-12-07")
        #expect(try cli.ok(["opinion", "handle", yq, "--date", "2026-11-03"], today: "2026-12-07")["handled_on"] as? String == "2026-12-07")
        let waiting = try cli.run(["pending", "--json"], today: "2026-12-07").array()
        #expect(waiting.count == 2 && waiting.allSatisfy { ($0["event"] as? String)?.hasPrefix("BL-") == true }, "\(waiting)")
        let rules = try self.rules(cli, today: "2026-12-07")
        #expect(rules.contains("rectification_late") && rules.contains("opinion_handled_late"), "\(rules)")
        let record = try cli.run(["breach", "show", sx], today: "2026-12-07").stdout
        #expect(record.contains("待核实补录"), "\(record)")
        for w in waiting { #expect(try cli.run(["confirm", w["event"] as! String, "--evidence", "整改报告"], today: "2026-12-08").status == 0) }
        let after = try self.rules(cli, today: "2026-12-08")
        #expect(!after.contains("rectification_late") && !after.contains("opinion_handled_late"), "\(after)")
        #expect(try cli.run(["department", "show", "GXJ", "--period", "2026-Q4", "--json", "--as-known", "2026-12-07"], today: "2026-12-08")
            .object()["lines"].map { ($0 as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "rectification_late" } } == true,
                "as known on 12-07 the completion still counted from its recording")
        // As known on 12-06 it was not recorded yet: the rectification (done 11-10 as confirmed since) was open and late.
        let alertsThen = try cli.run(["alerts", "--as-known", "2026-12-06", "--json"], today: "2026-12-08").array()
        #expect(alertsThen.contains { $0["record"] as? String == zg }, "\(alertsThen)")
        #expect(!(try cli.run(["alerts", "--json"], today: "2026-12-08").array()).contains { $0["record"] as? String == zg })
        #expect(try cli.run(["doctor"], today: "2026-12-08").status == 0)
        #expect(try cli.run(["audit", "verify"], today: "2026-12-08").status == 0)
    }
}
