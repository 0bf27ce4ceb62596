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

    @Test("only administrators may rebuild the counts")
    func onlyAdministrators() {
        #expect(RoleTable.roles(allowing: .countsRebuild) == [.admin])
    }
}
