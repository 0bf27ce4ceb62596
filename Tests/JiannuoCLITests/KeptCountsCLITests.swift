import Foundation
import Testing
import JiannuoCore

/// The counts the ranking reads are kept on write; `doctor` catches any that differ from the records
/// (changed with the sqlite3 CLI, or a dropped trigger) and `doctor --rebuild-counts` repairs them, audited.
@Suite("CLI: kept counts", .serialized) struct KeptCountsCLITests {
    @Test("doctor catches a tampered kept count and a dropped count trigger; --rebuild-counts repairs both, audited")
    func tamperedCountsAreCaughtAndRebuilt() throws {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        try #require(try cli.run(["demo", "--size", "small"]).status == 0)
        let scoresBefore = try cli.run(["scores", "--json"]).stdout
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))

        let (s, _, e) = try cli.sqlite(["UPDATE stage_tallies SET n = n + 5 WHERE due BETWEEN '2026-10-01' AND '2026-11-19'; DROP TRIGGER jn_tally_update;"])
        try #require(s == 0, "\(e)")
        let caught = try cli.run(["doctor"])
        #expect(caught.status == 65, "\(caught)")
        #expect(caught.stdout.contains("✗ 计分计数") && caught.stdout.contains("jn_tally_update") && caught.stdout.contains("--rebuild-counts"), "\(caught.stdout)")
        #expect(try cli.run(["scores", "--json"]).stdout != scoresBefore, "a tampered count should move the ranking (or the test proves nothing)")

        let repaired = try cli.run(["doctor", "--rebuild-counts"])
        #expect(repaired.status == 0, "\(repaired)")
        #expect(repaired.stdout.contains("已从记录重算计分计数"), "\(repaired.stdout)")
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))
        #expect(try cli.run(["scores", "--json"]).stdout == scoresBefore)
        #expect(try cli.run(["audit", "list"]).stdout.contains("重算计分计数"))
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test("doctor catches the monthly roll-up of late stages changed alone; the ranking reads it, --rebuild-counts repairs it")
    func tamperedMonthsAreCaught() throws {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        try #require(try cli.run(["demo", "--size", "small"]).status == 0)
        let scoresBefore = try cli.run(["scores", "--json"]).stdout
        let (s, _, e) = try cli.sqlite(["UPDATE stage_months SET n = n + 40 WHERE month = '2026-10'"])
        try #require(s == 0, "\(e)")
        let caught = try cli.run(["doctor"])
        #expect(caught.status == 65, "\(caught)")
        #expect(caught.stdout.contains("✗ 计分计数") && caught.stdout.contains("stage_months") && caught.stdout.contains("/month"), "\(caught.stdout)")
        #expect(try cli.run(["scores", "--json"]).stdout != scoresBefore, "the quarter's ranking reads its whole months from the roll-up")
        #expect(try cli.run(["doctor", "--rebuild-counts"]).status == 0)
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))
        #expect(try cli.run(["scores", "--json"]).stdout == scoresBefore)
    }

    @Test("doctor catches kept score facts changed outside the program (a breach's deleted, its trigger dropped)")
    func tamperedScoreFactsAreCaught() throws {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        try #require(try cli.run(["demo", "--size", "small"]).status == 0)
        let scoresBefore = try cli.run(["scores", "--json"]).stdout
        let (s, _, e) = try cli.sqlite(["DELETE FROM score_facts WHERE source = 'breach'; DROP TRIGGER jn_facts_breach_insert;"])
        try #require(s == 0, "\(e)")
        let caught = try cli.run(["doctor"])
        #expect(caught.status == 65, "\(caught)")
        #expect(caught.stdout.contains("✗ 计分计数") && caught.stdout.contains("jn_facts_breach_insert")
                && caught.stdout.contains("breach_category_"), "\(caught.stdout)")
        #expect(try cli.run(["scores", "--json"]).stdout != scoresBefore, "the ranking reads the kept facts")
        #expect(try cli.run(["doctor", "--rebuild-counts"]).status == 0)
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))
        #expect(try cli.run(["scores", "--json"]).stdout == scoresBefore)
    }

    @Test("doctor catches the open items' counts changed alone; the dashboard's header reads them, --rebuild-counts repairs them")
    func tamperedOpenCountsAreCaught() throws {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        try #require(try cli.run(["demo", "--size", "small"]).status == 0)
        let header = { () throws -> String in String(try cli.run(["render", "--width", "120", "--height", "30"]).stdout.split(separator: "\n")[0]) }
        let before = try header()
        let (s, _, e) = try cli.sqlite(["UPDATE open_tallies SET n = n + 7 WHERE kind = 'complaint' AND due < '2026-11-20'; DROP TRIGGER jn_open_complaints_update;"])
        try #require(s == 0, "\(e)")
        let caught = try cli.run(["doctor"])
        #expect(caught.status == 65, "\(caught)")
        #expect(caught.stdout.contains("✗ 计分计数") && caught.stdout.contains("open complaint/0") && caught.stdout.contains("jn_open_complaints_update"),
                "\(caught.stdout)")
        #expect(try header() != before, "the header's counts read the kept counts (or the test proves nothing)")
        #expect(try cli.run(["audit", "verify"]).status == 65)
        #expect(try cli.run(["doctor", "--rebuild-counts"]).status == 0)
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))
        #expect(try header() == before)
        // Kept on write again: a complaint added and accepted moves them as the records do.
        _ = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "路灯不亮"])
        #expect(try cli.run(["doctor"]).stdout.contains("✓ 计分计数"))
    }

    @Test("only administrators may rebuild the counts")
    func onlyAdministrators() {
        #expect(RoleTable.roles(allowing: .countsRebuild) == [.admin])
    }

    /// `department show` reads only its unit's open items; what it lists must be exactly the unit's share
    /// of `alerts` (including late returns, which belong to the unit that returned the complaint).
    @Test("department show lists exactly the unit's alerts")
    func unitAlertsEqualTheirShareOfAllAlerts() throws {
        let cli = try CLI(today: "2026-11-20", initialised: false)
        try #require(try cli.run(["demo", "--size", "small"]).status == 0)
        // A complaint returned two working days late: its alert belongs to GXJ, which no longer holds it.
        let late = try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "GXJ", "--content", "错派",
                               "--received", "2026-11-16 09:00"])
        try #require(try cli.run(["complaint", "return", late["id"] as! String, "--to", "410422101", "--reason", "非本单位职责",
                                  "--at", "2026-11-20 10:00"]).status == 0)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["alerts", "--json"]).stdout.utf8)) as? [[String: Any]])
        let units = Set(all.compactMap { $0["department"] as? String }.filter { !$0.isEmpty })
        #expect(units.count >= 5)
        #expect(all.contains { $0["record"] as? String == late["id"] as? String && $0["department"] as? String == "GXJ" })
        for unit in units.sorted() {
            let page = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["department", "show", unit, "--json"]).stdout.utf8)) as? [String: Any])
            let mine = (page["alerts"] as? [[String: Any]] ?? []).map { "\($0["record"]!) \($0["kind"]!) \($0["level"]!)" }
            let share = all.filter { $0["department"] as? String == unit }.map { "\($0["record"]!) \($0["kind"]!) \($0["level"]!)" }
            #expect(mine == share, "\(unit): \(mine.count) against \(share.count)")
        }
    }
}
